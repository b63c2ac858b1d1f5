"""CSV and JSONL tables: one document per row, the text in one column.

The file is decoded a chunk at a time (:func:`~corpus_tools.io.decode.decoded_lines`),
so a table of any size is read in constant memory. Every row must read as exactly one
document, or reading stops with a :class:`~corpus_tools.errors.MalformedTableError`
naming the line and the fix; nothing is dropped, merged or guessed silently:

- CSV: the delimiter is a comma, or a semicolon or tab when the header line holds no
  comma but one of those (Excel in a Vietnamese locale writes semicolons); a ``.tsv``
  file is split at tabs. A row with
  more or fewer fields than the header (an unquoted comma in the text), a quote left
  open (which would swallow the rows after it) and a header that names a column twice
  are errors. A field may be as long as :data:`CSV_FIELD_LIMIT`.
- JSONL: each line is one JSON object. The text must be a JSON string (not a number,
  ``NaN``, a list or ``true``), the id a string or a whole number, the title a string;
  a key given twice and a lone surrogate escape (``"\\ud800"``) are errors.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import EmptyCorpusError, MalformedTableError, MissingColumnError
from .clean import LineRule, document_from_text
from .dates import DateFailures
from .decode import decoded_lines
from .documents import Document

__all__ = ["CSV_DELIMITERS", "CSV_FIELD_LIMIT", "iter_table"]

CSV_FIELD_LIMIT = 2**31 - 1
"""The longest CSV field read, in characters (Python's csv module stops at 131,072)."""

CSV_DELIMITERS = (",", ";", "\t")
"""The delimiters a CSV header is tried with, in order."""

_CSV_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """Raise the csv module's field limit for one read, then put it back."""
    old = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _delimiter(header_line: str) -> str:
    """The first of :data:`CSV_DELIMITERS` that splits the header line, else a comma."""
    for delimiter in CSV_DELIMITERS:
        try:
            with _field_limit(CSV_FIELD_LIMIT):
                fields = next(csv.reader([header_line], delimiter=delimiter), [])
        except csv.Error:
            continue  # a header that is not valid CSV is reported when it is read
        if len(fields) > 1:
            return delimiter
    return ","


def _csv_error(path: Path, start: int, error: csv.Error) -> MalformedTableError:
    message = str(error)
    if "field larger than field limit" in message:
        why = (
            f"a field is longer than {CSV_FIELD_LIMIT:,} characters "
            "(corpus_tools.io.tables.CSV_FIELD_LIMIT); split the text or raise the limit"
        )
    elif "unexpected end of data" in message:
        why = "a quote opened here is never closed; close it, or double a quote inside a field"
    elif "expected after" in message:
        why = (
            "a quoted field runs on past its closing quote: a quote left open swallows the "
            'rows after it, and a quote inside a quoted field must be doubled ("")'
        )
    else:
        why = f"{message}; check the quoting of this row"
    return MalformedTableError(f"{path}: the row starting on line {start} is not valid CSV: {why}")


def _csv_rows(path: Path, lines: Iterator[str]) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield ``(line number where the row starts, row)`` for a CSV file's lines."""
    # The csv module ends lines at "\n", "\r\n" or a lone "\r" (old Mac files).
    pieces = (piece for line in lines for piece in _CSV_LINE.findall(line))
    first = next(pieces, "")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(first)
    reader = csv.reader(itertools.chain([first], pieces), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    start = 1
    while True:
        with _field_limit(CSV_FIELD_LIMIT):
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise _csv_error(path, start, error) from None
        if not row:  # a blank line
            start = reader.line_num + 1
            continue
        if header is None:
            header = _csv_header(path, row, start)
        elif len(row) != len(header):
            raise _field_count_error(path, start, len(row), header, delimiter)
        else:
            yield start, dict(zip(header, row, strict=True))
        start = reader.line_num + 1


def _csv_header(path: Path, row: list[str], line: int) -> list[str]:
    seen: set[str] = set()
    for name in row:
        if name in seen:
            raise MalformedTableError(
                f"{path}: the header (line {line}) names the column {name!r} twice; rename "
                "one of them so that no column is dropped"
            )
        seen.add(name)
    return row


def _field_count_error(
    path: Path, start: int, fields: int, header: list[str], delimiter: str
) -> MalformedTableError:
    name = _DELIMITER_NAMES[delimiter]
    if fields > len(header):
        fix = (
            f"a {name} inside a field splits it; put the field in double quotes "
            f'("Hà Nội, ngày 5/10")'
        )
    else:
        fix = f"give every row one field per column, an empty field being two {name}s in a row"
    return MalformedTableError(
        f"{path}: the row starting on line {start} has {fields} fields but the header has "
        f"{len(header)} ({', '.join(map(repr, header))}); {fix}"
    )


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    row: dict[str, object] = {}
    for key, value in pairs:
        if key in row:
            raise _DuplicateKey(key)
        row[key] = value
    return row


class _DuplicateKey(Exception):
    """Raised inside ``json.loads``; turned into a MalformedTableError naming the line."""


def _jsonl_rows(path: Path, lines: Iterator[str]) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield ``(line number, row)`` for a JSONL file's lines."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        try:
            row = json.loads(line, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as error:
            raise MalformedTableError(f"{where} is not valid JSON ({error.msg})") from None
        except _DuplicateKey as duplicate:
            raise MalformedTableError(
                f"{where} gives the key {duplicate.args[0]!r} twice, and JSON keeps only the last; "
                "remove or rename one"
            ) from None
        if not isinstance(row, dict):
            raise MalformedTableError(f"{where} is not a JSON object")
        for key, value in row.items():
            _check_no_surrogate(f"{path}, line {number}", key, value)
        yield number, row


def _check_no_surrogate(where: str, key: str, value: object) -> None:
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found:
            raise MalformedTableError(
                f"{where}: the {key!r} value holds \\u{ord(found.group()):04x}, half of a "
                "UTF-16 surrogate pair, which is no character; fix that \\u escape"
            )
    elif isinstance(value, dict):
        for inner, item in value.items():
            _check_no_surrogate(where, f"{key}.{inner}", item)
    elif isinstance(value, list):
        for item in value:
            _check_no_surrogate(where, key, item)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {json.dumps(value)}"
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def _string_value(where: str, column: str, value: object, *, ids: bool = False) -> str:
    """``value`` as a document's text, id or title, or an error naming the row."""
    if isinstance(value, str):
        if ids and not value.strip():
            raise MalformedTableError(
                f"{where}: the id column {column!r} is empty; give every row an id"
            )
        return value
    if ids and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    want = "a string or a whole number" if ids else "a string"
    raise MalformedTableError(
        f"{where}: the {column!r} value is {_kind(value)}, not {want}; write it as a JSON "
        'string in double quotes ("…")'
    )


def iter_table(
    path: Path,
    *,
    text_column: str,
    id_column: str | None,
    encoding: str | None,
    rules: Iterable[LineRule],
    dates: DateFailures,
) -> Iterator[Document]:
    """Yield one cleaned :class:`Document` per row of the CSV or JSONL file ``path``.

    Internal API behind :func:`~corpus_tools.io.iter_corpus`, which documents the
    arguments; a ``date`` that does not read is counted in ``dates``. The file is
    decoded a chunk at a time.
    """
    reader = _jsonl_rows if path.suffix.lower() == ".jsonl" else _csv_rows
    rows = 0
    for number, row in reader(path, decoded_lines(path, encoding=encoding)):
        rows += 1
        if text_column not in row:
            raise MissingColumnError(
                f"{path}: has no column {text_column!r} (columns: {', '.join(map(str, row))}); "
                "pass text_column= to name the column that holds the text"
            )
        if id_column is not None and id_column not in row:
            raise MissingColumnError(f"{path}: has no id column {id_column!r}")
        where = f"{path}, line {number}"
        id_key = id_column or ("id" if "id" in row else None)
        doc_id = _string_value(where, id_key, row[id_key], ids=True) if id_key else None
        doc_id = doc_id or f"{path.stem}-{number}"
        text = row[text_column]
        body = "" if text is None else _string_value(where, text_column, text)
        title = row.get("title")
        metadata = {k: v for k, v in row.items() if k not in (text_column, id_key)}
        yield document_from_text(
            doc_id,
            body,
            f"{where} (id {doc_id})",
            rules=rules,
            title=None if title is None else _string_value(where, "title", title),
            date=row.get("date"),
            metadata=metadata,
            dates=dates,
        )
    if rows == 0:
        raise EmptyCorpusError(f"{path}: holds no rows; add documents or choose another file")
