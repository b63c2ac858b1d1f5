"""One exception family for everything that can go wrong with a corpus.

Every message names the file or document that failed and says what to change.
"""

from __future__ import annotations

__all__ = [
    "BinaryFileError",
    "CorpusError",
    "DecodingError",
    "DuplicateIdError",
    "EmptyCorpusError",
    "EmptyDocumentError",
    "MissingColumnError",
]


class CorpusError(ValueError):
    """Base class: a corpus, document or option that the library cannot use."""


class EmptyDocumentError(CorpusError):
    """A file or row holds no text, or only white space."""


class BinaryFileError(CorpusError):
    """A file holds binary data (NUL bytes), not text."""


class DecodingError(CorpusError):
    """A file's bytes are not valid in the expected encoding."""


class MissingColumnError(CorpusError):
    """A CSV or JSONL file lacks the text column (or another named column)."""


class DuplicateIdError(CorpusError):
    """Two documents share one ``doc_id``."""


class EmptyCorpusError(CorpusError):
    """A source holds no documents: a folder without ``.txt`` files, an empty table."""
