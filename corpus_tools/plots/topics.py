"""Topic prevalence: per group as a heatmap (:func:`plot_topic_prevalence`), and over
time as small multiples (:func:`plot_topic_trends`); and two topic models matched topic
by topic (:func:`plot_topic_match`).

Both take the table of :func:`corpus_tools.topics.topic_prevalence` (groups in rows, a
``documents`` column, one column per topic) and name topics by the names given
(:func:`corpus_tools.topics.topic_labels`). Both are drawn for an A4 text column:
6.3 in wide at most, 9 in high at most, no text under 7.5 pt, whatever the number of
documents; the number of groups or topics shown is bounded, and the title says which
were kept when some were left out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..errors import FigureError
from ..topics.tables import ALL_DOCUMENTS, MISSING_GROUP
from .labels import column_label, format_count, group_name, text
from .style import (
    BAR_COLOR,
    MAX_HEIGHT,
    MAX_PANELS,
    MIN_FONT_SIZE,
    PAGE_WIDTH,
    STYLE,
    draw_message,
    figure_of,
    new_figure,
    parent_figure,
    single_axes,
)

__all__ = [
    "MAX_GROUPS",
    "MAX_PAIRS",
    "SMALL_GROUP",
    "plot_topic_match",
    "plot_topic_prevalence",
    "plot_topic_trends",
    "wrap_name",
]

MAX_PAIRS = 20
"""Rows of a topic-match figure at most: beyond, the most similar pairs are kept."""

MAX_GROUPS = 30
"""Columns of a prevalence heatmap at most: beyond, the largest groups are kept."""

SMALL_GROUP = 5
"""A period with fewer documents than this gets a hollow marker: its mean is shaky."""

_TEXT = MIN_FONT_SIZE + 0.5  # pt: tick labels and annotations


def _split(table: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    if "documents" not in table.columns:
        raise FigureError(
            "the table has no 'documents' column; pass the table of "
            "corpus_tools.topics.topic_prevalence"
        )
    return table["documents"].astype(int), table.drop(columns="documents").astype(float)


def _topic_names(shares: pd.DataFrame, names: Sequence[str] | None) -> list[str]:
    if names is None:
        return [f"{int(column) + 1}" if str(column).isdigit() else str(column)
                for column in shares.columns]  # fmt: skip
    names = list(names)
    if len(names) != shares.shape[1]:
        raise FigureError(f"names has {len(names)} entries for {shares.shape[1]} topics")
    return names


def _group_name(group: object, lang: str) -> str:
    """A group's label: the groups topics name in Vietnamese ("(không có)", "tất cả")
    in ``lang``, any other as it is."""
    if group == ALL_DOCUMENTS:
        return text("all_documents", lang)
    return group_name(group, lang)


def wrap_name(name: str, width: int) -> str:
    """Break a topic's name into lines of at most ``width`` characters, between terms.

    Internal API: a name is "number. term, term, term", and a line break inside a
    multi-syllable term ("Đại / hội") would split a word; only a term longer than a
    line is broken, between its syllables.

    Examples
    --------
    >>> print(wrap_name("5. xây dựng Đảng, công tác, Đại hội", 20))
    5. xây dựng Đảng,
    công tác, Đại hội
    >>> print(wrap_name("10. Ban Chấp hành Trung ương, đảng", 16))
    10. Ban Chấp
    hành Trung ương,
    đảng
    """
    lines: list[str] = []
    for part in name.split(", "):
        if lines and len(lines[-1]) + 2 + len(part) <= width:
            lines[-1] += ", " + part
            continue
        if lines:
            lines[-1] += ","
        lines.extend(textwrap.wrap(part, width - 1) or [part])
    return "\n".join(lines)


def plot_topic_prevalence(
    table: pd.DataFrame,
    *,
    names: Sequence[str] | None = None,
    title: str | None = None,
    counts: bool = True,
    ax: Axes | None = None,
    lang: str = "vi",
) -> Figure:
    """Topics × groups: the mean share of each topic in each group's documents.

    Topics are rows (named by ``names``, their top words), groups are columns, labelled
    with their number of documents ("thể thao (120)"). Cells hold percentages when
    there are at most 12 groups. Beyond :data:`MAX_GROUPS` groups, the largest are kept
    in their order and the title says how many of how many.

    Parameters
    ----------
    table : DataFrame
        From :func:`corpus_tools.topics.topic_prevalence`.
    names : sequence of str, optional
        One name per topic column, e.g. ``topic_labels(model)``; default the topic
        numbers from 1.
    title : str, optional
    counts : bool
        Add each group's number of documents to its label; False when every group is
        one document.
    ax : Axes, optional
        Where to draw; None makes a new figure 6.3 in wide.
    lang : {"vi", "en"}
        Language of the figure's own words (colour bar, notes, the group of documents
        without a label).

    Returns
    -------
    Figure

    Examples
    --------
    >>> table = pd.DataFrame({"documents": [3, 2], 0: [0.8, 0.1], 1: [0.2, 0.9]},
    ...                      index=pd.Index(["thời sự", "thể thao"], name="group"))
    >>> fig = plot_topic_prevalence(table, names=["1. cán bộ, đảng", "2. cầu thủ, sân"])
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['thời sự (3)', 'thể thao (2)']
    >>> fig.get_size_inches().tolist()[0] <= 6.3
    True
    >>> plot_topic_prevalence(table, lang="en").axes[1].get_ylabel()
    'mean share (numbers in cells: %)'
    """
    if table.empty:
        return draw_message(ax, text("no_data", lang), title=title)
    sizes, shares = _split(table)
    labels = _topic_names(shares, names)
    note = ""
    if len(shares) > MAX_GROUPS:
        keep = sizes.sort_values(ascending=False, kind="stable").index[:MAX_GROUPS]
        mask = shares.index.isin(keep)
        note = text("largest_groups", lang, n=MAX_GROUPS, total=format_count(len(shares), lang))
        sizes, shares = sizes[mask], shares[mask]
    values = shares.to_numpy().T  # topics × groups
    n_topics, n_groups = values.shape
    wrapped = [wrap_name(label, 34) for label in labels]
    lines = sum(label.count("\n") + 1 for label in wrapped)
    with matplotlib.rc_context(STYLE):
        height = min(MAX_HEIGHT, 2.4 + 0.16 * lines + 0.1 * n_topics)
        ax = single_axes(ax, figsize=(PAGE_WIDTH, height))
        image = ax.imshow(values, cmap="viridis", aspect="auto", vmin=0)
        columns = [
            f"{_group_name(group, lang)} ({format_count(n, lang)})"
            if counts
            else _group_name(group, lang)
            for group, n in zip(shares.index, sizes, strict=True)
        ]
        rotation = 0 if n_groups <= 4 and max(map(len, columns)) <= 16 else 45
        ax.set_xticks(np.arange(n_groups), labels=columns, rotation=rotation,
                      ha="right" if rotation else "center", rotation_mode="anchor",
                      fontsize=_TEXT)  # fmt: skip
        ax.set_yticks(np.arange(n_topics), labels=wrapped, fontsize=_TEXT)
        ax.tick_params(length=0)
        ax.spines[:].set_visible(False)
        if n_groups <= MAX_PANELS:
            for (row, col), value in np.ndenumerate(values):
                red, green, blue, _ = image.cmap(image.norm(value))
                dark = 0.299 * red + 0.587 * green + 0.114 * blue < 0.5
                ax.text(col, row, f"{100 * value:.0f}", ha="center", va="center",
                        fontsize=MIN_FONT_SIZE, color="white" if dark else "black")  # fmt: skip
        bar = parent_figure(ax).colorbar(image, ax=ax, shrink=0.8, pad=0.02)
        bar.set_label(text("mean_share_cells", lang), fontsize=_TEXT)
        bar.ax.tick_params(labelsize=_TEXT)
        if title:
            ax.set_title(textwrap.fill(title + note, 55), fontsize=10)
    return figure_of(ax)


def _period_ticks(ax: Axes, periods: list[str]) -> None:
    step = max(1, int(np.ceil(len(periods) / 6)))
    positions = list(range(0, len(periods), step))
    ax.set_xticks(positions, labels=[periods[i] for i in positions], rotation=45,
                  ha="right", rotation_mode="anchor", fontsize=_TEXT)  # fmt: skip


def plot_topic_trends(
    table: pd.DataFrame,
    *,
    names: Sequence[str] | None = None,
    title: str | None = None,
    lang: str = "vi",
) -> Figure:
    """The mean share of each topic per period, one small panel per topic.

    The top panel shows the number of documents in each period. A period with fewer
    than :data:`SMALL_GROUP` documents gets a hollow marker, since its mean rests on
    few documents. Documents without a date (the group "(không có)") are left out of
    the lines and counted in the top panel's title. At most :data:`MAX_PANELS` topics
    are drawn: beyond, those with the largest mean share over the corpus, and the title
    says so.

    Parameters
    ----------
    table : DataFrame
        From :func:`corpus_tools.topics.topic_prevalence` grouped by a period
        (``group_labels(docs, "date:month")``); rows in time order.
    names : sequence of str, optional
        One name per topic column (``topic_labels(model)``).
    title : str, optional
    lang : {"vi", "en"}
        Language of the figure's own words (axis names, the counts' title, notes).

    Returns
    -------
    Figure
        A new figure, 6.3 in wide and at most 9 in high.

    Raises
    ------
    FigureError
        If the table has no ``documents`` column, or ``names`` does not fit it.

    Examples
    --------
    >>> table = pd.DataFrame({"documents": [4, 6, 1], 0: [0.7, 0.5, 0.2], 1: [0.3, 0.5, 0.8]},
    ...                      index=pd.Index(["2020-01", "2020-02", "2020-03"], name="group"))
    >>> fig = plot_topic_trends(table, names=["1. cán bộ", "2. cầu thủ"])
    >>> len(fig.axes), fig.axes[1].get_title(loc="left")
    (3, '1. cán bộ')
    >>> plot_topic_trends(table, lang="en").axes[0].get_ylabel()
    'articles'
    """
    counts, shares = _split(table)
    labels = _topic_names(shares, names)
    undated = int(counts.get(MISSING_GROUP, 0))
    dated = shares.index != MISSING_GROUP
    counts, shares = counts[dated], shares[dated]
    if shares.empty:
        return draw_message(None, text("no_dated", lang), title=title)
    overall = (shares.mul(counts, axis=0).sum() / counts.sum()).to_numpy()
    order = np.argsort(-overall, kind="stable")[:MAX_PANELS]
    shown = sorted(order.tolist())
    note = (
        text("largest_topics", lang, n=MAX_PANELS, total=len(labels))
        if len(labels) > MAX_PANELS
        else ""
    )
    periods = [str(period) for period in shares.index]
    x = np.arange(len(periods))
    small = counts.to_numpy() < SMALL_GROUP
    ncols = 2 if len(shown) <= 4 else 3
    width = 34 if ncols == 2 else 20  # characters of a panel title's line
    nrows = int(np.ceil(len(shown) / ncols))
    with matplotlib.rc_context(STYLE):
        height = min(MAX_HEIGHT, 1.9 + 1.55 * nrows)
        fig = new_figure(PAGE_WIDTH, height)
        grid = fig.add_gridspec(nrows + 1, ncols, height_ratios=[0.8] + [1.0] * nrows)
        top = fig.add_subplot(grid[0, :])
        top.bar(x, counts.to_numpy(), color="#999999", width=0.8)
        top.set_ylabel(column_label("articles", lang), fontsize=_TEXT)
        top.tick_params(labelsize=_TEXT)
        top.set_xticks(x, labels=[])
        top.set_xlim(-0.6, len(periods) - 0.4)
        total = format_count(int(counts.sum()), lang)
        counted = (
            text("articles_per_period_undated", lang, total=total,
                 undated=format_count(undated, lang))
            if undated
            else text("articles_per_period", lang, total=total)
        )  # fmt: skip
        if small.any():  # the legend of the hollow marker, as text: no box to collide
            counted += "\n" + text("small_periods", lang, n=SMALL_GROUP)
        top.set_title(counted, fontsize=_TEXT, loc="left")
        ymax = max(0.05, float(shares.to_numpy()[:, shown].max()) * 1.1)
        for number, topic in enumerate(shown):
            row, col = divmod(number, ncols)
            panel = fig.add_subplot(grid[row + 1, col], sharex=top)
            values = shares.iloc[:, topic].to_numpy()
            panel.plot(x, values, color=BAR_COLOR, linewidth=1.2)
            panel.scatter(x[~small], values[~small], s=12, color=BAR_COLOR, zorder=3)
            panel.scatter(x[small], values[small], s=12, facecolors="white",
                          edgecolors=BAR_COLOR, zorder=3)  # fmt: skip
            panel.set_ylim(0, ymax)
            panel.set_title(wrap_name(labels[topic], width), fontsize=_TEXT, loc="left")
            panel.tick_params(labelsize=_TEXT)
            if row == nrows - 1 or number + ncols >= len(shown):
                _period_ticks(panel, periods)
            else:
                panel.tick_params(labelbottom=False)
            if col:
                panel.tick_params(labelleft=False)
        fig.supylabel(text("mean_topic_share", lang), fontsize=_TEXT)
        if title:
            fig.suptitle(textwrap.fill(title + note, 70), fontsize=10)
    return fig


def plot_topic_match(
    table: pd.DataFrame,
    *,
    n_top: int = 10,
    title: str | None = None,
    names: tuple[str, str] = ("NMF", "LDA"),
    lang: str = "vi",
) -> Figure:
    """Matched topics of two models: each pair's cosine similarity and shared top words.

    One row per matched pair, most similar first: the first model's topic on the left,
    the second's on the right, a bar for their similarity, and in it how many of their
    ``n_top`` top words they share. Unmatched topics are left out (the table keeps
    them). At most :data:`MAX_PAIRS` rows; beyond, the most similar, said in the title.

    Parameters
    ----------
    table : DataFrame
        From :func:`corpus_tools.topics.compare_topic_models`.
    n_top : int
        The ``n_top`` the table was made with, for the bar labels.
    title : str, optional
    names : pair of str
        What the two models are called on the axes.
    lang : {"vi", "en"}
        Language of the figure's own words (axis, bar labels, headers).

    Returns
    -------
    Figure
        A new figure, 6.3 in wide and at most 9 in high.

    Examples
    --------
    >>> table = pd.DataFrame({"label_a": ["1. cán bộ, đảng", "2. cầu thủ, sân"],
    ...                       "label_b": ["2. đảng, họp", "1. sân, bóng đá"],
    ...                       "similarity": [0.7, 0.9], "shared": [4, 6]})
    >>> fig = plot_topic_match(table)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['2. cầu thủ, sân', '1. cán bộ, đảng']
    """
    matched = table.dropna(subset=["similarity"]).sort_values(
        "similarity", ascending=False, kind="stable"
    )
    if matched.empty:
        return draw_message(None, text("no_topic_pairs", lang), title=title)
    note = ""
    if len(matched) > MAX_PAIRS:
        note = text("most_similar_pairs", lang, n=MAX_PAIRS, total=len(matched))
        matched = matched.head(MAX_PAIRS)
    left = [wrap_name(str(label), 26) for label in matched["label_a"]]
    right = [wrap_name(str(label), 26) for label in matched["label_b"]]
    lines = sum(max(a.count("\n"), b.count("\n")) + 1 for a, b in zip(left, right, strict=True))
    positions = np.arange(len(matched))
    with matplotlib.rc_context(STYLE):
        fig = new_figure(PAGE_WIDTH, min(MAX_HEIGHT, 1.3 + 0.17 * lines + 0.12 * len(matched)))
        ax = fig.add_subplot()
        values = matched["similarity"].to_numpy(dtype=float)
        ax.barh(positions, values, color=BAR_COLOR, height=0.7)
        for position, value, shared in zip(
            range(len(values)), values, matched["shared"], strict=True
        ):
            inside = value > 0.35
            ax.text(value - 0.02 if inside else value + 0.02, position,
                    text("shared_words", lang, shared=int(shared), n=n_top), va="center",
                    ha="right" if inside else "left", fontsize=MIN_FONT_SIZE,
                    color="white" if inside else "black")  # fmt: skip
        ax.set_xlim(0, 1)
        ax.set_ylim(len(matched) - 0.5, -0.5)
        ax.set_yticks(positions, labels=left, fontsize=_TEXT)
        ax.set_xlabel(text("topic_similarity", lang), fontsize=_TEXT)
        ax.tick_params(axis="x", labelsize=_TEXT)
        twin = ax.twinx()
        twin.set_ylim(ax.get_ylim())
        twin.set_yticks(positions, labels=right, fontsize=_TEXT)
        twin.spines[["top", "left"]].set_visible(False)
        twin.spines["right"].set_visible(True)
        for x, name, align in ((-0.02, names[0], "right"), (1.02, names[1], "left")):
            header = text("model_topics", lang, name=name)
            ax.text(x, 1.01, header, transform=ax.transAxes, ha=align, va="bottom",
                    fontsize=_TEXT, fontweight="bold")  # fmt: skip
        if title:
            fig.suptitle(textwrap.fill(title + note, 70), fontsize=10)
    return fig
