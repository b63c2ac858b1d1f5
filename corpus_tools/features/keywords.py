"""Keyness: which words a text uses more (or less) than a reference corpus.

Dunning's log-likelihood G² (:func:`g2`, which collocations use too), its p-value and
Hardie's log ratio, for one target against one reference (:func:`keyness`) or each
document against the rest (:func:`keyness_by_document`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy.stats import chi2

from ..errors import CorpusError
from ..types import TokensInput
from ..validation import check_positive_int, flat_tokens, token_lists
from .common import PER, display_terms, empty_table, take
from .frequencies import count_vectors

__all__ = ["g2", "keyness", "keyness_by_document"]

_KEYNESS_COLUMNS = [
    "term",
    "token",
    "target_count",
    "reference_count",
    "target_per_10k",
    "reference_per_10k",
    "g2",
    "p_value",
    "log_ratio",
]


def g2(o11: np.ndarray, o12: np.ndarray, o21: np.ndarray, o22: np.ndarray) -> np.ndarray:
    """Return Dunning's G² = 2 Σ O ln(O / E) of 2 × 2 tables [[o11, o12], [o21, o22]].

    Vectorised over arrays of cells, one table per position; unsigned (at least 0).
    Keyness and collocations both score their tables with it.

    Examples
    --------
    >>> g2(np.array([2]), np.array([0]), np.array([2]), np.array([4])).round(6).tolist()
    [3.452185]
    """
    observed = np.stack([o11, o12, o21, o22]).astype(np.float64)
    total = observed.sum(axis=0)
    row1, row2 = observed[0] + observed[1], observed[2] + observed[3]
    col1, col2 = observed[0] + observed[2], observed[1] + observed[3]
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.stack([row1 * col1, row1 * col2, row2 * col1, row2 * col2]) / total
        cells = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return np.maximum(2.0 * cells.sum(axis=0), 0.0)


def _keyness_columns(
    target_count: np.ndarray,
    reference_count: np.ndarray,
    target_size: np.ndarray | float,
    reference_size: np.ndarray | float,
) -> dict[str, np.ndarray]:
    a = np.asarray(target_count, dtype=np.float64)
    b = np.asarray(reference_count, dtype=np.float64)
    c = np.broadcast_to(np.asarray(target_size, dtype=np.float64), a.shape)
    d = np.broadcast_to(np.asarray(reference_size, dtype=np.float64), a.shape)
    scores = g2(a, b, c - a, d - b)
    scores = np.where(a * d < b * c, -scores, scores)
    smoothed_a, smoothed_b = np.where(a > 0, a, 0.5), np.where(b > 0, b, 0.5)
    return {
        "target_count": np.asarray(target_count, dtype=np.int64),
        "reference_count": np.asarray(reference_count, dtype=np.int64),
        "target_per_10k": a / c * PER,
        "reference_per_10k": b / d * PER,
        "g2": scores,
        "p_value": chi2.sf(np.abs(scores), 1),
        "log_ratio": np.log2((smoothed_a / c) / (smoothed_b / d)),
    }


def keyness(
    target_tokens: Iterable[str] | TokensInput,
    reference_tokens: Iterable[str] | TokensInput,
    *,
    min_count: int = 2,
) -> pd.DataFrame:
    """Compare word frequencies in a target against a reference corpus.

    Each argument is a flat token list or token lists in any form (a list of lists, a
    mapping of id → tokens, ``(doc_id, tokens)`` pairs), so one document, a group of
    documents or a whole corpus can stand on either side (group against group:
    ``keyness(tokens[:2], tokens[2:])``).

    Parameters
    ----------
    target_tokens, reference_tokens : list of str or token lists
        The two corpora; neither may be empty.
    min_count : int
        Report only words found at least this often in the target. The default, 2, leaves
        out words used once: a single use cannot show that a word characterises a text,
        and in a short article the many hapaxes (all with the same G²) would crowd out
        the words it repeats.

    Returns
    -------
    pandas.DataFrame
        One row per target word: ``term, token, target_count, reference_count,
        target_per_10k, reference_per_10k, g2, p_value, log_ratio``, sorted by ``g2``
        descending then ``token``.

        ``g2`` is Dunning's (1993) log-likelihood G² of the 2 × 2 table (word / other
        words × target / reference), signed negative when the word is relatively rarer
        in the target. ``p_value`` is its chi-square tail with one degree of freedom (no
        continuity correction; unreliable for very small counts). ``log_ratio`` is
        Hardie's (2014) effect size, log2 of the ratio of relative frequencies: +1 means
        twice as frequent in the target. A zero reference count is replaced by 0.5, so
        a word absent from the reference gets a finite, comparable value.

    Examples
    --------
    >>> target = ["ở", "ở", "đảng", "đảng"]
    >>> reference = [["đảng", "đảng"], ["đảng", "đảng"]]
    >>> keyness(target, reference)[["token", "target_count", "reference_count", "g2", "log_ratio"]]
      token  target_count  reference_count        g2  log_ratio
    0     ở             2                0  3.452...        2.0
    1  đảng             2                4 -3.452...       -1.0
    """
    min_count = check_positive_int(min_count, "min_count")
    target = flat_tokens(target_tokens, "target_tokens")
    reference = flat_tokens(reference_tokens, "reference_tokens")
    if not target:
        raise CorpusError("target_tokens holds no tokens; pass the words of the target corpus")
    if not reference:
        raise CorpusError(
            "reference_tokens holds no tokens; compare against a non-empty reference corpus"
        )
    target_counts = Counter(target)
    reference_counts = Counter(reference)
    tokens = np.array(sorted(t for t, n in target_counts.items() if n >= min_count), dtype=object)
    if not len(tokens):
        return empty_table(
            _KEYNESS_COLUMNS,
            {c: "int64" for c in ("target_count", "reference_count")}
            | {c: "float64" for c in _KEYNESS_COLUMNS[4:]},
        )
    columns = _keyness_columns(
        np.array([target_counts[t] for t in tokens]),
        np.array([reference_counts.get(t, 0) for t in tokens]),
        len(target),
        len(reference),
    )
    order = np.lexsort((np.arange(len(tokens)), -columns["g2"]))
    table = pd.DataFrame({"term": display_terms(tokens[order]), "token": tokens[order].astype(str)})
    for name, values in columns.items():
        table[name] = values[order]
    return table


def keyness_by_document(
    tokens_per_doc: TokensInput,
    *,
    doc_ids: Iterable[str] | None = None,
    n_top: int | None = None,
    min_count: int = 2,
) -> pd.DataFrame:
    """Compare each document against all the others together (one against the rest).

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        At least two documents with tokens; a mapping or pairs carry the ids.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….
    n_top : int, optional
        Keep each document's ``n_top`` rows with the highest ``g2``; ``None`` keeps all.
    min_count : int
        Report only words found at least this often in the document (default 2, as in
        :func:`keyness`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` followed by the columns of :func:`keyness`, in document order and by
        ``g2`` descending then ``token`` within each document.

    Examples
    --------
    >>> docs = [["ở", "ở", "đảng", "đảng"], ["đảng", "đảng", "đảng", "đảng"]]
    >>> keyness_by_document(docs, doc_ids=["a", "b"], n_top=1)[["doc_id", "token", "g2"]]
      doc_id token        g2
    0      a     ở  3.452...
    1      b  đảng  3.452...
    """
    if n_top is not None:
        n_top = check_positive_int(n_top, "n_top")
    min_count = check_positive_int(min_count, "min_count")
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    if sum(1 for doc in docs if doc) < 2:
        raise CorpusError(
            f"keyness_by_document compares each document with the rest, so it needs at least "
            f"two documents with tokens ({sum(map(bool, docs))} of {len(docs)} have any); "
            "add documents, or use keyness() against a reference corpus"
        )
    matrix, vocabulary = count_vectors(docs)
    lengths = np.asarray(matrix.sum(axis=1)).ravel()
    totals = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    keep = coo.data >= min_count
    rows, cols, counts = coo.row[keep], coo.col[keep], coo.data[keep]
    columns = _keyness_columns(
        counts, totals[cols] - counts, lengths[rows], lengths.sum() - lengths[rows]
    )
    order = np.lexsort((cols, -columns["g2"], rows))
    rows, cols = rows[order], cols[order]
    if n_top is not None:
        ranks = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
        order, rows, cols = order[ranks < n_top], rows[ranks < n_top], cols[ranks < n_top]
    table = pd.DataFrame(
        {
            "doc_id": take(ids, rows),
            "term": take(display_terms(vocabulary), cols),
            "token": vocabulary[cols],
        }
    )
    for name, values in columns.items():
        table[name] = values[order]
    return table
