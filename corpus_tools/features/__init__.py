"""Count, weigh and compare words: frequencies, document-term matrices, keyness,
collocations, concordances and document similarity.

Every function takes token lists as :func:`corpus_tools.tokenize_corpus` returns them
(``list[list[str]]``, multi-syllable words joined by ``_``), or as a mapping of
id → tokens or ``(doc_id, tokens)`` pairs, whose ids then name the rows; it returns a
tidy :class:`pandas.DataFrame`, or a :mod:`scipy.sparse` matrix with its vocabulary.
Nothing builds a dense documents × vocabulary array, so the functions scale to large
corpora.

Tables show each word twice: ``token`` as counted ("bộ_chính_trị") and ``term`` as readers
write it ("bộ chính trị", from :func:`~corpus_tools.token_to_text`).

An empty document (``[]`` or ``""``) counts as a document with no tokens, and empty-string
tokens are ignored. Inputs that leave nothing to compare raise
:class:`~corpus_tools.errors.CorpusError` saying what to change.

The modules, one job each:

* :mod:`~corpus_tools.features.vectorize`: vectorizers, document-term matrices, similarity;
* :mod:`~corpus_tools.features.frequencies`: frequencies and dispersion, tf·idf keywords,
  one written form per word, the corpus overview table;
* :mod:`~corpus_tools.features.keywords`: keyness against a reference, and G²;
* :mod:`~corpus_tools.features.phrases`: collocations and words the segmenter missed;
* :mod:`~corpus_tools.features.concordance`: key word in context (:func:`kwic`).

No module shares its name with a function it holds, so a function never hides its
module.
"""

from __future__ import annotations

from .concordance import kwic
from .frequencies import (
    count_matrix,
    document_table,
    syllables_and_words,
    term_frequencies,
    tfidf_keyword_matrix,
    top_tfidf_terms,
    unify_case,
)
from .keywords import keyness, keyness_by_document
from .phrases import collocations, word_candidates
from .vectorize import (
    NgramAnalyzer,
    document_similarity,
    document_term_matrix,
    make_vectorizer,
    token_analyzer,
)

__all__ = [
    "NgramAnalyzer",
    "collocations",
    "count_matrix",
    "document_similarity",
    "document_table",
    "document_term_matrix",
    "keyness",
    "keyness_by_document",
    "kwic",
    "make_vectorizer",
    "syllables_and_words",
    "term_frequencies",
    "tfidf_keyword_matrix",
    "token_analyzer",
    "top_tfidf_terms",
    "unify_case",
    "word_candidates",
]
