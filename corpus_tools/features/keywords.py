"""Keyness: which words a text uses more (or less) than a reference corpus.

Dunning's log-likelihood G² (:func:`g2`, which collocations use too), its p-value and
Hardie's log ratio, for one target against one reference (:func:`keyness`), each group
against the rest or against another group (:func:`keyness_by_group`), or each document
against the rest (:func:`keyness_by_document`). Every table holds both the over-used
words (G² > 0) and the under-used ones (G² < 0).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.stats import chi2

from ..errors import CorpusError
from ..types import TokensInput
from ..validation import check_positive_int, flat_tokens, token_lists
from .common import PER, align_groups, display_terms, empty_table, group_order
from .groups import group_count_matrix

__all__ = [
    "G2_THRESHOLDS",
    "TIE_DECIMALS",
    "g2",
    "keyness",
    "keyness_by_document",
    "keyness_by_group",
]

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


G2_THRESHOLDS = {0.05: 3.84, 0.001: 10.83, 0.0001: 15.13}
"""p-value → the G² above which a word is significant at that level (chi-square, 1 df)."""


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


TIE_DECIMALS = 9
"""G² values equal to this many decimals count as tied; ties are ordered by token."""


def _keyness_rows(
    a: np.ndarray, b: np.ndarray, c: int, d: int, *, min_count: int, n_top: int | None
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Positions of the reported words, in table order, and their keyness columns.

    ``a``, ``b`` are int64 counts in target and reference (one per word, words in token
    order), ``c``, ``d`` the two sizes. Over-used words need ``a >= min_count``,
    under-used ones ``b >= min_count``, words used in proportion ``a >= min_count``.
    """
    over, under = a * d > b * c, a * d < b * c
    keep = np.flatnonzero(
        (over & (a >= min_count)) | (under & (b >= min_count)) | (~over & ~under & (a >= min_count))
    )
    columns = _keyness_columns(a[keep], b[keep], c, d)
    order = np.lexsort((keep, -np.round(columns["g2"], TIE_DECIMALS)))
    if n_top is not None:
        scores = columns["g2"][order]
        positive, negative = order[scores > 0], order[scores < 0]
        order = np.concatenate([positive[:n_top], negative[max(0, len(negative) - n_top) :]])
    return keep[order], {name: values[order] for name, values in columns.items()}


def _keyness_table(
    tokens: np.ndarray, columns: dict[str, np.ndarray], first: dict[str, object] | None = None
) -> pd.DataFrame:
    table = pd.DataFrame(first or {})
    table["term"] = display_terms(tokens)
    table["token"] = tokens.astype(str) if len(tokens) else pd.Series(dtype="str")
    for name, values in columns.items():
        table[name] = values
    if not len(tokens):
        return empty_table(
            list(table.columns),
            {c: "int64" for c in ("target_count", "reference_count")}
            | {c: "float64" for c in _KEYNESS_COLUMNS[4:]},
        )
    return table


