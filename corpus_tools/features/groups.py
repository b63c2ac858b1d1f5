"""Counts per group of documents: a grouping field or a date period (quanteda's ``dfm_group``).

Every function takes token lists and ``groups``: one label per token list, or a mapping
doc_id → label, as :func:`corpus_tools.group_labels` gives them
(``group_labels(docs, "category")``, ``group_labels(docs, "date:month")``). Documents
without a label form the group :data:`~corpus_tools.features.common.MISSING_GROUP`
("(không có)"), so no document is ever dropped. Groups are listed sorted (periods in
time order), the missing group last.

Keyness per group is :func:`corpus_tools.features.keyness_by_group`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..types import TokenLists, TokensInput
from ..validation import check_positive_int, token_lists
from ..wording import format_count, phrase
from .common import align_groups, display_terms, empty_table, group_order, is_word
from .frequencies import count_vectors, term_frequencies, top_tfidf_terms

__all__ = [
    "group_count_matrix",
    "group_frequencies",
    "group_sizes",
    "group_term_matrix",
    "group_tfidf_terms",
    "join_groups",
    "longest_documents",
    "select_panels",
]

Groups = Sequence[object] | Mapping[str, object]

_FREQUENCY_COLUMNS = ["group", "term", "token", "count", "per_10k", "doc_freq"]


def group_count_matrix(
    docs: TokenLists, labels: Sequence[str], order: Sequence[str]
) -> tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray]:
    """Return groups × words counts, groups × words document frequencies, and the words.

    Internal API (keyness by group uses it). ``labels`` has one label per token list
    and ``order`` lists every label once: row ``i`` is group ``order[i]``.

    Examples
    --------
    >>> counts, doc_freq, words = group_count_matrix([["ở", "ở"], ["ở"], ["đảng"]],
    ...                                               ["A", "A", "B"], ["A", "B"])
    >>> words.tolist(), counts.toarray().tolist(), doc_freq.toarray().tolist()
    (['đảng', 'ở'], [[0, 3], [1, 0]], [[0, 2], [1, 0]])
    """
    matrix, vocabulary = count_vectors(docs)
    position = {label: i for i, label in enumerate(order)}
    rows = np.array([position[label] for label in labels], dtype=np.int64)
    indicator = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (rows, np.arange(len(rows)))),
        shape=(len(order), len(rows)),
    )
    present = matrix.copy()
    present.data = np.ones_like(present.data)
    return (indicator @ matrix).tocsr(), (indicator @ present).tocsr(), vocabulary


def _grouped(
    tokens_per_doc: TokensInput, groups: Groups, doc_ids: Iterable[str] | None
) -> tuple[TokenLists, list[str], list[str]]:
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc", unique=False)
    labels = align_groups(groups, ids)
    return docs, labels, group_order(labels)


def group_sizes(
    tokens_per_doc: TokensInput, groups: Groups, *, doc_ids: Iterable[str] | None = None
) -> pd.DataFrame:
    """How many documents and words each group holds.

    Returns
    -------
    pandas.DataFrame
        ``group, documents, words``: ``words`` counts the word tokens (letters or digits,
        not punctuation). Groups sorted, the missing group last.

    Examples
    --------
    >>> group_sizes([["cán_bộ", "."], ["đảng"], []], ["thời sự", None, "thời sự"])
            group  documents  words
    0     thời sự          2      1
    1  (không có)          1      1
    """
    docs, labels, order = _grouped(tokens_per_doc, groups, doc_ids)
    table = pd.DataFrame(
        {"group": labels, "words": [sum(map(is_word, doc)) for doc in docs]}
    ).groupby("group", sort=False)
    sizes = pd.DataFrame({"documents": table.size(), "words": table["words"].sum()})
    sizes = sizes.reindex(order).rename_axis("group").reset_index()
    return sizes.astype({"documents": "int64", "words": "int64"})


def group_frequencies(
    tokens_per_doc: TokensInput,
    groups: Groups,
    *,
    doc_ids: Iterable[str] | None = None,
    n_top: int | None = None,
) -> pd.DataFrame:
    """Count every word in each group: how often, per 10,000 words, and in how many documents.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids.
    groups : sequence or mapping
        One label per token list, or a mapping doc_id → label.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….
    n_top : int, optional
        Keep each group's ``n_top`` most frequent words; None keeps all.

    Returns
    -------
    pandas.DataFrame
        ``group, term, token, count, per_10k, doc_freq``: ``per_10k`` is per 10,000
        tokens of the group, ``doc_freq`` the number of the group's documents holding
        the word. By group, then ``count`` descending, then ``token``.

    Examples
    --------
    >>> docs = {"a": ["cán_bộ", "cán_bộ"], "b": ["cán_bộ", "đảng"], "c": ["đảng"]}
    >>> group_frequencies(docs, {"a": "X", "b": "X", "c": "Y"})
      group    term   token  count  per_10k  doc_freq
    0     X  cán bộ  cán_bộ      3   7500.0         2
    1     X    đảng    đảng      1   2500.0         1
    2     Y    đảng    đảng      1  10000.0         1
    """
    if n_top is not None:
        n_top = check_positive_int(n_top, "n_top")
    docs, labels, order = _grouped(tokens_per_doc, groups, doc_ids)
    dtypes = {"count": "int64", "per_10k": "float64", "doc_freq": "int64"}
    if not any(docs):
        return empty_table(_FREQUENCY_COLUMNS, dtypes)
    table = term_frequencies(join_groups(docs, labels), by_doc=True)
    table = table.rename(columns={"doc_id": "group"})
    _, doc_freq, vocabulary = group_count_matrix(docs, labels, order)
    position = {label: i for i, label in enumerate(order)}
    rows = table["group"].map(position).to_numpy()
    cols = np.searchsorted(vocabulary, table["token"].to_numpy())
    table["doc_freq"] = np.asarray(doc_freq[rows, cols]).ravel().astype(np.int64)
    if n_top is not None:
        table = table.groupby("group", sort=False).head(n_top).reset_index(drop=True)
    return table


def group_term_matrix(
    tokens_per_doc: TokensInput,
    groups: Groups,
    *,
    terms: Sequence[str] | None = None,
    n_top: int = 20,
    value: str = "per_10k",
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Words × groups: how often each word occurs in each group, ready for a heatmap.

    Parameters
    ----------
    terms : sequence of str, optional
        The tokens to show, in order; default the ``n_top`` most frequent in the whole
        corpus (ties by token).
    value : {"per_10k", "count"}
        Occurrences per 10,000 tokens of the group (comparable across groups of unequal
        size), or raw counts.

    Returns
    -------
    pandas.DataFrame
        Index ``term`` (display forms), one column per group (sorted, the missing group
        last), zeros where a group lacks the word.

    Examples
    --------
    >>> docs = [["cán_bộ", "đảng"], ["cán_bộ"], ["đảng", "đảng"]]
    >>> group_term_matrix(docs, ["X", "X", "Y"], n_top=2)
                  X        Y
    term
    đảng    3333.33  10000.0
    cán bộ  6666.67      0.0
    """
    n_top = check_positive_int(n_top, "n_top")
    docs, labels, order = _grouped(tokens_per_doc, groups, doc_ids)
    table = group_frequencies(docs, labels)
    if terms is None:
        totals = table.groupby("token", sort=True)["count"].sum()
        terms = totals.sort_values(ascending=False, kind="stable").index[:n_top].tolist()
    wide = table.pivot_table(index="token", columns="group", values=value, aggfunc="sum")
    wide = wide.reindex(index=list(terms), columns=order).fillna(0.0)
    wide.index = pd.Index(display_terms(wide.index), name="term")
    wide.columns.name = None
    return wide.round(2) if value == "per_10k" else wide.astype("int64")


