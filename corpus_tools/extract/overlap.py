"""How much of each article two articles share: overlap shares and near-duplicates.

Built on the passages of :mod:`~corpus_tools.extract.reuse`: for each pair of articles
that shares text, the share of each one's syllables that lies in the passages they
share (overlapping passages counted once), and how many passages there are.
:func:`overlap_matrix` gives every pair, :func:`strongest_overlaps` the pairs that share
most (bounded for a figure), :func:`near_duplicates` the pairs that are mostly the same
text. The shares of the last corpus and options are remembered, so a notebook that asks
for the strongest overlaps and then the near-duplicates finds them once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..normalize import corpus_digest, normalized_texts
from ..types import DocumentLike
from ..validation import check_positive_int
from ..wording import phrase
from .reuse import SyllableDoc, check_reuse_options, find_passages, syllable_documents
from .tables import MAX_ARTICLES, BoundedTable, count_phrase

__all__ = ["near_duplicates", "overlap_matrix", "strongest_overlaps"]

_DUPLICATE_COLUMNS = ["doc_a", "doc_b", "share_a", "share_b", "passages"]


@dataclass
class _Shares:
    """Each pair of articles that shares text (``a < b``, sorted): the share of each one's
    syllables in the passages they share, and the number of passages."""

    a: np.ndarray
    b: np.ndarray
    share_a: np.ndarray
    share_b: np.ndarray
    passages: np.ndarray


def _covered(group: np.ndarray, starts: np.ndarray, ends: np.ndarray, groups: int) -> np.ndarray:
    """For each group, how many positions its intervals ``[start, end)`` cover together.

    The intervals come sorted by group, then by start. Offsetting each group by a span
    longer than any interval lets one running maximum serve every group at once.
    """
    span = int(ends.max()) + 1 if len(ends) else 1
    offset = group * span
    reach = np.maximum.accumulate(offset + ends)  # the furthest end so far, in its group
    before = np.r_[np.int64(-1), reach[:-1]]
    before = np.where(np.r_[True, group[1:] != group[:-1]], offset, before)
    added = np.maximum(offset + ends - np.maximum(offset + starts, before), 0)
    return np.bincount(group, weights=added, minlength=groups)


def _shares(prepared: list[SyllableDoc], min_words: int, window: int, max_docs: int) -> _Shares:
    """For each pair sharing text: the share of each article's syllables in shared passages,
    and the number of passages."""
    found = find_passages(prepared, min_words, window, max_docs)
    lengths = np.array([len(doc.ids) for doc in prepared] + [1], dtype=np.int64)
    new_pair = np.r_[True, (found.a[1:] != found.a[:-1]) | (found.b[1:] != found.b[:-1])]
    group = np.cumsum(new_pair[: len(found.a)]) - 1
    groups = int(group[-1]) + 1 if len(group) else 0
    end_a, end_b = found.start_a + found.length, found.start_b + found.length
    covered_a = _covered(group, found.start_a, end_a, groups)  # sorted by start_a already
    order = np.lexsort((found.start_b, group))
    covered_b = _covered(group[order], found.start_b[order], end_b[order], groups)
    a, b = found.a[new_pair[: len(found.a)]], found.b[new_pair[: len(found.a)]]
    return _Shares(
        a,
        b,
        covered_a / lengths[a],
        covered_b / lengths[b],
        np.bincount(group, minlength=groups).astype(np.int64),
    )


@dataclass(frozen=True)
class _CorpusShares:
    """A corpus's :class:`_Shares`, with its document ids and their syllable counts."""

    doc_ids: list[str]
    lengths: np.ndarray
    shares: _Shares


_last_shares: tuple[tuple[bytes, int, int, int], _CorpusShares] | None = None


def _corpus_shares(
    docs: Iterable[DocumentLike], min_words: int, window: int, max_docs: int
) -> _CorpusShares:
    """:func:`_shares` of ``docs``, remembered for the last corpus and options: notebook
    05 draws the strongest overlaps and lists the near-duplicates from the same shares
    (on 10,000 generated articles they take 28 s to find)."""
    global _last_shares
    texts = normalized_texts(docs)
    key = (corpus_digest(texts), min_words, window, max_docs)
    last = _last_shares  # read once: another thread may replace it
    if last is not None and last[0] == key:
        return last[1]
    prepared = syllable_documents(texts)
    found = _CorpusShares(
        [doc.doc_id for doc in prepared],
        np.array([len(doc.ids) for doc in prepared], dtype=np.int64),
        _shares(prepared, min_words, window, max_docs),
    )
    for column in (found.lengths, *vars(found.shares).values()):
        column.setflags(write=False)  # shared by every caller that asks again
    _last_shares = (key, found)
    return found


