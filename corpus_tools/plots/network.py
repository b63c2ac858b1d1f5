"""A network of names mentioned together (:func:`plot_network`).

The network is laid out in inches, for the page: each connected group of names on its
own circle, groups packed in rows across the page's width, largest first, and the
figure as tall as the rows need. Names are written outward from their circle (along
the radius on circles of more than eight names), so no label runs into another.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..validation import check_positive_int
from .labels import format_count, text
from .style import (
    BAR_COLOR,
    MAX_HEIGHT,
    PAGE_WIDTH,
    STYLE,
    draw_message,
    figure_of,
    heading_room,
    label_of,
    page_figure,
    set_title,
    single_axes,
)
from .wrap import text_width

__all__ = ["plot_network"]

_EDGE_COLOR = "#9aa5b1"
_LABEL_SIZE = 8.0
_WIDTHS = (0.8, 4.0)  # points: the thinnest and thickest line
_SIZES = (30.0, 200.0)  # points²: the smallest and largest node
_RADIAL_FROM = 9  # names on a circle from which labels run along the radius
_FLAT_SPACING = 0.45  # inches between neighbours on a small circle
_RADIAL_SPACING = 0.24  # inches between neighbours on a large circle
_GAP = 0.25  # inches between groups
_LABEL_HEIGHT = 0.16  # inches: one line of 8 pt
_LEGEND_ROOM = 0.75  # inches under the network for the two legends
_CONTENT_WIDTH = PAGE_WIDTH - 0.3


def _scale(value: float, low: float, high: float, out: tuple[float, float]) -> float:
    """``value`` in ``[low, high]`` mapped linearly onto ``out`` (its middle if low == high)."""
    if high == low:
        return (out[0] + out[1]) / 2
    return out[0] + (out[1] - out[0]) * (value - low) / (high - low)


def _legend_values(values: list[float]) -> list[float]:
    """Up to three values to show in a legend: the smallest, a middle one, the largest."""
    distinct = sorted(set(values))
    if len(distinct) <= 3:
        return distinct
    return [distinct[0], distinct[len(distinct) // 2], distinct[-1]]


@dataclass
class _Group:
    """One connected group of names on a circle, measured in inches from its centre."""

    nodes: list[Any]
    radius: float
    radial: bool
    angles: list[float]
    half_width: float
    half_height: float
    centre: tuple[float, float] = (0.0, 0.0)


def _group(nodes: list[Any], labels: Mapping[Any, str]) -> _Group:
    count = len(nodes)
    radial = count >= _RADIAL_FROM
    spacing = _RADIAL_SPACING if radial else _FLAT_SPACING
    radius = max(0.3, count * spacing / (2 * math.pi)) if count > 1 else 0.0
    start = math.pi / 2 if count == 2 else 0.0  # a pair stands upright: labels above, below
    angles = [start + 2 * math.pi * k / count for k in range(count)]
    longest = max(text_width(labels[n], size=_LABEL_SIZE) for n in nodes) + 0.12
    if radial:
        half_width = half_height = radius + longest
    elif count == 2:
        half_width, half_height = longest / 2 + 0.05, radius + _LABEL_HEIGHT + 0.12
    else:
        half_width, half_height = radius + longest, radius + _LABEL_HEIGHT + 0.12
    return _Group(nodes, radius, radial, angles, half_width, half_height)


def _pack(groups: Sequence[_Group]) -> tuple[float, float]:
    """Place the groups in rows across the content width; return the content's size."""
    rows: list[list[_Group]] = [[]]
    width = 0.0
    for group in groups:
        if rows[-1] and width + _GAP + 2 * group.half_width > _CONTENT_WIDTH:
            rows.append([])
            width = 0.0
        width += (_GAP if rows[-1] else 0.0) + 2 * group.half_width
        rows[-1].append(group)
    top = 0.0
    widest = 0.0
    for row in rows:
        height = max(2 * g.half_height for g in row)
        x = 0.0
        for group in row:
            group.centre = (x + group.half_width, top - height / 2)
            x += 2 * group.half_width + _GAP
        widest = max(widest, x - _GAP)
        top -= height + _GAP
    return widest, -top - _GAP


