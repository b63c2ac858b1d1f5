"""The Document record: its text, its defaults, and that it cannot be changed."""

from __future__ import annotations

import dataclasses

import pytest

from corpus_tools.io import PARAGRAPH_SEPARATOR, Document


def test_text_joins_the_paragraphs_with_newlines():
    doc = Document("a", paragraphs=("Bộ Chính trị họp.", "Hà Nội mưa."))
    assert PARAGRAPH_SEPARATOR == "\n"
    assert doc.text == "Bộ Chính trị họp.\nHà Nội mưa."


def test_an_empty_document_has_empty_text_and_no_fields():
    doc = Document("a")
    assert (doc.text, doc.title, doc.date, doc.removed) == ("", None, None, ())
    assert dict(doc.metadata) == {}


def test_documents_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Document("a").title = "Tiêu đề"  # type: ignore[misc]
