"""Units of analysis: documents, paragraphs and sentences, with their documents' ids."""

from __future__ import annotations

import unicodedata

import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.io import Document
from corpus_tools.normalize import normalize_text
from corpus_tools.segment import text_units
from corpus_tools.segment.units import document_source, document_units


def test_unit_counts_on_the_seeds(seed_docs):
    documents = text_units(seed_docs, unit="document")
    paragraphs = text_units(seed_docs, unit="paragraph")
    sentences = text_units(seed_docs, unit="sentence")
    assert len(documents) == 5
    # Four seeds have a title, which comes first as a paragraph of its own.
    assert len(paragraphs) == sum(len(doc.paragraphs) for doc in seed_docs) + 4
    assert paragraphs[0] == (seed_docs[0].doc_id, seed_docs[0].title)
    assert len(sentences) > len(paragraphs)
    assert [doc_id for doc_id, _ in paragraphs[:4]] == [seed_docs[0].doc_id] * 4
    untitled = text_units(seed_docs, unit="paragraph", include_title=False)
    assert len(untitled) == sum(len(doc.paragraphs) for doc in seed_docs)


def test_sentences_do_not_split_inside_abbreviations():
    units = text_units(["Ông A đến TP. Hồ Chí Minh. Ông B ở v.v. nhà."], unit="sentence")
    assert [text for _, text in units] == ["Ông A đến TP. Hồ Chí Minh.", "Ông B ở v.v. nhà."]


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("", "document", [""]),
        ("", "paragraph", []),
        ("", "sentence", []),
        ("Họp.\n\nBàn. Về.", "paragraph", ["Họp.", "Bàn. Về."]),
        ("Họp.\n\nBàn. Về.", "sentence", ["Họp.", "Bàn.", "Về."]),
        ("Đạt 67,8%. cao nhất", "sentence", ["Đạt 67,8%. cao nhất"]),  # lowercase goes on
        (unicodedata.normalize("NFD", "Hòa bình. Ổn định"), "sentence", ["Hòa bình.", "Ổn định"]),
    ],
)
def test_document_units(text, unit, expected):
    assert document_units(text, unit) == expected


def test_unknown_unit():
    with pytest.raises(CorpusError, match="unit must be"):
        text_units(["a"], unit="chapter")
    with pytest.raises(CorpusError, match="unit must be"):
        document_units("a", "chapter")


def test_plain_strings_are_numbered_and_titles_come_first():
    doc = Document(doc_id="a", title="Tin", paragraphs=("Họp.",))
    assert document_source(7, doc, True) == ("a", "Tin\nHọp.")
    assert document_source(7, doc, False) == ("a", "Họp.")
    assert document_source(7, "Họp.", True) == ("7", "Họp.")
    assert text_units(["x", doc, "y"]) == [("0", "x"), ("a", "Tin\nHọp."), ("2", "y")]


def test_normalize_is_idempotent_on_the_seeds(seed_docs):
    # tokenize_corpus skips the second normalisation that tokenize_texts does.
    for _, text in text_units(seed_docs):
        assert normalize_text(text) == text


def test_a_mapping_of_id_to_text_gives_its_keys_as_ids():
    units = text_units({"tin-1": "Họp. Bàn.", "tin-2": "Về."}, unit="sentence")
    assert units == [("tin-1", "Họp."), ("tin-1", "Bàn."), ("tin-2", "Về.")]
    assert text_units({7: "Họp."}) == [("7", "Họp.")]
    with pytest.raises(TypeError, match=r"docs\['a'\] must be a str, not NoneType"):
        text_units({"a": None})


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        ("Bộ Chính trị họp", "docs is one string, not a corpus"),
        ("Hà Nội".encode(), "docs is one string, not a corpus"),
        (Document(doc_id="a", paragraphs=("Họp.",)), "docs is one Document"),
        (42, "docs is int, not a corpus"),
        (["Họp.", None], r"docs\[1\] is NoneType; each document must be a Document or a str"),
        (["Họp.", b"x"], r"docs\[1\] is bytes"),
        ([("a", "Họp.")], r"docs\[0\] is tuple; .* pass dict\(pairs\)"),
    ],
)
def test_what_is_not_a_corpus_is_a_type_error(docs, message):
    with pytest.raises(TypeError, match=message):
        text_units(docs)
