"""Find citations of Party and state documents: "Quy định số 205-QĐ/TW ngày 23/9/2019 của
Bộ Chính trị", "Chỉ thị 05 của Bộ Chính trị", "Nghị quyết Trung ương 4 khóa XI, XII".

Three tables drive the search, and each can be extended by passing a longer tuple:

* :data:`DOCUMENT_KINDS`: the kinds of document (Nghị quyết, Quy định, …) and the letters
  their codes use (NQ, QĐ, …);
* :data:`ISSUERS`: the bodies that issue them, with the issuer part of their codes
  (Bộ Chính trị → TW, Ban Tổ chức Trung ương → BTCTW); each names its body by an
  :class:`~corpus_tools.extract.organizations.Organization`, so a body is written the
  same way here as in :data:`~corpus_tools.extract.organizations.ORGANIZATIONS`;
* :data:`CITATION_FORMS`: the shapes a citation takes (numbered, plenum, congress, bare
  code), each a regular expression followed by optional date, issuer and congress term
  (khóa).

Precision comes before recall. A citation needs a kind word followed by a document
number, a document code, a plenum or a congress; a number alone needs "số", or an issuer,
date or congress term after it, or a capitalised kind and nothing that counts after it
("Hướng dẫn 5 bước" is not a citation). Dates, percentages and counts
("19/19 chỉ tiêu", "4.687/4.687 chi bộ") never are.

Text is normalised with :func:`~corpus_tools.normalize.normalize_text` first, so
"24 – QĐ / TW" reads as "24-QĐ/TW"; ``start`` and ``end`` are character offsets into
``normalize_text(doc.text)`` (the body, without the title).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from ..normalize import normalized_texts
from ..types import DocumentLike
from ..vietnamese import CENTRAL, DATE_SPOKEN, date_from_match
from .common import alternation, leftmost_longest
from .organizations import Organization, body_alternation, organization_named

__all__ = [
    "CITATION_FORMS",
    "DOCUMENT_KINDS",
    "ISSUERS",
    "CitationForm",
    "DocumentKind",
    "Issuer",
    "cited_documents",
    "find_references",
]


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document and the letters that stand for it in codes ("Quy định", "QĐ")."""

    name: str
    letters: str


@dataclass(frozen=True)
class Issuer:
    """A body that issues documents: an organisation and the issuer part of its codes.

    The organisation's pattern is matched case-insensitively after "của" or "do", and
    the issuer is named as :meth:`Organization.mention_name
    <corpus_tools.extract.organizations.Organization.mention_name>` names it ("Tỉnh ủy
    Thái Nguyên"). ``code`` is the issuer part of Party document codes ("TW" in
    205-QĐ/TW, "BTCTW" in 06-HD/BTCTW); a number cited with this issuer but without a
    code gets the code ``<number>-<letters>/<code>``. ``None`` (state and local bodies)
    infers no code.
    """

    organization: Organization
    code: str | None = None

    @property
    def name(self) -> str:
        """The organisation's name: "Bộ Chính trị"."""
        return self.organization.name

    @property
    def pattern(self) -> str:
        """The organisation's pattern."""
        return self.organization.pattern


@dataclass(frozen=True)
class CitationForm:
    """One shape of citation: a regular expression whose named groups say what it holds.

    Groups: ``kind`` (a kind word), ``so`` ("số"), ``items`` (numbers and codes),
    ``plenums`` (plenum numbers), ``ordinal`` (a plenum in words), ``congress`` (a roman
    numeral). Date, issuer and congress term (khóa) may follow any form.
    """

    name: str
    pattern: str


DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("Nghị quyết", "NQ"),
    DocumentKind("Quy định", "QĐ"),
    DocumentKind("Quyết định", "QĐ"),
    DocumentKind("Chỉ thị", "CT"),
    DocumentKind("Kết luận", "KL"),
    DocumentKind("Hướng dẫn", "HD"),
    DocumentKind("Quy chế", "QC"),
    DocumentKind("Thông báo", "TB"),
    DocumentKind("Thông tri", "TT"),
    DocumentKind("Kế hoạch", "KH"),
    DocumentKind("Công văn", "CV"),
    DocumentKind("Nghị định", "NĐ"),
    DocumentKind("Thông tư", "TT"),
)
"""Kinds of document, with their code letters. Extend to find more kinds."""

