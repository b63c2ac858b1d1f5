"""Topic models: fitting, the tables built from them, NPMI coherence and choosing k."""

from __future__ import annotations

import dataclasses
import math
import pickle
import unicodedata
import warnings

import numpy as np
import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.io import read_corpus
from corpus_tools.segment import load_stopwords, text_units, tokenize_corpus
from corpus_tools.topics import (
    TopicModel,
    TopicModelError,
    choose_k,
    coherence,
    compare_with_labels,
    document_topics,
    fit_topics,
    topic_terms,
    typical_units,
)

METHODS = ["nmf", "lda", "minibatch_nmf", "online_lda"]

POLITICS = {"bộ_chính_trị", "ban_bí_thư", "cán_bộ", "ở", "hội_nghị"}
FOOTBALL = {"bóng_đá", "cầu_thủ", "trận_đấu", "ghi_bàn", "sân"}

# Two obvious themes, four short paragraphs each; "ở" is a one-letter word.
TOY = [
    ["bộ_chính_trị", "ban_bí_thư", "cán_bộ", "ở"],
    ["cán_bộ", "hội_nghị", "bộ_chính_trị"],
    ["ban_bí_thư", "cán_bộ", "hội_nghị", "ở"],
    ["bộ_chính_trị", "ban_bí_thư", "hội_nghị"],
    ["bóng_đá", "cầu_thủ", "trận_đấu"],
    ["cầu_thủ", "ghi_bàn", "sân", "trận_đấu"],
    ["trận_đấu", "bóng_đá", "ghi_bàn"],
    ["sân", "bóng_đá", "cầu_thủ", "ghi_bàn"],
]
TOY_LABELS = ["chính trị"] * 4 + ["thể thao"] * 4
TOY_DOCS = ["a", "a", "b", "b", "c", "c", "d", "d"]


@pytest.fixture(scope="module")
def toy_model():
    return fit_topics(TOY, k=2)


@pytest.fixture(scope="module")
def seed_paragraphs():
    """The seed paragraphs: (doc_id, text) pairs and their tokens, tokenized once."""
    docs = read_corpus()
    units = text_units(docs, unit="paragraph")
    tokens = tokenize_corpus(
        docs, unit="paragraph", lowercase=True, stopwords=load_stopwords(), keep_numbers=False
    )
    return units, tokens


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
        (lambda m: document_topics(m, ["a"] * 7), "unit_to_doc has 7 entries"),
        (lambda m: compare_with_labels(m, TOY_LABELS[:-1]), "labels has 7 entries"),
        (lambda m: compare_with_labels(m, [*TOY_LABELS, "x"]), "labels has 9 entries"),
        (
            lambda m: compare_with_labels(document_topics(m, TOY_DOCS), ["x"] * 3),
            "labels has 3 entries but the table has 4",
        ),
        (lambda m: topic_terms(m, n_top=0), "n_top must be"),
        (lambda m: typical_units(m, n=0), "n must be"),
        (lambda m: coherence(m, TOY, n_top=1), "n_top must be"),
        (lambda m: coherence(m, TOY, measure="umass"), "measure must be 'npmi'"),
        (lambda m: coherence(m, []), "at least 1 units"),
    ],
)
def test_table_errors(toy_model, call, message):
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
    table = document_topics(toy_model, ["d", "d", "b", "b", "c", "c", "a", "a"])
    assert table.index.tolist() == ["d", "b", "c", "a"]  # first-seen order
    assert table.index.name == "doc_id"
    assert table.columns.tolist() == [0, 1]
    np.testing.assert_allclose(table.sum(axis=1), 1.0)
    expected = toy_model.unit_topics[[0, 1]].mean(axis=0)
    np.testing.assert_allclose(table.loc["d"].to_numpy(), expected)


def test_compare_documents_with_labels(toy_model):
    table = document_topics(toy_model, TOY_DOCS)
    labels = ["chính trị", "chính trị", "thể thao", "thể thao"]
    assert compare_with_labels(table, labels) == {"nmi": 1.0, "ari": 1.0}


def test_document_topics_takes_text_unit_pairs(toy_model):
    pairs = [(doc, f"đoạn {i}") for i, doc in enumerate(TOY_DOCS)]
    pd.testing.assert_frame_equal(
        document_topics(toy_model, pairs), document_topics(toy_model, TOY_DOCS)
    )


