"""Report-ready figures: one ``plot_*`` function per kind, and :func:`save_figure`.

Every ``plot_*`` function takes a table from :mod:`corpus_tools.features` or
:mod:`corpus_tools.topics`, returns a :class:`matplotlib.figure.Figure`, saves nothing
and leaves matplotlib's global settings alone: the house style (:data:`STYLE`) is
applied inside ``matplotlib.rc_context``. Figures are built without pyplot, so
notebooks display them and scripts never pile up open windows.

Each takes a keyword-only ``ax``: None (the default) makes a new figure for the page
(6.3 in wide, at most 9 in tall, no text under 7.5 pt; its height from the design,
never from the number of documents); an Axes, or for small multiples an array of
Axes, draws there instead, and the function returns the Figure that holds them. The
house style then applies to what the function adds (bars, annotations, the title's
size), while what the Axes already had (frame, fonts of ticks and axis labels) keeps
the settings it was made with: make the figure inside
``matplotlib.rc_context(plots.STYLE)`` for the whole house style.

Text is set in DejaVu Sans, which ships with matplotlib and covers every Vietnamese
letter; word clouds use the same font file and are drawn as text, so SVGs keep every
label editable. Multi-syllable words are shown whole, with spaces between their
syllables (:func:`corpus_tools.segment.token_to_text`).

Every ``plot_*`` function also takes ``subtitle=`` (what was counted, over what: "5
bài · từ, bỏ từ dừng"), ``names=`` (value → label: :func:`corpus_tools.document_labels`
names articles by a short title with their id, :func:`corpus_tools.topic_labels` names
topics by their top words) and ``lang=`` ("vi", the default, or "en": the language of the words the
function draws itself, from :mod:`~corpus_tools.plots.labels`). A per-document figure
shows at most :data:`MAX_PANELS` documents: :func:`select_documents` chooses them and
words the rule for the title ("12 bài dài nhất trong 2.653 bài").

Modules: :mod:`~corpus_tools.plots.style` (house style and shared helpers),
:mod:`~corpus_tools.plots.labels` (the fixed words, in both languages),
:mod:`~corpus_tools.plots.captions` (the titles, axis labels and captions notebooks
write, in both languages: :func:`figure_text`),
:mod:`~corpus_tools.plots.selection`,
:mod:`~corpus_tools.plots.bars`, :mod:`~corpus_tools.plots.matrices`,
:mod:`~corpus_tools.plots.curves`, :mod:`~corpus_tools.plots.distributions`,
:mod:`~corpus_tools.plots.wordclouds`, :mod:`~corpus_tools.plots.network` and
:mod:`~corpus_tools.plots.save`; for the research views :mod:`~corpus_tools.plots.trends`,
:mod:`~corpus_tools.plots.keyness`, :mod:`~corpus_tools.plots.zipf`,
:mod:`~corpus_tools.plots.concordance`, :mod:`~corpus_tools.plots.dispersion`,
:mod:`~corpus_tools.plots.links` and :mod:`~corpus_tools.plots.diversity`.

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
from .captions import FIGURES, figure_text, period_name
from .concordance import plot_concordance
from .curves import plot_choose_k, plot_rank_frequency
from .dispersion import plot_term_spread, plot_xray
from .distributions import plot_distribution
from .diversity import plot_lexical_diversity
from .keyness import plot_keyness
from .labels import LANGS
from .links import plot_links
from .matrices import plot_heatmap
from .network import plot_network
from .save import save_figure, show_saved_figures, tidy_table
from .selection import Selection, select_documents
from .style import DPI, MAX_HEIGHT, MAX_PANELS, MIN_FONT_SIZE, PAGE_WIDTH, STYLE, font_path
from .topics import plot_topic_match, plot_topic_prevalence, plot_topic_trends
from .trends import plot_trends
from .wordclouds import plot_wordcloud, plot_wordclouds
from .zipf import plot_zipf

__all__ = [
    "DPI",
    "FIGURES",
    "LANGS",
    "MAX_HEIGHT",
    "MAX_PANELS",
    "MIN_FONT_SIZE",
    "PAGE_WIDTH",
    "STYLE",
    "Selection",
    "figure_text",
    "font_path",
    "period_name",
    "plot_choose_k",
    "plot_concordance",
    "plot_distribution",
    "plot_grouped_bars",
    "plot_heatmap",
    "plot_keyness",
    "plot_lexical_diversity",
    "plot_links",
    "plot_network",
    "plot_rank_frequency",
    "plot_term_bars",
    "plot_term_spread",
    "plot_topic_match",
    "plot_topic_prevalence",
    "plot_topic_trends",
    "plot_trends",
    "plot_wordcloud",
    "plot_wordclouds",
    "plot_xray",
    "plot_zipf",
    "save_figure",
    "select_documents",
    "show_saved_figures",
    "tidy_table",
]
