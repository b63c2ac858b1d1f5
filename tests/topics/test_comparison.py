"""Tests for corpus_tools.topics.comparison: matching the topics of two models."""

from __future__ import annotations

import numpy as np
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.topics import TopicModel, compare_topic_models, fit_topics, topic_labels

from .toy import labelled_documents


def _hand_model(weights: list[list[float]], vocabulary: list[str]) -> TopicModel:
    weights = np.array(weights)
    return TopicModel(
        model=None,
        vectorizer=None,
        vocabulary=np.array(vocabulary, dtype=object),
        unit_topics=np.full((2, len(weights)), 1 / len(weights)),
        topic_terms=weights,
        method="nmf",
        k=len(weights),
    )


def test_matching_by_hand():
    # a's topic 0 is b's topic 1 and the other way round; vocabularies differ
    a = _hand_model([[0.6, 0.4, 0.0], [0.0, 0.1, 0.9]], ["bóng_đá", "cầu_thủ", "cán_bộ"])
    b = _hand_model([[0.9, 0.1, 0.0], [0.0, 0.5, 0.5]], ["cán_bộ", "cầu_thủ", "bóng_đá"])
    table = compare_topic_models(a, b, n_top=2)
    assert table.columns.tolist() == [
        "topic_a",
        "label_a",
        "topic_b",
        "label_b",
        "similarity",
        "shared",
        "shared_terms",
    ]
    assert table["topic_a"].tolist() == [0, 1]
    assert table["topic_b"].tolist() == [1, 0]
    # cosine of (0.6, 0.4) and (0.5, 0.5) on bóng_đá, cầu_thủ
    expected = (0.6 * 0.5 + 0.4 * 0.5) / (np.hypot(0.6, 0.4) * np.hypot(0.5, 0.5))
    assert table.loc[0, "similarity"] == pytest.approx(expected)
    assert table.loc[0, "shared"] == 2
    assert table.loc[0, "shared_terms"] == "bóng đá; cầu thủ"  # by weight in model a
    assert table.loc[1, "label_a"] == "2. cán bộ, cầu thủ"
    assert table.loc[1, "label_b"] == "1. cán bộ, cầu thủ"
    assert table.attrs["summary"].startswith("2 topic pairs matched")


def test_a_model_matches_itself():
    docs, _ = labelled_documents(2, own=0.5)
    model = fit_topics(docs, k=5)
    table = compare_topic_models(model, model)
    assert table["topic_a"].tolist() == table["topic_b"].tolist() == [0, 1, 2, 3, 4]
    np.testing.assert_allclose(table["similarity"], 1.0)
    assert table["shared"].tolist() == [10] * 5
    assert table["label_a"].tolist() == topic_labels(model)


def test_nmf_and_lda_find_the_same_categories():
    docs, _ = labelled_documents(3, own=0.5)
    nmf = fit_topics(docs, k=5)
    lda = fit_topics(docs, k=5, method="lda", max_iter=30)
    table = compare_topic_models(nmf, lda)
    assert sorted(table["topic_b"].tolist()) == [0, 1, 2, 3, 4]  # one to one
    assert (table["similarity"] > 0.6).all()
    assert (table["shared"] >= 5).all()  # the ten words of each category lead both


def test_different_k_leaves_topics_unmatched():
    docs, _ = labelled_documents(3, own=0.5)
    table = compare_topic_models(fit_topics(docs, k=5), fit_topics(docs, k=3))
    assert len(table) == 5
    assert table["topic_b"].isna().sum() == 2
    assert table.loc[table["topic_b"].isna(), "label_b"].eq("").all()
    assert table["similarity"].isna().sum() == 2
    assert "3 topic pairs matched" in table.attrs["summary"]
    other_way = compare_topic_models(fit_topics(docs, k=3), fit_topics(docs, k=5))
    assert other_way["topic_a"].isna().sum() == 2


def test_compare_errors():
    docs, _ = labelled_documents(3)
    model = fit_topics(docs, k=2)
    with pytest.raises(CorpusError, match="n_top must be"):
        compare_topic_models(model, model, n_top=0)
