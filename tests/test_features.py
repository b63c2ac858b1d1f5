"""Tests for corpus_tools.features.

Expected numbers are worked out by hand in the comments beside them (ln = natural log).
For a chi-square with one degree of freedom the tail is p = erfc(sqrt(G² / 2)).
"""

from __future__ import annotations

import math
import pickle
import unicodedata

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from corpus_tools.errors import CorpusError, DuplicateIdError
from corpus_tools.features import (
    NgramAnalyzer,
    collocations,
    count_matrix,
    document_similarity,
    document_term_matrix,
    keyness,
    keyness_by_document,
    kwic,
    make_vectorizer,
    term_frequencies,
    token_analyzer,
    top_tfidf_terms,
    unify_case,
    word_candidates,
)
from corpus_tools.io import read_corpus
from corpus_tools.segment import load_stopwords, tokenize_corpus

LN = math.log


@pytest.fixture(scope="module")
def seeds() -> tuple[list[str], list[list[str]]]:
    """The five seed articles, tokenized once for this module (about 2 s)."""
    docs = read_corpus()
    tokens = tokenize_corpus(docs, lowercase=True, stopwords=load_stopwords(), keep_numbers=False)
    return [doc.doc_id for doc in docs], tokens


def rows(table: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return list(table[columns].itertuples(index=False, name=None))


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


# --------------------------------------------------------------------------- document_term_matrix


def test_matrix_keeps_one_letter_words():
    matrix, vocabulary = document_term_matrix([["ở", "Ý", "cán_bộ", "ở"], ["ở"]])
    assert isinstance(matrix, sp.csr_matrix)
    assert vocabulary.tolist() == ["cán_bộ", "Ý", "ở"]
    assert matrix.toarray().tolist() == [[1, 1, 2], [0, 0, 1]]


def test_matrix_tfidf_by_hand():
    # n = 2 documents. Smoothed idf = ln((1 + n) / (1 + df)) + 1:
    # đảng (df 2): ln(3/3) + 1 = 1; ở (df 1): ln(3/2) + 1 = 1.405465
    # Row 0 = (1, 1.405465) / sqrt(1 + 1.975332) = (0.579739, 0.814802); row 1 = (1, 0).
    matrix, vocabulary = document_term_matrix([["đảng", "ở"], ["đảng"]], weighting="tfidf")
    assert vocabulary.tolist() == ["đảng", "ở"]
    assert np.allclose(matrix.toarray(), [[0.579739, 0.814802], [1.0, 0.0]], atol=1e-6)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["chạy_chức", "chạy_quyền", "chống"]),
        (
            {"ngram_range": (1, 2)},
            ["chạy_chức", "chạy_chức chạy_quyền", "chạy_quyền", "chống", "chống chạy_chức"],
        ),
        ({"ngram_range": (2, 2)}, ["chạy_chức chạy_quyền", "chống chạy_chức"]),
        # df: chạy_chức 2, chạy_quyền 1, chống 1 (two documents)
        ({"min_df": 2}, ["chạy_chức"]),
        ({"max_df": 0.5}, ["chạy_quyền", "chống"]),
        ({"max_df": 1}, ["chạy_quyền", "chống"]),
    ],
)
def test_matrix_options(options, expected):
    _, vocabulary = document_term_matrix(
        [["chống", "chạy_chức", "chạy_quyền"], ["chạy_chức"]], **options
    )
    assert vocabulary.tolist() == expected


@pytest.mark.parametrize("weighting", ["count", "tfidf"])
@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 2)])
def test_vectorizer_pickles(weighting, ngram_range):
    docs = [["chống", "chạy_chức", "chạy_quyền"], ["ở", "cơ_sở"]]
    vectorizer = make_vectorizer(weighting=weighting, ngram_range=ngram_range).fit(docs)
    restored = pickle.loads(pickle.dumps(vectorizer))
    assert (restored.transform(docs) != vectorizer.transform(docs)).nnz == 0


def test_make_vectorizer_settings():
    count = make_vectorizer()
    tfidf = make_vectorizer(weighting="tfidf", ngram_range=(1, 3), sublinear_tf=True)
    assert type(count) is CountVectorizer and isinstance(tfidf, TfidfVectorizer)
    assert count.analyzer is token_analyzer
    assert tfidf.analyzer == NgramAnalyzer((1, 3))
    assert (tfidf.norm, tfidf.smooth_idf, tfidf.sublinear_tf) == ("l2", True, True)


