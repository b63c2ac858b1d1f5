"""Tests for corpus_tools.topics.model: fitting, the model, and the tables read from it."""

from __future__ import annotations

import dataclasses
import pickle
import unicodedata

import numpy as np
import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.segment import load_stopwords, tokenize_corpus
from corpus_tools.topics import (
    TopicModel,
    TopicModelError,
    coherence,
    compare_with_labels,
    document_topics,
    fit_topics,
    topic_terms,
    typical_units,
)

from .toy import FOOTBALL, METHODS, POLITICS, TOY, TOY_DOCS, TOY_LABELS

# --------------------------------------------------------------------------- fit_topics


@pytest.mark.parametrize("method", METHODS)
def test_two_themes_are_separated(method):
    model = fit_topics(TOY, k=2, method=method)
    assert compare_with_labels(model, TOY_LABELS) == {"nmi": 1.0, "ari": 1.0}
    tops = topic_terms(model, n_top=3).groupby("topic")["token"].apply(set)
    assert sorted(tops.map(lambda terms: terms <= POLITICS or terms <= FOOTBALL)) == [True, True]


@pytest.mark.parametrize("method", METHODS)
def test_model_fields(method):
    model = fit_topics(TOY, k=2, method=method)
    assert model.method == method
    assert model.k == 2
    assert model.unit_topics.shape == (8, 2)
    assert model.unit_weights.shape == (8, 2)
    assert model.topic_terms.shape == (2, len(model.vocabulary))
    np.testing.assert_allclose(model.unit_topics.sum(axis=1), 1.0)
    np.testing.assert_allclose(model.topic_terms.sum(axis=1), 1.0)
    assert (model.unit_topics >= 0).all()
    assert model.model.components_.shape == model.topic_terms.shape  # the fitted estimator
    assert repr(model) == f"TopicModel(method={method!r}, k=2, units=8, terms=10)"


def test_weighting_defaults(toy_model):
    assert type(toy_model.vectorizer).__name__ == "TfidfVectorizer"
    assert toy_model.vectorizer.sublinear_tf and toy_model.vectorizer.norm == "l2"
    assert type(fit_topics(TOY, k=2, method="lda").vectorizer).__name__ == "CountVectorizer"
    assert type(fit_topics(TOY, k=2, weighting="count").vectorizer).__name__ == "CountVectorizer"
    assert type(toy_model.model).__name__ == "NMF"
    assert toy_model.model.init == "nndsvda"


def test_one_letter_words_are_terms(toy_model):
    assert "ở" in toy_model.vocabulary.tolist()


@pytest.mark.parametrize(
    ("min_df", "max_df", "dropped"),
    [
        (2, 0.5, {"hiếm"}),  # in one unit only
        (1, 0.5, set()),
        (2, 0.3, {"hiếm"} | (POLITICS | FOOTBALL) - {"ở", "sân"}),  # in 3 of 8 units: > 30%
    ],
)
def test_min_df_and_max_df(min_df, max_df, dropped):
    units = [*TOY[:-1], [*TOY[-1], "hiếm"]]
    vocabulary = set(fit_topics(units, k=2, min_df=min_df, max_df=max_df).vocabulary)
    assert vocabulary == (POLITICS | FOOTBALL | {"hiếm"}) - dropped


def test_unit_without_terms_gets_equal_shares():
    model = fit_topics([*TOY, [], ["hiếm"]], k=2)
    np.testing.assert_array_equal(model.unit_topics[-2:], [[0.5, 0.5], [0.5, 0.5]])


@pytest.mark.parametrize("method", METHODS)
def test_same_seed_same_model(method):
    first = fit_topics(TOY, k=2, method=method, random_state=3)
    second = fit_topics(TOY, k=2, method=method, random_state=3)
    assert np.array_equal(first.unit_topics, second.unit_topics)
    assert np.array_equal(first.topic_terms, second.topic_terms)
    assert np.array_equal(first.vocabulary, second.vocabulary)


def test_model_is_frozen_and_read_only(toy_model):
    with pytest.raises(dataclasses.FrozenInstanceError):
        toy_model.k = 3
    with pytest.raises(ValueError, match="read-only"):
        toy_model.unit_topics[0, 0] = 0.0


def test_model_pickles(toy_model):
    restored = pickle.loads(pickle.dumps(toy_model))
    np.testing.assert_array_equal(restored.topic_terms, toy_model.topic_terms)
    again = restored.model.transform(restored.vectorizer.transform(TOY))
    assert again.argmax(axis=1).tolist() == toy_model.unit_topics.argmax(axis=1).tolist()


