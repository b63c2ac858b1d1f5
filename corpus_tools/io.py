"""Read Vietnamese news texts into :class:`Document` records, cleaning scrape boilerplate.

Sources: the bundled ``seeds/`` (``source=None``), a folder of ``.txt`` files (recursive,
sorted), one ``.txt`` file, or a ``.csv`` / ``.jsonl`` table with a text column.

Cleaning is driven by one table, :data:`CLEANING_RULES`: each row names a kind of
boilerplate line (skip link, related-articles footer, dateline, source line, byline…),
the pattern that recognises it, where in the article it may stand, and which
:class:`Document` field its value goes to. Every line the rules take out is kept in
``Document.removed`` with its reason, so nothing is lost. Researchers extend the table
by passing ``rules=CLEANING_RULES + (LineRule(...),)``.

This module does not normalise the text (that is :mod:`corpus_tools.normalize`): the
patterns match a copy of each line with its white space folded, and the paragraphs
keep the characters of the file.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import (
    BinaryFileError,
    DecodingError,
    EmptyCorpusError,
    EmptyDocumentError,
    MissingColumnError,
)
from .paths import seeds_dir
from .validation import check_unique_ids
from .vietnamese import DATE_DMY, DATE_ISO, LOWER, UPPER, WEEKDAY, date_from_match

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CLEANING_RULES",
    "Document",
    "LineRule",
    "clean_lines",
    "decode_bytes",
    "iter_corpus",
    "read_corpus",
    "removed_line_counts",
    "removed_lines",
]

PARAGRAPH_SEPARATOR = "\n"

_NAME = rf"[{UPPER}][{LOWER}]*(?:\s+[{UPPER}][{LOWER}]*){{0,4}}"
_DASH = r"\s*[-–—,&]\s*"
_WEEKDAY = WEEKDAY
_DATE = DATE_DMY


@dataclass(frozen=True)
class LineRule:
    """One kind of boilerplate line, recognised by a pattern.

    Parameters
    ----------
    reason : str
        What the line is; recorded beside the line in ``Document.removed``.
    pattern : str
        Regular expression matched (``fullmatch``, case-sensitive unless the pattern
        says ``(?i)``) against the line with its white space folded to single spaces.
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


HEAD_LINES = 4
"""How many non-blank lines at the start of an article ``"head"`` rules look at."""

TITLE_MAX_CHARS = 200
"""A first line longer than this is a body paragraph, not a headline."""

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
    LineRule(  # Thứ Hai, 05/10/2020, 15:38 [GMT+7]
        "dateline",
        rf"{_WEEKDAY},?\s*(?:ngày\s*)?{_DATE}(?:\s*[,-]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
        r"(?:\s*\(?\[?GMT\s*[+-]\s*\d{1,2}\]?\)?)?",
        where="head",
        field="date",
    ),
    LineRule(  # Cập nhật ngày: 25/12/2019 - 14:03
        "dateline",
        rf"(?i)(?:cập nhật|đăng|ngày đăng|xuất bản)(?:\s+(?:ngày|lúc))?\s*:?\s*"
        rf"(?:\d{{1,2}}:\d{{2}}\s*(?:ngày\s*)?)?{_DATE}(?:\s*[,-]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?",
        where="head",
        field="date",
    ),
    LineRule(  # Nguồn: thainguyen.gov.vn / Nguồn VOV / Theo Báo Nhân Dân
        "source line",
        rf"(?:(?i:nguồn)\s*:?\s*(?P<value>\S.{{0,79}})|Theo\s*:?\s*(?P<named>{_NAME}))",
        where="tail",
        field="source",
    ),
    LineRule(  # Văn Bắc / Thanh Mai - Thanh Hiếu / T/h: Bảo Ngọc – Văn Thắng
        "byline",
        rf"(?:(?i:t/h|tổng hợp|bài(?: và ảnh)?|ảnh|pv|nhóm pv)\s*:\s*)?"
        rf"(?P<value>{_NAME}(?:(?:{_DASH}|\s+và\s+){_NAME}){{0,5}})",
        where="tail",
        field="byline",
    ),
    LineRule("stray punctuation", r"[^\w]+", where="tail"),
)
"""The cleaning table: extend it, reorder it, or pass your own to :func:`read_corpus`."""


