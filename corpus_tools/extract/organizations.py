"""Find organisations in Vietnamese news: Party bodies, the state, local committees.

One table, :data:`ORGANIZATIONS`, says how each body is written, and it serves three
extractors: :func:`find_organizations` finds the bodies on their own,
:mod:`~corpus_tools.extract.people` reads them inside titles ("Trưởng Ban Tổ chức Trung
ương") and :mod:`~corpus_tools.extract.references` reads them as the issuers of documents
("Quy định 205 của Bộ Chính trị"). A body's pattern is written here once.

Text is normalised with :func:`~corpus_tools.normalize.normalize_text` first; ``start``
and ``end`` are character offsets into ``normalize_text(doc.text)`` (the body, without
the title).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from ..normalize import normalized_texts
from ..types import DocumentLike
from ..vietnamese import CENTRAL
from .common import alternation, entity_table, leftmost_longest

__all__ = [
    "ORGANIZATIONS",
    "PLACES",
    "Organization",
    "body_alternation",
    "find_organizations",
    "organization_named",
    "organizations_table",
]


PLACES: tuple[str, ...] = (
    "Việt Nam", "Hà Nội", "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "TP. Hồ Chí Minh",
    "TPHCM", "TP.HCM", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "An Giang", "Bà Rịa - Vũng Tàu",
    "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương",
    "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip
"""Provinces and cities: never a person, and the place part of a local body's name."""

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class Organization:
    """An organisation and the pattern that finds it (matched case-insensitively).

    The pattern may hold a group ``level`` ("tỉnh", "huyện") and a group ``place``
    (``{place}`` stands for :data:`PLACES`); the organisation's name is ``name`` followed
    by them. ``in_titles_only`` organisations are recognised only inside a title
    ("Ủy viên Trung ương Đảng", "Ủy viên BTV") or as an issuer, never on their own.
    """

    name: str
    pattern: str
    in_titles_only: bool = False

    def expanded_pattern(self, *, named_groups: bool = True) -> str:
        """The pattern with ``{place}`` spelled out; without ``named_groups`` its groups
        are anonymous, so that it can stand in one alternation with other patterns.

        Examples
        --------
        >>> committee = Organization("Tỉnh ủy", r"Tỉnh ủy(?: (?P<place>{place}))?")
        >>> pattern = committee.expanded_pattern(named_groups=False)
        >>> "Nguyên" in pattern, "(?P<" in pattern
        (True, False)
        """
        pattern = self.pattern.replace("{place}", alternation(PLACES))
        return pattern if named_groups else _NAMED_GROUP.sub("(?:", pattern)

    def compile(self) -> re.Pattern[str]:
        """The expanded pattern, compiled to match case-insensitively."""
        return re.compile(f"(?i:{self.expanded_pattern()})")

    def mention_name(self, match: re.Match[str]) -> str:
        """The name of the body a match of :meth:`compile` finds: ``name``, then the
        level and place it holds ("HĐND tỉnh" → "Hội đồng nhân dân tỉnh").

        Examples
        --------
        >>> council = organization_named("Hội đồng nhân dân")
        >>> council.mention_name(council.compile().match("HĐND tỉnh Thái Nguyên"))
        'Hội đồng nhân dân tỉnh Thái Nguyên'
        """
        groups = match.groupdict()
        parts = [self.name, (groups.get("level") or "").lower(), groups.get("place") or ""]
        return " ".join(part for part in parts if part)


_LEVEL = r"(?:\s+(?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã|phường))?"
_PLACE = r"(?:\s+(?P<place>{place}))?"
_CENTRAL_BODIES = (  # "<body> Trung ương": Ban Tổ chức Trung ương, Ban Tổ chức TW
    "Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận", "Ban Nội chính", "Ban Kinh tế",
    "Ban Đối ngoại", "Ủy ban Kiểm tra", "Hội đồng Lý luận", "Tiểu ban Bảo vệ chính trị nội bộ",
)  # fmt: skip
_MINISTRIES = (
    "Bộ Công an", "Bộ Quốc phòng", "Bộ Nội vụ", "Bộ Ngoại giao", "Bộ Tư pháp",
    "Bộ Tài chính", "Bộ Công Thương", "Bộ Kế hoạch và Đầu tư", "Bộ Giáo dục và Đào tạo",
    "Bộ Y tế", "Bộ Lao động - Thương binh và Xã hội", "Bộ Giao thông vận tải",
    "Bộ Xây dựng", "Bộ Thông tin và Truyền thông", "Bộ Tài nguyên và Môi trường",
    "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ",
)  # fmt: skip
_COMMITTEES = ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy")

