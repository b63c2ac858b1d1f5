"""Bar charts: the top terms of a table (:func:`plot_term_bars`), and counts side by
side per row of a table (:func:`plot_grouped_bars`)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .style import (
    BAR_COLOR,
    STYLE,
    AxesInput,
    display_label,
    draw_message,
    figure_of,
    grid_shape,
    panel_axes,
    parent_figure,
    single_axes,
)

__all__ = ["plot_grouped_bars", "plot_term_bars"]


def _bars(
    ax: Axes, labels: Sequence[str], values: np.ndarray, *, title: str | None, xlabel: str
) -> None:
    positions = np.arange(len(labels))
    ax.barh(positions, values, color=BAR_COLOR)
    ax.set_yticks(positions, labels=list(labels))
    ax.invert_yaxis()  # largest on top
    ax.set_xlabel(xlabel)
    if title:
        ax.set_title(title)


def plot_term_bars(
    table: pd.DataFrame,
    *,
    value: str = "count",
    label: str = "term",
    group: str | None = None,
    n_top: int = 15,
    title: str | None = None,
    xlabel: str | None = None,
    ncols: int = 3,
    ax: AxesInput | None = None,
) -> Figure:
    """Horizontal bars of the top terms, or small multiples with one panel per ``group``.

    Parameters
    ----------
    table : DataFrame
        One row per term (and group), e.g. from ``term_frequencies``,
        ``top_tfidf_terms``, ``keyness_by_document`` or ``topic_terms``.
    value, label : str
        Columns holding the bar length and the bar label (shown with spaces).
    group : str, optional
        Column to split panels by (``"doc_id"``, ``"topic"``); panels keep the table's
        order of groups and are titled with the group's label.
    n_top : int
        Bars per panel: the largest ``value`` first (ties keep the table's order).
    title : str, optional
        Without ``group``, the title of the one panel; with it, the suptitle of the
        figure (or subfigure) that holds the panels.
    xlabel : str, optional
        Label of the value axis; defaults to ``value``.
    ncols : int
        Panels per row of a new figure (with ``group`` only).
    ax : Axes or array of Axes, optional
        Where to draw: one Axes without ``group``; with it, one Axes per group taken in
        row-major order (e.g. ``fig.subplots(2, 3)``), spare ones hidden. None makes a
        new figure sized for the panels.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. An empty ``table`` gives a
        panel that says there is nothing to show.

    Raises
    ------
    FigureError
        If ``ax`` holds fewer Axes than there are groups.

    Examples
    --------
    >>> table = pd.DataFrame({"term": ["Bộ Chính trị", "cán bộ", "ở"], "count": [5, 3, 1]})
    >>> fig = plot_term_bars(table, title="Từ xuất hiện nhiều nhất")
    >>> len(fig.axes[0].patches), fig.axes[0].get_yticklabels()[0].get_text()
    (3, 'Bộ Chính trị')

    Two groups drawn into the two Axes of an existing figure:

    >>> table["doc_id"] = ["000", "000", "001"]
    >>> fig = Figure()
    >>> plot_term_bars(table, group="doc_id", ax=fig.subplots(1, 2)) is fig
    True
    >>> [ax.get_title() for ax in fig.axes]
    ['000', '001']
    """
    groups = [(None, table)] if group is None else list(table.groupby(group, sort=False))
    if table.empty:
        return draw_message(ax, "không có dữ liệu để vẽ", title=title)
    with matplotlib.rc_context(STYLE):
        rows, cols = grid_shape(len(groups), ncols if group else 1)
        axes = panel_axes(
            ax,
            len(groups),
            shape=(rows, cols),
            figsize=(4.2 * cols, 0.28 * n_top * rows + 1.2 * rows),
        )
        for panel, (name, part) in zip(axes, groups, strict=True):
            top = part.nlargest(n_top, value, keep="first")
            _bars(
                panel,
                [display_label(v) for v in top[label]],
                top[value].to_numpy(),
                title=None if name is None else display_label(name),
                xlabel=xlabel or value,
            )
        if title:
            if group is None:
                axes[0].set_title(title)
            else:
                parent_figure(axes[0]).suptitle(title)
    return figure_of(axes[0])


def plot_grouped_bars(
    table: pd.DataFrame,
    *,
    columns: Sequence[str],
    title: str | None = None,
    ylabel: str = "",
    labels: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Vertical bars for each row of ``table`` (its index labels the groups), one per column.

    Parameters
    ----------
    table : DataFrame
        One row per group of bars, e.g. one per document.
    columns : sequence of str
        The columns to draw, one bar each per row, side by side in this order.
    title : str, optional
    ylabel : str
        Label of the value axis.
    labels : sequence of str, optional
        Legend entries for ``columns`` (default: the column names). The legend is shown
        only when there are two or more columns.
    ax : Axes, optional
        Where to draw; None makes a new figure, wider the more rows ``table`` has.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``.

    Examples
    --------
    >>> table = pd.DataFrame({"âm tiết": [120, 80], "từ": [90, 61]}, index=["000", "001"])
    >>> fig = plot_grouped_bars(table, columns=["âm tiết", "từ"], title="Độ dài văn bản")
    >>> len(fig.axes[0].patches)
    4
    """
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(max(5.0, 1.1 * len(table) + 2), 3.6))
        width = 0.8 / len(columns)
        positions = np.arange(len(table))
        for i, column in enumerate(columns):
            ax.bar(
                positions + (i - (len(columns) - 1) / 2) * width,
                table[column].to_numpy(),
                width,
                label=(labels or columns)[i],
            )
        ax.set_xticks(positions, labels=[display_label(v) for v in table.index])
        ax.set_ylabel(ylabel)
        if len(columns) > 1:
            ax.legend(frameon=False)
        if title:
            ax.set_title(title)
    return figure_of(ax)
