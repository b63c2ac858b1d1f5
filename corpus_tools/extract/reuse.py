"""Find passages that articles share: reused text, press releases, copies.

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
the number of article pairs compared. :mod:`~corpus_tools.extract.overlap` turns the
passages into shares of each article and near-duplicates.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..normalize import corpus_digest, normalized_texts
from ..types import DocumentLike
from ..validation import check_positive_int

__all__ = [
    "CorpusShares",
    "Shares",
    "SyllableDoc",
    "check_reuse_options",
    "corpus_shares",
    "find_passages",
    "shared_passages",
    "syllable_documents",
]


_SYLLABLE = re.compile(r"[^\W_]+")
_PASSAGE_COLUMNS = ["doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b", "syllables", "text"]
_BASE = np.uint64(0x100000001B3)  # an odd multiplier for the polynomial hash
_MIX = np.uint64(0x9E3779B97F4A7C15)  # spreads small syllable ids over 64 bits


@dataclass
class SyllableDoc:
    """A normalised article as syllables: their offsets and ids. Internal API."""

    doc_id: str
    text: str
    starts: np.ndarray  # character offset of each syllable
    ends: np.ndarray
    ids: np.ndarray  # syllable ids (int64), one per syllable


_PASSAGE_FIELDS = ("a", "b", "start_a", "start_b", "length")


@dataclass
class _Passages:
    """Passages as parallel arrays, sorted by pair then position; syllable indices, end
    exclusive (``end_a - start_a == end_b - start_b``)."""

    a: np.ndarray
    b: np.ndarray
    start_a: np.ndarray
    start_b: np.ndarray
    length: np.ndarray


def check_reuse_options(
    min_words: object, window: object, max_docs: object
) -> tuple[int, int, int]:
    """The options of every text-reuse function, checked: ``(min_words, window,
    max_docs)``. Internal API."""
    return (
        check_positive_int(min_words, "min_words"),
        check_positive_int(window, "window"),
        check_positive_int(max_docs, "max_docs", minimum=2),
    )


def syllable_documents(texts: list[tuple[str, str]]) -> list[SyllableDoc]:
    """Normalised ``(doc_id, text)`` pairs as syllables with ids shared across them.
    Internal API."""
    vocabulary: dict[str, int] = {}
    prepared = []
    for doc_id, text in texts:
        syllables = list(_SYLLABLE.finditer(text))
        ids = [vocabulary.setdefault(s.group(0).lower(), len(vocabulary)) for s in syllables]
        prepared.append(
            SyllableDoc(
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
    prepared: list[SyllableDoc], min_words: int, window: int, max_docs: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Where pairs of documents share a shingle hash: ``(a, b, pos_a, pos_b)``, a < b.

    With every shingle kept (``window=1``), a shared shingle whose predecessor in both
    documents is shared too (the same hash, in a group that is kept) adds no seed: the
    passage that the first shingle of the run grows into covers it. So a sentence that
    many articles repeat gives one seed per pair of articles, not one per syllable.
    """
    hashes, owners, positions, previous = [], [], [], []
    for index, doc in enumerate(prepared):
        all_hashes = _shingle_hashes(doc.ids, min_words)
        if not len(all_hashes):
            continue
        kept = _winnow(all_hashes, window)
        hashes.append(all_hashes[kept])
        owners.append(np.full(len(kept), index, dtype=np.int64))
        positions.append(kept.astype(np.int64))
        if window == 1:  # kept is every position: the previous shingle is the one before
            previous.append(np.r_[np.uint64(0), all_hashes[:-1]])
    if not hashes:
        none = np.empty(0, dtype=np.int64)
        return none, none, none, none
    hash_array = np.concatenate(hashes)
    owner_array = np.concatenate(owners)
    position_array = np.concatenate(positions)
    order = np.lexsort((position_array, owner_array, hash_array))
    hash_array, owner_array, position_array = (
        hash_array[order],
        owner_array[order],
        position_array[order],
    )
    starts = np.r_[True, hash_array[1:] != hash_array[:-1]]
    group = np.cumsum(starts) - 1
    first_of_owner = starts | np.r_[True, owner_array[1:] != owner_array[:-1]]
    distinct = np.bincount(group, weights=first_of_owner)
    kept_group = (distinct >= 2) & (distinct <= max_docs)
    group_hashes = hash_array[starts]
    if window == 1:
        before = np.concatenate(previous)[order]
        found = np.minimum(np.searchsorted(group_hashes, before), len(group_hashes) - 1)
        # the predecessor is a shared shingle that pairs too; position 0 has none
        chained = (position_array > 0) & (group_hashes[found] == before) & kept_group[found]
    else:
        before = np.zeros(len(hash_array), dtype=np.uint64)
        chained = np.zeros(len(hash_array), dtype=bool)
    bounds = np.r_[np.flatnonzero(starts), len(hash_array)]
    seeds = [array("q") for _ in range(4)]
    add_a, add_b, add_pos_a, add_pos_b = (column.append for column in seeds)
    for number in np.flatnonzero(kept_group):
        group_start, group_end = bounds[number], bounds[number + 1]
        links = chained[group_start:group_end]
        keys = before[group_start:group_end]
        if links.all() and (keys == keys[0]).all():
            continue  # every pair continues a run that an earlier shingle seeds
        members = list(
            zip(
                owner_array[group_start:group_end].tolist(),
                position_array[group_start:group_end].tolist(),
                links.tolist(),
                keys.tolist(),
                strict=True,
            )
        )
        for i, (a, pos_a, linked_a, key_a) in enumerate(members):
            for b, pos_b, linked_b, key_b in members[i + 1 :]:
                if a == b or (linked_a and linked_b and key_a == key_b):
                    continue
                add_a(a)  # sorted by owner: a < b
                add_b(b)
                add_pos_a(pos_a)
                add_pos_b(pos_b)
    seed_a, seed_b, pos_a, pos_b = (np.frombuffer(column, dtype=np.int64) for column in seeds)
    return seed_a, seed_b, pos_a, pos_b


