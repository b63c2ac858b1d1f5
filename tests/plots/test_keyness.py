"""Keyness: over- and under-used words, G² thresholds, log ratios, stated ties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.ticker import FixedLocator

from corpus_tools.errors import FigureError
from corpus_tools.features import keyness, keyness_by_group
from corpus_tools.plots import plot_keyness

from .page import assert_fits_page


def test_keyness_shows_both_sides_thresholds_and_log_ratios():
    table = keyness(["chạy_chức"] * 6 + ["họp"] * 2, ["họp"] * 20 + ["cán_bộ"] * 10, min_count=1)
    fig = plot_keyness(table, title="Từ đặc trưng")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("chạy chức (+") and labels[-1].startswith("cán bộ (-")
    heights = [p.get_width() for p in ax.patches]
    assert heights[0] > 0 and heights[-1] < 0
    lines = sorted({round(line.get_xdata()[0], 2) for line in ax.get_lines()})
    assert lines == [-15.13, -10.83, -3.84, 0.0, 3.84, 10.83, 15.13]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "p < 0.05 (G² 3.84)" in legend and "(số) = log₂ tỉ lệ tần suất" in legend
    assert_fits_page(fig)


def test_keyness_says_how_many_words_tie_the_last_bar():
    target = ["bộ", "bộ", "xã", "xã", "ấp", "ấp", "đồng", "đồng"]
    table = keyness(target, ["họp"] * 40)
    fig = plot_keyness(table, n_top=2)
    ax = fig.axes[0]
    assert [t.get_text().split(" (")[0] for t in ax.get_yticklabels()][:2] == ["bộ", "xã"]
    assert "+2 từ cùng G² với từ cuối (xếp theo chữ cái)" in ax.get_xlabel()


def test_keyness_panels_per_group_at_most_eight():
    docs = [["ở", "ở", "họp"], ["đảng", "đảng", "bàn"], ["họp", "họp", "ở"]] * 3
    groups = [f"nhóm {i}" for i in range(9)]
    table = keyness_by_group(docs, groups, n_top=2)
    with pytest.raises(FigureError, match="at most 8"):
        plot_keyness(table, group="group")
    shown = table[table["group"].isin(groups[:8])]
    fig = plot_keyness(shown, group="group", n_top=2, labels={"nhóm 0": "Nhóm đầu"})
    titles = [ax.get_title(loc="right") for ax in fig.axes if ax.get_visible()]
    assert titles[:2] == ["Nhóm đầu", "nhóm 1"]
    assert_fits_page(fig)


def test_keyness_panel_titles_of_articles_take_two_lines():
    table = keyness_by_group([["ở", "ở"], ["đảng", "đảng"]], ["a", "b"], n_top=1)
    labels = {"a": "news_politics_047 · Trước đó, Phó chủ tịch Nguyễn Văn Ba cho biết rằng"}
    fig = plot_keyness(table, group="group", labels=labels)
    assert fig.axes[0].get_title(loc="right") == "news_politics_047\nTrước đó, Phó chủ tịch Nguyễn…"
    assert_fits_page(fig)


def test_an_article_panel_title_keeps_its_id_whole():
    table = keyness_by_group([["ở", "ở"], ["đảng", "đảng"]], ["a", "b"], n_top=1)
    labels = {"a": "Triển khai thực hiện các quy định… (news_politics_047)"}
    fig = plot_keyness(table, group="group", labels=labels)
    title = fig.axes[0].get_title(loc="right")
    assert title.endswith("… (news_politics_047)") and len(title) <= 30
    assert_fits_page(fig)


@pytest.mark.parametrize("scale", [23.0, 2318.0, 4623.0, 15000.0])
def test_no_tick_label_of_a_keyness_panel_leaves_the_page(scale):
    # eight panels at the widths notebook 03 draws; the largest G² sets the last tick
    rng = np.random.default_rng(int(scale))
    rows = []
    for group in ["business", "culture", "education", "health", "law", "life", "politics", "world"]:
        top = scale * rng.uniform(0.6, 1.0)
        for rank, g2 in enumerate([top, top / 2, top / 3, -top / 20, -top / 15]):
            rows.append({"group": group, "term": f"từ_{rank}", "g2": g2,
                         "log_ratio": np.sign(g2) * 2.0, "p_value": 0.0})  # fmt: skip
    fig = plot_keyness(pd.DataFrame(rows), group="group", n_top=5, title="Từ khóa\n8 nhóm")
    fig.canvas.draw()
    page = fig.bbox
    for ax in fig.axes:
        # ticks chosen once: a locator would choose again after the layout resized the
        # panel, and a label at its edge could then stand outside the page
        assert isinstance(ax.xaxis.get_major_locator(), FixedLocator)
        low, high = ax.get_xlim()
        for tick, label in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True):
            if low <= tick <= high:
                box = label.get_window_extent()
                assert page.x0 <= box.x0 and box.x1 <= page.x1, (ax.get_title(loc="right"), tick)
