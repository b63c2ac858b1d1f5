"""A concordance as a figure (:func:`plot_concordance`): key words centred in their context."""

from __future__ import annotations

import matplotlib
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..groups import short_id
from .labels import format_count, text
from .style import PAGE_WIDTH, STYLE, draw_message, figure_of, single_axes

__all__ = ["plot_concordance"]

_LEFT_CHARS = 34
_RIGHT_CHARS = 34
_KEYWORD_CHARS = 18
_LINE = 0.19  # inches per line


_ID_CHARS = 12


def _left(text: str) -> str:
    """The end of ``text``, cut at a word boundary to fit the left column."""
    if len(text) <= _LEFT_CHARS:
        return text
    tail = text[-(_LEFT_CHARS - 1) :]
    return "…" + (tail.split(" ", 1)[1] if " " in tail else tail)


def _right(text: str) -> str:
    if len(text) <= _RIGHT_CHARS:
        return text
    head = text[: _RIGHT_CHARS - 1]
    return (head.rsplit(" ", 1)[0] if " " in head else head) + "…"


def _doc_label(doc_id: object) -> str:
    label = short_id(doc_id)
    return label if len(label) <= _ID_CHARS else "…" + label[-(_ID_CHARS - 1) :]


def plot_concordance(
    table: pd.DataFrame,
    *,
    n_top: int = 5,
    title: str | None = None,
    ax: Axes | None = None,
    lang: str = "vi",
) -> Figure:
    """Key word in context lines, the key word centred and bold, grouped by term.

    Parameters
    ----------
    table : DataFrame
        From :func:`corpus_tools.features.concordance` (``query, doc_id, left,
        keyword, right``), or :func:`~corpus_tools.features.kwic` (one term).
    n_top : int
        Lines shown per term: its first ``n_top`` in the table's order (by document,
        then position), each led by its document's id in grey. Each term's header
        gives its number of occurrences and documents; the full table goes to the
        CSV. Contexts are cut at a word, to about 35 characters on each side.
    title : str, optional
    ax : Axes, optional
        Where to draw; None makes a new figure 6.3 in wide, one line per row.
    lang : {"vi", "en"}
        Language of the figure's own words (the headers, the "none found" message).

    Examples
    --------
    >>> from corpus_tools.features import concordance
    >>> table = concordance([["chống", "chạy_chức", "ở", "cơ_sở"]], ["chạy chức"], window=3)
    >>> fig = plot_concordance(table)
    >>> [t.get_text() for t in fig.axes[0].texts][:4]
    ['chạy chức — 1 lần trong 1 bài', '0', 'chống', 'chạy chức']
    >>> plot_concordance(table, lang="en").axes[0].texts[0].get_text()
    'chạy chức — occurrences: 1, articles: 1'
    """
    if table.empty:
        return draw_message(ax, text("no_term_found", lang), title=title)
    parts = list(table.groupby("query", sort=False)) if "query" in table else [(None, table)]
    n_lines = sum(min(n_top, len(part)) + (name is not None) for name, part in parts)
    with matplotlib.rc_context(STYLE):
        ax = single_axes(ax, figsize=(PAGE_WIDTH, 0.5 + _LINE * n_lines + (0.3 if title else 0)))
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(n_lines - 0.5, -0.5)
        line = 0
        for name, part in parts:
            if name is not None:
                ax.text(
                    0,
                    line,
                    text(
                        "kwic_header",
                        lang,
                        term=name,
                        hits=format_count(len(part), lang),
                        documents=format_count(part["doc_id"].nunique(), lang),
                    ),
                    fontsize=8,
                    fontweight="bold",
                    va="center",
                    color="#2b6a99",
                )
                line += 1
            for row in part.head(n_top).itertuples(index=False):
                keyword = (
                    row.keyword
                    if len(row.keyword) <= _KEYWORD_CHARS
                    else row.keyword[: _KEYWORD_CHARS - 1] + "…"
                )
                ax.text(
                    0,
                    line,
                    _doc_label(row.doc_id),
                    fontsize=7.5,
                    va="center",
                    color="#777777",
                )
                ax.text(0.445, line, _left(row.left), fontsize=7.5, va="center", ha="right")
                ax.text(
                    0.535, line, keyword, fontsize=7.5, va="center", ha="center", fontweight="bold"
                )
                ax.text(0.625, line, _right(row.right), fontsize=7.5, va="center", ha="left")
                line += 1
        if title:
            ax.set_title(title)
    return figure_of(ax)
