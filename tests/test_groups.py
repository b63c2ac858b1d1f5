"""Subsets and groups of documents by their fields and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_tools import CorpusError, Document
from corpus_tools.groups import (
    document_label,
    document_labels,
    documents_table,
    field_values,
    group_labels,
    short_id,
    subset,
)

DOCS = (
    Document("a", title="Hội nghị", date=dt.date(2020, 1, 31), source="Nhân Dân",
             metadata={"category": "thời sự"}),
    Document("b", date=dt.date(2020, 2, 1), metadata={"category": "thể thao"}),
    Document("c", date=None, metadata={"category": "thời sự", "year": 2021}),
)  # fmt: skip


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("category", ["thời sự", "thể thao", "thời sự"]),
        ("source", ["Nhân Dân", None, None]),
        ("date:year", ["2020", "2020", None]),
        ("date:quarter", ["2020-Q1", "2020-Q1", None]),
        ("date:month", ["2020-01", "2020-02", None]),
        ("date:week", ["2020-W05", "2020-W05", None]),
        ("date:day", ["2020-01-31", "2020-02-01", None]),
        ("year", [None, None, "2021"]),
    ],
)
def test_group_labels(by, expected):
    assert group_labels(DOCS, by) == expected


@pytest.mark.parametrize("by", ["categori", "date:decade", "title:year"])
def test_bad_grouping_is_a_clear_error(by):
    with pytest.raises(CorpusError, match=r"categori|decade|only dates"):
        group_labels(DOCS, by)


def test_unknown_field_lists_the_known_ones():
    with pytest.raises(CorpusError, match="category"):
        field_values(DOCS, "chuyên mục")


def test_subset_by_field_and_dates():
    assert [d.doc_id for d in subset(DOCS, where={"category": "thời sự"})] == ["a", "c"]
    assert [d.doc_id for d in subset(DOCS, date_from="2020-02-01")] == ["b"]
    both = subset(DOCS, where={"category": ["thời sự", "thể thao"]}, date_to=dt.date(2020, 1, 31))
    assert [d.doc_id for d in both] == ["a"]
    assert subset(DOCS, where={"year": 2021})[0].doc_id == "c"
    assert subset((), where={"category": "x"}) == ()
    with pytest.raises(CorpusError, match="date_from"):
        subset(DOCS, date_from="31/01/2020")


def test_documents_table_has_every_field():
    table = documents_table(DOCS)
    assert table.columns.tolist() == [
        "doc_id", "title", "date", "source", "byline", "paragraphs", "category", "year",
    ]  # fmt: skip
    assert table["date"].iloc[0] == dt.date(2020, 1, 31)
    assert documents_table([]).empty


def test_document_labels_name_articles_by_title_and_id():
    # was groups.short_labels ("000 · title…"): one label function, title first
    docs = [
        Document(
            "000_e38ffd22d5a32227",
            title="Tăng cường siết chặt kỷ luật, kỷ cương trong công tác cán bộ",
        ),
        Document("news_sport_012", title="Hà Nội thắng"),
        Document("b", title=None),
        Document("c", title="Mộtcáitiêuđềrấtdàikhôngcókhoảngtrắngnàocả"),
    ]
    labels = document_labels(docs, width=24)
    assert labels == {
        "000_e38ffd22d5a32227": "Tăng cường siết chặt kỷ… (000)",
        "news_sport_012": "Hà Nội thắng (news_sport_012)",
        "b": "bài b",
        "c": "Mộtcáitiêuđềrấtdàikhôngc… (c)",
    }


TITLE = (
    "Tăng cường siết chặt kỷ luật, kỷ cương trong công tác cán bộ, góp phần đấu tranh "
    "ngăn chặn, đẩy lùi tình trạng chạy chức, chạy quyền"
)


@pytest.mark.parametrize(
    ("doc_id", "title", "kwargs", "expected"),
    [
        ("000_e38ffd22d5a32227", TITLE, {}, "Tăng cường siết chặt kỷ luật… (000)"),
        ("000_e38ffd22d5a32227", TITLE, {"width": 12}, "Tăng cường… (000)"),
        ("a", "Hội nghị Trung ương", {}, "Hội nghị Trung ương (a)"),  # short: kept whole
        ("003_74790746ce20f72d", None, {}, "bài 003"),
        ("003_74790746ce20f72d", "  ", {"lang": "en"}, "article 003"),
        # one word longer than the width is cut inside, after `width` characters
        ("b", "Siêuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuudài", {"width": 10}, "Siêuuuuuuu… (b)"),
        ("c", "Hội  nghị\ncán bộ", {}, "Hội nghị cán bộ (c)"),
    ],
)
def test_document_label(doc_id, title, kwargs, expected):
    assert document_label(doc_id, title, **kwargs) == expected


@pytest.mark.parametrize(
    "doc_id", ["news_sport_012", "bài_viết_1", "a_b", "thoi_su_2020_03_01", "00_abc"]
)
def test_an_id_is_shown_exactly_as_written(doc_id):
    # an id is not a word: its "_" never become spaces (was "news sport 012")
    assert short_id(doc_id) == doc_id
    assert document_label(doc_id, "Hội nghị") == f"Hội nghị ({doc_id})"
    assert document_label(doc_id, None) == f"bài {doc_id}"
    assert document_labels([Document(doc_id)], lang="en") == {doc_id: f"article {doc_id}"}


def test_a_scraped_id_is_its_number_and_any_other_id_as_written():
    assert short_id("000_e38ffd22d5a32227") == "000"
    # a folder is part of the id: thoi_su/news_001 and the_thao/news_001 are two articles
    assert short_id("sport/news_sport_012") == "sport/news_sport_012"
    assert short_id("000_e38f") == "000_e38f"  # too short a hash: not a scraped id


def test_document_labels_from_documents_pairs_or_a_table():
    import pandas as pd

    docs = [Document("000_e38ffd22d5a32227", title=TITLE), Document("001", title=None)]
    expected = {"000_e38ffd22d5a32227": "Tăng cường siết chặt kỷ luật… (000)", "001": "bài 001"}
    assert document_labels(docs) == expected
    table = pd.DataFrame({"doc_id": [d.doc_id for d in docs], "title": [TITLE, float("nan")]})
    assert document_labels(table) == expected
    assert document_labels(docs, lang="en")["001"] == "article 001"
    assert document_labels([("y", "văn bản")]) == {"y": "bài y"}  # a pair has no title
    with pytest.raises(CorpusError, match="not str"):
        document_labels(["một văn bản"])
    with pytest.raises(CorpusError):
        document_labels(docs, lang="fr")
    with pytest.raises(CorpusError):
        document_labels(docs, width=0)


def test_every_label_of_the_seeds_names_its_article(seed_docs):
    labels = document_labels(seed_docs)
    assert len(set(labels.values())) == len(seed_docs)
    for doc in seed_docs:
        assert labels[doc.doc_id].endswith(f"{doc.doc_id[:3]})") or labels[doc.doc_id] == (
            f"bài {doc.doc_id[:3]}"
        )
        assert len(labels[doc.doc_id]) <= 30 + len(" (000)") + 1


def test_documents_table_keeps_one_column_per_field():
    # a CSV's title and date columns are kept in metadata as read; the table holds the
    # parsed attributes once, not a second, string "date" column
    doc = Document("a", title="Hội nghị", date=dt.date(2020, 10, 1),
                   metadata={"title": "Hội nghị", "date": "20201001", "category": "x"})  # fmt: skip
    table = documents_table([doc])
    assert table.columns.tolist() == [
        "doc_id", "title", "date", "source", "byline", "paragraphs", "category",
    ]  # fmt: skip
    assert table["date"].tolist() == [dt.date(2020, 10, 1)]
