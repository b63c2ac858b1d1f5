"""Subsets and groups of documents by their fields and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_tools import CorpusError, Document
from corpus_tools.groups import documents_table, field_values, group_labels, subset

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


def test_short_labels_name_articles_by_id_and_title():
    from corpus_tools.groups import short_labels

    docs = [
        Document(
            "000_e38ffd22d5a32227",
            title="Tăng cường siết chặt kỷ luật, kỷ cương trong công tác cán bộ",
        ),
        Document("news_sport_012", title="Hà Nội thắng"),
        Document("b", title=None),
        Document("c", title="Mộtcáitiêuđềrấtdàikhôngcókhoảngtrắngnàocả"),
    ]
    labels = short_labels(docs, width=24)
    assert labels == {
        "000_e38ffd22d5a32227": "000 · Tăng cường siết chặt kỷ…",
        "news_sport_012": "news_sport_012 · Hà Nội thắng",
        "b": "b",
        "c": "c · Mộtcáitiêuđềrấtdàikhôngc…",
    }


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
