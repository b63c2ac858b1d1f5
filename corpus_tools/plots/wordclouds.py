"""Word clouds drawn from our own frequencies: one (:func:`plot_wordcloud`), or one per
document or topic (:func:`plot_wordclouds`).

WordCloud's own tokenizer would split "Hà Nội" and pair words across boundaries;
``generate_from_frequencies`` takes the counts as they are, so multi-syllable words
stay whole. WordCloud only chooses where each word goes (its ``layout_``): the words
are then drawn as matplotlib text in the house font (:func:`font_path`), so the SVG
holds real, editable text and the PNG shows the same picture. The cloud is laid out
at the size of its Axes, two layout pixels per point, so no word is set under 7.5 pt;
words that would need to be smaller are left out. A fixed ``random_state`` gives the
same picture on every run.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from typing import Any

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from .labels import text
from .style import (
    MIN_FONT_SIZE,
    STYLE,
    AxesInput,
    check_panels,
    display_label,
    draw_message,
    figure_of,
    font_path,
    grid_shape,
    heading_room,
    label_of,
    page_figure,
    panel_axes,
    parent_figure,
    set_suptitle,
    set_title,
    single_axes,
    title_panels,
)

__all__ = ["MAX_WORD_SIZE", "plot_wordcloud", "plot_wordclouds"]

MAX_WORD_SIZE = 36.0
"""Points: the largest word of a cloud."""
_DESCENT = 0.24  # of a font's size: DejaVu Sans's descent, below the baseline
_PIXELS_PER_POINT = 2  # WordCloud lays the cloud out on a canvas this fine
_PALETTE = "viridis"
_PALETTE_RANGE = (0.0, 0.78)  # the dark part of the palette: yellow on white is unreadable


def _colour(random_state: random.Random) -> str:
    """A colour from the dark part of the palette, drawn from WordCloud's random state."""
    low, high = _PALETTE_RANGE
    return to_hex(matplotlib.colormaps[_PALETTE](low + (high - low) * random_state.random()))


def _layout(
    frequencies: Mapping[str, float],
    *,
    width: float,
    height: float,
    random_state: int,
    max_words: int,
) -> list[tuple[str, float, float, float, str]]:
    """``(word, size, x, baseline, colour)`` of each word placed in ``width`` × ``height``
    points, from WordCloud's layout on a canvas ``_PIXELS_PER_POINT`` times finer."""
    from PIL import Image, ImageDraw, ImageFont
    from scipy.ndimage import binary_dilation
    from wordcloud import WordCloud

    shown = {display_label(term): float(value) for term, value in frequencies.items() if value > 0}
    if not shown:
        return []
    scale = _PIXELS_PER_POINT
    cloud = WordCloud(
        font_path=font_path(),
        width=max(1, int(width * scale)),
        height=max(1, int(height * scale)),
        background_color="white",
        random_state=random_state,
        prefer_horizontal=1.0,
        max_words=max_words,
        min_font_size=math.ceil(MIN_FONT_SIZE * scale),
        max_font_size=int(MAX_WORD_SIZE * scale),
        margin=2 * scale,
        color_func=lambda *args, random_state, **kwargs: _colour(random_state),
    )
    cloud.generate_from_frequencies(shown)
    canvas = np.zeros((cloud.height, cloud.width), dtype=bool)  # the ink drawn so far
    placed: list[tuple[str, float, float, float, str]] = []
    for (word, _), size, (row, column), _, colour in cloud.layout_:
        font = ImageFont.truetype(font_path(), size)
        # WordCloud checks the room for a word's ink from the top of its letters but
        # draws it from the font's ascender line, a little lower: a word whose ink so
        # runs into (or within 1 pt of) ink placed before it is left out.
        image = Image.new("L", (cloud.width, cloud.height))
        ImageDraw.Draw(image).text((column, row), word, fill=255, font=font)
        ink = np.asarray(image) > 0
        if (binary_dilation(ink, iterations=scale) & canvas).any():  # 1 pt apart at least
            continue
        canvas |= ink
        ascent, _ = font.getmetrics()
        placed.append((word, size / scale, column / scale, (row + ascent) / scale, colour))
    return placed


