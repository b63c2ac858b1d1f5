"""Tests for corpus_tools.features.dispersion: term positions for the x-ray plot."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import term_positions, top_documents_by_hits

from .helpers import rows

DOCS = {
    "a": ["Bộ_Chính_trị", "họp", ".", "Cán_bộ", "chạy_chức", "chạy_quyền", "cán_bộ", "."],
    "b": [],
    "c": ["cán_bộ"],
}


def test_term_positions_by_hand():
    table = term_positions(DOCS, ["cán bộ", "chạy chức chạy quyền", "bộ chính trị"])
    assert list(table.columns) == ["doc_id", "query", "position", "relative_position", "doc_length"]
    assert rows(table, ["doc_id", "query", "position", "doc_length"]) == [
        ("a", "bộ chính trị", 0, 8),
        ("a", "cán bộ", 3, 8),
        ("a", "chạy chức chạy quyền", 4, 8),
        ("a", "cán bộ", 6, 8),
        ("c", "cán bộ", 0, 1),
    ]
    assert table["relative_position"].tolist() == [0.0, 3 / 8, 4 / 8, 6 / 8, 0.0]


def test_term_positions_nfd_term_and_empty_result():
    nfd = unicodedata.normalize("NFD", "chạy chức")
    assert term_positions(DOCS, [nfd])["position"].tolist() == [4]
    assert term_positions([["chạy_chức_chạy_quyền"]], [nfd]).empty  # whole tokens only
    empty = term_positions(DOCS, ["bóng đá"])
    assert empty.empty and empty.columns[0] == "doc_id"


def test_term_positions_rejects_one_string():
    with pytest.raises(CorpusError, match="terms must be a list"):
        term_positions(DOCS, "cán bộ")


def test_top_documents_by_hits_most_first_ties_in_order():
    table = pd.DataFrame({"doc_id": ["a", "b", "b", "c", "c", "d"]})
    assert top_documents_by_hits(table, n_top=3) == ["b", "c", "a"]
