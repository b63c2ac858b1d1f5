"""The neighbour network: terms, their neighbours, widths by G² with a legend."""

from __future__ import annotations

import pandas as pd

from corpus_tools.plots import plot_links

from .page import assert_fits_page


def test_links_join_shared_neighbours_and_explain_the_widths():
    table = pd.DataFrame(
        {
            "query": ["chạy chức"] * 3 + ["cán bộ"] * 3,
            "term": ["chạy quyền", "Cán bộ", "chống", "đội ngũ", "chống", "bồi dưỡng"],
            "g2": [50.0, 30.0, 12.0, 40.0, 20.0, 8.0],
        }
    )
    fig = plot_links(table, title="Từ đi kèm")
    ax = fig.axes[0]
    names = sorted(t.get_text() for t in ax.texts)
    # "Cán bộ" as a neighbour is the term "cán bộ": one node, so five nodes in all
    assert names == ["bồi dưỡng", "chạy chức", "chạy quyền", "chống", "cán bộ", "đội ngũ"]
    assert len(ax.get_lines()) == 6
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "từ được chọn" and legend[-1].startswith("nét: G² ")
    assert_fits_page(fig)


def test_links_layout_is_the_same_every_time():
    table = pd.DataFrame({"query": ["a"] * 4, "term": list("bcde"), "g2": [4.0, 3, 2, 1]})
    first = [t.get_position() for t in plot_links(table).axes[0].texts]
    second = [t.get_position() for t in plot_links(table).axes[0].texts]
    assert first == second


def test_links_without_neighbours():
    empty = pd.DataFrame({"query": [], "term": [], "g2": []})
    assert plot_links(empty).axes[0].texts[0].get_text() == "không có từ đi kèm nào đủ mạnh"
