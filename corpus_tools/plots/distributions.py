"""Distributions: how a per-document measure spreads over a corpus of any size.

Where a corpus has more documents than a figure can show one by one
(:data:`~corpus_tools.plots.style.MAX_PANELS`), :func:`plot_distribution` shows the
spread of a measure (document lengths, say) in a histogram whose size never depends on
the number of documents.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .labels import text
from .style import BAR_COLOR, PAGE_WIDTH, STYLE, draw_message, figure_of, single_axes

__all__ = ["plot_distribution"]

_COLORS = (BAR_COLOR, "#e08a2c", "#5b9e4d", "#8e5ea2")


def plot_distribution(
    table: pd.DataFrame,
    *,
    columns: Sequence[str],
    labels: Sequence[str] | None = None,
    bins: int = 30,
    title: str | None = None,
    xlabel: str = "",
    ylabel: str = "",
    median_label: str | None = None,
    ax: Axes | None = None,
    lang: str = "vi",
) -> Figure:
    """Histograms of ``columns`` of ``table`` on one axis, each with its median marked.

    Parameters
    ----------
    table : DataFrame
        One row per document (or any unit), e.g. from ``document_table``.
    columns : sequence of str
        The numeric columns to draw, as outlined histograms over shared bins; missing
        values are left out, and a column without values is not drawn.
    labels : sequence of str, optional
        Legend entries for ``columns`` (default: the column names); each is followed by
        its median, e.g. "từ (trung vị 612)".
    bins : int
        How many equal-width bins span the range of all columns together.
    title : str, optional
    xlabel, ylabel : str
        Labels of the value axis and of the count axis (whole numbers only).
    median_label : str, optional
        The word for "median" in the legend; default "trung vị" in ``lang``.
    ax : Axes, optional
        Where to draw; None makes a new figure of fixed size (the page width).

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. A table without values gives a
        panel that says there is nothing to show.

    Examples
    --------
    >>> table = pd.DataFrame({"âm tiết": [120, 80, 300, 95], "từ": [90, 61, 210, 70]})
    >>> fig = plot_distribution(table, columns=["âm tiết", "từ"], title="Độ dài văn bản")
    >>> [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    ['âm tiết (trung vị 108)', 'từ (trung vị 80)']
    """
    values = [pd.to_numeric(table[column], errors="coerce").dropna() for column in columns]
    if not any(len(v) for v in values):
        return draw_message(ax, text("no_data", lang), title=title)
    median_word = text("median", lang) if median_label is None else median_label
    every = np.concatenate([v.to_numpy(dtype=float) for v in values])
    edges = np.histogram_bin_edges(every, bins=bins)
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(PAGE_WIDTH, 3.2))
        for number, series in enumerate(values):
            if not len(series):
                continue
            color = _COLORS[number % len(_COLORS)]
            median = float(np.median(series))
            ax.hist(
                series,
                bins=edges.tolist(),
                histtype="step",
                linewidth=1.5,
                color=color,
                label=f"{(labels or columns)[number]} ({median_word} {median:.0f})",
            )
            ax.axvline(median, color=color, linestyle="--", linewidth=1)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.legend(frameon=False)
        if title:
            ax.set_title(title)
    return figure_of(ax)