_PARTY_CODES = (  # central Party bodies and the issuer part of their codes
    ("Ban Chấp hành Trung ương", "TW"), ("Bộ Chính trị", "TW"), ("Ban Bí thư", "TW"),
    ("Ban Tổ chức Trung ương", "BTCTW"), ("Ủy ban Kiểm tra Trung ương", "UBKTTW"),
    ("Ban Tuyên giáo Trung ương", "BTGTW"), ("Ban Dân vận Trung ương", "BDVTW"),
    ("Ban Nội chính Trung ương", "BNCTW"), ("Ban Kinh tế Trung ương", "BKTTW"),
    ("Văn phòng Trung ương Đảng", "VPTW"),
)  # fmt: skip
_UNCODED = (  # state and local bodies: their codes are not inferred
    "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Chính phủ", "Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Thành ủy", "Tỉnh ủy", "Thành ủy",
)  # fmt: skip

ISSUERS: tuple[Issuer, ...] = (
    *(Issuer(organization_named(name), code) for name, code in _PARTY_CODES),
    # "của Trung ương", "của Trung ương Đảng": the Central Committee
    Issuer(organization_named("Ban Chấp hành Trung ương", in_titles_only=True), "TW"),
    *(Issuer(organization_named(name)) for name in _UNCODED),
    Issuer(Organization("Thủ tướng Chính phủ", r"Thủ tướng(?: Chính phủ)?")),
)
"""Issuing bodies. Alternatives are tried longest first, so the order does not matter."""

# --- building blocks of the citation forms -------------------------------------------------

_ROMAN = r"(?<!\w)[IVXLC]{1,6}(?!\w)"
_PARTY_CODE = r"\d{1,4}-[A-ZĐ]{1,6}/[A-ZĐ]{1,10}(?![\w/-])"  # 205-QĐ/TW, 06-HD/BTCTW
_STATE_CODE = (  # 138/2020/NĐ-CP, 1847/QĐ-TTg, 52/2019/QH14
    r"\d{1,5}/(?:\d{4}/)?[A-ZĐ]{1,6}\d{0,2}(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*(?![\w/])"
)
# A number that is not part of a date, a fraction, a decimal or a percentage.
_NUMBER = r"\d{1,4}(?![\d%])(?![.,/-]\d)(?!\s*%)"
_ITEM = rf"(?:{_PARTY_CODE}|{_STATE_CODE}|{_NUMBER})"
_ITEMS = rf"{_ITEM}(?:\s*(?:,|và)\s*{_ITEM})*"
_SO = r"(?:[Ss][ốó]|SỐ)\.?"
_ORDINALS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13,
    "mười bốn": 14, "mười lăm": 15,
}  # fmt: skip


def _kind_pattern(kinds: Sequence[DocumentKind]) -> str:
    return f"(?i:{alternation(kind.name for kind in kinds)})"


CITATION_FORMS: tuple[CitationForm, ...] = (
    CitationForm(  # Quy định số 205-QĐ/TW; Nghị quyết số 18, 19; Chỉ thị 05
        "numbered", rf"(?P<kind>{{kind}})(?:\s+(?P<so>{_SO}))?\s+(?P<items>{_ITEMS})"
    ),
    CitationForm(  # Nghị quyết Trung ương 4, 6, 7; Kết luận Hội nghị Trung ương 4
        "plenum",
        rf"(?P<kind>{{kind}})\s+(?:(?i:Hội nghị)\s+)?{CENTRAL}\s+(?:(?i:lần thứ)\s+)?"
        r"(?P<plenums>\d{1,2}(?:\s*,\s*\d{1,2}(?!\d))*(?:\s+và\s+\d{1,2})?)(?![\d/.,%]|\s*%)",
    ),
    CitationForm(  # Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương
        "plenum in words",
        rf"(?P<kind>{{kind}})\s+(?i:Hội nghị)\s+(?:(?i:lần thứ)\s+)"
        rf"(?P<ordinal>{alternation(_ORDINALS)})\s+"
        rf"(?:(?i:của)\s+)?(?i:Ban Chấp hành)\s+{CENTRAL}(?:\s+Đảng)?",
    ),
    CitationForm(  # Nghị quyết Đại hội XIII của Đảng; Nghị quyết Đại hội lần thứ XII
        "congress",
        r"(?P<kind>(?i:Nghị quyết))\s+(?i:Đại hội)\s+(?:(?i:Đại hội)\s+)?(?:Đảng\s+)?"
        rf"(?:(?i:đại biểu)\s+)?(?:(?i:toàn quốc)\s+)?(?:(?i:lần thứ)\s+)?(?P<congress>{_ROMAN})"
        r"(?:\s+(?i:của Đảng))?",
    ),
    CitationForm("code", rf"(?<![\w/-])(?P<items>{_PARTY_CODE}|{_STATE_CODE})"),  # 205-QĐ/TW
)
"""Citation shapes, tried at every position; where two overlap the longer one wins.
``{kind}`` in a pattern stands for the alternation of :data:`DOCUMENT_KINDS`."""