def test_stopword_only_documents_raise():
    tokens = tokenize_corpus(["và các của", "Những"], stopwords=load_stopwords())
    assert tokens == [[], []]
    with pytest.raises(CorpusError, match="empty"):
        document_term_matrix(tokens)


@pytest.mark.parametrize(
    ("docs", "options", "message"),
    [
        ([], {}, "no documents"),
        ([[], []], {}, "all 2 documents are empty"),
        ([[""], ""], {}, "empty"),
        ([["ở"], ["đảng"]], {"min_df": 3}, "lower min_df"),
        ([["ở"], ["đảng"]], {"max_df": 0.2}, "raise max_df"),
        ([["ở"], ["ở"]], {"min_df": 2, "max_df": 1}, "lower min_df or raise max_df"),
        ([["ở", "đảng"], ["ở"]], {"ngram_range": (3, 3)}, "ngram_range"),
        ([["ở"]], {"weighting": "bm25"}, "weighting"),
        ([["ở"]], {"ngram_range": (2, 1)}, "min_n > max_n"),
        ([["ở"]], {"ngram_range": (0, 1)}, "ngram_range"),
        ([["ở"]], {"ngram_range": 2}, "pair"),
        ([["ở"]], {"min_df": 0}, "min_df"),
        ([["ở"]], {"max_df": 1.5}, "max_df"),
        ("cán bộ ở cơ sở", {}, "one string"),
        (["cán bộ", "ở"], {}, "not a token list"),
    ],
)
def test_matrix_errors(docs, options, message):
    with pytest.raises(CorpusError, match=message):
        document_term_matrix(docs, **options)


def test_sublinear_tf_needs_tfidf():
    with pytest.raises(CorpusError, match="tfidf"):
        make_vectorizer(sublinear_tf=True)


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


# --------------------------------------------------------------------------- keyness

# Target ["cán_bộ" x3, "đảng"], reference ["cán_bộ", "đảng" x3]: for cán_bộ the table is
# [[3, 1], [1, 3]] (word / other words x target / reference), N = 8, every E = 2:
# G² = 2 (3 ln(3/2) + 1 ln(1/2) + 1 ln(1/2) + 3 ln(3/2)) = 12 ln 1.5 - 4 ln 2 = 2.092993
G2_SYMMETRIC = 12 * LN(1.5) - 4 * LN(2)
# Target ["ở" x2, "đảng" x2], reference ["đảng" x4]: for ở the table is [[2, 0], [2, 4]],
# rows 2 / 6, columns 4 / 4, N = 8: E = [[1, 1], [3, 3]]:
# G² = 2 (2 ln 2 + 0 + 2 ln(2/3) + 4 ln(4/3)) = 3.452184; đảng has the mirror table.
G2_ABSENT = 2 * (2 * LN(2) + 2 * LN(2 / 3) + 4 * LN(4 / 3))

KEYNESS_CASES = [
    pytest.param(
        ["cán_bộ", "cán_bộ", "cán_bộ", "đảng"],
        ["cán_bộ", "đảng", "đảng", "đảng"],
        # log_ratio cán_bộ = log2((3/4) / (1/4)) = log2 3; đảng = log2((1/4) / (3/4))
        # per_10k: 3 / 4 * 10,000 = 7500, 1 / 4 * 10,000 = 2500
        [
            ("cán_bộ", 3, 1, 7500.0, 2500.0, G2_SYMMETRIC, math.log2(3)),
            ("đảng", 1, 3, 2500.0, 7500.0, -G2_SYMMETRIC, -math.log2(3)),
        ],
        id="symmetric",
    ),
    pytest.param(
        ["ở", "ở", "đảng", "đảng"],
        [["đảng", "đảng"], ["đảng", "đảng"]],
        # ở is absent from the reference: its 0 becomes 0.5, log2((2/4) / (0.5/4)) = 2
        # đảng: log2((2/4) / (4/4)) = -1
        [
            ("ở", 2, 0, 5000.0, 0.0, G2_ABSENT, 2.0),
            ("đảng", 2, 4, 5000.0, 10000.0, -G2_ABSENT, -1.0),
        ],
        id="absent-from-reference",
    ),
    pytest.param(
        [["ở", "ở"], [], ["đảng", "", "đảng"]],
        ["đảng"] * 4,
        [
            ("ở", 2, 0, 5000.0, 0.0, G2_ABSENT, 2.0),
            ("đảng", 2, 4, 5000.0, 10000.0, -G2_ABSENT, -1.0),
        ],
        id="token-lists-with-empty-document",
    ),
]