def group_tfidf_terms(
    tokens_per_doc: TokensInput,
    groups: Groups,
    *,
    n_top: int = 10,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Each group's ``n_top`` words with the highest tf·idf, the group taken as one document.

    The tokens of a group's documents are joined and weighted as
    :func:`~corpus_tools.features.top_tfidf_terms` weighs documents (raw tf, smoothed
    idf across the groups, l2-normalised rows): a word scores high when it is frequent
    in the group and found in few other groups. With two or three groups idf can barely
    tell words apart; prefer :func:`~corpus_tools.features.keyness_by_group` then.

    Returns
    -------
    pandas.DataFrame
        ``group, rank, term, token, score``; ``rank`` starts at 1, ties by token.

    Examples
    --------
    >>> docs = [["cán_bộ", "cán_bộ", "đảng"], ["cán_bộ"], ["đảng", "bóng_đá"]]
    >>> group_tfidf_terms(docs, ["X", "X", "Y"], n_top=1)
      group  rank     term    token     score
    0     X     1   cán bộ   cán_bộ  0.973...
    1     Y     1  bóng đá  bóng_đá  0.814...
    """
    n_top = check_positive_int(n_top, "n_top")
    table = top_tfidf_terms(join_groups(tokens_per_doc, groups, doc_ids=doc_ids), n_top=n_top)
    return table.rename(columns={"doc_id": "group"})


def join_groups(
    tokens_per_doc: TokensInput, groups: Groups, *, doc_ids: Iterable[str] | None = None
) -> dict[str, list[str]]:
    """Return group → the tokens of its documents, joined in corpus order.

    Every per-document function then works per group, quanteda's ``dfm_group``:
    ``top_tfidf_terms(join_groups(tokens, groups))`` gives each group's keywords,
    ``document_similarity(join_groups(tokens, groups))`` the similarity of the groups.
    Groups are sorted, the missing group last. Words at the join of two documents
    become adjacent, so do not count n-grams or collocations on the result.

    Examples
    --------
    >>> join_groups({"a": ["cán_bộ"], "b": ["đảng"], "c": ["họp"]}, {"a": "X", "b": "Y", "c": "X"})
    {'X': ['cán_bộ', 'họp'], 'Y': ['đảng']}
    """
    docs, labels, order = _grouped(tokens_per_doc, groups, doc_ids)
    joined: dict[str, list[str]] = {label: [] for label in order}
    for label, doc in zip(labels, docs, strict=True):
        joined[label].extend(doc)
    return joined


def select_panels(
    tokens_per_doc: TokensInput,
    groups: Groups | None = None,
    *,
    n_top: int = 12,
    doc_ids: Iterable[str] | None = None,
    lang: str = "vi",
) -> tuple[list[str], str]:
    """Choose the documents or groups a figure with one panel (row, cell) each can show.

    Without ``groups``: the ``n_top`` longest documents (:func:`longest_documents`).
    With them: the ``n_top`` groups with the most documents (equal sizes in label order),
    listed in label order (periods in time order).

    Returns
    -------
    list of str, str
        The ids or group labels, and the rule in words for the figure's title
        ("12 bài dài nhất trong 2.653 bài", or "5 bài" when all are shown), in
        ``lang`` ("vi" or "en").

    Examples
    --------
    >>> tokens = {"a": ["cán_bộ"], "b": ["đảng", "họp"], "c": ["họp"]}
    >>> select_panels(tokens, n_top=2)
    (['b', 'a'], '2 bài dài nhất trong 3 bài')
    >>> select_panels(tokens, {"a": "X", "b": "Y", "c": "X"})
    (['X', 'Y'], '2 nhóm')
    >>> select_panels(tokens, n_top=2, lang="en")
    (['b', 'a'], 'the 2 longest of 3 articles')
    """
    n_top = check_positive_int(n_top, "n_top")
    if groups is None:
        shown = longest_documents(tokens_per_doc, n_top=n_top, doc_ids=doc_ids)
        total = len(token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")[1])
        noun, key = "noun_articles", "select_longest"
    else:
        sizes = group_sizes(tokens_per_doc, groups, doc_ids=doc_ids)
        largest = set(
            sizes.sort_values("documents", ascending=False, kind="stable")["group"][:n_top]
        )
        shown = [label for label in sizes["group"] if label in largest]
        total, noun, key = len(sizes), "noun_groups", "select_largest_groups"
    count = format_count(total, lang)
    if len(shown) < total:
        return shown, phrase(key, lang, n=format_count(len(shown), lang), total=count)
    return shown, phrase("count_all", lang, total=count, noun=phrase(noun, lang))


def longest_documents(
    tokens_per_doc: TokensInput, *, n_top: int = 12, doc_ids: Iterable[str] | None = None
) -> list[str]:
    """Return the ids of the ``n_top`` documents with the most word tokens, longest first.

    The selection a figure shows when a corpus has more documents than it has room for;
    equal lengths keep corpus order. Say so in the title: "12 bài dài nhất trong 300 bài".

    Examples
    --------
    >>> longest_documents({"a": ["ở"], "b": ["cán_bộ", "đảng"], "c": ["họp", ","]}, n_top=2)
    ['b', 'a']
    """
    n_top = check_positive_int(n_top, "n_top")
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    lengths = np.array([sum(map(is_word, doc)) for doc in docs], dtype=np.int64)
    order = np.lexsort((np.arange(len(docs)), -lengths))[:n_top]
    return [ids[i] for i in order]
