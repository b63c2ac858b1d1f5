"""Tests for corpus_tools.features.phrases: collocations and word candidates.

Expected numbers are worked out by hand in the comments beside them (ln = natural log).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import collocations, word_candidates
from corpus_tools.segment import tokenize_corpus

from .helpers import rows

LN = math.log

# --------------------------------------------------------------------------- collocations


def test_word_collocations_by_hand():
    # Pairs (the comma breaks one): (cán_bộ, đảng_viên) x2, (đảng_viên, cán_bộ) x1; N = 3.
    # cán_bộ opens 2 pairs, đảng_viên closes 2: PMI = log2(2 * 3 / (2 * 2)) = log2 1.5
    # Table [[2, 0], [0, 1]]: E = [[4/3, 2/3], [2/3, 1/3]],
    # LLR = 2 (2 ln(2 / (4/3)) + 1 ln(1 / (1/3))) = 2 (2 ln 1.5 + ln 3) = 3.819085
    docs = [["cán_bộ", "đảng_viên", ",", "cán_bộ", "đảng_viên", "cán_bộ"]]
    table = collocations(docs, min_count=2)
    assert list(table.columns) == ["first", "second", "collocation", "count", "pmi", "llr"]
    assert rows(table, ["first", "second", "collocation", "count"]) == [
        ("cán_bộ", "đảng_viên", "cán bộ đảng viên", 2)
    ]
    assert math.isclose(table.loc[0, "pmi"], math.log2(1.5))
    assert math.isclose(table.loc[0, "llr"], 2 * (2 * LN(1.5) + LN(3)))


def test_syllable_collocations_by_hand():
    # Syllables: cán bộ | đảng viên , cán bộ | đảng viên | cán bộ  (| = word boundary)
    # Pairs: (cán, bộ) x3 within, (bộ, đảng) x2 across, (đảng, viên) x2 within,
    # (viên, cán) x1 across; N = 8.
    # PMI (bộ, đảng) = log2(2 * 8 / (2 * 2)) = 2; (đảng, viên) = 2;
    # (cán, bộ) = log2(3 * 8 / (3 * 3)) = 1.415037.
    # LLR (bộ, đảng): table [[2, 0], [0, 6]], E = [[0.5, 1.5], [1.5, 4.5]]:
    # 2 (2 ln 4 + 6 ln(6 / 4.5)) = 8.997362. The tie on PMI goes to the larger count,
    # then to "bộ" < "đảng".
    docs = [["cán_bộ", "đảng_viên", ",", "cán_bộ", "đảng_viên", "cán_bộ"]]
    table = collocations(docs, level="syllable", min_count=2)
    assert rows(table, ["first", "second", "count", "within_word", "candidate_word"]) == [
        ("bộ", "đảng", 2, False, False),
        ("đảng", "viên", 2, True, False),
        ("cán", "bộ", 3, True, False),
    ]
    assert np.allclose(table["pmi"], [2.0, 2.0, math.log2(24 / 9)])
    assert math.isclose(table.loc[0, "llr"], 2 * (2 * LN(4) + 6 * LN(6 / 4.5)))
    by_llr = collocations(docs, level="syllable", min_count=2, measure="llr")
    assert by_llr["llr"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("docs", "level", "expected"),
    [
        # No pair spans punctuation, a literal "_" or two documents.
        ([["cán_bộ", ",", "đảng_viên"]], "word", []),
        ([["cán_bộ", "_", "đảng_viên"]], "word", []),
        ([["cán_bộ"], ["đảng_viên"]], "word", []),
        ([["cán_bộ", ",", "đảng_viên"]], "syllable", [("cán", "bộ"), ("đảng", "viên")]),
        ([["ở"], [], ["Ý", "ở"]], "word", [("Ý", "ở")]),
        ([], "syllable", []),
    ],
)
def test_collocation_barriers(docs, level, expected):
    table = collocations(docs, level=level, min_count=1)
    assert sorted(rows(table, ["first", "second"])) == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [({"level": "char"}, "level"), ({"measure": "t"}, "measure"), ({"min_count": 0}, "min_count")],
)
def test_collocation_errors(options, message):
    with pytest.raises(CorpusError, match=message):
        collocations([["ở"]], **options)


# Three sentences with "chạy chức" cut into two one-syllable tokens each time.
# Pairs: (chạy, chức) x3, (chức, là), (là, sai), (chống, chạy), (chức, ở), (ở, cơ),
# (cơ, sở) within, (chức, bị), (bị, kỷ), (kỷ, luật) within: N = 12.
# (chạy, chức): 3 of 3 openings by chạy, 3 of 3 closings by chức:
# PMI = log2(3 * 12 / (3 * 3)) = 2; table [[3, 0], [0, 9]], E = [[0.75, 2.25], [2.25, 6.75]]:
# LLR = 2 (3 ln 4 + 9 ln(9 / 6.75)) = 13.496044 >= 10.83, so it is a candidate word.
SPLIT_WORD = [
    ["chạy", "chức", "là", "sai", "."],
    ["chống", "chạy", "chức", "ở", "cơ_sở"],
    ["chạy", "chức", "bị", "kỷ_luật"],
]
# The same with "chạy_chức" and "chạy_quyền" as two tokens: the pair (chức, chạy) crosses
# the boundary 3 times. Pairs: 5 + 7 + 6 = 18; chức opens 3, chạy closes 4 (also after
# chống): PMI = log2(3 * 18 / (3 * 4)) = log2 4.5; table [[3, 0], [1, 14]],
# E = [[2/3, 7/3], [10/3, 35/3]]: LLR = 2 (3 ln 4.5 + ln 0.3 + 14 ln 1.2) = 11.721532.
SPLIT_PHRASE = [
    ["chạy_chức", "chạy_quyền", "là", "sai"],
    ["chống", "chạy_chức", "chạy_quyền", "ở", "cơ_sở"],
    ["chạy_chức", "chạy_quyền", "bị", "kỷ_luật"],
]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        (SPLIT_WORD, [("chạy chức", "chạy chức", 3, 2.0, 2 * (3 * LN(4) + 9 * LN(9 / 6.75)))]),
        (
            SPLIT_PHRASE,
            [
                (
                    "chạy chức chạy quyền",
                    "chức chạy",
                    3,
                    math.log2(4.5),
                    2 * (3 * LN(4.5) + LN(0.3) + 14 * LN(1.2)),
                )
            ],
        ),
        ([["chạy", "chức"]] * 2, []),  # too rare
    ],
)
def test_word_candidates_by_hand(docs, expected):
    table = word_candidates(docs, min_count=3)
    assert list(table.columns) == ["word", "collocation", "count", "pmi", "llr"]
    assert rows(table, ["word", "collocation", "count"]) == [row[:3] for row in expected]
    if expected:
        assert np.allclose(table[["pmi", "llr"]].to_numpy(), [r[3:] for r in expected])
    syllable_table = collocations(docs, level="syllable", min_count=3)
    assert syllable_table["candidate_word"].sum() == len(expected)


def test_word_candidates_skip_numbers():
    # "năm 2020" crosses a boundary often, but a number is not a syllable of a word.
    docs = [["năm", "2020", "tốt"], ["năm", "2020", "xấu"], ["năm", "2020", "."]] * 3
    assert word_candidates(docs, min_count=3).empty


def test_word_candidates_feed_the_tokenizer():
    words = word_candidates(SPLIT_PHRASE)["word"].tolist()
    tokens = tokenize_corpus(["Kiên quyết chống chạy chức chạy quyền."], user_words=words)
    assert tokens == [["Kiên_quyết", "chống", "chạy_chức_chạy_quyền"]]


@pytest.mark.parametrize(
    "form",
    [
        {"a": SPLIT_PHRASE[0], "b": SPLIT_PHRASE[1], "c": SPLIT_PHRASE[2]},
        [("a", SPLIT_PHRASE[0]), ("a", SPLIT_PHRASE[1]), ("b", SPLIT_PHRASE[2])],
    ],
    ids=["mapping", "pairs-with-repeated-ids"],
)
def test_collocations_take_mappings_and_pairs(form):
    for level in ("word", "syllable"):
        pd.testing.assert_frame_equal(
            collocations(form, level=level, min_count=1),
            collocations(SPLIT_PHRASE, level=level, min_count=1),
        )
    pd.testing.assert_frame_equal(word_candidates(form), word_candidates(SPLIT_PHRASE))
