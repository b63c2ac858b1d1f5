"""Vietnamese domain data shared by the readers and the extractors.

Letter classes, the ways news text writes "Trung ương", weekdays and date patterns live
here once, so that the cleaning rules in :mod:`corpus_tools.io` and the extractors in
:mod:`corpus_tools.extract` cannot drift apart. Everything is a plain regular-expression
fragment or a small function; importing this module compiles nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "CENTRAL",
    "DATE_COMPACT",
    "DATE_DMY",
    "DATE_ISO",
    "DATE_SPOKEN",
    "LOWER",
    "TONE_MARKS",
    "UPPER",
    "WEEKDAY",
    "date_from_match",
    "is_syllable",
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

DATE_COMPACT = r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"
"""A date in eight digits, ``20190923`` (``YYYYMMDD``), with groups ``day``, ``month``,
``year``; match it whole (``fullmatch``), as a longer number is no date."""

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
    >>> date_from_match(re.fullmatch(DATE_COMPACT, "20201001"))
    datetime.date(2020, 10, 1)
    >>> date_from_match(re.match(DATE_DMY, "31/2/2020")) is None
    True
    """
    groups = found.groupdict()
    day = groups.get("day") or groups.get("day2")
    month = groups.get("month") or groups.get("month2")
    year = groups.get("year") or groups.get("year2")
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
"""The five tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng."""

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđðghklmnprstvx])?"
_CODA = r"(?:ch|ng|nh|[cmnptk])"  # k: "Đắk Lắk"
# Vowel clusters (medial + nucleus + final glide), without tone marks, by what may follow.
_OPEN_ONLY = (
    "iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu "
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu"
)
_MUST_CLOSE = "uyê iê yê uô ươ oă oo uâ ă â"
_MAY_CLOSE = "oa oe uê uy a e ê i o ô ơ u ư y"
_STOP_CODAS = ("c", "ch", "p", "t", "k")


def _alternatives(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


_SYLLABLE = re.compile(
    rf"{_ONSET}(?:(?:{_alternatives(_OPEN_ONLY)})|(?:{_alternatives(_MUST_CLOSE)})(?P<coda>{_CODA})"
    rf"|(?:{_alternatives(_MAY_CLOSE)})(?P<open_coda>{_CODA})?)"
)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True if ``word`` is one well-formed Vietnamese syllable, with at most one tone mark.

    A syllable is an onset (b, ch, gh, gi, ngh, qu…, or none), a vowel nucleus with its
    glides (a, oa, uyê, ươi…) and a coda (c, ch, m, n, ng, nh, p, t, or none); a syllable
    ending in c, ch, p or t takes only the sắc or nặng tone. Case does not matter. Loan
    words, typing slips that join two syllables and mojibake are not syllables.

    Examples
    --------
    >>> [is_syllable(w) for w in ("Nguyễn", "khuỷu", "quốc", "giữa", "Việt", "hoà")]
    [True, True, True, True, True, True]
    >>> [is_syllable(w) for w in ("đãyêu", "hoàyêu", "Haø", "Néi", "Open", "hoàt")]
    [False, False, False, False, False, False]
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [char for char in decomposed if char in TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    found = _SYLLABLE.fullmatch(bare)
    if found is None:
        return False
    coda = found["coda"] or found["open_coda"]
    return coda not in _STOP_CODAS or (bool(tones) and tones[0] in "\u0301\u0323")