def test_typical_units(toy_model):
    table = typical_units(toy_model, n=2)
    assert table.columns.tolist() == ["topic", "rank", "unit", "weight"]
    assert table["rank"].tolist() == [1, 2, 1, 2]
    themes = [{TOY_LABELS[unit] for unit in group["unit"]} for _, group in table.groupby("topic")]
    assert sorted(map(len, themes)) == [1, 1] and themes[0] != themes[1]
    for row in table.itertuples():
        assert row.weight == toy_model.unit_topics[row.unit, row.topic]
    assert len(typical_units(toy_model, n=50)) == 2 * len(TOY)  # n capped at the units


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
    assert typical_units(model, n=3)["unit"].tolist() == [1, 2, 0]


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


THEMES = {
    "chính trị": ["bộ_chính_trị", "ban_bí_thư", "cán_bộ", "đảng_viên", "nghị_quyết",
                  "đại_hội", "tỉnh_ủy", "nhiệm_kỳ", "quy_hoạch", "kỷ_luật"],
    "thể thao": ["bóng_đá", "cầu_thủ", "trận_đấu", "ghi_bàn", "sân",
                 "huấn_luyện_viên", "đội_tuyển", "giải_đấu", "thủ_môn", "bàn_thắng"],
    "y tế": ["bệnh_viện", "bác_sĩ", "bệnh_nhân", "điều_trị", "vắc_xin",
             "dịch_bệnh", "y_tế", "thuốc", "khám", "xét_nghiệm"],
}  # fmt: skip
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
    table = choose_k(TOY, [2], sample_fraction=1.0)
    assert table["stability"].tolist() == [1.0]


# --------------------------------------------------------------------------- the seeds


def test_seed_paragraphs(seed_paragraphs):
    units, tokens = seed_paragraphs
    assert len(units) == len(tokens) > 50
    model = fit_topics(tokens, k=5)
    assert model.unit_topics.shape == (len(tokens), 5)
    doc_ids = list(dict.fromkeys(doc_id for doc_id, _ in units))
    table = document_topics(model, units)
    assert table.index.tolist() == doc_ids
    np.testing.assert_allclose(table.sum(axis=1), 1.0)
    terms = topic_terms(model, n_top=10)
    assert terms.groupby("topic").size().tolist() == [10] * 5
    assert not terms["token"].isin(load_stopwords()).any()
    scores = coherence(model, tokens)
    assert np.isfinite(scores).all() and (scores > -1).all()
    quoted = typical_units(model)
    assert all(units[unit][1] for unit in quoted["unit"])
    again = fit_topics(tokens, k=5)
    assert np.array_equal(model.unit_topics, again.unit_topics)
    assert np.array_equal(model.topic_terms, again.topic_terms)


def test_seed_paragraphs_choose_k(seed_paragraphs):
    _, tokens = seed_paragraphs
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # non-convergence goes into the table, not a warning
        table = choose_k(tokens, range(2, 9))
    assert table["k"].tolist() == list(range(2, 9))
    assert table["recommended"].sum() == 1
    assert isinstance(table.attrs["reason"], str)


def test_choose_k_counts_fits_that_did_not_converge(seed_paragraphs):
    _, tokens = seed_paragraphs
    table = choose_k(tokens, [4, 6], max_iter=3)
    assert table["converged"].tolist() == [0.0, 0.0]
    assert "stopped at max_iter=3 before converging" in table.attrs["reason"]
    assert "k=4, 6" in table.attrs["reason"]


def test_nfd_text_gives_the_same_model(seed_paragraphs):
    units, _ = seed_paragraphs
    texts = [text for _, text in units[:20]]
    options = {"unit": "paragraph", "lowercase": True, "stopwords": load_stopwords()}
    nfc = fit_topics(tokenize_corpus(texts, **options), k=3)
    nfd_texts = [unicodedata.normalize("NFD", text) for text in texts]
    nfd = fit_topics(tokenize_corpus(nfd_texts, **options), k=3)
    assert np.array_equal(nfc.vocabulary, nfd.vocabulary)
    assert np.array_equal(nfc.unit_topics, nfd.unit_topics)
