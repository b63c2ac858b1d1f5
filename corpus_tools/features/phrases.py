"""Collocations: adjacent words (or syllables) that attract, and words the segmenter missed.

Pairs are scored by pointwise mutual information and by Dunning's G²
(:func:`corpus_tools.features.keywords.g2`).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import pairwise
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..segment import token_to_text
from ..types import TokenLists, TokensInput
from ..validation import check_positive_int, token_lists
from .common import empty_table, is_word, syllables
from .keywords import g2

__all__ = ["CANDIDATE_MIN_LLR", "collocations", "word_candidates"]

Level = Literal["word", "syllable"]
Measure = Literal["pmi", "llr"]

CANDIDATE_MIN_LLR = 10.83
"""A syllable pair must reach this log-likelihood to be a ``candidate_word``: the
chi-square critical value for p = 0.001 with one degree of freedom."""

_COLLOCATION_COLUMNS = ["first", "second", "collocation", "count", "pmi", "llr"]
_CANDIDATE_COLUMNS = ["word", "collocation", "count", "pmi", "llr"]


def _has_letter(syllable: str) -> bool:
    return any(char.isalpha() for char in syllable)


@lru_cache(maxsize=1 << 16)
def _edges(token: str) -> tuple[str, str]:
    """A word token's first and last syllables."""
    parts = syllables(token)
    return parts[0], parts[-1]


