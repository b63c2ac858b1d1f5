"""Bar charts: top terms (whole words, largest first, one panel per group), grouped bars."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from corpus_tools.errors import FigureError
from corpus_tools.plots import plot_grouped_bars, plot_term_bars


def test_term_bars_show_whole_words_largest_first(frequencies):
    fig = plot_term_bars(frequencies, label="token", n_top=2, title="Từ nhiều nhất")
    ax = fig.axes[0]
    assert ax.get_title() == "Từ nhiều nhất"
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Bộ Chính trị",
        "Ban Tổ chức Trung ương",
    ]
    assert len(ax.patches) == 2


def test_term_bars_small_multiples_one_panel_per_group(frequencies):
    fig = plot_term_bars(frequencies, group="doc_id", title="Theo văn bản")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["000", "001"]
    assert [len(ax.patches) for ax in visible] == [3, 2]
    assert fig.get_suptitle() == "Theo văn bản"


def test_term_bars_hide_the_spare_panels_of_the_grid(frequencies):
    table = pd.concat([frequencies, frequencies.assign(doc_id="002")])
    fig = plot_term_bars(table, group="doc_id", ncols=2)
    assert [ax.get_visible() for ax in fig.axes] == [True, True, True, False]
    assert tuple(fig.get_size_inches()) == pytest.approx((8.4, 2 * (0.28 * 15 + 1.2)))


def test_term_bars_draw_into_the_given_axes(frequencies):
    fig = Figure()
    ax = fig.subplots()
    assert (
        plot_term_bars(frequencies, n_top=4, title="Từ nhiều nhất", xlabel="số lần", ax=ax) is fig
    )
    assert fig.axes == [ax]
    assert len(ax.patches) == 4
    assert ax.get_title() == "Từ nhiều nhất"
    assert ax.get_xlabel() == "số lần"
    assert fig.get_suptitle() == ""


def test_term_bars_by_group_draw_one_group_per_given_axes(frequencies):
    fig = Figure()
    grid = fig.subplots(1, 3)
    assert plot_term_bars(frequencies, group="doc_id", title="Theo văn bản", ax=grid) is fig
    assert [ax.get_title() for ax in grid[:2]] == ["000", "001"]
    assert [len(ax.patches) for ax in grid[:2]] == [3, 2]
    assert not grid[2].get_visible()
    assert fig.get_suptitle() == "Theo văn bản"


def test_term_bars_by_group_put_the_title_on_the_subfigure(frequencies):
    fig = Figure()
    left, right = fig.subfigures(1, 2)
    plot_term_bars(frequencies, group="doc_id", title="Theo văn bản", ax=right.subplots(2, 1))
    assert right.get_suptitle() == "Theo văn bản"
    assert fig.get_suptitle() == left.get_suptitle() == ""


def test_term_bars_by_group_need_an_axes_per_group(frequencies):
    with pytest.raises(FigureError, match="2 panels but ax holds 1 Axes"):
        plot_term_bars(frequencies, group="doc_id", ax=Figure().subplots())


def test_grouped_bars_labels():
    table = pd.DataFrame({"âm tiết": [10, 8], "từ": [7, 6]}, index=["000", "001"])
    fig = plot_grouped_bars(table, columns=["âm tiết", "từ"], ylabel="số lượng")
    assert len(fig.axes[0].patches) == 4
    assert fig.axes[0].get_ylabel() == "số lượng"


def test_grouped_bars_legend_only_for_two_or_more_columns():
    table = pd.DataFrame({"syllables": [10, 8], "words": [7, 6]}, index=["000", "001"])
    fig = plot_grouped_bars(table, columns=["syllables", "words"], labels=["âm tiết", "từ"])
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["âm tiết", "từ"]
    assert plot_grouped_bars(table, columns=["words"]).axes[0].get_legend() is None


def test_grouped_bars_draw_into_the_given_axes():
    table = pd.DataFrame({"âm tiết": [10, 8, 5], "từ": [7, 6, 4]}, index=["000", "001", "002"])
    fig = Figure()
    ax = fig.subplots()
    result = plot_grouped_bars(table, columns=["âm tiết", "từ"], title="Độ dài", ax=ax)
    assert result is fig
    assert len(ax.patches) == 6
    assert ax.get_title() == "Độ dài"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["000", "001", "002"]
