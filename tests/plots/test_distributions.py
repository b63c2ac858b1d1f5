"""Distributions: a histogram whose size never depends on the number of documents."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from corpus_tools.plots import plot_distribution
from corpus_tools.plots.style import MAX_HEIGHT, PAGE_WIDTH


@pytest.mark.parametrize("n_docs", [3, 300, 30_000])
def test_the_size_is_the_same_for_any_number_of_documents(n_docs):
    rng = np.random.default_rng(0)
    words = rng.integers(100, 2_000, n_docs)
    table = pd.DataFrame({"syllables": words * 1.4, "words": words})
    fig = plot_distribution(table, columns=["syllables", "words"], bins=25)
    width, height = fig.get_size_inches()
    assert (width, height) == pytest.approx((PAGE_WIDTH, 3.2))
    assert width <= PAGE_WIDTH and height <= MAX_HEIGHT
    ax = fig.axes[0]
    assert len(ax.patches) == 2  # one outlined histogram per column, not a bar per document
    assert len(ax.lines) == 2  # the medians


def test_every_document_is_counted_and_the_medians_are_in_the_legend():
    table = pd.DataFrame({"từ": [10, 10, 10, 40, None], "âm tiết": [15, 30, 45, 60, 70]})
    fig = plot_distribution(
        table,
        columns=["từ", "âm tiết"],
        labels=["words", "syllables"],
        median_label="median",
        bins=5,
        title="Document lengths",
        xlabel="length",
        ylabel="documents",
    )
    ax = fig.axes[0]
    assert ax.get_title() == "Document lengths"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("length", "documents")
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["words (median 10)", "syllables (median 45)"]
    assert [line.get_xdata()[0] for line in ax.lines] == [10, 45]
    counts = [patch.get_path().vertices[:, 1].max() for patch in ax.patches]
    assert counts == [3, 2]  # shared bins of width 12 over 10…70; None left out


def test_count_axis_shows_whole_numbers():
    fig = plot_distribution(pd.DataFrame({"x": [1, 2, 2, 3]}), columns=["x"])
    ticks = fig.axes[0].get_yticks()
    assert all(float(tick).is_integer() for tick in ticks)


def test_draws_into_a_given_axes_and_says_when_there_is_nothing():
    fig = Figure()
    ax = fig.subplots()
    assert plot_distribution(pd.DataFrame({"x": [1, 2]}), columns=["x"], ax=ax) is fig
    empty = plot_distribution(pd.DataFrame({"x": [None]}), columns=["x"], title="Độ dài")
    assert empty.axes[0].texts[0].get_text() == "không có dữ liệu để vẽ"