_TERMS = rf"{_ROMAN}(?:\s*,\s*(?:(?i:khóa)\s+)?{_ROMAN})*"
_TAILS = {  # what may follow a citation, each at most once, in any order
    "date": rf"\s*,?\s*{DATE_SPOKEN}",
    "issuer": r"\s*,?\s*(?i:của|do)\s+(?P<issuer>{issuer})(?!\w)",
    "congress_term": (
        rf"\s*,?\s*(?:\(\s*(?i:khóa)\s+(?P<terms>{_TERMS})\s*\)"
        rf"|(?i:khóa)\s+(?P<terms2>{_TERMS}))"
    ),
}
_PARTY_ID = re.compile(r"(\d+)-(([A-ZĐ]+)/([A-ZĐ]+))")  # number, code, letters, issuer
_STATE_ID = re.compile(r"(\d+)/(?:\d{4}/)?(([A-ZĐ]+)\d*(?:-\S+)?)")  # number, code, letters
# After a bare number: punctuation, the end, or a word that continues a citation.
_AFTER_BARE_NUMBER = re.compile(r"\s*(?:[,;:.)”\"]|$)|\s+(?:về|của|ngày|và|khóa|do|\()")

_FIELDS = ["kind", "number", "code", "date", "issuer", "congress_term", "meeting"]
_MENTION_COLUMNS = ["doc_id", "start", "end", "text", *_FIELDS, "reference_id"]
_DOCUMENT_COLUMNS = ["reference_id", *_FIELDS, "mentions", "articles"]


@dataclass(frozen=True)
class _Compiled:
    forms: tuple[tuple[str, re.Pattern[str]], ...]
    tails: tuple[tuple[str, re.Pattern[str]], ...]
    kinds: dict[str, DocumentKind]
    issuers: tuple[tuple[re.Pattern[str], Issuer], ...]
    letters_to_kind: dict[str, str | None]


def _kind_first(pattern: str, kinds: Sequence[DocumentKind]) -> str:
    """``pattern`` led by a look-ahead for the first letters of the kinds, when it opens
    with the kind: the same matches, three times sooner (the regex engine skips every
    position that cannot start one instead of trying each kind there)."""
    if not pattern.startswith("(?P<kind>{kind})") or not all(kind.name for kind in kinds):
        return pattern
    letters = "".join(sorted({re.escape(kind.name[0]) for kind in kinds}))
    return f"(?=(?i:[{letters}])){pattern}"


def _compile(
    kinds: Sequence[DocumentKind], issuers: Sequence[Issuer], forms: Sequence[CitationForm]
) -> _Compiled:
    kind_alt = _kind_pattern(kinds)
    ordered = sorted(issuers, key=lambda issuer: len(issuer.pattern), reverse=True)
    issuer_alt = body_alternation(issuer.organization for issuer in ordered)
    compiled_forms = tuple(
        (form.name, re.compile(_kind_first(form.pattern, kinds).replace("{kind}", kind_alt)))
        for form in forms
    )
    tails = tuple(
        (name, re.compile(pattern.replace("{issuer}", f"(?i:{issuer_alt})")))
        for name, pattern in _TAILS.items()
    )
    by_letters: dict[str, set[str]] = {}
    for kind in kinds:
        by_letters.setdefault(kind.letters, set()).add(kind.name)
    return _Compiled(
        forms=compiled_forms,
        tails=tails,
        kinds={kind.name.lower(): kind for kind in kinds},
        issuers=tuple((issuer.organization.compile(), issuer) for issuer in ordered),
        letters_to_kind={k: next(iter(v)) if len(v) == 1 else None for k, v in by_letters.items()},
    )