def test_model_options_reach_the_estimator():
    model = fit_topics(TOY, k=2, model_options={"beta_loss": "kullback-leibler", "solver": "mu"})
    assert model.model.beta_loss == "kullback-leibler"


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("units", "options", "message"),
    [
        ([["bộ_chính_trị", "cán_bộ"]], {"k": 1}, "at least 2 units"),
        ([], {"k": 1}, "at least 2 units"),
        (TOY, {"k": 9}, "more than the 8 units"),
        (TOY, {"k": 0}, "at least 1"),
        (TOY, {"k": -2}, "at least 1"),
        (TOY, {"k": 2.5}, "whole number"),
        (TOY, {"k": True}, "whole number"),
        (TOY, {"k": 2, "min_df": 4}, "vocabulary is empty; lower min_df"),  # df 4 at most
        (TOY, {"k": 2, "min_df": 1, "max_df": 0.2}, "vocabulary is empty"),  # df 1.6 at most
        (TOY, {"k": 2, "min_df": 5}, r"at most 4 of the 8 units, fewer than min_df=5 asks for"),
        (TOY, {"k": 2, "min_df": 3, "max_df": 2}, "raise max_df or lower min_df"),
        (TOY, {"k": 2, "min_df": "2"}, "min_df must be an int"),
        ([[], [], []], {"k": 1}, "empty token lists"),
        (
            [["cán_bộ", "ở"], ["cán_bộ", "ở"], ["bóng_đá"], ["bóng_đá"]],
            {"k": 4, "max_df": 1.0},
            "more than the 3 terms left after min_df / max_df; lower k",
        ),
        (TOY, {"k": 2, "method": "lsa"}, "method must be one of"),
        (TOY, {"k": 2, "weighting": "bm25"}, "weighting must be"),
        (TOY, {"k": 2, "max_iter": 0}, "max_iter must be"),
        (TOY, {"k": 2, "model_options": {"solver": "magic"}}, "check max_iter and model_options"),
        ("bộ_chính_trị cán_bộ", {"k": 1}, "not a string"),
        (["bộ_chính_trị cán_bộ", "bóng_đá"], {"k": 1}, "tokenize the texts first"),
    ],
)
def test_fit_topics_errors(units, options, message):
    with pytest.raises(CorpusError, match=message):
        fit_topics(units, **options)


def test_stopword_only_units_say_so():
    tokens = tokenize_corpus(["và của những", "những cái đó"], stopwords=load_stopwords())
    assert tokens == [[], []]
    with pytest.raises(TopicModelError, match="stopwords"):
        fit_topics(tokens, k=1)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: document_topics(m, doc_ids=["a"] * 7), "doc_ids has 7 entries"),
        (lambda m: topic_terms(m, n_top=0), "n_top must be"),
        (lambda m: typical_units(m, n_top=0), "n_top must be"),
    ],
)
def test_table_errors(toy_model, call, message):
    with pytest.raises(CorpusError, match=message):
        call(toy_model)


# --------------------------------------------------------------------------- tables


def test_topic_terms_table(toy_model):
    table = topic_terms(toy_model, n_top=3)
    assert table.columns.tolist() == ["topic", "rank", "term", "token", "weight"]
    assert table["topic"].tolist() == [0, 0, 0, 1, 1, 1]
    assert table["rank"].tolist() == [1, 2, 3, 1, 2, 3]
    assert (table["term"] == table["token"].str.replace("_", " ")).all()
    for _, group in table.groupby("topic"):
        assert group["weight"].is_monotonic_decreasing
    everything = topic_terms(toy_model, n_top=100)
    assert len(everything) <= 2 * len(toy_model.vocabulary)
    assert (everything["weight"] > 0).all()  # zero-weight terms are left out


def test_topic_terms_display_form():
    model = fit_topics([["bộ_chính_trị", "ở"], ["bộ_chính_trị", "ở"]], k=1, max_df=1.0)
    assert sorted(topic_terms(model)["term"]) == ["bộ chính trị", "ở"]


def test_document_topics(toy_model):
    table = document_topics(toy_model, doc_ids=["d", "d", "b", "b", "c", "c", "a", "a"])
    assert table.index.tolist() == ["d", "b", "c", "a"]  # first-seen order
    assert table.index.name == "doc_id"
    assert table.columns.tolist() == [0, 1]
    np.testing.assert_allclose(table.sum(axis=1), 1.0)
    expected = toy_model.unit_topics[[0, 1]].mean(axis=0)
    np.testing.assert_allclose(table.loc["d"].to_numpy(), expected)


def test_document_topics_takes_text_unit_pairs(toy_model):
    pairs = [(doc, f"đoạn {i}") for i, doc in enumerate(TOY_DOCS)]
    pd.testing.assert_frame_equal(
        document_topics(toy_model, doc_ids=pairs), document_topics(toy_model, doc_ids=TOY_DOCS)
    )


