"""Heatmaps: labels with spaces, annotations, the colour bar, drawing into a given Axes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from corpus_tools.errors import FigureError
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


def test_heatmap_of_counts_has_a_discrete_colour_bar_ticked_at_whole_numbers():
    counts = pd.DataFrame([[0, 2, 1], [3, 0, 1]], index=["a", "b"], columns=["x", "y", "z"])
    fig = plot_heatmap(counts, fmt="{:.0f}")
    colour_bar = fig.axes[1]
    assert [t.get_text() for t in colour_bar.get_yticklabels()] == ["0", "1", "2", "3"]
    assert fig.axes[0].images[0].norm.boundaries.tolist() == [-0.5, 0.5, 1.5, 2.5, 3.5]
    fractions = plot_heatmap(counts / 3)
    assert not hasattr(fractions.axes[0].images[0].norm, "boundaries")  # continuous


def test_heatmap_of_large_counts_steps_its_colours():
    counts = pd.DataFrame([[0, 40], [17, 95]], index=["a", "b"], columns=["x", "y"])
    norm = plot_heatmap(counts).axes[0].images[0].norm
    steps = np.diff(norm.boundaries)
    assert len(set(steps)) == 1 and steps[0] in (10, 20)
    assert norm.boundaries[0] < 0 < 95 < norm.boundaries[-1]


def test_heatmap_masks_the_diagonal_and_spends_the_colours_on_the_rest():
    matrix = pd.DataFrame(
        [[1.0, 0.2, 0.4], [0.2, 1.0, 0.3], [0.4, 0.3, 1.0]],
        index=pd.Index(["a", "b", "c"], name="doc_id"),
        columns=pd.Index(["a", "b", "c"], name="doc_id"),
    )
    fig = plot_heatmap(matrix, value_label="cosine", mask_diagonal=True)
    image = fig.axes[0].images[0]
    assert image.get_array().mask.diagonal().all()
    assert image.norm.vmax == pytest.approx(0.4)
    assert [t.get_text() for t in fig.axes[0].texts] == [
        "0.20",
        "0.40",
        "0.20",
        "0.30",
        "0.40",
        "0.30",
    ]
    assert fig.axes[1].get_ylabel() == "cosine\n(đường chéo để trống)"
    with pytest.raises(FigureError, match="square"):
        plot_heatmap(matrix.iloc[:2], mask_diagonal=True)


def test_heatmap_names_rows_and_translates_removal_reasons():
    counts = pd.DataFrame(
        [[1, 0]],
        index=pd.Index(["000_e38ffd22d5a32227"], name="doc_id"),
        columns=pd.Index(["byline", "skip link"], name="reason"),
    )
    names = {"000_e38ffd22d5a32227": "Siết chặt kỷ luật… (000)"}
    ax = plot_heatmap(counts, names=names).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Siết chặt kỷ luật… (000)"]
    # the reasons' names are io.REASON_LABELS's, their one source
    assert [t.get_text() for t in ax.get_xticklabels()] == ["tên tác giả", "liên kết bỏ qua"]
    english = plot_heatmap(counts, names=names, lang="en").axes[0]
    assert [t.get_text() for t in english.get_xticklabels()] == ["byline", "skip link"]


@pytest.mark.parametrize(
    ("shape", "names", "message"),
    [
        ((13, 2), ("doc_id", None), "13 documents"),
        ((2, 13), (None, "doc_id"), "13 documents"),
        ((41, 2), (None, None), "41 rows"),
        ((2, 31), (None, None), "31 columns"),
    ],
)
def test_heatmap_refuses_more_than_a_page_holds(shape, names, message):
    matrix = pd.DataFrame(
        np.ones(shape),
        index=pd.Index([f"r{i}" for i in range(shape[0])], name=names[0]),
        columns=pd.Index([f"c{i}" for i in range(shape[1])], name=names[1]),
    )
    with pytest.raises(FigureError, match=message):
        plot_heatmap(matrix)
    assert plot_heatmap(matrix.iloc[:12, :12]).get_size_inches()[0] == 6.3


def test_heatmap_writes_values_only_where_they_fit_their_cells():
    narrow = pd.DataFrame(np.full((2, 25), 0.123), columns=[f"c{i}" for i in range(25)])
    assert len(plot_heatmap(narrow).axes[0].texts) == 0  # 25 columns: no room for "0.12"
    assert len(plot_heatmap(narrow, fmt="{:.0f}").axes[0].texts) == 50  # "0" fits


def test_heatmap_shows_article_labels_and_ids_as_written():
    labels = pd.Index(["1. Bài A (news_sport_012)", "2. Bài B (thoi_su/x_1)"], name="article")
    numbers = pd.Index(["1", "2"], name="article")
    by_label = pd.DataFrame([[np.nan, 0.5], [0.4, np.nan]], index=labels, columns=numbers)
    rows = [t.get_text() for t in plot_heatmap(by_label).axes[0].get_yticklabels()]
    assert rows == ["1. Bài A (news_sport_012)", "2. Bài B (thoi_su/x_1)"]
    by_id = pd.DataFrame([[1, 2]], index=pd.Index(["news_sport_012"], name="doc_id"),
                         columns=pd.Index(["cán_bộ", "Bộ_Chính_trị"], name="term"))  # fmt: skip
    fig = plot_heatmap(by_id)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["news_sport_012"]
    # words still show with spaces
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["cán bộ", "Bộ Chính trị"]


def test_the_group_without_a_value_is_named_in_the_figures_language():
    counts = pd.DataFrame([[1, 2], [3, 0]], index=pd.Index(["sport", "(không có)"], name="group"),
                          columns=pd.Index(["cán_bộ", "đảng"], name="term"))  # fmt: skip
    rows = {lang: [t.get_text() for t in plot_heatmap(counts, lang=lang).axes[0].get_yticklabels()]
            for lang in ("vi", "en")}  # fmt: skip
    assert rows == {"vi": ["sport", "(không có)"], "en": ["sport", "(none)"]}
