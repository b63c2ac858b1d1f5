"""The house style of every figure, and the helpers the plot modules share.

:data:`STYLE` holds the settings every ``plot_*`` function applies inside
``matplotlib.rc_context``, so matplotlib's global settings are never changed. Text is
set in DejaVu Sans, which ships with matplotlib and covers every Vietnamese letter
(:func:`font_path`).

Every figure is drawn for the page it lands on (STYLE.md §10): at most
:data:`PAGE_WIDTH` × :data:`MAX_HEIGHT` inches as saved, no text under
:data:`MIN_FONT_SIZE` points, and at most :data:`MAX_PANELS` panels. A figure's size
follows from its design, never from the number of documents; a function given more
than it can draw legibly raises :class:`~corpus_tools.errors.FigureError` naming the
limit (:func:`check_panels`).

The other names here are internal API for the plot modules: :func:`display_label` turns
a token or a scraped file id into a label (:func:`label_of` first asks the caller's
``names``), :func:`single_axes` and :func:`panel_axes` give a function the Axes to draw
on (the caller's, or those of a new figure), :func:`set_title` and
:func:`set_suptitle` draw a title with its subtitle, and :func:`figure_of` finds the
Figure a function returns.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import matplotlib
import numpy as np
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.text import Annotation
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from ..errors import FigureError
from ..groups import HASHED_ID
from ..segment import token_to_text
from .wrap import FONT_FAMILY, text_width, wrap_text

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
    "PANEL_TITLE_SIZE",
    "STYLE",
    "SUBTITLE_COLOR",
    "SUBTITLE_SIZE",
    "AxesInput",
    "check_panels",
    "display_label",
    "draw_message",
    "figure_of",
    "font_path",
    "grid_shape",
    "heading_room",
    "label_of",
    "new_figure",
    "page_figure",
    "panel_axes",
    "parent_figure",
    "set_suptitle",
    "set_title",
    "single_axes",
    "thin_value_ticks",
    "title_panels",
]

PAGE_WIDTH = 6.3
"""Inches: an A4 text column (16 cm). No saved figure is wider."""

MAX_HEIGHT = 9.0
"""Inches: no saved figure is taller."""

MIN_FONT_SIZE = 7.5
"""Points: no text in a saved figure is smaller."""

MAX_PANELS = 12
"""Per-document panels, rows or heatmap cells a figure shows at most; beyond it a
notebook shows groups or a selection whose rule the title states
(:func:`corpus_tools.plots.select_documents`)."""

DPI = 200
STYLE: dict[RcKeyType, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "font.size": 8.5,
    "axes.titlesize": 9.5,
    "axes.titleweight": "bold",
    "axes.labelsize": 8.5,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.titlesize": 10.5,
    "figure.titleweight": "bold",
    "savefig.dpi": DPI,
    "svg.hashsalt": "corpus_tools",  # stable SVG ids: same bytes on every run
    "svg.fonttype": "none",  # text stays text, in the font named above: editable labels
}
"""The house style, applied with ``matplotlib.rc_context`` inside every function.

