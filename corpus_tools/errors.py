"""Every exception and warning that corpus_tools raises, in one place.

Errors about input derive from :class:`CorpusError` (a :class:`ValueError`), and every
message names the file, line or document that failed and says what to change. Wrong
argument types raise :class:`TypeError`.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "BinaryFileError",
    "CacheWarning",
    "CorpusError",
    "DateParseWarning",
    "DecodingError",
    "DuplicateIdError",
    "EmptyCorpusError",
    "EmptyDocumentError",
    "FigureError",
    "FilenamePatternWarning",
    "MalformedTableError",
    "MissingColumnError",
    "NotebookError",
    "SegmentationError",
    "SkippedDocumentsWarning",
    "SourceNotFoundError",
    "TopicModelError",
    "TopicModelWarning",
    "UnreadableFileError",
]


class CorpusError(ValueError):
    """Base class: a corpus, document or option that the library cannot use."""


class EmptyDocumentError(CorpusError):
    """A file or row holds no text, or only white space."""


class BinaryFileError(CorpusError):
    """A file holds binary data (NUL bytes), not text."""


class DecodingError(CorpusError):
    """A file's bytes are not valid in the expected encoding."""


class MalformedTableError(DecodingError):
    """A CSV or JSONL row that does not read as one document: a field too many or too
    few, a quote left open, a column or key given twice, a text that is not a string."""


class MissingColumnError(CorpusError):
    """A CSV or JSONL file lacks the text column (or another named column)."""


class DuplicateIdError(CorpusError):
    """Two documents share one ``doc_id``."""


class SourceNotFoundError(CorpusError, FileNotFoundError):
    """A corpus path that does not exist (also a :class:`FileNotFoundError`)."""


class UnreadableFileError(CorpusError):
    """A corpus path that cannot be read as a file: a named pipe or other special file,
    a symbolic link to nothing or to itself, a file or folder without read permission."""


class EmptyCorpusError(CorpusError):
    """A source holds no documents: a folder without ``.txt`` files, an empty table."""


class SegmentationError(CorpusError):
    """A document could not be segmented; the message names it and says why."""


class TopicModelError(CorpusError):
    """Options or units that a topic model cannot be fitted on."""


class FigureError(CorpusError):
    """A figure cannot be drawn or saved as asked (too few Axes, a bad name)."""


class NotebookError(RuntimeError):
    """A notebook failed while ``corpus-tools run`` executed it."""


class CacheWarning(UserWarning):
    """A token cache file was unreadable or damaged; its units are segmented again."""


class TopicModelWarning(UserWarning):
    """A topic model or clustering ran with a setting changed from the one asked for."""


class SkippedDocumentsWarning(UserWarning):
    """Documents were skipped (``on_error="skip"``); ``skipped`` lists ``(doc_id, why)``."""

    def __init__(self, skipped: Sequence[tuple[str, str]]) -> None:
        self.skipped = list(skipped)
        shown = "; ".join(f"{doc_id}: {why}" for doc_id, why in self.skipped[:5])
        more = f" and {len(self.skipped) - 5} more" if len(self.skipped) > 5 else ""
        super().__init__(
            f"skipped {len(self.skipped)} document(s) that could not be segmented "
            f"(their units are missing from the output): {shown}{more}"
        )


def _examples(examples: Sequence[str], count: int) -> str:
    more = f" and {count - len(examples)} more" if count > len(examples) else ""
    return "; ".join(examples) + more


class DateParseWarning(UserWarning):
    """Dates that did not read as a date were left empty (``date=None``).

    Raised once per read, after the last document: ``count`` says how many, and
    ``examples`` holds up to five as ``'value' (where)``.
    """

    def __init__(self, count: int, examples: Sequence[str]) -> None:
        self.count, self.examples = count, list(examples)
        super().__init__(
            f"{count} date(s) could not be read and were left empty: "
            f"{_examples(self.examples, count)}; write dates as YYYY-MM-DD, YYYYMMDD, "
            "dd/mm/yyyy or 'YYYY-MM-DD HH:MM:SS'"
        )


class FilenamePatternWarning(UserWarning):
    """File names that ``filename_pattern`` did not match; their fields are None.

    Raised once per read, after the last document: ``count`` says how many files,
    ``examples`` holds up to five of their names.
    """

    def __init__(self, count: int, examples: Sequence[str], pattern: str) -> None:
        self.count, self.examples, self.pattern = count, list(examples), pattern
        super().__init__(
            f"{count} file name(s) do not match filename_pattern {pattern!r}, so their "
            f"fields from the file name are None: {_examples(self.examples, count)}"
        )
