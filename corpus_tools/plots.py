"""Report-ready figures: one ``plot_*`` function per kind, and :func:`save_figure`.

Every ``plot_*`` function takes a table from :mod:`corpus_tools.features` or
:mod:`corpus_tools.topics`, returns a :class:`matplotlib.figure.Figure`, saves nothing
and leaves matplotlib's global settings alone: the house style (:data:`STYLE`) is
applied inside ``matplotlib.rc_context``. Figures are built without pyplot, so
notebooks display them and scripts never pile up open windows.

Text is set in DejaVu Sans, which ships with matplotlib and covers every Vietnamese
letter; word clouds use the same font file. Multi-syllable words are shown whole, with
spaces between their syllables (:func:`corpus_tools.tokenize.token_to_text`).

:func:`save_figure` is the only function that writes: ``NN_name.png`` (200 dpi),
``NN_name.svg`` and, when given, the table behind the figure as ``NN_name.csv``
(UTF-8 with BOM, so spreadsheet programs show Vietnamese). Every file is written to a
temporary name and moved into place, and the output is the same bytes on every run.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure

from .files import atomic_write
from .paths import figures_dir
from .segment import token_to_text

__all__ = [
    "DPI",
    "STYLE",
    "font_path",
    "plot_choose_k",
    "plot_grouped_bars",
    "plot_heatmap",
    "plot_network",
    "plot_rank_frequency",
    "plot_term_bars",
    "plot_wordcloud",
    "plot_wordclouds",
    "save_figure",
]

DPI = 200
CSV_FLOAT_FORMAT = "%.10g"
"""Ten significant digits in saved tables: the last bits of a float differ between
numpy and scipy builds, and no report needs them."""
FONT_FAMILY = "DejaVu Sans"
STYLE: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.titlesize": 12,
    "figure.titleweight": "bold",
    "savefig.dpi": DPI,
    "svg.hashsalt": "corpus_tools",  # stable SVG ids: same bytes on every run
    "svg.fonttype": "path",
}
"""The house style, applied with ``matplotlib.rc_context`` inside every function."""

BAR_COLOR = "#2b6a99"
NAME_PATTERN = re.compile(r"\d\d_[a-z0-9_]+")


def font_path() -> str:
    """Return the path of matplotlib's bundled DejaVu Sans, which covers Vietnamese."""
    return font_manager.findfont(
        font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False
    )


_HASHED_ID = re.compile(r"(\d+)_[0-9a-f]{12,}")


def _label(value: object) -> str:
    """A token with spaces; a scraped file id "000_e38ffd22d5a32227" shortened to "000"."""
    text = str(value)
    hashed = _HASHED_ID.fullmatch(text)
    return hashed.group(1) if hashed else token_to_text(text)


def _new_figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _grid(n_panels: int, ncols: int) -> tuple[int, int]:
    ncols = max(1, min(ncols, n_panels))
    return math.ceil(n_panels / ncols), ncols


def _bars(ax, labels: Sequence[str], values: Sequence[float], *, title: str | None, xlabel: str):
    positions = np.arange(len(labels))
    ax.barh(positions, values, color=BAR_COLOR)
    ax.set_yticks(positions, labels=list(labels))
    ax.invert_yaxis()  # largest on top
    ax.set_xlabel(xlabel)
    if title:
        ax.set_title(title)


def _empty_figure(title: str | None, message: str) -> Figure:
    """A figure that says there is nothing to show, instead of failing on empty data."""
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(5.0, 2.0)
        ax = fig.subplots()
        ax.set_axis_off()
        ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
        if title:
            ax.set_title(title)
    return fig


