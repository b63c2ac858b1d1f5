"""How often words occur: frequencies and dispersion, tf·idf keywords, case, overviews.

Tables show each word twice: ``token`` as counted ("bộ_chính_trị") and ``term`` as
readers write it ("bộ chính trị").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import CorpusError
from ..io import Document
from ..segment.tokens import word_filter
from ..types import TokenLists, TokensInput
from ..validation import carries_ids, check_positive_int, token_lists
from .common import PER, display_terms, empty_table, is_word, syllables, take
from .vectorize import document_term_matrix, row_positions

__all__ = [
    "count_matrix",
    "count_vectors",
    "document_table",
    "filter_tokens",
    "same_shape",
    "syllables_and_words",
    "term_frequencies",
    "tfidf_keyword_matrix",
    "top_tfidf_terms",
    "unify_case",
]

_TERM_FREQUENCY_COLUMNS = ["term", "token", "count", "per_10k", "doc_freq", "dp"]
_DOC_FREQUENCY_COLUMNS = ["doc_id", "term", "token", "count", "per_10k"]


def count_vectors(docs: TokenLists) -> tuple[sp.csr_matrix, np.ndarray]:
    """Return the int64 count matrix of checked token lists and its vocabulary.

    Internal API, shared with :mod:`corpus_tools.features.keywords`: every word counted,
    no ``min_df`` / ``max_df`` cut.

    Examples
    --------
    >>> matrix, vocabulary = count_vectors([["ở", "ở"], ["đảng"]])
    >>> vocabulary.tolist(), matrix.toarray().tolist()
    (['đảng', 'ở'], [[0, 2], [1, 0]])
    """
    matrix, vocabulary = document_term_matrix(docs)
    return matrix.astype(np.int64), vocabulary


def term_frequencies(
    tokens_per_doc: TokensInput,
    *,
    by_doc: bool = False,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Count every word: how often, how widely, and how evenly across documents.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids.
    by_doc : bool
        ``False``: one row per word over the corpus. ``True``: one row per word and
        document, with ``per_10k`` relative to that document's length.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….

    Returns
    -------
    pandas.DataFrame
        ``term, token, count, per_10k, doc_freq, dp``, sorted by ``count`` descending
        then ``token``. ``per_10k`` is per 10,000 tokens of the corpus; ``doc_freq`` the
        number of documents holding the word; ``dp`` Gries' deviation of proportions
        (Gries 2008, "Dispersions and adjusted frequencies in corpora", International
        Journal of Corpus Linguistics 13(4)): half the sum over documents of
        ``|v_i / f - s_i|``, where ``v_i`` is the word's count in document ``i``, ``f``
        its total and ``s_i`` the document's share of all tokens. 0 means spread in
        proportion to document sizes, values near 1 concentrated in few documents (the
        maximum is ``1 - min(s_i)``). With ``by_doc=True``: ``doc_id, term, token,
        count, per_10k``, in document order, then by count and token. A corpus without
        tokens gives an empty table.

    Examples
    --------
    >>> term_frequencies([["cán_bộ", "cán_bộ", "đảng"], ["cán_bộ", "ở"]])
         term   token  count  per_10k  doc_freq        dp
    0  cán bộ  cán_bộ      3   6000.0         2  0.066667
    1    đảng    đảng      1   2000.0         1  0.400000
    2       ở       ở      1   2000.0         1  0.600000
    >>> term_frequencies({"a": ["cán_bộ", "đảng"], "b": []}, by_doc=True)
      doc_id    term   token  count  per_10k
    0      a  cán bộ  cán_bộ      1   5000.0
    1      a    đảng    đảng      1   5000.0
    """
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    if not any(docs):
        if by_doc:
            return empty_table(_DOC_FREQUENCY_COLUMNS, {"count": "int64", "per_10k": "float64"})
        return empty_table(
            _TERM_FREQUENCY_COLUMNS,
            {"count": "int64", "per_10k": "float64", "doc_freq": "int64", "dp": "float64"},
        )
    matrix, vocabulary = count_vectors(docs)
    lengths = np.asarray(matrix.sum(axis=1)).ravel()
    coo = matrix.tocoo()
    rows, cols, counts = coo.row, coo.col, coo.data

    if by_doc:
        order = np.lexsort((cols, -counts, rows))  # doc, then count desc, then token
        rows, cols, counts = rows[order], cols[order], counts[order]
        return pd.DataFrame(
            {
                "doc_id": take(ids, rows),
                "term": take(display_terms(vocabulary), cols),
                "token": vocabulary[cols],
                "count": counts.astype(np.int64),
                "per_10k": counts / lengths[rows] * PER,
            }
        )

    n_words = len(vocabulary)
    totals = np.bincount(cols, weights=counts, minlength=n_words)
    doc_freq = np.bincount(cols, minlength=n_words)
    shares = lengths / lengths.sum()
    # Sum over all documents of |v_i/f - s_i|: documents without the word add s_i, so the
    # sum is 1 + Σ over documents holding it of (|v_i/f - s_i| - s_i); it stays sparse.
    excess = np.abs(counts / totals[cols] - shares[rows]) - shares[rows]
    dp = np.clip(0.5 * (1.0 + np.bincount(cols, weights=excess, minlength=n_words)), 0.0, 1.0)
    order = np.lexsort((np.arange(n_words), -totals))
    tokens = vocabulary[order]
    return pd.DataFrame(
        {
            "term": display_terms(tokens),
            "token": tokens,
            "count": totals[order].astype(np.int64),
            "per_10k": totals[order] / lengths.sum() * PER,
            "doc_freq": doc_freq[order].astype(np.int64),
            "dp": dp[order],
        }
    )