def overlap_matrix(
    docs: Iterable[DocumentLike],
    *,
    min_words: int = 8,
    window: int = 1,
    max_docs: int = 100,
) -> pd.DataFrame:
    """Return, for every pair of articles, the share of one's syllables it shares with the
    other.

    Takes the options of :func:`shared_passages`. The result is articles × articles
    (8 bytes a cell): for very many articles use :func:`near_duplicates`, which lists
    only the pairs that share text.

    Returns
    -------
    pandas.DataFrame
        Square, index and columns the document ids. Row ``a``, column ``b`` is the share
        of ``a``'s syllables that lie in passages shared with ``b`` (not symmetric: a
        short article quoted whole in a long one has 1.0 in its row). The diagonal is
        1.0, or 0.0 for an article without syllables.

    Examples
    --------
    >>> a = "Tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu."
    >>> b = "Hội nghị yêu cầu tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu."
    >>> overlap_matrix([("a", a), ("b", b), ("c", "")], min_words=8).round(2)
    doc_id     a    b    c
    doc_id
    a       1.00  1.0  0.0
    b       0.78  1.0  0.0
    c       0.00  0.0  0.0
    """
    min_words, window, max_docs = check_reuse_options(min_words, window, max_docs)
    corpus = _corpus_shares(docs, min_words, window, max_docs)
    shares = corpus.shares
    matrix = np.zeros((len(corpus.doc_ids), len(corpus.doc_ids)))
    np.fill_diagonal(matrix, (corpus.lengths > 0).astype(float))
    matrix[shares.a, shares.b] = shares.share_a
    matrix[shares.b, shares.a] = shares.share_b
    index = pd.Index(corpus.doc_ids, name="doc_id")
    return pd.DataFrame(matrix, index=index, columns=index.copy())


def strongest_overlaps(
    docs: Iterable[DocumentLike],
    *,
    n_top: int = MAX_ARTICLES,
    labels: dict[str, str] | None = None,
    min_words: int = 8,
    window: int = 1,
    max_docs: int = 100,
    lang: str = "vi",
) -> BoundedTable:
    """The :func:`overlap_matrix` of the articles that share most, bounded for a figure.

    Pairs are taken in order of their larger share (then their smaller one, then corpus
    order), and both articles of each join the selection until it holds ``n_top``
    articles, so each article's strongest partner usually stands beside it. The matrix
    is never built for the whole corpus.

    Parameters
    ----------
    docs : iterable of Document, ``(doc_id, text)`` pairs or str
    n_top : int
        Articles shown at most.
    labels : mapping, optional
        ``doc_id`` → a label (:func:`~corpus_tools.document_labels`). Rows are
        then numbered and labelled ("1. Siết chặt kỷ luật… (000)") and columns carry
        the numbers alone, so that long labels are written once; without ``labels``
        both are the ids.
    min_words, window, max_docs
        As for :func:`shared_passages`.
    lang : {"vi", "en"}
        The language of the caption.

    Returns
    -------
    BoundedTable
        ``table``: the chosen articles × the same articles, in the order chosen, row
        ``a`` column ``b`` the share of ``a``'s syllables in passages shared with ``b``;
        the diagonal is NaN (an article always shares all of itself), so a figure spends
        its colours on the pairs. ``caption``: "12 trong 300 bài trùng nhiều nhất" when
        more articles share passages than are shown, else "2 trong 300 bài có đoạn
        trùng" (the table is empty when no two articles share a passage).

    Examples
    --------
    >>> a = "Tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu."
    >>> b = "Hội nghị yêu cầu tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu."
    >>> shown = strongest_overlaps([("a", a), ("b", b), ("c", "Ban Bí thư họp.")])
    >>> shown.table.round(2)
    doc_id     a    b
    doc_id
    a        NaN  1.0
    b       0.78  NaN
    >>> shown.caption
    '2 trong 3 bài có đoạn trùng'
    >>> strongest_overlaps([("a", a), ("b", b), ("c", "Ban Bí thư họp.")], lang="en").caption
    '2 of 3 articles sharing a passage'
    >>> strongest_overlaps([("a", a), ("b", b)], labels={"a": "Bài A", "b": "Bài B"}).table
    article          1    2
    article
    1. Bài A       NaN  1.0
    2. Bài B  0.777778  NaN
    """
    n_top = check_positive_int(n_top, "n_top")
    min_words, window, max_docs = check_reuse_options(min_words, window, max_docs)
    corpus = _corpus_shares(docs, min_words, window, max_docs)
    shares = corpus.shares
    larger = np.maximum(shares.share_a, shares.share_b)
    smaller = np.minimum(shares.share_a, shares.share_b)
    chosen: list[int] = []
    for pair in np.lexsort((shares.b, shares.a, -smaller, -larger)).tolist():
        for number in (int(shares.a[pair]), int(shares.b[pair])):
            if number not in chosen and len(chosen) < n_top:
                chosen.append(number)
        if len(chosen) >= n_top:
            break
    position = {number: place for place, number in enumerate(chosen)}
    matrix = np.zeros((len(chosen), len(chosen)))
    among = np.flatnonzero(np.isin(shares.a, chosen) & np.isin(shares.b, chosen))
    for pair in among.tolist():
        row, col = position[int(shares.a[pair])], position[int(shares.b[pair])]
        matrix[row, col], matrix[col, row] = shares.share_a[pair], shares.share_b[pair]
    np.fill_diagonal(matrix, np.nan)
    names = [corpus.doc_ids[number] for number in chosen]
    if labels is None:
        index = pd.Index(names, name="doc_id")
        columns = index.copy()
    else:
        rows = [f"{row}. {labels.get(name, name)}" for row, name in enumerate(names, 1)]
        index = pd.Index(rows, name="article")
        columns = pd.Index([str(row) for row in range(1, len(names) + 1)], name="article")
    table = pd.DataFrame(matrix, index=index, columns=columns)
    paired = len(np.union1d(shares.a, shares.b))
    rule = phrase("rule_sharing_most" if len(chosen) < paired else "rule_sharing", lang)
    articles = phrase("noun_articles", lang)
    caption = count_phrase(len(chosen), len(corpus.doc_ids), articles, rule, lang=lang)
    return BoundedTable(table, caption)