def plot_network(
    edges: pd.DataFrame,
    *,
    source: str = "source",
    target: str = "target",
    weight: str = "weight",
    n_top: int = 30,
    title: str | None = None,
    subtitle: str | None = None,
    weight_label: str | None = None,
    size_label: str | None = None,
    names: Mapping[Any, str] | None = None,
    lang: str = "vi",
    ax: Axes | None = None,
) -> Figure:
    """A co-mention network: one node per name, an edge per pair named in one article.

    Only the ``n_top`` names with the largest weighted degree are drawn (ties in name
    order), and the subtitle then says so ("30 trong 120 tên có nhiều liên kết nhất").
    Each connected group of names is laid out on its own circle (the names in sorted
    order, a pair upright), the groups packed in rows across the page, largest first;
    names are written outward from their circle. Nothing is random, so the picture is
    the same on every run. Two legends below the network explain line width and node
    size.

    Parameters
    ----------
    edges : DataFrame
        One row per pair, e.g. from :func:`corpus_tools.extract.co_mentions`.
    source, target, weight : str
        Columns holding the two names and the pair's weight (the number of articles
        naming both). Line width follows ``weight``; node size the node's weighted
        degree (the sum of the weights of its lines).
    n_top : int
        The most names drawn.
    title, subtitle : str, optional
    weight_label, size_label : str, optional
        Titles of the two legends; default "số bài chung" and "tổng số bài chung"
        (in ``lang``), which fit co-mentions.
    names : mapping, optional
        Name → label to draw.
    lang : {"vi", "en"}
    ax : Axes, optional
        Where to draw; None makes a new figure the width of the page.

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
    >>> ax = fig.axes[0]
    >>> ax.artists[0].get_title().get_text(), ax.get_legend().get_title().get_text()
    ('số bài chung', 'tổng số bài chung')
    """
    import networkx as nx

    check_positive_int(n_top, "n_top")
    if edges.empty:
        return draw_message(ax, text("no_pairs", lang), title=title, subtitle=subtitle)
    graph = nx.from_pandas_edgelist(edges, source, target, edge_attr=weight)
    strength = dict(graph.degree(weight=weight))
    ranked = sorted(graph.nodes, key=lambda node: (-strength[node], str(node)))
    total = len(ranked)
    if total > n_top:
        graph = graph.subgraph(ranked[:n_top]).copy()
        graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
        shown = text(
            "top_nodes",
            lang,
            shown=format_count(graph.number_of_nodes(), lang),
            total=format_count(total, lang),
        )
        subtitle = f"{subtitle} · {shown}" if subtitle else shown
    labels = {node: label_of(node, names) for node in graph.nodes}
    components = sorted(
        (sorted(nodes, key=str) for nodes in nx.connected_components(graph)),
        key=lambda nodes: (-len(nodes), [str(n) for n in nodes]),
    )
    groups = [_group(nodes, labels) for nodes in components]
    content_width, content_height = _pack(groups)
    weights = [float(data[weight]) for _, _, data in graph.edges(data=True)]
    degrees = [float(strength[node]) for node in graph.nodes]
    height = heading_room(title, subtitle) + content_height + _LEGEND_ROOM + 0.2
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=page_figure(min(MAX_HEIGHT, height)))
        positions = {}
        for group in groups:
            for node, angle in zip(group.nodes, group.angles, strict=True):
                positions[node] = (
                    group.centre[0] + group.radius * math.cos(angle),
                    group.centre[1] + group.radius * math.sin(angle),
                )
        for a, b, data in graph.edges(data=True):
            (xa, ya), (xb, yb) = positions[a], positions[b]
            ax.plot(
                [xa, xb],
                [ya, yb],
                color=_EDGE_COLOR,
                linewidth=_scale(float(data[weight]), min(weights), max(weights), _WIDTHS),
                solid_capstyle="round",
                zorder=1,
            )
        for group in groups:
            for node, angle in zip(group.nodes, group.angles, strict=True):
                size = _scale(float(strength[node]), min(degrees), max(degrees), _SIZES)
                x, y = positions[node]
                ax.scatter([x], [y], s=size, color=BAR_COLOR, zorder=2, linewidths=0)
                _label(ax, labels[node], (x, y), angle, math.sqrt(size) / 2 / 72 + 0.05, group)
        ax.set_axis_off()
        _legends(
            ax,
            weights,
            degrees,
            weight_label or text("shared_articles", lang),
            size_label or text("node_links", lang),
        )
        set_title(ax, title, subtitle)
        _fit_inches(ax, content_width, content_height)
    return figure_of(ax)


