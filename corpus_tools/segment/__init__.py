"""Word segmentation: Vietnamese text to tokens, one text or a whole corpus.

The modules follow the flow:

* :mod:`~corpus_tools.segment.wordlists`: the bundled user words and stopwords;
* :mod:`~corpus_tools.segment.units`: documents split into units of analysis;
* :mod:`~corpus_tools.segment.crf` and :mod:`~corpus_tools.segment.decoder`: underthesea's
  model, the fast decoder and the pretokenizer memo, line by line segmentation;
* :mod:`~corpus_tools.segment.correction`: the model's syllable boundaries rescored by
  a correction learnt from the UD Vietnamese treebank (used by the decoder);
* :mod:`~corpus_tools.segment.tokens`: :func:`tokenize` and its word filters;
* :mod:`~corpus_tools.segment.cache`: the token dataset on disk and its keys;
* :mod:`~corpus_tools.segment.runs`: which documents each run wrote there, and
  :func:`read_tokens`, which reads one run;
* :mod:`~corpus_tools.segment.runner`: :func:`tokenize_corpus` and :func:`iter_tokens`,
  with worker processes, the cache and per-document error handling;
* :mod:`~corpus_tools.segment.distributed`: the same on a Dask cluster (import it
  yourself; it needs ``pip install "corpus_tools[dask]"``).

This package re-exports the public functions; names that only the modules share are
documented as internal API in each module.
"""

from __future__ import annotations

from .cache import TokenCache
from .decoder import SEGMENTER_TONE_STYLE
from .runner import iter_tokens, tokenize_corpus
from .runs import list_runs, read_tokens
from .tokens import token_to_text, tokenize, tokenize_texts
from .units import text_units
from .wordlists import WORD_JOINER, load_stopwords, load_user_words

__all__ = [
    "SEGMENTER_TONE_STYLE",
    "WORD_JOINER",
    "TokenCache",
    "iter_tokens",
    "list_runs",
    "load_stopwords",
    "load_user_words",
    "read_tokens",
    "text_units",
    "token_to_text",
    "tokenize",
    "tokenize_corpus",
    "tokenize_texts",
]
