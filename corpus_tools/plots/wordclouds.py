"""Word clouds drawn from our own frequencies: one (:func:`plot_wordcloud`), or one per
document or topic (:func:`plot_wordclouds`).

WordCloud's own tokenizer would split "Hà Nội" and pair words across boundaries;
``generate_from_frequencies`` takes the counts as they are, so multi-syllable words
stay whole. The words are set in the house font (:func:`font_path`), and a fixed
``random_state`` gives the same picture on every run.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .style import (
    STYLE,
    AxesInput,
    display_label,
    draw_message,
    figure_of,
    font_path,
    grid_shape,
    panel_axes,
    parent_figure,
    single_axes,
)

__all__ = ["plot_wordcloud", "plot_wordclouds"]


def _wordcloud_image(
    frequencies: Mapping[str, float], *, random_state: int, width: int, height: int
) -> np.ndarray:
    from wordcloud import WordCloud

    cloud = WordCloud(
        font_path=font_path(),
        width=width,
        height=height,
        background_color="white",
        random_state=random_state,
        prefer_horizontal=1.0,
        max_words=200,
        colormap="viridis",
    )
    shown = {display_label(term): float(value) for term, value in frequencies.items() if value > 0}
    return cloud.generate_from_frequencies(shown).to_array()


def plot_wordcloud(
    frequencies: Mapping[str, float],
    *,
    title: str | None = None,
    random_state: int = 0,
    width: int = 800,
    height: int = 450,
    ax: Axes | None = None,
) -> Figure:
    """A word cloud drawn from our own frequencies, so multi-syllable words stay whole.

    Parameters
    ----------
    frequencies : mapping of str to float
        Word → count or weight. Keys may be tokens (``"Bộ_Chính_trị"``) or display
        terms; both are shown with spaces. Words with a value of 0 or less are left
        out, and at most the 200 largest are drawn.
    title : str, optional
    random_state : int
        Seed of WordCloud's placement of the words.
    width, height : int
        Size of the cloud in pixels; a new figure is ``width / 100`` by ``height /
        100`` inches, plus room for the title.
    ax : Axes, optional
        Where to draw; None makes a new figure.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``.

    Examples
    --------
    >>> fig = plot_wordcloud({"Bộ_Chính_trị": 5, "cán_bộ": 3, "ở": 1}, title="Mây từ")
    >>> fig.axes[0].get_title()
    'Mây từ'
    """
    image = _wordcloud_image(frequencies, random_state=random_state, width=width, height=height)
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(width / 100, height / 100 + (0.4 if title else 0)))
        ax.imshow(image, interpolation="bilinear")
        ax.set_axis_off()
        if title:
            ax.set_title(title)
    return figure_of(ax)


def plot_wordclouds(
    frequencies_by_group: Mapping[str, Mapping[str, float]],
    *,
    title: str | None = None,
    random_state: int = 0,
    ncols: int = 3,
    ax: AxesInput | None = None,
) -> Figure:
    """One word cloud per group (document, topic) as small multiples.

    Parameters
    ----------
    frequencies_by_group : mapping of str to mapping of str to float
        Group → its word frequencies, as for :func:`plot_wordcloud`. Panels keep the
        mapping's order and are titled with the group's label.
    title : str, optional
        The suptitle of the figure (or subfigure) that holds the panels.
    random_state : int
        Seed of WordCloud's placement of the words, the same for every panel.
    ncols : int
        Panels per row of a new figure.
    ax : array of Axes, optional
        Where to draw: one Axes per group, taken in row-major order (e.g.
        ``fig.subplots(2, 3)``), spare ones hidden. None makes a new figure.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. No groups give a panel that
        says there is nothing to show.

    Raises
    ------
    FigureError
        If ``ax`` holds fewer Axes than there are groups.

    Examples
    --------
    >>> fig = plot_wordclouds({"000": {"chạy_chức": 4, "cán_bộ": 2}, "001": {"Bộ_Chính_trị": 3}})
    >>> [ax.get_title() for ax in fig.axes if ax.get_visible()]
    ['000', '001']
    """
    if not frequencies_by_group:
        return draw_message(ax, "không có dữ liệu để vẽ", title=title)
    rows, cols = grid_shape(len(frequencies_by_group), ncols)
    with matplotlib.rc_context(STYLE):
        axes = panel_axes(
            ax,
            len(frequencies_by_group),
            shape=(rows, cols),
            figsize=(4.2 * cols, 2.7 * rows + 0.4),
        )
        for panel, (name, frequencies) in zip(axes, frequencies_by_group.items(), strict=True):
            image = _wordcloud_image(frequencies, random_state=random_state, width=600, height=360)
            panel.imshow(image, interpolation="bilinear")
            panel.set_axis_off()
            panel.set_title(display_label(name))
        if title:
            parent_figure(axes[0]).suptitle(title)
    return figure_of(axes[0])
