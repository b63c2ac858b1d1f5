"""Documents by their metadata: one table of documents, subsets, and group labels.

quanteda calls these docvars, ``corpus_subset`` and ``dfm_group``; Voyant groups by
document fields. A field is a :class:`~corpus_tools.io.Document` attribute (``title``,
``date``, ``source``, ``byline``) or a key of its ``metadata`` (a CSV column, the
sub-folder a file was read from, a field taken from the file name). Dates group by
period: ``"date:year"``, ``"date:quarter"``, ``"date:month"``, ``"date:week"`` or
``"date:day"``.

Every function here takes documents and returns plain values, so the grouping labels
can be passed to any counting function that takes ``groups=``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .errors import CorpusError
from .io import Document
from .validation import check_choice

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PERIODS",
    "documents_table",
    "field_values",
    "group_labels",
    "short_labels",
    "subset",
]

ATTRIBUTES = ("doc_id", "title", "date", "source", "byline")
"""Fields read from :class:`Document` attributes; any other name is a metadata key."""

PERIODS = ("year", "quarter", "month", "week", "day")
"""The periods that ``"date:<period>"`` groups by."""


def field_values(docs: Iterable[Document], field: str) -> list[object]:
    """Return one value of ``field`` per document (None where a document has none).

    Raises :class:`~corpus_tools.errors.CorpusError` if no document has the field, so a
    misspelt name is never an empty grouping.

    Examples
    --------
    >>> docs = [Document("a", metadata={"category": "thể thao"}), Document("b")]
    >>> field_values(docs, "category")
    ['thể thao', None]
    """
    docs = list(docs)
    if field in ATTRIBUTES:
        return [getattr(doc, field) for doc in docs]
    values = [doc.metadata.get(field) for doc in docs]
    if docs and all(value is None for value in values):
        known = sorted({key for doc in docs for key in doc.metadata} | set(ATTRIBUTES))
        raise CorpusError(
            f"no document has the field {field!r}; the fields are: {', '.join(known)}"
        )
    return values


def _period(date: dt.date, period: str) -> str:
    if period == "year":
        return f"{date.year}"
    if period == "quarter":
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}"
    if period == "month":
        return f"{date.year}-{date.month:02d}"
    if period == "week":
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}"
    return date.isoformat()


def group_labels(docs: Iterable[Document], by: str) -> list[str | None]:
    """Return each document's group: the value of field ``by``, or its date's period.

    Labels are strings that sort in time order for periods (``"2020-03"``); a document
    without the field gets None, which callers report as its own group.

    Examples
    --------
    >>> docs = [Document("a", date=dt.date(2020, 3, 5)), Document("b", date=None)]
    >>> group_labels(docs, "date:month")
    ['2020-03', None]
    >>> group_labels([Document("c", source="Báo Nhân Dân")], "source")
    ['Báo Nhân Dân']
    """
    field, _, period = by.partition(":")
    if period:
        check_choice(period, "the period after 'date:'", PERIODS)
        if field != "date":
            raise CorpusError(f"only dates group by period ('date:{period}'), not {field!r}")
        dates = [doc.date for doc in docs]
        return [None if d is None else _period(d, period) for d in dates]
    return [None if v is None or v == "" else str(v) for v in field_values(docs, field)]


def _as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CorpusError(f"{name} must be a date or 'YYYY-MM-DD', not {value!r}") from None


def subset(
    docs: Iterable[Document],
    *,
    where: Mapping[str, object] | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
) -> tuple[Document, ...]:
    """Return the documents whose fields match ``where`` and whose date is in range.

    Parameters
    ----------
    docs : iterable of Document
    where : mapping, optional
        Field → wanted value, or a collection of wanted values (strings compare as
        written). A document lacking the field never matches.
    date_from, date_to : date or "YYYY-MM-DD", optional
        Inclusive bounds; with either, documents without a date are left out.

    Examples
    --------
    >>> docs = [Document("a", date=dt.date(2020, 1, 2), metadata={"category": "thời sự"}),
    ...         Document("b", date=dt.date(2021, 5, 1), metadata={"category": "thể thao"})]
    >>> [d.doc_id for d in subset(docs, where={"category": ["thể thao"]})]
    ['b']
    >>> [d.doc_id for d in subset(docs, date_to="2020-12-31")]
    ['a']
    """
    docs = tuple(docs)
    low, high = _as_date(date_from, "date_from"), _as_date(date_to, "date_to")
    keep = [True] * len(docs)
    for field, wanted in (where or {}).items():
        accepted: Collection[object] = (
            set(map(str, wanted))
            if isinstance(wanted, Collection) and not isinstance(wanted, str)
            else {str(wanted)}
        )
        values = field_values(docs, field)
        keep = [
            k and v is not None and str(v) in accepted for k, v in zip(keep, values, strict=True)
        ]
    if low is not None or high is not None:
        for number, doc in enumerate(docs):
            date = doc.date
            inside = date is not None and (low is None or date >= low)
            inside = inside and date is not None and (high is None or date <= high)
            keep[number] = keep[number] and inside
    return tuple(doc for doc, k in zip(docs, keep, strict=True) if k)


def documents_table(docs: Sequence[Document]) -> pd.DataFrame:
    """One row per document: ``doc_id``, ``title``, ``date``, ``source``, ``byline``,
    ``paragraphs`` (a count) and every metadata field, in order of first appearance.

    Examples
    --------
    >>> documents_table([Document("a", title="Hội nghị", metadata={"category": "thời sự"})])
      doc_id     title  date source byline  paragraphs  category
    0      a  Hội nghị  None   None   None           0  thời sự
    """
    import pandas as pd

    # a table's "title" or "date" column is in metadata too: the parsed attribute wins
    shadowed = {*ATTRIBUTES, "paragraphs"}
    fields = list(dict.fromkeys(k for doc in docs for k in doc.metadata if k not in shadowed))
    rows = [
        {
            **{name: getattr(doc, name) for name in ATTRIBUTES},
            "paragraphs": len(doc.paragraphs),
            **{key: doc.metadata.get(key) for key in fields},
        }
        for doc in docs
    ]
    columns = [*ATTRIBUTES, "paragraphs", *fields]
    return pd.DataFrame(rows, columns=columns)


_HASHED_ID = re.compile(r"(\d+)_[0-9a-f]{12,}")


def short_labels(docs: Iterable[Document], *, width: int = 32) -> dict[str, str]:
    """Return doc_id → a short label for figures: the id, then the start of the title.

    An id of the form ``000_e38ffd22d5a32227`` (number, hash) is shortened to its
    number; the title is cut at a word boundary to at most ``width`` characters, with
    "…" when cut. A document without a title is labelled by its id alone.

    Examples
    --------
    >>> docs = [Document("000_e38ffd22d5a32227", title="Siết chặt kỷ luật trong công tác cán bộ"),
    ...         Document("b")]
    >>> short_labels(docs, width=20)
    {'000_e38ffd22d5a32227': '000 · Siết chặt kỷ luật…', 'b': 'b'}
    """
    labels = {}
    for doc in docs:
        hashed = _HASHED_ID.fullmatch(doc.doc_id)
        name = hashed.group(1) if hashed else doc.doc_id
        title = " ".join((doc.title or "").split())
        if len(title) > width:
            cut = title[: width + 1].rsplit(" ", 1)[0] if " " in title[:width] else title[:width]
            title = cut.rstrip(" ,.;:–-") + "…"
        labels[doc.doc_id] = f"{name} · {title}" if title else name
    return labels
