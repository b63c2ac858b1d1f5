"""Line and point plots: rank against frequency (:func:`plot_rank_frequency`), and the
scores behind the choice of the number of topics (:func:`plot_choose_k`)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .style import BAR_COLOR, STYLE, AxesInput, figure_of, panel_axes, parent_figure, single_axes

__all__ = ["plot_choose_k", "plot_rank_frequency"]


def plot_rank_frequency(
    counts: Sequence[float] | pd.Series,
    *,
    title: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Rank against frequency on log-log axes (Zipf's law), with the slope of a fitted line.

    Parameters
    ----------
    counts : sequence of float or Series
        One count per word, in any order; zeros are left out.
    title : str, optional
    ax : Axes, optional
        Where to draw; None makes a new figure.

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
        ax = single_axes(ax, figsize=(5.0, 3.8))
        ax.plot(ranks, values, marker=".", linestyle="none", color=BAR_COLOR, label="từ")
        if len(values) >= 2:
            slope, intercept = np.polyfit(np.log(ranks), np.log(values), 1)
            ax.plot(
                ranks,
                np.exp(intercept) * ranks**slope,
                color="#c0392b",
                label=f"đường khớp, độ dốc {slope:.2f}",
            )
            ax.legend(frameon=False)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("thứ hạng")
        ax.set_ylabel("tần số")
        if title:
            ax.set_title(title)
    return figure_of(ax)


def plot_choose_k(
    table: pd.DataFrame,
    *,
    title: str | None = None,
    ax: AxesInput | None = None,
) -> Figure:
    """Coherence and stability against the number of topics, the recommended k marked.

    Parameters
    ----------
    table : DataFrame
        The output of :func:`corpus_tools.topics.choose_k` (columns ``k``,
        ``coherence``, ``coherence_sd``, ``stability``, ``recommended``). Coherence is
        drawn with its standard deviation as error bars; each recommended ``k`` gets a
        dashed vertical line in both panels.
    title : str, optional
        The suptitle of the figure (or subfigure) that holds the panels.
    ax : array of two Axes, optional
        Where to draw coherence and stability, in that order (e.g. ``fig.subplots(1, 2)``).
        None makes a new figure whose two panels share the x axis.

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
    """
    with matplotlib.rc_context(STYLE):
        coherence_ax, stability_ax = panel_axes(
            ax, 2, shape=(1, 2), figsize=(8.5, 3.4), sharex=True
        )
        coherence_ax.errorbar(
            table["k"], table["coherence"], yerr=table["coherence_sd"], marker="o", capsize=3
        )
        coherence_ax.set_ylabel("độ mạch lạc (NPMI)")
        stability_ax.plot(table["k"], table["stability"], marker="o", color="#c0392b")
        stability_ax.set_ylabel("độ ổn định")
        stability_ax.set_ylim(0, 1.05)
        for panel in (coherence_ax, stability_ax):
            panel.set_xlabel("số chủ đề k")
            panel.set_xticks(table["k"].tolist())
            for k in table.loc[table["recommended"], "k"]:
                panel.axvline(k, color="grey", linestyle="--", linewidth=1)
        if title:
            parent_figure(coherence_ax).suptitle(title)
    return figure_of(coherence_ax)
