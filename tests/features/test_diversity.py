"""Tests for corpus_tools.features.diversity: TTR, MATTR and MTLD per document."""

from __future__ import annotations

import math

import numpy as np
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import lexical_diversity
from corpus_tools.features.diversity import mattr, mtld

from .helpers import rows


def test_mattr_by_hand():
    # windows of 3 over a b a c c: {a,b,a} 2/3, {b,a,c} 3/3, {a,c,c} 2/3 → mean 7/9
    assert mattr(list("abacc"), window=3) == pytest.approx(7 / 9)
    assert math.isnan(mattr(list("ab"), window=3))


def test_mtld_by_hand():
    # forwards: a b (TTR 1), a → 2/3 ≤ 0.72 closes factor 1; b c d: TTR stays 1, a
    # remainder of 3 words with TTR 1 is a partial factor (1 - 1) / 0.28 = 0.
    # MTLD forwards = 6 / 1 = 6. Backwards: d c b a (1), b → 4/5 = 0.8, a → 4/6 = 0.667
    # closes factor 1 after six words, no remainder: 6 / 1 = 6.
    assert mtld(list("abacbd")[:3] + list("bcd")) == pytest.approx(6.0)
    assert math.isnan(mtld([])) and math.isnan(mtld(list("abc")))


def test_lexical_diversity_table_lowercases_and_skips_punctuation():
    docs = {"a": ["Cán_bộ", "cán_bộ", ",", "họp", "."], "b": []}
    table = lexical_diversity(docs, window=2)
    assert list(table.columns) == [
        "doc_id",
        "words",
        "distinct_words",
        "ttr",
        "mattr",
        "mattr_window",
        "mtld",
    ]
    assert rows(table, ["doc_id", "words", "distinct_words", "mattr_window"]) == [
        ("a", 3, 2, 2),
        ("b", 0, 0, 2),
    ]
    assert table["ttr"].iloc[0] == pytest.approx(2 / 3)
    assert table["mattr"].iloc[0] == pytest.approx(0.75)  # {cán bộ, cán bộ}, {cán bộ, họp}
    assert table.iloc[1][["ttr", "mattr", "mtld"]].isna().all()


def test_mattr_does_not_fall_with_length_where_ttr_does():
    rng = np.random.default_rng(0)
    vocabulary = [f"từ_{i}" for i in range(400)]
    short = list(rng.choice(vocabulary, size=300))
    long = list(rng.choice(vocabulary, size=3000))
    table = lexical_diversity([short, long])
    assert table["ttr"].iloc[1] < 0.6 * table["ttr"].iloc[0]
    assert table["mattr"].iloc[1] == pytest.approx(table["mattr"].iloc[0], abs=0.03)
    assert table["mtld"].iloc[1] == pytest.approx(table["mtld"].iloc[0], rel=0.25)


def test_lexical_diversity_checks_the_window():
    with pytest.raises(CorpusError, match="window"):
        lexical_diversity([["ở"]], window=0)
