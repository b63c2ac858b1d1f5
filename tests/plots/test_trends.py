"""Terms over time: one line per term with its intervals, the articles per period below."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from corpus_tools.features import term_trends
from corpus_tools.plots import plot_trends

from .page import assert_fits_page

DOCS = [["cán_bộ", "họp"], ["cán_bộ", "đảng", "chạy_chức"], ["đảng"], ["cán_bộ"]]


def test_trends_draw_a_line_per_term_and_the_articles_per_period():
    table = term_trends(DOCS, ["cán bộ", "đảng"], groups=["2020", "2022", "2022", None])
    fig = plot_trends(table, period="date:year", title="Xu hướng")
    rates, sizes = fig.axes
    assert [t.get_text() for t in rates.get_legend().get_texts()] == [
        "cán bộ",
        "đảng",
        "khoảng tin cậy 95% (Poisson chính xác)",
    ]
    assert [p.get_height() for p in sizes.patches] == [1, 0, 2]  # 2021 has no article
    assert [t.get_text() for t in sizes.get_xticklabels()] == ["2020", "2021", "2022"]
    assert sizes.get_xlabel() == "năm · 1 bài không có ngày không được vẽ"
    assert fig.get_suptitle() == "Xu hướng"
    assert_fits_page(fig)


def test_trends_without_any_date_say_so():
    table = term_trends([["cán_bộ"]], ["cán bộ"], groups=[None])
    fig = plot_trends(table, title="Xu hướng")
    assert fig.axes[0].texts[0].get_text() == "không có bài nào có ngày"


def test_trends_of_300_articles_over_24_months_stay_on_the_page():
    rng = np.random.default_rng(0)
    docs = [list(rng.choice(["cán_bộ", "đảng", "họp", "bàn"], size=50)) for _ in range(300)]
    months = [f"{2020 + i % 2}-{i % 12 + 1:02d}" for i in range(300)]
    table = term_trends(docs, ["cán bộ", "đảng", "họp"], groups=months)
    fig = plot_trends(table, period="month")
    assert len(fig.axes[1].patches) == 24
    assert len(fig.axes[1].get_xticklabels()) <= 12  # every other month labelled
    assert_fits_page(fig)


def test_trends_draw_into_given_axes():
    fig = Figure()
    axes = fig.subplots(2, 1)
    table = term_trends(DOCS, ["cán bộ"], groups=["2020", "2021", "2021", "2021"])
    assert plot_trends(table, ax=axes) is fig


def test_the_legend_covers_no_point_or_interval():
    # three terms whose rates zigzag over the whole height in every month: no corner is free
    docs, months = [], []
    for month in range(24):
        share = [0.9, 0.1][month % 2]
        for _ in range(10):
            docs.append(
                ["cán_bộ"] * int(40 * share) + ["đảng"] * int(40 * (1 - share)) + ["họp"] * 20
            )
            months.append(f"{2020 + month // 12}-{month % 12 + 1:02d}")
    fig = plot_trends(term_trends(docs, ["cán bộ", "đảng", "họp"], groups=months), period="month")
    rates = fig.axes[0]
    fig.canvas.draw()
    legend = rates.get_legend().get_window_extent()
    for line in rates.get_lines():  # the series and the ends of their intervals
        for x, y in line.get_xydata():
            px, py = rates.transData.transform((x, y))
            assert not (legend.x0 <= px <= legend.x1 and legend.y0 <= py <= legend.y1)