def plot_term_bars(
    table: pd.DataFrame,
    *,
    value: str = "count",
    label: str = "term",
    group: str | None = None,
    n_top: int = 15,
    title: str | None = None,
    xlabel: str | None = None,
    ncols: int = 3,
) -> Figure:
    """Horizontal bars of the top terms, or small multiples with one panel per ``group``.

    Parameters
    ----------
    table : DataFrame
        One row per term (and group), e.g. from ``term_frequencies``,
        ``top_tfidf_terms``, ``keyness_by_document`` or ``topic_terms``.
    value, label : str
        Columns holding the bar length and the bar label (shown with spaces).
    group : str, optional
        Column to split panels by (``"doc_id"``, ``"topic"``); panels keep the table's
        order of groups.
    n_top : int
        Bars per panel: the largest ``value`` first.

    Examples
    --------
    >>> table = pd.DataFrame({"term": ["Bộ Chính trị", "cán bộ", "ở"], "count": [5, 3, 1]})
    >>> fig = plot_term_bars(table, title="Từ xuất hiện nhiều nhất")
    >>> len(fig.axes[0].patches), fig.axes[0].get_yticklabels()[0].get_text()
    (3, 'Bộ Chính trị')
    """
    groups = [(None, table)] if group is None else list(table.groupby(group, sort=False))
    if table.empty:
        return _empty_figure(title, "không có dữ liệu để vẽ")
    with matplotlib.rc_context(STYLE):
        rows, cols = _grid(len(groups), ncols if group else 1)
        fig = _new_figure(4.2 * cols, 0.28 * n_top * rows + 1.2 * rows)
        axes = fig.subplots(rows, cols, squeeze=False).ravel()
        for ax, (name, part) in zip(axes, groups, strict=False):
            top = part.nlargest(n_top, value, keep="first")
            _bars(
                ax,
                [_label(v) for v in top[label]],
                top[value].to_numpy(),
                title=None if name is None else _label(name),
                xlabel=xlabel or value,
            )
        for ax in axes[len(groups) :]:
            ax.set_visible(False)
        if title:
            if group is None:
                axes[0].set_title(title)
            else:
                fig.suptitle(title)
    return fig


def plot_grouped_bars(
    table: pd.DataFrame,
    *,
    columns: Sequence[str],
    title: str | None = None,
    ylabel: str = "",
    labels: Sequence[str] | None = None,
) -> Figure:
    """Vertical bars for each row of ``table`` (its index labels the groups), one per column.

    Examples
    --------
    >>> table = pd.DataFrame({"âm tiết": [120, 80], "từ": [90, 61]}, index=["000", "001"])
    >>> fig = plot_grouped_bars(table, columns=["âm tiết", "từ"], title="Độ dài văn bản")
    >>> len(fig.axes[0].patches)
    4
    """
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(max(5.0, 1.1 * len(table) + 2), 3.6)
        ax = fig.subplots()
        width = 0.8 / len(columns)
        positions = np.arange(len(table))
        for i, column in enumerate(columns):
            ax.bar(
                positions + (i - (len(columns) - 1) / 2) * width,
                table[column].to_numpy(),
                width,
                label=(labels or columns)[i],
            )
        ax.set_xticks(positions, labels=[_label(v) for v in table.index])
        ax.set_ylabel(ylabel)
        if len(columns) > 1:
            ax.legend(frameon=False)
        if title:
            ax.set_title(title)
    return fig


def plot_heatmap(
    matrix: pd.DataFrame,
    *,
    title: str | None = None,
    value_label: str = "",
    annotate: bool = True,
    cmap: str = "viridis",
    fmt: str = "{:.2f}",
) -> Figure:
    """A heatmap of a labelled matrix (documents × keywords, similarity, documents × topics).

    Examples
    --------
    >>> matrix = pd.DataFrame([[1.0, 0.2], [0.2, 1.0]], index=["000", "001"],
    ...                       columns=["000", "001"])
    >>> fig = plot_heatmap(matrix, title="Độ tương đồng")
    >>> fig.axes[0].get_title()
    'Độ tương đồng'
    """
    values = matrix.to_numpy(dtype=float)
    if values.size == 0:
        return _empty_figure(title, "không có dữ liệu để vẽ")
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(
            max(4.5, 0.55 * matrix.shape[1] + 2.5), max(3.0, 0.45 * matrix.shape[0] + 1.8)
        )
        ax = fig.subplots()
        image = ax.imshow(values, cmap=cmap, aspect="auto")
        ax.set_xticks(
            np.arange(matrix.shape[1]),
            labels=[_label(c) for c in matrix.columns],
            rotation=45,
            ha="right",
            rotation_mode="anchor",
        )
        ax.set_yticks(np.arange(matrix.shape[0]), labels=[_label(i) for i in matrix.index])
        ax.spines[:].set_visible(False)
        if annotate and values.size <= 400:
            for (row, col), value in np.ndenumerate(values):
                red, green, blue, _ = image.cmap(image.norm(value))
                dark = 0.299 * red + 0.587 * green + 0.114 * blue < 0.5  # luminance of the cell
                ax.text(
                    col,
                    row,
                    fmt.format(value),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if dark else "black",
                )
        fig.colorbar(image, ax=ax, label=value_label, shrink=0.8)
        if title:
            ax.set_title(title)
    return fig