def find_passages(
    prepared: list[SyllableDoc], min_words: int, window: int, max_docs: int
) -> _Passages:
    """Every maximal passage that two documents share, grown from the shared shingles.

    Each seed is checked syllable by syllable (a hash collision gives no passage), then
    grown left and right while the syllables agree, all seeds at once. Seeds inside one
    passage grow into the same passage, which is kept once. Internal API.
    """
    seed_a, seed_b, pos_a, pos_b = _seed_pairs(prepared, min_words, window, max_docs)
    offsets = np.cumsum([0] + [len(doc.ids) for doc in prepared])
    flat = np.concatenate([doc.ids for doc in prepared] + [np.empty(0, dtype=np.int64)])
    first_a, first_b = offsets[seed_a], offsets[seed_b]  # where each document starts
    last_a, last_b = offsets[seed_a + 1], offsets[seed_b + 1]  # and ends
    left_a, left_b = first_a + pos_a, first_b + pos_b  # flat positions
    same = np.ones(len(seed_a), dtype=bool)
    for offset in range(min_words):
        same &= flat[left_a + offset] == flat[left_b + offset]
    seed_a, seed_b, first_a, first_b, last_a, last_b, left_a, left_b = (
        column[same]
        for column in (seed_a, seed_b, first_a, first_b, last_a, last_b, left_a, left_b)
    )
    right_a, right_b = left_a + min_words, left_b + min_words  # exclusive ends
    growing = np.flatnonzero((left_a > first_a) & (left_b > first_b))
    while len(growing):  # leftwards
        growing = growing[flat[left_a[growing] - 1] == flat[left_b[growing] - 1]]
        left_a[growing] -= 1
        left_b[growing] -= 1
        growing = growing[
            (left_a[growing] > first_a[growing]) & (left_b[growing] > first_b[growing])
        ]
    growing = np.flatnonzero((right_a < last_a) & (right_b < last_b))
    while len(growing):  # rightwards
        growing = growing[flat[right_a[growing]] == flat[right_b[growing]]]
        right_a[growing] += 1
        right_b[growing] += 1
        growing = growing[
            (right_a[growing] < last_a[growing]) & (right_b[growing] < last_b[growing])
        ]
    columns = (seed_a, seed_b, left_a - first_a, left_b - first_b, right_a - left_a)
    order = np.lexsort(columns[::-1])  # by pair, then position in a, then in b
    a, b, start_a, start_b, length = (column[order] for column in columns)
    first = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1]) | (start_a[1:] != start_a[:-1])
                  | (start_b[1:] != start_b[:-1])][: len(a)]  # fmt: skip
    # the same start in both gives the same maximal passage: keep it once
    return _Passages(a[first], b[first], start_a[first], start_b[first], length[first])