Sizes are printed sizes: a figure is saved at the size it is printed (at most
:data:`PAGE_WIDTH` wide), so 8 pt here is 8 pt on paper."""

SUBTITLE_SIZE = 8.0
"""Points: the subtitle under a title (what was counted, over what)."""

SUBTITLE_COLOR = "#404040"

PANEL_TITLE_SIZE = 9.0
"""Points: the title of one panel of small multiples."""

BAR_COLOR = "#2b6a99"
"""The main colour: bars, points and network nodes."""

AxesInput: TypeAlias = Axes | Sequence[Axes] | np.ndarray
"""What a small-multiples function accepts as ``ax``: one Axes, or one per panel."""


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
    hashed = HASHED_ID.fullmatch(text)
    return hashed.group(1) if hashed else token_to_text(text)


def label_of(value: object, names: Mapping[Any, str] | None) -> str:
    """Return ``names[value]`` when the caller named it, else :func:`display_label`.

    Internal API: ``names`` is the ``names=`` option of the ``plot_*`` functions, e.g.
    :func:`corpus_tools.document_labels` for articles.

    Examples
    --------
    >>> label_of("000_e38ffd22d5a32227", {"000_e38ffd22d5a32227": "Siết chặt… (000)"})
    'Siết chặt… (000)'
    >>> label_of("cán_bộ", None)
    'cán bộ'
    """
    if names is not None:
        try:
            found = names.get(value)
        except TypeError:  # an unhashable value
            found = None
        if found is not None:
            return str(found)
    return display_label(value)


def new_figure(width: float, height: float) -> Figure:
    """Return an empty Figure of ``width`` × ``height`` inches with constrained layout.

    Internal API: call it inside ``matplotlib.rc_context(STYLE)``. The Figure is made
    without pyplot, so notebooks show it and scripts never pile up open windows.
    """
    return Figure(figsize=(width, height), layout="constrained")


def page_figure(height: float) -> tuple[float, float]:
    """Return the size of a new figure: the page's width, ``height`` at most 9 inches.

    Internal API: the ``figsize`` a ``plot_*`` function passes to :func:`single_axes`
    or :func:`panel_axes`.

    Examples
    --------
    >>> page_figure(3.0), page_figure(12.0)
    ((6.3, 3.0), (6.3, 9.0))
    """
    return PAGE_WIDTH, min(MAX_HEIGHT, height)


def heading_room(title: str | None, subtitle: str | None) -> float:
    """Inches a new figure keeps for its title and subtitle (one line each).

    Internal API: part of the height a ``plot_*`` function asks of :func:`page_figure`.

    Examples
    --------
    >>> heading_room("Từ khóa", None), heading_room(None, None)
    (0.3, 0.0)
    """
    return (0.3 if title else 0.0) + (0.2 if subtitle else 0.0)


def check_panels(count: int, what: str, *, limit: int = MAX_PANELS) -> None:
    """Raise :class:`FigureError` when a figure would hold more than ``limit`` ``what``.

    Internal API: a figure of more panels (or rows) than fit a page would shrink them
    past reading; the caller chooses groups, or a selection whose rule the title
    states.

    Examples
    --------
    >>> check_panels(12, "panels")
    >>> check_panels(300, "panels")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.FigureError: 300 panels do not fit a page: a figure shows at most 12; ...
    """
    if count > limit:
        raise FigureError(
            f"{count} {what} do not fit a page: a figure shows at most {limit}; group "
            "the documents, or draw a selection such as "
            f"plots.select_documents(table, n={MAX_PANELS}, rule='longest') and say "
            "which in the title"
        )


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


def _line_width(parent: Figure | SubFigure) -> float:
    """Inches a title line may take: the (sub)figure's width less a margin."""
    return max(1.0, parent.bbox.width / parent.figure.dpi - 0.3)


def set_title(ax: Axes, title: str | None, subtitle: str | None = None) -> None:
    """Give ``ax`` its title and, under it in smaller plain type, its subtitle.

    Internal API. Both are wrapped to the width of the figure, so none is clipped.
    The subtitle sits between the title and the plot and is laid out with it (it is
    an annotation of the Axes, so constrained layout makes room for it).

    Examples
    --------
    >>> ax = Figure(figsize=(6.3, 3)).subplots()
    >>> set_title(ax, "Từ nhiều nhất", "5 bài · từ, bỏ từ dừng")
    >>> ax.get_title(), ax.texts[0].get_text()
    ('Từ nhiều nhất', '5 bài · từ, bỏ từ dừng')
    """
    width = _line_width(parent_figure(ax))
    pad = matplotlib.rcParams["axes.titlepad"]
    if subtitle:
        wrapped = wrap_text(subtitle, width, size=SUBTITLE_SIZE)
        ax.annotate(
            wrapped,
            xy=(0.5, 1.0),
            xycoords="axes fraction",
            xytext=(0, pad),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=SUBTITLE_SIZE,
            color=SUBTITLE_COLOR,
            annotation_clip=False,
        )
        pad += (wrapped.count("\n") + 1) * SUBTITLE_SIZE * 1.25 + 2
    if title:
        size = font_manager.FontProperties(size=matplotlib.rcParams["axes.titlesize"])
        ax.set_title(
            wrap_text(title, width, size=size.get_size_in_points(), weight="bold"), pad=pad
        )