def _pair_counts(
    docs: TokenLists, level: Level
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Count adjacent pairs; never pair across a document edge or a punctuation token.

    Returns all pairs, the pairs inside one token (syllable level) and the adjacent
    token pairs (at a word boundary; at word level these are all the pairs).
    """
    pairs: Counter[tuple[str, str]] = Counter()
    within: Counter[tuple[str, str]] = Counter()
    crossings: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        previous: str | None = None
        for token in doc:
            if not is_word(token):
                previous = None
                continue
            if previous is not None:
                crossings[previous, token] += 1
            previous = token
    if level == "word":
        return crossings, within, crossings
    for (left, right), n in crossings.items():
        pairs[_edges(left)[1], _edges(right)[0]] += n
    for token, n in Counter(token for doc in docs for token in doc if is_word(token)).items():
        for pair in pairwise(syllables(token)):
            within[pair] += n
    pairs.update(within)
    return pairs, within, crossings


def _association(
    pairs: Counter[tuple[str, str]], keys: list[tuple[str, str]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return counts, PMI and LLR of ``keys`` among all ``pairs``."""
    first_totals: Counter[str] = Counter()
    second_totals: Counter[str] = Counter()
    for (first, second), n in pairs.items():
        first_totals[first] += n
        second_totals[second] += n
    total = sum(pairs.values())
    n_xy = np.array([pairs[key] for key in keys], dtype=np.float64)
    n_x = np.array([first_totals[first] for first, _ in keys], dtype=np.float64)
    n_y = np.array([second_totals[second] for _, second in keys], dtype=np.float64)
    pmi = np.log2(n_xy * total / (n_x * n_y))
    llr = g2(n_xy, n_x - n_xy, n_y - n_xy, total - n_x - n_y + n_xy)
    return n_xy.astype(np.int64), pmi, llr


def collocations(
    tokens_per_doc: TokensInput,
    *,
    level: Level = "word",
    measure: Measure = "pmi",
    min_count: int = 3,
) -> pd.DataFrame:
    """Score adjacent pairs of words (or syllables) by how strongly they attract.

    Pairs never span two documents or a punctuation token, so pass tokens from
    ``tokenize(..., keep_punct=True)`` to respect sentence and clause breaks. Removing
    stopwords first makes words adjacent that were not: for ``level="syllable"`` (finding
    words the segmenter missed) tokenize without stopwords.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document (or paragraph).
    level : {"word", "syllable"}
        Pair adjacent tokens, or adjacent syllables (a token "a_b" gives "a", "b").
    measure : {"pmi", "llr"}
        The column to sort by (both are always given).
    min_count : int
        Report only pairs seen at least this often. PMI overrates rare pairs, so keep it
        at 3 or more.

    Returns
    -------
    pandas.DataFrame
        ``first, second, collocation, count, pmi, llr``, sorted by ``measure``
        descending, then ``count``, ``first``, ``second``. ``pmi`` is log2 of
        ``count · N / (n_first · n_second)``, where N is the number of pairs and
        ``n_first`` (``n_second``) how often the word opens (closes) a pair. ``llr`` is
        Dunning's G² of the same 2 × 2 table (unsigned: check ``pmi > 0`` for
        attraction). At ``level="syllable"`` two more columns: ``within_word`` (the pair
        occurs inside one token) and ``candidate_word``: the pair crossed a word boundary
        at least ``min_count`` times, both syllables hold a letter (not "năm 2020"),
        ``pmi > 0`` and ``llr >=`` :data:`CANDIDATE_MIN_LLR`: a word the segmenter may
        have missed (see :func:`word_candidates`).

    Examples
    --------
    >>> docs = [["cán_bộ", "đảng_viên", ",", "cán_bộ", "đảng_viên", "cán_bộ"]]
    >>> collocations(docs, min_count=2)
        first     second       collocation  count       pmi       llr
    0  cán_bộ  đảng_viên  cán bộ đảng viên      2  0.584963  3.819085
    >>> columns = ["collocation", "count", "pmi", "within_word", "candidate_word"]
    >>> collocations(docs, level="syllable", min_count=2)[columns]
      collocation  count       pmi  within_word  candidate_word
    0     bộ đảng      2  2.000000        False           False
    1   đảng viên      2  2.000000         True           False
    2      cán bộ      3  1.415037         True           False
    """
    if level not in ("word", "syllable"):
        raise CorpusError(f"level must be 'word' or 'syllable', not {level!r}")
    if measure not in ("pmi", "llr"):
        raise CorpusError(f"measure must be 'pmi' or 'llr', not {measure!r}")
    min_count = check_positive_int(min_count, "min_count")
    docs, _ = token_lists(tokens_per_doc, name="tokens_per_doc", unique=False)
    pairs, within, _ = _pair_counts(docs, level)
    return _collocation_table(pairs, within, level, measure, min_count)


def _collocation_table(
    pairs: Counter[tuple[str, str]],
    within: Counter[tuple[str, str]],
    level: Level,
    measure: Measure,
    min_count: int,
) -> pd.DataFrame:
    columns = list(_COLLOCATION_COLUMNS)
    if level == "syllable":
        columns += ["within_word", "candidate_word"]
    keys = sorted(key for key, n in pairs.items() if n >= min_count)
    if not keys:
        dtypes = {"count": "int64", "pmi": "float64", "llr": "float64"}
        return empty_table(columns, dtypes | {"within_word": "bool", "candidate_word": "bool"})
    counts, pmi, llr = _association(pairs, keys)
    table = pd.DataFrame(
        {
            "first": [first for first, _ in keys],
            "second": [second for _, second in keys],
            "collocation": [f"{token_to_text(a)} {token_to_text(b)}" for a, b in keys],
            "count": counts,
            "pmi": pmi,
            "llr": llr,
        }
    )
    if level == "syllable":
        boundary = counts - np.array([within[key] for key in keys], dtype=np.int64)
        table["within_word"] = np.array([within[key] > 0 for key in keys], dtype=bool)
        letters = np.array([_has_letter(a) and _has_letter(b) for a, b in keys], dtype=bool)
        table["candidate_word"] = (
            letters & (boundary >= min_count) & (pmi > 0) & (llr >= CANDIDATE_MIN_LLR)
        )
    # keys are sorted by (first, second): their position is the last tie-breaker.
    order = np.lexsort((np.arange(len(keys)), -counts, -table[measure].to_numpy()))
    return table.iloc[order].reset_index(drop=True)


def word_candidates(
    tokens_per_doc: TokensInput, *, min_count: int = 3, n_top: int = 20
) -> pd.DataFrame:
    """Suggest multi-syllable words the segmenter split, for the user word list.

    Takes the ``candidate_word`` syllable pairs of :func:`collocations` and, for each,
    the two whole tokens it most often joined across a boundary: a pair "chức" + "chạy"
    inside "chạy_chức" + "chạy_quyền" suggests "chạy chức chạy quyền", never the
    fragment "chức chạy". Tokenize with ``keep_punct=True`` and no stopwords. Review the
    list before use: frequent phrases qualify as well as missed words.

    Returns
    -------
    pandas.DataFrame
        ``word, collocation, count, pmi, llr``: ``word`` (syllables separated by spaces)
        is ready for ``tokenize(text, user_words=load_user_words() + tuple(words))``;
        ``collocation`` is the syllable pair and ``count`` how often ``word`` was split.
        Sorted by ``llr`` descending, at most ``n_top`` rows.

    Examples
    --------
    >>> docs = [["chạy", "chức", "là", "sai", "."], ["chống", "chạy", "chức", "ở", "cơ_sở"],
    ...         ["chạy", "chức", "bị", "kỷ_luật"]]
    >>> word_candidates(docs, min_count=3)
            word collocation  count  pmi        llr
    0  chạy chức   chạy chức      3  2.0  13.496043
    """
    min_count = check_positive_int(min_count, "min_count")
    n_top = check_positive_int(n_top, "n_top")
    docs, _ = token_lists(tokens_per_doc, name="tokens_per_doc", unique=False)
    pairs, within, crossings = _pair_counts(docs, "syllable")
    table = _collocation_table(pairs, within, "syllable", "llr", min_count)
    table = table[table["candidate_word"]]
    wanted = set(zip(table["first"], table["second"], strict=True))
    best: dict[tuple[str, str], tuple[int, str, str]] = {}
    for (left, right), n in crossings.items():
        key = (_edges(left)[1], _edges(right)[0])
        if key in wanted:
            current = best.get(key)
            # the most frequent token pair; ties go to the first in sorted order
            if current is None or (-n, left, right) < (-current[0], current[1], current[2]):
                best[key] = (n, left, right)
    rows = []
    for first, second, collocation, pmi, llr in table[
        ["first", "second", "collocation", "pmi", "llr"]
    ].itertuples(index=False):
        n, left, right = best[first, second]
        word = f"{token_to_text(left)} {token_to_text(right)}"
        rows.append((word, collocation, n, pmi, llr))
    result = pd.DataFrame(rows, columns=_CANDIDATE_COLUMNS)
    if result.empty:
        return empty_table(
            _CANDIDATE_COLUMNS, {"count": "int64", "pmi": "float64", "llr": "float64"}
        )
    result = result.drop_duplicates("word").head(n_top).reset_index(drop=True)
    return result.astype({"count": "int64"})
