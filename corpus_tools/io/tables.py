"""CSV and JSONL tables: one document per row, the text in one column.

The file is decoded a chunk at a time (:func:`~corpus_tools.io.decode.decoded_lines`),
so a table of any size is read in constant memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import DecodingError, EmptyCorpusError, MissingColumnError
from ..vietnamese import DATE_DMY, DATE_ISO, date_from_match
from .clean import LineRule, document_from_text
from .decode import decoded_lines
from .documents import Document

__all__ = ["iter_table"]


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


def iter_table(
    path: Path,
    *,
    text_column: str,
    id_column: str | None,
    encoding: str | None,
    rules: Iterable[LineRule],
) -> Iterator[Document]:
    """Yield one cleaned :class:`Document` per row of the CSV or JSONL file ``path``.

    Internal API behind :func:`~corpus_tools.io.iter_corpus`, which documents the
    arguments. The file is decoded a chunk at a time.
    """
    rows = 0
    for number, row in _iter_table_rows(path, decoded_lines(path, encoding=encoding)):
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
        document = document_from_text(
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
