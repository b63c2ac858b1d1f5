"""Tests for corpus_tools.features.concordance: key word in context (kwic)."""

from __future__ import annotations

import unicodedata

import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import TermMatcher, concordance, join_tokens, kwic

from .helpers import rows

# --------------------------------------------------------------------------- kwic

KWIC_DOCS = [
    ["chống", "chạy_chức", "chạy_quyền", "ở", "cơ_sở"],
    ["chức", "vụ", "Chạy_chức"],
    ["chạy_chức_chạy_quyền", "_", "hòa_bình"],
    [],
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # whole words only: "chức" is not inside "chạy_chức"
        ("chức", [("1", 0, "chức")]),
        # the phrase must align with token boundaries: not a prefix of one longer token
        ("chạy chức", [("0", 1, "chạy chức"), ("1", 2, "Chạy chức")]),
        ("CHẠY_CHỨC", [("0", 1, "chạy chức"), ("1", 2, "Chạy chức")]),
        (unicodedata.normalize("NFD", "chạy chức"), [("0", 1, "chạy chức"), ("1", 2, "Chạy chức")]),
        (
            "chạy chức chạy quyền",
            [("0", 1, "chạy chức chạy quyền"), ("2", 0, "chạy chức chạy quyền")],
        ),
        (
            "  chạy_chức   chạy quyền ",
            [("0", 1, "chạy chức chạy quyền"), ("2", 0, "chạy chức chạy quyền")],
        ),
        ("hoà bình", [("2", 2, "hòa bình")]),  # new-style tone placement is normalised
        ("_", [("2", 1, "_")]),
        ("ở", [("0", 3, "ở")]),
        ("quyền", []),
        ("sai", []),
    ],
)
def test_kwic_matches(query, expected):
    table = kwic(KWIC_DOCS, query)
    assert list(table.columns) == ["doc_id", "position", "left", "keyword", "right"]
    assert rows(table, ["doc_id", "position", "keyword"]) == expected


def test_kwic_window():
    table = kwic(KWIC_DOCS, "ở", window=2, doc_ids=["a", "b", "c", "d"])
    assert rows(table, ["doc_id", "left", "keyword", "right"]) == [
        ("a", "chạy chức chạy quyền", "ở", "cơ sở")
    ]
    table = kwic(KWIC_DOCS, "chạy chức chạy quyền", window=0)
    assert table["left"].tolist() == ["", ""] and table["right"].tolist() == ["", ""]


def test_kwic_tokens_in_other_tone_style():
    assert kwic([["hoà_bình"]], "hòa bình")["position"].tolist() == [0]


def test_kwic_empty_result_has_columns():
    table = kwic([[], ["ở"]], "đảng")
    assert table.empty
    assert list(table.columns) == ["doc_id", "position", "left", "keyword", "right"]


@pytest.mark.parametrize(
    ("query", "options", "message"),
    [
        ("", {}, "query is empty"),
        ("   ", {}, "query is empty"),
        (None, {}, "query must be a string"),
        ("ở", {"window": -1}, "window"),
        ("ở", {"doc_ids": ["a"]}, "1 ids for 4"),
    ],
)
def test_kwic_errors(query, options, message):
    with pytest.raises(CorpusError, match=message):
        kwic(KWIC_DOCS, query, **options)


def test_kwic_on_seeds(seeds):
    doc_ids, tokens = seeds
    table = kwic(tokens, "chạy chức chạy quyền", doc_ids=doc_ids)
    assert doc_ids[0] in set(table["doc_id"])
    assert set(table["keyword"]) == {"chạy chức chạy quyền"}
    assert kwic(tokens, "chức", doc_ids=doc_ids)["keyword"].eq("chức").all()


def test_kwic_takes_ids_from_mappings_and_pairs():
    expected = kwic(KWIC_DOCS, "chạy chức", doc_ids=["a", "b", "c", "d"])
    mapping = dict(zip("abcd", KWIC_DOCS, strict=True))
    assert kwic(mapping, "chạy chức").equals(expected)
    assert kwic(list(mapping.items()), "chạy chức").equals(expected)
    assert expected["doc_id"].tolist() == ["a", "b"]


def test_kwic_query_by_name():
    assert kwic(KWIC_DOCS, query="ở")["position"].tolist() == [3]


# --------------------------------------------------------------------------- concordance


RUNNING = {
    "a": ["Ban_Bí_thư", "(", "khóa", "XIII", ")", "chỉ_đạo", ",", "chống", "chạy_chức", "."],
    "b": ["Cán_bộ", "không", "được", "chạy_chức", "chạy_quyền"],
    "c": [],
}


def test_concordance_several_terms_in_their_order():
    table = concordance(RUNNING, ["chạy chức", "Ban Bí thư"], window=3)
    assert list(table.columns) == ["query", "doc_id", "position", "left", "keyword", "right"]
    assert rows(table, ["query", "doc_id", "left", "keyword", "right"]) == [
        ("chạy chức", "a", "XIII) chỉ đạo, chống", "chạy chức", "."),
        ("chạy chức", "b", "Cán bộ không được", "chạy chức", "chạy quyền"),
        ("Ban Bí thư", "a", "", "Ban Bí thư", "(khóa XIII) chỉ đạo"),
    ]


def test_concordance_window_counts_words_not_punctuation():
    # three words to the right of Ban Bí thư: khóa, XIII, chỉ đạo; the brackets come along
    table = concordance(RUNNING, ["Ban Bí thư"], window=3)
    assert table["right"].tolist() == ["(khóa XIII) chỉ đạo"]


def test_concordance_of_nfd_terms_and_empty_result():
    nfd = unicodedata.normalize("NFD", "CÁN BỘ")
    assert concordance(RUNNING, [nfd])["doc_id"].tolist() == ["b"]
    empty = concordance(RUNNING, ["bóng đá"])
    assert empty.empty and list(empty.columns)[:2] == ["query", "doc_id"]


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("cán bộ", "terms must be a list"),
        ([], "terms is empty"),
        (["  "], "a term is empty"),
        ([None], "each term must be a string"),
    ],
)
def test_concordance_term_errors(terms, message):
    with pytest.raises(CorpusError, match=message):
        concordance(RUNNING, terms)


def test_term_matcher_counts_equal_spellings_once():
    matcher = TermMatcher(["hoà bình", "Hòa_Bình", "cán bộ"])
    assert matcher.terms == ["hoà bình", "cán bộ"]
    assert matcher.spans(["hòa_bình", "cán", "bộ"]) == [(0, 0, 1), (1, 1, 3)]


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["họp", ",", "bàn", "."], "họp, bàn."),
        (["“", "Đảng", "”", "và", "(", "Nhà_nước", ")"], "“Đảng” và (Nhà nước)"),
        (["tăng", "5", "%", "…"], "tăng 5%…"),
        ([], ""),
    ],
)
def test_join_tokens(tokens, text):
    assert join_tokens(tokens) == text
