"""Matrices as heatmaps: documents × keywords, document similarity, documents × topics."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .style import STYLE, display_label, draw_message, figure_of, parent_figure, single_axes

__all__ = ["plot_heatmap"]


def plot_heatmap(
    matrix: pd.DataFrame,
    *,
    title: str | None = None,
    value_label: str = "",
    annotate: bool = True,
    cmap: str = "viridis",
    fmt: str = "{:.2f}",
    ax: Axes | None = None,
) -> Figure:
    """A heatmap of a labelled matrix (documents × keywords, similarity, documents × topics).

    Parameters
    ----------
    matrix : DataFrame
        Numbers to colour; its index labels the rows and its columns the columns (both
        shown with spaces, scraped file ids shortened to their number).
    title : str, optional
    value_label : str
        Label of the colour bar.
    annotate : bool
        Write each value in its cell, in white on dark cells and black on light ones.
        Matrices of more than 400 cells are never annotated: the numbers would not fit.
    cmap : str
        A matplotlib colour map.
    fmt : str
        Format of the annotations, for ``str.format``.
    ax : Axes, optional
        Where to draw; the colour bar takes space from it. None makes a new figure
        sized for the matrix.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. An empty ``matrix`` gives a
        panel that says there is nothing to show.

    Examples
    --------
    >>> matrix = pd.DataFrame([[1.0, 0.2], [0.2, 1.0]], index=["000", "001"],
    ...                       columns=["000", "001"])
    >>> fig = plot_heatmap(matrix, title="Độ tương đồng")
    >>> fig.axes[0].get_title()
    'Độ tương đồng'
    """
    values = matrix.to_numpy(dtype=float)
    if values.size == 0:
        return draw_message(ax, "không có dữ liệu để vẽ", title=title)
    with matplotlib.rc_context(STYLE):
        ax = single_axes(
            ax,
            figsize=(
                max(4.5, 0.55 * matrix.shape[1] + 2.5),
                max(3.0, 0.45 * matrix.shape[0] + 1.8),
            ),
        )
        image = ax.imshow(values, cmap=cmap, aspect="auto")
        ax.set_xticks(
            np.arange(matrix.shape[1]),
            labels=[display_label(c) for c in matrix.columns],
            rotation=45,
            ha="right",
            rotation_mode="anchor",
        )
        ax.set_yticks(np.arange(matrix.shape[0]), labels=[display_label(i) for i in matrix.index])
        ax.spines[:].set_visible(False)
        if annotate and values.size <= 400:
            for (row, col), value in np.ndenumerate(values):
                red, green, blue, _ = image.cmap(image.norm(value))
                dark = 0.299 * red + 0.587 * green + 0.114 * blue < 0.5  # luminance of the cell
                ax.text(
                    col,
                    row,
                    fmt.format(value),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if dark else "black",
                )
        parent_figure(ax).colorbar(image, ax=ax, label=value_label, shrink=0.8)
        if title:
            ax.set_title(title)
    return figure_of(ax)
