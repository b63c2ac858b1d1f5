"""Tests for corpus_tools.features.groups: counts per group of documents, and the choice
of the documents or groups a figure shows."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import (
    group_frequencies,
    group_sizes,
    group_term_matrix,
    group_tfidf_terms,
    join_groups,
    longest_documents,
    select_panels,
    top_tfidf_terms,
)
from corpus_tools.features.common import MISSING_GROUP, align_groups, group_order

from .helpers import rows

DOCS = {
    "a": ["cán_bộ", "cán_bộ", "đảng"],
    "b": ["cán_bộ", "bóng_đá", ","],
    "c": ["bóng_đá", "bóng_đá"],
    "d": [],
    "e": ["đảng"],
}
LABELS = {"a": "thời sự", "b": "thời sự", "c": "thể thao", "d": "thể thao", "e": None}


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        (["X", None, "", float("nan"), 3], ["X", MISSING_GROUP, MISSING_GROUP, MISSING_GROUP, "3"]),
        ({"a": "X", "c": "Y"}, ["X", MISSING_GROUP, "Y", MISSING_GROUP, MISSING_GROUP]),
    ],
    ids=["sequence", "mapping"],
)
def test_align_groups_keeps_every_document(groups, expected):
    assert align_groups(groups, ["a", "b", "c", "d", "e"]) == expected


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        (["X"], "got 1 group labels for 2 documents"),
        ({"z": "X"}, "holds none of the documents' ids"),
        ("X", "not one string"),
    ],
)
def test_align_groups_errors(groups, message):
    with pytest.raises(CorpusError, match=message):
        align_groups(groups, ["a", "b"])


def test_group_order_sorts_and_puts_the_missing_group_last():
    assert group_order(["2021-02", MISSING_GROUP, "2020-12", "2021-02"]) == [
        "2020-12",
        "2021-02",
        MISSING_GROUP,
    ]


# --------------------------------------------------------------------------- sizes and counts


def test_group_sizes_count_documents_and_words_not_punctuation():
    table = group_sizes(DOCS, LABELS)
    assert rows(table, ["group", "documents", "words"]) == [
        ("thể thao", 2, 2),
        ("thời sự", 2, 5),
        (MISSING_GROUP, 1, 1),
    ]


def test_group_frequencies_by_hand():
    # thời sự = a + b: cán_bộ 3, đảng 1, bóng_đá 1, "," 1 → 6 tokens (the counting
    # functions count every token they are given, as term_frequencies does).
    table = group_frequencies(DOCS, LABELS)
    assert list(table.columns) == ["group", "term", "token", "count", "per_10k", "doc_freq"]
    assert rows(table, ["group", "token", "count", "doc_freq"]) == [
        ("thể thao", "bóng_đá", 2, 1),
        ("thời sự", "cán_bộ", 3, 2),
        ("thời sự", ",", 1, 1),
        ("thời sự", "bóng_đá", 1, 1),
        ("thời sự", "đảng", 1, 1),
        (MISSING_GROUP, "đảng", 1, 1),
    ]
    assert table["per_10k"].tolist() == pytest.approx(
        [10_000, 5_000, 10_000 / 6, 10_000 / 6, 10_000 / 6, 10_000]
    )
    assert table.loc[1, "term"] == "cán bộ"


def test_group_frequencies_n_top_and_pairs_input():
    pairs = list(DOCS.items())
    table = group_frequencies(pairs, [LABELS[k] for k in DOCS], n_top=1)
    assert rows(table, ["group", "token"]) == [
        ("thể thao", "bóng_đá"),
        ("thời sự", "cán_bộ"),
        (MISSING_GROUP, "đảng"),
    ]


def test_group_frequencies_of_empty_documents_is_an_empty_table():
    table = group_frequencies([[], []], ["X", "Y"])
    assert table.empty and list(table.columns)[:3] == ["group", "term", "token"]


def test_group_term_matrix_per_10k_and_counts():
    matrix = group_term_matrix(DOCS, LABELS, n_top=2)
    # most frequent overall: cán_bộ 3, bóng_đá 3 (tie: token order, "b" < "c")
    assert matrix.index.tolist() == ["bóng đá", "cán bộ"]
    assert matrix.columns.tolist() == ["thể thao", "thời sự", MISSING_GROUP]
    counts = group_term_matrix(DOCS, LABELS, terms=["đảng"], value="count")
    assert counts.loc["đảng"].tolist() == [0, 1, 1]


def test_join_groups_is_dfm_group():
    joined = join_groups(DOCS, LABELS)
    assert joined == {
        "thể thao": ["bóng_đá", "bóng_đá"],
        "thời sự": ["cán_bộ", "cán_bộ", "đảng", "cán_bộ", "bóng_đá", ","],
        MISSING_GROUP: ["đảng"],
    }


def test_group_tfidf_terms_equal_tfidf_of_the_joined_groups():
    table = group_tfidf_terms(DOCS, LABELS, n_top=2)
    expected = top_tfidf_terms(join_groups(DOCS, LABELS), n_top=2)
    pd.testing.assert_frame_equal(table, expected.rename(columns={"doc_id": "group"}))
    assert table["group"].iloc[0] == "thể thao"


def test_group_counts_take_nfd_tokens_as_given():
    # Counting does not normalise (tokenize does); grouping must not lose NFD tokens.
    nfd = unicodedata.normalize("NFD", "đảng")
    table = group_frequencies([[nfd], [nfd]], ["X", "X"])
    assert table["count"].tolist() == [2]


# --------------------------------------------------------------------------- selections


def test_longest_documents_counts_words_and_keeps_corpus_order_for_ties():
    docs = {"a": ["ở", ",", ",", ","], "b": ["cán_bộ", "đảng"], "c": ["họp", "bàn"], "d": []}
    assert longest_documents(docs, n_top=3) == ["b", "c", "a"]


def test_select_panels_documents_and_groups():
    assert select_panels(DOCS, n_top=2) == (["a", "b"], "2 bài dài nhất trong 5 bài")
    assert select_panels(DOCS, n_top=12)[1] == "5 bài"
    shown, rule = select_panels(DOCS, LABELS, n_top=2)
    # the two largest groups (2 documents each), listed in label order
    assert (shown, rule) == (["thể thao", "thời sự"], "2 nhóm nhiều bài nhất trong 3 nhóm")


def test_select_panels_words_the_rule_in_english():
    assert select_panels(DOCS, n_top=2, lang="en") == (["a", "b"], "the 2 longest of 5 articles")
    assert select_panels(DOCS, n_top=12, lang="en")[1] == "5 articles"
    assert select_panels(DOCS, LABELS, n_top=2, lang="en")[1] == "the 2 largest of 3 groups"
    assert select_panels(DOCS, LABELS, lang="en")[1] == "3 groups"
    assert select_panels([["ở"]] * 2653, lang="en")[1] == "the 12 longest of 2,653 articles"


def test_select_panels_writes_thousands_the_vietnamese_way():
    docs = [["ở"]] * 2653
    assert select_panels(docs)[1] == "12 bài dài nhất trong 2.653 bài"


def test_group_counts_scale_to_many_documents_by_matrix_products():
    rng = np.random.default_rng(0)
    words = ["cán_bộ", "đảng", "bóng_đá", "kinh_tế", "ở"]
    docs = [list(rng.choice(words, size=20)) for _ in range(300)]
    labels = [f"2020-{i % 12 + 1:02d}" for i in range(300)]
    table = group_frequencies(docs, labels)
    assert table["count"].sum() == 300 * 20
    assert group_sizes(docs, labels)["documents"].tolist() == [25] * 12