@dataclass
class _Tails:
    """What follows a citation: its date, issuer (and its name as written) and congress
    terms (khóa)."""

    date: dt.date | None = None
    issuer: Issuer | None = None
    issuer_name: str | None = None
    congress_terms: tuple[str, ...] = ()
    found: frozenset[str] = frozenset()


def _read_tails(text: str, position: int, compiled: _Compiled) -> tuple[int, _Tails]:
    """Read date, issuer and congress term after a citation; return the new end and what
    was found."""
    tails = _Tails()
    progress = True
    while progress:
        progress = False
        for name, pattern in compiled.tails:
            match = None if name in tails.found else pattern.match(text, position)
            if match is None:
                continue
            if name == "date":
                tails.date = date_from_match(match)
            elif name == "issuer":
                tails.issuer, tails.issuer_name = _issuer_of(match["issuer"], compiled)
            else:
                terms = match["terms"] or match["terms2"]
                tails.congress_terms = tuple(re.findall(_ROMAN, terms))
            tails.found |= {name}
            position = match.end()
            progress = True
    return position, tails


def _issuer_of(written: str, compiled: _Compiled) -> tuple[Issuer, str]:
    """The issuer an issuer as written stands for, and its name ("Tỉnh ủy Thái Nguyên")."""
    for regex, issuer in compiled.issuers:
        found = regex.fullmatch(written)
        if found:
            return issuer, issuer.organization.mention_name(found)
    raise AssertionError(f"no issuer matches {written!r}")  # the alternation found one


def _canonical_number(number: str) -> str:
    return f"{int(number):02d}"


@dataclass
class _Citation:
    kind: str | None
    number: str | None = None
    code: str | None = None
    meeting: str | None = None
    congress_term: str | None = None
    reference_id: str | None = None  # None: a bare number, resolved across the corpus
    letters: str | None = None


def _item_citations(
    items: str, kind: DocumentKind | None, tails: _Tails, compiled: _Compiled
) -> list[_Citation]:
    """Citations of numbered documents: "205-QĐ/TW", "138/2020/NĐ-CP", "18, 19"."""
    term = ", ".join(tails.congress_terms) or None
    issuer = tails.issuer
    out = []
    for item in re.finditer(_ITEM, items):
        value = item.group(0)
        party = _PARTY_ID.fullmatch(value)
        coded = party or _STATE_ID.fullmatch(value)
        if coded is not None:
            number, code, letters = coded[1], coded[2], coded[3]
            reference_id = f"{_canonical_number(number)}-{code}" if party else value
            name = kind.name if kind else compiled.letters_to_kind.get(letters)
            out.append(_Citation(name, number, code, congress_term=term, reference_id=reference_id))
        elif kind is not None:
            reference_id = None
            if issuer is not None and issuer.code:
                reference_id = f"{_canonical_number(value)}-{kind.letters}/{issuer.code}"
            elif issuer is not None:
                reference_id = f"{kind.name} {_canonical_number(value)} của {tails.issuer_name}"
            out.append(
                _Citation(
                    kind.name,
                    value,
                    congress_term=term,
                    reference_id=reference_id,
                    letters=kind.letters,
                )
            )
    return out


def _match_citations(match: re.Match[str], tails: _Tails, compiled: _Compiled) -> list[_Citation]:
    """The documents one citation names: one, or several ("số 18, 19", "4, 6, 7 khóa XII")."""
    groups = match.groupdict()
    kind = compiled.kinds.get(groups["kind"].lower()) if groups.get("kind") else None
    if groups.get("items"):
        return _item_citations(groups["items"], kind, tails, compiled)
    if kind is None:
        return []
    if groups.get("plenums") or groups.get("ordinal"):
        plenums = (
            [int(p) for p in re.findall(r"\d+", groups["plenums"])]
            if groups.get("plenums")
            else [_ORDINALS[groups["ordinal"].lower()]]
        )
        return [
            _Citation(
                kind.name,
                meeting=f"Hội nghị Trung ương {plenum}",
                congress_term=term,
                reference_id=f"{kind.name} Trung ương {plenum}" + (f" khóa {term}" if term else ""),
            )
            for plenum in plenums
            for term in (tails.congress_terms or (None,))
        ]
    if groups.get("congress"):
        meeting = f"Đại hội {groups['congress']}"
        return [
            _Citation(
                kind.name,
                meeting=meeting,
                congress_term=groups["congress"],
                reference_id=f"{kind.name} {meeting}",
            )
        ]
    return []


