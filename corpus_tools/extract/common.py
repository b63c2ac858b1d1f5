"""What the extractors share (internal API): word alternations, overlap resolution and
one-row-per-name tables.

These functions serve :mod:`~corpus_tools.extract.references`,
:mod:`~corpus_tools.extract.organizations` and :mod:`~corpus_tools.extract.people`; they
are public only so that those modules need no private names of each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import pandas as pd

__all__ = ["alternation", "entity_table", "leftmost_longest"]

S = TypeVar("S", bound=tuple[Any, ...])


def alternation(words: Iterable[str]) -> str:
    """Return a regular-expression alternation of ``words``, longest first (internal API).

    Longest first, so that "Phó Trưởng ban" is tried before "Phó Trưởng".

    Examples
    --------
    >>> alternation(["ông", "đồng chí", "ông"])
    'đồng\\\\ chí|ông'
    """
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def leftmost_longest(spans: Iterable[S]) -> list[S]:
    """Keep the spans that do not overlap: leftmost first, then longest (internal API).

    Each span is a tuple that starts with ``start, end`` (character offsets, end
    exclusive); what follows rides along. Of spans with the same start and end, the one
    that comes first in ``spans`` is kept.

    Examples
    --------
    >>> leftmost_longest([(0, 3, "Bộ"), (0, 12, "Bộ Chính trị"), (4, 12, "Chính trị")])
    [(0, 12, 'Bộ Chính trị')]
    """
    kept: list[S] = []
    last_end = -1
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):
        if span[0] >= last_end:
            kept.append(span)
            last_end = span[1]
    return kept


def entity_table(
    mentions: pd.DataFrame, extra: dict[str, Callable[[pd.DataFrame], object]] | None = None
) -> pd.DataFrame:
    """One row per ``name`` of a mention table, most mentioned first (internal API).

    Columns: ``name``, one per ``extra`` entry (its function gets the name's mentions),
    ``articles`` (the ``doc_id`` naming it, in order of first mention) and ``mentions``.

    Examples
    --------
    >>> mentions = pd.DataFrame({"doc_id": ["a", "b", "b"],
    ...                          "name": ["Bộ Nội vụ", "Bộ Chính trị", "Bộ Nội vụ"]})
    >>> entity_table(mentions)
               name articles  mentions
    0     Bộ Nội vụ   (a, b)         2
    1  Bộ Chính trị     (b,)         1
    """
    extra = extra or {}
    rows = []
    for name, group in mentions.groupby("name", sort=False):
        row: dict[str, object] = {"name": name}
        for column, make in extra.items():
            row[column] = make(group)
        row["articles"] = tuple(dict.fromkeys(group["doc_id"]))
        row["mentions"] = len(group)
        rows.append(row)
    table = pd.DataFrame(rows, columns=["name", *extra, "articles", "mentions"])
    table = table.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True).astype({"mentions": "int64"})
