"""Find passages that articles share: reused text, press releases, near-duplicates.

Each article is cut into syllables, and every run of ``min_words`` syllables (a
shingle) is hashed to a 64-bit number. Articles that share a hash are compared only where
they share it, and each shared shingle is extended syllable by syllable, left and right,
into the longest passage the two articles have in common. No two full texts are ever
compared as strings, so the work grows with the number of syllables and of shared
shingles, not with the square of the number of articles.

A syllable here is what Vietnamese writes between spaces or punctuation: a run of
letters or digits ("Ban", "Tổ", "chức", "2021"). ``min_words`` counts these syllables,
not segmented words ("tổ chức" is two). Syllables are compared in lower case after
:func:`~corpus_tools.normalize.normalize_text`, and punctuation between them is ignored,
so "2020 – 2025" matches "2020-2025" and "chính trị - xã hội" matches "chính trị xã hội".
Counting syllables rather than segmented words keeps offsets exact and does not depend on
how the segmenter cuts the edge of a passage. ``start`` and ``end`` are character
offsets into ``normalize_text(doc.text)`` (the body, without the title).

For large corpora (say 100,000 articles of 800 words), keeping every shingle costs about
20 bytes per syllable (1.6 GB). ``window`` keeps only the smallest hash in every
``window`` consecutive shingles (winnowing, as in MOSS): memory falls by about
``(window + 1) / 2``, and every passage of at least ``min_words + window - 1`` syllables
is still found, complete.
Shingles found in more than ``max_docs`` articles (boilerplate) are skipped, which bounds
the number of article pairs compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..normalize import normalized_texts
from ..types import DocumentLike
from ..validation import check_positive_int
from .tables import MAX_ARTICLES, BoundedTable, count_phrase

__all__ = ["near_duplicates", "overlap_matrix", "shared_passages", "strongest_overlaps"]


_SYLLABLE = re.compile(r"[^\W_]+")
_PASSAGE_COLUMNS = ["doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b", "syllables", "text"]
_DUPLICATE_COLUMNS = ["doc_a", "doc_b", "share_a", "share_b", "passages"]
_BASE = np.uint64(0x100000001B3)  # an odd multiplier for the polynomial hash
_MIX = np.uint64(0x9E3779B97F4A7C15)  # spreads small syllable ids over 64 bits


@dataclass
class _Doc:
    doc_id: str
    text: str
    starts: np.ndarray  # character offset of each syllable
    ends: np.ndarray
    ids: np.ndarray  # syllable ids (int64), one per syllable


@dataclass
class _Passage:
    a: int
    b: int
    start_a: int  # syllable indices, end exclusive
    end_a: int
    start_b: int
    end_b: int


def _check_options(min_words: object, window: object, max_docs: object) -> tuple[int, int, int]:
    """The options every function here takes, checked: ``(min_words, window, max_docs)``."""
    return (
        check_positive_int(min_words, "min_words"),
        check_positive_int(window, "window"),
        check_positive_int(max_docs, "max_docs", minimum=2),
    )


def _prepare(docs: Iterable[DocumentLike]) -> list[_Doc]:
    vocabulary: dict[str, int] = {}
    prepared = []
    for doc_id, text in normalized_texts(docs):
        syllables = list(_SYLLABLE.finditer(text))
        ids = [vocabulary.setdefault(s.group(0).lower(), len(vocabulary)) for s in syllables]
        prepared.append(
            _Doc(
                doc_id,
                text,
                np.array([s.start() for s in syllables], dtype=np.int64),
                np.array([s.end() for s in syllables], dtype=np.int64),
                np.array(ids, dtype=np.int64),
            )
        )
    return prepared


def _shingle_hashes(ids: np.ndarray, size: int) -> np.ndarray:
    """The 64-bit hash of every run of ``size`` syllables (wrapping arithmetic)."""
    count = len(ids) - size + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    mixed = (ids.astype(np.uint64) + np.uint64(1)) * _MIX
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        hashes = hashes * _BASE + mixed[offset : offset + count]
    return hashes


def _winnow(hashes: np.ndarray, window: int) -> np.ndarray:
    """Positions kept: the leftmost smallest hash of every ``window`` consecutive ones."""
    if window == 1 or len(hashes) <= window:
        return np.arange(len(hashes)) if window == 1 else np.array([int(np.argmin(hashes))])
    views = np.lib.stride_tricks.sliding_window_view(hashes, window)
    return np.unique(np.arange(len(views)) + views.argmin(axis=1))


def _seed_pairs(
    prepared: list[_Doc], min_words: int, window: int, max_docs: int
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """For each pair of documents, the syllable positions where they share a shingle hash."""
    hashes, owners, positions = [], [], []
    for index, doc in enumerate(prepared):
        all_hashes = _shingle_hashes(doc.ids, min_words)
        if not len(all_hashes):
            continue
        kept = _winnow(all_hashes, window)
        hashes.append(all_hashes[kept])
        owners.append(np.full(len(kept), index, dtype=np.int64))
        positions.append(kept.astype(np.int64))
    if not hashes:
        return {}
    hash_array = np.concatenate(hashes)
    owner_array = np.concatenate(owners)
    position_array = np.concatenate(positions)
    order = np.argsort(hash_array, kind="stable")
    hash_array, owner_array, position_array = (
        hash_array[order],
        owner_array[order],
        position_array[order],
    )
    bounds = np.flatnonzero(np.diff(hash_array)) + 1
    seeds: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for group_start, group_end in zip(
        np.r_[0, bounds], np.r_[bounds, len(hash_array)], strict=True
    ):
        if group_end - group_start < 2:
            continue
        group_owners = owner_array[group_start:group_end]
        distinct = np.unique(group_owners)
        if len(distinct) < 2 or len(distinct) > max_docs:
            continue
        group_positions = position_array[group_start:group_end]
        members = list(zip(group_owners.tolist(), group_positions.tolist(), strict=True))
        for i, (a, pos_a) in enumerate(members):
            for b, pos_b in members[i + 1 :]:
                if a != b:
                    key, seed = ((a, b), (pos_a, pos_b)) if a < b else ((b, a), (pos_b, pos_a))
                    seeds.setdefault(key, []).append(seed)
    return seeds


def _extend(doc_a: _Doc, doc_b: _Doc, pos_a: int, pos_b: int, size: int) -> tuple[int, int, int]:
    """Grow a shared shingle into the longest common run; ``(start_a, start_b, length)``."""
    ids_a, ids_b = doc_a.ids, doc_b.ids
    if not np.array_equal(ids_a[pos_a : pos_a + size], ids_b[pos_b : pos_b + size]):
        return pos_a, pos_b, 0  # a hash collision
    start_a, start_b = pos_a, pos_b
    while start_a > 0 and start_b > 0 and ids_a[start_a - 1] == ids_b[start_b - 1]:
        start_a, start_b = start_a - 1, start_b - 1
    end_a, end_b = pos_a + size, pos_b + size
    while end_a < len(ids_a) and end_b < len(ids_b) and ids_a[end_a] == ids_b[end_b]:
        end_a, end_b = end_a + 1, end_b + 1
    return start_a, start_b, end_a - start_a


def _passages(prepared: list[_Doc], min_words: int, window: int, max_docs: int) -> list[_Passage]:
    found = []
    for (a, b), seeds in sorted(_seed_pairs(prepared, min_words, window, max_docs).items()):
        covered: dict[int, int] = {}  # diagonal (pos_b - pos_a) → end of the last passage in a
        for pos_a, pos_b in sorted(seeds, key=lambda s: (s[1] - s[0], s[0])):
            diagonal = pos_b - pos_a
            if pos_a + min_words <= covered.get(diagonal, -1):
                continue  # inside a passage already found
            start_a, start_b, length = _extend(prepared[a], prepared[b], pos_a, pos_b, min_words)
            if length >= min_words:
                covered[diagonal] = start_a + length
                found.append(_Passage(a, b, start_a, start_a + length, start_b, start_b + length))
    found.sort(key=lambda p: (p.a, p.b, p.start_a, p.start_b))
    return found


def shared_passages(
    docs: Iterable[DocumentLike],
    *,
    min_words: int = 8,
    window: int = 1,
    max_docs: int = 100,
) -> pd.DataFrame:
    """Find the passages of at least ``min_words`` syllables that two articles share.

    Parameters
    ----------
    docs : iterable of Document, ``(doc_id, text)`` pairs or str
        The articles; strings get ids ``"0"``, ``"1"``, …. Titles are not compared.
    min_words : int
        The shortest passage reported, in syllables ("tổ chức" counts 2); also the
        shingle length.
    window : int
        Keep one shingle in every ``window`` (winnowing); 1 keeps all. With a larger
        window, passages shorter than ``min_words + window - 1`` syllables may be missed.
    max_docs : int
        Skip shingles shared by more than this many articles (boilerplate).

    Returns
    -------
    pandas.DataFrame
        ``doc_a, doc_b, start_a, end_a, start_b, end_b, syllables, text``: one row per
        maximal shared passage, ``doc_a`` coming before ``doc_b`` in ``docs``; character
        offsets into each article's ``normalize_text(doc.text)``; ``syllables`` the
        length in syllables; ``text`` the passage as ``doc_a`` writes it. A passage
        repeated inside one article is reported once for each place.

    Examples
    --------
    >>> a = "Hội nghị yêu cầu tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu."
    >>> b = "Tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu điều động cán bộ."
    >>> shared = shared_passages([("a", a), ("b", b)], min_words=8)
    >>> shared[["doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b", "syllables"]]
      doc_a doc_b  start_a  end_a  start_b  end_b  syllables
    0     a     b       17     77        0     60         14
    >>> shared.loc[0, "text"]
    'tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu'
    >>> len(shared_passages([("a", a), ("c", "Ban Bí thư họp.")]))
    0
    """
    min_words, window, max_docs = _check_options(min_words, window, max_docs)
    prepared = _prepare(docs)
    rows = []
    for p in _passages(prepared, min_words, window, max_docs):
        doc_a, doc_b = prepared[p.a], prepared[p.b]
        start_a, end_a = int(doc_a.starts[p.start_a]), int(doc_a.ends[p.end_a - 1])
        start_b, end_b = int(doc_b.starts[p.start_b]), int(doc_b.ends[p.end_b - 1])
        rows.append(
            (
                doc_a.doc_id,
                doc_b.doc_id,
                start_a,
                end_a,
                start_b,
                end_b,
                p.end_a - p.start_a,
                doc_a.text[start_a:end_a],
            )
        )
    table = pd.DataFrame(rows, columns=_PASSAGE_COLUMNS)
    return table.astype({column: "int64" for column in _PASSAGE_COLUMNS[2:7]})


def _shares(
    prepared: list[_Doc], min_words: int, window: int, max_docs: int
) -> tuple[dict[tuple[int, int], tuple[float, float, int]], list[int]]:
    """For each pair sharing text: the share of each article's syllables in shared passages."""
    masks: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, int]] = {}
    for p in _passages(prepared, min_words, window, max_docs):
        if (p.a, p.b) not in masks:
            masks[p.a, p.b] = (
                np.zeros(len(prepared[p.a].ids), dtype=bool),
                np.zeros(len(prepared[p.b].ids), dtype=bool),
                0,
            )
        mask_a, mask_b, count = masks[p.a, p.b]
        mask_a[p.start_a : p.end_a] = True
        mask_b[p.start_b : p.end_b] = True
        masks[p.a, p.b] = (mask_a, mask_b, count + 1)
    shares = {
        key: (float(mask_a.mean()), float(mask_b.mean()), count)
        for key, (mask_a, mask_b, count) in masks.items()
    }
    return shares, [len(doc.ids) for doc in prepared]


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
    min_words, window, max_docs = _check_options(min_words, window, max_docs)
    prepared = _prepare(docs)
    shares, lengths = _shares(prepared, min_words, window, max_docs)
    matrix = np.zeros((len(prepared), len(prepared)))
    np.fill_diagonal(matrix, [1.0 if n else 0.0 for n in lengths])
    for (a, b), (share_a, share_b, _) in shares.items():
        matrix[a, b], matrix[b, a] = share_a, share_b
    index = pd.Index([doc.doc_id for doc in prepared], name="doc_id")
    return pd.DataFrame(matrix, index=index, columns=index.copy())