def _is_citation(match: re.Match[str], tails: _Tails, text: str, end: int) -> bool:
    """The precision rule for bare numbers ("Chỉ thị 05"): see the module docstring."""
    items = match.groupdict().get("items")
    if items is None or re.search(r"[A-ZĐ]", items):  # no number, or at least one code
        return True
    if not tails.found and _AFTER_BARE_NUMBER.match(text, end) is None:
        return False  # "Hướng dẫn 5 bước", "Quy định số 3 năm"
    return bool(match["so"] or tails.found or match["kind"][0].isupper())


def _find_in_text(text: str, compiled: _Compiled) -> list[tuple[int, int, list[_Citation], _Tails]]:
    """Citations in one text; where two overlap the longer wins, then the earlier form."""
    candidates = []
    for _, pattern in compiled.forms:
        for match in pattern.finditer(text):
            end, tails = _read_tails(text, match.end(), compiled)
            if not _is_citation(match, tails, text, end):
                continue
            citations = _match_citations(match, tails, compiled)
            if citations:
                candidates.append((match.start(), end, citations, tails))
    return leftmost_longest(candidates)


def find_references(
    docs: Iterable[DocumentLike],
    *,
    kinds: Sequence[DocumentKind] = DOCUMENT_KINDS,
    issuers: Sequence[Issuer] = ISSUERS,
    forms: Sequence[CitationForm] = CITATION_FORMS,
) -> pd.DataFrame:
    """Find every citation of a Party or state document.

    Parameters
    ----------
    docs : iterable of Document, ``(doc_id, text)`` pairs or str
        The articles; strings get ids ``"0"``, ``"1"``, …. Titles are not searched.
    kinds, issuers, forms : sequences
        The pattern tables (:data:`DOCUMENT_KINDS`, :data:`ISSUERS`,
        :data:`CITATION_FORMS`); pass longer tuples to find more.

    Returns
    -------
    pandas.DataFrame
        One row per cited document per mention: ``doc_id``; ``start``, ``end`` (character
        offsets of the whole citation in ``normalize_text(doc.text)``; a citation of two
        documents, "Nghị quyết số 18, 19", gives two rows with the same span); ``text``;
        ``kind``; ``number`` and ``code`` as written (``None`` when not written);
        ``date`` (a :class:`datetime.date`, or ``None``); ``issuer``, the body stated
        after "của" or "do"; ``congress_term`` (khóa, roman numerals); ``meeting``
        ("Hội nghị Trung ương 4", "Đại hội XIII") for resolutions known by their meeting;
        ``reference_id``, the document's identity, which merges the forms of one document.

    Notes
    -----
    ``reference_id`` is ``<number>-<code>`` for Party documents ("205-QĐ/TW", numbers
    below 10 written "05"); a number cited without a code gets one from its kind and a
    central issuer ("Quy định 205 của Bộ Chính trị" → "205-QĐ/TW"). A number with neither
    code nor issuer takes the one coded document of that kind and number cited anywhere in
    ``docs``, if there is exactly one; otherwise it stays "<kind> <number>". A number
    with a state or local issuer is named by it, with the place where one is written
    ("Chỉ thị 05 của Tỉnh ủy Thái Nguyên"). State documents keep their code
    ("138/2020/NĐ-CP"); plenum and congress resolutions are named by their meeting and
    congress term ("Nghị quyết Trung ương 4 khóa XII").

    Examples
    --------
    >>> refs = find_references([
    ...     "Thực hiện Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị.",
    ...     "Đến nay 19/19 chỉ tiêu đều đạt; quán triệt Quy định 205 của Bộ Chính trị.",
    ... ])
    >>> refs[["doc_id", "start", "end", "reference_id", "date", "issuer"]]
      doc_id  start  end reference_id       date        issuer
    0      0     10   63    205-QĐ/TW 2019-09-23  Bộ Chính trị
    1      1     43   72    205-QĐ/TW       None  Bộ Chính trị
    >>> find_references(["Nghị quyết Trung ương 4 khóa XI, XII"])["reference_id"].tolist()
    ['Nghị quyết Trung ương 4 khóa XI', 'Nghị quyết Trung ương 4 khóa XII']
    """
    compiled = _compile(kinds, issuers, forms)
    rows = []
    for doc_id, text in normalized_texts(docs):
        for start, end, citations, tails in _find_in_text(text, compiled):
            for citation in citations:
                rows.append(
                    {
                        "doc_id": doc_id,
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "kind": citation.kind,
                        "number": citation.number,
                        "code": citation.code,
                        "date": tails.date,
                        "issuer": tails.issuer_name,
                        "congress_term": citation.congress_term,
                        "meeting": citation.meeting,
                        "reference_id": citation.reference_id,
                        "_letters": citation.letters,
                    }
                )
    _resolve_bare_numbers(rows)
    table = pd.DataFrame(rows, columns=[*_MENTION_COLUMNS, "_letters"])
    table = table.drop(columns="_letters")
    return table.astype({"start": "int64", "end": "int64"})


