"""Dates as news collections write them, read into :class:`datetime.date`.

:func:`parse_date` reads a date from a header line (``# date = 20201001``), a table's
``date`` column, a field taken from a file name, or a Vietnamese dateline. Its formats,
tried whole (the value must be nothing but the date), in this order:

- ISO, ``2020-10-01``, with or without a time and zone: ``2020-10-01 08:30:00``,
  ``2020-10-01T08:30:00+07:00``, ``2020-10-01T01:30:00Z``;
- eight digits, ``20201001`` (``YYYYMMDD``);
- day first, ``1/10/2020``, ``01-10-2020`` or ``01.10.2020``, with or without a time
  before or after it (``01/10/2020 08:30``, ``15:38 05/10/2020``); never month first;
- the datelines of Vietnamese news pages (:data:`DATELINE_WEEKDAY`,
  :data:`DATELINE_UPDATED`): ``Thứ Hai, 05/10/2020, 15:38 [GMT+7]``,
  ``Cập nhật ngày: 25/12/2019 - 14:03``;
- a date after "ngày", with an optional place before it: ``ngày 23 tháng 9 năm 2019``,
  ``Hà Nội, ngày 5/10/2020``.

A date is the calendar day as written, in the time zone it is written in: the time and
the zone are checked for form and then dropped, never converted.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from ..errors import DateParseWarning
from ..vietnamese import DATE_COMPACT, DATE_DMY, DATE_ISO, DATE_SPOKEN, WEEKDAY, date_from_match

__all__ = [
    "DATELINE_UPDATED",
    "DATELINE_WEEKDAY",
    "DATE_FORMATS",
    "DateFailures",
    "parse_date",
]

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_ZONE = r"(?:\s*\(?\[?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\]?\)?)"

DATELINE_WEEKDAY = (
    rf"{WEEKDAY},?\s*(?:ngày\s*)?{DATE_DMY}(?:\s*[,-]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
    r"(?:\s*\(?\[?GMT\s*[+-]\s*\d{1,2}\]?\)?)?"
)
"""A dateline that starts with the weekday: ``Thứ Hai, 05/10/2020, 15:38 [GMT+7]``."""

DATELINE_UPDATED = (
    r"(?i)(?:cập nhật|đăng|ngày đăng|xuất bản)(?:\s+(?:ngày|lúc))?\s*:?\s*"
    rf"(?:\d{{1,2}}:\d{{2}}\s*(?:ngày\s*)?)?{DATE_DMY}"
    r"(?:\s*[,-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
"""A dateline that says when the page was posted: ``Cập nhật ngày: 25/12/2019 - 14:03``."""

DATE_FORMATS: tuple[tuple[str, str], ...] = (
    (
        "ISO",
        rf"{DATE_ISO}(?:(?:T|\s+){_CLOCK}(?:[.,]\d+)?\s*(?:Z|[+-]\d{{2}}(?::?\d{{2}})?)?)?",
    ),
    ("YYYYMMDD", DATE_COMPACT),
    (
        "dd/mm/yyyy",
        rf"(?:{_CLOCK}\s*(?:,|-|ngày)?\s*)?"
        r"(?P<day>\d{1,2})(?P<separator>[/.-])(?P<month>\d{1,2})(?P=separator)(?P<year>\d{4})"
        rf"(?:\s*[,-]?\s*{_CLOCK})?{_ZONE}?",
    ),
    ("weekday dateline", DATELINE_WEEKDAY),
    ("posted dateline", DATELINE_UPDATED),
    ("ngày …", rf"(?:[^\d,]{{1,40}},\s*)?{DATE_SPOKEN}\.?"),
)
"""``(name, pattern)`` of every format :func:`parse_date` reads, tried in this order."""

MAX_EXAMPLES = 5
"""How many unreadable dates a :class:`~corpus_tools.errors.DateParseWarning` shows."""


def parse_date(value: object) -> dt.date | None:
    """Return the date ``value`` holds, or None when it holds nothing.

    ``value`` may be a string in one of :data:`DATE_FORMATS`, a whole number written
    ``YYYYMMDD`` (a JSON ``20201001``), a :class:`datetime.date` or
    :class:`datetime.datetime` (its day), or empty: None, NaN, or a string of white
    space only.

    Raises
    ------
    ValueError
        If ``value`` holds something that is not a date in a known format, or a day
        that does not exist (``31/02/2020``).

    Examples
    --------
    >>> [parse_date(v) for v in ("2020-10-01", "20201001", "1/10/2020")]
    [datetime.date(2020, 10, 1), datetime.date(2020, 10, 1), datetime.date(2020, 10, 1)]
    >>> parse_date("2020-10-01T08:30:00+07:00"), parse_date("Hà Nội, ngày 5 tháng 10 năm 2020")
    (datetime.date(2020, 10, 1), datetime.date(2020, 10, 5))
    >>> parse_date(""), parse_date(None)
    (None, None)
    >>> parse_date("tháng trước")
    Traceback (most recent call last):
    ...
    ValueError: 'tháng trước' is not a date in a known format
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is {type(value).__name__}, not a date")
    text = " ".join(value.split())
    if not text:
        return None
    for _, pattern in DATE_FORMATS:
        found = re.fullmatch(pattern, text)
        if found:
            date = date_from_match(found)
            if date is None:
                raise ValueError(f"{value!r} is no day of the calendar")
            return date
    raise ValueError(f"{value!r} is not a date in a known format")


class DateFailures:
    """The dates of one read that did not parse, reported in one warning at its end.

    Internal API, shared by the file and table readers: :meth:`parse` reads a date as
    :func:`parse_date` does but counts a failure instead of raising; :meth:`warn`
    issues one :class:`~corpus_tools.errors.DateParseWarning` for all of them.

    Examples
    --------
    >>> failures = DateFailures()
    >>> failures.parse("32/10/2020", "a.txt") is None, failures.count
    (True, 1)
    """

    def __init__(self) -> None:
        self.count = 0
        self.examples: list[str] = []

    def parse(self, value: object, where: str) -> dt.date | None:
        """The date ``value`` holds, or None; a value that is no date is counted."""
        try:
            return parse_date(value)
        except ValueError:
            self.count += 1
            if len(self.examples) < MAX_EXAMPLES:
                self.examples.append(f"{value!r} ({where})")
            return None

    def warn(self) -> None:
        """Warn once if any date did not parse."""
        if self.count:
            warnings.warn(DateParseWarning(self.count, self.examples), stacklevel=3)