def strongest_overlaps(
    docs: Iterable[DocumentLike],
    *,
    n_top: int = MAX_ARTICLES,
    labels: dict[str, str] | None = None,
    min_words: int = 8,
    window: int = 1,
    max_docs: int = 100,
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
    >>> strongest_overlaps([("a", a), ("b", b)], labels={"a": "Bài A", "b": "Bài B"}).table
    article          1    2
    article
    1. Bài A       NaN  1.0
    2. Bài B  0.777778  NaN
    """
    n_top = check_positive_int(n_top, "n_top")
    min_words, window, max_docs = _check_options(min_words, window, max_docs)
    prepared = _prepare(docs)
    shares, _ = _shares(prepared, min_words, window, max_docs)
    ranked = sorted(shares, key=lambda pair: (-max(shares[pair][:2]), -min(shares[pair][:2]), pair))
    chosen: list[int] = []
    for pair in ranked:
        for number in pair:
            if number not in chosen and len(chosen) < n_top:
                chosen.append(number)
        if len(chosen) >= n_top:
            break
    matrix = np.zeros((len(chosen), len(chosen)))
    for row, a in enumerate(chosen):
        for col, b in enumerate(chosen):
            if a < b and (a, b) in shares:
                matrix[row, col] = shares[a, b][0]
            elif b < a and (b, a) in shares:
                matrix[row, col] = shares[b, a][1]
    np.fill_diagonal(matrix, np.nan)
    names = [prepared[number].doc_id for number in chosen]
    if labels is None:
        index = pd.Index(names, name="doc_id")
        columns = index.copy()
    else:
        rows = [f"{row}. {labels.get(name, name)}" for row, name in enumerate(names, 1)]
        index = pd.Index(rows, name="article")
        columns = pd.Index([str(row) for row in range(1, len(names) + 1)], name="article")
    table = pd.DataFrame(matrix, index=index, columns=columns)
    paired = len({number for pair in shares for number in pair})
    if len(chosen) < paired:
        caption = count_phrase(len(chosen), len(prepared), "bài", "trùng nhiều nhất")
    else:
        caption = count_phrase(len(chosen), len(prepared), "bài", "có đoạn trùng")
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
    min_words, window, max_docs = _check_options(min_words, window, max_docs)
    prepared = _prepare(docs)
    shares, _ = _shares(prepared, min_words, window, max_docs)
    rows = [
        (prepared[a].doc_id, prepared[b].doc_id, share_a, share_b, count)
        for (a, b), (share_a, share_b, count) in shares.items()
        if min(share_a, share_b) >= threshold
    ]
    table = pd.DataFrame(rows, columns=_DUPLICATE_COLUMNS)
    table = table.astype({"share_a": "float64", "share_b": "float64", "passages": "int64"})
    smaller = np.minimum(table["share_a"], table["share_b"])
    larger = np.maximum(table["share_a"], table["share_b"])
    order = np.lexsort((-larger.to_numpy(), -smaller.to_numpy()))
    return table.iloc[order].reset_index(drop=True)
