"""Rank against frequency: the fitted ranks, the line over them only, the fit stated."""

from __future__ import annotations

import numpy as np

from corpus_tools.features import rank_frequency
from corpus_tools.plots import plot_zipf

from .page import assert_fits_page


def test_zipf_line_covers_the_fitted_ranks_and_the_legend_states_the_fit():
    counts = np.concatenate([np.round(600 / np.arange(1, 101)), np.ones(300), 2 * np.ones(100)])
    table = rank_frequency(counts, min_count=3)
    fig = plot_zipf(table, title="Zipf")
    ax = fig.axes[0]
    fitted, rest, line = ax.get_lines()
    n_fit = int(table["in_fit"].sum())
    assert len(fitted.get_xdata()) == n_fit and len(rest.get_xdata()) == len(table) - n_fit
    assert line.get_xdata()[-1] == n_fit  # the line stops where the fit stops
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[1] == "từ có tần số < 3 (không khớp)"
    assert texts[2].startswith(f"đường khớp trên hạng 1–{n_fit} (tần số ≥ 3): độ dốc -1.0")
    assert "trọng số 1/hạng" in texts[2]
    assert_fits_page(fig)


def test_zipf_without_a_fit():
    fig = plot_zipf(rank_frequency([3, 1, 1]))
    assert len(fig.axes[0].get_lines()) == 2
