"""Fit a topic model: :class:`TopicModel` and :func:`fit_topics`.

The defaults and the measurements behind them are described in :mod:`corpus_tools.topics`;
:mod:`corpus_tools.topics.tables` reads a fitted model. Besides the public names, this
module holds the internal API that the other topic modules fit and check with (the
checks, :func:`vectorize_units`, :func:`fit_estimator`, :func:`top_indices`).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from scipy import sparse
from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
from sklearn.feature_extraction.text import CountVectorizer

from ..errors import TopicModelError
from ..features.vectorize import fit_vectorizer, make_vectorizer
from ..types import TokenLists, TokensInput
from ..validation import carries_ids, check_positive_int, token_lists

__all__ = [
    "DEFAULT_MAX_ITER",
    "DEFAULT_RESTARTS",
    "DEFAULT_WEIGHTING",
    "METHODS",
    "NEGLIGIBLE",
    "TopicModel",
    "check_k",
    "check_method",
    "check_units",
    "fit_estimator",
    "fit_topics",
    "restart_seeds",
    "top_indices",
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

DEFAULT_RESTARTS: dict[str, int] = {"nmf": 4, "minibatch_nmf": 4, "lda": 1, "online_lda": 1}
"""Fits from different random starts, of which the best objective is kept. NMF starts
from random factors (``init="random"``), so one start may end in a poor local optimum:
on 2,000 synthetic news articles (k=10) one start in three did (reconstruction error
39.36 against 39.22, NMI with the categories 0.58 against 0.65); four starts found the
best optimum for each of three seeds. LDA starts from random topics too, but a fit is
slow and gains little, so it fits once."""


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
        settings = {"init": "random", "solver": "cd", "beta_loss": "frobenius", "tol": 1e-4}
        model_class: type = NMF
    elif method == "minibatch_nmf":
        settings = {"init": "random", "beta_loss": "frobenius", "batch_size": 1024}
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


def restart_seeds(random_state: int, n_restarts: int) -> list[int]:
    """Return the seeds of ``n_restarts`` fits drawn from ``random_state``; internal API.

    The seeds come from one :class:`numpy.random.SeedSequence`, so two values of
    ``random_state`` share no start (``random_state + r`` would: seeds 0 and 1 would
    share three of four starts), and the same value always gives the same seeds.

    Examples
    --------
    >>> restart_seeds(0, 2) == restart_seeds(0, 2), restart_seeds(0, 2) == restart_seeds(1, 2)
    (True, False)
    """
    states = np.random.SeedSequence(random_state).generate_state(n_restarts)
    return [int(state) & 0x7FFFFFFF for state in states]


def _objective(model: Any, matrix: sparse.csr_matrix) -> float:
    """What a restart minimises: NMF's reconstruction error, or LDA's negative bound."""
    if isinstance(model, LatentDirichletAllocation):
        return -float(model.score(matrix))
    return float(np.nan_to_num(model.reconstruction_err_, nan=0.0))


def fit_estimator(
    matrix: sparse.csr_matrix,
    method: str,
    k: int,
    *,
    random_state: int,
    max_iter: int | None,
    options: Mapping[str, Any],
    n_restarts: int = 1,
) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray]:
    """Fit the estimator for ``method`` on a units × terms matrix; internal API.

    ``n_restarts`` estimators start from the seeds :func:`restart_seeds` draws from
    ``random_state``; the one with the best objective (NMF's reconstruction error,
    LDA's approximate log likelihood) is kept, the earlier one on a tie.

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
    best: tuple[float, Any, np.ndarray] | None = None
    for seed in restart_seeds(random_state, n_restarts):
        model = _make_model(method, k, random_state=seed, max_iter=max_iter, options=options)
        try:
            with warnings.catch_warnings():
                # a near-perfect fit: sklearn takes the square root of a rounding error
                # below 0 for the reconstruction error (NaN, read as 0 below)
                warnings.filterwarnings("ignore", "invalid value encountered in sqrt")
                weights = model.fit_transform(matrix)
        except (ValueError, TypeError) as error:
            name = type(model).__name__
            raise TopicModelError(
                f"{name} could not be fitted ({error}); check max_iter and model_options"
            ) from None
        objective = _objective(model, matrix) if n_restarts > 1 else 0.0
        if best is None or objective < best[0]:
            best = (objective, model, weights)
    assert best is not None  # n_restarts >= 1
    _, model, unit_weights = best
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
    n_restarts: int | None = None,
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
        Seed of the random starts: the same seed gives the same model, and another seed
        another fit (NMF starts from random factors, LDA from random topics).
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
    n_restarts : int, optional
        Fits from different random starts (seeds drawn from ``random_state``); the one
        with the best objective is kept. Default :data:`DEFAULT_RESTARTS`: 4 for NMF and
        MiniBatchNMF, 1 for LDA.
    model_options : mapping, optional
        Further estimator parameters, overriding ours (NMF: ``init="random"``,
        ``solver="cd"``, ``beta_loss="frobenius"``, ``tol=1e-4``; MiniBatchNMF:
        ``init="random"``, ``batch_size=1024``), e.g. ``{"alpha_W": 0.1}`` or
        ``{"doc_topic_prior": 0.1}``. ``{"init": "nndsvda"}`` gives NMF's deterministic
        start, which ignores ``random_state``.

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
    restarts = DEFAULT_RESTARTS[method] if n_restarts is None else n_restarts
    restarts = check_positive_int(restarts, "n_restarts", error=TopicModelError)
    vectorizer, matrix = vectorize_units(units, weighting, min_df=min_df, max_df=max_df)
    k = check_k(k, matrix.shape[0], matrix.shape[1])
    model, unit_weights, unit_topics, topic_weights = fit_estimator(
        matrix,
        method,
        k,
        random_state=random_state,
        max_iter=max_iter,
        options=dict(model_options or {}),
        n_restarts=restarts,
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


def top_indices(
    weights: np.ndarray, n_top: int, *, decimals: int | None = None
) -> list[np.ndarray]:
    """Return each row's ``n_top`` columns by decreasing weight, zeros left out.

    Internal API; ties go to the earlier column (vocabulary order). With ``decimals``,
    weights are compared to that many decimals of the row's largest, so near-ties go to
    the earlier column too: two fits that differ only by rounding noise (1e-10) then
    rank their terms alike (:func:`~corpus_tools.topics.choose_k` compares fits so).

    Examples
    --------
    >>> [row.tolist() for row in top_indices(np.array([[0.2, 0.5, 0.0], [0.0, 0.0, 1.0]]), 2)]
    [[1, 0], [2]]
    >>> near_tie = np.array([[0.3, 0.3 + 1e-12, 0.1]])
    >>> top_indices(near_tie, 1)[0].tolist(), top_indices(near_tie, 1, decimals=6)[0].tolist()
    ([1], [0])
    """
    tops = []
    for row in weights:
        key = row
        if decimals is not None and row.max(initial=0.0) > 0:
            key = np.round(row / row.max(), decimals)
        order = np.argsort(-key, kind="stable")[:n_top]
        tops.append(order[row[order] > 0])
    return tops
