"""Bounded tables for the extractors' figures: what a page can show of any corpus.

A figure names at most a dozen articles (issue 12): :func:`mentions_by_article` keeps
the articles, or the groups, that mention most, and the names or documents mentioned
most, and says which in a caption for the figure's title; the full table belongs in
the CSV. :func:`corpus_tools.document_labels` names the articles by a short title with
their id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import pandas as pd

from ..errors import CorpusError
from ..validation import check_positive_int
from ..wording import format_count, phrase

__all__ = [
    "MAX_ARTICLES",
    "NO_GROUP",
    "BoundedTable",
    "count_phrase",
    "mentions_by_article",
    "top_nodes",
]

MAX_ARTICLES = 12
"""Articles (or groups) a figure shows at most (:data:`corpus_tools.plots.style.MAX_PANELS`)."""

NO_GROUP = phrase("no_group", "vi")
"""The label of the documents whose group is None: they form a group of their own
(``"(none)"`` in English), as in every other stage: :func:`corpus_tools.wording.phrase`
``("no_group", lang)``."""


class BoundedTable(NamedTuple):
    """What a figure draws, and the phrase that says what was kept, for its title."""

    table: pd.DataFrame
    caption: str


def count_phrase(shown: int, total: int, noun: str, rule: str, *, lang: str = "vi") -> str:
    """ "12 trong 300 bài nhắc nhiều nhất", or "5 bài" when all are shown (internal API).

    ``noun`` and ``rule`` are words in ``lang``; numbers use its thousands separator
    ("2.653" in Vietnamese, "2,653" in English).

    Examples
    --------
    >>> count_phrase(12, 2653, "bài", "nhắc nhiều nhất"), count_phrase(5, 5, "bài", "x")
    ('12 trong 2.653 bài nhắc nhiều nhất', '5 bài')
    >>> count_phrase(12, 2653, "articles", "mentioning most", lang="en")
    '12 of 2,653 articles mentioning most'
    """
    if shown >= total:
        return phrase("count_all", lang, total=format_count(total, lang), noun=noun)
    return phrase(
        "count_some",
        lang,
        shown=format_count(shown, lang),
        total=format_count(total, lang),
        noun=noun,
        rule=rule,
    )


def _group_of(
    doc_ids: Sequence[str],
    groups: Sequence[str | None] | Mapping[str, str | None],
    lang: str,
) -> dict[str, str]:
    if isinstance(groups, Mapping):
        labels = [groups.get(doc_id) for doc_id in doc_ids]
    else:
        labels = list(groups)
        if len(labels) != len(doc_ids):
            raise CorpusError(
                f"groups has {len(labels)} labels for {len(doc_ids)} documents: give one "
                "label per document, or a mapping doc_id → label"
            )
    missing = phrase("no_group", lang)
    return {d: missing if g is None else str(g) for d, g in zip(doc_ids, labels, strict=True)}


def mentions_by_article(
    mentions: pd.DataFrame,
    *,
    column: str,
    doc_ids: Sequence[str],
    groups: Sequence[str | None] | Mapping[str, str | None] | None = None,
    labels: Mapping[str, str] | None = None,
    n_top: int = 10,
    n_articles: int = MAX_ARTICLES,
    noun: str | None = None,
    lang: str = "vi",
) -> BoundedTable:
    """Counts of the most mentioned values per article (or group), bounded for a figure.

    Parameters
    ----------
    mentions : DataFrame
        One row per mention, with ``doc_id`` and ``column`` (e.g. from
        :func:`~corpus_tools.extract.find_people`, ``column="name"``, or
        :func:`~corpus_tools.extract.find_references`, ``column="reference_id"``).
    column : str
        What is counted.
    doc_ids : sequence of str
        Every article of the corpus, in order (also those that mention nothing).
    groups : sequence or mapping, optional
        A group label per article (aligned with ``doc_ids``, or ``doc_id`` → label, as
        :func:`corpus_tools.group_labels` gives). Rows are then groups, counting their
        articles' mentions; articles without a label form the group :data:`NO_GROUP`
        ("(none)" in English).
    labels : mapping, optional
        ``doc_id`` → the row's label (:func:`corpus_tools.document_labels`); default the id.
    n_top : int
        Columns: the ``n_top`` values mentioned most in the corpus (ties in name order).
    n_articles : int
        Rows: at most this many; beyond, the articles (or groups) with the most
        mentions, most first (ties in corpus order).
    noun : str, optional
        What a value is, for the caption, in ``lang`` ("người", "văn bản"); default
        "tên" ("names").
    lang : {"vi", "en"}
        The language of the caption and of the name of the group :data:`NO_GROUP`.

    Returns
    -------
    BoundedTable
        ``table``: rows × columns of counts (int64), the index named ``doc_id`` (or
        ``group``) and the columns ``column``; ``caption``: what was kept, on two lines
        for a title, e.g. "12 trong 300 bài nhắc nhiều nhất" and "10 trong 54 tên được
        nhắc nhiều nhất".

    Examples
    --------
    >>> mentions = pd.DataFrame({"doc_id": ["a", "b", "b", "c"], "name": ["X", "X", "Y", "Z"]})
    >>> shown = mentions_by_article(mentions, column="name", doc_ids=["a", "b", "c", "d"],
    ...                             n_top=2, n_articles=2)
    >>> shown.table
    name    X  Y
    doc_id
    b       1  1
    a       1  0
    >>> print(shown.caption)
    2 trong 4 bài nhắc nhiều nhất
    2 trong 3 tên được nhắc nhiều nhất
    >>> mentions_by_article(mentions, column="name", doc_ids=["a", "b", "c", "d"],
    ...                     groups=["x", "y", "y", None]).table
    name        X  Y  Z
    group
    y           1  1  1
    x           1  0  0
    (không có)  0  0  0
    >>> print(mentions_by_article(mentions, column="name", doc_ids=["a", "b", "c", "d"],
    ...                           n_top=2, n_articles=2, noun="people", lang="en").caption)
    2 of 4 articles mentioning most
    2 of 3 people mentioned most
    """
    n_top = check_positive_int(n_top, "n_top")
    n_articles = check_positive_int(n_articles, "n_articles")
    doc_ids = [str(doc_id) for doc_id in doc_ids]
    rows = pd.Series(mentions["doc_id"].astype(str).to_numpy(), name="doc_id", dtype=object)
    values = pd.Series(mentions[column].to_numpy(), name=column, dtype=object)
    totals = values.value_counts()
    chosen = sorted(totals.index, key=lambda value: (-totals[value], str(value)))[:n_top]
    if groups is None:
        order, index_name, unit = doc_ids, "doc_id", phrase("noun_articles", lang)
    else:
        group_of = _group_of(doc_ids, groups, lang)
        rows = rows.map(group_of).rename("group")
        order = list(dict.fromkeys(group_of.values()))
        index_name, unit = "group", phrase("noun_groups", lang)
    counts = (pd.crosstab(rows, values) if len(rows) else pd.DataFrame()).reindex(
        index=order, columns=chosen, fill_value=0
    )
    per_row = rows.value_counts().reindex(order, fill_value=0)
    ranked = sorted(range(len(order)), key=lambda i: (-per_row.iloc[i], i))[:n_articles]
    table = counts.iloc[ranked].astype("int64")
    table.index.name, table.columns.name = index_name, column
    if labels is not None and groups is None:
        table = table.rename(index=dict(labels))
    caption = "\n".join(
        (
            count_phrase(
                len(table), len(order), unit, phrase("rule_mentioning_most", lang), lang=lang
            ),
            count_phrase(
                len(chosen),
                len(totals),
                noun or phrase("noun_names", lang),
                phrase("rule_mentioned_most", lang),
                lang=lang,
            ),
        )
    )
    return BoundedTable(table, caption)


def top_nodes(
    edges: pd.DataFrame,
    *,
    n_top: int = 20,
    source: str = "source",
    target: str = "target",
    weight: str = "weight",
    noun: str | None = None,
    lang: str = "vi",
) -> BoundedTable:
    """The edges between the ``n_top`` best-connected nodes of a network, for a figure.

    A node's connection is its weighted degree: the sum of the weights of its edges
    (for :func:`~corpus_tools.extract.co_mentions`, the articles it shares with each
    other name). Ties go in name order. A kept node whose every edge leads outside the
    kept ones is not drawn, so the caption counts the nodes the kept edges join.

    ``noun`` names a node in the caption, in ``lang`` (default "người", "people").

    Returns
    -------
    BoundedTable
        ``table``: the kept rows of ``edges``, in their order; ``caption``: e.g.
        "20 trong 54 người có nhiều liên kết nhất", or "54 người" when all are kept.

    Examples
    --------
    >>> edges = pd.DataFrame({"source": ["A", "A", "B"], "target": ["B", "C", "D"],
    ...                       "weight": [3, 1, 1]})
    >>> shown = top_nodes(edges, n_top=2)
    >>> shown.table
      source target  weight
    0      A      B       3
    >>> shown.caption
    '2 trong 4 người có nhiều liên kết nhất'
    >>> top_nodes(edges, n_top=2, lang="en").caption
    '2 of 4 people with most links'
    """
    n_top = check_positive_int(n_top, "n_top")
    degree = (
        pd.concat([edges.groupby(source)[weight].sum(), edges.groupby(target)[weight].sum()])
        .groupby(level=0)
        .sum()
    )
    ranked = sorted(degree.index, key=lambda node: (-degree[node], str(node)))
    kept = set(ranked[:n_top])
    table = edges[edges[source].isin(kept) & edges[target].isin(kept)]
    drawn = len(set(table[source]) | set(table[target]))
    if len(ranked) <= n_top:
        drawn = len(ranked)
    caption = count_phrase(
        drawn,
        len(ranked),
        noun or phrase("noun_people", lang),
        phrase("rule_most_links", lang),
        lang=lang,
    )
    return BoundedTable(table, caption)