def keyness(
    target_tokens: Iterable[str] | TokensInput,
    reference_tokens: Iterable[str] | TokensInput,
    *,
    min_count: int = 2,
) -> pd.DataFrame:
    """Compare word frequencies in a target against a reference corpus: over- and under-use.

    Each argument is a flat token list or token lists in any form (a list of lists, a
    mapping of id → tokens, ``(doc_id, tokens)`` pairs), so one document, a group of
    documents or a whole corpus can stand on either side (group against group:
    ``keyness(tokens[:2], tokens[2:])``; by a grouping field: :func:`keyness_by_group`).

    Parameters
    ----------
    target_tokens, reference_tokens : list of str or token lists
        The two corpora; neither may be empty.
    min_count : int
        Report an over-used word only if the target uses it at least this often, an
        under-used word only if the reference does. The default, 2, leaves out words used
        once: a single use cannot show that a word characterises a text, and in a short
        article the many hapaxes (all with the same G²) would crowd out the words it
        repeats.

    Returns
    -------
    pandas.DataFrame
        One row per reported word: ``term, token, target_count, reference_count,
        target_per_10k, reference_per_10k, g2, p_value, log_ratio``.

        ``g2`` is Dunning's (1993) log-likelihood G² of the 2 × 2 table (word / other
        words × target / reference), signed negative when the word is relatively rarer
        in the target (under-used). ``p_value`` is its chi-square tail with one degree
        of freedom (no continuity correction; unreliable for very small counts): G² of
        3.84, 10.83 and 15.13 mean p = 0.05, 0.001 and 0.0001. ``log_ratio`` is Hardie's
        (2014) effect size, log2 of the ratio of relative frequencies: +1 means twice as
        frequent in the target, -1 half as frequent. A zero count is replaced by 0.5, so
        a word absent from one side gets a finite, comparable value.

        Sorted by ``g2`` descending: the most over-used words first, the most under-used
        last. Ties (``g2`` equal to :data:`TIE_DECIMALS` decimals) are ordered by
        ``token`` in Unicode code-point order, so the order never depends on chance.

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
    tokens = np.array(sorted(target_counts.keys() | reference_counts.keys()), dtype=object)
    a = np.array([target_counts.get(t, 0) for t in tokens], dtype=np.int64)
    b = np.array([reference_counts.get(t, 0) for t in tokens], dtype=np.int64)
    keep, columns = _keyness_rows(
        a, b, len(target), len(reference), min_count=min_count, n_top=None
    )
    return _keyness_table(tokens[keep], columns)


def keyness_by_group(
    tokens_per_doc: TokensInput,
    groups: Sequence[object] | Mapping[str, object],
    *,
    doc_ids: Iterable[str] | None = None,
    targets: Sequence[str] | None = None,
    reference: str | Sequence[str] | None = None,
    n_top: int | None = None,
    min_count: int = 2,
) -> pd.DataFrame:
    """Keyness of each group against the rest of the corpus, or against chosen groups.

    quanteda's ``textstat_keyness`` on a ``dfm_group``: the documents of a group are
    counted together and compared, word by word, as in :func:`keyness`.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document (or unit); a mapping or pairs carry the ids.
    groups : sequence or mapping
        One label per token list, or a mapping doc_id → label
        (:func:`corpus_tools.group_labels`). Documents without a label form the group
        :data:`~corpus_tools.features.common.MISSING_GROUP`.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….
    targets : sequence of str, optional
        The groups to report, in this order; default every group, sorted, the missing
        group last. A group without tokens has no rows.
    reference : str or sequence of str, optional
        None (default): each target against all the other documents. A label or labels:
        each target against those groups together (the target itself left out), e.g.
        ``targets=["2021"], reference="2020"`` for one group against another.
    n_top : int, optional
        Keep each target's ``n_top`` most over-used and ``n_top`` most under-used words
        (rows with G² = 0 are dropped); None keeps every reported word. Without
        ``n_top`` the table has a row for nearly every word of the reference per target:
        pass it for many groups.
    min_count : int
        As in :func:`keyness`.

    Returns
    -------
    pandas.DataFrame
        ``group`` followed by the columns of :func:`keyness`; by target, then ``g2``
        descending, ties by ``token``.

    Raises
    ------
    CorpusError
        If a target or reference label is not a group, or the reference has no tokens.

    Examples
    --------
    >>> docs = [["ở", "ở", "đảng", "đảng"], ["đảng", "đảng"], ["đảng", "đảng"]]
    >>> table = keyness_by_group(docs, ["A", "B", "B"], targets=["A"])
    >>> table[["group", "token", "target_count", "reference_count", "g2"]]
      group token  target_count  reference_count        g2
    0     A     ở             2                0  3.452...
    1     A  đảng             2                4 -3.452...
    """
    if n_top is not None:
        n_top = check_positive_int(n_top, "n_top")
    min_count = check_positive_int(min_count, "min_count")
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc", unique=False)
    labels = align_groups(groups, ids)
    order = group_order(labels)
    wanted = list(order if targets is None else targets)
    against = [reference] if isinstance(reference, str) else reference
    unknown = [g for g in [*wanted, *(against or [])] if g not in order]
    if unknown:
        raise CorpusError(f"no group is called {unknown[0]!r}; the groups are: {order}")
    parts = []
    for label, (tokens, columns) in _group_keyness(
        docs, labels, order, wanted, against, n_top=n_top, min_count=min_count
    ):
        parts.append(_keyness_table(tokens, columns, {"group": [label] * len(tokens)}))
    if not parts:
        return _keyness_table(np.array([], dtype=object), {}, {"group": []})
    return pd.concat(parts, ignore_index=True)


def _group_keyness(
    docs: list[list[str]],
    labels: list[str],
    order: list[str],
    targets: list[str],
    against: Sequence[str] | None,
    *,
    n_top: int | None,
    min_count: int,
):
    """Yield ``(target, (tokens, columns))`` for each target group with tokens."""
    if not any(docs):
        return
    counts, _, vocabulary = group_count_matrix(docs, labels, order)
    position = {label: i for i, label in enumerate(order)}
    sizes = np.asarray(counts.sum(axis=1)).ravel()
    totals = np.asarray(counts.sum(axis=0)).ravel()
    for target in targets:
        t = position[target]
        if not sizes[t]:
            continue
        a = counts[t].toarray().ravel()
        if against is None:
            b, d = totals - a, sizes.sum() - sizes[t]
        else:
            others = [position[g] for g in against if g != target]
            b = np.asarray(counts[others].sum(axis=0)).ravel()
            d = sizes[others].sum()
        if not d:
            raise CorpusError(
                f"the reference of group {target!r} holds no tokens; keyness needs at least "
                "two groups with tokens (or pass reference= a group that has some)"
            )
        keep, columns = _keyness_rows(
            a, b.astype(np.int64), int(sizes[t]), int(d), min_count=min_count, n_top=n_top
        )
        yield target, (vocabulary[keep], columns)


def keyness_by_document(
    tokens_per_doc: TokensInput,
    *,
    doc_ids: Iterable[str] | None = None,
    n_top: int | None = None,
    min_count: int = 2,
) -> pd.DataFrame:
    """Compare each document against all the others together (one against the rest).

    :func:`keyness_by_group` with one group per document.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        At least two documents with tokens; a mapping or pairs carry the ids.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….
    n_top : int, optional
        Keep each document's ``n_top`` most over-used and ``n_top`` most under-used
        words; ``None`` keeps all (a row for nearly every word of the corpus per
        document: pass ``n_top`` for many documents).
    min_count : int
        As in :func:`keyness` (default 2).

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
    1      a  đảng -3.452...
    2      b  đảng  3.452...
    3      b     ở -3.452...
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
    table = keyness_by_group(docs, ids, doc_ids=ids, targets=ids, n_top=n_top, min_count=min_count)
    return table.rename(columns={"group": "doc_id"})
