"""Cleaning scrape boilerplate out of an article, driven by one table of line rules.

Each row of :data:`CLEANING_RULES` names a kind of boilerplate line (skip link,
related-articles footer, dateline, photo caption, source line, byline…), the pattern that recognises
it, where in the article it may stand, and which :class:`Document` field its value goes
to. Every line the rules take out is kept in ``Document.removed`` with its reason, so
nothing is lost. Researchers extend the table by passing
``rules=CLEANING_RULES + (LineRule(...),)``.

The patterns match a copy of each line in NFC with its white space folded (so a file in
NFD is cleaned alike, and the fields it gives are NFC); the paragraphs keep the
characters of the file (normalising is :mod:`corpus_tools.normalize`'s job).

A file's header lines (``# key = value``, :mod:`.headers`) are read before the table
applies: they fill the fields and are kept in ``removed`` with the reason ``"header"``,
so every non-blank line of a file is still a paragraph or a removed line. The tables of
what was removed, and the reasons' labels, are in :mod:`.removed`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import EmptyDocumentError
from ..vietnamese import LOWER, UPPER, date_from_match
from .dates import DATELINE_UPDATED, DATELINE_WEEKDAY, DateFailures
from .documents import Document
from .headers import Header, read_header

__all__ = [
    "CAPTION_MAX_CHARS",
    "CLEANING_RULES",
    "HEAD_LINES",
    "NEWS_OUTLETS",
    "TITLE_MAX_CHARS",
    "LineRule",
    "clean_lines",
    "document_from_text",
    "source_line_rule",
]

_NAME = rf"[{UPPER}][{LOWER}]*(?:\s+[{UPPER}][{LOWER}]*){{0,4}}"
_DASH = r"\s*[-–—,&]\s*"


@dataclass(frozen=True)
class LineRule:
    """One kind of boilerplate line, recognised by a pattern.

    Parameters
    ----------
    reason : str
        What the line is; recorded beside the line in ``Document.removed``.
    pattern : str
        Regular expression matched (``fullmatch``, case-sensitive unless the pattern
        says ``(?i)``) against the line in NFC with its white space folded to single
        spaces.
    where : {"head", "tail", "anywhere"}
        ``"head"``: among the first :data:`HEAD_LINES` non-blank lines; ``"tail"``: in
        the run of such lines that ends the article; ``"anywhere"``: any line.
    field : str or None
        The :class:`Document` field (``"date"``, ``"source"`` or ``"byline"``) that takes
        the match: its ``value`` group, the date groups, or the whole line.
    drop_rest : bool
        Also remove every line after this one (a related-articles footer).
    """

    reason: str
    pattern: str
    where: Literal["head", "tail", "anywhere"] = "anywhere"
    field: Literal["date", "source", "byline"] | None = None
    drop_rest: bool = False

    def match(self, line: str) -> re.Match[str] | None:
        return re.fullmatch(self.pattern, line)


NEWS_OUTLETS: tuple[str, ...] = (
    "An ninh Thủ đô",
    "Chính phủ",
    "Công an nhân dân",
    "Dân trí",
    "Đại Đoàn Kết",
    "Đầu tư",
    "Giáo dục & Thời đại",
    "Hà Nội mới",
    "Kinh tế & Đô thị",
    "Lao Động",
    "Người Lao Động",
    "Nhân Dân",
    "Nông nghiệp Việt Nam",
    "Pháp luật",
    "Quân đội nhân dân",
    "Sài Gòn Giải Phóng",
    "Thanh Niên",
    "Tiền Phong",
    "Tin tức",
    "Tuổi Trẻ",
    "Vietnam+",
    "VietnamNet",
    "Vietnamplus",
    "VnExpress",
    "Xây dựng Đảng",
    "Zing",
    "Znews",
)
"""Outlets that source lines name without "Báo" in front ("Theo Tuổi Trẻ"); extend it
and rebuild the rules with :func:`source_line_rule` to recognise more."""

_SITE = r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?"  # thainguyen.gov.vn
_ACRONYM = rf"[{UPPER}][{UPPER}\d]+(?:\s*[/&,-]\s*[{UPPER}][{UPPER}\d]+)*"  # VOV, TTXVN/VOV
_PRESS = (  # Báo Nhân Dân, Tạp chí Cộng sản, Cổng thông tin điện tử Chính phủ
    r"(?i:báo(?: điện tử)?|tạp chí|đài|trang(?: thông tin| tin)?(?: điện tử)?"
    r"|cổng(?: thông tin)?(?: điện tử)?|cổng ttđt|thông tấn xã|truyền hình|tuần báo"
    rf"|nhật báo|bản tin|kênh)\s+[{UPPER}\d].{{0,50}}"
)


def source_line_rule(outlets: Iterable[str] = NEWS_OUTLETS) -> LineRule:
    """The rule for a source line: short, and naming an outlet or a site.

    "Nguồn: …" or "Theo: …" with a colon takes any value up to 60 characters; without
    a colon, "Nguồn …" or "Theo …" must name a web address, an acronym (VOV, TTXVN), a
    paper, magazine, station or portal ("Báo Nhân Dân", "Tạp chí Cộng sản"), or one of
    ``outlets``. So "Nguồn lực đầu tư…" and "Theo Nghị quyết…" stay in the article. The
    line may be in parentheses and end in a full stop.

    Examples
    --------
    >>> rule = source_line_rule()
    >>> [bool(rule.match(line)) for line in ("Nguồn VOV", "(Theo Tuổi Trẻ)", "Nguồn vốn ODA")]
    [True, True, False]
    """
    known = "|".join(re.escape(name) for name in sorted(outlets, key=len, reverse=True))
    outlet = f"(?:{_SITE}|{_ACRONYM}|{_PRESS}|(?i:{known}))"
    return LineRule(
        "source line",
        r"\(?(?:(?i:nguồn(?:\s+(?:ảnh|tin|bài|tư liệu|video))?|theo)\s*:\s*"
        r"(?P<value>[^\s:].{0,59}?)"
        rf"|(?:(?i:nguồn)|Theo)\s+(?P<named>{outlet}))\s*\.?\)?",
        where="tail",
        field="source",
    )


HEAD_LINES = 4
"""How many non-blank lines at the start of an article ``"head"`` rules look at."""

TITLE_MAX_CHARS = 200
"""A first line longer than this is a body paragraph, not a headline."""

CAPTION_MAX_CHARS = 200
"""A line longer than this is a paragraph, even if it ends with "(Ảnh: TTXVN)"."""

_PHOTO = (  # Ảnh, Ảnh minh họa, Ảnh tư liệu, Trong ảnh
    r"(?:(?i:trong)\s+)?(?i:ảnh)"
    r"(?:\s+(?i:minh\s+h(?:ọa|oạ)|tư\s+liệu|chụp\s+màn\s+hình|internet))?"
)
_CAPTION = (
    rf"(?=.{{1,{CAPTION_MAX_CHARS}}}\Z)"  # short
    r"(?:.*?(?:[.!?…:]\s*|\s+[-–—|]\s*|\s*(?=\()))?"  # a description ending a sentence
    rf"\(?\s*{_PHOTO}(?:\s*[:\-–—]\s*.{{0,150}}?)?\s*\)?\s*\.?"  # the marker and credit
)

CLEANING_RULES: tuple[LineRule, ...] = (
    LineRule(
        "skip link", r"(?i)(?:truy cập nội dung luôn|bỏ qua nội dung|skip to (?:main )?content)"
    ),
    LineRule(
        "related-articles footer",
        r"(?i)(?:bạn có thể quan tâm|có thể bạn quan tâm|tin liên quan|bài liên quan"
        r"|tin cùng chuyên mục|xem thêm|đọc thêm)\s*:?",
        drop_rest=True,
    ),
    # Thứ Hai, 05/10/2020, 15:38 [GMT+7]
    LineRule("dateline", DATELINE_WEEKDAY, where="head", field="date"),
    # Cập nhật ngày: 25/12/2019 - 14:03
    LineRule("dateline", DATELINE_UPDATED, where="head", field="date"),
    # (Ảnh: TTXVN) / Ảnh minh họa / Đại biểu dự hội nghị. Ảnh: VGP/Quang Hiếu
    LineRule("photo caption", _CAPTION),
    source_line_rule(),  # Nguồn: thainguyen.gov.vn / Nguồn VOV / Theo Báo Nhân Dân
    LineRule(  # Văn Bắc / Thanh Mai - Thanh Hiếu / T/h: Bảo Ngọc – Văn Thắng
        "byline",
        r"(?!(?i:theo|nguồn)\b)"  # "Theo Nghị Quyết" is not a name: no byline starts so
        rf"(?:(?i:t/h|tổng hợp|bài(?: và ảnh)?|ảnh|pv|nhóm pv)\s*:\s*)?"
        rf"(?P<value>{_NAME}(?:(?:{_DASH}|\s+và\s+){_NAME}){{0,5}})",
        where="tail",
        field="byline",
    ),
    LineRule("stray punctuation", r"[^\w]+", where="tail"),
)
"""The cleaning table: extend it, reorder it, or pass your own to :func:`read_corpus`."""


def _fold(line: str) -> str:
    """The copy of ``line`` that rules match: NFC, white space folded to single spaces."""
    return unicodedata.normalize("NFC", " ".join(line.split()))


def _rule_value(rule: LineRule, found: re.Match[str]) -> object:
    if rule.field == "date":
        return date_from_match(found)
    values = [found[name] for name in ("value", "named") if name in found.re.groupindex]
    return next((value.strip() for value in values if value), found.group(0))


def clean_lines(
    lines: Iterable[str], *, rules: Iterable[LineRule] = CLEANING_RULES, detect_title: bool = True
) -> dict[str, Any]:
    """Split an article's lines into title, fields, body paragraphs and removed lines.

    Blank lines (white space only) separate paragraphs and are not reported. A line
    that repeats the one before it (a photo caption scraped twice) is kept once. The
    first line is the title when it reads as a headline: at most
    :data:`TITLE_MAX_CHARS` characters and not ending in a full stop.

    Returns
    -------
    dict
        Keys ``title``, ``date``, ``source``, ``byline``, ``paragraphs`` (tuple of str)
        and ``removed`` (tuple of ``(line, reason)``), ready for :class:`Document`.

    Examples
    --------
    >>> parts = clean_lines(["Truy cập nội dung luôn", "Hội nghị Ban Chấp hành",
    ...                      "Cập nhật ngày: 25/12/2019 - 14:03", "Nội dung bài viết.",
    ...                      "Nguồn VOV"])
    >>> parts["title"], parts["date"], parts["source"], parts["paragraphs"]
    ('Hội nghị Ban Chấp hành', datetime.date(2019, 12, 25), 'VOV', ('Nội dung bài viết.',))
    >>> [reason for _, reason in parts["removed"]]
    ['skip link', 'title', 'dateline', 'source line']
    """
    rules = tuple(rules)
    found: dict[str, Any] = {"title": None, "date": None, "source": None, "byline": None}
    kept: list[tuple[int, str]] = []  # (position, line) of candidate body lines
    removed: list[tuple[int, str, str]] = []
    text_lines = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]

    dropping_rest = False
    last_kept = None  # the folded copy of the last line kept
    for rank, (position, line) in enumerate(text_lines):
        if dropping_rest:
            removed.append((position, line, "after related-articles footer"))
            continue
        folded = _fold(line)
        for rule in rules:
            if rule.where == "tail" or (rule.where == "head" and rank >= HEAD_LINES):
                continue
            match = rule.match(folded)
            if match is None or (rule.field and found[rule.field] is not None):
                continue
            removed.append((position, line, rule.reason))
            if rule.field:
                found[rule.field] = _rule_value(rule, match)
            dropping_rest = rule.drop_rest
            break
        else:
            if folded == last_kept:
                removed.append((position, line, "repeated line (photo caption)"))
            else:
                kept.append((position, line))
                last_kept = folded

    # The tail: source lines, bylines and stray punctuation, read from the end.
    tail_rules = [rule for rule in rules if rule.where == "tail"]
    while kept:
        position, line = kept[-1]
        folded = _fold(line)
        for rule in tail_rules:
            match = rule.match(folded)
            if match is not None and not (rule.field and found[rule.field] is not None):
                break
        else:
            break
        kept.pop()
        removed.append((position, line, rule.reason))
        if rule.field:
            found[rule.field] = _rule_value(rule, match)

    if detect_title and len(kept) > 1:
        position, line = kept[0]
        if len(line) <= TITLE_MAX_CHARS and not line.endswith((".", "…")):
            found["title"] = _fold(line)
            removed.append((position, line, "title"))
            kept.pop(0)

    removed.sort(key=lambda item: item[0])
    return {
        **found,
        "paragraphs": tuple(line for _, line in kept),
        "removed": tuple((line, reason) for _, line, reason in removed),
    }


def document_from_text(
    doc_id: str,
    raw: str,
    name: str,
    *,
    rules: Iterable[LineRule],
    title: str | None = None,
    date: object = None,
    metadata: Mapping[str, object] | None = None,
    headers: bool = False,
    dates: DateFailures | None = None,
) -> Document:
    """Clean ``raw`` into a :class:`Document`; ``name`` says where it came from in errors.

    Internal API, shared by the file and table readers. A ``title`` given (from a table's
    column) is used as is and no title line is looked for. A ``date`` given (a table's
    column, as written) is read with :func:`~corpus_tools.io.dates.parse_date` and wins
    over a dateline in the text; one that is not a date is counted in ``dates``.

    With ``headers``, the file's header lines (:mod:`.headers`) are read first: their
    ``doc_id``, ``title``, ``date`` and ``source`` win over ``doc_id`` and over what
    cleaning finds in the text, their other keys go to ``metadata`` (the keys of
    ``metadata`` win over them), and each header line is kept in ``removed`` with the
    reason ``"header"``.

    Raises
    ------
    EmptyDocumentError
        If ``raw`` is empty, white space, or (with ``headers``) header lines only.

    Examples
    --------
    >>> document_from_text("a", "Tiêu đề\\n\\nThân bài.", "a.txt", rules=CLEANING_RULES).title
    'Tiêu đề'
    >>> doc = document_from_text("a", "# date = 20201001\\n# title = Tin\\nThân bài.", "a.txt",
    ...                          rules=CLEANING_RULES, headers=True)
    >>> doc.title, doc.date, doc.removed[0]
    ('Tin', datetime.date(2020, 10, 1), ('# date = 20201001', 'header'))
    """
    if not raw:
        raise EmptyDocumentError(f"{name}: is empty; remove it or give it text")
    if not raw.strip():
        raise EmptyDocumentError(f"{name}: holds only white space; remove it or give it text")
    lines = raw.splitlines()
    header = read_header(lines) if headers else Header(body=lines)
    if not any(line.strip() for line in header.body):
        raise EmptyDocumentError(
            f"{name}: holds only header lines ('# key = value') and no text; add the "
            "article's text or remove the file"
        )
    fields = header.fields
    title = fields.get("title", title)
    parts = clean_lines(header.body, rules=rules, detect_title=title is None)
    if title is not None:
        parts["title"] = title or None
    if "source" in fields:
        parts["source"] = fields["source"]
    given = fields.get("date", date)
    if given is not None:
        if dates is None:
            dates = DateFailures()  # a caller that does not report bad dates
        parts["date"] = dates.parse(given, name) or parts["date"]
    parts["removed"] = tuple((line, "header") for line in header.lines) + parts["removed"]
    return Document(
        doc_id=fields.get("doc_id", doc_id),
        raw=raw,
        metadata={**header.metadata, **(metadata or {})},
        **parts,
    )