@dataclass(frozen=True)
class Document:
    """One article: its cleaned body paragraphs, metadata, and what cleaning removed.

    ``text`` joins ``paragraphs`` with newlines; ``raw`` is the decoded file as it was.
    ``removed`` pairs every line taken out (title, dateline, byline…) with its reason.
    """

    doc_id: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    byline: str | None = None
    paragraphs: tuple[str, ...] = ()
    raw: str = ""
    removed: tuple[tuple[str, str], ...] = ()
    metadata: Mapping[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body paragraphs joined by newlines."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


def decode_bytes(data: bytes, name: str, *, encoding: str | None = None) -> str:
    """Decode a file's bytes: UTF-8 with or without BOM, or UTF-16 with BOM.

    Other bytes raise :class:`DecodingError` naming ``name`` and the offset of the first
    bad byte, unless ``encoding`` says what the file is (for example ``"cp1258"``, common
    in older Vietnamese files); that text is composed to NFC. Nothing is replaced by
    U+FFFD.

    Examples
    --------
    >>> decode_bytes("Đảng".encode("utf-16"), "a.txt")
    'Đảng'
    >>> decode_bytes(b"\\xef\\xbb\\xbfH\\xc3\\xa0 N\\xe1\\xbb\\x99i", "a.txt")
    'Hà Nội'
    >>> decode_bytes(b"H\\xe0 N\\xf4\\xf2i", "a.txt", encoding="cp1258")
    'Hà Nội'
    """
    codec, start = _choose_codec(data[:4], encoding)
    if encoding is None and codec == "utf-8":
        _check_no_nul(data, name, 0)
    try:
        text = data[start:].decode(codec)
    except UnicodeDecodeError as error:
        raise _decoding_error(name, codec, encoding, data, start + error.start) from None
    return text if encoding is None else unicodedata.normalize("NFC", text)


_CHUNK_BYTES = 1 << 20


def _choose_codec(head: bytes, encoding: str | None) -> tuple[str, int]:
    """The codec for a file starting with ``head``, and the offset where its text starts."""
    if encoding is not None:
        return encoding, 0
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0  # the codec reads the byte-order mark itself
    return "utf-8", len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0


def _check_no_nul(data: bytes, name: str, offset: int) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryFileError(
            f"{name}: holds NUL bytes (first at offset {offset + nul}), so it is binary, "
            "not text; remove it from the corpus"
        )


def _decoding_error(
    name: str, codec: str, encoding: str | None, data: bytes, index: int, *, base: int = 0
) -> DecodingError:
    """The error for the bad byte ``data[index]``, which stands at ``base + index`` in the file."""
    bad = f"byte 0x{data[index]:02x} at offset {base + index}"
    if encoding is not None:
        return DecodingError(f"{name}: {bad} is not valid {encoding}; check the file's encoding")
    if codec == "utf-16":
        return DecodingError(
            f"{name}: {bad} is not valid UTF-16 although the file starts with a UTF-16 "
            "byte-order mark"
        )
    return DecodingError(
        f"{name}: {bad} is not valid UTF-8; if the file is in another encoding, "
        "pass it, e.g. encoding='cp1258'"
    )


def _decoded_lines(path: Path, *, encoding: str | None) -> Iterator[str]:
    """Decode ``path`` a chunk at a time and yield its lines, each with its ``\\n``.

    Holds one chunk and one line in memory, never the whole file. A bad byte raises
    :class:`DecodingError` with its offset after the lines before it have been yielded.
    """
    name = str(path)
    compose = encoding is not None  # a named legacy encoding may decompose: compose to NFC
    with path.open("rb") as file:
        codec, offset = _choose_codec(file.read(4), encoding)
        file.seek(offset)
        decoder = codecs.getincrementaldecoder(codec)("strict")
        tail, error = "", None
        while error is None:
            chunk = file.read(_CHUNK_BYTES)
            if encoding is None and codec == "utf-8":
                _check_no_nul(chunk, name, offset)
            pending = decoder.getstate()[0]
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as bad:
                data, base = pending + chunk, offset - len(pending)
                error = _decoding_error(name, codec, encoding, data, bad.start, base=base)
                text = decoder.decode(chunk[: max(bad.start - len(pending), 0)])
            offset += len(chunk)
            lines = (tail + text).split("\n")
            tail = lines.pop()
            for line in lines:
                yield unicodedata.normalize("NFC", line + "\n") if compose else line + "\n"
            if not chunk:
                break
    if error is not None:
        raise error
    if tail:
        yield unicodedata.normalize("NFC", tail) if compose else tail


def _fold_space(line: str) -> str:
    return " ".join(line.split())


def _rule_value(rule: LineRule, found: re.Match[str]) -> object:
    if rule.field == "date":
        try:
            return dt.date(int(found["year"]), int(found["month"]), int(found["day"]))
        except ValueError:
            return None
    values = [found[name] for name in ("value", "named") if name in found.re.groupindex]
    return next((value.strip() for value in values if value), found.group(0))


def clean_lines(
    lines: Iterable[str], *, rules: Iterable[LineRule] = CLEANING_RULES, detect_title: bool = True
) -> dict[str, object]:
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
    found: dict[str, object] = {"title": None, "date": None, "source": None, "byline": None}
    kept: list[tuple[int, str]] = []  # (position, line) of candidate body lines
    removed: list[tuple[int, str, str]] = []
    text_lines = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]

    dropping_rest = False
    for rank, (position, line) in enumerate(text_lines):
        if dropping_rest:
            removed.append((position, line, "after related-articles footer"))
            continue
        folded = _fold_space(line)
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
            if kept and _fold_space(kept[-1][1]) == folded:
                removed.append((position, line, "repeated line (photo caption)"))
            else:
                kept.append((position, line))

    # The tail: source lines, bylines and stray punctuation, read from the end.
    tail_rules = [rule for rule in rules if rule.where == "tail"]
    while kept:
        position, line = kept[-1]
        folded = _fold_space(line)
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
            found["title"] = _fold_space(line)
            removed.append((position, line, "title"))
            kept.pop(0)

    removed.sort(key=lambda item: item[0])
    return {
        **found,
        "paragraphs": tuple(line for _, line in kept),
        "removed": tuple((line, reason) for _, line, reason in removed),
    }


