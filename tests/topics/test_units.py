"""Tests for corpus_tools.topics.units: choosing the unit, leaving out short units."""

from __future__ import annotations

import dataclasses

import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.topics import choose_unit, drop_short_units, fit_topics
from corpus_tools.topics.units import MIN_DOCUMENTS, MIN_TOKENS

from .toy import TOY

# --------------------------------------------------------------------------- choose_unit


@pytest.mark.parametrize(
    ("n_docs", "unit", "expected"),
    [
        (5, "auto", "paragraph"),
        (49, "auto", "paragraph"),
        (50, "auto", "document"),
        (2653, "auto", "document"),
        (5, "document", "document"),
        (3000, "paragraph", "paragraph"),
    ],
)
def test_choose_unit(n_docs, unit, expected):
    chosen, reason = choose_unit(range(n_docs), unit=unit)
    assert chosen == expected
    assert f"{n_docs:,} documents" in reason
    assert ("auto" in reason) == (unit == "auto")


def test_choose_unit_floor_can_move():
    assert MIN_DOCUMENTS == 50
    assert choose_unit(range(20), min_documents=10)[0] == "document"
    assert "fewer than 30" in choose_unit(range(20), min_documents=30)[1]


@pytest.mark.parametrize(
    ("options", "message"), [({"unit": "sentence"}, "unit"), ({"min_documents": 0}, "at least 1")]
)
def test_choose_unit_errors(options, message):
    with pytest.raises(CorpusError, match=message):
        choose_unit(range(5), **options)


# --------------------------------------------------------------------------- drop_short_units


CAPTIONED = [
    ("a", ["ảnh", "TTXVN"]),  # a photo caption
    ("a", ["bộ_chính_trị", "ban_bí_thư", "cán_bộ", "hội_nghị", "nhiệm_kỳ"]),
    ("b", ["hà_nội"]),  # a dateline
    ("b", ["cầu_thủ", "ghi_bàn", "sân", "trận_đấu", "bóng_đá", "thủ_môn"]),
    ("b", []),
]


def test_short_units_are_dropped_and_counted():
    kept = drop_short_units(CAPTIONED)
    assert MIN_TOKENS == 5 and kept.min_tokens == 5
    assert kept.positions == (1, 3)
    assert [doc_id for doc_id, _ in kept.tokens] == ["a", "b"]  # ids travel with the tokens
    assert kept.tokens[1] == CAPTIONED[3]
    assert (kept.dropped, kept.total) == (3, 5)
    assert kept.message.startswith("Left out 3 of 5 units with fewer than 5 words")
    assert "2 units are modelled" in kept.message


def test_texts_are_kept_alike():
    texts = [(doc_id, f"đoạn {i}") for i, (doc_id, _) in enumerate(CAPTIONED)]
    kept = drop_short_units(CAPTIONED, texts=texts)
    assert kept.texts == (texts[1], texts[3])


def test_min_tokens_one_keeps_every_unit_with_a_word():
    kept = drop_short_units(CAPTIONED, min_tokens=1)
    assert kept.positions == (0, 1, 2, 3) and kept.dropped == 1


def test_nothing_dropped_says_so():
    kept = drop_short_units([["a"] * 5, ["b"] * 6])
    assert kept.dropped == 0
    assert kept.tokens == [["a"] * 5, ["b"] * 6]  # plain lists stay plain
    assert "none left out" in kept.message


def test_kept_units_fit_a_model():
    kept = drop_short_units(TOY, min_tokens=4)
    model = fit_topics(kept.tokens, k=2, max_df=1.0)
    assert model.unit_topics.shape[0] == len(kept.positions) == 4


def test_kept_units_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        drop_short_units(CAPTIONED).dropped = 0


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"min_tokens": 7}, "none of the 5 units has 7 words or more"),
        ({"min_tokens": 0}, "min_tokens must be"),
        ({"texts": ["x"]}, "texts has 1 entries for 5 units"),
    ],
)
def test_drop_short_units_errors(options, message):
    with pytest.raises(CorpusError, match=message):
        drop_short_units(CAPTIONED, **options)