def top_tfidf_terms(
    tokens_per_doc: TokensInput,
    *,
    n_top: int = 10,
    doc_ids: Iterable[str] | None = None,
    min_df: int | float = 1,
    max_df: int | float = 1.0,
) -> pd.DataFrame:
    """Return each document's ``n_top`` words with the highest tf·idf.

    Weights come from :func:`~corpus_tools.features.document_term_matrix` with
    ``weighting="tfidf"`` (raw tf, smoothed idf, l2-normalised rows). Equal scores are
    ordered by token, so the output is deterministic. Empty documents have no rows.
    ``tokens_per_doc`` and ``doc_ids`` are as for :func:`term_frequencies`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, rank, term, token, score``; ``rank`` starts at 1.

    Examples
    --------
    >>> docs = [["cán_bộ", "cán_bộ", "đảng"], ["đảng", "ở", "cơ_sở"]]
    >>> top_tfidf_terms(docs, n_top=2)
      doc_id  rank    term   token     score
    0      0     1  cán bộ  cán_bộ  0.942...
    1      0     2    đảng    đảng  0.335...
    2      1     1   cơ sở   cơ_sở  0.631...
    3      1     2       ở       ở  0.631...
    """
    n_top = check_positive_int(n_top, "n_top")
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    matrix, vocabulary = document_term_matrix(docs, weighting="tfidf", min_df=min_df, max_df=max_df)
    coo = matrix.tocoo()
    rows, cols, scores = coo.row, coo.col, coo.data
    order = np.lexsort((cols, -scores, rows))  # doc, then score desc, then token
    rows, cols, scores = rows[order], cols[order], scores[order]
    starts = np.searchsorted(rows, rows, side="left")
    ranks = np.arange(len(rows)) - starts + 1
    keep = ranks <= n_top
    return pd.DataFrame(
        {
            "doc_id": take(ids, rows[keep]),
            "rank": ranks[keep].astype(np.int64),
            "term": take(display_terms(vocabulary), cols[keep]),
            "token": vocabulary[cols[keep]],
            "score": scores[keep],
        }
    )


