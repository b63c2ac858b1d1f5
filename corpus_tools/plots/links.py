"""The neighbours of chosen terms as a small network (:func:`plot_links`, Voyant's Links)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..features.concordance import term_key
from .labels import text
from .style import PAGE_WIDTH, STYLE, display_label, draw_message, figure_of, single_axes
from .trends import TERM_COLORS

__all__ = ["plot_links"]

_WIDTHS = (0.8, 2.0, 3.6)


def _width_bins(values: np.ndarray) -> tuple[np.ndarray, list[float]]:
    """Three line widths by tercile of G², and the bin edges for the legend."""
    edges = [float(np.quantile(values, q)) for q in (0, 1 / 3, 2 / 3, 1)]
    bins = np.clip(np.searchsorted(edges[1:3], values, side="right"), 0, 2)
    return bins, edges


def plot_links(
    table: pd.DataFrame,
    *,
    n_top: int = 8,
    title: str | None = None,
    ax: Axes | None = None,
    lang: str = "vi",
) -> Figure:
    """Each term joined to its strongest neighbours; shared neighbours join the terms.

    Parameters
    ----------
    table : DataFrame
        From :func:`corpus_tools.features.term_neighbours` (``query, term, g2``),
        sorted by G² within each term.
    n_top : int
        Neighbours drawn per term: its first ``n_top`` rows.
    title : str, optional
    ax : Axes, optional
        Where to draw; None makes a new figure 6.3 × 5 in.

    Returns
    -------
    Figure
        Terms are large coloured dots, neighbours small grey ones; a line's width gives
        the G² of the pair in three classes (legend). The layout is networkx's
        Kamada–Kawai, which uses no random numbers: the same table always gives the
        same picture.

    Examples
    --------
    >>> table = pd.DataFrame({"query": ["chạy chức", "chạy chức"], "term": ["chống", "cán bộ"],
    ...                       "g2": [12.0, 5.0]})
    >>> fig = plot_links(table)
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['chạy chức', 'chống', 'cán bộ']
    """
    import networkx as nx

    if table.empty:
        return draw_message(ax, text("no_collocates", lang), title=title)
    edges = table.groupby("query", sort=False).head(n_top)
    terms = list(dict.fromkeys(edges["query"]))
    as_term = {term_key(term): term for term in terms}
    pairs = [
        (query, as_term.get(term_key(term), term))
        for query, term in edges[["query", "term"]].itertuples(index=False)
    ]
    graph = nx.Graph()
    graph.add_nodes_from(terms)
    graph.add_edges_from(pairs)
    positions = nx.kamada_kawai_layout(graph)
    bins, bounds = _width_bins(edges["g2"].to_numpy(dtype=float))
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(PAGE_WIDTH, 5.0))
        for (query, node), number in zip(pairs, bins, strict=True):
            (xa, ya), (xb, yb) = positions[query], positions[node]
            ax.plot([xa, xb], [ya, yb], color="#9aa5b1", linewidth=_WIDTHS[number], zorder=1)
        box = {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
        for node, (x, y) in positions.items():
            main = node in terms
            color = TERM_COLORS[terms.index(node) % len(TERM_COLORS)] if main else "#5d6d7e"
            ax.scatter([x], [y], s=260 if main else 40, color=color, zorder=2)
            ax.annotate(
                display_label(node),
                (x, y),
                xytext=(0, 9 if main else 5),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=9 if main else 7.5,
                fontweight="bold" if main else "normal",
                zorder=4 if main else 3,
                bbox=box,
            )
        ax.set_axis_off()
        ax.margins(0.12)
        handles = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markersize=10,
                color=TERM_COLORS[0],
                label=text("chosen_term", lang),
            ),
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markersize=4,
                color="#5d6d7e",
                label=text("collocates", lang, n=n_top),
            ),
        ]
        handles += [
            Line2D(
                [],
                [],
                color="#9aa5b1",
                linewidth=w,
                label=text("line_g2", lang, low=f"{lo:.0f}", high=f"{hi:.0f}"),
            )
            for w, lo, hi in zip(_WIDTHS, bounds[:-1], bounds[1:], strict=True)
        ]
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncols=3,
            frameon=False,
            fontsize=7.5,
        )
        if title:
            ax.set_title(title)
    return figure_of(ax)
