"""Tests for corpus_tools.features.zipf: the rank-frequency table and the Zipf fit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import rank_frequency, term_frequencies, zipf_fit


def test_an_exact_power_law_is_recovered():
    ranks = np.arange(1, 201)
    counts = np.round(5000 * ranks**-1.2)
    fit = zipf_fit(counts, min_count=1)
    assert fit.slope == pytest.approx(-1.2, abs=0.01)
    assert fit.r_squared > 0.999
    assert fit.predict([1])[0] == pytest.approx(5000, rel=0.02)


def test_the_fit_leaves_out_the_tail_under_the_floor():
    # 20 ranks following 1000 / r, then 500 hapaxes: fitted with them, the line would
    # tilt towards the flat tail; with the floor it is the law of the first 20 ranks.
    head = np.round(1000 / np.arange(1, 21))
    counts = np.concatenate([head, np.ones(500)])
    fit = zipf_fit(counts, min_count=3)
    assert fit.n_ranks == 20 and fit.min_count == 3
    assert fit.slope == pytest.approx(-1.0, abs=0.01)
    assert zipf_fit(counts, min_count=1).slope < -1.2


def test_ranks_weigh_one_over_rank():
    # Slope -0.5 over ranks 1-10, then -2 over ranks 11-100. Unweighted, the 90 ranks of
    # the second decade decide; weighted 1/r, each decade weighs about the same.
    ranks = np.arange(1, 101)
    counts = np.where(ranks <= 10, 1000 * ranks**-0.5, 1000 * 10**-0.5 * (ranks / 10) ** -2)
    fit = zipf_fit(counts, min_count=1)
    x, y = np.log(ranks), np.log(counts)
    assert fit.slope == pytest.approx(np.polyfit(x, y, 1, w=np.sqrt(1 / ranks))[0])
    assert fit.slope > np.polyfit(x, y, 1)[0] + 0.2


def test_rank_frequency_table_from_term_frequencies():
    docs = [["cán_bộ"] * 8 + ["đảng"] * 4 + ["họp"] * 3 + ["ở", "bàn"]]
    table = rank_frequency(term_frequencies(docs), min_count=3)
    assert list(table.columns) == ["rank", "term", "count", "fitted_count", "in_fit"]
    assert table["term"].tolist()[:3] == ["cán bộ", "đảng", "họp"]
    assert table["in_fit"].tolist() == [True, True, True, False, False]
    assert table["fitted_count"].notna().all()


def test_too_few_ranks():
    with pytest.raises(CorpusError, match="only 2 words occur at least 3 times"):
        zipf_fit([5, 4, 1, 1], min_count=3)
    table = rank_frequency(pd.Series([5, 4, 1]), min_count=3)
    assert table["fitted_count"].isna().all() and not table["in_fit"].any()
    assert rank_frequency([]).empty
