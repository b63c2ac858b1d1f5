"""Tests for corpus_tools.features.neighbours: words near a chosen term (window collocations)."""

from __future__ import annotations

import math

import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import term_neighbours
from corpus_tools.features.keywords import g2

from .helpers import rows


def test_term_neighbours_by_hand():
    # Six documents, N = 21 word tokens. chạy_chức occurs 3 times with window 1: W = 6
    # slots, filled by chống x3 and cán_bộ x3. For chống (total 3) the table is
    # [[3, 3], [0, 15]]: expected = 6 * 3 / 21 = 6/7, pmi = log2(3.5).
    docs = [["chống", "chạy_chức", "cán_bộ", "họp"]] * 3 + [["họp", "bàn", "kinh_tế"]] * 3
    table = term_neighbours(docs, ["chạy chức"], window=1)
    assert list(table.columns) == [
        "query",
        "term",
        "token",
        "count",
        "neighbour_total",
        "expected",
        "pmi",
        "g2",
        "p_value",
    ]
    assert rows(table, ["term", "count", "neighbour_total"]) == [("chống", 3, 3), ("cán bộ", 3, 3)]
    assert table["expected"].tolist() == pytest.approx([6 / 7, 6 / 7])
    assert table["pmi"].tolist() == pytest.approx([math.log2(3.5)] * 2)
    assert table["g2"].iloc[0] == pytest.approx(float(g2([3], [3], [0], [15])[0]))


def test_term_neighbours_skip_punctuation_and_never_cross_documents():
    docs = [["cán_bộ", ",", "đảng_viên"], ["họp"], ["cán_bộ", "đảng_viên"], ["họp", "bàn"]] * 3
    table = term_neighbours(docs, ["cán bộ"], window=1)
    assert table["token"].tolist() == ["đảng_viên"]
    assert table["count"].tolist() == [6]


def test_a_term_is_not_its_own_neighbour_and_overlapping_windows_count_once():
    # In each document both cán_bộ have đảng within 2 words: it counts once per document.
    docs = [["cán_bộ", "Cán_bộ", "đảng"]] * 2 + [["họp", "bàn", "kinh_tế", "ở"]] * 4
    table = term_neighbours(docs, ["cán bộ"], window=2, min_count=2)
    assert rows(table, ["token", "count", "neighbour_total"]) == [("đảng", 2, 2)]
    # W = 2 positions (one đảng per document), N = 22: expected = 2 * 2 / 22
    assert table["expected"].iloc[0] == pytest.approx(4 / 22)
    assert term_neighbours(docs, ["cán bộ"], window=2, min_count=3).empty


def test_term_neighbours_keep_terms_in_order_and_n_top():
    docs = [["a", "x", "b"], ["c", "y", "d"]] * 3 + [["z"] * 5] * 3
    table = term_neighbours(docs, ["y", "x"], window=1, n_top=1)
    assert rows(table, ["query", "token"]) == [("y", "c"), ("x", "a")]


def test_term_neighbours_errors_and_empty_documents():
    assert term_neighbours([[], []], ["cán bộ"]).empty
    with pytest.raises(CorpusError, match="window"):
        term_neighbours([["ở"]], ["ở"], window=0)
    with pytest.raises(CorpusError, match="terms is empty"):
        term_neighbours([["ở"]], [])
