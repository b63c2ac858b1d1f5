"""Keyness (:func:`plot_keyness`): the words a text over-uses and under-uses, with the
significance thresholds of G² and the effect size beside each word."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from ..errors import FigureError
from ..features import G2_THRESHOLDS
from ..features.keywords import TIE_DECIMALS
from .labels import text
from .style import (
    BAR_COLOR,
    PAGE_WIDTH,
    STYLE,
    AxesInput,
    display_label,
    draw_message,
    figure_of,
    grid_shape,
    panel_axes,
    parent_figure,
)

__all__ = ["MAX_KEYNESS_PANELS", "plot_keyness"]

MAX_KEYNESS_PANELS = 8
"""Panels one keyness figure holds at most (two columns of four), so that ten bars a
panel stay readable on a page; a notebook shows more groups in several figures."""

UNDER_COLOR = "#c0392b"
_THRESHOLD_STYLES: dict[float, Literal[":", "--", "-"]] = {0.05: ":", 0.001: "--", 0.0001: "-"}
_LABEL_WIDTH = 22


def _short(text: str, width: int = _LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _panel_title(label: str, width: int = 30) -> str:
    """A panel's title in ``width`` characters: an article label "Title… (id)" keeps its
    id whole and shortens its title at a space; "id · title" takes two lines.

    Examples
    --------
    >>> _panel_title("Triển khai thực hiện các quy… (002)")
    'Triển khai thực hiện… (002)'
    >>> _panel_title("business")
    'business'
    """
    head, dot, rest = label.partition(" · ")
    if dot:
        return _short(head, width) + f"\n{_short(rest, width)}"
    title, bracket, doc_id = label.rpartition(" (")
    if not bracket or not doc_id.endswith(")") or len(doc_id) + 3 >= width:
        return _short(label, width)
    cut = title.endswith("…")
    title = title.rstrip("…").rstrip()
    room = width - len(doc_id) - 2
    if len(title) + cut > room:
        title, cut = title[: room - 1], True
        title = (title[: title.rfind(" ")] if " " in title else title).rstrip(" ,.;:")
    return f"{title}{'…' if cut else ''} ({doc_id}"


def _side(part: pd.DataFrame, n_top: int, over: bool) -> tuple[pd.DataFrame, int]:
    """The side's ``n_top`` rows in table order, and how many unshown rows tie the last."""
    side = part[part["g2"] > 0] if over else part[part["g2"] < 0].iloc[::-1]
    shown, rest = side.iloc[:n_top], side.iloc[n_top:]
    if shown.empty or rest.empty:
        return shown, 0
    last = round(float(shown["g2"].iloc[-1]), TIE_DECIMALS)
    return shown, int((rest["g2"].round(TIE_DECIMALS) == last).sum())


def _panel(ax: Axes, part: pd.DataFrame, n_top: int, title: str | None, lang: str) -> None:
    over, over_ties = _side(part, n_top, over=True)
    under, under_ties = _side(part, n_top, over=False)
    rows = pd.concat([over, under.iloc[::-1]])
    labels = [
        f"{_short(display_label(t))} ({r:+.1f})"
        for t, r in zip(rows["term"], rows["log_ratio"], strict=True)
    ]
    y = np.arange(len(rows))
    values = rows["g2"].to_numpy(dtype=float)
    ax.barh(y, values, color=np.where(values > 0, BAR_COLOR, UNDER_COLOR), height=0.7)
    ax.set_yticks(y, labels=labels, fontsize=7.5)
    ax.invert_yaxis()
    strongest = G2_THRESHOLDS[0.0001]  # both thresholds stay in view on each side
    left = max(float(-values.min(initial=0)), strongest) * 1.1
    right = max(float(values.max(initial=0)), strongest) * 1.1
    ax.set_xlim(-left, right)
    # fixed ticks: a locator would pick others once the layout resizes the panel, and a
    # label at the edge could then stand outside the page
    ax.set_xticks(
        [
            t
            for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]).tick_values(-left, right)
            if -left <= t <= right
        ]
    )
    for p_value, threshold in G2_THRESHOLDS.items():
        for sign in (1, -1):
            ax.axvline(
                sign * threshold,
                color="#555555",
                linewidth=0.7,
                linestyle=_THRESHOLD_STYLES[p_value],
                zorder=0,
            )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.tick_params(axis="x", labelsize=7.5)
    notes = ["G²"]
    if over_ties:
        notes.append(text("over_ties", lang, n=over_ties))
    if under_ties:
        notes.append(text("under_ties", lang, n=under_ties))
    ax.set_xlabel("\n".join(notes), fontsize=7.5)
    if title:
        ax.set_title(title, fontsize=8, loc="right")  # long titles run left, over the labels


