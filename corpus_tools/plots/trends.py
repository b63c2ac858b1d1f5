"""Terms over time (:func:`plot_trends`): rates per period with their intervals, and the
number of articles behind each period."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..features.common import MISSING_GROUP
from .labels import column_label, format_count, text, translate_value
from .style import (
    PAGE_WIDTH,
    STYLE,
    draw_message,
    figure_of,
    new_figure,
    panel_axes,
    parent_figure,
)

__all__ = ["TERM_COLORS", "plot_trends"]

TERM_COLORS = ("#2b6a99", "#c0392b", "#27855a", "#8e44ad", "#d68910", "#5d6d7e")
"""Colours of the terms, in order (a term beyond the sixth reuses them)."""

_MAX_LABELS = 12


def _tick_positions(n: int) -> np.ndarray:
    step = max(1, int(np.ceil(n / _MAX_LABELS)))
    return np.arange(0, n, step)


def plot_trends(
    table: pd.DataFrame,
    *,
    period: str | None = None,
    title: str | None = None,
    ylabel: str | None = None,
    ax: Sequence[Axes] | np.ndarray | None = None,
    lang: str = "vi",
) -> Figure:
    """Each term's rate per period as a line with its interval, above the articles per period.

    Parameters
    ----------
    table : DataFrame
        The output of :func:`corpus_tools.features.term_trends` (``period, query,
        count, documents, per_10k, per_10k_low, per_10k_high``). The period
        ``"(không có)"`` (documents without a date) is not drawn; the lower panel says
        how many documents it holds.
    period : str, optional
        The period of the table (``"date:month"`` or ``"month"``), named under the
        time axis ("tháng", "month").
    title : str, optional
        The suptitle.
    ylabel : str, optional
        Label of the rate axis; default "số lần trên 10.000 từ" in ``lang``.
    ax : two Axes, optional
        Where to draw the rates and the article counts (e.g. ``fig.subplots(2, 1)``).
        None makes a new figure, 6.3 × 4.6 in.
    lang : {"vi", "en"}
        Language of the figure's own words (axis names, legend, notes).

    Returns
    -------
    Figure
        The error bar at each point spans ``per_10k_low`` to ``per_10k_high`` (the
        exact Poisson 95% interval of ``term_trends``; terms are nudged sideways so
        their bars do not hide each other); periods without articles leave a gap.
        An empty table gives a panel that says so.

    Examples
    --------
    >>> from corpus_tools.features import term_trends
    >>> docs = [["cán_bộ", "họp"], ["cán_bộ", "đảng"], ["đảng"]]
    >>> table = term_trends(docs, ["cán bộ", "đảng"], groups=["2020", "2021", "2021"])
    >>> fig = plot_trends(table, title="Xu hướng")
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['số lần trên 10.000 từ', 'số bài']
    >>> [ax.get_ylabel() for ax in plot_trends(table, lang="en").axes]
    ['per 10,000 words', 'articles']
    """
    dated = table[table["period"] != MISSING_GROUP]
    if dated.empty:
        return draw_message(ax, text("no_dated", lang), title=title)
    periods = list(dict.fromkeys(dated["period"]))
    x = np.arange(len(periods))
    with matplotlib.rc_context(STYLE):
        if ax is None:
            fig = new_figure(PAGE_WIDTH, 4.6)
            rates, sizes = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1.3])
        else:
            rates, sizes = panel_axes(ax, 2, shape=(2, 1), figsize=(PAGE_WIDTH, 4.6))
        series = list(dated.groupby("query", sort=False))
        dodge = 0.08 if len(periods) > 1 else 0.0
        for number, (term, part) in enumerate(series):
            color = TERM_COLORS[number % len(TERM_COLORS)]
            part = part.set_index("period").reindex(periods)
            rate = part["per_10k"].to_numpy(dtype=float)
            shift = x + dodge * (number - (len(series) - 1) / 2)
            rates.errorbar(
                shift,
                rate,
                yerr=[
                    rate - part["per_10k_low"].to_numpy(dtype=float),
                    part["per_10k_high"].to_numpy(dtype=float) - rate,
                ],
                color=color,
                marker="o",
                markersize=3,
                linewidth=1.2,
                elinewidth=0.7,
                capsize=1.5,
                label=term,
            )
        rates.errorbar(
            [],
            [],
            yerr=[],
            color="grey",
            elinewidth=0.7,
            capsize=1.5,
            linestyle="none",
            label=text("interval_poisson", lang),
        )
        rates.set_ylabel(column_label("per_10k", lang) if ylabel is None else ylabel)
        # headroom above the highest interval, so the legend never covers a point
        highest = np.nanmax(dated["per_10k_high"].to_numpy(dtype=float), initial=0.0)
        rows = -(-(len(series) + 1) // 2)  # legend rows: two entries a row
        rates.set_ylim(0, max(highest, 1e-9) * (1.12 + 0.1 * rows))
        rates.legend(frameon=False, fontsize=8, ncols=2, loc="upper left")
        counts = dated.drop_duplicates("period").set_index("period")["documents"].reindex(periods)
        bars = sizes.bar(x, counts.to_numpy(), color="#9aa5b1", width=0.7)
        if len(periods) <= 16:
            sizes.bar_label(bars, fontsize=7.5, padding=1)
        sizes.set_ylabel(column_label("articles", lang))
        sizes.set_ylim(0, max(1, counts.max()) * 1.3)
        ticks = _tick_positions(len(periods))
        sizes.set_xticks(
            ticks,
            labels=[periods[i] for i in ticks],
            rotation=45,
            ha="right",
            rotation_mode="anchor",
            fontsize=8,
        )
        missing = table.loc[table["period"] == MISSING_GROUP, "documents"]
        unit = (period or "").rpartition(":")[2]
        notes = [translate_value(unit, "period", lang) if unit else ""]
        if len(missing) and missing.iloc[0]:
            notes.append(text("undated_not_drawn", lang, n=format_count(missing.iloc[0], lang)))
        sizes.set_xlabel(" · ".join(note for note in notes if note), fontsize=8)
        if title:
            parent_figure(rates).suptitle(title)
    return figure_of(rates)