def tfidf_keyword_matrix(
    tokens_per_doc: TokensInput,
    *,
    doc_ids: Iterable[str] | None = None,
    n_top: int = 5,
    rows: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Documents × keywords: the tf·idf of every document's ``n_top`` keywords in every document.

    The columns are the union of each document's top keywords (from
    :func:`top_tfidf_terms`), in document order; the table is small and dense by
    construction, ready for a heatmap. ``rows`` keeps only these documents (ids, in
    this order) and their keywords, e.g. the twelve a figure shows; the weights still
    come from the whole corpus.

    Examples
    --------
    >>> table = tfidf_keyword_matrix([["cán_bộ", "ở"], ["đảng", "ở"]], doc_ids=["a", "b"], n_top=1)
    >>> table.columns.tolist(), table.index.tolist()
    (['cán_bộ', 'đảng'], ['a', 'b'])
    >>> tfidf_keyword_matrix([["cán_bộ", "ở"], ["đảng", "ở"]], n_top=1, rows=["1"]).columns.tolist()
    ['đảng']
    """
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    keywords = top_tfidf_terms(docs, n_top=n_top, doc_ids=ids)
    if rows is not None:
        positions = row_positions(ids, rows)
        keywords = keywords[keywords["doc_id"].isin(set(rows))]
        keywords = keywords.iloc[
            np.argsort(keywords["doc_id"].map(list(rows).index), kind="stable")
        ]
    columns = list(dict.fromkeys(keywords["token"]))
    matrix, vocabulary = document_term_matrix(docs, weighting="tfidf")
    if rows is not None:
        matrix, ids = matrix[positions], list(rows)
    values = matrix[:, np.searchsorted(vocabulary, columns)].toarray()
    return pd.DataFrame(values, index=pd.Index(ids, name="doc_id"), columns=columns)


def _materialised(tokens: TokensInput) -> TokensInput:
    """``tokens`` as a collection that can be read twice (a mapping stays a mapping)."""
    if isinstance(tokens, (Mapping, str, bytes)):
        return tokens
    items: list[Any] = list(tokens)
    return items


def unify_case(
    tokens_per_doc: TokensInput,
) -> TokenLists | dict[Any, list[str]] | list[tuple[str, list[str]]]:
    """Give every word one written form: its most frequent one in the corpus.

    Counting then merges "Công tác" at the start of a sentence with "công tác", as
    lowercasing would, but tables and figures show "Bộ Chính trị", "Đảng" and
    "Phạm Minh Chính" as the texts write them. Ties go to the form with fewer capitals.

    Returns
    -------
    list of list of str, dict or list of (doc_id, tokens) pairs
        The shape it was given: token lists for token lists, a dict for a mapping
        (same keys), pairs for ``(doc_id, tokens)`` pairs (ids may repeat, as for
        paragraphs). Empty-string tokens are dropped.

    Examples
    --------
    >>> unify_case([["Bộ_Chính_trị", "Công_tác"], ["bộ_chính_trị", "công_tác", "Bộ_Chính_trị"]])
    [['Bộ_Chính_trị', 'công_tác'], ['Bộ_Chính_trị', 'công_tác', 'Bộ_Chính_trị']]
    >>> unify_case({"a": ["Đảng"], "b": ["đảng", "Đảng"]})
    {'a': ['Đảng'], 'b': ['Đảng', 'Đảng']}
    >>> unify_case([("a", ["Đảng"]), ("a", ["đảng", "Đảng"])])
    [('a', ['Đảng']), ('a', ['Đảng', 'Đảng'])]
    """
    given = _materialised(tokens_per_doc)
    docs, ids = token_lists(given, name="tokens_per_doc", unique=False)
    counts = Counter(token for doc in docs for token in doc)
    best: dict[str, tuple[int, int, str]] = {}
    for token, count in counts.items():
        rank = (count, -sum(c.isupper() for c in token), token)
        key = token.lower()
        if (
            key not in best
            or rank[:2] > best[key][:2]
            or (rank[:2] == best[key][:2] and token < best[key][2])
        ):
            best[key] = rank
    form = {key: rank[2] for key, rank in best.items()}
    return same_shape(given, ids, [[form[token.lower()] for token in doc] for doc in docs])


def same_shape(
    given: TokensInput, ids: list[str], lists: TokenLists
) -> TokenLists | dict[Any, list[str]] | list[tuple[str, list[str]]]:
    """Return ``lists`` in the shape of ``given``: a dict for a mapping (same keys), pairs
    for ``(doc_id, tokens)`` pairs, else token lists. Internal API.

    Examples
    --------
    >>> same_shape({"a": ["Đảng"]}, ["a"], [["đảng"]])
    {'a': ['đảng']}
    """
    if isinstance(given, Mapping):
        return dict(zip(given.keys(), lists, strict=True))
    if carries_ids(given):
        return list(zip(ids, lists, strict=True))
    return lists


def filter_tokens(
    tokens_per_doc: TokensInput,
    *,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    lowercase: bool = False,
) -> TokenLists | dict[Any, list[str]] | list[tuple[str, list[str]]]:
    """Drop stopwords, punctuation or numbers from token lists already segmented.

    Segment once with everything kept (``iter_tokens(docs, keep_punct=True)``: what a
    concordance shows), then derive the words to count with this: the result equals
    segmenting again with the same options (:func:`corpus_tools.tokenize`'s filters).

    Returns
    -------
    list of list of str, dict or list of (doc_id, tokens) pairs
        The shape it was given, as :func:`unify_case` returns it.

    Examples
    --------
    >>> running = [("a", ["Ban_Bí_thư", "đã", "họp", "năm", "2020", "."])]
    >>> filter_tokens(running, stopwords=["đã"], keep_numbers=False)
    [('a', ['Ban_Bí_thư', 'họp', 'năm'])]
    """
    given = _materialised(tokens_per_doc)
    docs, ids = token_lists(given, name="tokens_per_doc", unique=False)
    keep = word_filter(
        lowercase=lowercase, stopwords=stopwords, keep_punct=keep_punct, keep_numbers=keep_numbers
    )
    return same_shape(given, ids, [keep(doc) for doc in docs])


def count_matrix(
    table: pd.DataFrame, *, rows: str, columns: str, row_order: Sequence[str] | None = None
) -> pd.DataFrame:
    """Rows × columns counts of a long table (articles × cited documents, people × articles).

    ``row_order`` lists every row to show, in order, also those with no count (an article
    that cites nothing); columns are ordered by their total, largest first.

    Examples
    --------
    >>> mentions = pd.DataFrame({"doc_id": ["a", "a", "b"], "name": ["X", "Y", "X"]})
    >>> count_matrix(mentions, rows="doc_id", columns="name", row_order=["a", "b", "c"])
    name    X  Y
    doc_id
    a       1  1
    b       1  0
    c       0  0
    """
    counts = pd.crosstab(table[rows], table[columns]) if len(table) else pd.DataFrame()
    if row_order is not None:
        counts = counts.reindex(list(row_order), fill_value=0)
    if counts.shape[1]:
        totals = counts.sum(axis=0)
        counts = counts[sorted(counts.columns, key=lambda c: (-totals[c], str(c)))]
    counts.index.name, counts.columns.name = rows, columns
    return counts.astype("int64")


def syllables_and_words(tokens_per_doc: TokensInput, *, n_top: int = 15) -> pd.DataFrame:
    """The most frequent syllables beside the most frequent words, to show what
    segmentation changes: "chức" counted alone hides "tổ chức", "chạy chức", "chức vụ".
    Syllables are lowercased; words are counted as given. Ties are ordered by token,
    as in :func:`term_frequencies`. Each distinct word is split once, so the syllables
    of a large corpus are never all in memory.

    Returns
    -------
    pandas.DataFrame
        ``level`` ("syllable" or "word"), ``rank``, ``term``, ``token``, ``count``.

    Examples
    --------
    >>> table = syllables_and_words([["tổ_chức", "chạy_chức", "cán_bộ"]], n_top=1)
    >>> table[["level", "term", "count"]].values.tolist()
    [['syllable', 'chức', 2], ['word', 'chạy chức', 1]]
    """
    docs, _ = token_lists(tokens_per_doc, name="tokens_per_doc", unique=False)
    n_top = check_positive_int(n_top, "n_top")
    words: Counter[str] = Counter()
    for doc in docs:
        words.update(doc)
    syllable_counts: Counter[str] = Counter()
    for token, count in words.items():  # each distinct word split once
        if is_word(token):
            for syllable in syllables(token):
                syllable_counts[syllable.lower()] += count
    parts = []
    for level, counts in (("syllable", syllable_counts), ("word", words)):
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n_top]
        tokens = [token for token, _ in top]
        parts.append(
            pd.DataFrame(
                {
                    "level": level,
                    "rank": np.arange(1, len(top) + 1),
                    "term": np.array(display_terms(tokens), dtype=object),
                    "token": np.array(tokens, dtype=object),
                    "count": np.array([count for _, count in top], dtype=np.int64),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def document_table(docs: Sequence[Document], tokens_per_doc: TokensInput) -> pd.DataFrame:
    """One row per document: its metadata and size, for the corpus overview.

    ``tokens_per_doc`` are the documents' words (punctuation dropped), aligned with
    ``docs``; as a mapping or ``(doc_id, tokens)`` pairs their ids must be the
    documents' ids, in the same order. Columns: ``doc_id, title, date, source, byline,
    paragraphs, syllables, words, distinct_words, lines_removed``.

    Examples
    --------
    >>> from corpus_tools.io import Document
    >>> doc = Document("a", title="Tin", paragraphs=("Bộ Chính trị họp.",))
    >>> document_table([doc], [["Bộ_Chính_trị", "họp"]])[["doc_id", "syllables", "words"]]
      doc_id  syllables  words
    0      a          4      2
    """
    given = _materialised(tokens_per_doc)
    lists, ids = token_lists(given, name="tokens_per_doc")
    if len(lists) != len(docs):
        raise CorpusError(
            f"got {len(docs)} documents but {len(lists)} token lists; tokenize the same "
            "documents, one token list each"
        )
    if carries_ids(given) and ids != [doc.doc_id for doc in docs]:
        raise CorpusError(
            "the token lists' ids are not the documents' ids in the same order; tokenize "
            "the same documents, one token list each"
        )
    return pd.DataFrame(
        {
            "doc_id": [doc.doc_id for doc in docs],
            "title": [doc.title for doc in docs],
            "date": [doc.date for doc in docs],
            "source": [doc.source for doc in docs],
            "byline": [doc.byline for doc in docs],
            "paragraphs": [len(doc.paragraphs) for doc in docs],
            "syllables": [sum(len(syllables(t)) for t in tokens if is_word(t)) for tokens in lists],
            "words": [sum(1 for t in tokens if is_word(t)) for tokens in lists],
            "distinct_words": [len({t.lower() for t in tokens if is_word(t)}) for tokens in lists],
            "lines_removed": [len(doc.removed) for doc in docs],
        }
    )
