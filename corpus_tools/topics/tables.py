"""Read a fitted topic model: its terms, its topics' names, documents' topics,
typical units, and topic prevalence per group of documents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import TopicModelError
from ..features.common import MISSING_GROUP, align_groups
from ..segment import token_to_text
from ..validation import check_positive_int
from ..wording import phrase
from .model import TopicModel, top_indices

__all__ = [
    "ALL_DOCUMENTS",
    "EMPTY_TOPIC",
    "MISSING_GROUP",
    "document_topics",
    "group_sort_key",
    "term_names",
    "term_table",
    "topic_labels",
    "topic_prevalence",
    "topic_terms",
    "typical_units",
]

ALL_DOCUMENTS = "tất cả"
"""The one group of :func:`topic_prevalence` when no grouping is given."""

EMPTY_TOPIC = phrase("empty_topic", "vi")
"""The name of a topic or cluster without any term of positive weight ("(empty)" in
English: :func:`corpus_tools.wording.phrase` ``("empty_topic", lang)``)."""


def term_table(
    weights: np.ndarray, vocabulary: np.ndarray, *, n_top: int, key: str
) -> pd.DataFrame:
    """Each row's ``n_top`` heaviest terms as a long table; internal API.

    Shared by :func:`topic_terms` and :func:`~corpus_tools.topics.cluster_terms`.
    Columns ``key`` (the row number), ``rank``, ``term``, ``token`` and ``weight``;
    terms of zero (or negative) weight are left out.

    Examples
    --------
    >>> term_table(np.array([[0.2, 0.8]]), np.array(["họp", "cán_bộ"]), n_top=1, key="topic")
       topic  rank    term   token  weight
    0      0     1  cán bộ  cán_bộ     0.8
    """
    n_top = check_positive_int(n_top, "n_top", error=TopicModelError)
    rows = []
    for row, columns in enumerate(top_indices(weights, n_top)):
        for rank, column in enumerate(columns, start=1):
            token = str(vocabulary[column])
            rows.append((row, rank, token_to_text(token), token, float(weights[row, column])))
    return pd.DataFrame(rows, columns=[key, "rank", "term", "token", "weight"])


def term_names(
    weights: np.ndarray, vocabulary: np.ndarray, *, n_top: int, lang: str = "vi"
) -> list[str]:
    """Name each row by its number (from 1) and its ``n_top`` heaviest terms; internal API.

    Shared by :func:`topic_labels` and the names of
    :class:`~corpus_tools.topics.DocumentClusters`.

    Examples
    --------
    >>> term_names(np.array([[0.2, 0.8], [0.0, 0.0]]), np.array(["họp", "cán_bộ"]), n_top=2)
    ['1. cán bộ, họp', '2. (trống)']
    >>> term_names(np.array([[0.0, 0.0]]), np.array(["họp", "cán_bộ"]), n_top=2, lang="en")
    ['1. (empty)']
    """
    n_top = check_positive_int(n_top, "n_top", error=TopicModelError)
    empty = phrase("empty_topic", lang)
    names = []
    for row, columns in enumerate(top_indices(weights, n_top), start=1):
        words = ", ".join(token_to_text(str(vocabulary[column])) for column in columns)
        names.append(f"{row}. {words or empty}")
    return names


def topic_terms(model: TopicModel, *, n_top: int = 10) -> pd.DataFrame:
    """List each topic's ``n_top`` heaviest terms.

    Terms with zero weight are left out, so a topic may list fewer than ``n_top``.

    Returns
    -------
    pandas.DataFrame
        Columns ``topic`` (0 to k-1), ``rank`` (1 = heaviest), ``term`` (for display,
        with spaces: "bộ chính trị"), ``token`` ("bộ_chính_trị") and ``weight`` (the
        term's share of the topic, see :attr:`TopicModel.topic_terms`).

    Examples
    --------
    >>> from corpus_tools.topics import fit_topics
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> table = topic_terms(fit_topics(units, k=2, max_df=1.0), n_top=2)
    >>> table.columns.tolist()
    ['topic', 'rank', 'term', 'token', 'weight']
    >>> sorted(table["term"])
    ['bóng đá', 'bộ chính trị', 'cầu thủ', 'họp']
    """
    return term_table(model.topic_terms, model.vocabulary, n_top=n_top, key="topic")


def document_topics(model: TopicModel, *, doc_ids: Iterable[object] | None = None) -> pd.DataFrame:
    """Average the unit topic shares of each document.

    Parameters
    ----------
    model : TopicModel
    doc_ids : iterable, optional
        The document id of each unit, in unit order: ``[doc_id for doc_id, _ in
        text_units(docs, unit="paragraph")]``, or the ``text_units`` pairs themselves.
        Default: the ids the model kept (:attr:`TopicModel.doc_ids`), when it was fitted
        on ``(doc_id, tokens)`` pairs or a mapping.

    Returns
    -------
    pandas.DataFrame
        One row per document (index ``doc_id``, in order of first appearance), one column
        per topic (0 to k-1); each row is the mean of its units' shares and sums to 1.

    Examples
    --------
    >>> from corpus_tools.topics import fit_topics
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> model = fit_topics(units, k=2, max_df=1.0)
    >>> table = document_topics(model, doc_ids=["b", "b", "a", "a"])
    >>> table.index.tolist(), table.sum(axis=1).round(6).tolist()
    (['b', 'a'], [1.0, 1.0])
    >>> paired = fit_topics(zip(["b", "b", "a", "a"], units), k=2, max_df=1.0)
    >>> document_topics(paired).index.tolist()
    ['b', 'a']
    """
    if doc_ids is None:
        doc_ids = model.doc_ids
    if doc_ids is None:
        raise TopicModelError(
            "document_topics needs the document id of every unit: pass doc_ids=[...] (one per "
            "unit, in unit order), or fit the model on (doc_id, tokens) pairs or a mapping, "
            "which keep their ids"
        )
    if isinstance(doc_ids, str):
        raise TypeError("doc_ids is one string; pass the document id of every unit")
    ids = [item[0] if isinstance(item, tuple) and len(item) == 2 else item for item in doc_ids]
    n_units = model.unit_topics.shape[0]
    if len(ids) != n_units:
        raise TopicModelError(
            f"doc_ids has {len(ids)} entries but the model has {n_units} units; pass "
            "the doc id of every unit the model was fitted on, in the same order"
        )
    table = pd.DataFrame(model.unit_topics, columns=pd.RangeIndex(model.k, name="topic"))
    return table.groupby(pd.Index(ids, name="doc_id"), sort=False).mean()


def typical_units(model: TopicModel, *, n_top: int = 1) -> pd.DataFrame:
    """Find, for each topic, the ``n_top`` units with the largest share of it.

    Returns
    -------
    pandas.DataFrame
        Columns ``topic``, ``rank`` (1 = most typical), ``unit_index`` (the unit's
        position, an index into the token lists and into ``text_units``) and ``weight``
        (its share of the topic, from :attr:`TopicModel.unit_topics`). NMF often gives
        many units a share of exactly 1; among equal shares the unit with the larger raw
        weight (:attr:`TopicModel.unit_weights`, how strongly the topic explains it)
        comes first, then the earlier unit.

    Examples
    --------
    >>> from corpus_tools.topics import fit_topics
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> table = typical_units(fit_topics(units, k=2, max_df=1.0))
    >>> sorted(table["unit_index"].tolist())
    [0, 3]
    """
    n_units = model.unit_topics.shape[0]
    n_top = min(check_positive_int(n_top, "n_top", error=TopicModelError), n_units)
    raw = model.unit_topics if model.unit_weights is None else model.unit_weights
    rows = []
    for topic in range(model.k):
        shares = model.unit_topics[:, topic]
        # np.lexsort sorts by the last key first; shares are rounded so that float noise
        # does not hide a tie
        order = np.lexsort((np.arange(n_units), -raw[:, topic], -np.round(shares, 9)))
        for rank, unit in enumerate(order[:n_top], start=1):
            rows.append((topic, rank, int(unit), float(shares[unit])))
    return pd.DataFrame(rows, columns=["topic", "rank", "unit_index", "weight"])


def topic_labels(model: TopicModel, *, n_top: int = 3, lang: str = "vi") -> list[str]:
    """Name each topic by its number and its ``n_top`` heaviest words, for figures.

    Topics are numbered from 1 in the names ("1. cán bộ, đảng viên, kỷ luật" is topic 0
    of :func:`topic_terms`), so figures never say a bare "Chủ đề 1"; a topic NMF left
    empty is named :data:`EMPTY_TOPIC` ("(empty)" with ``lang="en"``).

    Examples
    --------
    >>> from corpus_tools.topics import fit_topics
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> topic_labels(fit_topics(units, k=2, max_df=1.0), n_top=2)
    ['1. bộ chính trị, họp', '2. bóng đá, cầu thủ']
    """
    return term_names(model.topic_terms, model.vocabulary, n_top=n_top, lang=lang)


def group_sort_key(label: str) -> tuple[object, ...]:
    """Sort key of a group label: numbers in it compare as numbers; internal API.

    Periods ("2020-03") sort in time order and cluster names ("2. …" before "10. …")
    in number order; :data:`MISSING_GROUP` and :data:`ALL_DOCUMENTS` sort last.

    Examples
    --------
    >>> sorted(["10. a", "(không có)", "2. b"], key=group_sort_key)
    ['2. b', '10. a', '(không có)']
    """
    parts = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", label)
        if part
    )
    return (label in (MISSING_GROUP, ALL_DOCUMENTS), parts)


def topic_prevalence(
    model: TopicModel, *, groups: Sequence[object] | Mapping[str, object] | None = None
) -> pd.DataFrame:
    """Mean topic shares of the documents in each group: groups × topics.

    Parameters
    ----------
    model : TopicModel
        Fitted on documents or on their paragraphs: a document's shares are the mean of
        its units' (:func:`document_topics`). A model fitted on plain token lists treats
        each unit as a document.
    groups : sequence or mapping, optional
        One label per document of the model (in the order of :func:`document_topics`),
        or a mapping doc_id → label, such as ``dict(zip(ids, group_labels(docs,
        "date:month")))`` or the ``groups`` of
        :class:`~corpus_tools.topics.DocumentClusters`. Documents without a label form
        the group :data:`MISSING_GROUP`. None: the whole corpus, one group
        :data:`ALL_DOCUMENTS`.

    Returns
    -------
    pandas.DataFrame
        One row per group (index ``group``; periods in time order, numbers in labels in
        number order, :data:`MISSING_GROUP` last). Column ``documents`` counts the
        group's documents; then one column per topic (0 to k-1), the mean share of that
        topic in the group's documents. The topic columns of each row sum to 1.

    Examples
    --------
    >>> from corpus_tools.topics import fit_topics
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> model = fit_topics(zip("abcd", units), k=2, max_df=1.0)
    >>> table = topic_prevalence(model, groups={"a": "2020", "b": "2021", "c": "2021"})
    >>> table.index.tolist(), table["documents"].tolist()
    (['2020', '2021', '(không có)'], [1, 2, 1])
    >>> table.drop(columns="documents").sum(axis=1).round(6).tolist()
    [1.0, 1.0, 1.0]
    """
    if model.doc_ids is not None:
        shares = document_topics(model)
    else:
        shares = pd.DataFrame(model.unit_topics, columns=pd.RangeIndex(model.k, name="topic"))
        shares.index = pd.Index([str(i) for i in range(len(shares))], name="doc_id")
        if isinstance(groups, Mapping):
            raise TopicModelError(
                "groups is a mapping of doc_id → label, but the model keeps no document ids; "
                "fit it on (doc_id, tokens) pairs or a mapping, or pass one label per unit"
            )
    ids = [str(doc_id) for doc_id in shares.index]
    labels = (
        [ALL_DOCUMENTS] * len(ids)
        if groups is None
        else align_groups(groups, ids, owner="the model's", error=TopicModelError)
    )
    grouped = shares.groupby(pd.Index(labels, name="group"), sort=False)
    table = grouped.mean()
    table.insert(0, "documents", grouped.size())
    order = sorted(table.index, key=group_sort_key)
    return table.loc[order]