def _document_from_text(
    doc_id: str,
    raw: str,
    name: str,
    *,
    rules: Iterable[LineRule],
    title: str | None = None,
    metadata: Mapping[str, object] | None = None,
) -> Document:
    if not raw:
        raise EmptyDocumentError(f"{name}: is empty; remove it or give it text")
    if not raw.strip():
        raise EmptyDocumentError(f"{name}: holds only white space; remove it or give it text")
    parts = clean_lines(raw.splitlines(), rules=rules, detect_title=title is None)
    if title is not None:
        parts["title"] = title or None
    return Document(doc_id=doc_id, raw=raw, metadata=dict(metadata or {}), **parts)


def _read_text_file(
    path: Path, doc_id: str, *, encoding: str | None, rules: Iterable[LineRule]
) -> Document:
    raw = decode_bytes(path.read_bytes(), str(path), encoding=encoding)
    return _document_from_text(doc_id, raw, str(path), rules=rules, metadata={"path": str(path)})


def _parse_date(value: object) -> dt.date | None:
    text = str(value or "").strip()
    for pattern in (DATE_ISO, DATE_DMY):
        found = re.match(pattern, text)
        if found:
            return date_from_match(found)
    return None


_CSV_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _iter_table_rows(path: Path, lines: Iterator[str]) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield ``(line number where the row starts, row)`` for a CSV or JSONL file's lines."""
    if path.suffix.lower() == ".csv":
        # The csv module ends lines at "\n", "\r\n" or a lone "\r" (old Mac files).
        reader = csv.DictReader(piece for line in lines for piece in _CSV_LINE.findall(line))
        start = 1
        try:
            reader.fieldnames  # noqa: B018  (reads the header line)
            start = reader.line_num + 1
            for row in reader:
                yield start, dict(row)
                start = reader.line_num + 1
        except csv.Error as error:
            raise DecodingError(
                f"{path}: the row starting on line {start} is not valid CSV ({error}); a field "
                "longer than the limit needs csv.field_size_limit() raised first"
            ) from None
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise DecodingError(f"{path}: line {number} is not valid JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise DecodingError(f"{path}: line {number} is not a JSON object")
        yield number, row


def _iter_table(
    path: Path,
    *,
    text_column: str,
    id_column: str | None,
    encoding: str | None,
    rules: Iterable[LineRule],
) -> Iterator[Document]:
    rows = 0
    for number, row in _iter_table_rows(path, _decoded_lines(path, encoding=encoding)):
        rows += 1
        if text_column not in row:
            raise MissingColumnError(
                f"{path}: has no column {text_column!r} (columns: {', '.join(map(str, row))}); "
                "pass text_column= to name the column that holds the text"
            )
        if id_column is not None and id_column not in row:
            raise MissingColumnError(f"{path}: has no id column {id_column!r}")
        id_key = id_column or ("id" if "id" in row else None)
        doc_id = str(row[id_key]) if id_key else f"{path.stem}-{number}"
        body = "" if row[text_column] is None else str(row[text_column])
        title = row.get("title")
        metadata = {k: v for k, v in row.items() if k not in (text_column, id_key)}
        document = _document_from_text(
            doc_id,
            body,
            f"{path}, line {number} (id {doc_id})",
            rules=rules,
            title=None if title is None else str(title),
            metadata=metadata,
        )
        if "date" in row and document.date is None:
            document = replace(document, date=_parse_date(row["date"]))
        yield document
    if rows == 0:
        raise EmptyCorpusError(f"{path}: holds no rows; add documents or choose another file")


def iter_corpus(
    source: str | Path | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    rules: Iterable[LineRule] = CLEANING_RULES,
) -> Iterator[Document]:
    """Yield the documents of ``source`` one at a time, for corpora too large to hold.

    Takes the same arguments as :func:`read_corpus`. A folder is read a file at a time,
    a CSV or JSONL table a 1 MiB chunk at a time, so memory does not grow with the
    corpus. Documents before a bad row or byte are yielded before its error is raised.
    Duplicate ids are not checked here.

    Examples
    --------
    >>> next(iter_corpus()).title[:26]
    'Tăng cường siết chặt kỷ lu'
    """
    path = seeds_dir() if source is None else Path(source)
    rules = tuple(rules)
    if path.is_dir():
        files = sorted(path.rglob("*.txt"), key=lambda p: p.relative_to(path).as_posix())
        if not files:
            raise EmptyCorpusError(
                f"{path}: holds no .txt files; point to a folder of .txt files, one .txt, "
                "a .csv or a .jsonl file"
            )
        for file in files:
            doc_id = file.relative_to(path).with_suffix("").as_posix()
            yield _read_text_file(file, doc_id, encoding=encoding, rules=rules)
    elif path.is_file():
        suffix = path.suffix.lower()
        if suffix in (".csv", ".jsonl"):
            yield from _iter_table(
                path, text_column=text_column, id_column=id_column, encoding=encoding, rules=rules
            )
        else:
            yield _read_text_file(path, path.stem, encoding=encoding, rules=rules)
    else:
        raise FileNotFoundError(f"{path}: no such file or folder")


def removed_lines(docs: Iterable[Document]) -> pd.DataFrame:
    """Every line that cleaning took out of ``docs``: ``doc_id``, ``reason``, ``line``.

    Examples
    --------
    >>> doc = Document("a", removed=(("Nguồn VOV", "source line"),))
    >>> removed_lines([doc]).values.tolist()
    [['a', 'source line', 'Nguồn VOV']]
    """
    import pandas as pd

    rows = [(doc.doc_id, reason, line) for doc in docs for line, reason in doc.removed]
    return pd.DataFrame(rows, columns=["doc_id", "reason", "line"])


def removed_line_counts(docs: Sequence[Document]) -> pd.DataFrame:
    """Documents × reasons: how many lines cleaning removed from each document, and why.

    Every document has a row, also when nothing was removed from it.

    Examples
    --------
    >>> docs = [Document("a", removed=(("Nguồn VOV", "source line"),)), Document("b")]
    >>> removed_line_counts(docs)
    reason  source line
    doc_id
    a                 1
    b                 0
    """
    import pandas as pd

    table = removed_lines(docs)
    counts = pd.crosstab(table["doc_id"], table["reason"]) if len(table) else pd.DataFrame()
    counts = counts.reindex([doc.doc_id for doc in docs], fill_value=0)
    counts.index.name, counts.columns.name = "doc_id", "reason"
    return counts.astype("int64")


def read_corpus(
    source: str | Path | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    rules: Iterable[LineRule] = CLEANING_RULES,
) -> tuple[Document, ...]:
    """Read and clean a corpus of Vietnamese news texts.

    Parameters
    ----------
    source : str, Path or None
        ``None`` for the bundled ``seeds/``; a folder of ``.txt`` files (read
        recursively in sorted order, ``doc_id`` = path without ``.txt``); one ``.txt``
        file; or a ``.csv`` / ``.jsonl`` file with one document per row.
    text_column : str
        The column holding the text in a table. Its other columns become ``metadata``;
        ``id`` (or ``id_column``) gives ``doc_id``, ``title`` the title, ``date`` the date.
    id_column : str, optional
        The column holding document ids; default ``id`` when present, else
        ``<file stem>-<line number>``.
    encoding : str, optional
        The files' encoding when it is neither UTF-8 nor UTF-16 with BOM.
    rules : iterable of LineRule
        The cleaning table; default :data:`CLEANING_RULES`.

    Returns
    -------
    tuple of Document

    Raises
    ------
    CorpusError
        Naming the file and what to change: empty or binary files, undecodable bytes,
        a missing text column, duplicate ids, or a folder without ``.txt`` files.

    Examples
    --------
    >>> docs = read_corpus()
    >>> len(docs), docs[1].source, docs[4].date
    (5, 'thainguyen.gov.vn', datetime.date(2019, 12, 25))
    """
    documents = tuple(
        iter_corpus(
            source, text_column=text_column, id_column=id_column, encoding=encoding, rules=rules
        )
    )
    check_unique_ids([document.doc_id for document in documents], where=f"{source}: ")
    return documents
