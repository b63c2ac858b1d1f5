"""Lexical diversity against length (:func:`plot_lexical_diversity`)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .labels import format_count, text
from .style import BAR_COLOR, PAGE_WIDTH, STYLE, draw_message, figure_of, single_axes
from .trends import TERM_COLORS

__all__ = ["plot_lexical_diversity"]

_MAX_GROUPS = len(TERM_COLORS)


def plot_lexical_diversity(
    table: pd.DataFrame,
    *,
    value: str = "mattr",
    group: str | None = None,
    title: str | None = None,
    ax: Axes | None = None,
    lang: str = "vi",
) -> Figure:
    """Each article's lexical diversity against its length in words, one point per article.

    A length-robust measure shows no trend with length; the plain TTR would fall. The
    y axis names the measure (and MATTR's window).

    Parameters
    ----------
    table : DataFrame
        From :func:`corpus_tools.features.lexical_diversity` (``words``, ``mattr``,
        ``mattr_window``, ``mtld``), plus a group column if ``group`` is given.
    value : {"mattr", "mtld"}
    group : str, optional
        Column whose values colour the points: the six largest groups get a colour
        each (legend), the rest are grey ("nhóm khác", "other groups").
    title : str, optional
    ax : Axes, optional
        Where to draw; None makes a new figure 6.3 × 4 in.
    lang : {"vi", "en"}
        Language of the figure's own words (axis names, legend, notes).

    Returns
    -------
    Figure
        Articles without a value (shorter than the MATTR window, or without words) are
        not drawn; the x label says how many.

    Examples
    --------
    >>> table = pd.DataFrame({"words": [120, 300], "mattr": [0.71, 0.68],
    ...                       "mattr_window": [100, 100], "mtld": [80.0, 75.0]})
    >>> plot_lexical_diversity(table).axes[0].get_ylabel()
    'MATTR (cửa sổ 100 từ)'
    >>> plot_lexical_diversity(table, lang="en").axes[0].get_xlabel()
    'article length (words)'
    """
    shown = table.dropna(subset=[value])
    if shown.empty:
        return draw_message(ax, text("none_long_enough", lang), title=title)
    window = int(table["mattr_window"].iloc[0]) if "mattr_window" in table else 100
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(PAGE_WIDTH, 4.0))
        size = 14 if len(shown) > 200 else 24
        if group is None:
            ax.scatter(
                shown["words"], shown[value], s=size, color=BAR_COLOR, alpha=0.7, linewidths=0
            )
        else:
            largest = shown[group].value_counts(sort=True).index[:_MAX_GROUPS].tolist()
            rest = shown[~shown[group].isin(largest)]
            if len(rest):
                ax.scatter(
                    rest["words"],
                    rest[value],
                    s=size,
                    color="#bbbbbb",
                    alpha=0.7,
                    linewidths=0,
                    label=text("other_groups", lang),
                )
            for number, name in enumerate(largest):
                part = shown[shown[group] == name]
                ax.scatter(
                    part["words"],
                    part[value],
                    s=size,
                    color=TERM_COLORS[number],
                    alpha=0.75,
                    linewidths=0,
                    label=str(name),
                )
            ax.legend(frameon=False, fontsize=7.5, ncols=2, loc="best")
        if shown["words"].max() > 5 * max(1, shown["words"].min()):
            ax.set_xscale("log")
        ax.set_ylabel(text(value, lang, window=window))
        dropped = len(table) - len(shown)
        notes = [text("article_length", lang)]
        if dropped:
            notes.append(
                text("shorter_not_drawn", lang, n=format_count(dropped, lang), window=window)
            )
        ax.set_xlabel(" · ".join(notes))
        if np.isfinite(shown[value]).all() and value == "mattr":
            ax.set_ylim(max(0, shown[value].min() - 0.05), min(1, shown[value].max() + 0.05))
        if title:
            ax.set_title(title)
    return figure_of(ax)