@pytest.mark.parametrize(("target", "reference", "expected"), KEYNESS_CASES)
def test_keyness_by_hand(target, reference, expected):
    table = keyness(target, reference, min_count=1)
    assert list(table.columns) == [
        "term",
        "token",
        "target_count",
        "reference_count",
        "target_per_10k",
        "reference_per_10k",
        "g2",
        "p_value",
        "log_ratio",
    ]
    assert rows(table, ["token", "target_count", "reference_count"]) == [r[:3] for r in expected]
    numbers = ["target_per_10k", "reference_per_10k", "g2", "log_ratio"]
    assert np.allclose(table[numbers].to_numpy(), [r[3:] for r in expected])
    p_values = [math.erfc(math.sqrt(abs(r[5]) / 2)) for r in expected]
    assert np.allclose(table["p_value"], p_values)


def test_keyness_group_against_group():
    groups = [["cán_bộ", "cán_bộ"], ["cán_bộ", "đảng"], ["đảng", "cán_bộ"], ["đảng", "đảng"]]
    # Group 1 (docs 0-1) against group 2 (docs 2-3) is the "symmetric" case above.
    table = keyness(groups[:2], groups[2:], min_count=1)
    assert table["token"].tolist() == ["cán_bộ", "đảng"]
    assert np.allclose(table["g2"], [G2_SYMMETRIC, -G2_SYMMETRIC])


def test_keyness_min_count():
    table = keyness(["ở", "ở", "đảng"], ["đảng", "cán_bộ"], min_count=2)
    assert table["token"].tolist() == ["ở"]
    assert keyness(["ở"], ["đảng"], min_count=2).empty


def test_keyness_zero_g2_when_equal():
    # Same proportions on both sides: G² = 0, p = 1, log ratio = 0.
    table = keyness(["ở", "đảng"], ["đảng", "ở"])
    assert np.allclose(table["g2"], 0) and np.allclose(table["p_value"], 1)
    assert np.allclose(table["log_ratio"], 0)


@pytest.mark.parametrize(
    ("target", "reference", "message"),
    [
        ([], ["ở"], "target_tokens holds no tokens"),
        ([[], [""]], ["ở"], "target_tokens holds no tokens"),
        (["ở"], [], "reference_tokens holds no tokens"),
        (["ở"], [["ở"], "đảng"], "mixes tokens and token lists"),
        ("ở đảng", ["ở"], "one string"),
    ],
)
def test_keyness_errors(target, reference, message):
    with pytest.raises(CorpusError, match=message):
        keyness(target, reference)


def test_keyness_by_document_by_hand():
    # Document a against b is the "absent-from-reference" case; b against a mirrors it:
    # đảng in b: table [[4, 2], [0, 2]] is the same table transposed, G² = +3.452184.
    docs = [["ở", "ở", "đảng", "đảng"], ["đảng"] * 4]
    table = keyness_by_document(docs, ["a", "b"])
    assert list(table.columns)[:3] == ["doc_id", "term", "token"]
    assert rows(table, ["doc_id", "token", "target_count", "reference_count"]) == [
        ("a", "ở", 2, 0),
        ("a", "đảng", 2, 4),
        ("b", "đảng", 4, 2),
    ]
    assert np.allclose(table["g2"], [G2_ABSENT, -G2_ABSENT, G2_ABSENT])
    top = keyness_by_document(docs, ["a", "b"], n_top=1)
    assert rows(top, ["doc_id", "token"]) == [("a", "ở"), ("b", "đảng")]


