"""Co-mention network: one node per name, one line per pair, circles per group."""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from corpus_tools.plots import plot_network


@pytest.fixture
def edges():
    return pd.DataFrame(
        {"source": ["Trương Thị Mai", "Trương Thị Mai", "Ngô Thanh Danh"],
         "target": ["Mai Văn Chính", "Phạm Minh Chính", "Nguyễn Đức Nguyên"], "weight": [2, 1, 1]}
    )  # fmt: skip


def test_network_one_node_per_name_one_line_per_pair(edges):
    fig = plot_network(edges, title="Đồng xuất hiện")
    ax = fig.axes[0]
    assert len(ax.lines) == 3
    assert len(ax.collections) == 5  # one marker per person
    assert {t.get_text() for t in ax.texts} == set(edges["source"]) | set(edges["target"])


def _node_positions(fig):
    """Name → its node's centre: each node's marker is drawn just before its name."""
    ax = fig.axes[0]
    return {
        t.get_text(): np.asarray(c.get_offsets()[0])
        for c, t in zip(ax.collections, ax.texts, strict=False)
    }


def test_network_lays_each_group_on_its_own_circle_largest_first(edges):
    positions = _node_positions(plot_network(edges))
    big = [positions[n] for n in ("Mai Văn Chính", "Phạm Minh Chính", "Trương Thị Mai")]
    small = [positions[n] for n in ("Ngô Thanh Danh", "Nguyễn Đức Nguyên")]
    centre = np.mean(big, axis=0)
    radii = [np.linalg.norm(p - centre) for p in big]
    assert radii == pytest.approx([radii[0]] * 3)  # on one circle
    assert max(p[0] for p in big) < min(p[0] for p in small)  # the larger group on the left


def test_network_layout_is_the_same_on_every_run(edges):
    first, second = _node_positions(plot_network(edges)), _node_positions(plot_network(edges))
    assert first.keys() == second.keys()
    assert all(np.array_equal(first[n], second[n]) for n in first)
    assert "random_state" not in inspect.signature(plot_network).parameters  # nothing random


def test_network_draws_into_the_given_axes(edges):
    fig = Figure()
    ax = fig.subplots()
    assert plot_network(edges, title="Đồng xuất hiện", ax=ax) is fig
    assert ax.get_title() == "Đồng xuất hiện"
    assert len(ax.lines) == 3 and len(ax.collections) == 5
    assert not ax.axison


def test_network_explains_line_width_and_node_size_in_two_legends(edges):
    ax = plot_network(edges).axes[0]
    widths, sizes = ax.artists[0], ax.get_legend()
    assert widths.get_title().get_text() == "số bài chung"
    assert [t.get_text() for t in widths.get_texts()] == ["1", "2"]
    assert widths.get_lines()[0].get_linewidth() < widths.get_lines()[1].get_linewidth()
    assert sizes.get_title().get_text() == "tổng số bài chung"
    assert [t.get_text() for t in sizes.get_texts()] == ["1", "2", "3"]  # weighted degrees
    english = plot_network(edges, lang="en").axes[0]
    assert english.artists[0].get_title().get_text() == "articles in common"


def test_network_draws_the_best_linked_names_and_says_so(edges):
    fig = plot_network(edges, n_top=2, title="Đồng xuất hiện", subtitle="5 bài")
    ax = fig.axes[0]
    assert {t.get_text() for t in ax.texts[:-1]} == {"Trương Thị Mai", "Mai Văn Chính"}
    assert ax.texts[-1].get_text() == "5 bài · 2 trong 5 tên có nhiều liên kết nhất"
    assert len(ax.lines) == 1
    # the third best linked name shares no line with the first two: none is drawn alone
    ax = plot_network(edges, n_top=3).axes[0]
    assert len(ax.texts[:-1]) == 2
    assert ax.texts[-1].get_text() == "2 trong 5 tên có nhiều liên kết nhất"


def test_network_is_as_wide_as_the_page_and_labels_stay_inside(edges):
    fig = plot_network(edges, names={"Trương Thị Mai": "bà Trương Thị Mai"})
    assert fig.get_size_inches()[0] == 6.3
    assert "bà Trương Thị Mai" in {t.get_text() for t in fig.axes[0].texts}
    assert all(not t.get_in_layout() for t in fig.axes[0].texts)
