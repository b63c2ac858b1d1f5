"""Fields from where a file lies: the sub-folder it sits in, and its file name.

Collections store outlets and categories as folders (``sport/news_sport_012.txt``) or in
file names (``news_sport_012.txt``). A folder read records each file's sub-folder below
the corpus folder in ``metadata["folder"]`` (or the key ``folder_field`` names): the
relative path with ``/`` (``"sport"``, ``"2020/sport"``), or None for a file at the top.

``filename_pattern`` is a regular expression with named groups, searched in the file
name without ``.txt`` (anchor it with ``^`` and ``$`` to match the whole name); each
group gives a field: ``news_(?P<category>[a-z]+)_\\d+`` gives ``category``. A file
whose name does not match gets None for those fields, and one
:class:`~corpus_tools.errors.FilenamePatternWarning` at the end of the read gives their
count.

A field named like a :class:`~corpus_tools.io.Document` attribute (``title``,
``date``, ``source``, ``byline``) sets the attribute, over what the file says (a date
is read with :func:`~corpus_tools.io.dates.parse_date`); a missing value keeps the
file's. Any other name is a ``metadata`` key, set over a header line's key of the same
name. ``doc_id`` and ``path`` cannot be fields.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from ..errors import CorpusError, FilenamePatternWarning
from .dates import DateFailures
from .documents import Document

__all__ = ["DEFAULT_FOLDER_FIELD", "FIELD_ATTRIBUTES", "PathFields"]

DEFAULT_FOLDER_FIELD = "folder"
"""The metadata key of a file's sub-folder when ``folder_field`` is not given."""

FIELD_ATTRIBUTES = ("title", "date", "source", "byline")
"""Field names that set a Document attribute rather than a metadata key."""

_RESERVED = ("doc_id", "path")
_MAX_EXAMPLES = 5


def _check_name(name: str, what: str) -> None:
    if name in _RESERVED:
        raise CorpusError(
            f"{what} names the field {name!r}, which the reader sets itself; choose another "
            "name (e.g. 'category')"
        )


class PathFields:
    """How one read derives fields from each file's sub-folder and name.

    Internal API of :mod:`.read`. The constructor checks the options at once, before
    any file is read: ``folder`` says whether the source is a folder, ``table`` whether
    it is a CSV or JSONL table (which has columns, not file names).

    Examples
    --------
    >>> fields = PathFields(None, r"news_(?P<category>[a-z]+)_\\d+", folder=True)
    >>> fields.values(PurePath("sport/news_sport_012.txt"))
    {'folder': 'sport', 'category': 'sport'}
    """

    def __init__(
        self,
        folder_field: str | None,
        filename_pattern: str | re.Pattern[str] | None,
        *,
        folder: bool,
        table: bool = False,
    ) -> None:
        if folder_field is not None and not isinstance(folder_field, str):
            raise TypeError(f"folder_field must be a str, not {type(folder_field).__name__}")
        if table and (folder_field is not None or filename_pattern is not None):
            raise CorpusError(
                "folder_field and filename_pattern read fields from the files of a folder; "
                "a table's fields are its columns, so leave them out"
            )
        if folder_field is not None and not folder:
            raise CorpusError(
                f"folder_field={folder_field!r} names the sub-folder of each file in a "
                "folder corpus, but the source is one file; leave it out"
            )
        if folder_field is not None and not folder_field.strip():
            raise CorpusError("folder_field is empty; name the field, e.g. 'category'")
        self.folder_field = (folder_field or DEFAULT_FOLDER_FIELD) if folder else None
        if self.folder_field is not None:
            _check_name(self.folder_field, "folder_field")
        self.pattern = None if filename_pattern is None else self._compile(filename_pattern)
        self.unmatched = 0
        self.examples: list[str] = []

    def _compile(self, pattern: str | re.Pattern[str]) -> re.Pattern[str]:
        if not isinstance(pattern, (str, re.Pattern)):
            raise TypeError(
                f"filename_pattern must be a str or compiled pattern, not {type(pattern).__name__}"
            )
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise CorpusError(
                f"filename_pattern {pattern!r} is not a valid regular expression: {error}"
            ) from None
        if not compiled.groupindex:
            raise CorpusError(
                f"filename_pattern {compiled.pattern!r} names no field: give each field a "
                r"named group, e.g. news_(?P<category>[a-z]+)_\d+"
            )
        for name in compiled.groupindex:
            _check_name(name, "filename_pattern")
            if name == self.folder_field:
                raise CorpusError(
                    f"filename_pattern and the folder both give the field {name!r}; pass "
                    "folder_field= with another name"
                )
        return compiled

    def values(self, relative: PurePath) -> dict[str, str | None]:
        """The fields of the file at ``relative`` (its path below the corpus folder)."""
        found: dict[str, str | None] = {}
        if self.folder_field is not None:
            parent = relative.parent.as_posix()
            found[self.folder_field] = None if parent == "." else parent
        if self.pattern is not None:
            stem = relative.name[: -len(relative.suffix)] if relative.suffix else relative.name
            match = self.pattern.search(stem)
            if match is None:
                self.unmatched += 1
                if len(self.examples) < _MAX_EXAMPLES:
                    self.examples.append(relative.as_posix())
                found.update(dict.fromkeys(self.pattern.groupindex))
            else:
                found.update(match.groupdict())
        return found

    def apply(self, document: Document, relative: PurePath, dates: DateFailures) -> Document:
        """``document`` with the fields of the file at ``relative`` set."""
        found = self.values(relative)
        if not found:
            return document
        attributes: dict[str, Any] = {}
        metadata = dict(document.metadata)
        for name, value in found.items():
            if name not in FIELD_ATTRIBUTES:
                metadata[name] = value
            elif name == "date" and value is not None:
                attributes[name] = dates.parse(value, relative.as_posix()) or document.date
            elif value is not None:
                attributes[name] = value
        return replace(document, metadata=metadata, **attributes)

    def warn(self) -> None:
        """Warn once if any file name did not match ``filename_pattern``."""
        if self.unmatched and self.pattern is not None:
            warnings.warn(
                FilenamePatternWarning(self.unmatched, self.examples, self.pattern.pattern),
                stacklevel=3,
            )
