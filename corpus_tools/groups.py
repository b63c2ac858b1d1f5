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
from .io.removed import LANGUAGES
from .types import DocumentLike
from .validation import check_choice, check_positive_int

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ARTICLE_LABEL",
    "DOCUMENT_LABEL_WIDTH",
    "HASHED_ID",
    "PERIODS",
    "document_label",
    "document_labels",
    "documents_table",
    "field_values",
    "group_labels",
    "short_id",
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


HASHED_ID = re.compile(r"(\d+)_[0-9a-f]{12,}")
"""A scraped file id: a number, then a hash (``000_e38ffd22d5a32227``)."""

ARTICLE_LABEL = {"vi": "bài {number}", "en": "article {number}"}
"""How an article without a title is named, in each language."""

DOCUMENT_LABEL_WIDTH = 30
"""Characters of a title kept in an article's label before "…"."""


def short_id(doc_id: object) -> str:
    """Return a document id as figures show it.

    A scraped id ``000_e38ffd22d5a32227`` is shortened to its number; any other id is
    kept exactly as written: its ``_`` stay (an id is not a word, whose ``_`` joins
    syllables) and so does its folder (``thoi_su/news_001`` and ``the_thao/news_001``
    are two articles).

    Examples
    --------
    >>> short_id("000_e38ffd22d5a32227"), short_id("sport/news_sport_012"), short_id("b")
    ('000', 'sport/news_sport_012', 'b')
    """
    text = str(doc_id)
    hashed = HASHED_ID.fullmatch(text)
    return hashed.group(1) if hashed else text


def _shorten(title: str, width: int) -> str:
    """``title`` with its spaces evened, cut at a word boundary to ``width`` characters
    and "…" (a first word longer than ``width`` is cut inside)."""
    title = " ".join(title.split())
    if len(title) <= width:
        return title
    cut = title[: width + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else title[:width]
    return cut.rstrip(" ,.;:–-—") + "…"


def document_label(
    doc_id: object,
    title: str | None,
    *,
    width: int = DOCUMENT_LABEL_WIDTH,
    lang: str = "vi",
) -> str:
    """Return a short label for an article: its title cut to ``width`` characters, then
    its id in brackets (:func:`short_id`).

    An article without a title is named by its id ("bài 003", "article 003"), never by
    the bare id alone.

    Parameters
    ----------
    doc_id : str
    title : str or None
    width : int
        Characters of the title kept; a longer title is cut at a word boundary and
        ends in "…".
    lang : {"vi", "en"}
        Language of the label of an untitled article (:data:`ARTICLE_LABEL`).

    Examples
    --------
    >>> title = "Tăng cường siết chặt kỷ luật, kỷ cương trong công tác cán bộ"
    >>> document_label("000_e38ffd22d5a32227", title)
    'Tăng cường siết chặt kỷ luật… (000)'
    >>> document_label("003_74790746ce20f72d", None), document_label("x", "", lang="en")
    ('bài 003', 'article x')
    >>> document_label("news_sport_012", "Hà Nội thắng")
    'Hà Nội thắng (news_sport_012)'
    """
    check_positive_int(width, "width")
    short = short_id(doc_id)
    if title is None or not str(title).strip():
        return ARTICLE_LABEL[check_choice(lang, "lang", LANGUAGES)].format(number=short)
    return f"{_shorten(str(title), width)} ({short})"


def document_labels(
    docs: Iterable[DocumentLike] | pd.DataFrame,
    *,
    width: int = DOCUMENT_LABEL_WIDTH,
    lang: str = "vi",
) -> dict[str, str]:
    """Return ``doc_id`` → :func:`document_label` for every document: how figures
    name articles (the ``names=`` or ``labels=`` of a ``plot_*`` function).

    Parameters
    ----------
    docs : iterable of Document or (doc_id, text) pairs, or DataFrame
        Documents, pairs (which have no title), or a table with ``doc_id`` and
        ``title`` columns such as :func:`documents_table`.
    width, lang
        As for :func:`document_label`.

    Examples
    --------
    >>> docs = [Document("000_e38ffd22d5a32227", title="Siết chặt kỷ luật trong công tác cán bộ"),
    ...         Document("news_sport_012"), ("b", "một văn bản")]
    >>> list(document_labels(docs, width=20).values())
    ['Siết chặt kỷ luật… (000)', 'bài news_sport_012', 'bài b']
    """
    pairs: Iterable[tuple[object, object]]
    import pandas as pd

    if isinstance(docs, pd.DataFrame):
        pairs = zip(docs["doc_id"], docs["title"], strict=True)
    else:
        pairs = (_id_and_title(doc) for doc in docs)
    return {
        str(doc_id): document_label(
            doc_id,
            title if isinstance(title, str) else None,  # None or NaN: no title
            width=width,
            lang=lang,
        )
        for doc_id, title in pairs
    }


def _id_and_title(doc: DocumentLike) -> tuple[object, object]:
    if isinstance(doc, str):
        raise CorpusError("document_labels needs Documents or (doc_id, text) pairs, not str")
    if isinstance(doc, tuple):
        return str(doc[0]), None
    return doc.doc_id, doc.title
