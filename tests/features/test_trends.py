"""Tests for corpus_tools.features.trends: terms per period with exact Poisson intervals."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata

import numpy as np
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import choose_period, term_trends
from corpus_tools.features.trends import complete_periods, poisson_interval

from .helpers import rows

DOCS = {
    "a": ["Cán_bộ", "họp", ",", "bàn"],  # punctuation is not a word
    "b": ["chạy_chức", "chạy_quyền", "cán_bộ"],
    "c": ["cán_bộ", "cán_bộ"],
    "d": [],
    "e": ["đảng"],
}
PERIODS = {"a": "2020-01", "b": "2020-03", "c": "2020-03", "d": "2020-03", "e": None}


def test_term_trends_by_hand():
    table = term_trends(DOCS, ["cán bộ", "chạy chức chạy quyền"], groups=PERIODS)
    assert list(table.columns) == [
        "period",
        "query",
        "count",
        "doc_freq",
        "documents",
        "words",
        "per_10k",
        "per_10k_low",
        "per_10k_high",
    ]
    assert rows(table, ["period", "query", "count", "doc_freq", "documents", "words"]) == [
        ("2020-01", "cán bộ", 1, 1, 1, 3),
        ("2020-01", "chạy chức chạy quyền", 0, 0, 1, 3),
        ("2020-02", "cán bộ", 0, 0, 0, 0),  # a month without articles is filled in
        ("2020-02", "chạy chức chạy quyền", 0, 0, 0, 0),
        ("2020-03", "cán bộ", 3, 2, 3, 5),
        ("2020-03", "chạy chức chạy quyền", 1, 1, 3, 5),
        ("(không có)", "cán bộ", 0, 0, 1, 1),
        ("(không có)", "chạy chức chạy quyền", 0, 0, 1, 1),
    ]
    rate = table["per_10k"].to_numpy()
    assert rate[0] == pytest.approx(10_000 / 3) and rate[4] == pytest.approx(6_000)
    assert np.isnan(rate[2]) and np.isnan(table["per_10k_low"].iloc[2])
    # the interval brackets the rate; a zero count has a zero lower bound
    low, high = table["per_10k_low"].to_numpy(), table["per_10k_high"].to_numpy()
    assert (low[[0, 4, 5]] < rate[[0, 4, 5]]).all() and (high[[0, 4, 5]] > rate[[0, 4, 5]]).all()
    assert low[1] == 0 and high[1] > 0


def test_poisson_interval_matches_the_exact_garwood_values():
    # Published exact 95% limits for k = 0, 1, 10 (e.g. Ulm 1990, Am J Epidemiol 131(2)).
    low, high = poisson_interval([0, 1, 10])
    assert low == pytest.approx([0.0, 0.0253, 4.7954], abs=1e-4)
    assert high == pytest.approx([3.6889, 5.5716, 18.3904], abs=1e-4)
    with pytest.raises(CorpusError, match="confidence"):
        poisson_interval([1], confidence=95)


def test_term_trends_matches_nfd_terms_and_pairs_input():
    nfd = unicodedata.normalize("NFD", "CÁN BỘ")
    pairs = list(DOCS.items())
    table = term_trends(pairs, [nfd], groups=[PERIODS[k] for k in DOCS])
    assert table["count"].tolist() == [1, 0, 3, 0]
    assert table["query"].iloc[0] == nfd


def test_term_trends_without_dates_is_one_missing_period():
    table = term_trends([["cán_bộ"], []], ["cán bộ"], groups=[None, None])
    assert rows(table, ["period", "count", "documents"]) == [("(không có)", 1, 2)]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["2019", "2021"], ["2019", "2020", "2021"]),
        (["2020-Q4", "2021-Q2"], ["2020-Q4", "2021-Q1", "2021-Q2"]),
        (["2020-12", "2021-01"], ["2020-12", "2021-01"]),
        (["2020-W53", "2021-W02"], ["2020-W53", "2021-W01", "2021-W02"]),
        (["2020-02-28", "2020-03-01"], ["2020-02-28", "2020-02-29", "2020-03-01"]),
        (["thể thao", "2020"], ["2020", "thể thao"]),  # not all periods: sorted as they are
    ],
)
def test_complete_periods(labels, expected):
    assert complete_periods(labels) == expected


def test_complete_periods_gives_up_past_the_limit():
    assert complete_periods(["1900-01-01", "2020-01-01"], limit=10) == ["1900-01-01", "2020-01-01"]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([dt.date(2020, 1, 1), dt.date(2020, 1, 20)], "date:day"),
        ([dt.date(2020, 1, 1), dt.date(2020, 5, 1)], "date:week"),
        ([dt.date(2020, 1, 1), dt.date(2021, 12, 31)], "date:month"),
        ([dt.date(2015, 1, 1), dt.date(2020, 12, 31)], "date:quarter"),
        ([dt.date(2000, 1, 1), dt.date(2020, 12, 31)], "date:year"),
        ([None], "date:year"),
    ],
)
def test_choose_period_is_the_finest_with_at_most_24_periods(dates, expected):
    assert choose_period(dates) == expected


def test_term_trends_errors():
    with pytest.raises(CorpusError, match="terms must be a list"):
        term_trends([["ở"]], "ở", groups=["2020"])
    with pytest.raises(CorpusError, match="got 2 group labels for 1 documents"):
        term_trends([["ở"]], ["ở"], groups=["2020", "2021"])


def test_term_trends_on_300_documents_fills_every_month():
    docs = [["cán_bộ", "họp"] if i % 3 else ["đảng"] for i in range(300)]
    months = [f"{2020 + i // 150}-{(i % 150) // 15 + 1:02d}" for i in range(300)]
    table = term_trends(docs, ["cán bộ"], groups=months)
    assert len(table) == 22  # 2020-01 … 2021-10, gaps filled
    assert table["documents"].sum() == 300
    assert math.isclose(table["count"].sum(), 200)
