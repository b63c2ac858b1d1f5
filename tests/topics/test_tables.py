"""Tests for corpus_tools.topics.tables: topic terms and names, document topics, typical
units, and topic prevalence per group."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.topics import (
    TopicModel,
    document_topics,
    fit_topics,
    topic_labels,
    topic_prevalence,
    topic_terms,
    typical_units,
)
from corpus_tools.topics.tables import ALL_DOCUMENTS, MISSING_GROUP, group_sort_key

from .toy import FOOTBALL, POLITICS, TOY, TOY_DOCS, TOY_LABELS, labelled_documents


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


# --------------------------------------------------------------------------- topic_labels


def test_topic_labels_name_topics_by_their_top_words(toy_model):
    labels = topic_labels(toy_model)
    assert len(labels) == toy_model.k == 2
    terms = topic_terms(toy_model, n_top=3)
    for topic, label in enumerate(labels):
        number, words = label.split(". ", 1)
        assert number == str(topic + 1)  # numbered from 1, as in figures
        expected = terms.loc[terms["topic"] == topic, "term"].tolist()
        assert words.split(", ") == expected
    themes = [set(label.split(". ", 1)[1].replace(" ", "_").split(",_")) for label in labels]
    assert sorted(t <= POLITICS or t <= FOOTBALL for t in themes) == [True, True]
    assert [len(label.split(", ")) for label in topic_labels(toy_model, n_top=1)] == [1, 1]


def test_topic_labels_of_an_empty_topic():
    model = TopicModel(
        model=None,
        vectorizer=None,
        vocabulary=np.array(["cán_bộ", "ở"], dtype=object),
        unit_topics=np.full((2, 2), 0.5),
        topic_terms=np.array([[0.0, 0.0], [0.25, 0.75]]),
        method="nmf",
        k=2,
    )
    assert topic_labels(model) == ["1. (trống)", "2. ở, cán bộ"]
    assert topic_labels(model, lang="en") == ["1. (empty)", "2. ở, cán bộ"]
    with pytest.raises(CorpusError, match="lang"):
        topic_labels(model, lang="fr")


def test_topic_labels_name_topics_by_their_top_three_words():
    # was plots.topic_labels ("Chủ đề 1: …" from a terms table): one function, here
    model = TopicModel(
        model=None,
        vectorizer=None,
        vocabulary=np.array(["cán_bộ", "kỷ_luật", "chạy_chức", "ở", "đại_hội", "Đảng"]),
        unit_topics=np.full((2, 2), 0.5),
        topic_terms=np.array([[0.4, 0.3, 0.2, 0.1, 0, 0], [0, 0, 0, 0, 0.6, 0.4]]),
        method="nmf",
        k=2,
    )
    assert topic_labels(model) == ["1. cán bộ, kỷ luật, chạy chức", "2. đại hội, Đảng"]
    assert topic_labels(model, n_top=1) == ["1. cán bộ", "2. đại hội"]


# --------------------------------------------------------------------------- topic_prevalence


@pytest.fixture(scope="module")
def paired_model():
    """Five categories of 24 documents, fitted as (doc_id, tokens) pairs."""
    docs, labels = labelled_documents(0, own=0.5)
    return fit_topics(docs, k=5), docs, labels


def test_prevalence_rows_sum_to_one_and_count_documents(paired_model):
    model, docs, labels = paired_model
    groups = {doc_id: label for (doc_id, _), label in zip(docs, labels, strict=True)}
    table = topic_prevalence(model, groups=groups)
    assert table.index.name == "group"
    assert table.columns.tolist() == ["documents", 0, 1, 2, 3, 4]
    assert sorted(table.index) == sorted(set(labels))
    assert table["documents"].tolist() == [24] * 5
    np.testing.assert_allclose(table.drop(columns="documents").sum(axis=1), 1.0)
    # each category has one dominant topic, a different one for each category
    shares = table.drop(columns="documents")
    assert (shares.max(axis=1) > 0.5).all()
    assert shares.idxmax(axis=1).nunique() == 5


def test_prevalence_is_the_mean_of_the_documents_shares(paired_model):
    model, _, labels = paired_model
    shares = document_topics(model)
    table = topic_prevalence(model, groups=labels)  # a sequence, aligned with the documents
    for label in set(labels):
        rows = [i for i, other in enumerate(labels) if other == label]
        np.testing.assert_allclose(
            table.loc[label].drop("documents").to_numpy(dtype=float),
            shares.iloc[rows].mean().to_numpy(),
        )


def test_prevalence_keeps_documents_without_a_group(paired_model):
    model, docs, _ = paired_model
    groups = {doc_id: "2020-02" for doc_id, _ in docs[:10]} | {docs[10][0]: "2020-10"}
    groups[docs[11][0]] = None
    table = topic_prevalence(model, groups=groups)
    assert table.index.tolist() == ["2020-02", "2020-10", MISSING_GROUP]  # never dropped
    assert table["documents"].tolist() == [10, 1, len(docs) - 11]
    assert table["documents"].sum() == len(docs)


def test_prevalence_without_groups_is_one_row(paired_model):
    model, docs, _ = paired_model
    table = topic_prevalence(model)
    assert table.index.tolist() == [ALL_DOCUMENTS]
    assert table["documents"].tolist() == [len(docs)]
    assert table.drop(columns="documents").sum(axis=1).iloc[0] == pytest.approx(1.0)


def test_prevalence_averages_paragraphs_into_documents_first(toy_model):
    model = fit_topics(list(zip(TOY_DOCS, TOY, strict=True)), k=2)
    table = topic_prevalence(model, groups={"a": "x", "b": "x", "c": "y", "d": "y"})
    assert table["documents"].tolist() == [2, 2]  # documents, not paragraphs


def test_prevalence_of_a_model_without_ids(toy_model):
    table = topic_prevalence(toy_model, groups=["x"] * 4 + ["y"] * 4)
    assert table["documents"].tolist() == [4, 4]
    with pytest.raises(CorpusError, match="keeps no document ids"):
        topic_prevalence(toy_model, groups={"0": "x"})


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        (["x"] * 3, "got 3 group labels for the model's 120 documents"),
        ({"không có": "x"}, "holds none of the model's document ids"),
        ("thể thao", "not one string"),
    ],
)
def test_prevalence_errors(paired_model, groups, message):
    with pytest.raises(CorpusError, match=message):
        topic_prevalence(paired_model[0], groups=groups)


def test_groups_sort_by_the_numbers_in_them():
    labels = ["10. a", MISSING_GROUP, "2. b", "2021-01", "2020-12", "1. c"]
    assert sorted(labels, key=group_sort_key) == [
        "1. c",
        "2. b",
        "10. a",
        "2020-12",
        "2021-01",
        MISSING_GROUP,
    ]


def test_prevalence_table_is_a_frame(paired_model):
    assert isinstance(topic_prevalence(paired_model[0]), pd.DataFrame)
