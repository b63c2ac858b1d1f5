"""Tests for corpus_tools.features.keywords: keyness, keyness by document, G².

Expected numbers are worked out by hand in the comments beside them (ln = natural log).
For a chi-square with one degree of freedom the tail is p = erfc(sqrt(G² / 2)).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import keyness, keyness_by_document, keyness_by_group
from corpus_tools.features.keywords import g2

from .helpers import rows

LN = math.log

# --------------------------------------------------------------------------- keyness

# Target ["cán_bộ" x3, "đảng"], reference ["cán_bộ", "đảng" x3]: for cán_bộ the table is
# [[3, 1], [1, 3]] (word / other words x target / reference), N = 8, every E = 2:
# G² = 2 (3 ln(3/2) + 1 ln(1/2) + 1 ln(1/2) + 3 ln(3/2)) = 12 ln 1.5 - 4 ln 2 = 2.092993
G2_SYMMETRIC = 12 * LN(1.5) - 4 * LN(2)
# Target ["ở" x2, "đảng" x2], reference ["đảng" x4]: for ở the table is [[2, 0], [2, 4]],
# rows 2 / 6, columns 4 / 4, N = 8: E = [[1, 1], [3, 3]]:
# G² = 2 (2 ln 2 + 0 + 2 ln(2/3) + 4 ln(4/3)) = 3.452184; đảng has the mirror table.
G2_ABSENT = 2 * (2 * LN(2) + 2 * LN(2 / 3) + 4 * LN(4 / 3))

KEYNESS_CASES = [
    pytest.param(
        ["cán_bộ", "cán_bộ", "cán_bộ", "đảng"],
        ["cán_bộ", "đảng", "đảng", "đảng"],
        # log_ratio cán_bộ = log2((3/4) / (1/4)) = log2 3; đảng = log2((1/4) / (3/4))
        # per_10k: 3 / 4 * 10,000 = 7500, 1 / 4 * 10,000 = 2500
        [
            ("cán_bộ", 3, 1, 7500.0, 2500.0, G2_SYMMETRIC, math.log2(3)),
            ("đảng", 1, 3, 2500.0, 7500.0, -G2_SYMMETRIC, -math.log2(3)),
        ],
        id="symmetric",
    ),
    pytest.param(
        ["ở", "ở", "đảng", "đảng"],
        [["đảng", "đảng"], ["đảng", "đảng"]],
        # ở is absent from the reference: its 0 becomes 0.5, log2((2/4) / (0.5/4)) = 2
        # đảng: log2((2/4) / (4/4)) = -1
        [
            ("ở", 2, 0, 5000.0, 0.0, G2_ABSENT, 2.0),
            ("đảng", 2, 4, 5000.0, 10000.0, -G2_ABSENT, -1.0),
        ],
        id="absent-from-reference",
    ),
    pytest.param(
        [["ở", "ở"], [], ["đảng", "", "đảng"]],
        ["đảng"] * 4,
        [
            ("ở", 2, 0, 5000.0, 0.0, G2_ABSENT, 2.0),
            ("đảng", 2, 4, 5000.0, 10000.0, -G2_ABSENT, -1.0),
        ],
        id="token-lists-with-empty-document",
    ),
]


@pytest.mark.parametrize(("target", "reference", "expected"), KEYNESS_CASES)
def test_keyness_by_hand(target, reference, expected):
    table = keyness(target, reference, min_count=1)
    assert list(table.columns) == [
        "term",
        "token",
        "target_count",
        "reference_count",
        "target_per_10k",
        "reference_per_10k",
        "g2",
        "p_value",
        "log_ratio",
    ]
    assert rows(table, ["token", "target_count", "reference_count"]) == [r[:3] for r in expected]
    numbers = ["target_per_10k", "reference_per_10k", "g2", "log_ratio"]
    assert np.allclose(table[numbers].to_numpy(), [r[3:] for r in expected])
    p_values = [math.erfc(math.sqrt(abs(r[5]) / 2)) for r in expected]
    assert np.allclose(table["p_value"], p_values)


def test_keyness_group_against_group():
    groups = [["cán_bộ", "cán_bộ"], ["cán_bộ", "đảng"], ["đảng", "cán_bộ"], ["đảng", "đảng"]]
    # Group 1 (docs 0-1) against group 2 (docs 2-3) is the "symmetric" case above.
    table = keyness(groups[:2], groups[2:], min_count=1)
    assert table["token"].tolist() == ["cán_bộ", "đảng"]
    assert np.allclose(table["g2"], [G2_SYMMETRIC, -G2_SYMMETRIC])


def test_keyness_min_count():
    table = keyness(["ở", "ở", "đảng"], ["đảng", "cán_bộ"], min_count=2)
    assert table["token"].tolist() == ["ở"]
    assert keyness(["ở"], ["đảng"], min_count=2).empty


def test_keyness_zero_g2_when_equal():
    # Same proportions on both sides: G² = 0, p = 1, log ratio = 0.
    table = keyness(["ở", "đảng"], ["đảng", "ở"])
    assert np.allclose(table["g2"], 0) and np.allclose(table["p_value"], 1)
    assert np.allclose(table["log_ratio"], 0)


@pytest.mark.parametrize(
    ("target", "reference", "message"),
    [
        ([], ["ở"], "target_tokens holds no tokens"),
        ([[], [""]], ["ở"], "target_tokens holds no tokens"),
        (["ở"], [], "reference_tokens holds no tokens"),
        (["ở"], [["ở"], "đảng"], "mixes tokens and token lists"),
    ],
)
def test_keyness_errors(target, reference, message):
    with pytest.raises(CorpusError, match=message):
        keyness(target, reference)


def test_keyness_rejects_one_string():
    # A wrong type, not a bad value: validation.flat_tokens raises TypeError.
    with pytest.raises(TypeError, match="one string"):
        keyness("ở đảng", ["ở"])


def test_keyness_by_document_by_hand():
    # Document a against b is the "absent-from-reference" case; b against a mirrors it:
    # đảng in b: table [[4, 2], [0, 2]] is the same table transposed, G² = +3.452184.
    docs = [["ở", "ở", "đảng", "đảng"], ["đảng"] * 4]
    table = keyness_by_document(docs, doc_ids=["a", "b"])
    assert list(table.columns)[:3] == ["doc_id", "term", "token"]
    # ở is absent from b but used twice in the reference (a): b under-uses it, and the
    # table of ở in b, [[0, 2], [4, 2]], mirrors that of đảng, G² = -3.452184.
    assert rows(table, ["doc_id", "token", "target_count", "reference_count"]) == [
        ("a", "ở", 2, 0),
        ("a", "đảng", 2, 4),
        ("b", "đảng", 4, 2),
        ("b", "ở", 0, 2),
    ]
    assert np.allclose(table["g2"], [G2_ABSENT, -G2_ABSENT, G2_ABSENT, -G2_ABSENT])
    # n_top keeps that many over-used and that many under-used words per document
    top = keyness_by_document(docs, doc_ids=["a", "b"], n_top=1)
    assert rows(top, ["doc_id", "token"]) == [("a", "ở"), ("a", "đảng"), ("b", "đảng"), ("b", "ở")]


@pytest.mark.parametrize(
    ("docs", "options", "message"),
    [
        ([["ở", "đảng"]], {}, "at least two documents"),
        ([["ở", "đảng"], [], [""]], {}, "1 of 3 have any"),
        ([[], []], {}, "0 of 2"),
        ([["ở"], ["đảng"]], {"n_top": 0}, "n_top"),
        ([["ở"], ["đảng"]], {"min_count": 0}, "min_count"),
    ],
)
def test_keyness_by_document_errors(docs, options, message):
    with pytest.raises(CorpusError, match=message):
        keyness_by_document(docs, **options)


def test_seed_article_000_key_terms(seeds):
    """Acceptance: in article 000 against the other four, chạy chức / chạy quyền are key.

    By hand, from the counts at the time of writing (titles included, stopwords and
    numbers dropped): article 000 has 290 tokens with chạy_chức 3 times (title and body);
    the other four have 2092 tokens with it 4 times (001: 2, 003: 1, 004: 1). The table
    [[3, 4], [287, 2088]] has N = 2382, E11 = 7 * 290 / 2382 = 0.8522, E12 = 6.1478,
    E21 = 289.1478, E22 = 2085.8522, so G² = 2 (3 ln(3/0.8522) + 4 ln(4/6.1478)
    + 287 ln(287/289.1478) + 2088 ln(2088/2085.8522)) = 4.13; chạy_quyền is the same.
    With the default min_count=2 that ranks them 16th and 17th.
    """
    doc_ids, tokens = seeds
    assert doc_ids[0].startswith("000_")
    table = keyness(tokens[0], tokens[1:])
    top = table.head(20)["token"].tolist()
    assert "chạy_chức" in top and "chạy_quyền" in top
    row = table.set_index("token").loc["chạy_chức"]
    a, b = row["target_count"], row["reference_count"]
    c, d = len(tokens[0]), sum(map(len, tokens[1:]))
    n = c + d
    cells = [(a, c * (a + b) / n), (b, d * (a + b) / n)]
    cells += [(c - a, c * (n - a - b) / n), (d - b, d * (n - a - b) / n)]
    assert math.isclose(row["g2"], 2 * sum(o * LN(o / e) for o, e in cells if o))
    # The same numbers come out of keyness_by_document.
    by_doc = keyness_by_document(tokens, doc_ids=doc_ids)
    first = by_doc[by_doc["doc_id"] == doc_ids[0]].reset_index(drop=True)
    pd.testing.assert_frame_equal(first.drop(columns="doc_id"), table, check_dtype=False)


def test_g2_by_hand():
    # The "absent-from-reference" table [[2, 0], [2, 4]] and the "symmetric" one
    # [[3, 1], [1, 3]], in one call; a table without any count scores 0.
    got = g2(np.array([2, 3, 0]), np.array([0, 1, 0]), np.array([2, 1, 0]), np.array([4, 3, 5]))
    assert np.allclose(got, [G2_ABSENT, G2_SYMMETRIC, 0.0])


# --------------------------------------------------------------------------- ids travel with tokens


def test_keyness_by_document_takes_ids_from_mappings_and_pairs():
    docs = {"a": ["ở", "ở", "đảng", "đảng"], "b": ["đảng"] * 4}
    expected = keyness_by_document(list(docs.values()), doc_ids=["a", "b"])
    pd.testing.assert_frame_equal(keyness_by_document(docs), expected)
    pd.testing.assert_frame_equal(keyness_by_document(list(docs.items())), expected)


def test_keyness_by_document_doc_ids_is_keyword_only():
    with pytest.raises(TypeError):
        keyness_by_document([["ở", "ở"], ["đảng", "đảng"]], ["a", "b"])


def test_keyness_takes_mappings_and_pairs_on_either_side():
    target = {"a": ["ở", "ở"], "b": ["đảng", "", "đảng"]}
    reference = [("c", ["đảng", "đảng"]), ("d", ["đảng", "đảng"])]
    expected = keyness(["ở", "ở", "đảng", "đảng"], ["đảng"] * 4, min_count=1)
    pd.testing.assert_frame_equal(keyness(target, reference, min_count=1), expected)


# --------------------------------------------------------------------------- over- and under-use


def test_keyness_reports_words_absent_from_the_target_as_under_used():
    # đảng: target 0, reference 4 → table [[0, 4], [4, 0]], N = 8, every E = 2:
    # G² = 2 (4 ln 2 + 4 ln 2) = 16 ln 2, signed negative; log ratio log2((0.5/4)/(4/4)) = -3
    table = keyness(["ở"] * 4, ["đảng"] * 4)
    assert rows(table, ["token", "target_count", "reference_count"]) == [
        ("ở", 4, 0),
        ("đảng", 0, 4),
    ]
    assert np.allclose(table["g2"], [16 * LN(2), -16 * LN(2)])
    assert np.allclose(table["log_ratio"], [3.0, -3.0])


def test_keyness_min_count_applies_to_the_side_that_uses_the_word():
    # cán_bộ is under-used but the reference has it once only: left out with min_count 2
    table = keyness(["ở", "ở", "đảng"], ["đảng", "đảng", "đảng", "cán_bộ"], min_count=2)
    assert table["token"].tolist() == ["ở", "đảng"]
    assert table["g2"].iloc[-1] < 0


def test_keyness_ties_are_ordered_by_token_whatever_the_input_order():
    target = ["xã", "xã", "bộ", "bộ", "ấp", "ấp"]
    reference = ["họp"] * 10
    first = keyness(target, reference)
    second = keyness(list(reversed(target)), reference)
    assert first["token"].tolist() == ["bộ", "xã", "ấp", "họp"]  # code-point order
    pd.testing.assert_frame_equal(first, second)
    assert first["g2"].iloc[0] == first["g2"].iloc[1] == first["g2"].iloc[2]


def test_g2_thresholds_are_the_chi_square_critical_values():
    from scipy.stats import chi2

    from corpus_tools.features import G2_THRESHOLDS

    for p_value, threshold in G2_THRESHOLDS.items():
        assert chi2.sf(threshold, 1) == pytest.approx(p_value, rel=0.01)


# --------------------------------------------------------------------------- keyness by group


GROUPED = {
    "a": ["cán_bộ", "cán_bộ", "cán_bộ"],
    "b": ["đảng"],
    "c": ["cán_bộ"],
    "d": ["đảng", "đảng", "đảng"],
    "e": [],
}


def test_keyness_by_group_against_the_rest_is_keyness_of_the_joined_documents():
    groups = {"a": "X", "b": "X", "c": "Y", "d": "Y", "e": None}
    table = keyness_by_group(GROUPED, groups, min_count=1)
    assert table["group"].unique().tolist() == ["X", "Y"]  # the missing group has no tokens
    # X = a + b is the "symmetric" case: [cán_bộ x3, đảng] against [cán_bộ, đảng x3]
    x = table[table["group"] == "X"].drop(columns="group").reset_index(drop=True)
    expected = keyness(["cán_bộ"] * 3 + ["đảng"], ["cán_bộ"] + ["đảng"] * 3, min_count=1)
    pd.testing.assert_frame_equal(x, expected)
    assert np.allclose(x["g2"], [G2_SYMMETRIC, -G2_SYMMETRIC])


def test_keyness_by_group_one_group_against_another():
    labels = ["X", "X", "Y", "Y", "Z"]
    docs = list(GROUPED.values())
    docs[4] = ["họp"] * 50  # Z would change everything if it were in the reference
    table = keyness_by_group(docs, labels, targets=["X"], reference="Y", min_count=1)
    assert np.allclose(table["g2"], [G2_SYMMETRIC, -G2_SYMMETRIC])
    assert "họp" not in table["token"].tolist()
    # a list of reference groups, the target itself left out of it
    same = keyness_by_group(docs, labels, targets=["X"], reference=["X", "Y"], min_count=1)
    pd.testing.assert_frame_equal(table, same)


def test_keyness_by_group_n_top_keeps_each_side():
    docs = [["ở", "ở", "ở", "họp", "họp"], ["đảng", "đảng", "đảng", "bàn", "bàn"]]
    table = keyness_by_group(docs, ["X", "Y"], n_top=1)
    assert rows(table, ["group", "token"]) == [
        ("X", "ở"),
        ("X", "đảng"),
        ("Y", "đảng"),
        ("Y", "ở"),
    ]


def test_keyness_by_group_targets_keep_their_order_and_the_missing_group_counts():
    docs = [["ở", "ở"], ["đảng", "đảng"], ["họp", "họp"]]
    table = keyness_by_group(docs, ["X", None, "Y"], targets=["Y", "(không có)"], n_top=1)
    assert table["group"].unique().tolist() == ["Y", "(không có)"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"targets": ["Q"]}, "no group is called 'Q'"),
        ({"reference": "Q"}, "no group is called 'Q'"),
        ({"targets": ["X"], "reference": "X"}, "reference of group 'X' holds no tokens"),
        ({"n_top": 0}, "n_top"),
    ],
)
def test_keyness_by_group_errors(options, message):
    with pytest.raises(CorpusError, match=message):
        keyness_by_group([["ở"], ["đảng"]], ["X", "Y"], **options)


def test_keyness_by_group_only_group_has_no_reference():
    with pytest.raises(CorpusError, match="holds no tokens"):
        keyness_by_group([["ở"], ["đảng"]], ["X", "X"])
