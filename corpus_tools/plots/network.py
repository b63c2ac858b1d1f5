"""A network of names mentioned together (:func:`plot_network`)."""

from __future__ import annotations

import matplotlib
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .style import BAR_COLOR, STYLE, display_label, draw_message, figure_of, single_axes

__all__ = ["plot_network"]


def plot_network(
    edges: pd.DataFrame,
    *,
    source: str = "source",
    target: str = "target",
    weight: str = "weight",
    title: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """A co-mention network: one node per name, an edge per pair named in one article.

    Each connected group of names is laid out on its own circle (networkx's circular
    layout, the names in sorted order) and the groups stand side by side, largest
    first; one spring layout of the whole graph would push small groups to the corners.
    Nothing is random, so the picture is the same on every run.

    Parameters
    ----------
    edges : DataFrame
        One row per pair, e.g. from :func:`corpus_tools.entities.co_mentions`.
    source, target, weight : str
        Columns holding the two names and the pair's weight (the number of articles
        naming both). Edge width follows ``weight``; node size the node's weighted
        degree.
    title : str, optional
    ax : Axes, optional
        Where to draw; None makes a new figure, wider the more groups there are.

    Returns
    -------
    Figure
        The new figure, or the figure that holds ``ax``. No edges give a panel that
        says there is no pair to show.

    Examples
    --------
    >>> edges = pd.DataFrame({"source": ["Trương Thị Mai", "Trương Thị Mai"],
    ...                       "target": ["Mai Văn Chính", "Phạm Minh Chính"], "weight": [2, 1]})
    >>> fig = plot_network(edges, title="Đồng xuất hiện")
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['Mai Văn Chính', 'Phạm Minh Chính', 'Trương Thị Mai']
    """
    import networkx as nx

    if edges.empty:
        return draw_message(ax, "không có cặp nào cùng xuất hiện", title=title)
    graph = nx.from_pandas_edgelist(edges, source, target, edge_attr=weight)
    positions = {}
    offset = 0.0
    groups = sorted(nx.connected_components(graph), key=lambda nodes: (-len(nodes), sorted(nodes)))
    for nodes in groups:
        part = graph.subgraph(nodes)
        width = max(1.0, len(nodes) ** 0.5)
        layout = nx.circular_layout(sorted(part.nodes), scale=width / 2)
        for node, (x, y) in layout.items():
            positions[node] = (x + offset + width / 2, y)
        offset += width + 0.6
    strength = dict(graph.degree(weight=weight))
    largest = max(strength.values())
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(min(14.0, 3.0 + 1.6 * offset), 5.0))
        for a, b, data in graph.edges(data=True):
            (xa, ya), (xb, yb) = positions[a], positions[b]
            ax.plot(
                [xa, xb], [ya, yb], color="#9aa5b1", linewidth=0.8 + 1.6 * data[weight], zorder=1
            )
        for node, (x, y) in positions.items():
            ax.scatter([x], [y], s=120 + 480 * strength[node] / largest, color=BAR_COLOR, zorder=2)
            ax.annotate(
                display_label(node),
                (x, y),
                xytext=(0, 11),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8,
                zorder=3,
                bbox={
                    "boxstyle": "round,pad=0.15",
                    "facecolor": "white",
                    "edgecolor": "none",
                    "alpha": 0.8,
                },
            )
        ax.set_axis_off()
        ax.margins(0.15)
        if title:
            ax.set_title(title)
    return figure_of(ax)