def shared_passages(
    docs: Iterable[DocumentLike],
    *,
    min_words: int = 8,
    window: int = 1,
    max_docs: int = 100,
    n_top: int | None = None,
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
    n_top : int, optional
        Keep only the ``n_top`` longest passages (ties: the first in corpus order); None
        keeps every one. Articles built from one pool of sentences can share millions of
        passages (3,000 synthetic articles: 2.3 million, a table of 0.5 GB), so a
        notebook that shows the longest asks for those alone.

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
    >>> shared_passages([("a", a), ("b", b), ("c", a[:40] + " họp.")], n_top=1)["doc_b"].tolist()
    ['b']
    """
    min_words, window, max_docs = check_reuse_options(min_words, window, max_docs)
    texts = normalized_texts(docs)
    prepared = syllable_documents(texts)
    found = find_passages(prepared, min_words, window, max_docs)
    # the overlap functions that a notebook calls next read these shares
    _remember_shares((corpus_digest(texts), min_words, window, max_docs), prepared, found)
    if n_top is not None:
        n_top = check_positive_int(n_top, "n_top")
        longest = np.sort(np.argsort(-found.length, kind="stable")[:n_top])
        found = _Passages(*(getattr(found, name)[longest] for name in _PASSAGE_FIELDS))
    starts = np.concatenate([doc.starts for doc in prepared] + [np.empty(0, dtype=np.int64)])
    ends = np.concatenate([doc.ends for doc in prepared] + [np.empty(0, dtype=np.int64)])
    offsets = np.cumsum([0] + [len(doc.ids) for doc in prepared])
    first_a, first_b = offsets[found.a] + found.start_a, offsets[found.b] + found.start_b
    start_a, end_a = starts[first_a], ends[first_a + found.length - 1]
    start_b, end_b = starts[first_b], ends[first_b + found.length - 1]
    ids = np.array([doc.doc_id for doc in prepared] + [""], dtype=object)
    texts = [
        prepared[a].text[start:end]
        for a, start, end in zip(found.a.tolist(), start_a.tolist(), end_a.tolist(), strict=True)
    ]
    rows = {
        "doc_a": ids[found.a],
        "doc_b": ids[found.b],
        "start_a": start_a,
        "end_a": end_a,
        "start_b": start_b,
        "end_b": end_b,
        "syllables": found.length,
        "text": texts,
    }
    table = pd.DataFrame(rows, columns=_PASSAGE_COLUMNS)
    return table.astype({column: "int64" for column in _PASSAGE_COLUMNS[2:7]})


@dataclass
class Shares:
    """Each pair of articles that shares text (``a < b``, sorted): the share of each one's
    syllables in the passages they share, and the number of passages. Internal API."""

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


def _shares(found: _Passages, lengths: np.ndarray) -> Shares:
    """For each pair sharing text: the share of each article's syllables in the passages
    ``found``, and the number of passages (``lengths``: syllables per article)."""
    lengths = np.r_[lengths, 1]
    new_pair = np.r_[True, (found.a[1:] != found.a[:-1]) | (found.b[1:] != found.b[:-1])]
    group = np.cumsum(new_pair[: len(found.a)]) - 1
    groups = int(group[-1]) + 1 if len(group) else 0
    end_a, end_b = found.start_a + found.length, found.start_b + found.length
    covered_a = _covered(group, found.start_a, end_a, groups)  # sorted by start_a already
    order = np.lexsort((found.start_b, group))
    covered_b = _covered(group[order], found.start_b[order], end_b[order], groups)
    a, b = found.a[new_pair[: len(found.a)]], found.b[new_pair[: len(found.a)]]
    return Shares(
        a,
        b,
        covered_a / lengths[a],
        covered_b / lengths[b],
        np.bincount(group, minlength=groups).astype(np.int64),
    )


@dataclass(frozen=True)
class CorpusShares:
    """A corpus's :class:`Shares`, with its document ids and their syllable counts.
    Internal API."""

    doc_ids: list[str]
    lengths: np.ndarray
    shares: Shares


_last_shares: tuple[tuple[bytes, int, int, int], CorpusShares] | None = None


def _remember_shares(
    key: tuple[bytes, int, int, int], prepared: list[SyllableDoc], found: _Passages
) -> CorpusShares:
    """The shares of the passages ``found``, kept as the last corpus's (read-only)."""
    global _last_shares
    lengths = np.array([len(doc.ids) for doc in prepared], dtype=np.int64)
    corpus = CorpusShares([doc.doc_id for doc in prepared], lengths, _shares(found, lengths))
    for column in (corpus.lengths, *vars(corpus.shares).values()):
        column.setflags(write=False)  # shared by every caller that asks again
    _last_shares = (key, corpus)
    return corpus


def corpus_shares(
    docs: Iterable[DocumentLike], min_words: int, window: int, max_docs: int
) -> CorpusShares:
    """The shares of ``docs`` (options checked by :func:`check_reuse_options`).

    The last corpus's are remembered, with their options: notebook 05 lists the shared
    passages (:func:`shared_passages` remembers them too), then draws the strongest
    overlaps and lists the near-duplicates from the same shares (finding the passages
    of 10,000 generated articles takes about 40 s). Internal API.
    """
    texts = normalized_texts(docs)
    key = (corpus_digest(texts), min_words, window, max_docs)
    last = _last_shares  # read once: another thread may replace it
    if last is not None and last[0] == key:
        return last[1]
    prepared = syllable_documents(texts)
    return _remember_shares(key, prepared, find_passages(prepared, min_words, window, max_docs))
