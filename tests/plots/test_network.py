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
    return {t.get_text(): np.asarray(t.xy) for t in fig.axes[0].texts}


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
