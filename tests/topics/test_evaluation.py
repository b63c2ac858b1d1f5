"""Tests for corpus_tools.topics.evaluation: NPMI coherence, choosing k, agreement with labels."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.topics import (
    TopicModel,
    choose_k,
    cluster_documents,
    coherence,
    compare_with_labels,
    document_topics,
    fit_topics,
)

from .toy import CATEGORIES, TOY, TOY_DOCS, TOY_LABELS, labelled_documents

# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: compare_with_labels(m, TOY_LABELS[:-1]), "labels has 7 entries"),
        (lambda m: compare_with_labels(m, [*TOY_LABELS, "x"]), "labels has 9 entries"),
        (
            lambda m: compare_with_labels(document_topics(m, doc_ids=TOY_DOCS), ["x"] * 3),
            "labels has 3 entries but the table has 4",
        ),
        (lambda m: coherence(m, TOY, n_top=1), "n_top must be"),
        (lambda m: coherence(m, TOY, measure="umass"), "measure must be 'npmi'"),
        (lambda m: coherence(m, []), "at least 1 units"),
    ],
)
def test_evaluation_errors(toy_model, call, message):
    with pytest.raises(CorpusError, match=message):
        call(toy_model)


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        ((TOY, [2], (0,)), {}, "at least two distinct seeds"),
        ((TOY, [2], (1, 1)), {}, "at least two distinct seeds"),
        ((TOY, []), {}, "distinct numbers of topics"),
        ((TOY, [2, 2]), {}, "distinct numbers of topics"),
        ((TOY, [0, 2]), {}, "at least 1"),
        ((TOY, [8, 9]), {}, r"more than the 6 units in each sample \(6 units"),
        ((TOY, [2]), {"sample_fraction": 0}, "sample_fraction must be"),
        ((TOY, [2]), {"stability_ratio": 1.5}, "stability_ratio must be"),
        ((TOY, [2]), {"min_df": 4}, "vocabulary is empty"),
        (([["cán_bộ"]], [1]), {}, "at least 2 units"),
    ],
)
def test_choose_k_errors(args, options, message):
    with pytest.raises(CorpusError, match=message):
        choose_k(*args, **options)


# --------------------------------------------------------------------------- compare_with_labels


def test_compare_documents_with_labels(toy_model):
    table = document_topics(toy_model, doc_ids=TOY_DOCS)
    labels = ["chính trị", "chính trị", "thể thao", "thể thao"]
    assert compare_with_labels(table, labels) == {"nmi": 1.0, "ari": 1.0}


@pytest.mark.parametrize(
    ("labels", "expected_nmi"),
    [
        (TOY_LABELS, 1.0),
        (["x"] * 8, 0.0),
        (["a", "b"] * 4, 0.0),
    ],
)
def test_compare_with_labels(toy_model, labels, expected_nmi):
    scores = compare_with_labels(toy_model, labels)
    assert set(scores) == {"nmi", "ari"}
    assert scores["nmi"] == pytest.approx(expected_nmi, abs=1e-12)


# --------------------------------------------------------------------------- coherence


# Three units; "cầu_thủ" twice in the first still counts as one unit.
NPMI_UNITS = [
    ["bóng_đá", "cầu_thủ", "cầu_thủ"],
    ["bóng_đá", "cầu_thủ", "trận_đấu"],
    ["bóng_đá", "trận_đấu", "cán_bộ"],
]


def _hand_model(topic_terms: list[list[float]]) -> TopicModel:
    weights = np.array(topic_terms)
    return TopicModel(
        model=None,
        vectorizer=None,
        vocabulary=np.array(["bóng_đá", "cán_bộ", "cầu_thủ", "trận_đấu"], dtype=object),
        unit_topics=np.full((3, len(weights)), 1 / len(weights)),
        topic_terms=weights,
        method="nmf",
        k=len(weights),
    )


def test_npmi_by_hand():
    # N = 3 units; D(bóng_đá) = 3, D(cầu_thủ) = 2, D(trận_đấu) = 2, D(cán_bộ) = 1.
    # Topic 0, top terms bóng_đá, cầu_thủ, trận_đấu:
    #   (bóng_đá, cầu_thủ):  D = 2, log(2·3 / (3·2)) = log 1 = 0          -> NPMI 0
    #   (bóng_đá, trận_đấu): D = 2, likewise                               -> NPMI 0
    #   (cầu_thủ, trận_đấu): D = 1, log(1·3 / (2·2)) = log 0.75 = -0.28768,
    #                        divided by -log(1/3) = 1.09861                -> NPMI -0.26186
    #   mean = -0.26186 / 3 = -0.08729
    # Topic 1, top terms cán_bộ, cầu_thủ: never in one unit                -> NPMI -1
    # Topic 2 has one term only                                            -> NaN
    model = _hand_model(
        [[0.5, 0.0, 0.3, 0.2], [0.0, 0.6, 0.4, 0.0], [1.0, 0.0, 0.0, 0.0]],
    )
    scores = coherence(model, NPMI_UNITS)
    expected_pair = math.log(0.75) / -math.log(1 / 3)
    assert expected_pair == pytest.approx(-0.26186, abs=1e-5)
    assert scores[0] == pytest.approx(expected_pair / 3)
    assert scores[0] == pytest.approx(-0.08729, abs=1e-5)
    assert scores[1] == -1.0
    assert np.isnan(scores[2])
    # with only the top two terms of topic 0, (bóng_đá, cầu_thủ) is independent: 0
    assert coherence(model, NPMI_UNITS, n_top=2)[0] == pytest.approx(0.0, abs=1e-12)


def test_npmi_of_words_always_together_is_one():
    model = _hand_model([[0.5, 0.0, 0.0, 0.5]])
    units = [["bóng_đá", "trận_đấu"], ["trận_đấu", "bóng_đá", "cán_bộ"], ["cán_bộ"]]
    # D(a) = D(b) = D(a, b) = 2 of 3: log(2·3 / (2·2)) / -log(2/3) = log 1.5 / log 1.5 = 1
    assert coherence(model, units)[0] == pytest.approx(1.0)
    # in every unit: -log P(a, b) = 0, the limit is 1
    assert coherence(model, [["bóng_đá", "trận_đấu"]] * 3)[0] == 1.0


def test_npmi_counts_words_not_syllables():
    model = _hand_model([[0.5, 0.0, 0.5, 0.0]])  # bóng_đá and cầu_thủ
    syllables = [["bóng", "đá", "cầu", "thủ"], ["bóng", "đá"]]
    assert coherence(model, syllables)[0] == -1.0  # the words never occur


def test_coherence_of_toy_topics(toy_model):
    scores = coherence(toy_model, TOY, n_top=3)
    assert scores.shape == (2,)
    assert (scores > 0).all()  # each theme's top words share paragraphs


# --------------------------------------------------------------------------- choose_k


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_choose_k_table(method):
    table = choose_k(TOY, [1, 2, 3, 4], method=method, n_top=3)
    assert table.columns.tolist() == [
        "k",
        "coherence",
        "coherence_sd",
        "stability",
        "converged",
        "recommended",
    ]
    assert table["k"].tolist() == [1, 2, 3, 4]
    assert table["recommended"].sum() == 1
    assert table["stability"].between(0, 1).all()
    assert table["coherence"].between(-1, 1).all()
    k = int(table.loc[table["recommended"], "k"].iloc[0])
    assert table.attrs["reason"].startswith(f"k={k} has the highest mean NPMI coherence")


THEMES = {name: CATEGORIES[name] for name in ("chính trị", "thể thao", "y tế")}


SHARED = ["năm", "ngày", "người", "tỉnh", "hà_nội", "thành_phố", "tháng", "tuần"]


def _planted_corpus(seed: int) -> tuple[list[list[str]], list[str]]:
    """30 paragraphs per theme: 6 words of the theme and 3 shared words each."""
    rng = np.random.default_rng(seed)
    units, labels = [], []
    for label, words in THEMES.items():
        for _ in range(30):
            units.append([*rng.choice(words, 6), *rng.choice(SHARED, 3)])
            labels.append(label)
    return units, labels


@pytest.mark.parametrize("seed", [0, 1])
def test_choose_k_finds_planted_themes(seed):
    units, labels = _planted_corpus(seed)
    table = choose_k(units, range(2, 7))
    assert table.loc[table["recommended"], "k"].tolist() == [3]
    assert table["stability"].idxmax() == table["coherence"].idxmax() == 1  # both peak at k=3
    assert compare_with_labels(fit_topics(units, k=3), labels) == {"nmi": 1.0, "ari": 1.0}


def test_choose_k_skips_a_k_the_corpus_cannot_support():
    table = choose_k(TOY, [2, 8])
    assert table["k"].tolist() == [2]
    assert "k=8 skipped" in table.attrs["reason"]


def test_choose_k_is_repeatable():
    first = choose_k(TOY, [2, 3])
    second = choose_k(TOY, [2, 3])
    pd.testing.assert_frame_equal(first, second)


def test_choose_k_without_subsampling_is_perfectly_stable():
    # Only the random start changes between seeds now; two clear themes survive it.
    # (n_top=3: TOY has 10 terms, so a topic's top 10 would take in stray small weights.)
    table = choose_k(TOY, [2], sample_fraction=1.0, n_top=3)
    assert table["stability"].tolist() == [1.0]


# --------------------------------------------------------------------------- the seeds


def test_seed_paragraphs_choose_k(seed_paragraphs):
    _, tokens = seed_paragraphs
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # non-convergence goes into the table, not a warning
        table = choose_k(tokens, range(2, 9))
    # the ks given first, then any the range was widened to, one at a time
    assert table["k"].tolist() == list(range(2, 9)) + table.attrs["widened"]
    assert table.attrs["widened"] == list(range(9, 9 + len(table.attrs["widened"])))
    assert table["recommended"].sum() == 1
    assert isinstance(table.attrs["reason"], str)


def test_choose_k_counts_fits_that_did_not_converge(seed_paragraphs):
    _, tokens = seed_paragraphs
    table = choose_k(tokens, [4, 6], max_iter=3, widen=False)
    assert table["converged"].tolist() == [0.0, 0.0]
    assert "stopped at max_iter=3 before converging" in table.attrs["reason"]
    assert "k=4, 6" in table.attrs["reason"]


# --------------------------------------------------------------------------- widening choose_k


def test_choose_k_widens_while_coherence_rises():
    units, _ = _planted_corpus(0)  # three themes
    table = choose_k(units, [2, 3])  # k=3, the largest given, scores best: try k=4
    assert table.attrs["widened"] == [4]
    assert table["k"].tolist() == [2, 3, 4]
    assert table.attrs["peaked"] is True
    assert table.loc[table["recommended"], "k"].tolist() == [3]
    assert table.attrs["reason"].startswith("k=3 has the highest mean NPMI coherence")
    assert table.attrs["reason"].endswith("the range was widened to k=4.")


def test_choose_k_widens_by_the_last_step():
    units, _ = _planted_corpus(0)
    table = choose_k(units, [2, 4])
    assert table["k"].tolist()[:2] == [2, 4]
    assert table.attrs["widened"][:1] == [6]
    assert np.diff(table["k"]).tolist() == [2] * (len(table) - 1)


@pytest.mark.parametrize(
    ("options", "why"),
    [({"widen": False}, "widen=False"), ({"max_k": 3}, "max_k=3")],
)
def test_choose_k_says_when_coherence_never_stopped_rising(options, why):
    units, _ = _planted_corpus(0)
    table = choose_k(units, [2, 3], **options)
    assert table["k"].tolist() == [2, 3]
    assert table.attrs["peaked"] is False
    reason = table.attrs["reason"]
    assert reason.startswith(f"coherence never stopped rising: the largest k tried (k=3, {why})")
    assert "so coherence does not choose k" in reason
    # the most stable k is recommended instead, and said to be a working choice
    most_stable = int(table.loc[table["stability"].idxmax(), "k"])
    assert table.loc[table["recommended"], "k"].tolist() == [most_stable]
    assert f"k={most_stable} is recommended instead as the most stable k tried" in reason


def test_choose_k_widening_stops_at_what_the_corpus_allows():
    # TOY has 8 units, 6 per sample: with its top 10 words (its whole vocabulary) a
    # topic's coherence rises with every k, up to the 6 topics a sample can hold
    table = choose_k(TOY, [2, 3], max_k=50)
    assert table["k"].tolist() == [2, 3, 4, 5, 6]
    assert table.attrs["widened"] == [4, 5, 6]
    assert table.attrs["peaked"] is False
    assert "the largest k tried (k=6, the most the corpus allows)" in table.attrs["reason"]
    assert "the range was widened to k=4, 5, 6" in table.attrs["reason"]


def test_choose_k_with_one_k_chooses_nothing():
    units, _ = _planted_corpus(0)
    table = choose_k(units, [3])
    assert table["k"].tolist() == [3] and table["recommended"].tolist() == [True]
    assert table.attrs["peaked"] is False
    assert table.attrs["reason"].startswith("k=3 is the only k tried")
    assert "smallest" not in table.attrs["reason"]


def test_choose_k_samples_at_most_max_sample_units():
    units, _ = _planted_corpus(0)  # 90 units
    with pytest.raises(CorpusError, match=r"more than the 20 units in each sample"):
        choose_k(units, [25, 30], max_sample=20)
    assert choose_k(units, [2, 3], max_sample=20, widen=False)["k"].tolist() == [2, 3]


def test_choose_k_stability_is_measured_across_starts():
    # every seed sees every unit: only the random start differs, and six topics over
    # three themes split them differently from one start to the next
    units, _ = _planted_corpus(0)
    table = choose_k(units, [3, 6], sample_fraction=1.0, widen=False)
    stability = dict(zip(table["k"], table["stability"], strict=True))
    assert stability[6] < 0.9
    assert stability[3] > stability[6]


def test_compare_clusters_with_labels():
    docs, labels = labelled_documents(0, own=0.5)
    clusters = cluster_documents(docs, k=5)
    assert compare_with_labels(clusters, labels) == {"nmi": 1.0, "ari": 1.0}
    with pytest.raises(CorpusError, match="the clusters have 120 units"):
        compare_with_labels(clusters, labels[:-1])