def near_duplicates(
    docs: Iterable[DocumentLike],
    *,
    threshold: float = 0.8,
    min_words: int = 8,
    window: int = 1,
    max_docs: int = 100,
) -> pd.DataFrame:
    """Flag pairs of articles that are mostly the same text.

    A pair is a near-duplicate when each article has at least ``threshold`` of its
    syllables in passages shared with the other (see :func:`overlap_matrix`). Light edits
    between copies (a changed word every dozen) leave the share high; a paraphrase does
    not.
    Other options are those of :func:`shared_passages`.

    Returns
    -------
    pandas.DataFrame
        ``doc_a, doc_b, share_a, share_b, passages``, the pairs at or above the
        threshold, most similar first (by the smaller share).

    Examples
    --------
    >>> a = "Ban Tổ chức Trung ương tổ chức hội nghị tổng kết công tác tổ chức xây dựng Đảng."
    >>> b = "Sáng nay, " + a
    >>> near_duplicates([("a", a), ("b", b), ("c", "Ban Bí thư họp.")], threshold=0.8)
      doc_a doc_b  share_a  share_b  passages
    0     a     b      1.0      0.9         1
    """
    if isinstance(threshold, bool) or not isinstance(threshold, Real) or not 0 < threshold <= 1:
        raise CorpusError(f"threshold must be a share between 0 and 1, not {threshold!r}")
    min_words, window, max_docs = check_reuse_options(min_words, window, max_docs)
    corpus = _corpus_shares(docs, min_words, window, max_docs)
    shares = corpus.shares
    close = np.minimum(shares.share_a, shares.share_b) >= threshold
    ids = np.array([*corpus.doc_ids, ""], dtype=object)
    table = pd.DataFrame(
        {
            "doc_a": ids[shares.a[close]],
            "doc_b": ids[shares.b[close]],
            "share_a": shares.share_a[close],
            "share_b": shares.share_b[close],
            "passages": shares.passages[close],
        },
        columns=_DUPLICATE_COLUMNS,
    )
    table = table.astype({"share_a": "float64", "share_b": "float64", "passages": "int64"})
    smaller = np.minimum(table["share_a"], table["share_b"])
    larger = np.maximum(table["share_a"], table["share_b"])
    order = np.lexsort((-larger.to_numpy(), -smaller.to_numpy()))
    return table.iloc[order].reset_index(drop=True)