@pytest.mark.parametrize(
    ("docs", "options", "message"),
    [
        ([["ở", "đảng"]], {}, "at least two documents"),
        ([["ở", "đảng"], [], [""]], {}, "1 of 3 have any"),
        ([[], []], {}, "0 of 2"),
        ([["ở"], ["đảng"]], {"n_top": 0}, "n_top"),
        ([["ở"], ["đảng"]], {"min_count": 0}, "min_count"),
    ],
)
def test_keyness_by_document_errors(docs, options, message):
    with pytest.raises(CorpusError, match=message):
        keyness_by_document(docs, **options)


def test_seed_article_000_key_terms(seeds):
    """Acceptance: in article 000 against the other four, chạy chức / chạy quyền are key.

    By hand, from the counts at the time of writing (titles included, stopwords and
    numbers dropped): article 000 has 290 tokens with chạy_chức 3 times (title and body);
    the other four have 2092 tokens with it 4 times (001: 2, 003: 1, 004: 1). The table
    [[3, 4], [287, 2088]] has N = 2382, E11 = 7 * 290 / 2382 = 0.8522, E12 = 6.1478,
    E21 = 289.1478, E22 = 2085.8522, so G² = 2 (3 ln(3/0.8522) + 4 ln(4/6.1478)
    + 287 ln(287/289.1478) + 2088 ln(2088/2085.8522)) = 4.13; chạy_quyền is the same.
    With the default min_count=2 that ranks them 16th and 17th.
    """
    doc_ids, tokens = seeds
    assert doc_ids[0].startswith("000_")
    table = keyness(tokens[0], tokens[1:])
    top = table.head(20)["token"].tolist()
    assert "chạy_chức" in top and "chạy_quyền" in top
    row = table.set_index("token").loc["chạy_chức"]
    a, b = row["target_count"], row["reference_count"]
    c, d = len(tokens[0]), sum(map(len, tokens[1:]))
    n = c + d
    cells = [(a, c * (a + b) / n), (b, d * (a + b) / n)]
    cells += [(c - a, c * (n - a - b) / n), (d - b, d * (n - a - b) / n)]
    assert math.isclose(row["g2"], 2 * sum(o * LN(o / e) for o, e in cells if o))
    # The same numbers come out of keyness_by_document.
    by_doc = keyness_by_document(tokens, doc_ids)
    first = by_doc[by_doc["doc_id"] == doc_ids[0]].reset_index(drop=True)
    pd.testing.assert_frame_equal(first.drop(columns="doc_id"), table, check_dtype=False)


# --------------------------------------------------------------------------- collocations


def test_word_collocations_by_hand():
    # Pairs (the comma breaks one): (cán_bộ, đảng_viên) x2, (đảng_viên, cán_bộ) x1; N = 3.
    # cán_bộ opens 2 pairs, đảng_viên closes 2: PMI = log2(2 * 3 / (2 * 2)) = log2 1.5
    # Table [[2, 0], [0, 1]]: E = [[4/3, 2/3], [2/3, 1/3]],
    # LLR = 2 (2 ln(2 / (4/3)) + 1 ln(1 / (1/3))) = 2 (2 ln 1.5 + ln 3) = 3.819085
    docs = [["cán_bộ", "đảng_viên", ",", "cán_bộ", "đảng_viên", "cán_bộ"]]
    table = collocations(docs, min_count=2)
    assert list(table.columns) == ["first", "second", "collocation", "count", "pmi", "llr"]
    assert rows(table, ["first", "second", "collocation", "count"]) == [
        ("cán_bộ", "đảng_viên", "cán bộ đảng viên", 2)
    ]
    assert math.isclose(table.loc[0, "pmi"], math.log2(1.5))
    assert math.isclose(table.loc[0, "llr"], 2 * (2 * LN(1.5) + LN(3)))


