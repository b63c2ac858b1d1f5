"""Names for what figures show: articles by a short title with their id, topics by
their top words.

Every ``plot_*`` function takes ``names=``, a mapping from a value in the table (a
``doc_id``, a topic number) to the label to draw; :func:`document_labels` and
:func:`topic_labels` build those mappings, so a figure names an article as "Siết chặt
kỷ luật… (000)" rather than "000", and a topic by its words rather than its number.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..segment import token_to_text
from .labels import text
from .style import display_label

__all__ = ["DOCUMENT_LABEL_WIDTH", "document_label", "document_labels", "topic_labels"]

DOCUMENT_LABEL_WIDTH = 30
"""Characters of a title kept in an article's label before "…"."""


def _shorten(title: str, width: int) -> str:
    """``title`` cut at a word boundary to at most ``width`` characters, "…" marking a cut."""
    words = title.split()
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if len(candidate) > width:
            break
        kept = candidate
    if kept == " ".join(words):
        return kept
    if not kept:  # one word longer than the width
        kept = words[0][: width - 1]
    return kept.rstrip(",;:.–-— ") + "…"


def document_label(
    doc_id: object,
    title: str | None,
    *,
    width: int = DOCUMENT_LABEL_WIDTH,
    lang: str = "vi",
) -> str:
    """Return a short label for an article: its title cut to ``width`` characters, then
    its id in brackets (a scraped file id shortened to its number).

    An article without a title is named by its id ("bài 003", "article 003"), never
    by the bare id alone.

    Parameters
    ----------
    doc_id : str
    title : str or None
    width : int
        Characters of the title kept; a longer title is cut at a word boundary and
        ends in "…".
    lang : {"vi", "en"}
        Language of the label of an untitled article.

    Examples
    --------
    >>> title = "Tăng cường siết chặt kỷ luật, kỷ cương trong công tác cán bộ"
    >>> document_label("000_e38ffd22d5a32227", title)
    'Tăng cường siết chặt kỷ luật… (000)'
    >>> document_label("003_74790746ce20f72d", None)
    'bài 003'
    >>> document_label("a", "Hội nghị Trung ương", lang="en")
    'Hội nghị Trung ương (a)'
    """
    short = display_label(doc_id)
    if title is None or not str(title).strip():
        return text("article", lang, number=short)
    return f"{_shorten(' '.join(str(title).split()), width)} ({short})"


def document_labels(
    docs: Iterable[Any] | pd.DataFrame,
    *,
    width: int = DOCUMENT_LABEL_WIDTH,
    lang: str = "vi",
) -> dict[str, str]:
    """Return ``doc_id`` → :func:`document_label` for every document: the ``names=``
    of a ``plot_*`` function.

    Parameters
    ----------
    docs : iterable of Document, or DataFrame
        Documents (anything with ``doc_id`` and ``title`` attributes), or a table with
        ``doc_id`` and ``title`` columns such as :func:`corpus_tools.documents_table`.
    width, lang
        As for :func:`document_label`.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["000_e38ffd22d5a32227", "001"],
    ...                       "title": ["Hội nghị cán bộ chủ chốt toàn tỉnh năm 2020", None]})
    >>> document_labels(table)
    {'000_e38ffd22d5a32227': 'Hội nghị cán bộ chủ chốt toàn… (000)', '001': 'bài 001'}
    """
    pairs: Iterable[tuple[Any, Any]]
    if isinstance(docs, pd.DataFrame):
        pairs = zip(docs["doc_id"], docs["title"], strict=True)
    else:
        pairs = ((doc.doc_id, doc.title) for doc in docs)
    return {
        str(doc_id): document_label(
            doc_id, None if pd.isna(title) else title, width=width, lang=lang
        )
        for doc_id, title in pairs
    }


def topic_labels(
    terms: pd.DataFrame,
    *,
    n_words: int = 3,
    topic: str = "topic",
    label: str = "term",
    number_from: int = 1,
    lang: str = "vi",
) -> dict[object, str]:
    """Return topic → "Chủ đề 1: its, top, words": topics named by their top words.

    Parameters
    ----------
    terms : DataFrame
        One row per topic and word, best first within a topic, e.g. from
        :func:`corpus_tools.topics.topic_terms` (columns ``topic``, ``term``).
    n_words : int
        Words in each name.
    topic, label : str
        Columns holding the topic and the word (shown with spaces).
    number_from : int
        The number the first topic is shown with: topics numbered from 0 in the
        table are "Chủ đề 1", "Chủ đề 2"…
    lang : {"vi", "en"}

    Examples
    --------
    >>> terms = pd.DataFrame({"topic": [0, 0, 0, 0, 1], "term": ["cán bộ", "kỷ luật",
    ...                       "chạy chức", "ở", "đại hội"]})
    >>> topic_labels(terms)
    {0: 'Chủ đề 1: cán bộ, kỷ luật, chạy chức', 1: 'Chủ đề 2: đại hội'}
    """
    names: dict[object, str] = {}
    for number, (key, part) in enumerate(terms.groupby(topic, sort=False)):
        words = ", ".join(token_to_text(str(w)) for w in part[label].head(n_words))
        name = text("topic", lang, number=number + number_from)
        names[key] = f"{name}: {words}" if words else name
    return names
