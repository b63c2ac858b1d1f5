"""Tests for corpus_tools.features.frequencies: counts, dispersion, tf·idf keywords, case.

Expected numbers are worked out by hand in the comments beside them (ln = natural log).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.errors import CorpusError, DuplicateIdError
from corpus_tools.features import (
    count_matrix,
    document_table,
    syllables_and_words,
    term_frequencies,
    tfidf_keyword_matrix,
    top_tfidf_terms,
    unify_case,
)
from corpus_tools.io import Document, read_corpus
from corpus_tools.segment import load_stopwords, tokenize_corpus

from .helpers import rows

# --------------------------------------------------------------------------- term_frequencies

TERM_FREQUENCY_CASES = [
    pytest.param(
        # 5 tokens; document shares s = (3/5, 2/5) = (0.6, 0.4).
        # cán_bộ: v = (2, 1), f = 3: DP = (|2/3 - 0.6| + |1/3 - 0.4|) / 2 = (1/15 + 1/15) / 2
        # đảng: v = (1, 0): DP = (|1 - 0.6| + |0 - 0.4|) / 2 = 0.4
        # ở: v = (0, 1): DP = (|0 - 0.6| + |1 - 0.4|) / 2 = 0.6
        # per_10k = count / 5 * 10,000
        [["cán_bộ", "cán_bộ", "đảng"], ["cán_bộ", "ở"]],
        [
            ("cán bộ", "cán_bộ", 3, 6000.0, 2, 1 / 15),
            ("đảng", "đảng", 1, 2000.0, 1, 0.4),
            ("ở", "ở", 1, 2000.0, 1, 0.6),
        ],
        id="two-documents",
    ),
    pytest.param(
        # Each word once in each of two equal documents: DP = (|1/2 - 1/2| * 2) / 2 = 0.
        # Equal counts are ordered by token: "đảng" < "ở".
        [["ở", "đảng"], ["đảng", "ở"]],
        [("đảng", "đảng", 2, 5000.0, 2, 0.0), ("ở", "ở", 2, 5000.0, 2, 0.0)],
        id="even-spread",
    ),
    pytest.param(
        # An empty document in the middle has share 0 and adds |0 - 0| = 0.
        # s = (1/4, 0, 3/4); Ý: v = (1, 0, 3), f = 4: DP = (0 + 0 + 0) / 2 = 0
        [["Ý"], [], ["Ý", "Ý", "Ý"]],
        [("Ý", "Ý", 4, 10000.0, 2, 0.0)],
        id="empty-document",
    ),
    pytest.param(
        # Empty-string tokens and an empty-string document count as nothing.
        [["đảng", ""], ""],
        [("đảng", "đảng", 1, 10000.0, 1, 0.0)],
        id="empty-strings",
    ),
    pytest.param(
        # A literal underscore is a token of its own, shown as "_".
        # 3 tokens in one document: "_" 2 / 3 * 10,000 = 6666.67; DP = 0 with one document.
        [["_", "đảng", "_"]],
        [("_", "_", 2, 20000 / 3, 1, 0.0), ("đảng", "đảng", 1, 10000 / 3, 1, 0.0)],
        id="literal-underscore",
    ),
]


@pytest.mark.parametrize(("docs", "expected"), TERM_FREQUENCY_CASES)
def test_term_frequencies(docs, expected):
    table = term_frequencies(docs)
    assert list(table.columns) == ["term", "token", "count", "per_10k", "doc_freq", "dp"]
    got = rows(table, list(table.columns))
    assert [row[:3] for row in got] == [row[:3] for row in expected]
    assert [row[4] for row in got] == [row[4] for row in expected]
    assert np.allclose([row[3] for row in got], [row[3] for row in expected])
    assert np.allclose([row[5] for row in got], [row[5] for row in expected])


def test_term_frequencies_by_doc():
    # Per 10k within each document: a has 3 tokens, b has 2.
    # a: cán_bộ 2 / 3 * 10,000 = 6666.67, đảng 1 / 3 * 10,000 = 3333.33
    # b: cán_bộ 1 / 2 * 10,000 = 5000, ở 5000 (tie: "cán_bộ" < "ở")
    table = term_frequencies(
        [["đảng", "cán_bộ", "cán_bộ"], [], ["ở", "cán_bộ"]], by_doc=True, doc_ids=["a", "e", "b"]
    )
    assert list(table.columns) == ["doc_id", "term", "token", "count", "per_10k"]
    assert rows(table, ["doc_id", "term", "token", "count"]) == [
        ("a", "cán bộ", "cán_bộ", 2),
        ("a", "đảng", "đảng", 1),
        ("b", "cán bộ", "cán_bộ", 1),
        ("b", "ở", "ở", 1),
    ]
    assert np.allclose(table["per_10k"], [20000 / 3, 10000 / 3, 5000, 5000])


def test_term_frequencies_default_doc_ids():
    table = term_frequencies([["ở"], ["đảng"]], by_doc=True)
    assert table["doc_id"].tolist() == ["0", "1"]


@pytest.mark.parametrize("docs", [[], [[]], [[], [""]], [""]])
@pytest.mark.parametrize("by_doc", [False, True])
def test_term_frequencies_without_tokens_is_empty(docs, by_doc):
    table = term_frequencies(docs, by_doc=by_doc)
    assert table.empty
    assert "token" in table.columns and "count" in table.columns


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["đảng", "cán_bộ", "ở", "Ý", "_"]), max_size=8),
        min_size=1,
        max_size=6,
    )
)
def test_term_frequencies_invariants(docs):
    table = term_frequencies(docs)
    assert table["count"].sum() == sum(map(len, docs))
    assert ((table["dp"] >= 0) & (table["dp"] <= 1)).all()
    assert (table["doc_freq"] <= len(docs)).all()
    if len(table):
        assert math.isclose(table["per_10k"].sum(), 10_000)


# --------------------------------------------------------------------------- top_tfidf_terms


def test_top_tfidf_terms_by_hand():
    # n = 3 documents (the empty one counts for idf, as in scikit-learn).
    # idf: cán_bộ, ở, cơ_sở (df 1) = ln(4/2) + 1 = 1.693147; đảng (df 2) = ln(4/3) + 1
    # = 1.287682.
    # Doc a: (cán_bộ 2 * 1.693147, đảng 1.287682) = (3.386294, 1.287682), length
    #        sqrt(11.467 + 1.658125) = 3.622865: (0.934702, 0.355432)
    # Doc c: (đảng 1.287682, ở 1.693147, cơ_sở 1.693147), length
    #        sqrt(1.658125 + 2 * 2.866747) = 2.718753: (0.473630, 0.622766, 0.622766);
    #        the tie ở / cơ_sở goes to "cơ_sở" < "ở".
    # Doc b is empty: no rows.
    docs = [["cán_bộ", "cán_bộ", "đảng"], [], ["đảng", "ở", "cơ_sở"]]
    table = top_tfidf_terms(docs, n_top=2, doc_ids=["a", "b", "c"])
    assert list(table.columns) == ["doc_id", "rank", "term", "token", "score"]
    assert rows(table, ["doc_id", "rank", "term", "token"]) == [
        ("a", 1, "cán bộ", "cán_bộ"),
        ("a", 2, "đảng", "đảng"),
        ("c", 1, "cơ sở", "cơ_sở"),
        ("c", 2, "ở", "ở"),
    ]
    assert np.allclose(table["score"], [0.934702, 0.355432, 0.622766, 0.622766], atol=1e-6)


def test_top_tfidf_terms_is_deterministic_on_ties():
    # Every word once, in one document: all scores equal, so order is by token.
    table = top_tfidf_terms([["ở", "đảng", "cán_bộ", "Ý"]], n_top=3)
    assert table["token"].tolist() == ["cán_bộ", "Ý", "đảng"]
    assert table["rank"].tolist() == [1, 2, 3]


@pytest.mark.parametrize(
    ("options", "message"),
    [({"n_top": 0}, "n_top"), ({"doc_ids": ["a"]}, "1 ids for 2"), ({"min_df": 3}, "min_df")],
)
def test_top_tfidf_terms_errors(options, message):
    with pytest.raises(CorpusError, match=message):
        top_tfidf_terms([["ở"], ["đảng"]], **options)


def test_duplicate_doc_ids():
    with pytest.raises(DuplicateIdError, match="share the id 'a'"):
        top_tfidf_terms([["ở"], ["đảng"]], doc_ids=["a", "a"])


# --------------------------------------------------------------------------- case


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        # "Đảng" twice against "đảng" once: the capitalised form wins.
        ([["Đảng", "đảng"], ["Đảng"]], [["Đảng", "Đảng"], ["Đảng"]]),
        # A sentence-initial capital loses to the usual lowercase form.
        ([["Công_tác", "công_tác", "công_tác"]], [["công_tác", "công_tác", "công_tác"]]),
        # A tie goes to the form with fewer capitals.
        ([["Cán_bộ", "cán_bộ"]], [["cán_bộ", "cán_bộ"]]),
        ([[], ["ở"]], [[], ["ở"]]),
    ],
)
def test_unify_case(docs, expected):
    assert unify_case(docs) == expected


def test_unify_case_counts_like_lowercase(seeds):
    _, tokens = seeds  # lowercased
    words = tokenize_corpus(read_corpus(), stopwords=load_stopwords(), keep_numbers=False)
    unified = term_frequencies(unify_case(words))
    lowered = term_frequencies(tokens)
    assert sorted(unified["count"]) == sorted(lowered["count"])
    assert "Bộ_Chính_trị" in set(unified["token"])


def test_count_matrix_keeps_every_listed_row_and_orders_columns_by_total():
    mentions = pd.DataFrame(
        {"doc_id": ["000", "000", "003", "003", "003"],
         "reference_id": ["205-QĐ/TW", "05-CT/TW", "205-QĐ/TW", "05-CT/TW", "05-CT/TW"]}
    )  # fmt: skip
    table = count_matrix(
        mentions, rows="doc_id", columns="reference_id", row_order=["000", "001", "003"]
    )
    assert table.columns.tolist() == ["05-CT/TW", "205-QĐ/TW"]  # 3 mentions before 2
    assert table.to_numpy().tolist() == [[1, 1], [0, 0], [2, 1]]
    assert count_matrix(
        mentions.iloc[:0], rows="doc_id", columns="reference_id", row_order=["a"]
    ).shape == (1, 0)


# --------------------------------------------------------------------------- ids travel with tokens

CASE_DOCS = {"a": ["Đảng", "đảng"], "b": ["Đảng", "Công_tác", "công_tác", "công_tác"]}
CASE_UNIFIED = {"a": ["Đảng", "Đảng"], "b": ["Đảng", "công_tác", "công_tác", "công_tác"]}


def test_unify_case_keeps_a_mapping():
    unified = unify_case(CASE_DOCS)
    assert unified == CASE_UNIFIED
    assert isinstance(unified, dict) and list(unified) == ["a", "b"]


def test_unify_case_keeps_pairs_even_with_repeated_ids():
    pairs = [("a", ["Đảng", "đảng"]), ("a", ["Đảng"]), ("b", ["", "Đảng"])]
    assert unify_case(pairs) == [("a", ["Đảng", "Đảng"]), ("a", ["Đảng"]), ("b", ["Đảng"])]
    assert unify_case(iter(CASE_DOCS.items())) == list(CASE_UNIFIED.items())


def test_unify_case_keeps_token_lists():
    assert unify_case(iter(CASE_DOCS.values())) == list(CASE_UNIFIED.values())


@pytest.mark.parametrize("form", [CASE_DOCS, list(CASE_DOCS.items())], ids=["mapping", "pairs"])
@pytest.mark.parametrize("by_doc", [False, True])
def test_frequencies_take_ids_from_mappings_and_pairs(form, by_doc):
    got = term_frequencies(form, by_doc=by_doc)
    expected = term_frequencies(list(CASE_DOCS.values()), by_doc=by_doc, doc_ids=["a", "b"])
    pd.testing.assert_frame_equal(got, expected)
    keywords = top_tfidf_terms(form, n_top=2)
    assert keywords["doc_id"].unique().tolist() == ["a", "b"]
    assert tfidf_keyword_matrix(form, n_top=1).index.tolist() == ["a", "b"]


def test_frequencies_reject_duplicate_ids_in_pairs():
    with pytest.raises(DuplicateIdError, match="share the id 'a'"):
        term_frequencies([("a", ["ở"]), ("a", ["đảng"])])


# --------------------------------------------------------------------------- overview tables


def test_syllables_and_words_level_column():
    # Syllables of words only, lowercased: tổ, chức, chạy, chức, cán, bộ: "chức" twice,
    # then ties by token ("bộ" first). Words as given, each once: "," < "Cán_bộ".
    table = syllables_and_words([["tổ_chức", "chạy_chức"], ["Cán_bộ", ","]], n_top=2)
    assert table.columns.tolist() == ["level", "rank", "term", "token", "count"]
    assert rows(table, ["level", "rank", "token", "count"]) == [
        ("syllable", 1, "chức", 2),
        ("syllable", 2, "bộ", 1),
        ("word", 1, ",", 1),
        ("word", 2, "Cán_bộ", 1),
    ]


def test_syllables_and_words_of_nothing_keeps_the_column_types():
    table = syllables_and_words([[]])
    assert table.empty
    for column in ("level", "term", "token"):  # were float64 for a corpus without words
        assert not pd.api.types.is_numeric_dtype(table[column])
    assert table["count"].dtype == table["rank"].dtype == "int64"


def test_document_table_takes_pairs_with_the_documents_ids():
    docs = [Document("a", title="Tin", paragraphs=("Bộ Chính trị họp.",)), Document("b")]
    pairs = [("a", ["Bộ_Chính_trị", "họp", "."]), ("b", [])]
    table = document_table(docs, pairs)
    assert rows(table, ["doc_id", "syllables", "words", "distinct_words"]) == [
        ("a", 4, 2, 2),
        ("b", 0, 0, 0),
    ]
    pd.testing.assert_frame_equal(table, document_table(docs, dict(pairs)))
    with pytest.raises(CorpusError, match="not the documents' ids"):
        document_table(docs, [("b", []), ("a", ["họp"])])
    with pytest.raises(CorpusError, match="got 2 documents but 1 token lists"):
        document_table(docs, [["họp"]])


# --------------------------------------------------------------------------- filter_tokens


def test_filtering_running_tokens_equals_segmenting_with_the_filters():
    from corpus_tools.features import filter_tokens
    from corpus_tools.segment import load_stopwords, tokenize

    text = "Năm 2020, Bộ Chính trị đã ban hành Quy định 205-QĐ/TW về công tác cán bộ."
    running = tokenize(text, keep_punct=True)
    options = {"stopwords": load_stopwords(), "keep_numbers": False}
    assert filter_tokens([running], **options) == [tokenize(text, **options)]
    assert filter_tokens({"a": running}, lowercase=True)["a"] == tokenize(text, lowercase=True)
    pairs = filter_tokens([("a", running), ("a", ["."])])
    assert pairs[1] == ("a", []) and pairs[0][1] == tokenize(text)


def test_tfidf_keyword_matrix_rows_keep_the_shown_documents_and_their_keywords():
    docs = {"a": ["cán_bộ", "ở"], "b": ["đảng", "ở"], "c": ["bóng_đá", "ở"]}
    full = tfidf_keyword_matrix(docs, n_top=1)
    part = tfidf_keyword_matrix(docs, n_top=1, rows=["c", "a"])
    assert part.index.tolist() == ["c", "a"] and part.columns.tolist() == ["bóng_đá", "cán_bộ"]
    assert part.loc["a", "cán_bộ"] == full.loc["a", "cán_bộ"]  # idf from every document
    with pytest.raises(CorpusError, match="'z', which is not a document id"):
        tfidf_keyword_matrix(docs, rows=["z"])
