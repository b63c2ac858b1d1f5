"""Tests for corpus_tools.topics.clusters: LSA + k-means clusters of documents."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from sklearn.metrics import normalized_mutual_info_score

from corpus_tools.errors import CorpusError, TopicModelWarning
from corpus_tools.topics import (
    DocumentClusters,
    choose_clusters,
    cluster_documents,
    cluster_terms,
    compare_with_labels,
    fit_topics,
    topic_prevalence,
)

from .toy import CATEGORIES, labelled_documents


@pytest.fixture(scope="module")
def labelled():
    """120 documents in 5 categories, 30% of their words from their own category."""
    return labelled_documents(0, own=0.3, length=30)


@pytest.fixture(scope="module")
def clusters(labelled):
    return cluster_documents(labelled[0], k=5)


# --------------------------------------------------------------------------- agreement


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_clusters_recover_the_categories(seed):
    docs, labels = labelled_documents(seed, own=0.3, length=30)
    found = cluster_documents(docs, k=5)
    # measured 0.93-0.96 over these three corpora; k-means on raw TF-IDF is not asked
    assert normalized_mutual_info_score(labels, found.labels) >= 0.85
    assert compare_with_labels(found, labels)["nmi"] == pytest.approx(
        normalized_mutual_info_score(labels, found.labels)
    )


def test_choose_clusters_finds_the_number_of_categories(labelled):
    docs, _ = labelled
    table = choose_clusters(docs, range(3, 9), n_init=3)
    assert table.columns.tolist() == ["k", "silhouette", "inertia", "recommended"]
    assert table["k"].tolist() == list(range(3, 9))
    assert table.loc[table["recommended"], "k"].tolist() == [5]
    assert table["silhouette"].idxmax() == 2
    assert table["inertia"].is_monotonic_decreasing  # inertia alone would pick the largest k
    assert table.attrs["reason"].startswith("k=5 has the highest mean silhouette")
    assert "largest k tried" not in table.attrs["reason"]


def test_choose_clusters_stops_once_the_silhouette_keeps_falling(labelled):
    table = choose_clusters(labelled[0], range(2, 12), n_init=3, patience=2)
    assert table["k"].tolist() == [2, 3, 4, 5, 6, 7]  # 6 and 7 below k=5: stop
    assert table.loc[table["recommended"], "k"].tolist() == [5]
    assert (
        "the 2 ks after it scored lower, so k=8, 9, 10, 11 were not tried"
        in (table.attrs["reason"])
    )
    assert "skipped" not in table.attrs["reason"]  # untried is not unscorable
    every = choose_clusters(labelled[0], range(2, 12), n_init=3, patience=None)
    assert every["k"].tolist() == list(range(2, 12))
    assert every.loc[every["recommended"], "k"].tolist() == [5]


def test_choose_clusters_says_when_the_best_is_the_largest(labelled):
    table = choose_clusters(labelled[0], [2, 3, 4], n_init=3)
    assert table.loc[table["recommended"], "k"].tolist() == [4]
    assert "it is the largest k tried, so try larger ks too" in table.attrs["reason"]


def test_choose_clusters_on_a_sample(labelled):
    docs, _ = labelled
    table = choose_clusters(docs, [4, 5, 6], n_init=3, max_sample=80)
    assert table.loc[table["recommended"], "k"].tolist() == [5]
    again = choose_clusters(docs, [4, 5, 6], n_init=3, max_sample=80)
    assert table.equals(again)  # the sample is drawn from random_state


def test_choose_clusters_skips_what_cannot_be_scored():
    docs = [["bóng_đá", "cầu_thủ"], ["cầu_thủ", "bóng_đá"], ["cán_bộ", "đảng"], ["đảng", "cán_bộ"]]
    table = choose_clusters(docs, [1, 2, 3, 4], max_df=1.0)
    assert table["k"].tolist() == [2, 3]
    assert "k=1, 4 skipped (2 to 3 clusters only)" in table.attrs["reason"]


# --------------------------------------------------------------------------- the clusters


def test_cluster_fields(clusters, labelled):
    docs, _ = labelled
    assert isinstance(clusters, DocumentClusters)
    assert clusters.k == 5
    assert clusters.labels.shape == (len(docs),)
    assert set(clusters.labels.tolist()) == set(range(5))
    assert clusters.doc_ids == tuple(doc_id for doc_id, _ in docs)
    assert clusters.centroid_terms.shape == (5, len(clusters.vocabulary))
    assert clusters.svd.n_components == 100 or clusters.svd.n_components < len(docs)
    assert clusters.kmeans.n_init == 10
    assert 0 < clusters.silhouette <= 1
    assert repr(clusters).startswith("DocumentClusters(k=5, documents=120, silhouette=0.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        clusters.k = 3
    with pytest.raises(ValueError, match="read-only"):
        clusters.labels[0] = 1


def test_clusters_are_numbered_by_size():
    docs, _ = labelled_documents(1, own=0.5, length=30)
    docs = docs[:24] + docs[24:36] + docs[48:]  # category 1 halved
    found = cluster_documents(docs, k=5)
    sizes = found.summary["documents"].tolist()
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] == 12
    assert found.summary["share"].sum() == pytest.approx(1.0)


def test_cluster_names_and_terms(clusters, labelled):
    _, labels = labelled
    terms = cluster_terms(clusters, n_top=5)
    assert terms.columns.tolist() == [
        "cluster",
        "name",
        "documents",
        "rank",
        "term",
        "token",
        "weight",
    ]
    assert terms.groupby("cluster").size().tolist() == [5] * 5
    assert (terms["weight"] > 0).all()
    for cluster, group in terms.groupby("cluster"):
        members = [label for label, c in zip(labels, clusters.labels, strict=True) if c == cluster]
        category = max(set(members), key=members.count)
        assert set(group["token"]) <= set(CATEGORIES[category])  # its category's words
        name = clusters.names[cluster]
        assert name == f"{cluster + 1}. " + ", ".join(group["term"].head(3))
        assert group["documents"].iloc[0] == len(members)


def test_clusters_as_groups(clusters, labelled):
    docs, _ = labelled
    groups = clusters.groups
    assert list(groups) == [doc_id for doc_id, _ in docs]
    assert set(groups.values()) == set(clusters.names)
    table = clusters.assignments
    assert table.columns.tolist() == ["doc_id", "cluster", "name"]
    assert table["name"].tolist() == list(groups.values())
    model = fit_topics(docs, k=5)
    prevalence = topic_prevalence(model, groups=groups)  # clusters as a grouping field
    assert prevalence.index.tolist() == list(clusters.names)
    assert prevalence["documents"].tolist() == clusters.summary["documents"].tolist()
    plain = cluster_documents([tokens for _, tokens in docs], k=5)
    assert plain.groups == [plain.names[c] for c in plain.labels]  # no ids: a list


def test_same_seed_same_clusters(labelled, clusters):
    again = cluster_documents(labelled[0], k=5)
    np.testing.assert_array_equal(again.labels, clusters.labels)
    np.testing.assert_array_equal(again.centroid_terms, clusters.centroid_terms)
    other = cluster_documents(labelled[0], k=5, random_state=3)
    assert other.kmeans.random_state == 3 and other.svd.random_state == 3


def test_paragraphs_are_joined_into_documents(labelled):
    docs, labels = labelled
    paragraphs = [(doc_id, part) for doc_id, tokens in docs for part in (tokens[:15], tokens[15:])]
    joined = cluster_documents(paragraphs, k=5)
    assert joined.doc_ids == tuple(doc_id for doc_id, _ in docs)
    assert normalized_mutual_info_score(labels, joined.labels) >= 0.85


def test_small_corpora_get_fewer_dimensions():
    docs = [["bóng_đá", "cầu_thủ"], ["cầu_thủ", "bóng_đá", "sân"], ["cán_bộ", "đảng"],
            ["đảng", "cán_bộ", "họp"]]  # fmt: skip
    found = cluster_documents(docs, k=2, max_df=1.0)
    assert found.svd.n_components == 3  # documents - 1
    assert found.silhouette == pytest.approx(1.0)
    assert math.isnan(cluster_documents(docs, k=1, max_df=1.0).silhouette)


def test_a_handful_of_documents_sharing_their_words_still_cluster():
    # each word is in 4 of 6 documents: max_df=0.5 would leave no term at all
    words = [["cán_bộ", "quy_hoạch"], ["bóng_đá", "cầu_thủ"], ["lúa", "nông_dân"]] * 2
    docs = [words[i] + words[(i + 1) % 6] + words[(i + 2) % 6] + words[(i + 3) % 6]
            for i in range(6)]  # fmt: skip
    with pytest.warns(TopicModelWarning, match=r"max_df=0.5 left 0 term\(s\) in 6 documents"):
        found = cluster_documents(docs, k=2)
    assert len(found.vocabulary) == 6
    with pytest.warns(TopicModelWarning, match="max_df=1.0"):
        assert len(choose_clusters(docs, [2, 3])) == 2


@pytest.mark.parametrize(("lang", "empty"), [("vi", "(trống)"), ("en", "(empty)")])
def test_a_cluster_of_documents_without_kept_terms_is_named_in_the_run_language(lang, empty):
    # the last two documents' words occur once each: min_df=2 leaves them no term
    docs = [["cán_bộ", "đảng"], ["đảng", "cán_bộ"], ["bóng_đá", "cầu_thủ"],
            ["cầu_thủ", "bóng_đá"], ["lúa"], ["mưa"]]  # fmt: skip
    found = cluster_documents(docs, k=3, max_df=1.0, lang=lang)
    assert found.names[-1] == f"3. {empty}"  # was "(trống)" in English too
    assert found.groups[4] == found.groups[5] == f"3. {empty}"


def test_cluster_documents_checks_lang_before_fitting():
    with pytest.raises(ValueError, match="lang"):
        cluster_documents([["a"], ["b"]], k=1, lang="fr")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d: cluster_documents(d, k=200), "more than the 120 documents"),
        (lambda d: cluster_documents(d, k=0), "at least 1"),
        (lambda d: cluster_documents(d, k=2, n_components=0), "n_components must be"),
        (lambda d: cluster_documents(d, k=2, n_init=0), "n_init must be"),
        (lambda d: cluster_documents(d, k=2, min_df=500), "fewer than min_df"),
        (lambda d: choose_clusters(d, []), "distinct numbers of clusters"),
        (lambda d: choose_clusters(d, [200]), "no k in"),
        (lambda d: cluster_documents([("a", ["x"]), ("a", ["y"])], k=1), "at least 2 documents"),
    ],
)
def test_cluster_errors(labelled, call, message):
    with pytest.raises(CorpusError, match=message):
        call(labelled[0])
