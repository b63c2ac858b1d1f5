"""Tests for corpus_tools.topics.model: fitting, the model, and the tables read from it."""

from __future__ import annotations

import dataclasses
import pickle
import unicodedata

import numpy as np
import pandas as pd
import pytest
from sklearn.decomposition import NMF

from corpus_tools.errors import CorpusError
from corpus_tools.segment import load_stopwords, tokenize_corpus
from corpus_tools.topics import (
    TopicModelError,
    coherence,
    compare_with_labels,
    document_topics,
    fit_topics,
    topic_terms,
    typical_units,
)
from corpus_tools.topics.model import DEFAULT_RESTARTS, restart_seeds

from .toy import FOOTBALL, METHODS, POLITICS, TOY, TOY_DOCS, TOY_LABELS, labelled_documents

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
    # random starts (not NNDSVD, which ignores random_state), so seeds give other fits
    assert toy_model.model.init == "random"


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


def test_other_seed_other_fit():
    # random_state changes the start, so the fit; NNDSVD (model_options) barely moved
    docs, _ = labelled_documents(1, own=0.25, length=30)
    first, second = (fit_topics(docs, k=5, random_state=seed) for seed in (0, 1))
    assert np.abs(first.unit_topics - second.unit_topics).max() > 0.5
    nndsvda = {"init": "nndsvda"}
    same = [fit_topics(docs, k=5, random_state=s, model_options=nndsvda) for s in (0, 1)]
    assert np.abs(same[0].unit_topics - same[1].unit_topics).max() < 0.05


@pytest.mark.parametrize("random_state", [0, 7])
def test_restarts_keep_the_best_fit(random_state):
    docs, _ = labelled_documents(1, own=0.25, length=30)
    model = fit_topics(docs, k=8, random_state=random_state, n_restarts=4)
    matrix = model.vectorizer.transform([tokens for _, tokens in docs])
    errors = []
    for seed in restart_seeds(random_state, 4):
        single = NMF(8, init="random", solver="cd", tol=1e-4, max_iter=1000, random_state=seed)
        single.fit(matrix)
        errors.append(single.reconstruction_err_)
    assert len(set(np.round(errors, 4))) > 1  # the starts ended in different fits
    assert model.model.reconstruction_err_ == pytest.approx(min(errors), rel=1e-12)
    assert model.model.random_state == restart_seeds(random_state, 4)[int(np.argmin(errors))]


def test_restart_seeds_are_repeatable_and_disjoint():
    assert restart_seeds(0, 4) == restart_seeds(0, 4)
    assert not set(restart_seeds(0, 4)) & set(restart_seeds(1, 4))
    assert restart_seeds(0, 4)[:2] == restart_seeds(0, 2)
    assert all(0 <= seed < 2**31 for seed in restart_seeds(3, 10))


def test_restart_defaults():
    assert DEFAULT_RESTARTS == {"nmf": 4, "minibatch_nmf": 4, "lda": 1, "online_lda": 1}
    lda = fit_topics(TOY, k=2, method="lda", n_restarts=2)  # LDA restarts by its bound
    assert compare_with_labels(lda, TOY_LABELS)["nmi"] == 1.0


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
        (TOY, {"k": 2, "n_restarts": 0}, "n_restarts must be"),
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
