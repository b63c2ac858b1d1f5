"""Fit a topic model and read it: topic terms, document topics, typical units.

The defaults and the measurements behind them are described in :mod:`corpus_tools.topics`.
Besides the public functions, this module holds the internal API that
:mod:`corpus_tools.topics.evaluation` fits its models with (the checks,
:func:`vectorize_units`, :func:`fit_estimator`, :func:`top_indices`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
from sklearn.feature_extraction.text import CountVectorizer

from ..errors import TopicModelError
from ..features.vectorize import fit_vectorizer, make_vectorizer
from ..segment import token_to_text
from ..types import TokenLists, TokensInput
from ..validation import carries_ids, check_positive_int, token_lists

__all__ = [
    "DEFAULT_MAX_ITER",
    "DEFAULT_WEIGHTING",
    "METHODS",
    "NEGLIGIBLE",
    "TopicModel",
    "check_k",
    "check_method",
    "check_units",
    "document_topics",
    "fit_estimator",
    "fit_topics",
    "top_indices",
    "topic_terms",
    "typical_units",
    "vectorize_units",
]

Method = Literal["nmf", "lda", "minibatch_nmf", "online_lda"]
Weighting = Literal["tfidf", "count"]

METHODS: tuple[str, ...] = ("nmf", "lda", "minibatch_nmf", "online_lda")
DEFAULT_WEIGHTING: dict[str, Weighting] = {
    "nmf": "tfidf",
    "minibatch_nmf": "tfidf",
    "lda": "count",
    "online_lda": "count",
}
"""NMF factorises TF-IDF weights; LDA models counts."""

DEFAULT_MAX_ITER: dict[str, int] = {"nmf": 1000, "minibatch_nmf": 200, "lda": 10, "online_lda": 10}
"""Iterations (NMF) or passes over the units (MiniBatchNMF, LDA); NMF stops earlier
once it converges. Batch LDA reached the same coherence on the seeds after 10 passes
as after 50."""


NEGLIGIBLE = 1e-9
"""Term weights at most this share of their topic's largest are set to 0 in
``TopicModel.topic_terms``: NMF leaves values such as 1e-23 where it means 0."""


@dataclass(frozen=True, eq=False)
class TopicModel:
    """A fitted topic model and its two tables of weights.

    Attributes
    ----------
    model : NMF, MiniBatchNMF or LatentDirichletAllocation
        The fitted scikit-learn estimator. For new units:
        ``model.transform(vectorizer.transform(tokens_per_unit))``.
    vectorizer : TfidfVectorizer or CountVectorizer
        The fitted vectorizer (its analyzer is the identity on token lists).
    vocabulary : numpy.ndarray of str
        The terms (tokens) kept after ``min_df`` / ``max_df``, in column order.
    unit_topics : numpy.ndarray, shape (units, k)
        Each unit's topic shares; every row sums to 1. NMF's unit weights are divided by
        their row sum, so NMF and LDA read the same way. A unit left without any
        vocabulary term gets ``1 / k`` for every topic.
    topic_terms : numpy.ndarray, shape (k, terms)
        Each topic's term weights, divided by the row sum so every row sums to 1 (a topic
        that NMF left empty stays all zero). Weights below :data:`NEGLIGIBLE` times the
        topic's largest are set to 0 first.
    method : str
        ``"nmf"``, ``"lda"``, ``"minibatch_nmf"`` or ``"online_lda"``.
    k : int
        The number of topics.
    unit_weights : numpy.ndarray, shape (units, k)
        The estimator's own unit weights before normalising (NMF's ``W``; for LDA the
        same as ``unit_topics``). :func:`typical_units` breaks ties with them.
    doc_ids : tuple of str or None
        The document id of each unit, when :func:`fit_topics` was given ``(doc_id,
        tokens)`` pairs or a mapping; None for plain token lists.
        :func:`document_topics` uses them.

    The arrays are read-only.
    """

    model: NMF | MiniBatchNMF | LatentDirichletAllocation
    vectorizer: CountVectorizer
    vocabulary: np.ndarray
    unit_topics: np.ndarray
    topic_terms: np.ndarray
    method: Method
    k: int
    unit_weights: np.ndarray | None = None
    doc_ids: tuple[str, ...] | None = None

    def __repr__(self) -> str:
        units, terms = self.unit_topics.shape[0], self.topic_terms.shape[1]
        return f"TopicModel(method={self.method!r}, k={self.k}, units={units}, terms={terms})"


def check_units(
    tokens_per_unit: TokensInput, *, minimum: int = 2
) -> tuple[TokenLists, tuple[str, ...] | None]:
    """Return the units' token lists and, if they carried them, their document ids.

    Internal API. Accepts what :func:`corpus_tools.validation.token_lists` accepts (ids
    may repeat: several paragraphs of one document); raises :class:`TopicModelError`
    for a string, fewer than ``minimum`` units, or units that are all empty.

    Examples
    --------
    >>> check_units([("a", ["họp"]), ("a", ["cán_bộ"])])
    ([['họp'], ['cán_bộ']], ('a', 'a'))
    >>> check_units([["họp"], ["cán_bộ"]])
    ([['họp'], ['cán_bộ']], None)
    """
    if isinstance(tokens_per_unit, (str, bytes)):
        raise TopicModelError(
            "pass one token list per unit (e.g. from tokenize_corpus(docs, unit='paragraph')), "
            "not a string"
        )
    given: Any = tokens_per_unit if isinstance(tokens_per_unit, Mapping) else list(tokens_per_unit)
    values = given.values() if isinstance(given, Mapping) else given
    if any(isinstance(unit, str) for unit in values):
        raise TopicModelError(
            "each unit must be a list of tokens, not a string; tokenize the texts first "
            "with tokenize_corpus(docs, unit='paragraph', ...)"
        )
    units, ids = token_lists(given, name="tokens_per_unit", unique=False)
    if len(units) < minimum:
        raise TopicModelError(
            f"topic models need at least {minimum} units, got {len(units)}; split the documents "
            "into paragraphs (tokenize_corpus(docs, unit='paragraph')) or add documents"
        )
    if not any(units):
        raise TopicModelError(
            f"all {len(units)} units are empty token lists (made only of stopwords, numbers or "
            "punctuation?); tokenize with fewer stopwords, or keep_numbers=True"
        )
    return units, tuple(ids) if carries_ids(given) else None


def check_method(method: str, weighting: str | None) -> Weighting:
    """Return the weighting for ``method`` (its default if None); internal API.

    Examples
    --------
    >>> check_method("lda", None)
    'count'
    """
    if method not in METHODS:
        raise TopicModelError(
            f"method must be one of {', '.join(map(repr, METHODS))}, not {method!r}"
        )
    weighting = DEFAULT_WEIGHTING[method] if weighting is None else weighting
    if weighting not in ("tfidf", "count"):
        raise TopicModelError(f"weighting must be 'tfidf', 'count' or None, not {weighting!r}")
    # Checked against the Literal's values just above; mypy does not narrow a str by `in`.
    return weighting  # type: ignore[return-value]


def check_k(k: object, n_units: int, n_terms: int, *, where: str = "the corpus") -> int:
    """Return ``k`` if the units and terms can hold that many topics; internal API.

    Examples
    --------
    >>> check_k(3, 2, 10)
    Traceback (most recent call last):
    ...
    corpus_tools.errors.TopicModelError: k=3 topics is more than the 2 units in the corpus; ...
    """
    k = check_positive_int(k, "k (the number of topics)", error=TopicModelError)
    if k > n_units:
        raise TopicModelError(
            f"k={k} topics is more than the {n_units} units in {where}; lower k, or use smaller "
            "units (unit='paragraph' or 'sentence') or more documents"
        )
    if k > n_terms:
        raise TopicModelError(
            f"k={k} topics is more than the {n_terms} terms left after min_df / max_df; lower k, "
            "or lower min_df / raise max_df to keep more terms"
        )
    return k


def vectorize_units(
    units: TokenLists, weighting: Weighting, *, min_df: int | float, max_df: int | float
) -> tuple[CountVectorizer, sparse.csr_matrix]:
    """Fit the topic models' vectorizer on checked units; return it and the matrix.

    Internal API. TF-IDF is sublinear; errors about ``min_df`` / ``max_df`` are raised
    as :class:`TopicModelError`, counted in units.

    Examples
    --------
    >>> vectorizer, matrix = vectorize_units([["họp"], ["họp", "ở"]], "count", min_df=1, max_df=1.0)
    >>> matrix.toarray().tolist()
    [[1, 0], [1, 1]]
    """
    vectorizer = make_vectorizer(
        weighting=weighting, min_df=min_df, max_df=max_df, sublinear_tf=weighting == "tfidf"
    )
    matrix, _ = fit_vectorizer(vectorizer, units, noun="units", error=TopicModelError)
    return vectorizer, matrix


def _make_model(
    method: str, k: int, *, random_state: int, max_iter: int | None, options: Mapping[str, Any]
) -> NMF | MiniBatchNMF | LatentDirichletAllocation:
    max_iter = DEFAULT_MAX_ITER[method] if max_iter is None else max_iter
    common: dict[str, Any] = {"n_components": k, "random_state": random_state, "max_iter": max_iter}
    if method == "nmf":
        settings = {"init": "nndsvda", "solver": "cd", "beta_loss": "frobenius", "tol": 1e-4}
        model_class: type = NMF
    elif method == "minibatch_nmf":
        settings = {"init": "nndsvda", "beta_loss": "frobenius", "batch_size": 1024}
        model_class = MiniBatchNMF
    else:
        online = method == "online_lda"
        settings = {"learning_method": "online" if online else "batch"}
        model_class = LatentDirichletAllocation
    return model_class(**{**common, **settings, **options})


def _normalize_rows(weights: np.ndarray, *, empty: float | None) -> np.ndarray:
    """Divide each row by its sum; all-zero rows become ``empty`` (or stay zero if None)."""
    weights = np.asarray(weights, dtype=np.float64)
    sums = weights.sum(axis=1, keepdims=True)
    out = np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)
    if empty is not None:
        out[sums[:, 0] <= 0] = empty
    return out


def fit_estimator(
    matrix: sparse.csr_matrix,
    method: str,
    k: int,
    *,
    random_state: int,
    max_iter: int | None,
    options: Mapping[str, Any],
) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray]:
    """Fit the estimator for ``method`` on a units × terms matrix; internal API.

    Returns
    -------
    tuple
        The fitted estimator, its raw unit weights, the unit topic shares (rows sum to
        1) and the topic term weights (rows sum to 1, :data:`NEGLIGIBLE` weights zeroed).

    Examples
    --------
    >>> from scipy import sparse
    >>> matrix = sparse.csr_matrix([[1.0, 0.0], [0.0, 1.0]])
    >>> _, _, unit_topics, _ = fit_estimator(matrix, "nmf", 2, random_state=0, max_iter=None,
    ...                                      options={})
    >>> unit_topics.sum(axis=1).tolist()
    [1.0, 1.0]
    """
    model = _make_model(method, k, random_state=random_state, max_iter=max_iter, options=options)
    try:
        unit_weights = model.fit_transform(matrix)
    except (ValueError, TypeError) as error:
        name = type(model).__name__
        raise TopicModelError(
            f"{name} could not be fitted ({error}); check max_iter and model_options"
        ) from None
    unit_weights = np.asarray(unit_weights, dtype=np.float64)
    unit_topics = _normalize_rows(unit_weights, empty=1.0 / k)
    components = np.array(model.components_, dtype=np.float64)
    # NMF leaves weights such as 1e-23 where it means 0; they would enter the top terms
    components[components <= NEGLIGIBLE * components.max(axis=1, keepdims=True)] = 0.0
    topic_weights = _normalize_rows(components, empty=None)
    return model, unit_weights, unit_topics, topic_weights


def _read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def fit_topics(
    tokens_per_unit: TokensInput,
    *,
    k: int,
    method: Method = "nmf",
    random_state: int = 0,
    min_df: int | float = 2,
    max_df: int | float = 0.5,
    weighting: Weighting | None = None,
    max_iter: int | None = None,
    model_options: Mapping[str, Any] | None = None,
) -> TopicModel:
    """Fit a topic model with ``k`` topics on token lists, one list per unit.

    Parameters
    ----------
    tokens_per_unit : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per unit, best paragraphs from
        ``tokenize_corpus(docs, unit="paragraph", lowercase=True,
        stopwords=load_stopwords(), keep_numbers=False)``. Stopwords matter less than for
        counting (``max_df`` drops the commonest words) but keep the top terms readable.
        As ``(doc_id, tokens)`` pairs (ids repeat, one per paragraph) or a mapping, the
        model keeps the ids (:attr:`TopicModel.doc_ids`) for :func:`document_topics`.
    k : int
        The number of topics: at most the number of units and of terms (see
        :func:`~corpus_tools.topics.choose_k`).
    method : {"nmf", "lda", "minibatch_nmf", "online_lda"}
        scikit-learn's ``NMF`` (default: coherent topics on short units), ``MiniBatchNMF``
        (for corpora too large for NMF), ``LatentDirichletAllocation`` in batch
        (``"lda"``) or online (``"online_lda"``) mode.
    random_state : int
        Seed; the same seed gives the same model.
    min_df : int or float
        Keep terms in at least this many units (a float: this share of units). Default 2:
        terms seen once cannot be shared by a topic.
    max_df : int or float
        Drop terms in more than this share of units (an int: this many). Default 0.5:
        terms in over half the units are this corpus's stopwords.
    weighting : {"tfidf", "count"}, optional
        Default: ``"tfidf"`` (sublinear tf, smoothed idf, l2-normalised rows) for NMF,
        ``"count"`` for LDA.
    max_iter : int, optional
        Default :data:`DEFAULT_MAX_ITER`: 1000 for NMF, 200 for MiniBatchNMF, 10 for LDA.
    model_options : mapping, optional
        Further estimator parameters, overriding ours (NMF: ``init="nndsvda"``,
        ``solver="cd"``, ``beta_loss="frobenius"``, ``tol=1e-4``; MiniBatchNMF:
        ``batch_size=1024``), e.g. ``{"alpha_W": 0.1}`` or ``{"doc_topic_prior": 0.1}``.

    Returns
    -------
    TopicModel

    Raises
    ------
    TopicModelError
        Fewer than 2 units; every unit empty; k below 1 or above the number of units or
        terms; an empty vocabulary after ``min_df`` / ``max_df``; an unknown method.

    Examples
    --------
    >>> units = [["bộ_chính_trị", "họp", "ở"], ["bộ_chính_trị", "ban_bí_thư", "ở"],
    ...          ["cầu_thủ", "bóng_đá", "trận_đấu"], ["trận_đấu", "cầu_thủ", "bóng_đá"]]
    >>> model = fit_topics(units, k=2, method="lda")
    >>> model.vocabulary
    array(['bóng_đá', 'bộ_chính_trị', 'cầu_thủ', 'trận_đấu', 'ở'], dtype=object)
    >>> model.unit_topics.shape, model.unit_topics.sum(axis=1).round(6).tolist()
    ((4, 2), [1.0, 1.0, 1.0, 1.0])
    >>> fit_topics(zip(["a", "a", "b", "b"], units), k=2).doc_ids
    ('a', 'a', 'b', 'b')
    """
    weighting = check_method(method, weighting)
    k = check_positive_int(k, "k (the number of topics)", error=TopicModelError)
    units, doc_ids = check_units(tokens_per_unit)
    if max_iter is not None:
        max_iter = check_positive_int(max_iter, "max_iter", error=TopicModelError)
    vectorizer, matrix = vectorize_units(units, weighting, min_df=min_df, max_df=max_df)
    k = check_k(k, matrix.shape[0], matrix.shape[1])
    model, unit_weights, unit_topics, topic_weights = fit_estimator(
        matrix,
        method,
        k,
        random_state=random_state,
        max_iter=max_iter,
        options=dict(model_options or {}),
    )
    return TopicModel(
        model=model,
        vectorizer=vectorizer,
        vocabulary=_read_only(vectorizer.get_feature_names_out()),
        unit_topics=_read_only(unit_topics),
        topic_terms=_read_only(topic_weights),
        method=method,
        k=k,
        unit_weights=_read_only(unit_weights),
        doc_ids=doc_ids,
    )


def top_indices(weights: np.ndarray, n_top: int) -> list[np.ndarray]:
    """Return each row's ``n_top`` columns by decreasing weight, zeros left out.

    Internal API; ties go to the earlier column (vocabulary order).

    Examples
    --------
    >>> [row.tolist() for row in top_indices(np.array([[0.2, 0.5, 0.0], [0.0, 0.0, 1.0]]), 2)]
    [[1, 0], [2]]
    """
    tops = []
    for row in weights:
        order = np.argsort(-row, kind="stable")[:n_top]
        tops.append(order[row[order] > 0])
    return tops


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
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> table = topic_terms(fit_topics(units, k=2, max_df=1.0), n_top=2)
    >>> table.columns.tolist()
    ['topic', 'rank', 'term', 'token', 'weight']
    >>> sorted(table["term"])
    ['bóng đá', 'bộ chính trị', 'cầu thủ', 'họp']
    """
    n_top = check_positive_int(n_top, "n_top", error=TopicModelError)
    rows = []
    for topic, columns in enumerate(top_indices(model.topic_terms, n_top)):
        for rank, column in enumerate(columns, start=1):
            token = str(model.vocabulary[column])
            weight = float(model.topic_terms[topic, column])
            rows.append((topic, rank, token_to_text(token), token, weight))
    return pd.DataFrame(rows, columns=["topic", "rank", "term", "token", "weight"])


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