ORGANIZATIONS: tuple[Organization, ...] = (
    # The Party's central bodies
    Organization("Ban Chấp hành Trung ương", rf"Ban Chấp hành {CENTRAL}(?: Đảng)?|BCH ?TW"),
    Organization("Bộ Chính trị", r"Bộ Chính trị"),
    Organization("Ban Bí thư", rf"Ban Bí thư(?: {CENTRAL} Đảng)?"),
    *(Organization(f"{body} Trung ương", rf"{body} {CENTRAL}") for body in _CENTRAL_BODIES),
    Organization("Văn phòng Trung ương Đảng", rf"Văn phòng {CENTRAL} Đảng"),
    Organization("Ban Chấp hành Trung ương", rf"{CENTRAL} Đảng|{CENTRAL}", in_titles_only=True),
    Organization("Ban Thường vụ", r"Ban Thường vụ|BTV", in_titles_only=True),
    # Local Party bodies: Tỉnh ủy Thái Nguyên, Ban Thường vụ Tỉnh ủy, Ban Tổ chức Huyện ủy
    *(Organization(c, rf"{c}{_PLACE}") for c in _COMMITTEES),
    *(Organization(f"Ban Thường vụ {c}", rf"Ban Thường vụ {c}{_PLACE}") for c in _COMMITTEES),
    *(Organization(f"Ban Tổ chức {c}", rf"Ban Tổ chức {c}{_PLACE}") for c in _COMMITTEES),
    Organization("Đảng bộ", rf"Đảng bộ\s+(?P<level>tỉnh|thành phố|huyện|quận){_PLACE}"),
    # The state
    Organization("Quốc hội", r"Quốc hội"),
    Organization("Ủy ban Thường vụ Quốc hội", r"Ủy ban Thường vụ Quốc hội"),
    Organization("Đoàn đại biểu Quốc hội", rf"Đoàn đại biểu Quốc hội{_LEVEL}{_PLACE}"),
    Organization("Ban Công tác đại biểu", r"Ban Công tác đại biểu(?: Quốc hội)?"),
    Organization("Chính phủ", r"Chính phủ"),
    *(Organization(name, re.escape(name)) for name in _MINISTRIES),
    Organization("Hội đồng nhân dân", rf"(?:Hội đồng nhân dân|HĐND){_LEVEL}{_PLACE}"),
    Organization("Ủy ban nhân dân", rf"(?:Ủy ban nhân dân|UBND){_LEVEL}{_PLACE}"),
    Organization(
        "Mặt trận Tổ quốc Việt Nam",
        r"(?:Ủy ban Trung ương )?Mặt trận Tổ quốc(?: Việt Nam)?|MTTQ(?: Việt Nam)?",
    ),
    Organization("Thông tấn xã Việt Nam", r"Thông tấn xã Việt Nam|TTXVN"),
)
"""Organisations: extend with ``organizations=ORGANIZATIONS + (Organization(...),)``."""

_COLUMNS = ["doc_id", "start", "end", "text", "name"]


def organization_named(name: str, *, in_titles_only: bool = False) -> Organization:
    """The organisation of :data:`ORGANIZATIONS` called ``name`` (internal API).

    ``in_titles_only`` picks the entry recognised only in titles where a name has two
    (the Central Committee is also written plain "Trung ương").

    Examples
    --------
    >>> organization_named("Bộ Chính trị")
    Organization(name='Bộ Chính trị', pattern='Bộ Chính trị', in_titles_only=False)
    """
    for org in ORGANIZATIONS:
        if org.name == name and org.in_titles_only == in_titles_only:
            return org
    raise KeyError(name)


def body_alternation(organizations: Iterable[Organization]) -> str:
    """One regular expression for any of ``organizations``, longest pattern first, its
    groups anonymous (internal API: titles and issuers name a body with it).

    Examples
    --------
    >>> body_alternation([organization_named("Quốc hội"),
    ...                   organization_named("Ủy ban Thường vụ Quốc hội")])
    '(?:Ủy ban Thường vụ Quốc hội)|(?:Quốc hội)'
    """
    ordered = sorted(organizations, key=lambda org: len(org.pattern), reverse=True)
    return "|".join(f"(?:{org.expanded_pattern(named_groups=False)})" for org in ordered)


def _find_in_text(
    text: str, compiled: Sequence[tuple[re.Pattern[str], Organization]]
) -> list[tuple[int, int, str]]:
    candidates = []
    for regex, org in compiled:
        for match in regex.finditer(text):
            start, end = match.span()
            if not text[start].isupper():  # "hội đồng nhân dân các cấp" names no body
                continue
            if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue
            candidates.append((start, end, org.mention_name(match)))
    return leftmost_longest(candidates)


def find_organizations(
    docs: Iterable[DocumentLike], *, organizations: Sequence[Organization] = ORGANIZATIONS
) -> pd.DataFrame:
    """Find every mention of an organisation of :data:`ORGANIZATIONS`.

    Parameters
    ----------
    docs : iterable of Document, ``(doc_id, text)`` pairs or str
        The articles; strings get ids ``"0"``, ``"1"``, …. Titles are not searched.
    organizations : sequence of Organization
        The organisation table.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, text, name``: offsets into ``normalize_text(doc.text)``,
        the text as written and the organisation's name ("HĐND tỉnh" → "Hội đồng nhân
        dân tỉnh"). Where names overlap the longest wins ("Ban Thường vụ Tỉnh ủy Thái
        Nguyên" is one mention). A name must start with a capital letter.

    Examples
    --------
    >>> orgs = find_organizations(["Ban Thường vụ Tỉnh ủy Thái Nguyên làm việc với Bộ Nội vụ.",
    ...                             "Chủ tịch HĐND tỉnh báo cáo."])
    >>> orgs[["doc_id", "start", "end", "name"]]
      doc_id  start  end                               name
    0      0      0   33  Ban Thường vụ Tỉnh ủy Thái Nguyên
    1      0     47   56                          Bộ Nội vụ
    2      1      9   18             Hội đồng nhân dân tỉnh
    """
    compiled = [(org.compile(), org) for org in organizations if not org.in_titles_only]
    rows = [
        (doc_id, start, end, text[start:end], name)
        for doc_id, text in normalized_texts(docs)
        for start, end, name in _find_in_text(text, compiled)
    ]
    table = pd.DataFrame(rows, columns=_COLUMNS)
    return table.astype({"start": "int64", "end": "int64"})


def organizations_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation: ``name, articles, mentions``, most mentioned first.

    Examples
    --------
    >>> orgs = find_organizations([("a", "Bộ Chính trị họp."), ("b", "Bộ Chính trị kết luận.")])
    >>> organizations_table(orgs)
               name articles  mentions
    0  Bộ Chính trị   (a, b)         2
    """
    return entity_table(mentions)
