"""Choosing at most 12 documents for a per-document figure, and the title phrase."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from corpus_tools.errors import FigureError
from corpus_tools.plots import MAX_PANELS, select_documents


@pytest.fixture
def table():
    return pd.DataFrame(
        {
            "doc_id": [f"{i:04d}" for i in range(2653)],
            "words": [(i * 37) % 1000 for i in range(2653)],
            "date": [dt.date(2020, 1, 1) + dt.timedelta(days=i % 500) for i in range(2653)],
        }
    )


def test_longest_by_default_with_the_rule_in_the_title(table):
    chosen, phrase = select_documents(table)
    assert len(chosen) == MAX_PANELS == 12
    lengths = table.set_index("doc_id").loc[chosen, "words"]
    assert lengths.is_monotonic_decreasing and lengths.min() >= table["words"].nlargest(12).min()
    assert phrase == "12 bài dài nhất trong 2.653 bài"


@pytest.mark.parametrize(
    ("rule", "lang", "phrase"),
    [
        ("first", "vi", "5 bài đầu tiên trong 2.653 bài"),
        ("shortest", "vi", "5 bài ngắn nhất trong 2.653 bài"),
        ("latest", "vi", "5 bài mới nhất trong 2.653 bài"),
        ("earliest", "en", "the 5 earliest of 2,653 articles"),
        ("longest", "en", "the 5 longest of 2,653 articles"),
    ],
)
def test_each_rule_names_itself(table, rule, lang, phrase):
    chosen, said = select_documents(table, n=5, rule=rule, lang=lang)
    assert said == phrase
    if rule == "first":
        assert chosen == ["0000", "0001", "0002", "0003", "0004"]
    if rule == "latest":
        dates = table.set_index("doc_id").loc[chosen, "date"]
        assert dates.min() == table["date"].max()


def test_all_documents_when_they_fit(table):
    chosen, phrase = select_documents(table.head(5), rule="first")
    assert chosen == list(table["doc_id"].head(5)) and phrase == "5 bài"
    assert select_documents(table.head(5), lang="en").title == "5 articles"


def test_ids_alone_allow_first_only():
    assert select_documents(["a", "b", "c"], n=2, rule="first") == (
        ["a", "b"],
        "2 bài đầu tiên trong 3 bài",
    )
    with pytest.raises(FigureError, match="ids alone allow 'first'"):
        select_documents(["a", "b", "c"], n=2)


def test_missing_columns_and_bad_options_are_figure_errors(table):
    with pytest.raises(FigureError, match="length column"):
        select_documents(table[["doc_id", "date"]], rule="longest")
    with pytest.raises(FigureError, match="'paragraphs' column"):
        select_documents(table, by="paragraphs")
    with pytest.raises(FigureError, match="rule must be"):
        select_documents(table, rule="random")
    with pytest.raises(FigureError, match="n must be"):
        select_documents(table, n=0)
    with pytest.raises(FigureError, match="doc_id"):
        select_documents(table.drop(columns="doc_id"))


def test_documents_without_a_date_come_last():
    table = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": [None, dt.date(2020, 1, 1), None]})
    assert select_documents(table, n=2, rule="latest").doc_ids == ["b", "a"]