def test_typical_units(toy_model):
    table = typical_units(toy_model, n_top=2)
    assert table.columns.tolist() == ["topic", "rank", "unit_index", "weight"]
    assert table["rank"].tolist() == [1, 2, 1, 2]
    themes = [
        {TOY_LABELS[unit] for unit in group["unit_index"]} for _, group in table.groupby("topic")
    ]
    assert sorted(map(len, themes)) == [1, 1] and themes[0] != themes[1]
    for row in table.itertuples():
        assert row.weight == toy_model.unit_topics[row.unit_index, row.topic]
    assert len(typical_units(toy_model, n_top=50)) == 2 * len(TOY)  # n_top capped at the units


def test_typical_units_break_ties_by_raw_weight():
    model = TopicModel(
        model=None,
        vectorizer=None,
        vocabulary=np.array(["cán_bộ"]),
        unit_topics=np.array([[1.0], [1.0], [1.0]]),
        topic_terms=np.array([[1.0]]),
        method="nmf",
        k=1,
        unit_weights=np.array([[0.2], [0.9], [0.5]]),
    )
    assert typical_units(model, n_top=3)["unit_index"].tolist() == [1, 2, 0]


# --------------------------------------------------------------------------- the seeds


def test_seed_paragraphs(seed_paragraphs):
    units, tokens = seed_paragraphs
    assert len(units) == len(tokens) > 50
    model = fit_topics(tokens, k=5)
    assert model.unit_topics.shape == (len(tokens), 5)
    doc_ids = list(dict.fromkeys(doc_id for doc_id, _ in units))
    table = document_topics(model, doc_ids=units)
    assert table.index.tolist() == doc_ids
    np.testing.assert_allclose(table.sum(axis=1), 1.0)
    terms = topic_terms(model, n_top=10)
    assert terms.groupby("topic").size().tolist() == [10] * 5
    assert not terms["token"].isin(load_stopwords()).any()
    scores = coherence(model, tokens)
    assert np.isfinite(scores).all() and (scores > -1).all()
    quoted = typical_units(model)
    assert all(units[unit][1] for unit in quoted["unit_index"])
    again = fit_topics(tokens, k=5)
    assert np.array_equal(model.unit_topics, again.unit_topics)
    assert np.array_equal(model.topic_terms, again.topic_terms)


def test_nfd_text_gives_the_same_model(seed_paragraphs):
    units, _ = seed_paragraphs
    texts = [text for _, text in units[:20]]
    options = {"unit": "paragraph", "lowercase": True, "stopwords": load_stopwords()}
    nfc = fit_topics(tokenize_corpus(texts, **options), k=3)
    nfd_texts = [unicodedata.normalize("NFD", text) for text in texts]
    nfd = fit_topics(tokenize_corpus(nfd_texts, **options), k=3)
    assert np.array_equal(nfc.vocabulary, nfd.vocabulary)
    assert np.array_equal(nfc.unit_topics, nfd.unit_topics)


# --------------------------------------------------------------------------- ids travel with tokens


@pytest.mark.parametrize(
    "form",
    [list(zip(TOY_DOCS, TOY, strict=True)), iter(list(zip(TOY_DOCS, TOY, strict=True)))],
    ids=["pairs", "iterator-of-pairs"],
)
def test_model_keeps_the_ids_of_pairs(toy_model, form):
    model = fit_topics(form, k=2)
    assert model.doc_ids == tuple(TOY_DOCS)
    np.testing.assert_array_equal(model.unit_topics, toy_model.unit_topics)
    pd.testing.assert_frame_equal(
        document_topics(model), document_topics(toy_model, doc_ids=TOY_DOCS)
    )
    assert repr(model) == repr(toy_model)


def test_model_keeps_the_keys_of_a_mapping(toy_model):
    mapping = {f"đoạn {number}": tokens for number, tokens in enumerate(TOY)}
    model = fit_topics(mapping, k=2)
    assert model.doc_ids == tuple(mapping)
    assert document_topics(model).index.tolist() == list(mapping)
    np.testing.assert_array_equal(model.unit_topics, toy_model.unit_topics)


def test_given_doc_ids_win_over_the_kept_ones():
    model = fit_topics(list(zip(TOY_DOCS, TOY, strict=True)), k=2)
    table = document_topics(model, doc_ids=["x"] * 4 + ["y"] * 4)
    assert table.index.tolist() == ["x", "y"]


def test_document_topics_needs_ids(toy_model):
    assert toy_model.doc_ids is None
    with pytest.raises(CorpusError, match="pass doc_ids"):
        document_topics(toy_model)
    with pytest.raises(TypeError):
        document_topics(toy_model, TOY_DOCS)  # doc_ids is keyword-only


def test_typical_units_n_is_now_n_top(toy_model):
    with pytest.raises(TypeError):
        typical_units(toy_model, n=2)