def set_suptitle(parent: Figure | SubFigure, title: str | None, subtitle: str | None) -> None:
    """Give a figure of panels its title and, under it in smaller plain type, a subtitle.

    Internal API. Constrained layout makes room for a suptitle only, so the suptitle
    ends in blank lines that the subtitle (a text anchored under its first lines)
    fills: ``get_suptitle()`` then ends with newlines.

    Examples
    --------
    >>> fig = Figure(figsize=(6.3, 3), layout="constrained")
    >>> set_suptitle(fig, "Theo văn bản", "5 bài")
    >>> fig.get_suptitle().strip(), fig.artists[-1].get_text()
    ('Theo văn bản', '5 bài')
    """
    if not title and not subtitle:
        return
    width = _line_width(parent)
    size = font_manager.FontProperties(size=matplotlib.rcParams["figure.titlesize"])
    heading = wrap_text(title or "", width, size=size.get_size_in_points(), weight="bold")
    if not subtitle:
        parent.suptitle(heading)
        return
    wrapped = wrap_text(subtitle, width, size=SUBTITLE_SIZE)
    lines = wrapped.count("\n") + 1
    blank = math.ceil(lines * SUBTITLE_SIZE / size.get_size_in_points() + 0.2)
    suptitle = parent.suptitle(heading + "\n" * blank)
    parent.add_artist(
        Annotation(
            wrapped,
            xy=(0.5, 0.0),
            xycoords=suptitle,
            ha="center",
            va="bottom",
            fontsize=SUBTITLE_SIZE,
            color=SUBTITLE_COLOR,
            annotation_clip=False,
        )
    )


def _cell_width(ax: Axes) -> float:
    """Inches of the grid cell ``ax`` sits in, before layout: its share of the parent."""
    parent = parent_figure(ax)
    spec = ax.get_subplotspec()
    share = (
        (spec.colspan.stop - spec.colspan.start) / spec.get_gridspec().ncols
        if spec is not None
        else ax.get_position().width
    )
    return max(0.8, share * parent.bbox.width / parent.figure.dpi - 0.15)


def title_panels(
    axes: Sequence[Axes], titles: Sequence[str], *, beside_labels: bool = False
) -> None:
    """Title each panel of small multiples, wrapped so that no title leaves the figure.

    Internal API: call it inside ``matplotlib.rc_context(STYLE)`` once the panels are
    drawn. The figure is laid out, then each title is wrapped to its panel's width;
    with ``beside_labels`` it starts over the panel's y tick labels (left-aligned), so
    a long name has the whole width of the panel, labels included.
    ``ax.get_title()`` returns the wrapped title.
    """
    for ax, title in zip(axes, titles, strict=True):
        ax.set_title(
            wrap_text(title, _cell_width(ax), size=PANEL_TITLE_SIZE, weight="bold"),
            fontsize=PANEL_TITLE_SIZE,
        )
    fig = figure_of(axes[0])
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
    for ax, title in zip(axes, titles, strict=True):
        box = ax.get_window_extent()
        width = box.width / fig.dpi
        left = 0.0
        labels = [label for label in ax.get_yticklabels() if label.get_text()]
        if beside_labels and labels:
            widest = max(text_width(t.get_text(), size=float(t.get_fontsize())) for t in labels)
            tick = matplotlib.rcParams["ytick.major.size"] + matplotlib.rcParams["ytick.major.pad"]
            room = (box.x0 - parent_figure(ax).bbox.x0) / fig.dpi - 0.15  # to the figure edge
            left = max(0.0, min(widest + tick / 72, room))
            ax.title.set_horizontalalignment("left")
            ax.title.set_x(-left / width)
        ax.title.set_text(
            wrap_text(title, 0.92 * (width + left) - 0.05, size=PANEL_TITLE_SIZE, weight="bold")
        )


def thin_value_ticks(axes: Sequence[Axes]) -> None:
    """Keep as many x ticks on each panel as their labels leave room for, written short.

    Internal API: call it after the figure is laid out (:func:`title_panels` does
    that). Narrow panels of small multiples would otherwise print labels such as
    "0.000" and "0.025" into each other.
    """
    fig = figure_of(axes[0])
    for ax in axes:
        ax.xaxis.set_major_formatter(StrMethodFormatter("{x:g}"))
        length = ax.get_window_extent().width / fig.dpi
        labels = [ax.xaxis.get_major_formatter()(x) for x in ax.get_xticks()]
        size = matplotlib.rcParams["xtick.labelsize"]
        size = size if isinstance(size, (int, float)) else 8.0
        widest = max((text_width(label, size=size) for label in labels), default=0.3)
        bins = max(1, math.floor(length / (widest + 0.2)))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10]))


def draw_message(
    ax: AxesInput | None,
    message: str,
    *,
    title: str | None,
    subtitle: str | None = None,
) -> Figure:
    """Draw ``message`` instead of a plot, where the data leave nothing to show.

    Internal API: a plot function returns this rather than failing on empty data. With
    ``ax`` None the message gets a small figure of its own; otherwise it goes into the
    first of the given Axes and the rest are hidden. ``message`` is drawn as given:
    pass ``labels.text("no_data", lang)``.

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
        set_title(target, title, subtitle)
    return figure_of(target)
