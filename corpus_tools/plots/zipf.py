"""Rank against frequency with the Zipf fit (:func:`plot_zipf`)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter

from .labels import check_lang, text
from .style import BAR_COLOR, PAGE_WIDTH, STYLE, draw_message, figure_of, single_axes

__all__ = ["plot_zipf"]


def plot_zipf(
    table: pd.DataFrame, *, title: str | None = None, ax: Axes | None = None, lang: str = "vi"
) -> Figure:
    """Rank against count on log-log axes, the fitted ranks in colour and the line over them.

    Parameters
    ----------
    table : DataFrame
        From :func:`corpus_tools.features.rank_frequency`: ``rank, count,
        fitted_count, in_fit``.
    title : str, optional
    ax : Axes, optional
        Where to draw; None makes a new figure 6.3 × 4 in.

    Returns
    -------
    Figure
        Ranks left out of the fit (count under the floor) are grey. The legend states
        the fit: the method (least squares on the log scales, rank r weighted 1/r), the
        ranks and the floor used, and the slope; the line is drawn only over the ranks
        it was fitted to.

    Examples
    --------
    >>> from corpus_tools.features import rank_frequency
    >>> fig = plot_zipf(rank_frequency([120, 60, 40, 30, 24, 20, 2, 1, 1]))
    >>> fig.axes[0].get_legend().get_texts()[2].get_text().splitlines()[0]
    'đường khớp trên hạng 1–6 (tần số ≥ 3): độ dốc -1.00'
    """
    check_lang(lang)
    if table.empty:
        return draw_message(ax, text("no_data", lang), title=title)
    fitted = table[table["in_fit"]]
    rest = table[~table["in_fit"]]
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(PAGE_WIDTH, 4.0))
        ax.plot(
            fitted["rank"],
            fitted["count"],
            marker=".",
            linestyle="none",
            color=BAR_COLOR,
            label=text("zipf_fitted_words", lang),
        )
        floor = table.attrs.get("min_count")
        if floor is None:  # a table without its floor: the smallest count fitted
            floor = int(fitted["count"].min()) if len(fitted) else int(rest["count"].max()) + 1
        if len(rest):
            ax.plot(
                rest["rank"],
                rest["count"],
                marker=".",
                linestyle="none",
                color="#bbbbbb",
                label=text("zipf_unfitted_words", lang, floor=floor),
            )
        if len(fitted) >= 3:
            ranks = fitted["rank"].to_numpy(dtype=float)
            line = fitted["fitted_count"].to_numpy(dtype=float)
            slope = np.log(line[-1] / line[0]) / np.log(ranks[-1] / ranks[0])
            ax.plot(
                ranks,
                line,
                color="#c0392b",
                label=text("zipf_line", lang, n=len(fitted), floor=floor, slope=f"{slope:.2f}"),
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        for axis in (ax.xaxis, ax.yaxis):  # plain numbers: no small superscripts
            axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
            axis.set_minor_formatter(NullFormatter())
        ax.set_xlabel(text("rank", lang))
        ax.set_ylabel(text("frequency", lang))
        ax.legend(frameon=False, fontsize=8, loc="lower left")
        if title:
            ax.set_title(title)
    return figure_of(ax)