def plot_rank_frequency(counts: Sequence[float] | pd.Series, *, title: str | None = None) -> Figure:
    """Rank against frequency on log-log axes (Zipf's law), with the slope of a fitted line.

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
        fig = _new_figure(5.0, 3.8)
        ax = fig.subplots()
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
    return fig


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
    shown = {_label(term): float(value) for term, value in frequencies.items() if value > 0}
    return cloud.generate_from_frequencies(shown).to_array()


def plot_wordcloud(
    frequencies: Mapping[str, float],
    *,
    title: str | None = None,
    random_state: int = 0,
    width: int = 800,
    height: int = 450,
) -> Figure:
    """A word cloud drawn from our own frequencies, so multi-syllable words stay whole.

    WordCloud's own tokenizer would split "Hà Nội" and pair words across boundaries;
    ``generate_from_frequencies`` takes the counts as they are. Keys may be tokens
    (``"Bộ_Chính_trị"``) or display terms; both are shown with spaces.

    Examples
    --------
    >>> fig = plot_wordcloud({"Bộ_Chính_trị": 5, "cán_bộ": 3, "ở": 1}, title="Mây từ")
    >>> fig.axes[0].get_title()
    'Mây từ'
    """
    image = _wordcloud_image(frequencies, random_state=random_state, width=width, height=height)
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(width / 100, height / 100 + (0.4 if title else 0))
        ax = fig.subplots()
        ax.imshow(image, interpolation="bilinear")
        ax.set_axis_off()
        if title:
            ax.set_title(title)
    return fig


def plot_wordclouds(
    frequencies_by_group: Mapping[str, Mapping[str, float]],
    *,
    title: str | None = None,
    random_state: int = 0,
    ncols: int = 3,
) -> Figure:
    """One word cloud per group (document, topic) as small multiples.

    Examples
    --------
    >>> fig = plot_wordclouds({"000": {"chạy_chức": 4, "cán_bộ": 2}, "001": {"Bộ_Chính_trị": 3}})
    >>> [ax.get_title() for ax in fig.axes if ax.get_visible()]
    ['000', '001']
    """
    rows, cols = _grid(len(frequencies_by_group), ncols)
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(4.2 * cols, 2.7 * rows + 0.4)
        axes = fig.subplots(rows, cols, squeeze=False).ravel()
        for ax, (name, frequencies) in zip(axes, frequencies_by_group.items(), strict=False):
            image = _wordcloud_image(frequencies, random_state=random_state, width=600, height=360)
            ax.imshow(image, interpolation="bilinear")
            ax.set_axis_off()
            ax.set_title(_label(name))
        for ax in axes[len(frequencies_by_group) :]:
            ax.set_visible(False)
        if title:
            fig.suptitle(title)
    return fig


def plot_choose_k(table: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Coherence and stability against the number of topics, the recommended k marked.

    ``table`` is the output of :func:`corpus_tools.topics.choose_k` (columns ``k``,
    ``coherence``, ``coherence_sd``, ``stability``, ``recommended``).

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
        fig = _new_figure(8.5, 3.4)
        coherence_ax, stability_ax = fig.subplots(1, 2, sharex=True)
        coherence_ax.errorbar(
            table["k"], table["coherence"], yerr=table["coherence_sd"], marker="o", capsize=3
        )
        coherence_ax.set_ylabel("độ mạch lạc (NPMI)")
        stability_ax.plot(table["k"], table["stability"], marker="o", color="#c0392b")
        stability_ax.set_ylabel("độ ổn định")
        stability_ax.set_ylim(0, 1.05)
        for ax in (coherence_ax, stability_ax):
            ax.set_xlabel("số chủ đề k")
            ax.set_xticks(table["k"].tolist())
            for k in table.loc[table["recommended"], "k"]:
                ax.axvline(k, color="grey", linestyle="--", linewidth=1)
        if title:
            fig.suptitle(title)
    return fig


def plot_network(
    edges: pd.DataFrame,
    *,
    source: str = "source",
    target: str = "target",
    weight: str = "weight",
    title: str | None = None,
    random_state: int = 0,
) -> Figure:
    """A co-mention network: one node per name, an edge per pair named in one article.

    Edge width follows ``weight``; node size the node's weighted degree. The layout is
    networkx's spring layout with a fixed ``random_state``, so the picture is the same on
    every run.

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
        return _empty_figure(title, "không có cặp nào cùng xuất hiện")
    graph = nx.from_pandas_edgelist(edges, source, target, edge_attr=weight)
    # Each connected group laid out on its own and the groups set side by side, largest
    # first: one spring layout of the whole graph pushes small groups to the corners.
    positions = {}
    offset = 0.0
    groups = sorted(nx.connected_components(graph), key=lambda nodes: (-len(nodes), sorted(nodes)))
    for nodes in groups:
        part = graph.subgraph(nodes)
        width = max(1.0, len(nodes) ** 0.5)
        layout = nx.circular_layout(sorted(part.nodes), scale=width / 2)  # no randomness
        for node, (x, y) in layout.items():
            positions[node] = (x + offset + width / 2, y)
        offset += width + 0.6
    strength = dict(graph.degree(weight=weight))
    largest = max(strength.values())
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(min(14.0, 3.0 + 1.6 * offset), 5.0)
        ax = fig.subplots()
        for a, b, data in graph.edges(data=True):
            (xa, ya), (xb, yb) = positions[a], positions[b]
            ax.plot(
                [xa, xb], [ya, yb], color="#9aa5b1", linewidth=0.8 + 1.6 * data[weight], zorder=1
            )
        for node, (x, y) in positions.items():
            ax.scatter([x], [y], s=120 + 480 * strength[node] / largest, color=BAR_COLOR, zorder=2)
            ax.annotate(
                _label(node),
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
    return fig


def save_figure(
    fig: Figure,
    name: str,
    *,
    table: pd.DataFrame | None = None,
    caption: str | None = None,
    out_dir: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write ``fig`` as ``NN_name.png`` (200 dpi) and ``.svg``, and ``table`` as ``.csv``.

    Parameters
    ----------
    fig : Figure
    name : str
        ``NN_name`` in lowercase ASCII: ``NN`` is the number of the notebook that
        makes the figure (``"02_top_words"``).
    table : DataFrame, optional
        The numbers behind the figure, written as UTF-8 CSV with BOM, floats to ten
        significant digits (:data:`CSV_FLOAT_FORMAT`).
    caption : str, optional
        A sentence for the report; stored in the PNG and SVG metadata (``Description``)
        and shown in ``index.html``. Defaults to the figure's title.
    out_dir : path, optional
        Default :func:`corpus_tools.paths.figures_dir` (``CORPUS_TOOLS_FIGURES_DIR`` or
        ``figures/``).

    Returns
    -------
    list of Path
        The files written.
    """
    if not NAME_PATTERN.fullmatch(name):
        raise ValueError(
            f"figure name {name!r} must look like '02_top_words' (NN_ then a-z, 0-9, _)"
        )
    folder = Path(out_dir) if out_dir is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    caption = caption or _figure_title(fig) or name
    written = []
    with matplotlib.rc_context(STYLE):
        png = folder / f"{name}.png"
        atomic_write(
            png,
            lambda tmp: fig.savefig(
                tmp, format="png", dpi=DPI, metadata={"Software": None, "Description": caption}
            ),
        )
        svg = folder / f"{name}.svg"
        atomic_write(
            svg,
            lambda tmp: fig.savefig(
                tmp,
                format="svg",
                metadata={"Date": None, "Creator": None, "Description": caption},
            ),
        )
        written += [png, svg]
    if table is not None:
        csv = folder / f"{name}.csv"
        atomic_write(
            csv,
            lambda tmp: table.to_csv(
                tmp, encoding="utf-8-sig", lineterminator="\n", float_format=CSV_FLOAT_FORMAT
            ),
        )
        written.append(csv)
    return written


def _figure_title(fig: Figure) -> str | None:
    if fig._suptitle is not None and fig._suptitle.get_text():
        return fig._suptitle.get_text()
    for ax in fig.axes:
        if ax.get_title():
            return ax.get_title()
    return None
