"""Matrices as heatmaps: documents × keywords, document similarity, documents × topics.

A heatmap is bounded so that every label stays readable at the page's width: at most
:data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns, and an axis of documents (an
index or columns named ``doc_id``) at most
:data:`~corpus_tools.plots.style.MAX_PANELS` long. Larger matrices raise
:class:`~corpus_tools.errors.FigureError`: draw a selection (and say which in the
title) or transpose the matrix; the full matrix goes to the CSV.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm, Colormap
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..errors import FigureError
from ..groups import short_id
from .labels import VALUES, group_name, text, translate_value
from .style import (
    MAX_PANELS,
    MIN_FONT_SIZE,
    PAGE_WIDTH,
    STYLE,
    check_panels,
    draw_message,
    figure_of,
    heading_room,
    label_of,
    page_figure,
    parent_figure,
    set_title,
    single_axes,
)
from .wrap import fit_text, text_width

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "plot_heatmap"]

MAX_ROWS = 40
"""Rows a heatmap shows at most: one line of 8 pt label each within 9 inches."""
MAX_COLUMNS = 30
"""Columns a heatmap shows at most: one rotated 8 pt label each across 6.3 inches."""

_ROW = 0.24  # inches per row of a new figure: room for an annotation
_TICK_SIZE = 8.0
_ROW_LABEL_WIDTH = 2.4  # inches a row label takes at most, cut with "…" beyond
_COLUMN_LABEL_WIDTH = 1.7  # inches an upright column label takes at most, per line
_SLANTED_LABEL_WIDTH = 2.2  # inches a slanted (45°) column label takes at most
_MASKED_COLOR = "#e0e0e0"
_ANNOTATION_SIZE = MIN_FONT_SIZE


def _axis_labels(values: pd.Index, names: Mapping[Any, str] | None, lang: str) -> list[str]:
    """Labels of an index: a translated identifier (reasons, levels), else ``names``.

    Article labels (an index named ``article``) and ids (``doc_id``) are shown as
    written: an id's ``_`` is not the ``_`` that joins a word's syllables.
    """
    field = values.name
    if field in VALUES:
        return [translate_value(v, field, lang) for v in values]
    if field == "article" and names is None:
        return [str(v) for v in values]
    if field == "doc_id" and names is None:
        return [short_id(v) for v in values]
    named = names or {}
    return [  # the group of documents without a value in ``lang``, the rest as named
        label_of(v, names) if v in named or group_name(v, lang) == str(v) else group_name(v, lang)
        for v in values
    ]


def _check_size(matrix: pd.DataFrame) -> None:
    for axis in (matrix.index, matrix.columns):
        if axis.name == "doc_id":
            check_panels(len(axis), "documents", limit=MAX_PANELS)
    rows, columns = matrix.shape
    check_panels(rows, "rows", limit=MAX_ROWS)
    check_panels(columns, "columns (transpose the matrix?)", limit=MAX_COLUMNS)


def _discrete_scale(values: np.ndarray, cmap: Colormap) -> tuple[Colormap, BoundaryNorm, list]:
    """A colour map of one colour per whole number (or per run of them), its norm, ticks."""
    low, high = int(np.nanmin(values)), int(np.nanmax(values))
    step = 1
    if high - low + 1 > 12:
        ticks = MaxNLocator(nbins=10, integer=True, steps=[1, 2, 5, 10]).tick_values(low, high)
        step = max(1, int(ticks[1] - ticks[0]))
    start = low - (low % step)
    bounds = np.arange(start - 0.5, high + step + 0.5, step, dtype=float)
    bounds = bounds[: np.searchsorted(bounds, high + 0.5) + 1]
    bins = len(bounds) - 1
    ticks = [int(b + 0.5) for b in bounds[:-1]] if step > 1 else list(range(low, high + 1))
    return cmap.resampled(bins), BoundaryNorm(bounds, bins), ticks


def _annotate(ax: Axes, image: Any, values: np.ndarray, masked: np.ndarray, fmt: str) -> None:
    """Write each value in its cell if every one fits its cell at 7.5 pt, else none."""
    fig = figure_of(ax)
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
    box = ax.get_window_extent()
    cell_width = box.width / fig.dpi / values.shape[1]
    cell_height = box.height / fig.dpi / values.shape[0]
    shown = [
        fmt.format(value) if not masked[index] else "" for index, value in np.ndenumerate(values)
    ]
    widest = max(text_width(s, size=_ANNOTATION_SIZE) for s in shown)
    if widest > 0.9 * cell_width or _ANNOTATION_SIZE * 1.2 / 72 > cell_height:
        return
    for ((row, col), value), label in zip(np.ndenumerate(values), shown, strict=True):
        if not label:
            continue
        red, green, blue, _ = image.cmap(image.norm(value))
        dark = 0.299 * red + 0.587 * green + 0.114 * blue < 0.5  # luminance of the cell
        ax.text(
            col,
            row,
            label,
            ha="center",
            va="center",
            fontsize=_ANNOTATION_SIZE,
            color="white" if dark else "black",
        )


def plot_heatmap(
    matrix: pd.DataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    value_label: str = "",
    annotate: bool = True,
    cmap: str = "viridis",
    fmt: str = "{:.2f}",
    discrete: bool | None = None,
    mask_diagonal: bool = False,
    names: Mapping[Any, str] | None = None,
    lang: str = "vi",
    ax: Axes | None = None,
) -> Figure:
    """A heatmap of a labelled matrix (documents × keywords, similarity, documents × topics).

    Parameters
    ----------
    matrix : DataFrame
        Numbers to colour; its index labels the rows and its columns the columns (both
        shown with spaces, scraped file ids shortened to their number, or as
        ``names`` says). At most :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS`
        columns, and at most ``MAX_PANELS`` (12) along an axis named ``doc_id``.
    title, subtitle : str, optional
        The title, and under it what was counted, over what.
    value_label : str
        Label of the colour bar.
    annotate : bool
        Write each value in its cell (7.5 pt, white on dark cells, black on light
        ones) when every value fits its cell; matrices of more than 400 cells never.
    cmap : str
        A matplotlib colour map.
    fmt : str
        Format of the annotations, for ``str.format``.
    discrete : bool, optional
        Colour whole numbers in steps, the colour bar ticked at whole numbers (counts);
        None (the default) does so when every value is a whole number.
    mask_diagonal : bool
        Leave the diagonal of a square matrix blank (light grey, no annotation), so the
        colour scale is spent on the other cells: for similarity and overlap, where a
        document against itself says nothing. The colour bar's label says so.
    names : mapping, optional
        Value → label for rows and columns, e.g.
        :func:`~corpus_tools.document_labels`. An index or columns named
        ``"reason"`` or ``"level"`` shows its identifiers in ``lang``.
    lang : {"vi", "en"}
        Language of the words the function draws itself.
    ax : Axes, optional
        Where to draw; the colour bar takes space from it. None makes a new figure the
        width of the page, its height from the number of rows.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. An empty ``matrix`` gives a
        panel that says there is nothing to show.

    Raises
    ------
    FigureError
        If the matrix is larger than the limits above, or ``mask_diagonal`` is asked of
        a matrix that is not square.

    Examples
    --------
    >>> matrix = pd.DataFrame([[1.0, 0.2], [0.2, 1.0]], index=["000", "001"],
    ...                       columns=["000", "001"])
    >>> fig = plot_heatmap(matrix, title="Độ tương đồng", mask_diagonal=True)
    >>> fig.axes[0].get_title(), [t.get_text() for t in fig.axes[0].texts]
    ('Độ tương đồng', ['0.20', '0.20'])
    >>> counts = pd.DataFrame([[0, 2], [1, 3]], index=["a", "b"], columns=["x", "y"])
    >>> [t.get_text() for t in plot_heatmap(counts).axes[1].get_yticklabels()]
    ['0', '1', '2', '3']
    """
    values = matrix.to_numpy(dtype=float)
    if values.size == 0:
        return draw_message(ax, text("no_data", lang), title=title, subtitle=subtitle)
    _check_size(matrix)
    masked = np.zeros(values.shape, dtype=bool)
    if mask_diagonal:
        if values.shape[0] != values.shape[1]:
            raise FigureError(f"mask_diagonal needs a square matrix, not {values.shape}")
        masked = np.eye(values.shape[0], dtype=bool)
    shown = np.ma.masked_array(values, mask=masked | np.isnan(values))
    colours = matplotlib.colormaps[cmap].with_extremes(bad=_MASKED_COLOR)
    finite = shown.compressed()
    if discrete is None:
        discrete = finite.size > 0 and bool(np.all(finite == np.round(finite)))
    row_labels = [
        fit_text(label, _ROW_LABEL_WIDTH, size=_TICK_SIZE)
        for label in _axis_labels(matrix.index, names, lang)
    ]
    upright = values.shape[1] > 8  # slanted labels of many columns would run together
    cell = (PAGE_WIDTH - _ROW_LABEL_WIDTH - 0.9) / values.shape[1]  # inches, at least
    lines = 2 if upright and cell >= 0.3 else 1  # two upright lines need 0.27 in
    column_labels = [
        fit_text(
            label,
            _COLUMN_LABEL_WIDTH if upright else _SLANTED_LABEL_WIDTH,
            size=_TICK_SIZE,
            lines=lines,
        )
        for label in _axis_labels(matrix.columns, names, lang)
    ]
    longest = max(
        text_width(line, size=_TICK_SIZE) for label in column_labels for line in label.split("\n")
    )
    label_room = longest if upright else 0.71 * (longest + 0.3)
    height = heading_room(title, subtitle) + 0.45 + label_room + _ROW * values.shape[0]
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=page_figure(max(2.2, height)))
        norm = None
        ticks = None
        if discrete and finite.size:
            colours, norm, ticks = _discrete_scale(finite, colours)
            colours = colours.with_extremes(bad=_MASKED_COLOR)
        image = ax.imshow(shown, cmap=colours, norm=norm, aspect="auto", interpolation="none")
        ax.set_xticks(
            np.arange(values.shape[1]),
            labels=column_labels,
            rotation=90 if upright else 45,
            ha="center" if upright else "right",
            rotation_mode="default" if upright else "anchor",
        )
        ax.set_yticks(np.arange(values.shape[0]), labels=row_labels)
        ax.spines[:].set_visible(False)
        label = value_label
        if mask_diagonal:
            label = f"{value_label}\n({text('diagonal_blank', lang)})".lstrip("\n")
        parent_figure(ax).colorbar(image, ax=ax, label=label, shrink=0.9, ticks=ticks)
        set_title(ax, title, subtitle)
        if annotate and values.size <= 400:
            _annotate(ax, image, values, masked | np.isnan(values), fmt)
    return figure_of(ax)
