"""The :class:`Document` record that reading produces and every later stage takes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["PARAGRAPH_SEPARATOR", "Document"]

PARAGRAPH_SEPARATOR = "\n"
"""What :attr:`Document.text` puts between paragraphs."""


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