def test_syllable_collocations_by_hand():
    # Syllables: cán bộ | đảng viên , cán bộ | đảng viên | cán bộ  (| = word boundary)
    # Pairs: (cán, bộ) x3 within, (bộ, đảng) x2 across, (đảng, viên) x2 within,
    # (viên, cán) x1 across; N = 8.
    # PMI (bộ, đảng) = log2(2 * 8 / (2 * 2)) = 2; (đảng, viên) = 2;
    # (cán, bộ) = log2(3 * 8 / (3 * 3)) = 1.415037.
    # LLR (bộ, đảng): table [[2, 0], [0, 6]], E = [[0.5, 1.5], [1.5, 4.5]]:
    # 2 (2 ln 4 + 6 ln(6 / 4.5)) = 8.997362. The tie on PMI goes to the larger count,
    # then to "bộ" < "đảng".
    docs = [["cán_bộ", "đảng_viên", ",", "cán_bộ", "đảng_viên", "cán_bộ"]]
    table = collocations(docs, level="syllable", min_count=2)
    assert rows(table, ["first", "second", "count", "within_word", "candidate_word"]) == [
        ("bộ", "đảng", 2, False, False),
        ("đảng", "viên", 2, True, False),
        ("cán", "bộ", 3, True, False),
    ]
    assert np.allclose(table["pmi"], [2.0, 2.0, math.log2(24 / 9)])
    assert math.isclose(table.loc[0, "llr"], 2 * (2 * LN(4) + 6 * LN(6 / 4.5)))
    by_llr = collocations(docs, level="syllable", min_count=2, measure="llr")
    assert by_llr["llr"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("docs", "level", "expected"),
    [
        # No pair spans punctuation, a literal "_" or two documents.
        ([["cán_bộ", ",", "đảng_viên"]], "word", []),
        ([["cán_bộ", "_", "đảng_viên"]], "word", []),
        ([["cán_bộ"], ["đảng_viên"]], "word", []),
        ([["cán_bộ", ",", "đảng_viên"]], "syllable", [("cán", "bộ"), ("đảng", "viên")]),
        ([["ở"], [], ["Ý", "ở"]], "word", [("Ý", "ở")]),
        ([], "syllable", []),
    ],
)
def test_collocation_barriers(docs, level, expected):
    table = collocations(docs, level=level, min_count=1)
    assert sorted(rows(table, ["first", "second"])) == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [({"level": "char"}, "level"), ({"measure": "t"}, "measure"), ({"min_count": 0}, "min_count")],
)
def test_collocation_errors(options, message):
    with pytest.raises(CorpusError, match=message):
        collocations([["ở"]], **options)


# Three sentences with "chạy chức" cut into two one-syllable tokens each time.
# Pairs: (chạy, chức) x3, (chức, là), (là, sai), (chống, chạy), (chức, ở), (ở, cơ),
# (cơ, sở) within, (chức, bị), (bị, kỷ), (kỷ, luật) within: N = 12.
# (chạy, chức): 3 of 3 openings by chạy, 3 of 3 closings by chức:
# PMI = log2(3 * 12 / (3 * 3)) = 2; table [[3, 0], [0, 9]], E = [[0.75, 2.25], [2.25, 6.75]]:
# LLR = 2 (3 ln 4 + 9 ln(9 / 6.75)) = 13.496044 >= 10.83, so it is a candidate word.
SPLIT_WORD = [
    ["chạy", "chức", "là", "sai", "."],
    ["chống", "chạy", "chức", "ở", "cơ_sở"],
    ["chạy", "chức", "bị", "kỷ_luật"],
]
# The same with "chạy_chức" and "chạy_quyền" as two tokens: the pair (chức, chạy) crosses
# the boundary 3 times. Pairs: 5 + 7 + 6 = 18; chức opens 3, chạy closes 4 (also after
# chống): PMI = log2(3 * 18 / (3 * 4)) = log2 4.5; table [[3, 0], [1, 14]],
# E = [[2/3, 7/3], [10/3, 35/3]]: LLR = 2 (3 ln 4.5 + ln 0.3 + 14 ln 1.2) = 11.721532.
SPLIT_PHRASE = [
    ["chạy_chức", "chạy_quyền", "là", "sai"],
    ["chống", "chạy_chức", "chạy_quyền", "ở", "cơ_sở"],
    ["chạy_chức", "chạy_quyền", "bị", "kỷ_luật"],
]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        (SPLIT_WORD, [("chạy chức", "chạy chức", 3, 2.0, 2 * (3 * LN(4) + 9 * LN(9 / 6.75)))]),
        (
            SPLIT_PHRASE,
            [
                (
                    "chạy chức chạy quyền",
                    "chức chạy",
                    3,
                    math.log2(4.5),
                    2 * (3 * LN(4.5) + LN(0.3) + 14 * LN(1.2)),
                )
            ],
        ),
        ([["chạy", "chức"]] * 2, []),  # too rare
    ],
)
def test_word_candidates_by_hand(docs, expected):
    table = word_candidates(docs, min_count=3)
    assert list(table.columns) == ["word", "collocation", "count", "pmi", "llr"]
    assert rows(table, ["word", "collocation", "count"]) == [row[:3] for row in expected]
    if expected:
        assert np.allclose(table[["pmi", "llr"]].to_numpy(), [r[3:] for r in expected])
    syllable_table = collocations(docs, level="syllable", min_count=3)
    assert syllable_table["candidate_word"].sum() == len(expected)


