"""Heatmaps: labels with spaces, annotations, the colour bar, drawing into a given Axes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from corpus_tools.plots import plot_heatmap


def test_heatmap_labels():
    matrix = pd.DataFrame([[0.5, 0.1]], index=["000"], columns=["chạy_chức", "cấp_ủy"])
    fig = plot_heatmap(matrix, title="TF-IDF")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["chạy chức", "cấp ủy"]


def test_heatmap_annotates_small_matrices_only():
    small = pd.DataFrame([[0.5, 0.25]], index=["000"], columns=["a", "b"])
    fig = plot_heatmap(small, fmt="{:.1f}")
    assert [t.get_text() for t in fig.axes[0].texts] == ["0.5", "0.2"]
    assert len(plot_heatmap(small, annotate=False).axes[0].texts) == 0
    large = pd.DataFrame(np.ones((21, 20)))
    assert len(plot_heatmap(large).axes[0].texts) == 0


def test_heatmap_draws_into_the_given_axes_with_its_colour_bar():
    matrix = pd.DataFrame([[1.0, 0.2], [0.2, 1.0]], index=["000", "001"], columns=["000", "001"])
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert plot_heatmap(matrix, title="Độ tương đồng", value_label="cosine", ax=right) is fig
    assert right.get_title() == "Độ tương đồng"
    assert len(right.images) == 1 and not left.images
    assert len(fig.axes) == 3  # the two given Axes and the colour bar
    assert fig.axes[2].get_ylabel() == "cosine"
