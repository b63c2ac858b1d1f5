"""Rank-frequency and choose-k plots: axes, fitted line, the recommended k, given Axes."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from corpus_tools.errors import FigureError
from corpus_tools.plots import plot_choose_k, plot_rank_frequency


@pytest.fixture
def k_table():
    return pd.DataFrame(
        {
            "k": [2, 3],
            "coherence": [0.1, 0.2],
            "coherence_sd": [0, 0],
            "stability": [1.0, 0.9],
            "recommended": [False, True],
        }
    )


def test_rank_frequency_is_log_log():
    fig = plot_rank_frequency(pd.Series([9, 5, 3, 2, 1]))
    assert fig.axes[0].get_xscale() == fig.axes[0].get_yscale() == "log"


def test_rank_frequency_fits_a_line_only_to_two_or_more_counts():
    fig = plot_rank_frequency([4, 0, 12, 3, 6])  # 12 / rank
    points, _ = fig.axes[0].lines
    assert list(points.get_ydata()) == [12, 6, 4, 3]  # largest first, zero left out
    assert "độ dốc -1.00" in fig.axes[0].get_legend().get_texts()[1].get_text()
    assert len(plot_rank_frequency([3]).axes[0].lines) == 1


def test_rank_frequency_draws_into_the_given_axes():
    fig = Figure()
    ax = fig.subplots()
    assert plot_rank_frequency([9, 5, 3], title="Zipf", ax=ax) is fig
    assert ax.get_title() == "Zipf"
    assert ax.get_xscale() == "log"
    assert len(ax.lines) == 2


def test_choose_k_marks_the_recommended_k(k_table):
    fig = plot_choose_k(k_table)
    assert [line.get_xdata()[0] for line in fig.axes[0].lines if line.get_linestyle() == "--"] == [
        3
    ]


def test_choose_k_draws_into_two_given_axes(k_table):
    fig = Figure()
    coherence, stability = fig.subplots(2, 1)
    assert plot_choose_k(k_table, title="Chọn k", ax=[coherence, stability]) is fig
    assert coherence.get_ylabel() == "độ mạch lạc (NPMI)"
    assert stability.get_ylabel() == "độ ổn định"
    assert [line.get_xdata()[0] for line in stability.lines if line.get_linestyle() == "--"] == [3]
    assert fig.get_suptitle() == "Chọn k"


def test_choose_k_needs_two_axes(k_table):
    with pytest.raises(FigureError, match="2 panels"):
        plot_choose_k(k_table, ax=Figure().subplots())
