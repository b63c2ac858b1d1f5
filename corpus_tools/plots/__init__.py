"""Report-ready figures: one ``plot_*`` function per kind, and :func:`save_figure`.

Every ``plot_*`` function takes a table from :mod:`corpus_tools.features` or
:mod:`corpus_tools.topics`, returns a :class:`matplotlib.figure.Figure`, saves nothing
and leaves matplotlib's global settings alone: the house style (:data:`STYLE`) is
applied inside ``matplotlib.rc_context``. Figures are built without pyplot, so
notebooks display them and scripts never pile up open windows.

Each takes a keyword-only ``ax``: None (the default) makes a new figure sized for the
data; an Axes, or for small multiples an array of Axes, draws there instead, and the
function returns the Figure that holds them. The house style then applies to what the
function adds (bars, annotations, the title's size), while what the Axes already had
(frame, fonts of ticks and axis labels) keeps the settings it was made with: make the
figure inside ``matplotlib.rc_context(plots.STYLE)`` for the whole house style.

Text is set in DejaVu Sans, which ships with matplotlib and covers every Vietnamese
letter; word clouds use the same font file. Multi-syllable words are shown whole, with
spaces between their syllables (:func:`corpus_tools.segment.token_to_text`).

Modules: :mod:`~corpus_tools.plots.style` (house style and shared helpers),
:mod:`~corpus_tools.plots.bars`, :mod:`~corpus_tools.plots.matrices`,
:mod:`~corpus_tools.plots.curves`, :mod:`~corpus_tools.plots.wordclouds`,
:mod:`~corpus_tools.plots.network` and :mod:`~corpus_tools.plots.save`.

Examples
--------
Two plots side by side in one figure:

>>> import pandas as pd
>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(6.3, 2.5), layout="constrained")
>>> left, right = fig.subplots(1, 2)
>>> words = pd.DataFrame({"term": ["cán bộ", "Đảng", "ở"], "count": [5, 3, 1]})
>>> plot_term_bars(words, title="Từ nhiều nhất", ax=left) is fig
True
>>> _ = plot_rank_frequency(words["count"], title="Định luật Zipf", ax=right)
>>> [ax.get_title() for ax in fig.axes]
['Từ nhiều nhất', 'Định luật Zipf']
"""

from __future__ import annotations

from .bars import plot_grouped_bars, plot_term_bars
from .curves import plot_choose_k, plot_rank_frequency
from .matrices import plot_heatmap
from .network import plot_network
from .save import save_figure
from .style import DPI, STYLE, font_path
from .topics import plot_topic_match, plot_topic_prevalence, plot_topic_trends
from .wordclouds import plot_wordcloud, plot_wordclouds

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
    "plot_topic_match",
    "plot_topic_prevalence",
    "plot_topic_trends",
    "plot_wordcloud",
    "plot_wordclouds",
    "save_figure",
]
