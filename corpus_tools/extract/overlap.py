"""How much of each article two articles share: overlap shares and near-duplicates.

Built on the passages of :mod:`~corpus_tools.extract.reuse`: for each pair of articles
that shares text, the share of each one's syllables that lies in the passages they
share (overlapping passages counted once), and how many passages there are.
:func:`overlap_matrix` gives every pair, :func:`strongest_overlaps` the pairs that share
most (bounded for a figure), :func:`near_duplicates` the pairs that are mostly the same
text. They come from :func:`~corpus_tools.extract.reuse.corpus_shares`, which remembers
the last corpus's, so a notebook that lists shared passages, then draws the strongest
overlaps and lists the near-duplicates, finds the passages once.
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Real

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..types import DocumentLike
from ..validation import check_positive_int
from ..wording import phrase
from .reuse import check_reuse_options, corpus_shares
from .tables import MAX_ARTICLES, BoundedTable, count_phrase

__all__ = ["near_duplicates", "overlap_matrix", "strongest_overlaps"]

_DUPLICATE_COLUMNS = ["doc_a", "doc_b", "share_a", "share_b", "passages"]


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
    corpus = corpus_shares(docs, min_words, window, max_docs)
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
    corpus = corpus_shares(docs, min_words, window, max_docs)
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
    corpus = corpus_shares(docs, min_words, window, max_docs)
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
