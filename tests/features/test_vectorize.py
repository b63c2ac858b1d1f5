"""Tests for corpus_tools.features.vectorize: vectorizers, document-term matrices, similarity.

Expected numbers are worked out by hand in the comments beside them (ln = natural log).
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from corpus_tools.errors import CorpusError, TopicModelError
from corpus_tools.features import (
    NgramAnalyzer,
    document_similarity,
    document_term_matrix,
    make_vectorizer,
    token_analyzer,
)
from corpus_tools.features.vectorize import fit_vectorizer
from corpus_tools.segment import load_stopwords, tokenize_corpus

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
        ([["ở"], ["ở"]], {"min_df": 2, "max_df": 1}, "raise max_df or lower min_df"),
        ([["ở", "đảng"], ["ở"]], {"ngram_range": (3, 3)}, "ngram_range"),
        ([["ở"]], {"weighting": "bm25"}, "weighting"),
        ([["ở"]], {"ngram_range": (2, 1)}, "min_n > max_n"),
        ([["ở"]], {"ngram_range": (0, 1)}, "ngram_range"),
        ([["ở"]], {"ngram_range": 2}, "pair"),
        ([["ở"]], {"min_df": 0}, "min_df"),
        ([["ở"]], {"max_df": 1.5}, "max_df"),
        (["cán bộ", "ở"], {}, "not a token list"),
    ],
)
def test_matrix_errors(docs, options, message):
    with pytest.raises(CorpusError, match=message):
        document_term_matrix(docs, **options)


def test_matrix_rejects_one_string():
    # A wrong type, not a bad value: validation.token_lists raises TypeError.
    with pytest.raises(TypeError, match="one string"):
        document_term_matrix("cán bộ ở cơ sở")


def test_sublinear_tf_needs_tfidf():
    with pytest.raises(CorpusError, match="tfidf"):
        make_vectorizer(sublinear_tf=True)


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


# --------------------------------------------------------------------------- fit_vectorizer


@pytest.mark.parametrize(
    ("docs", "options", "message"),
    [
        ([], {}, "the corpus holds no units"),
        ([[], []], {}, "all 2 units are empty"),
        ([["ở"], ["đảng"]], {"min_df": 3}, r"at most 2 of the 2 units, fewer than min_df=3"),
        ([["ở"], ["đảng"]], {"min_df": 2}, "of the 2 units, so the vocabulary is empty"),
        ([["ở", "đảng"]], {"ngram_range": (3, 3)}, r"no unit has 3 tokens\?"),
    ],
)
def test_fit_vectorizer_names_the_units_and_raises_the_given_error(docs, options, message):
    with pytest.raises(TopicModelError, match=message):
        fit_vectorizer(make_vectorizer(**options), docs, noun="units", error=TopicModelError)


def test_fit_vectorizer_returns_the_fitted_vectorizer_s_matrix():
    vectorizer = make_vectorizer(weighting="tfidf")
    matrix, vocabulary = fit_vectorizer(vectorizer, [["đảng", "ở"], ["đảng"]])
    assert isinstance(matrix, sp.csr_matrix)
    assert vocabulary.tolist() == vectorizer.get_feature_names_out().tolist() == ["đảng", "ở"]
    assert (vectorizer.transform([["đảng", "ở"], ["đảng"]]) != matrix).nnz == 0


# --------------------------------------------------------------------------- ids travel with tokens

DOCS = {"a": ["đảng", "ở"], "b": ["đảng"], "c": ["cơ_sở"]}


@pytest.mark.parametrize("form", [DOCS, list(DOCS.items())], ids=["mapping", "pairs"])
def test_matrix_and_similarity_take_mappings_and_pairs(form):
    matrix, vocabulary = document_term_matrix(form)
    expected_matrix, expected_vocabulary = document_term_matrix(list(DOCS.values()))
    assert vocabulary.tolist() == expected_vocabulary.tolist()
    assert (matrix != expected_matrix).nnz == 0
    table = document_similarity(form)
    assert table.index.tolist() == table.columns.tolist() == ["a", "b", "c"]
    np.testing.assert_array_equal(
        table.to_numpy(), document_similarity(list(DOCS.values())).to_numpy()
    )


def test_matrix_takes_paragraph_pairs_with_repeated_ids():
    matrix, _ = document_term_matrix([("a", ["đảng"]), ("a", ["ở"])])
    assert matrix.shape == (2, 2)


def test_similarity_rejects_ids_twice():
    with pytest.raises(TypeError, match="already carries its ids"):
        document_similarity(DOCS, doc_ids=["x", "y", "z"])


def test_document_similarity_of_chosen_rows_uses_the_whole_corpus_weights():
    docs = {"a": ["cán_bộ", "đảng"], "b": ["cán_bộ", "ở"], "c": ["đảng", "ở"], "d": ["họp"]}
    full = document_similarity(docs)
    part = document_similarity(docs, rows=["c", "a"])
    assert part.index.tolist() == ["c", "a"] and part.columns.tolist() == ["c", "a"]
    assert part.loc["c", "a"] == pytest.approx(full.loc["c", "a"])
    with pytest.raises(CorpusError, match="not a document id"):
        document_similarity(docs, rows=["x"])