def test_word_candidates_skip_numbers():
    # "năm 2020" crosses a boundary often, but a number is not a syllable of a word.
    docs = [["năm", "2020", "tốt"], ["năm", "2020", "xấu"], ["năm", "2020", "."]] * 3
    assert word_candidates(docs, min_count=3).empty


def test_word_candidates_feed_the_tokenizer():
    words = word_candidates(SPLIT_PHRASE)["word"].tolist()
    tokens = tokenize_corpus(["Kiên quyết chống chạy chức chạy quyền."], user_words=words)
    assert tokens == [["Kiên_quyết", "chống", "chạy_chức_chạy_quyền"]]


# --------------------------------------------------------------------------- kwic

KWIC_DOCS = [
    ["chống", "chạy_chức", "chạy_quyền", "ở", "cơ_sở"],
    ["chức", "vụ", "Chạy_chức"],
    ["chạy_chức_chạy_quyền", "_", "hòa_bình"],
    [],
]


@pytest.mark.parametrize(
    ("term", "expected"),
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
def test_kwic_matches(term, expected):
    table = kwic(KWIC_DOCS, term)
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
    ("term", "options", "message"),
    [
        ("", {}, "term is empty"),
        ("   ", {}, "term is empty"),
        (None, {}, "term must be a string"),
        ("ở", {"window": -1}, "window"),
        ("ở", {"doc_ids": ["a"]}, "1 ids for 4"),
    ],
)
def test_kwic_errors(term, options, message):
    with pytest.raises(CorpusError, match=message):
        kwic(KWIC_DOCS, term, **options)


def test_kwic_on_seeds(seeds):
    doc_ids, tokens = seeds
    table = kwic(tokens, "chạy chức chạy quyền", doc_ids=doc_ids)
    assert doc_ids[0] in set(table["doc_id"])
    assert set(table["keyword"]) == {"chạy chức chạy quyền"}
    assert kwic(tokens, "chức", doc_ids=doc_ids)["keyword"].eq("chức").all()


# --------------------------------------------------------------------------- similarity


def test_document_similarity_by_hand():
    # n = 3. idf: đảng (df 2) ln(4/3) + 1 = 1.287682; ở, cơ_sở (df 1) ln(4/2) + 1 = 1.693147.
    # a = (1.287682, 1.693147, 0) / 2.127175; b = (1, 0, 0); c = (0, 0, 1).
    # cos(a, b) = 1.287682 / 2.127175 = 0.605349; c shares nothing: 0.
    docs = [["đảng", "ở"], ["đảng"], ["cơ_sở"]]
    table = document_similarity(docs, doc_ids=["a", "b", "c"])
    assert table.index.tolist() == ["a", "b", "c"] and table.columns.tolist() == ["a", "b", "c"]
    expected = [[1, 0.605349, 0], [0.605349, 1, 0], [0, 0, 1]]
    assert np.allclose(table.to_numpy(), expected, atol=1e-6)


def test_document_similarity_empty_document():
    table = document_similarity([["đảng"], [], ["đảng"]])
    assert table.to_numpy().tolist() == [[1, 0, 1], [0, 0, 0], [1, 0, 1]]


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        ([["ở", "đảng"]], "at least two"),
        ([], "at least two"),
        ([[], []], "empty"),
    ],
)
def test_document_similarity_errors(docs, message):
    with pytest.raises(CorpusError, match=message):
        document_similarity(docs)


def test_document_similarity_on_seeds(seeds):
    doc_ids, tokens = seeds
    table = document_similarity(tokens, doc_ids=doc_ids)
    assert table.shape == (5, 5)
    assert np.allclose(np.diag(table), 1)
    assert np.allclose(table, table.T)
    assert ((table.to_numpy() > 0) & (table.to_numpy() <= 1)).all()


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
