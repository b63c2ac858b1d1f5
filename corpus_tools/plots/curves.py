"""Line and point plots: rank against frequency (:func:`plot_rank_frequency`), and the
scores behind the choice of the number of topics (:func:`plot_choose_k`)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter

from .labels import text
from .style import (
    BAR_COLOR,
    STYLE,
    AxesInput,
    figure_of,
    heading_room,
    page_figure,
    panel_axes,
    parent_figure,
    set_suptitle,
    set_title,
    single_axes,
)

__all__ = ["plot_choose_k", "plot_rank_frequency"]


def plot_rank_frequency(
    counts: Sequence[float] | pd.Series,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    lang: str = "vi",
    ax: Axes | None = None,
) -> Figure:
    """Rank against frequency on log-log axes (Zipf's law), with the slope of a fitted line.

    Parameters
    ----------
    counts : sequence of float or Series
        One count per word, in any order; zeros are left out.
    title, subtitle : str, optional
        The title, and under it what was counted ("5 bài · từ").
    lang : {"vi", "en"}
        Language of the axis names and the legend.
    ax : Axes, optional
        Where to draw; None makes a new figure the width of the page (6.3 in).

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. The straight line fitted to
        log frequency against log rank, and the legend giving its slope, are drawn
        when there are at least two counts.

    Examples
    --------
    >>> fig = plot_rank_frequency([40, 20, 13, 10, 8, 7, 6, 5])
    >>> fig.axes[0].get_xscale(), fig.axes[0].get_yscale()
    ('log', 'log')
    """
    values = np.sort(np.asarray(counts, dtype=float))[::-1]
    values = values[values > 0]
    ranks = np.arange(1, len(values) + 1)
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=page_figure(3.4 + heading_room(title, subtitle)))
        ax.plot(
            ranks, values, marker=".", linestyle="none", color=BAR_COLOR, label=text("words", lang)
        )
        if len(values) >= 2:
            slope, intercept = np.polyfit(np.log(ranks), np.log(values), 1)
            ax.plot(
                ranks,
                np.exp(intercept) * ranks**slope,
                color="#c0392b",
                label=text("fitted_line", lang, slope=f"{slope:.2f}"),
            )
            ax.legend(frameon=False)
        ax.set_xscale("log")
        ax.set_yscale("log")
        for axis in (ax.xaxis, ax.yaxis):  # 1, 10, 100 rather than 10⁰, 10¹, 10²
            axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
            axis.set_minor_formatter(NullFormatter())
        ax.set_xlabel(text("rank", lang))
        ax.set_ylabel(text("frequency", lang))
        set_title(ax, title, subtitle)
    return figure_of(ax)


def plot_choose_k(
    table: pd.DataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    lang: str = "vi",
    ax: AxesInput | None = None,
) -> Figure:
    """Coherence and stability against the number of topics, the recommended k marked.

    Parameters
    ----------
    table : DataFrame
        The output of :func:`corpus_tools.topics.choose_k` (columns ``k``,
        ``coherence``, ``coherence_sd``, ``stability``, ``recommended``). Coherence is
        drawn with its standard deviation as error bars; each recommended ``k`` gets a
        dashed vertical line in both panels; the legend of the first panel names both.
    title : str, optional
        The suptitle of the figure (or subfigure) that holds the panels.
    subtitle : str, optional
        Under the title, in smaller type: what the topics were fitted on.
    lang : {"vi", "en"}
        Language of the axis names and the legend.
    ax : array of two Axes, optional
        Where to draw coherence and stability, in that order (e.g. ``fig.subplots(1, 2)``).
        None makes a new figure the width of the page whose two panels share the x axis.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``.

    Raises
    ------
    FigureError
        If ``ax`` holds fewer than two Axes.

    Examples
    --------
    >>> table = pd.DataFrame({"k": [2, 3, 4], "coherence": [0.1, 0.2, 0.15],
    ...                       "coherence_sd": [0.01, 0.02, 0.02], "stability": [0.9, 0.8, 0.5],
    ...                       "recommended": [False, True, False]})
    >>> fig = plot_choose_k(table)
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['độ mạch lạc (NPMI)', 'độ ổn định']
    >>> [t.get_text() for t in plot_choose_k(table, lang="en").axes[0].get_legend().get_texts()]
    ['chosen k', 'mean ± standard deviation']
    """
    with matplotlib.rc_context(STYLE):
        coherence_ax, stability_ax = panel_axes(
            ax,
            2,
            shape=(1, 2),
            figsize=page_figure(2.9 + heading_room(title, subtitle)),
            sharex=True,
        )
        coherence_ax.errorbar(
            table["k"],
            table["coherence"],
            yerr=table["coherence_sd"],
            marker="o",
            capsize=3,
            label=text("coherence_sd", lang),
        )
        coherence_ax.set_ylabel(text("coherence", lang))
        stability_ax.plot(table["k"], table["stability"], marker="o", color="#c0392b")
        stability_ax.set_ylabel(text("stability", lang))
        stability_ax.set_ylim(0, 1.05)
        ks = table["k"].tolist()
        for panel in (coherence_ax, stability_ax):
            panel.set_xlabel(text("n_topics", lang))
            panel.set_xticks(ks if len(ks) <= 12 else ks[:: -(-len(ks) // 12)])
            for number, k in enumerate(table.loc[table["recommended"], "k"]):
                panel.axvline(
                    k,
                    color="grey",
                    linestyle="--",
                    linewidth=1,
                    label=text("chosen_k", lang) if number == 0 else None,
                )
        coherence_ax.legend(frameon=False, loc="best")
        set_suptitle(parent_figure(coherence_ax), title, subtitle)
    return figure_of(coherence_ax)