def _label(
    ax: Axes, label: str, node: tuple[float, float], angle: float, offset: float, group: _Group
) -> None:
    """Write a name outward from its node: along the radius on a large circle."""
    cos, sin = math.cos(angle), math.sin(angle)
    if group.radius == 0:
        cos, sin = 0.0, 1.0
    x, y = node[0] + offset * cos, node[1] + offset * sin
    if group.radial:
        degrees = math.degrees(angle) % 360
        left = 90 < degrees < 270
        artist = ax.text(
            x,
            y,
            label,
            rotation=degrees + 180 if left else degrees,
            rotation_mode="anchor",
            ha="right" if left else "left",
            va="center",
            fontsize=_LABEL_SIZE,
            zorder=3,
        )
    else:
        side = "left" if cos > 0.3 else "right" if cos < -0.3 else "center"
        vertical = "center" if side != "center" else "bottom" if sin > 0 else "top"
        artist = ax.text(x, y, label, ha=side, va=vertical, fontsize=_LABEL_SIZE, zorder=3)
    artist.set_in_layout(False)  # placed by the layout above, in inches


def _fit_inches(ax: Axes, content_width: float, content_height: float) -> None:
    """Set the limits so that one data unit is one inch, the content centred.

    Lays the figure out first to learn the Axes' size; if the content is larger (an
    Axes given by the caller), it is shrunk to fit and the names stay their size.
    """
    fig = figure_of(ax)
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
    box = ax.get_window_extent()
    width, height = box.width / fig.dpi, box.height / fig.dpi
    zoom = max(1.0, content_width / width, content_height / height)
    centre_x, centre_y = content_width / 2, -content_height / 2
    ax.set_xlim(centre_x - zoom * width / 2, centre_x + zoom * width / 2)
    ax.set_ylim(centre_y - zoom * height / 2, centre_y + zoom * height / 2)


def _legends(
    ax: Axes, weights: list[float], degrees: list[float], weight_title: str, size_title: str
) -> None:
    """Line width and node size legends, side by side under the network."""
    shown_weights, shown_degrees = _legend_values(weights), _legend_values(degrees)
    lines = [
        Line2D([], [], color=_EDGE_COLOR, linewidth=_scale(w, min(weights), max(weights), _WIDTHS))
        for w in shown_weights
    ]
    dots = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            color=BAR_COLOR,
            markersize=math.sqrt(_scale(d, min(degrees), max(degrees), _SIZES)),
        )
        for d in shown_degrees
    ]
    common: dict[str, Any] = {
        "frameon": False,
        "loc": "upper center",
        "handlelength": 2.2,
        "columnspacing": 1.2,
    }
    first = ax.legend(
        lines,
        [f"{w:g}" for w in shown_weights],
        title=weight_title,
        ncols=len(lines),
        bbox_to_anchor=(0.27, 0.0),
        **common,
    )
    ax.add_artist(first)
    ax.legend(
        dots,
        [f"{d:g}" for d in shown_degrees],
        title=size_title,
        ncols=len(dots),
        bbox_to_anchor=(0.73, 0.0),
        **common,
    )
