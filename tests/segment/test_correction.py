"""The learnt boundary correction: what it fixes, what it leaves alone, invariance."""

from __future__ import annotations

import math
import unicodedata

import pytest

from corpus_tools.normalize import place_tone_marks
from corpus_tools.segment import cache, correction, decoder, tokenize, tokenize_texts
from corpus_tools.segment.correction import (
    boundary_scores,
    load_boundary_model,
    piece_shape,
    read_boundary_model,
)
from corpus_tools.segment.tokens import reference_tokenize_texts

# Each differs from the model alone (the first list) and matches the UD VTB convention.
FIXED = [
    (
        "Người dân ở đây rất vui.",
        ["Người_dân", "ở", "đây", "rất", "vui"],
        ["Người", "dân", "ở", "đây", "rất", "vui"],
    ),
    (
        "Hôm qua Phú chọn con đường khác.",
        ["Hôm_qua", "Phú_chọn", "con", "đường", "khác"],
        ["Hôm_qua", "Phú", "chọn", "con", "đường", "khác"],
    ),
    ("Bà Liễu giữ lời hứa", ["Bà", "Liễu_giữ", "lời", "hứa"], ["Bà", "Liễu", "giữ", "lời", "hứa"]),
    ("Vì sao họ đến muộn?", ["Vì", "sao", "họ", "đến", "muộn"], ["Vì_sao", "họ", "đến", "muộn"]),
    ("Người ta nói như vậy.", ["Người", "ta", "nói", "như_vậy"], ["Người_ta", "nói", "như_vậy"]),
    (
        "Ông Thuỵ hoà giải vụ việc.",
        ["Ông", "Thụy_hòa_giải", "vụ_việc"],
        ["Ông", "Thụy", "hòa_giải", "vụ_việc"],
    ),
]


@pytest.fixture
def no_correction(monkeypatch):
    monkeypatch.setattr(decoder, "LEARNT_CORRECTION", False)


@pytest.mark.parametrize(("text", "model", "corrected"), FIXED)
def test_the_correction_fixes_these(text, model, corrected):
    assert tokenize(text, user_words=()) == corrected
    assert reference_tokenize_texts([text], user_words=()) == [corrected]


@pytest.mark.parametrize(("text", "model", "corrected"), FIXED)
def test_the_model_alone_gets_them_wrong(no_correction, text, model, corrected):
    assert tokenize(text, user_words=()) == model


def _variants(text: str) -> list[str]:
    return [
        text,
        unicodedata.normalize("NFD", text),
        text.replace("Đ", "Ð").replace("đ", "ð"),  # U+00D0/U+00F0, scraped in place of Đ/đ
        " ".join(place_tone_marks(word, style="old") for word in text.split(" ")),
        " ".join(place_tone_marks(word, style="new") for word in text.split(" ")),
    ]


@pytest.mark.parametrize("user_words", [None, ()])
@pytest.mark.parametrize(
    "text",
    [
        "Ông Thuỵ hoà giải vụ việc, Đảng uỷ khoẻ mạnh.",
        "Chị Hoà chọn đường về. Người dân đến Ủy ban nhân dân xã Đoài.",
        "Đồng chí Thủy trở về; Ban Tổ chức Trung ương họp bàn về hòa bình.",
    ],
)
def test_output_is_the_same_however_the_input_is_typed(text, user_words):
    variants = _variants(text)
    assert len(set(variants)) >= 4  # really typed differently
    outputs = [tokenize(v, keep_punct=True, user_words=user_words) for v in variants]
    assert all(output == outputs[0] for output in outputs)
    assert tokenize_texts(variants, keep_punct=True, user_words=user_words) == outputs


def test_only_boundaries_between_two_syllables_are_rescored():
    pieces = ["Năm", "2024", ",", "Phú", "chọn", "205-QĐ/TW", "UBND", "tỉnh"]
    scores = boundary_scores(pieces, [True] * len(pieces), [1.0] * len(pieces))
    rescored = [j for j, score in enumerate(scores) if score is not None]
    assert rescored == [4, 7]  # Phú|chọn and UBND|tỉnh