def _draw_cloud(
    ax: Axes, frequencies: Mapping[str, float], *, random_state: int, max_words: int, lang: str
) -> None:
    """Lay the cloud out at the size ``ax`` has once the figure is laid out, and draw it."""
    fig = figure_of(ax)
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
    box = ax.get_window_extent()
    width, height = box.width / fig.dpi * 72, box.height / fig.dpi * 72
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    words = _layout(
        frequencies,
        width=width,
        height=height - _DESCENT * MAX_WORD_SIZE,  # room under the lowest word's line
        random_state=random_state,
        max_words=max_words,
    )
    if not words:
        ax.text(0.5, 0.5, text("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        return
    for word, size, x, baseline, colour in words:
        artist = ax.text(x, baseline, word, fontsize=size, color=colour, ha="left", va="baseline")
        artist.set_in_layout(False)  # placed to fit the Axes: the layout must not move it


def plot_wordcloud(
    frequencies: Mapping[str, float],
    *,
    title: str | None = None,
    subtitle: str | None = None,
    random_state: int = 0,
    max_words: int = 200,
    lang: str = "vi",
    ax: Axes | None = None,
) -> Figure:
    """A word cloud drawn from our own frequencies, so multi-syllable words stay whole.

    Parameters
    ----------
    frequencies : mapping of str to float
        Word → count or weight. Keys may be tokens (``"Bộ_Chính_trị"``) or display
        terms; both are shown with spaces. Words with a value of 0 or less are left
        out, and at most ``max_words`` of the largest are drawn (fewer when the
        smallest would be set under 7.5 pt).
    title, subtitle : str, optional
    random_state : int
        Seed of WordCloud's placement and colouring of the words.
    max_words : int
    lang : {"vi", "en"}
        Language of the message drawn when there are no words.
    ax : Axes, optional
        Where to draw; None makes a new figure the width of the page. The cloud fills
        the Axes as the figure is laid out when the function runs.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. Each word is a text artist.

    Examples
    --------
    >>> fig = plot_wordcloud({"Bộ_Chính_trị": 5, "cán_bộ": 3, "ở": 1}, title="Mây từ")
    >>> fig.axes[0].get_title(), sorted(t.get_text() for t in fig.axes[0].texts)
    ('Mây từ', ['Bộ Chính trị', 'cán bộ', 'ở'])
    """
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=page_figure(3.5 + heading_room(title, subtitle)))
        set_title(ax, title, subtitle)
        _draw_cloud(ax, frequencies, random_state=random_state, max_words=max_words, lang=lang)
    return figure_of(ax)


def plot_wordclouds(
    frequencies_by_group: Mapping[Any, Mapping[str, float]],
    *,
    title: str | None = None,
    subtitle: str | None = None,
    random_state: int = 0,
    max_words: int = 100,
    ncols: int | None = None,
    names: Mapping[Any, str] | None = None,
    lang: str = "vi",
    ax: AxesInput | None = None,
) -> Figure:
    """One word cloud per group (document, topic) as small multiples.

    Parameters
    ----------
    frequencies_by_group : mapping of str to mapping of str to float
        Group → its word frequencies, as for :func:`plot_wordcloud`; at most
        :data:`~corpus_tools.plots.style.MAX_PANELS` groups. Panels keep the mapping's
        order and are titled with the group's label.
    title : str, optional
        The suptitle of the figure (or subfigure) that holds the panels.
    subtitle : str, optional
        Under the title: which documents, what was counted.
    random_state : int
        Seed of WordCloud's placement of the words, the same for every panel.
    max_words : int
        Words per cloud at most.
    ncols : int, optional
        Panels per row of a new figure: default 2, or 3 for more than six panels.
    names : mapping, optional
        Group → panel title, e.g. :func:`~corpus_tools.document_labels`.
    lang : {"vi", "en"}
    ax : array of Axes, optional
        Where to draw: one Axes per group, taken in row-major order (e.g.
        ``fig.subplots(2, 3)``), spare ones hidden. None makes a new figure the width
        of the page.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. No groups give a panel that
        says there is nothing to show.

    Raises
    ------
    FigureError
        If there are more than ``MAX_PANELS`` groups, or ``ax`` holds fewer Axes than
        there are groups.

    Examples
    --------
    >>> fig = plot_wordclouds({"000": {"chạy_chức": 4, "cán_bộ": 2}, "001": {"Bộ_Chính_trị": 3}})
    >>> [ax.get_title() for ax in fig.axes if ax.get_visible()]
    ['000', '001']
    """
    if not frequencies_by_group:
        return draw_message(ax, text("no_data", lang), title=title, subtitle=subtitle)
    check_panels(len(frequencies_by_group), "word clouds")
    count = len(frequencies_by_group)
    rows, cols = grid_shape(count, ncols or (1 if count == 1 else 2 if count <= 6 else 3))
    row_height = 3.4 if cols == 1 else 1.9 if cols == 2 else 1.65
    with matplotlib.rc_context(STYLE):
        axes = panel_axes(
            ax,
            count,
            shape=(rows, cols),
            figsize=page_figure(rows * row_height + heading_room(title, subtitle)),
        )
        for panel in axes:
            panel.set_axis_off()
        set_suptitle(parent_figure(axes[0]), title, subtitle)
        title_panels(axes, [label_of(name, names) for name in frequencies_by_group])
        for panel, frequencies in zip(axes, frequencies_by_group.values(), strict=True):
            _draw_cloud(
                panel, frequencies, random_state=random_state, max_words=max_words, lang=lang
            )
    return figure_of(axes[0])
