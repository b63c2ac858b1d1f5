"""Vietnamese domain data shared by the readers and the extractors.

Letter classes, the ways news text writes "Trung ương", weekdays and date patterns live
here once, so that the cleaning rules in :mod:`corpus_tools.io` and the extractors in
:mod:`corpus_tools.extract` cannot drift apart. Everything is a plain regular-expression
fragment or a small function; importing this module compiles nothing.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "CENTRAL",
    "DATE_DMY",
    "DATE_ISO",
    "DATE_SPOKEN",
    "LOWER",
    "UPPER",
    "WEEKDAY",
    "date_from_match",
]

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
"""Vietnamese capital letters, as the inside of a ``[...]`` class. Ð (U+00D0, the
Icelandic eth) is included because some scraped files write it for Đ."""

LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđðèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
"""Vietnamese small letters, as the inside of a ``[...]`` class (with ð for đ)."""

CENTRAL = r"(?:Trung ương|TW|T\.Ư|TƯ)"
""""Trung ương" (central) as Party and state names write it: in full or abbreviated."""

WEEKDAY = r"(?:Thứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|Chủ\s+[Nn]hật)"
"""A weekday as datelines write it: "Thứ Hai" … "Thứ Bảy", "Chủ nhật"."""

DATE_DMY = r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})"
"""A day/month/year date, ``23/9/2019``, with groups ``day``, ``month``, ``year``."""

DATE_ISO = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
"""An ISO date, ``2019-09-23``, with groups ``day``, ``month``, ``year``."""

DATE_SPOKEN = (
    r"(?i:ngày)\s+(?:(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?i:tháng)\s+(?P<month2>\d{1,2})\s+(?i:năm)\s+(?P<year2>\d{4}))"
    r"(?!\d)"
)
"""A date after "ngày" as running text writes it: "ngày 23/9/2019", "ngày 23-9-2019",
"ngày 23 tháng 9 năm 2019" (the last with groups ``day2``, ``month2``, ``year2``)."""


def date_from_match(found: re.Match[str]) -> dt.date | None:
    """Return the date a match of one of the patterns above holds, or None if impossible.

    Examples
    --------
    >>> date_from_match(re.search(DATE_SPOKEN, "ban hành ngày 23 tháng 9 năm 2019"))
    datetime.date(2019, 9, 23)
    >>> date_from_match(re.match(DATE_DMY, "31/2/2020")) is None
    True
    """
    groups = found.groupdict()
    day = groups.get("day") or groups.get("day2")
    month = groups.get("month") or groups.get("month2")
    year = groups.get("year") or groups.get("year2")
    try:
        return dt.date(int(year), int(month), int(day))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
