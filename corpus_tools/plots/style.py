"""The house style of every figure, and the helpers the plot modules share.

:data:`STYLE` holds the settings every ``plot_*`` function applies inside
``matplotlib.rc_context``, so matplotlib's global settings are never changed. Text is
set in DejaVu Sans, which ships with matplotlib and covers every Vietnamese letter
(:func:`font_path`).

The other names here are internal API for the plot modules: :func:`display_label` turns
a token or a scraped file id into a label, :func:`single_axes` and :func:`panel_axes`
give a function the Axes to draw on (the caller's, or those of a new figure), and
:func:`figure_of` finds the Figure a function returns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import matplotlib
import numpy as np
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from ..errors import FigureError
from ..segment import token_to_text

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

__all__ = [
    "BAR_COLOR",
    "DPI",
    "FONT_FAMILY",
    "MAX_HEIGHT",
    "MAX_PANELS",
    "MIN_FONT_SIZE",
    "PAGE_WIDTH",
    "STYLE",
    "AxesInput",
    "display_label",
    "draw_message",
    "figure_of",
    "font_path",
    "grid_shape",
    "new_figure",
    "panel_axes",
    "parent_figure",
    "single_axes",
]

DPI = 200
FONT_FAMILY = "DejaVu Sans"
STYLE: dict[RcKeyType, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.titlesize": 12,
    "figure.titleweight": "bold",
    "savefig.dpi": DPI,
    "svg.hashsalt": "corpus_tools",  # stable SVG ids: same bytes on every run
    "svg.fonttype": "path",
}
"""The house style, applied with ``matplotlib.rc_context`` inside every function."""

BAR_COLOR = "#2b6a99"
"""The main colour: bars, points and network nodes."""

AxesInput: TypeAlias = Axes | Sequence[Axes] | np.ndarray
"""What a small-multiples function accepts as ``ax``: one Axes, or one per panel."""

_HASHED_ID = re.compile(r"(\d+)_[0-9a-f]{12,}")


def font_path() -> str:
    """Return the path of matplotlib's bundled DejaVu Sans, which covers Vietnamese.

    Examples
    --------
    >>> font_path().endswith("DejaVuSans.ttf")
    True
    """
    return font_manager.findfont(
        font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False
    )


def display_label(value: object) -> str:
    """Return a token with spaces, or a scraped file id shortened to its number.

    Internal API of the plot modules.

    Examples
    --------
    >>> display_label("Bộ_Chính_trị")
    'Bộ Chính trị'
    >>> display_label("000_e38ffd22d5a32227")
    '000'
    """
    text = str(value)
    hashed = _HASHED_ID.fullmatch(text)
    return hashed.group(1) if hashed else token_to_text(text)


def new_figure(width: float, height: float) -> Figure:
    """Return an empty Figure of ``width`` × ``height`` inches with constrained layout.

    Internal API: call it inside ``matplotlib.rc_context(STYLE)``. The Figure is made
    without pyplot, so notebooks show it and scripts never pile up open windows.
    """
    return Figure(figsize=(width, height), layout="constrained")


def grid_shape(n_panels: int, ncols: int) -> tuple[int, int]:
    """Return ``(rows, columns)`` of a grid for ``n_panels``, at most ``ncols`` wide.

    Internal API.

    Examples
    --------
    >>> grid_shape(5, 3), grid_shape(2, 3)
    ((2, 3), (1, 2))
    """
    ncols = max(1, min(ncols, n_panels))
    return math.ceil(n_panels / ncols), ncols


def single_axes(ax: Axes | None, *, figsize: tuple[float, float]) -> Axes:
    """Return ``ax``, or when it is None the one Axes of a new figure of ``figsize``.

    Internal API: call it inside ``matplotlib.rc_context(STYLE)``.

    Raises
    ------
    TypeError
        If ``ax`` is neither None nor a matplotlib Axes.

    Examples
    --------
    >>> ax = single_axes(None, figsize=(6.3, 3.0))
    >>> single_axes(ax, figsize=(1.0, 1.0)) is ax, figure_of(ax).get_size_inches().tolist()
    (True, [6.3, 3.0])
    """
    if ax is None:
        return new_figure(*figsize).subplots()
    if not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes, not {type(ax).__name__}")
    return ax


def panel_axes(
    ax: AxesInput | None,
    n_panels: int,
    *,
    shape: tuple[int, int],
    figsize: tuple[float, float],
    sharex: bool = False,
) -> list[Axes]:
    """Return the Axes of ``n_panels`` small multiples, hiding any spare ones.

    Internal API: call it inside ``matplotlib.rc_context(STYLE)``. When ``ax`` is None
    a new figure of ``figsize`` gets a ``shape`` grid of Axes (``sharex`` shares their
    x axes). Otherwise ``ax`` is one Axes or an array of them, taken in row-major order;
    beyond the first ``n_panels``, each Axes is hidden in both cases.

    Raises
    ------
    TypeError
        If ``ax`` holds something other than matplotlib Axes.
    FigureError
        If ``ax`` holds fewer than ``n_panels`` Axes.

    Examples
    --------
    >>> axes = panel_axes(None, 5, shape=(2, 3), figsize=(6.3, 4.0))
    >>> len(axes), [ax.get_visible() for ax in figure_of(axes[0]).axes]
    (5, [True, True, True, True, True, False])
    """
    if ax is None:
        grid = new_figure(*figsize).subplots(*shape, squeeze=False, sharex=sharex)
        axes = list(grid.ravel())
    else:
        axes = [ax] if isinstance(ax, Axes) else list(np.asarray(ax, dtype=object).ravel())
        wrong = [type(a).__name__ for a in axes if not isinstance(a, Axes)]
        if wrong:
            raise TypeError(f"ax must hold matplotlib Axes, not {wrong[0]}")
        if len(axes) < n_panels:
            raise FigureError(
                f"this figure has {n_panels} panels but ax holds {len(axes)} Axes: "
                f"pass one Axes per panel, e.g. fig.subplots({n_panels})"
            )
    for spare in axes[n_panels:]:
        spare.set_visible(False)
    return axes[:n_panels]


def parent_figure(ax: Axes) -> Figure | SubFigure:
    """Return the Figure or SubFigure that holds ``ax``: where a suptitle or colorbar goes.

    Internal API.
    """
    parent = ax.get_figure()
    if parent is None:
        raise FigureError("the Axes belongs to no figure")
    return parent


def figure_of(ax: Axes) -> Figure:
    """Return the top-level Figure that holds ``ax``, through any subfigures.

    Internal API: what every ``plot_*`` function returns.

    Examples
    --------
    >>> fig = Figure()
    >>> ax = fig.subfigures(1, 2)[1].subplots()
    >>> figure_of(ax) is fig
    True
    """
    return parent_figure(ax).figure  # a SubFigure's is the root; a Figure's, itself


def draw_message(ax: AxesInput | None, message: str, *, title: str | None) -> Figure:
    """Draw ``message`` instead of a plot, where the data leave nothing to show.

    Internal API: a plot function returns this rather than failing on empty data. With
    ``ax`` None the message gets a small figure of its own; otherwise it goes into the
    first of the given Axes and the rest are hidden.

    Examples
    --------
    >>> fig = draw_message(None, "không có dữ liệu để vẽ", title="Từ khóa")
    >>> fig.axes[0].texts[0].get_text(), fig.axes[0].get_title()
    ('không có dữ liệu để vẽ', 'Từ khóa')
    """
    with matplotlib.rc_context(STYLE):
        target = panel_axes(ax, 1, shape=(1, 1), figsize=(5.0, 2.0))[0]
        target.set_axis_off()
        target.text(0.5, 0.5, message, ha="center", va="center", transform=target.transAxes)
        if title:
            target.set_title(title)
    return figure_of(target)


PAGE_WIDTH = 6.3
"""Inches: an A4 text column (16 cm). No saved figure is wider."""

MAX_HEIGHT = 9.0
"""Inches: no saved figure is taller."""

MIN_FONT_SIZE = 7.5
"""Points: no text in a saved figure is smaller."""

MAX_PANELS = 12
"""Per-document panels, rows or heatmap cells a figure shows at most; beyond it a
notebook shows groups or a selection whose rule the title states."""
