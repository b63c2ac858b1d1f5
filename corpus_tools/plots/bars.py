"""Bar charts: the top terms of a table (:func:`plot_term_bars`), and counts side by
side per row of a table (:func:`plot_grouped_bars`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..errors import FigureError
from .labels import column_label, group_name, text, translate_value
from .style import (
    BAR_COLOR,
    MAX_HEIGHT,
    MAX_PANELS,
    MIN_FONT_SIZE,
    PAGE_WIDTH,
    PANEL_TITLE_SIZE,
    STYLE,
    AxesInput,
    check_panels,
    draw_message,
    figure_of,
    grid_shape,
    heading_room,
    label_of,
    page_figure,
    panel_axes,
    parent_figure,
    set_suptitle,
    set_title,
    single_axes,
    thin_value_ticks,
    title_panels,
)
from .wrap import fit_text, wrap_text

__all__ = ["BAR_ROW", "plot_grouped_bars", "plot_term_bars"]

BAR_ROW = 0.17
"""Inches per bar of a new figure: room for one line of tick label beside it."""
_SMALL_BAR_ROW = 0.135  # inches; tighter than this, labels are set at 7.5 pt, not 8
_MIN_BAR_ROW = 0.125  # inches; tighter than this, 7.5 pt labels would touch
_PANEL_EXTRA = 0.28  # inches per row of panels: tick labels and the space between rows
_TITLE_LINE = 0.155  # inches per line of a panel's title
_AXIS_ROOM = 0.3  # inches: the value axis's label under the bottom panels
_LABEL_SHARE = 0.5  # of a panel's width: the most a bar's label takes, cut with "…"
_TICK_SIZE = 8.0
_MIN_HEIGHT = 1.8  # inches: a figure of a few bars


def _bars(
    ax: Axes,
    labels: Sequence[str],
    values: np.ndarray,
    *,
    xlabel: str | None,
    label_size: float | None = None,
) -> None:
    positions = np.arange(len(labels))
    ax.barh(positions, values, color=BAR_COLOR)
    sized: dict[str, Any] = (
        {} if label_size is None else {"fontsize": label_size}
    )  # else ytick.labelsize
    ax.set_yticks(positions, labels=list(labels), **sized)
    ax.set_ylim(len(labels) - 0.5, -0.5)  # largest on top, same bar width in every panel
    if xlabel:
        ax.set_xlabel(xlabel)


def _group_label(name: object, group: str, names: Mapping[Any, str] | None, lang: str) -> str:
    """A panel's title: the caller's name for it, a translated identifier, or the value."""
    if names is not None and name in names:
        return str(names[name])
    shown = translate_value(name, group, lang)
    if shown == str(name):
        shown = group_name(name, lang)
    return label_of(name, names) if shown == str(name) else shown


def _default_ncols(n_panels: int) -> int:
    return 1 if n_panels == 1 else 2 if n_panels <= 8 else 3


def plot_term_bars(
    table: pd.DataFrame,
    *,
    value: str = "count",
    label: str = "term",
    group: str | None = None,
    n_top: int = 15,
    title: str | None = None,
    subtitle: str | None = None,
    xlabel: str | None = None,
    ncols: int | None = None,
    names: Mapping[Any, str] | None = None,
    lang: str = "vi",
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
        order of groups and are titled with the group's label. At most
        :data:`~corpus_tools.plots.style.MAX_PANELS` groups.
    n_top : int
        Bars per panel: the largest ``value`` first (ties keep the table's order).
    title : str, optional
        Without ``group``, the title of the one panel; with it, the suptitle of the
        figure (or subfigure) that holds the panels.
    subtitle : str, optional
        What was counted, over what ("5 bài · từ, bỏ từ dừng"), in smaller type under
        the title.
    xlabel : str, optional
        Label of the value axis; defaults to the name of ``value`` in ``lang``
        (``"count"`` is "số lần"). With ``group``, only the bottom panels carry it.
    ncols : int, optional
        Panels per row of a new figure (with ``group`` only): default 2, or 3 for more
        than eight panels.
    names : mapping, optional
        Value → label to draw, for groups and bar labels: e.g.
        :func:`~corpus_tools.document_labels` for ``group="doc_id"`` or
        ``dict(enumerate(corpus_tools.topic_labels(model)))`` for ``group="topic"``.
        Values it lacks are shown with spaces; a ``group`` of ``"level"`` or ``"reason"`` shows its
        identifiers in ``lang``.
    lang : {"vi", "en"}
        Language of the words the function draws itself.
    ax : Axes or array of Axes, optional
        Where to draw: one Axes without ``group``; with it, one Axes per group taken in
        row-major order (e.g. ``fig.subplots(2, 3)``), spare ones hidden. None makes a
        new figure the width of the page (6.3 in), its height from the number of bars.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. An empty ``table`` gives a
        panel that says there is nothing to show.

    Raises
    ------
    FigureError
        If there are more than ``MAX_PANELS`` groups, more bars than fit 9 inches, or
        ``ax`` holds fewer Axes than there are groups.

    Examples
    --------
    >>> table = pd.DataFrame({"term": ["Bộ Chính trị", "cán bộ", "ở"], "count": [5, 3, 1]})
    >>> fig = plot_term_bars(table, title="Từ xuất hiện nhiều nhất", subtitle="5 bài · từ")
    >>> len(fig.axes[0].patches), fig.axes[0].get_yticklabels()[0].get_text()
    (3, 'Bộ Chính trị')
    >>> fig.axes[0].get_xlabel(), fig.get_size_inches().tolist()
    ('số lần', [6.3, 1.8])

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
        return draw_message(ax, text("no_data", lang), title=title, subtitle=subtitle)
    check_panels(len(groups), "groups of bars")
    rows, cols = grid_shape(len(groups), (ncols or _default_ncols(len(groups))) if group else 1)
    bars = min(n_top, max(len(part) for _, part in groups))
    panel_names = [_group_label(name, group or "", names, lang) for name, _ in groups]
    title_lines = 0
    if group is not None:
        cell = PAGE_WIDTH / cols - 0.15
        title_lines = max(
            wrap_text(n, cell, size=PANEL_TITLE_SIZE, weight="bold").count("\n") + 1
            for n in panel_names
        )
    extra = heading_room(title, subtitle) + _AXIS_ROOM
    per_row = _PANEL_EXTRA + title_lines * _TITLE_LINE
    space = MAX_HEIGHT - extra - rows * per_row
    if ax is None and space / (rows * bars) < _MIN_BAR_ROW:
        raise FigureError(
            f"{rows} rows of panels of {bars} bars do not fit a page 9 in tall: "
            f"lower n_top (at most {int(space / rows / _MIN_BAR_ROW)} here) or pass "
            "fewer groups"
        )
    bar_row = min(BAR_ROW, space / (rows * bars))
    height = max(_MIN_HEIGHT, extra + rows * (per_row + bars * bar_row))
    label_size = MIN_FONT_SIZE if ax is None and bar_row < _SMALL_BAR_ROW else None
    # in small multiples a label takes at most half its panel: the rest is for the bars
    label_width = PAGE_WIDTH / cols * _LABEL_SHARE if group is not None else PAGE_WIDTH
    axis_label = xlabel or column_label(value, lang)
    with matplotlib.rc_context(STYLE):
        axes = panel_axes(ax, len(groups), shape=(rows, cols), figsize=page_figure(height))
        for number, (panel, (_, part)) in enumerate(zip(axes, groups, strict=True)):
            top = part.nlargest(n_top, value, keep="first")
            _bars(
                panel,
                [
                    fit_text(label_of(v, names), label_width, size=label_size or _TICK_SIZE)
                    for v in top[label]
                ],
                top[value].to_numpy(),
                xlabel=axis_label if number + cols >= len(groups) else None,
                label_size=label_size,
            )
        if group is None:
            set_title(axes[0], title, subtitle)
        else:
            set_suptitle(parent_figure(axes[0]), title, subtitle)
            title_panels(axes, panel_names, beside_labels=True)
            thin_value_ticks(axes)
    return figure_of(axes[0])


def plot_grouped_bars(
    table: pd.DataFrame,
    *,
    columns: Sequence[str],
    title: str | None = None,
    subtitle: str | None = None,
    value_label: str | None = None,
    ylabel: str | None = None,
    labels: Sequence[str] | None = None,
    names: Mapping[Any, str] | None = None,
    orientation: Literal["horizontal", "vertical"] = "horizontal",
    lang: str = "vi",
    ax: Axes | None = None,
) -> Figure:
    """Bars for each row of ``table`` (its index labels the groups), one per column.

    Parameters
    ----------
    table : DataFrame
        One row per group of bars, e.g. one per document; at most
        :data:`~corpus_tools.plots.style.MAX_PANELS` rows.
    columns : sequence of str
        The columns to draw, one bar each per row, side by side in this order.
    title, subtitle : str, optional
    value_label : str, optional
        Label of the value axis.
    ylabel : str, optional
        The former name of ``value_label``, still accepted.
    labels : sequence of str, optional
        Legend entries for ``columns`` (default: each column's name in ``lang``,
        ``"syllables"`` is "âm tiết"). The legend is shown only when there are two or
        more columns.
    names : mapping, optional
        Index value → label of its group, e.g. :func:`~corpus_tools.document_labels`.
    orientation : {"horizontal", "vertical"}
        Horizontal bars (the default) leave room for long labels such as articles'
        titles, one group per row, the first on top.
    lang : {"vi", "en"}
    ax : Axes, optional
        Where to draw; None makes a new figure the width of the page.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``.

    Raises
    ------
    FigureError
        If ``table`` has more than ``MAX_PANELS`` rows.

    Examples
    --------
    >>> table = pd.DataFrame({"syllables": [120, 80], "words": [90, 61]}, index=["000", "001"])
    >>> fig = plot_grouped_bars(table, columns=["syllables", "words"], title="Độ dài văn bản")
    >>> len(fig.axes[0].patches), [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    (4, ['âm tiết', 'từ'])
    """
    if value_label is not None and ylabel is not None:
        raise FigureError("pass value_label or its former name ylabel, not both")
    axis_label = value_label if value_label is not None else ylabel or ""
    check_panels(len(table), "rows of bars", limit=MAX_PANELS)
    horizontal = orientation == "horizontal"
    height = heading_room(title, subtitle) + 0.8 + len(table) * (0.12 + 0.15 * len(columns))
    height = max(_MIN_HEIGHT, height) if horizontal else 3.6
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=page_figure(height))
        width = 0.8 / len(columns)
        positions = np.arange(len(table))
        legend = labels or [column_label(c, lang) for c in columns]
        for i, column in enumerate(columns):
            offset = positions + (i - (len(columns) - 1) / 2) * width
            values = table[column].to_numpy()
            if horizontal:
                ax.barh(offset, values, width, label=legend[i])
            else:
                ax.bar(offset, values, width, label=legend[i])
        shown = [label_of(v, names) for v in table.index]
        if horizontal:
            ax.set_yticks(positions, labels=shown)
            ax.set_ylim(len(table) - 0.5, -0.5)
            ax.set_xlabel(axis_label)
        else:
            ax.set_xticks(positions, labels=shown)
            ax.set_ylabel(axis_label)
        if len(columns) > 1:
            ax.legend(frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5))
        set_title(ax, title, subtitle)
    return figure_of(ax)