def plot_keyness(
    table: pd.DataFrame,
    *,
    group: str | None = None,
    n_top: int = 5,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
    ax: AxesInput | None = None,
    lang: str = "vi",
) -> Figure:
    """Diverging bars of signed G²: over-used words to the right, under-used to the left.

    Each bar is labelled with the word and, in brackets, its log ratio (the effect size:
    +1 = twice as frequent in the target, -1 half as frequent). Vertical lines mark the
    G² thresholds 3.84, 10.83 and 15.13 (p < 0.05, 0.001 and 0.0001; legend below).
    Rows are taken in the table's order, which :func:`corpus_tools.features.keyness`
    sorts by G² with ties by token (Unicode order); when unshown words tie the last
    shown one, the panel says how many.

    Parameters
    ----------
    table : DataFrame
        From :func:`~corpus_tools.features.keyness`,
        :func:`~corpus_tools.features.keyness_by_group` or
        :func:`~corpus_tools.features.keyness_by_document`: ``term, g2, log_ratio``.
    group : str, optional
        Column to split panels by (``"group"``, ``"doc_id"``); at most
        :data:`MAX_KEYNESS_PANELS` groups.
    n_top : int
        Bars on each side of each panel.
    labels : mapping, optional
        Group → panel title (e.g. :func:`corpus_tools.document_labels` for
        documents); default the group's value.
    title : str, optional
        The suptitle.
    ax : Axes or array of Axes, optional
        One Axes per panel; None makes a new figure 6.3 in wide, two panels a row.

    Raises
    ------
    FigureError
        If the table has more groups than :data:`MAX_KEYNESS_PANELS`.

    Examples
    --------
    >>> from corpus_tools.features import keyness
    >>> table = keyness(["chạy_chức"] * 3 + ["họp"], ["họp"] * 6 + ["cán_bộ"] * 3, min_count=1)
    >>> fig = plot_keyness(table, title="Từ đặc trưng")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['chạy chức (+3.8)', 'họp (-1.4)', 'cán bộ (-1.4)']
    """
    parts = [(None, table)] if group is None else list(table.groupby(group, sort=False))
    if table.empty:
        return draw_message(ax, text("no_data", lang), title=title)
    if len(parts) > MAX_KEYNESS_PANELS:
        raise FigureError(
            f"{len(parts)} groups: a keyness figure holds at most {MAX_KEYNESS_PANELS}; "
            "select the groups to show (e.g. the largest) and put the full table in the CSV"
        )
    rows, cols = grid_shape(len(parts), 2)
    height = min(9.0, rows * (0.17 * 2 * n_top + 0.75) + 0.9)
    with matplotlib.rc_context(STYLE):
        axes = panel_axes(ax, len(parts), shape=(rows, cols), figsize=(PAGE_WIDTH, height))
        for panel, (name, part) in zip(axes, parts, strict=True):
            shown = None if name is None else (labels or {}).get(name, display_label(name))
            _panel(panel, part, n_top, None if shown is None else _panel_title(shown), lang)
        figure = parent_figure(axes[0])
        handles = [
            Line2D(
                [],
                [],
                color="#555555",
                linewidth=0.7,
                linestyle=style,
                label=f"p < {p:g} (G² {G2_THRESHOLDS[p]:g})",
            )
            for p, style in _THRESHOLD_STYLES.items()
        ]
        handles += [
            Line2D([], [], color=BAR_COLOR, linewidth=5, label=text("over_used", lang)),
            Line2D([], [], color=UNDER_COLOR, linewidth=5, label=text("under_used", lang)),
            Line2D([], [], linestyle="none", label=text("log_ratio_note", lang)),
        ]
        constrained = isinstance(figure_of(axes[0]).get_layout_engine(), ConstrainedLayoutEngine)
        figure.legend(
            handles=handles,
            loc="outside lower center" if constrained else "lower center",
            ncols=math.ceil(len(handles) / 2),
            frameon=False,
            fontsize=7.5,
        )
        if title:
            figure.suptitle(title)
    return figure_of(axes[0])
