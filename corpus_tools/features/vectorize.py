"""Token lists as vectors: vectorizers, document-term matrices and document similarity.

The one place where the package configures a scikit-learn vectorizer
(:func:`make_vectorizer`) and fits it (:func:`fit_vectorizer`); the frequency tables,
keyness and the topic models all build their matrices here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from ..errors import CorpusError
from ..types import TokenLists, TokensInput
from ..validation import check_positive_int, token_lists

__all__ = [
    "NgramAnalyzer",
    "document_similarity",
    "document_term_matrix",
    "fit_vectorizer",
    "make_vectorizer",
    "row_positions",
    "token_analyzer",
]

Weighting = Literal["count", "tfidf"]


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
        check_positive_int(value, "each ngram_range bound")
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
    if isinstance(value, Real) and 0.0 <= float(value) <= 1.0:
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
    and the topic models use it. Fit it on token lists (``list[list[str]]``), best with
    :func:`fit_vectorizer`.

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


def _as_count(value: int | float, n_docs: int) -> str:
    """A min_df / max_df value as a number of documents, as scikit-learn reads it."""
    return str(value) if isinstance(value, Integral) else f"{value * n_docs:g}"


def fit_vectorizer(
    vectorizer: CountVectorizer | TfidfVectorizer,
    docs: TokenLists,
    *,
    noun: str = "documents",
    error: type[CorpusError] = CorpusError,
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Fit ``vectorizer`` on token lists; return the sparse matrix and its vocabulary.

    Internal API, shared by :func:`document_term_matrix` and the topic models: the one
    place that turns scikit-learn's errors about an empty vocabulary, or a ``max_df``
    that allows fewer documents than ``min_df``, into a message saying what to change.

    Parameters
    ----------
    vectorizer : CountVectorizer or TfidfVectorizer
        Unfitted, as :func:`make_vectorizer` builds it; it is fitted in place.
    docs : list of list of str
        Checked token lists (:func:`corpus_tools.validation.token_lists`).
    noun : str
        What one token list is, in the plural, for messages: ``"documents"``, ``"units"``.
    error : type
        :class:`~corpus_tools.errors.CorpusError` or the subclass to raise, such as
        :class:`~corpus_tools.errors.TopicModelError`.

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
        Token lists in rows, vocabulary in columns.
    vocabulary : numpy.ndarray of str
        The vectorizer's terms, one per column.

    Raises
    ------
    CorpusError
        Or ``error``: no token lists, all of them empty, ``max_df`` below ``min_df``, or
        no term left after ``min_df`` / ``max_df`` / ``ngram_range``.

    Examples
    --------
    >>> matrix, vocabulary = fit_vectorizer(make_vectorizer(), [["cán_bộ", "ở"], ["cán_bộ"]])
    >>> vocabulary.tolist(), matrix.toarray().tolist()
    (['cán_bộ', 'ở'], [[1, 1], [1, 0]])
    >>> fit_vectorizer(make_vectorizer(min_df=3), [["cán_bộ"], ["cán_bộ"]])
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusError: max_df=1.0 allows terms in at most 2 of the 2 documents, ...
    """
    n_docs = len(docs)
    if not n_docs:
        raise error(f"the corpus holds no {noun}; pass at least one token list")
    if not any(docs):
        raise error(
            f"all {n_docs} {noun} are empty (no tokens, or only stopwords); "
            "check the texts, or tokenize with fewer stopwords or keep_numbers=True"
        )
    min_df, max_df = vectorizer.min_df, vectorizer.max_df
    min_docs = min_df if isinstance(min_df, Integral) else min_df * n_docs
    max_docs = max_df if isinstance(max_df, Integral) else max_df * n_docs
    if max_docs < min_docs:
        raise error(
            f"max_df={max_df!r} allows terms in at most {_as_count(max_df, n_docs)} of the "
            f"{n_docs} {noun}, fewer than min_df={min_df!r} asks for "
            f"({_as_count(min_df, n_docs)}); raise max_df or lower min_df"
        )
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError as caught:  # sklearn's InvalidParameterError is a ValueError too
        text = str(caught)
        if "no terms remain" not in text and "empty vocabulary" not in text:
            raise error(f"cannot build the vocabulary ({text}); check min_df and max_df") from None
        advice = "lower min_df (e.g. min_df=1) or raise max_df (e.g. max_df=1.0)"
        analyzer = vectorizer.analyzer
        low = analyzer.ngram_range[0] if isinstance(analyzer, NgramAnalyzer) else 1
        if low > 1:
            one = noun[:-1] if noun.endswith("s") else noun
            advice += f", or lower ngram_range's min_n ({low}: no {one} has {low} tokens?)"
        raise error(
            f"no term occurs in at least min_df={min_df!r} and at most max_df={max_df!r} "
            f"of the {n_docs} {noun}, so the vocabulary is empty; {advice}"
        ) from None
    return sp.csr_matrix(matrix), vectorizer.get_feature_names_out()


def document_term_matrix(
    tokens_per_doc: TokensInput,
    *,
    weighting: Weighting = "count",
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    ngram_range: tuple[int, int] = (1, 1),
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Return the sparse documents × words matrix and its vocabulary.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document, in any form
        :func:`~corpus_tools.validation.token_lists` accepts; rows follow its order.
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
    docs, _ = token_lists(tokens_per_doc, name="tokens_per_doc", unique=False)
    vectorizer = make_vectorizer(
        weighting=weighting, min_df=min_df, max_df=max_df, ngram_range=ngram_range
    )
    return fit_vectorizer(vectorizer, docs)


def row_positions(ids: Sequence[str], rows: Sequence[str]) -> list[int]:
    """Return the position of each of ``rows`` among ``ids``. Internal API.

    Raises :class:`~corpus_tools.errors.CorpusError` naming an id that is not there.

    Examples
    --------
    >>> row_positions(["a", "b", "c"], ["c", "a"])
    [2, 0]
    """
    where = {doc_id: i for i, doc_id in enumerate(ids)}
    missing = [doc_id for doc_id in rows if doc_id not in where]
    if missing:
        raise CorpusError(f"rows names {missing[0]!r}, which is not a document id")
    return [where[doc_id] for doc_id in rows]


def document_similarity(
    tokens_per_doc: TokensInput,
    *,
    doc_ids: Iterable[str] | None = None,
    min_df: int | float = 1,
    rows: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return the cosine similarity of every pair of documents over tf·idf weights.

    Weights come from :func:`document_term_matrix` (``weighting="tfidf"``); the matrix
    stays sparse, but the result is documents × documents (8 bytes per cell): for very
    many documents, query neighbours from the sparse matrix instead.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….
    min_df : int or float
        As for :func:`document_term_matrix`.
    rows : sequence of str, optional
        Compare only these documents (ids, in this order), e.g. the twelve a figure
        shows; the weights (idf) still come from the whole corpus.

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
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    if len(docs) < 2:
        raise CorpusError(
            f"document_similarity compares documents, so it needs at least two "
            f"(got {len(docs)}); add documents or split them with tokenize_corpus(unit=...)"
        )
    matrix, _ = document_term_matrix(docs, weighting="tfidf", min_df=min_df)
    if rows is not None:
        matrix, ids = matrix[row_positions(ids, rows)], list(rows)
    similarity = np.clip(cosine_similarity(matrix, dense_output=True), 0.0, 1.0)
    non_empty = np.diff(matrix.indptr) > 0
    similarity[np.diag_indices_from(similarity)] = np.where(non_empty, 1.0, 0.0)
    index = pd.Index(ids, name="doc_id")
    return pd.DataFrame(similarity, index=index, columns=index.copy())
