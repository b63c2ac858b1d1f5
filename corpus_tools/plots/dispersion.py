"""Dispersion: where chosen terms fall in each article (:func:`plot_xray`, quanteda's
``textplot_xray``), and how evenly the top words spread over the corpus
(:func:`plot_term_spread`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from ..errors import FigureError
from ..features import TermMatcher, top_documents_by_hits
from ..groups import short_id
from .labels import column_label, format_count, text
from .style import (
    MAX_HEIGHT,
    MAX_PANELS,
    PAGE_WIDTH,
    STYLE,
    display_label,
    draw_message,
    figure_of,
    single_axes,
)
from .trends import TERM_COLORS

__all__ = ["SPREAD_CLASSES", "plot_term_spread", "plot_xray"]

_MAX_TERMS = len(TERM_COLORS)
_LABEL_CHARS = 40


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1].rstrip() + "…"


SPREAD_CLASSES = (
    (0.3, "spread_even"),
    (0.6, "spread_medium"),
    (1.01, "spread_concentrated"),
)
"""Upper bounds of Gries' DP and the key of each class's name in
:data:`~corpus_tools.plots.labels.TEXT` ("rải đều (DP < 0.3)", "even (DP < 0.3)"…),
in :func:`plot_term_spread`."""
_SPREAD_COLORS = ("#2b6a99", "#7fa7c9", "#d68910")


def plot_xray(
    positions: pd.DataFrame,
    *,
    terms: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    n_top: int = MAX_PANELS,
    n_documents: int | None = None,
    title: str | None = None,
    ax: Axes | None = None,
    lang: str = "vi",
) -> Figure:
    """Where each term falls in each article: one row per article, one mark per occurrence.

    Parameters
    ----------
    positions : DataFrame
        From :func:`corpus_tools.features.term_positions` (``doc_id, query,
        relative_position``).
    terms : sequence of str, optional
        The terms in the order (and colours) to draw them, as passed to
        ``term_positions``; default their order of first occurrence. Terms that never
        occur still get their colour in the legend.
    labels : mapping, optional
        doc_id → the label shown (:func:`corpus_tools.document_labels`); default the
        id (:func:`corpus_tools.groups.short_id`).
    n_top : int
        Articles shown, at most :data:`~corpus_tools.plots.style.MAX_PANELS`: those with
        the most occurrences of the terms (:func:`~corpus_tools.features.top_documents_by_hits`;
        equal counts in corpus order). The subtitle states the rule.
    n_documents : int, optional
        How many articles the corpus holds, for the subtitle ("12 bài có nhiều lần xuất
        hiện nhất trong 300 bài").
    title : str, optional
    ax : Axes, optional
        Where to draw; None makes a new figure 6.3 in wide and at most 9 in tall (at
        most 12 articles × 6 terms).
    lang : {"vi", "en"}
        Language of the figure's own words (axis, subtitle, messages).

    Raises
    ------
    FigureError
        If ``n_top`` exceeds 12 or there are more than six terms.

    Examples
    --------
    >>> from corpus_tools.features import term_positions
    >>> docs = {"a": ["cán_bộ", "họp", "đảng", "cán_bộ"], "b": ["đảng", "họp"]}
    >>> fig = plot_xray(term_positions(docs, ["cán bộ", "đảng"]), n_documents=2)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['a', 'b']
    >>> fig = plot_xray(term_positions(docs, ["cán bộ", "đảng"]), lang="en")
    >>> fig.axes[0].get_xlabel(), fig.axes[0].get_title()
    ('relative position in the article', 'all 2 articles, by number of occurrences')
    """
    if n_top > MAX_PANELS:
        raise FigureError(f"n_top={n_top}: a dispersion plot shows at most {MAX_PANELS} articles")
    if positions.empty:
        return draw_message(ax, text("no_positions", lang), title=title)
    found = list(dict.fromkeys(positions["query"]))
    terms = found if terms is None else TermMatcher(terms).terms
    if len(terms) > _MAX_TERMS:
        raise FigureError(f"{len(terms)} terms: a dispersion plot shows at most {_MAX_TERMS}")
    shown = top_documents_by_hits(positions, n_top=n_top)
    with matplotlib.rc_context(STYLE):
        height = min(MAX_HEIGHT, 1.7 + len(shown) * (0.12 * len(terms) + 0.12))
        ax = single_axes(ax, figsize=(PAGE_WIDTH, height))
        band = 0.8 / len(terms)
        for row, doc_id in enumerate(shown):
            part = positions[positions["doc_id"] == doc_id]
            for number, term in enumerate(terms):
                x = part.loc[part["query"] == term, "relative_position"].to_numpy(dtype=float)
                center = row - 0.4 + band * (number + 0.5)
                ax.vlines(
                    x,
                    center - band * 0.45,
                    center + band * 0.45,
                    color=TERM_COLORS[number],
                    linewidth=1.2,
                )
            ax.axhline(row + 0.5, color="#dddddd", linewidth=0.6, zorder=0)
        names = [_short((labels or {}).get(doc_id, short_id(doc_id))) for doc_id in shown]
        ax.set_yticks(np.arange(len(shown)), labels=names, fontsize=7.5)
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ends = [text(key, lang) for key in ("start_of_article", "middle_of_article")]
        ax.set_xticks(
            [0, 0.25, 0.5, 0.75, 1],
            labels=[ends[0], "", ends[1], "", text("end_of_article", lang)],
        )
        ax.set_xlabel(text("relative_position", lang))
        below = offset_copy(ax.transAxes, fig=figure_of(ax), y=-0.55, units="inches")
        ax.legend(
            handles=[Patch(color=TERM_COLORS[i], label=t) for i, t in enumerate(terms)],
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            bbox_transform=below,
            ncols=min(3, len(terms)),
            frameon=False,
            fontsize=8,
        )
        total = n_documents if n_documents is not None else len(set(positions["doc_id"]))
        rule = (
            text("xray_some", lang, n=len(shown), total=format_count(total, lang))
            if total > len(shown)
            else text("xray_all", lang, total=format_count(total, lang))
        )
        ax.set_title(f"{title}\n{rule}" if title else rule, fontsize=9)
    return figure_of(ax)


def plot_term_spread(
    frequencies: pd.DataFrame,
    *,
    n_top: int = 20,
    title: str | None = None,
    ax: Axes | None = None,
    lang: str = "vi",
) -> Figure:
    """The top words per 10,000 words, each bar coloured by how evenly the word spreads.

    Frequency alone hides whether a word is used everywhere or by one article. Bars show
    ``per_10k``; the colour gives the class of Gries' deviation of proportions ``dp``
    (:data:`SPREAD_CLASSES`, legend in the figure) and the number at the bar's end is
    ``dp`` itself, next to the number of documents using the word.

    Parameters
    ----------
    frequencies : DataFrame
        From :func:`corpus_tools.features.term_frequencies`: ``term, per_10k, doc_freq,
        dp``, sorted by count.
    n_top : int
        Bars: the first ``n_top`` rows.
    title : str, optional
    ax : Axes, optional
        Where to draw; None makes a new figure 6.3 × 5 in.
    lang : {"vi", "en"}
        Language of the figure's own words (axis, legend, the notes at the bars).

    Examples
    --------
    >>> from corpus_tools.features import term_frequencies
    >>> table = term_frequencies([["cán_bộ", "cán_bộ", "đảng"], ["cán_bộ", "họp"]])
    >>> fig = plot_term_spread(table)
    >>> fig.axes[0].get_yticklabels()[0].get_text()
    'cán bộ'
    """
    top = frequencies.head(n_top)
    if top.empty:
        return draw_message(ax, text("no_data", lang), title=title)
    dp = top["dp"].to_numpy(dtype=float)
    classes = np.searchsorted([bound for bound, _ in SPREAD_CLASSES], dp, side="right")
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(PAGE_WIDTH, 5.0))
        y = np.arange(len(top))
        values = top["per_10k"].to_numpy(dtype=float)
        ax.barh(y, values, color=[_SPREAD_COLORS[c] for c in classes])
        ax.set_yticks(y, labels=[display_label(t) for t in top["term"]], fontsize=8)
        ax.invert_yaxis()
        for row, (value, d, held) in enumerate(zip(values, dp, top["doc_freq"], strict=True)):
            note = text("dp_articles", lang, dp=f"{d:.2f}", n=format_count(held, lang))
            ax.text(value, row, note, va="center", fontsize=7.5)
        ax.set_xlim(0, values.max() * 1.35)
        ax.set_xlabel(column_label("per_10k", lang))
        ax.legend(
            handles=[
                Patch(color=c, label=text(key, lang))
                for c, (_, key) in zip(_SPREAD_COLORS, SPREAD_CLASSES, strict=True)
            ],
            loc="lower right",
            frameon=False,
            fontsize=8,
            title=text("spread_legend", lang),
            title_fontsize=8,
        )
        if title:
            ax.set_title(title)
    return figure_of(ax)
