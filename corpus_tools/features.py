"""Count, weigh and compare words: frequencies, document-term matrices, keyness,
collocations, concordances and document similarity.

Every function takes token lists as :func:`corpus_tools.tokenize.tokenize_corpus` returns
them (``list[list[str]]``, multi-syllable words joined by ``_``) and returns a tidy
:class:`pandas.DataFrame`, or a :mod:`scipy.sparse` matrix with its vocabulary. Nothing
builds a dense documents × vocabulary array, so the functions scale to large corpora.

Tables show each word twice: ``token`` as counted ("bộ_chính_trị") and ``term`` as readers
write it ("bộ chính trị", from :func:`~corpus_tools.tokenize.token_to_text`).

An empty document (``[]`` or ``""``) counts as a document with no tokens, and empty-string
tokens are ignored. Inputs that leave nothing to compare raise
:class:`~corpus_tools.errors.CorpusError` saying what to change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from numbers import Integral, Real
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.stats import chi2
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from .errors import CorpusError, DuplicateIdError
from .io import Document
from .normalize import normalize_text
from .segment import WORD_JOINER, token_to_text

__all__ = [
    "NgramAnalyzer",
    "collocations",
    "count_matrix",
    "document_similarity",
    "document_table",
    "document_term_matrix",
    "keyness",
    "keyness_by_document",
    "kwic",
    "make_vectorizer",
    "syllables_and_words",
    "term_frequencies",
    "tfidf_keyword_matrix",
    "token_analyzer",
    "top_tfidf_terms",
    "unify_case",
    "word_candidates",
]

Weighting = Literal["count", "tfidf"]
Level = Literal["word", "syllable"]
Measure = Literal["pmi", "llr"]

PER = 10_000
"""Relative frequencies are given per this many tokens (``per_10k`` columns)."""

CANDIDATE_MIN_LLR = 10.83
"""A syllable pair must reach this log-likelihood to be a ``candidate_word``: the
chi-square critical value for p = 0.001 with one degree of freedom."""

_TERM_FREQUENCY_COLUMNS = ["term", "token", "count", "per_10k", "doc_freq", "dp"]
_DOC_FREQUENCY_COLUMNS = ["doc_id", "term", "token", "count", "per_10k"]
_KEYNESS_COLUMNS = [
    "term",
    "token",
    "target_count",
    "reference_count",
    "target_per_10k",
    "reference_per_10k",
    "g2",
    "p_value",
    "log_ratio",
]
_COLLOCATION_COLUMNS = ["first", "second", "collocation", "count", "pmi", "llr"]
_CANDIDATE_COLUMNS = ["word", "collocation", "count", "pmi", "llr"]
_KWIC_COLUMNS = ["doc_id", "position", "left", "keyword", "right"]


# --------------------------------------------------------------------------- inputs


def _as_token_lists(tokens_per_doc: Iterable[Sequence[str]]) -> list[list[str]]:
    """Check the corpus shape; return one list per document without empty-string tokens."""
    if isinstance(tokens_per_doc, str):
        raise CorpusError(
            "tokens_per_doc is one string; tokenize the texts first "
            "(corpus_tools.tokenize.tokenize_corpus) and pass one token list per document"
        )
    docs: list[list[str]] = []
    for number, doc in enumerate(tokens_per_doc):
        if isinstance(doc, str):
            if doc.strip():
                raise CorpusError(
                    f"document {number} is a string, not a token list; pass a list of token "
                    "lists (wrap a single document's tokens as [tokens])"
                )
            docs.append([])
            continue
        docs.append([token for token in doc if token])
    return docs


def _flat_tokens(tokens: Iterable[str] | Iterable[Sequence[str]], name: str) -> list[str]:
    """Accept a flat token list or a list of token lists; return one flat list."""
    if isinstance(tokens, str):
        raise CorpusError(f"{name} is one string; pass a list of tokens or a list of token lists")
    items = list(tokens)
    if all(isinstance(item, str) for item in items):
        return [token for token in items if token]
    if any(isinstance(item, str) and item for item in items):
        raise CorpusError(
            f"{name} mixes tokens and token lists; pass either a flat list of tokens "
            "or a list of token lists"
        )
    return [token for doc in _as_token_lists(items) for token in doc]


def _check_doc_ids(doc_ids: Sequence[str] | None, n_docs: int) -> list[str]:
    if doc_ids is None:
        return [str(number) for number in range(n_docs)]
    if isinstance(doc_ids, str):
        raise CorpusError("doc_ids is one string; pass one id per document")
    ids = list(doc_ids)
    if len(ids) != n_docs:
        raise CorpusError(
            f"doc_ids holds {len(ids)} ids for {n_docs} documents; pass one id per document"
        )
    seen: dict[object, int] = {}
    for number, doc_id in enumerate(ids):
        if doc_id in seen:
            raise DuplicateIdError(
                f"documents {seen[doc_id]} and {number} share the id {doc_id!r}; "
                "give every document its own id"
            )
        seen[doc_id] = number
    return ids


def _check_positive_int(value: object, name: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral) or value < minimum:
        raise CorpusError(f"{name} must be a whole number >= {minimum}, not {value!r}")
    return int(value)


def _terms(tokens: Sequence[str]) -> list[str]:
    return [token_to_text(token) for token in tokens]


def _take(values: Sequence[object], index: np.ndarray) -> np.ndarray:
    """``values[index]`` for a list of strings (ids, display forms) without a Python loop."""
    return np.asarray(values, dtype=object)[index]


def _empty_frame(columns: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=dtypes.get(column, "str")) for column in columns})


# --------------------------------------------------------------------------- vectorizers


def token_analyzer(tokens: Iterable[str]) -> list[str]:
    """Return a document's tokens as they are, without empty strings.

    The ``analyzer`` of every vectorizer :func:`make_vectorizer` builds for single
    words. It is a module-level function so that fitted vectorizers pickle, and it
    replaces scikit-learn's ``token_pattern``, which drops one-letter words ("ở", "Ý").

    Examples
    --------
    >>> token_analyzer(["cán_bộ", "", "ở", "Ý"])
    ['cán_bộ', 'ở', 'Ý']
    """
    return [token for token in tokens if token]


@dataclass(frozen=True)
class NgramAnalyzer:
    """Analyzer giving a document's n-grams of tokens, joined by a space.

    Tokens never hold a space, so ``"chạy_chức chạy_quyền"`` is unambiguously the
    bigram of two words. A module-level class, so vectorizers that use it pickle.
    N-grams run over the tokens as given: if stopwords or punctuation were removed,
    they join words that were not adjacent in the text.

    Examples
    --------
    >>> NgramAnalyzer((1, 2))(["chống", "chạy_chức", "chạy_quyền"])
    ['chống', 'chạy_chức', 'chạy_quyền', 'chống chạy_chức', 'chạy_chức chạy_quyền']
    """

    ngram_range: tuple[int, int] = (1, 1)

    def __call__(self, tokens: Iterable[str]) -> list[str]:
        words = token_analyzer(tokens)
        low, high = self.ngram_range
        grams: list[str] = []
        for n in range(low, high + 1):
            if n == 1:
                grams.extend(words)
            else:
                grams.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
        return grams


def _check_ngram_range(ngram_range: tuple[int, int]) -> tuple[int, int]:
    try:
        low, high = ngram_range
    except (TypeError, ValueError):
        raise CorpusError(
            f"ngram_range must be a pair (min_n, max_n) such as (1, 2), not {ngram_range!r}"
        ) from None
    for value in (low, high):
        _check_positive_int(value, "each ngram_range bound")
    if low > high:
        raise CorpusError(
            f"ngram_range {ngram_range!r} has min_n > max_n; write it as (min_n, max_n)"
        )
    return int(low), int(high)


def _check_df(value: object, name: str) -> int | float:
    if isinstance(value, bool):
        raise CorpusError(f"{name} must be an int >= 1 or a float in [0, 1], not {value!r}")
    if isinstance(value, Integral):
        if value < 1:
            raise CorpusError(
                f"{name}={value!r}: an int counts documents and must be >= 1; "
                "for a proportion pass a float in [0, 1]"
            )
        return int(value)
    if isinstance(value, Real) and 0.0 <= value <= 1.0:
        return float(value)
    raise CorpusError(f"{name} must be an int >= 1 or a float in [0, 1], not {value!r}")


def make_vectorizer(
    *,
    weighting: Weighting = "count",
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    ngram_range: tuple[int, int] = (1, 1),
    sublinear_tf: bool = False,
) -> CountVectorizer | TfidfVectorizer:
    """Return an unfitted scikit-learn vectorizer for token lists.

    The one place where the package configures a vectorizer; :func:`document_term_matrix`
    and the topic models use it. Fit it on token lists (``list[list[str]]``).

    Parameters
    ----------
    weighting : {"count", "tfidf"}
        ``"count"`` gives a :class:`~sklearn.feature_extraction.text.CountVectorizer`,
        ``"tfidf"`` a :class:`~sklearn.feature_extraction.text.TfidfVectorizer` with
        scikit-learn's defaults: ``norm="l2"`` (documents of different lengths compare,
        and cosine similarity is a dot product), ``smooth_idf=True`` (idf = ln((1 + n) /
        (1 + df)) + 1, so a word in every document keeps weight 1 instead of 0) and
        ``use_idf=True``.
    min_df, max_df : int or float
        Keep words found in at least ``min_df`` and at most ``max_df`` documents; an int
        counts documents, a float is a proportion of them (scikit-learn's convention).
    ngram_range : tuple of int
        ``(min_n, max_n)`` token n-grams, via :class:`NgramAnalyzer`.
    sublinear_tf : bool
        Use 1 + ln(tf) instead of tf (only with ``"tfidf"``). Off by default, so scores
        are textbook tf·idf; turn it on to damp words repeated within a document.

    Returns
    -------
    CountVectorizer or TfidfVectorizer
        With ``analyzer=`` :func:`token_analyzer` or an :class:`NgramAnalyzer`, never the
        default ``token_pattern`` (which drops one-letter words such as "ở"), and
        ``lowercase=False``: case and stopwords are settled by the tokenizer.

    Examples
    --------
    >>> vectorizer = make_vectorizer(weighting="tfidf")
    >>> vectorizer.fit([["cán_bộ", "ở", "cơ_sở"], ["cán_bộ"]]).get_feature_names_out().tolist()
    ['cán_bộ', 'cơ_sở', 'ở']
    """
    if weighting not in ("count", "tfidf"):
        raise CorpusError(f"weighting must be 'count' or 'tfidf', not {weighting!r}")
    if sublinear_tf and weighting != "tfidf":
        raise CorpusError("sublinear_tf only applies to weighting='tfidf'; pass that too")
    low, high = _check_ngram_range(ngram_range)
    options = {
        "analyzer": token_analyzer if (low, high) == (1, 1) else NgramAnalyzer((low, high)),
        "lowercase": False,
        "token_pattern": None,
        "min_df": _check_df(min_df, "min_df"),
        "max_df": _check_df(max_df, "max_df"),
    }
    if weighting == "count":
        return CountVectorizer(**options)
    return TfidfVectorizer(
        **options, norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=sublinear_tf
    )


def _fit_matrix(
    vectorizer: CountVectorizer | TfidfVectorizer, docs: list[list[str]]
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Fit ``vectorizer`` on checked token lists, turning sklearn's errors into CorpusError."""
    if not docs:
        raise CorpusError("the corpus holds no documents; pass at least one token list")
    if not any(docs):
        raise CorpusError(
            f"all {len(docs)} documents are empty (no tokens, or only stopwords); "
            "check the texts, or tokenize with fewer stopwords or keep_numbers=True"
        )
    n_docs = len(docs)
    min_df, max_df = vectorizer.min_df, vectorizer.max_df
    min_docs = min_df if isinstance(min_df, Integral) else min_df * n_docs
    max_docs = max_df if isinstance(max_df, Integral) else max_df * n_docs
    if max_docs < min_docs:
        raise CorpusError(
            f"max_df={max_df!r} allows fewer documents than min_df={min_df!r} "
            f"over {n_docs} documents; lower min_df or raise max_df"
        )
    analyzer = vectorizer.analyzer
    low = analyzer.ngram_range[0] if isinstance(analyzer, NgramAnalyzer) else 1
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError:
        advice = "lower min_df or raise max_df"
        if low > 1:
            advice += f", or lower ngram_range's min_n ({low}: no document has {low} tokens?)"
        raise CorpusError(
            f"no terms are left after filtering with min_df={min_df!r} and max_df={max_df!r} "
            f"over {n_docs} documents; {advice}"
        ) from None
    return sp.csr_matrix(matrix), vectorizer.get_feature_names_out()


def document_term_matrix(
    tokens_per_doc: Iterable[Sequence[str]],
    *,
    weighting: Weighting = "count",
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    ngram_range: tuple[int, int] = (1, 1),
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Return the sparse documents × words matrix and its vocabulary.

    Parameters
    ----------
    tokens_per_doc : list of list of str
        One token list per document.
    weighting : {"count", "tfidf"}
        ``"count"`` (default): raw counts (int64), what topic models such as LDA expect
        and what every other weighting can be derived from. ``"tfidf"``: float64 tf·idf
        with scikit-learn's defaults, kept so that scores match its documentation:
        raw tf (``sublinear_tf=False``), smoothed idf ln((1 + n) / (1 + df)) + 1
        (``smooth_idf=True``: a word in every document keeps weight 1, not 0) and rows
        scaled to unit length (``norm="l2"``: long and short articles compare, and cosine
        similarity is a dot product). See :func:`make_vectorizer` for ``sublinear_tf``.
    min_df, max_df : int or float
        Keep words in at least ``min_df`` and at most ``max_df`` documents; an int counts
        documents, a float is a proportion of them (scikit-learn's convention). The
        defaults, 1 and 1.0, keep every word: on a handful of documents any cut removes
        most of the vocabulary, and stopwords are already gone (the tokenizer removes
        them), so ``max_df`` is not needed as a stopword filter.
    ngram_range : tuple of int
        ``(1, 1)`` (default) for words: tokens already hold multi-syllable words, so
        "bộ_chính_trị" needs no n-grams. ``(1, 2)`` adds token bigrams such as
        "chạy_chức chạy_quyền"; they run over the tokens as given, across removed
        stopwords.

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
        Documents in rows, vocabulary in columns.
    vocabulary : numpy.ndarray of str
        Tokens (n-grams joined by a space), sorted, one per column.

    Raises
    ------
    CorpusError
        When there are no documents, every document is empty (no tokens, or only
        stopwords), or no word survives ``min_df`` / ``max_df`` / ``ngram_range``.

    Examples
    --------
    >>> matrix, vocabulary = document_term_matrix([["cán_bộ", "ở", "cơ_sở", "cán_bộ"], ["Ý"]])
    >>> vocabulary.tolist()
    ['cán_bộ', 'cơ_sở', 'Ý', 'ở']
    >>> matrix.toarray().tolist()
    [[2, 1, 0, 1], [0, 0, 1, 0]]
    """
    docs = _as_token_lists(tokens_per_doc)
    vectorizer = make_vectorizer(
        weighting=weighting, min_df=min_df, max_df=max_df, ngram_range=ngram_range
    )
    return _fit_matrix(vectorizer, docs)


# --------------------------------------------------------------------------- frequencies


def _count_matrix(docs: list[list[str]]) -> tuple[sp.csr_matrix, np.ndarray]:
    matrix, vocabulary = _fit_matrix(make_vectorizer(), docs)
    return matrix.astype(np.int64), vocabulary


def term_frequencies(
    tokens_per_doc: Iterable[Sequence[str]],
    *,
    by_doc: bool = False,
    doc_ids: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Count every word: how often, how widely, and how evenly across documents.

    Parameters
    ----------
    tokens_per_doc : list of list of str
        One token list per document.
    by_doc : bool
        ``False``: one row per word over the corpus. ``True``: one row per word and
        document, with ``per_10k`` relative to that document's length.
    doc_ids : sequence of str, optional
        Document ids; default ``"0"``, ``"1"``, ….

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
    >>> term_frequencies([["cán_bộ", "đảng"], []], by_doc=True, doc_ids=["a", "b"])
      doc_id    term   token  count  per_10k
    0      a  cán bộ  cán_bộ      1   5000.0
    1      a    đảng    đảng      1   5000.0
    """
    docs = _as_token_lists(tokens_per_doc)
    ids = _check_doc_ids(doc_ids, len(docs))
    if not any(docs):
        if by_doc:
            return _empty_frame(_DOC_FREQUENCY_COLUMNS, {"count": "int64", "per_10k": "float64"})
        return _empty_frame(
            _TERM_FREQUENCY_COLUMNS,
            {"count": "int64", "per_10k": "float64", "doc_freq": "int64", "dp": "float64"},
        )
    matrix, vocabulary = _count_matrix(docs)
    lengths = np.asarray(matrix.sum(axis=1)).ravel()
    coo = matrix.tocoo()
    rows, cols, counts = coo.row, coo.col, coo.data

    if by_doc:
        order = np.lexsort((cols, -counts, rows))  # doc, then count desc, then token
        rows, cols, counts = rows[order], cols[order], counts[order]
        return pd.DataFrame(
            {
                "doc_id": _take(ids, rows),
                "term": _take(_terms(vocabulary), cols),
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
            "term": _terms(tokens),
            "token": tokens,
            "count": totals[order].astype(np.int64),
            "per_10k": totals[order] / lengths.sum() * PER,
            "doc_freq": doc_freq[order].astype(np.int64),
            "dp": dp[order],
        }
    )


def top_tfidf_terms(
    tokens_per_doc: Iterable[Sequence[str]],
    *,
    n_top: int = 10,
    doc_ids: Sequence[str] | None = None,
    min_df: int | float = 1,
    max_df: int | float = 1.0,
) -> pd.DataFrame:
    """Return each document's ``n_top`` words with the highest tf·idf.

    Weights come from :func:`document_term_matrix` with ``weighting="tfidf"`` (raw tf,
    smoothed idf, l2-normalised rows). Equal scores are ordered by token, so the output
    is deterministic. Empty documents have no rows.

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
    n_top = _check_positive_int(n_top, "n_top")
    docs = _as_token_lists(tokens_per_doc)
    ids = _check_doc_ids(doc_ids, len(docs))
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
            "doc_id": _take(ids, rows[keep]),
            "rank": ranks[keep].astype(np.int64),
            "term": _take(_terms(vocabulary), cols[keep]),
            "token": vocabulary[cols[keep]],
            "score": scores[keep],
        }
    )


# --------------------------------------------------------------------------- keyness


def _g2(o11: np.ndarray, o12: np.ndarray, o21: np.ndarray, o22: np.ndarray) -> np.ndarray:
    """Return G² = 2 Σ O ln(O / E) of 2 × 2 tables [[o11, o12], [o21, o22]] (arrays)."""
    observed = np.stack([o11, o12, o21, o22]).astype(np.float64)
    total = observed.sum(axis=0)
    row1, row2 = observed[0] + observed[1], observed[2] + observed[3]
    col1, col2 = observed[0] + observed[2], observed[1] + observed[3]
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.stack([row1 * col1, row1 * col2, row2 * col1, row2 * col2]) / total
        cells = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return np.maximum(2.0 * cells.sum(axis=0), 0.0)


def _keyness_columns(
    target_count: np.ndarray,
    reference_count: np.ndarray,
    target_size: np.ndarray | float,
    reference_size: np.ndarray | float,
) -> dict[str, np.ndarray]:
    a = np.asarray(target_count, dtype=np.float64)
    b = np.asarray(reference_count, dtype=np.float64)
    c = np.broadcast_to(np.asarray(target_size, dtype=np.float64), a.shape)
    d = np.broadcast_to(np.asarray(reference_size, dtype=np.float64), a.shape)
    g2 = _g2(a, b, c - a, d - b)
    g2 = np.where(a * d < b * c, -g2, g2)
    smoothed_a, smoothed_b = np.where(a > 0, a, 0.5), np.where(b > 0, b, 0.5)
    return {
        "target_count": np.asarray(target_count, dtype=np.int64),
        "reference_count": np.asarray(reference_count, dtype=np.int64),
        "target_per_10k": a / c * PER,
        "reference_per_10k": b / d * PER,
        "g2": g2,
        "p_value": chi2.sf(np.abs(g2), 1),
        "log_ratio": np.log2((smoothed_a / c) / (smoothed_b / d)),
    }


def keyness(
    target_tokens: Iterable[str] | Iterable[Sequence[str]],
    reference_tokens: Iterable[str] | Iterable[Sequence[str]],
    *,
    min_count: int = 2,
) -> pd.DataFrame:
    """Compare word frequencies in a target against a reference corpus.

    Each argument is a flat token list or a list of token lists, so one document, a
    group of documents or a whole corpus can stand on either side (group against group:
    ``keyness(tokens[:2], tokens[2:])``).

    Parameters
    ----------
    target_tokens, reference_tokens : list of str or list of list of str
        The two corpora; neither may be empty.
    min_count : int
        Report only words found at least this often in the target. The default, 2, leaves
        out words used once: a single use cannot show that a word characterises a text,
        and in a short article the many hapaxes (all with the same G²) would crowd out
        the words it repeats.

    Returns
    -------
    pandas.DataFrame
        One row per target word: ``term, token, target_count, reference_count,
        target_per_10k, reference_per_10k, g2, p_value, log_ratio``, sorted by ``g2``
        descending then ``token``.

        ``g2`` is Dunning's (1993) log-likelihood G² of the 2 × 2 table (word / other
        words × target / reference), signed negative when the word is relatively rarer
        in the target. ``p_value`` is its chi-square tail with one degree of freedom (no
        continuity correction; unreliable for very small counts). ``log_ratio`` is
        Hardie's (2014) effect size, log2 of the ratio of relative frequencies: +1 means
        twice as frequent in the target. A zero reference count is replaced by 0.5, so
        a word absent from the reference gets a finite, comparable value.

    Examples
    --------
    >>> target = ["ở", "ở", "đảng", "đảng"]
    >>> reference = [["đảng", "đảng"], ["đảng", "đảng"]]
    >>> keyness(target, reference)[["token", "target_count", "reference_count", "g2", "log_ratio"]]
      token  target_count  reference_count        g2  log_ratio
    0     ở             2                0  3.452...        2.0
    1  đảng             2                4 -3.452...       -1.0
    """
    min_count = _check_positive_int(min_count, "min_count")
    target = _flat_tokens(target_tokens, "target_tokens")
    reference = _flat_tokens(reference_tokens, "reference_tokens")
    if not target:
        raise CorpusError("target_tokens holds no tokens; pass the words of the target corpus")
    if not reference:
        raise CorpusError(
            "reference_tokens holds no tokens; compare against a non-empty reference corpus"
        )
    target_counts = Counter(target)
    reference_counts = Counter(reference)
    tokens = np.array(sorted(t for t, n in target_counts.items() if n >= min_count), dtype=object)
    if not len(tokens):
        return _empty_frame(
            _KEYNESS_COLUMNS,
            {c: "int64" for c in ("target_count", "reference_count")}
            | {c: "float64" for c in _KEYNESS_COLUMNS[4:]},
        )
    columns = _keyness_columns(
        np.array([target_counts[t] for t in tokens]),
        np.array([reference_counts.get(t, 0) for t in tokens]),
        len(target),
        len(reference),
    )
    order = np.lexsort((np.arange(len(tokens)), -columns["g2"]))
    table = pd.DataFrame({"term": _terms(tokens[order]), "token": tokens[order].astype(str)})
    for name, values in columns.items():
        table[name] = values[order]
    return table


def keyness_by_document(
    tokens_per_doc: Iterable[Sequence[str]],
    doc_ids: Sequence[str] | None = None,
    *,
    n_top: int | None = None,
    min_count: int = 2,
) -> pd.DataFrame:
    """Compare each document against all the others together (one against the rest).

    Parameters
    ----------
    tokens_per_doc : list of list of str
        At least two documents with tokens.
    doc_ids : sequence of str, optional
        Document ids; default ``"0"``, ``"1"``, ….
    n_top : int, optional
        Keep each document's ``n_top`` rows with the highest ``g2``; ``None`` keeps all.
    min_count : int
        Report only words found at least this often in the document (default 2, as in
        :func:`keyness`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` followed by the columns of :func:`keyness`, in document order and by
        ``g2`` descending then ``token`` within each document.

    Examples
    --------
    >>> docs = [["ở", "ở", "đảng", "đảng"], ["đảng", "đảng", "đảng", "đảng"]]
    >>> keyness_by_document(docs, ["a", "b"], n_top=1)[["doc_id", "token", "g2"]]
      doc_id token        g2
    0      a     ở  3.452...
    1      b  đảng  3.452...
    """
    if n_top is not None:
        n_top = _check_positive_int(n_top, "n_top")
    min_count = _check_positive_int(min_count, "min_count")
    docs = _as_token_lists(tokens_per_doc)
    ids = _check_doc_ids(doc_ids, len(docs))
    if sum(1 for doc in docs if doc) < 2:
        raise CorpusError(
            f"keyness_by_document compares each document with the rest, so it needs at least "
            f"two documents with tokens ({sum(map(bool, docs))} of {len(docs)} have any); "
            "add documents, or use keyness() against a reference corpus"
        )
    matrix, vocabulary = _count_matrix(docs)
    lengths = np.asarray(matrix.sum(axis=1)).ravel()
    totals = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    keep = coo.data >= min_count
    rows, cols, counts = coo.row[keep], coo.col[keep], coo.data[keep]
    columns = _keyness_columns(
        counts, totals[cols] - counts, lengths[rows], lengths.sum() - lengths[rows]
    )
    order = np.lexsort((cols, -columns["g2"], rows))
    rows, cols = rows[order], cols[order]
    if n_top is not None:
        ranks = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
        order, rows, cols = order[ranks < n_top], rows[ranks < n_top], cols[ranks < n_top]
    table = pd.DataFrame(
        {
            "doc_id": _take(ids, rows),
            "term": _take(_terms(vocabulary), cols),
            "token": vocabulary[cols],
        }
    )
    for name, values in columns.items():
        table[name] = values[order]
    return table


def unify_case(tokens_per_doc: Iterable[Sequence[str]]) -> list[list[str]]:
    """Give every word one written form: its most frequent one in the corpus.

    Counting then merges "Công tác" at the start of a sentence with "công tác", as
    lowercasing would, but tables and figures show "Bộ Chính trị", "Đảng" and
    "Phạm Minh Chính" as the texts write them. Ties go to the form with fewer capitals.

    Examples
    --------
    >>> unify_case([["Bộ_Chính_trị", "Công_tác"], ["bộ_chính_trị", "công_tác", "Bộ_Chính_trị"]])
    [['Bộ_Chính_trị', 'công_tác'], ['Bộ_Chính_trị', 'công_tác', 'Bộ_Chính_trị']]
    """
    docs = _as_token_lists(tokens_per_doc)
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
    return [[form[token.lower()] for token in doc] for doc in docs]


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


def tfidf_keyword_matrix(
    tokens_per_doc: Iterable[Sequence[str]],
    *,
    doc_ids: Sequence[str] | None = None,
    n_top: int = 5,
) -> pd.DataFrame:
    """Documents × keywords: the tf·idf of every document's ``n_top`` keywords in every document.

    The columns are the union of each document's top keywords (from
    :func:`top_tfidf_terms`), in document order; the table is small and dense by
    construction, ready for a heatmap.

    Examples
    --------
    >>> table = tfidf_keyword_matrix([["cán_bộ", "ở"], ["đảng", "ở"]], doc_ids=["a", "b"], n_top=1)
    >>> table.columns.tolist(), table.index.tolist()
    (['cán_bộ', 'đảng'], ['a', 'b'])
    """
    docs = _as_token_lists(tokens_per_doc)
    ids = _check_doc_ids(doc_ids, len(docs))
    keywords = top_tfidf_terms(docs, n_top=n_top, doc_ids=ids)
    columns = list(dict.fromkeys(keywords["token"]))
    matrix, vocabulary = document_term_matrix(docs, weighting="tfidf")
    positions = np.searchsorted(vocabulary, columns)
    values = matrix[:, positions].toarray()
    return pd.DataFrame(values, index=pd.Index(ids, name="doc_id"), columns=columns)


def syllables_and_words(
    tokens_per_doc: Iterable[Sequence[str]], *, n_top: int = 15
) -> pd.DataFrame:
    """The most frequent syllables beside the most frequent words, to show what
    segmentation changes: "chức" counted alone hides "tổ chức", "chạy chức", "chức vụ".
    Syllables are lowercased; words are counted as given.

    Returns
    -------
    pandas.DataFrame
        ``unit`` ("syllable" or "word"), ``rank``, ``term``, ``token``, ``count``.

    Examples
    --------
    >>> table = syllables_and_words([["tổ_chức", "chạy_chức", "cán_bộ"]], n_top=1)
    >>> table[["unit", "term", "count"]].values.tolist()
    [['syllable', 'chức', 2], ['word', 'chạy chức', 1]]
    """
    docs = _as_token_lists(tokens_per_doc)
    syllable_docs = [
        [s.lower() for token in doc if _is_word(token) for s in _syllables(token)] for doc in docs
    ]
    parts = []
    for unit, unit_docs in (("syllable", syllable_docs), ("word", docs)):
        table = term_frequencies(unit_docs).head(n_top)
        parts.append(
            pd.DataFrame(
                {
                    "unit": unit,
                    "rank": np.arange(1, len(table) + 1),
                    "term": table["term"].to_numpy(),
                    "token": table["token"].to_numpy(),
                    "count": table["count"].to_numpy(),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def document_table(
    docs: Sequence[Document], tokens_per_doc: Iterable[Sequence[str]]
) -> pd.DataFrame:
    """One row per document: its metadata and size, for the corpus overview.

    ``tokens_per_doc`` are the documents' words (punctuation dropped), aligned with
    ``docs``. Columns: ``doc_id, title, date, source, byline, paragraphs, syllables,
    words, distinct_words, lines_removed``.

    Examples
    --------
    >>> from corpus_tools.io import Document
    >>> doc = Document("a", title="Tin", paragraphs=("Bộ Chính trị họp.",))
    >>> document_table([doc], [["Bộ_Chính_trị", "họp"]])[["doc_id", "syllables", "words"]]
      doc_id  syllables  words
    0      a          4      2
    """
    token_lists = _as_token_lists(tokens_per_doc)
    if len(token_lists) != len(docs):
        raise CorpusError(
            f"got {len(docs)} documents but {len(token_lists)} token lists; tokenize the same "
            "documents, one token list each"
        )
    return pd.DataFrame(
        {
            "doc_id": [doc.doc_id for doc in docs],
            "title": [doc.title for doc in docs],
            "date": [doc.date for doc in docs],
            "source": [doc.source for doc in docs],
            "byline": [doc.byline for doc in docs],
            "paragraphs": [len(doc.paragraphs) for doc in docs],
            "syllables": [
                sum(len(_syllables(t)) for t in tokens if _is_word(t)) for tokens in token_lists
            ],
            "words": [sum(1 for t in tokens if _is_word(t)) for tokens in token_lists],
            "distinct_words": [
                len({t.lower() for t in tokens if _is_word(t)}) for tokens in token_lists
            ],
            "lines_removed": [len(doc.removed) for doc in docs],
        }
    )


# --------------------------------------------------------------------------- collocations


@lru_cache(maxsize=1 << 16)
def _is_word(token: str) -> bool:
    """A token that holds a letter or digit (not punctuation, not a run of ``_``)."""
    return any(char.isalnum() for char in token)


def _has_letter(syllable: str) -> bool:
    return any(char.isalpha() for char in syllable)


def _syllables(token: str) -> list[str]:
    return [syllable for syllable in token.split(WORD_JOINER) if syllable]


@lru_cache(maxsize=1 << 16)
def _edges(token: str) -> tuple[str, str]:
    """A word token's first and last syllables."""
    syllables = _syllables(token)
    return syllables[0], syllables[-1]


def _pair_counts(
    docs: list[list[str]], level: Level
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Count adjacent pairs; never pair across a document edge or a punctuation token.

    Returns all pairs, the pairs inside one token (syllable level) and the adjacent
    token pairs (at a word boundary; at word level these are all the pairs).
    """
    pairs: Counter[tuple[str, str]] = Counter()
    within: Counter[tuple[str, str]] = Counter()
    crossings: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        previous: str | None = None
        for token in doc:
            if not _is_word(token):
                previous = None
                continue
            if previous is not None:
                crossings[previous, token] += 1
            previous = token
    if level == "word":
        return crossings, within, crossings
    for (left, right), n in crossings.items():
        pairs[_edges(left)[1], _edges(right)[0]] += n
    for token, n in Counter(token for doc in docs for token in doc if _is_word(token)).items():
        for pair in pairwise(_syllables(token)):
            within[pair] += n
    pairs.update(within)
    return pairs, within, crossings


def _association(
    pairs: Counter[tuple[str, str]], keys: list[tuple[str, str]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return counts, PMI and LLR of ``keys`` among all ``pairs``."""
    first_totals: Counter[str] = Counter()
    second_totals: Counter[str] = Counter()
    for (first, second), n in pairs.items():
        first_totals[first] += n
        second_totals[second] += n
    total = sum(pairs.values())
    n_xy = np.array([pairs[key] for key in keys], dtype=np.float64)
    n_x = np.array([first_totals[first] for first, _ in keys], dtype=np.float64)
    n_y = np.array([second_totals[second] for _, second in keys], dtype=np.float64)
    pmi = np.log2(n_xy * total / (n_x * n_y))
    llr = _g2(n_xy, n_x - n_xy, n_y - n_xy, total - n_x - n_y + n_xy)
    return n_xy.astype(np.int64), pmi, llr


def collocations(
    tokens_per_doc: Iterable[Sequence[str]],
    *,
    level: Level = "word",
    measure: Measure = "pmi",
    min_count: int = 3,
) -> pd.DataFrame:
    """Score adjacent pairs of words (or syllables) by how strongly they attract.

    Pairs never span two documents or a punctuation token, so pass tokens from
    ``tokenize(..., keep_punct=True)`` to respect sentence and clause breaks. Removing
    stopwords first makes words adjacent that were not: for ``level="syllable"`` (finding
    words the segmenter missed) tokenize without stopwords.

    Parameters
    ----------
    tokens_per_doc : list of list of str
        One token list per document.
    level : {"word", "syllable"}
        Pair adjacent tokens, or adjacent syllables (a token "a_b" gives "a", "b").
    measure : {"pmi", "llr"}
        The column to sort by (both are always given).
    min_count : int
        Report only pairs seen at least this often. PMI overrates rare pairs, so keep it
        at 3 or more.

    Returns
    -------
    pandas.DataFrame
        ``first, second, collocation, count, pmi, llr``, sorted by ``measure``
        descending, then ``count``, ``first``, ``second``. ``pmi`` is log2 of
        ``count · N / (n_first · n_second)``, where N is the number of pairs and
        ``n_first`` (``n_second``) how often the word opens (closes) a pair. ``llr`` is
        Dunning's G² of the same 2 × 2 table (unsigned: check ``pmi > 0`` for
        attraction). At ``level="syllable"`` two more columns: ``within_word`` (the pair
        occurs inside one token) and ``candidate_word``: the pair crossed a word boundary
        at least ``min_count`` times, both syllables hold a letter (not "năm 2020"),
        ``pmi > 0`` and ``llr >=`` :data:`CANDIDATE_MIN_LLR`: a word the segmenter may
        have missed (see :func:`word_candidates`).

    Examples
    --------
    >>> docs = [["cán_bộ", "đảng_viên", ",", "cán_bộ", "đảng_viên", "cán_bộ"]]
    >>> collocations(docs, min_count=2)
        first     second       collocation  count       pmi       llr
    0  cán_bộ  đảng_viên  cán bộ đảng viên      2  0.584963  3.819085
    >>> columns = ["collocation", "count", "pmi", "within_word", "candidate_word"]
    >>> collocations(docs, level="syllable", min_count=2)[columns]
      collocation  count       pmi  within_word  candidate_word
    0     bộ đảng      2  2.000000        False           False
    1   đảng viên      2  2.000000         True           False
    2      cán bộ      3  1.415037         True           False
    """
    if level not in ("word", "syllable"):
        raise CorpusError(f"level must be 'word' or 'syllable', not {level!r}")
    if measure not in ("pmi", "llr"):
        raise CorpusError(f"measure must be 'pmi' or 'llr', not {measure!r}")
    min_count = _check_positive_int(min_count, "min_count")
    docs = _as_token_lists(tokens_per_doc)
    pairs, within, _ = _pair_counts(docs, level)
    return _collocation_table(pairs, within, level, measure, min_count)


def _collocation_table(
    pairs: Counter[tuple[str, str]],
    within: Counter[tuple[str, str]],
    level: Level,
    measure: Measure,
    min_count: int,
) -> pd.DataFrame:
    columns = list(_COLLOCATION_COLUMNS)
    if level == "syllable":
        columns += ["within_word", "candidate_word"]
    keys = sorted(key for key, n in pairs.items() if n >= min_count)
    if not keys:
        dtypes = {"count": "int64", "pmi": "float64", "llr": "float64"}
        return _empty_frame(columns, dtypes | {"within_word": "bool", "candidate_word": "bool"})
    counts, pmi, llr = _association(pairs, keys)
    table = pd.DataFrame(
        {
            "first": [first for first, _ in keys],
            "second": [second for _, second in keys],
            "collocation": [f"{token_to_text(a)} {token_to_text(b)}" for a, b in keys],
            "count": counts,
            "pmi": pmi,
            "llr": llr,
        }
    )
    if level == "syllable":
        boundary = counts - np.array([within[key] for key in keys], dtype=np.int64)
        table["within_word"] = np.array([within[key] > 0 for key in keys], dtype=bool)
        letters = np.array([_has_letter(a) and _has_letter(b) for a, b in keys], dtype=bool)
        table["candidate_word"] = (
            letters & (boundary >= min_count) & (pmi > 0) & (llr >= CANDIDATE_MIN_LLR)
        )
    # keys are sorted by (first, second): their position is the last tie-breaker.
    order = np.lexsort((np.arange(len(keys)), -counts, -table[measure].to_numpy()))
    return table.iloc[order].reset_index(drop=True)


def word_candidates(
    tokens_per_doc: Iterable[Sequence[str]], *, min_count: int = 3, n_top: int = 20
) -> pd.DataFrame:
    """Suggest multi-syllable words the segmenter split, for the user word list.

    Takes the ``candidate_word`` syllable pairs of :func:`collocations` and, for each,
    the two whole tokens it most often joined across a boundary: a pair "chức" + "chạy"
    inside "chạy_chức" + "chạy_quyền" suggests "chạy chức chạy quyền", never the
    fragment "chức chạy". Tokenize with ``keep_punct=True`` and no stopwords. Review the
    list before use: frequent phrases qualify as well as missed words.

    Returns
    -------
    pandas.DataFrame
        ``word, collocation, count, pmi, llr``: ``word`` (syllables separated by spaces)
        is ready for ``tokenize(text, user_words=load_user_words() + tuple(words))``;
        ``collocation`` is the syllable pair and ``count`` how often ``word`` was split.
        Sorted by ``llr`` descending, at most ``n_top`` rows.

    Examples
    --------
    >>> docs = [["chạy", "chức", "là", "sai", "."], ["chống", "chạy", "chức", "ở", "cơ_sở"],
    ...         ["chạy", "chức", "bị", "kỷ_luật"]]
    >>> word_candidates(docs, min_count=3)
            word collocation  count  pmi        llr
    0  chạy chức   chạy chức      3  2.0  13.496043
    """
    min_count = _check_positive_int(min_count, "min_count")
    n_top = _check_positive_int(n_top, "n_top")
    docs = _as_token_lists(tokens_per_doc)
    pairs, within, crossings = _pair_counts(docs, "syllable")
    table = _collocation_table(pairs, within, "syllable", "llr", min_count)
    table = table[table["candidate_word"]]
    wanted = set(zip(table["first"], table["second"], strict=True))
    best: dict[tuple[str, str], tuple[int, str, str]] = {}
    for (left, right), n in crossings.items():
        key = (_edges(left)[1], _edges(right)[0])
        if key in wanted:
            current = best.get(key)
            # the most frequent token pair; ties go to the first in sorted order
            if current is None or (-n, left, right) < (-current[0], current[1], current[2]):
                best[key] = (n, left, right)
    rows = []
    for first, second, collocation, pmi, llr in table[
        ["first", "second", "collocation", "pmi", "llr"]
    ].itertuples(index=False):
        n, left, right = best[first, second]
        word = f"{token_to_text(left)} {token_to_text(right)}"
        rows.append((word, collocation, n, pmi, llr))
    result = pd.DataFrame(rows, columns=_CANDIDATE_COLUMNS)
    if result.empty:
        return _empty_frame(
            _CANDIDATE_COLUMNS, {"count": "int64", "pmi": "float64", "llr": "float64"}
        )
    result = result.drop_duplicates("word").head(n_top).reset_index(drop=True)
    return result.astype({"count": "int64"})


# --------------------------------------------------------------------------- concordance


@lru_cache(maxsize=1 << 16)
def _match_key(token: str) -> tuple[str, ...]:
    """A token or term as lowercased canonical syllables (``"Chạy_chức"`` → chạy, chức)."""
    if not token.strip(WORD_JOINER + " "):
        return (token.strip(" "),) if token.strip(" ") else ()
    return tuple(normalize_text(token.replace(WORD_JOINER, " ")).lower().split())


def kwic(
    tokens_per_doc: Iterable[Sequence[str]],
    term: str,
    *,
    window: int = 8,
    doc_ids: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Find every occurrence of a word or phrase, with the words around it (key word in context).

    Parameters
    ----------
    tokens_per_doc : list of list of str
        One token list per document.
    term : str
        A word or phrase, with spaces or ``_`` between syllables, in any case, Unicode
        form or tone-mark placement ("Chạy chức", "chạy_chức", "hoà" = "hòa"). It matches
        whole tokens only: "chức" does not match inside "chạy_chức", while "chạy chức
        chạy quyền" matches the tokens "chạy_chức", "chạy_quyền" as well as the single
        token "chạy_chức_chạy_quyền".
    window : int
        How many tokens to show on each side.
    doc_ids : sequence of str, optional
        Document ids; default ``"0"``, ``"1"``, ….

    Returns
    -------
    pandas.DataFrame
        ``doc_id, position, left, keyword, right``: ``position`` is the index of the
        first matched token in its document; the text columns show tokens with spaces.
        Empty (with these columns) when the term never occurs.

    Examples
    --------
    >>> docs = [["chống", "chạy_chức", "chạy_quyền", "ở", "cơ_sở"], ["chức", "vụ"]]
    >>> kwic(docs, "Chạy chức chạy quyền", window=2)
      doc_id  position  left              keyword    right
    0      0         1  chống  chạy chức chạy quyền  ở cơ sở
    >>> kwic(docs, "chức", window=1)
      doc_id  position left keyword right
    0      1         0         chức    vụ
    """
    window = _check_positive_int(window, "window", minimum=0)
    if not isinstance(term, str):
        raise CorpusError(f"term must be a string such as 'cán bộ', not {term!r}")
    target = _match_key(term.strip())
    if not target:
        raise CorpusError("term is empty; pass a word or phrase such as 'cán bộ'")
    docs = _as_token_lists(tokens_per_doc)
    ids = _check_doc_ids(doc_ids, len(docs))
    rows = []
    size = len(target)
    for doc_id, doc in zip(ids, docs, strict=True):
        keys = [_match_key(token) for token in doc]
        for start, key in enumerate(keys):
            if not key or key[0] != target[0]:
                continue
            matched: tuple[str, ...] = ()
            end = start
            while end < len(doc) and len(matched) < size:
                matched += keys[end]
                end += 1
                if matched != target[: len(matched)]:
                    break
            if matched != target:
                continue
            rows.append(
                (
                    doc_id,
                    start,
                    " ".join(_terms(doc[max(0, start - window) : start])),
                    " ".join(_terms(doc[start:end])),
                    " ".join(_terms(doc[end : end + window])),
                )
            )
    if not rows:
        return _empty_frame(_KWIC_COLUMNS, {"position": "int64"})
    return pd.DataFrame(rows, columns=_KWIC_COLUMNS).astype({"position": "int64"})


# --------------------------------------------------------------------------- similarity


def document_similarity(
    tokens_per_doc: Iterable[Sequence[str]],
    *,
    doc_ids: Sequence[str] | None = None,
    min_df: int | float = 1,
) -> pd.DataFrame:
    """Return the cosine similarity of every pair of documents over tf·idf weights.

    Weights come from :func:`document_term_matrix` (``weighting="tfidf"``); the matrix
    stays sparse, but the result is documents × documents (8 bytes per cell): for very
    many documents, query neighbours from the sparse matrix instead.

    Returns
    -------
    pandas.DataFrame
        Square, index and columns the document ids; 1 on the diagonal, 0 for documents
        sharing no word. An empty document is 0 everywhere, its diagonal included.

    Examples
    --------
    >>> docs = [["cán_bộ", "đảng"], ["cán_bộ", "đảng"], ["ở", "cơ_sở"]]
    >>> document_similarity(docs, doc_ids=["a", "b", "c"])
    doc_id    a    b    c
    doc_id
    a       1.0  1.0  0.0
    b       1.0  1.0  0.0
    c       0.0  0.0  1.0
    """
    docs = _as_token_lists(tokens_per_doc)
    ids = _check_doc_ids(doc_ids, len(docs))
    if len(docs) < 2:
        raise CorpusError(
            f"document_similarity compares documents, so it needs at least two "
            f"(got {len(docs)}); add documents or split them with tokenize_corpus(unit=...)"
        )
    matrix, _ = document_term_matrix(docs, weighting="tfidf", min_df=min_df)
    similarity = np.clip(cosine_similarity(matrix, dense_output=True), 0.0, 1.0)
    non_empty = np.diff(matrix.indptr) > 0
    similarity[np.diag_indices_from(similarity)] = np.where(non_empty, 1.0, 0.0)
    index = pd.Index(ids, name="doc_id")
    return pd.DataFrame(similarity, index=index, columns=index.copy())
