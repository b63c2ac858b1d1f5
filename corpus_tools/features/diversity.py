"""Lexical diversity: how varied a document's vocabulary is, measured so length does not decide.

The type-token ratio (distinct words / words) falls as a text grows, so long articles
always look poorer. Two measures that do not depend on length are given instead:

* MATTR, the moving-average type-token ratio (Covington & McFall 2010, "Cutting the
  Gordian knot", Journal of Quantitative Linguistics 17(2)): the mean TTR of every
  window of ``window`` consecutive words;
* MTLD, the measure of textual lexical diversity (McCarthy & Jarvis 2010, Behavior
  Research Methods 42(2)): the mean length of the stretches of text over which the TTR
  stays above 0.72, read forwards and backwards.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..types import TokensInput
from ..validation import check_positive_int, token_lists
from .common import is_word

__all__ = ["MTLD_THRESHOLD", "lexical_diversity", "mattr", "mtld"]

MTLD_THRESHOLD = 0.72
"""The TTR at which MTLD closes a factor (McCarthy & Jarvis 2010)."""


def mattr(words: Sequence[str], *, window: int = 100) -> float:
    """Moving-average type-token ratio over windows of ``window`` words.

    NaN when the text is shorter than one window: its plain TTR would not be comparable.

    Examples
    --------
    >>> mattr(["a", "b", "a", "c"], window=2)
    1.0
    >>> round(mattr(["a", "a", "b", "b"], window=2), 3)
    0.667
    """
    window = check_positive_int(window, "window")
    if len(words) < window:
        return float("nan")
    counts = Counter(words[:window])
    total = len(counts)
    for out, new in zip(words, words[window:], strict=False):
        counts[new] += 1
        counts[out] -= 1
        if not counts[out]:
            del counts[out]
        total += len(counts)
    return total / (len(words) - window + 1) / window


def _factors(words: Sequence[str], threshold: float) -> float:
    factors, seen, length = 0.0, set(), 0
    for word in words:
        seen.add(word)
        length += 1
        if len(seen) / length <= threshold:
            factors += 1
            seen, length = set(), 0
    if length:
        factors += (1 - len(seen) / length) / (1 - threshold)
    return factors


def mtld(words: Sequence[str], *, threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of textual lexical diversity: words per factor, forwards and backwards averaged.

    A factor ends where the running TTR falls to ``threshold``; the remainder counts as a
    partial factor. NaN for a text without words or without any repetition (no factor).

    Examples
    --------
    >>> mtld(["a", "b", "a", "b", "a", "b"])
    3.0
    """
    if not words:
        return float("nan")
    scores = []
    for sequence in (words, list(reversed(words))):
        factors = _factors(sequence, threshold)
        scores.append(len(words) / factors if factors else float("nan"))
    return float(np.mean(scores))


def lexical_diversity(
    tokens_per_doc: TokensInput,
    *,
    window: int = 100,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Lexical diversity of each document: TTR, MATTR and MTLD.

    Words are the word tokens (punctuation left out), lowercased, as segmented: "cán bộ"
    is one word. Pass the running words, stopwords kept: diversity is a property of the
    whole text.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids.
    window : int
        MATTR's window in words (100 is usual). Documents shorter than that get NaN.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….

    Returns
    -------
    pandas.DataFrame
        ``doc_id, words, distinct_words, ttr, mattr, mattr_window, mtld``, in document
        order. ``ttr`` (distinct / words) is there for comparison only: it falls with
        length. ``mattr`` is in [0, 1], the share of distinct words in an average window
        of ``mattr_window`` words; ``mtld`` is in words (higher = more varied).

    Examples
    --------
    >>> docs = {"a": ["Cán_bộ", "cán_bộ", "họp", ".", "họp"], "b": []}
    >>> lexical_diversity(docs, window=2)
      doc_id  words  distinct_words  ttr     mattr  mattr_window  mtld
    0      a      4               2  0.5  0.666667             2   2.0
    1      b      0               0  NaN       NaN             2   NaN
    """
    window = check_positive_int(window, "window")
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    rows = []
    for doc_id, doc in zip(ids, docs, strict=True):
        words = [token.lower() for token in doc if is_word(token)]
        distinct = len(set(words))
        rows.append(
            (
                doc_id,
                len(words),
                distinct,
                distinct / len(words) if words else float("nan"),
                mattr(words, window=window),
                window,
                mtld(words),
            )
        )
    columns = ["doc_id", "words", "distinct_words", "ttr", "mattr", "mattr_window", "mtld"]
    table = pd.DataFrame(rows, columns=columns)
    return table.astype(
        {"doc_id": "str", "words": "int64", "distinct_words": "int64", "mattr_window": "int64"}
        | dict.fromkeys(("ttr", "mattr", "mtld"), "float64")
    )