# Seed sentences where the model joins a word with the Roman numeral after it; the
# correction, which learnt from a treebank that splits them ("Đại hội / XII"), split
# them before the numeral counted as a number (issue 14).
ROMAN_NUMERALS_KEPT = [
    (
        "thi hành Điều lệ Đảng nhiệm kỳ Đại hội XII, trình Đại hội XIII",
        ["thi_hành", "Điều_lệ_Đảng", "nhiệm_kỳ", "Đại_hội_XII", "trình", "Đại_hội", "XIII"],
    ),
    (
        "Kết quả công tác làm việc quý IV / 2021 tại 70 điểm.",
        ["Kết_quả", "công_tác", "làm_việc", "quý_IV", "2021", "tại", "70", "điểm"],
    ),
    (
        "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        ["Đại_hội_đại_biểu_toàn_quốc", "lần", "thứ_XIII", "của", "Đảng"],
    ),
    (
        "Giải Búa liềm vàng lần thứ VI, năm 2021.",
        ["Giải", "Búa_liềm", "vàng", "lần", "thứ_VI", "năm", "2021"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROMAN_NUMERALS_KEPT)
def test_the_correction_keeps_the_model_before_a_roman_numeral(text, expected):
    assert tokenize(text) == expected
    assert reference_tokenize_texts([text]) == [expected]
    for variant in _variants(text):
        assert tokenize(variant) == expected


@pytest.mark.parametrize(("text", "expected"), ROMAN_NUMERALS_KEPT)
def test_the_model_alone_joins_them_too(no_correction, text, expected):
    assert tokenize(text) == expected


def test_a_line_of_one_piece_has_no_boundary():
    assert boundary_scores(["họp"], [True], [2.0]) == [None]


@pytest.mark.parametrize(
    ("piece", "shape"),
    [
        ("họp", "lower"),
        ("Hà", "title"),
        ("Ý", "title"),
        ("HĐND", "upper"),
        ("ĐảNG", "mixed"),
        ("XIII", "roman"),
        ("IV", "roman"),
        ("I", "roman"),
        ("C", "title"),  # "vitamin C", not a hundred
        ("CV", "upper"),
    ],
)
def test_piece_shape(piece, shape):
    assert piece_shape(piece) == shape


def test_the_shipped_model_has_its_weights_and_pairs():
    weights, pairs = load_boundary_model()
    assert {"intercept", "viterbi", "margin", "in_dictionary", "pair_log_odds"} <= set(weights)
    assert all(math.isfinite(value) for value in weights.values())
    assert len(pairs) > 10_000
    assert all(key == tuple(s.lower() for s in key) for key in pairs)


def test_the_data_file_carries_its_licence_and_is_part_of_the_segmenter_version():
    from importlib import resources

    data = resources.files("corpus_tools").joinpath("data")
    head = data.joinpath(correction.PAIRS_FILE).read_text(encoding="utf-8")[:2000]
    assert "CC BY-SA 4.0" in head and "UD_Vietnamese-VTB" in head
    notice = data.joinpath("LICENSE-vtb-syllable-pairs.txt").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice
    assert correction.PAIRS_FILE in cache.SEGMENTER_DATA


def test_read_boundary_model_refuses_a_damaged_line():
    with pytest.raises(ValueError, match="cannot read line"):
        read_boundary_model("weight\tviterbi\n")


def test_user_words_are_joined_by_default_and_can_be_gated(monkeypatch):
    text = "Ban Tổ chức Trung ương họp."
    assert tokenize(text)[0] == "Ban_Tổ_chức_Trung_ương"
    monkeypatch.setattr(decoder, "USER_WORD_CONFIDENCE", math.log(9))
    assert tokenize(text)[:3] == ["Ban", "Tổ_chức", "Trung_ương"]  # the model is sure
    assert tokenize("Bộ Chính trị họp.")[0] == "Bộ_Chính_trị"  # the model agrees
    assert reference_tokenize_texts([text]) == [tokenize(text)]


def test_scores_are_the_weighted_features_the_learner_uses():
    from corpus_tools.segment.correction import boundary_features
    from corpus_tools.segment.crf import model_dictionary

    weights, pairs = load_boundary_model()
    pieces = ["Người", "dân", "ở", "Hà", "Nội", ",", "Phú", "chọn", "trở", "về", "."]
    begins = [True, False, True, True, False, True, True, False, True, True, True]
    margins = [3.0, -2.0, 1.5, 0.5, -4.0, 6.0, 2.0, 0.25, 1.0, -0.5, 5.0]
    lowered = [p.lower() for p in pieces]
    for j, score in enumerate(boundary_scores(pieces, begins, margins)):
        features = (
            boundary_features(pieces, lowered, begins, margins, j, pairs, model_dictionary())
            if j
            else None
        )
        if features is None:
            assert score is None
        else:
            expected = weights["intercept"] + sum(
                weights.get(name, 0.0) * value for name, value in features.items()
            )
            assert score == pytest.approx(expected, abs=1e-12)