def _resolve_bare_numbers(rows: list[dict[str, object]]) -> None:
    """Give a number cited with neither code nor issuer the one coded document it can be."""
    coded: dict[tuple[str, int], set[str]] = {}
    for row in rows:
        found = _PARTY_ID.fullmatch(str(row["reference_id"]))
        if found:
            coded.setdefault((found[3], int(found[1])), set()).add(found[0])
    for row in rows:
        if row["reference_id"] is None:
            number = int(str(row["number"]))
            options = coded.get((str(row["_letters"]), number), set())
            only = next(iter(options)) if len(options) == 1 else None
            row["reference_id"] = only or f"{row['kind']} {number:02d}"


def _most_common(values: pd.Series) -> object:
    values = values.dropna()
    if values.empty:
        return None
    return Counter(values.tolist()).most_common(1)[0][0]


def cited_documents(mentions: pd.DataFrame, *, issuers: Sequence[Issuer] = ISSUERS) -> pd.DataFrame:
    """Merge citation mentions into one row per cited document.

    Parameters
    ----------
    mentions : pandas.DataFrame
        The table :func:`find_references` returns.
    issuers : sequence of Issuer
        Used to name the issuer from the code when no mention states it
        (06-HD/BTCTW → Ban Tổ chức Trung ương; "TW" names no single body).

    Returns
    -------
    pandas.DataFrame
        ``reference_id, kind, number, code, date, issuer, congress_term, meeting,
        mentions, articles``: the most frequent value of each column among the mentions (``code``
        inferred from ``reference_id`` when never written); ``mentions`` counts the
        mentions, ``articles`` is the tuple of citing ``doc_id`` in order of first
        citation. Sorted by ``mentions`` descending, then ``reference_id``.

    Examples
    --------
    >>> refs = find_references([("a", "Thực hiện Quy định số 205-QĐ/TW của Bộ Chính trị."),
    ...                         ("b", "Quán triệt Quy định 205 của Bộ Chính trị.")])
    >>> cited_documents(refs)[["reference_id", "code", "issuer", "mentions", "articles"]]
      reference_id   code        issuer  mentions articles
    0    205-QĐ/TW  QĐ/TW  Bộ Chính trị         2   (a, b)
    """
    codes = {issuer.code: issuer.name for issuer in issuers if issuer.code}
    ambiguous = {code for code in codes if len({i.name for i in issuers if i.code == code}) > 1}
    rows = []
    for reference_id, group in mentions.groupby("reference_id", sort=False):
        party = _PARTY_ID.fullmatch(str(reference_id))
        code = _most_common(group["code"]) or (party[2] if party else None)
        number = _most_common(group["number"])
        if party:
            number = party[1]
        issuer = _most_common(group["issuer"])
        if issuer is None and party and party[4] in codes and party[4] not in ambiguous:
            issuer = codes[party[4]]
        dates = group["date"].dropna()
        rows.append(
            {
                "reference_id": reference_id,
                "kind": _most_common(group["kind"]),
                "number": number,
                "code": code,
                "date": dates.mode().iloc[0] if not dates.empty else None,
                "issuer": issuer,
                "congress_term": _most_common(group["congress_term"]),
                "meeting": _most_common(group["meeting"]),
                "mentions": len(group),
                "articles": tuple(dict.fromkeys(group["doc_id"])),
            }
        )
    table = pd.DataFrame(rows, columns=_DOCUMENT_COLUMNS)
    if table.empty:
        return table.astype({"mentions": "int64"})
    table = table.sort_values(["mentions", "reference_id"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True).astype({"mentions": "int64"})
