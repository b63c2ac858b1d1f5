"""Topic models of Vietnamese text: fit, describe, score and choose the number of topics.

The models are scikit-learn's, fitted on token lists (one list per unit, syllables of a
word joined by ``_``) through a vectorizer whose analyzer is the identity, so every word
the tokenizer kept is a term, one-letter words such as "ở" included.

The defaults are the ones to use unless you have a reason not to:

* **Units: paragraphs**, tokenized once with
  ``tokenize_corpus(docs, unit="paragraph", lowercase=True, stopwords=load_stopwords(),
  keep_numbers=False)``; ``text_units(docs, unit="paragraph")`` gives the matching
  ``(doc_id, text)`` pairs. A paragraph usually stays on one subject while a news article
  may move between several, and :func:`document_topics` averages paragraphs back into
  documents.
* **Words, not syllables**: "bóng_đá" is one term, not "bóng" (ball, shadow) plus "đá"
  (kick, stone). NPMI coherence (:func:`coherence`) is computed on the same words.
* **NMF on TF-IDF** (``method="nmf"``): sublinear tf (``1 + log tf``) so one paragraph
  repeating a word does not own a topic, smoothed idf, and l2-normalised rows so long and
  short paragraphs weigh the same (the usual weighting for NMF document clustering:
  Xu, Liu and Gong 2003; O'Callaghan et al. 2015). Frobenius loss with the
  coordinate-descent solver, ``init="nndsvda"`` (Boutsidis and Gallopoulos 2008):
  deterministic and quick to converge, ``max_iter=1000`` (the seeds' paragraphs need up
  to about 500 iterations at k=8). LDA (``method="lda"``) is fitted on raw counts, as
  its model assumes.
* **min_df=2**: a term in one unit only cannot be shared by a topic, and pairs of such
  terms get a perfect NPMI of 1 that says nothing. **max_df=0.5**: a term in more than
  half the units is a stopword for this corpus ("công_tác", "tổ_chức" in the seeds)
  and would sit at the top of every topic.

The defaults aim at agreement between topics and human news categories (NMI), which
plain NMF on whitespace syllables puts at about 0.60 for ten categories of Vietnamese
news. That data is not bundled, so they rest on assumptions: that whole words separate
topics better than syllables (a syllable such as "đá" belongs to many words), and that
sublinear, l2-normalised TF-IDF without the corpus's commonest terms is the best simple
input for NMF clustering of news (Xu, Liu and Gong 2003; the scikit-learn topic
extraction example); and on the measurements below.

Measured on the 70 seed paragraphs (k = 2…8, eight 80% subsamples each; mean NPMI of
the top 10 words / stability / NMI between a paragraph's topic and its article):

=============================================  =====  =========  =====
setting                                        NPMI   stability  NMI
=============================================  =====  =========  =====
defaults                                       0.24   0.37       0.25
the same options on syllables                         0.40       0.20
plain NMF on syllables (raw tf, no stopwords,         0.47       0.18
no min_df / max_df)
raw tf instead of sublinear                    0.24   0.38       0.24
max_df=1.0                                     0.24   0.38       0.23
min_df=1 (NPMI inflated by hapax pairs)        0.25   0.36       0.24
no l2 norm                                     0.40   0.45       0.23
NMF on counts                                  0.27   0.50       0.23
NMF, Kullback-Leibler loss                     0.12   0.29       0.21
batch LDA on counts                            0.15   0.27       0.17
no stopword list                               0.24   0.37       0.29
=============================================  =====  =========  =====

(NPMI on syllables is not comparable: the syllables of one word always co-occur.)
Without l2 norm, or on counts, long paragraphs get topics of their own, which raises
NPMI and lowers agreement with the articles. Without the stopword list NMI is higher
but "các", "của", "những" lead the topics. All five seeds are about the Party's
organisation work, so these differences are small and noisy (the NMI of one setting
varies by about 0.04 between subsamples); the choices rest as much on the reasoning
above as on these numbers.

Every error raises :class:`~corpus_tools.errors.CorpusError` (or its subclass
:class:`TopicModelError`) with a message that says what to change.

Examples
--------
>>> units = [["bộ_chính_trị", "họp", "cán_bộ"], ["ban_bí_thư", "cán_bộ", "ở"],
...          ["bộ_chính_trị", "ban_bí_thư", "cán_bộ", "ở"], ["bóng_đá", "cầu_thủ", "trận_đấu"],
...          ["cầu_thủ", "ghi_bàn", "trận_đấu"], ["bóng_đá", "ghi_bàn", "cầu_thủ"]]
>>> model = fit_topics(units, k=2)  # "họp" is in one unit only: min_df=2 drops it
>>> model
TopicModel(method='nmf', k=2, units=6, terms=8)
>>> topic_terms(model, n_top=2).round(2)
   topic  rank          term         token  weight
0      0     1        cán bộ        cán_bộ    0.30
1      0     2  bộ chính trị  bộ_chính_trị    0.24
2      1     1       cầu thủ       cầu_thủ    0.30
3      1     2       bóng đá       bóng_đá    0.23
>>> compare_with_labels(model, ["chính trị"] * 3 + ["thể thao"] * 3)
{'nmi': 1.0, 'ari': 1.0}
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from .errors import TopicModelError
from .features import make_vectorizer, token_analyzer
from .segment import token_to_text

__all__ = [
    "TopicModel",
    "TopicModelError",
    "choose_k",
    "coherence",
    "compare_with_labels",
    "document_topics",
    "fit_topics",
    "topic_terms",
    "typical_units",
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

    def __repr__(self) -> str:
        units, terms = self.unit_topics.shape[0], self.topic_terms.shape[1]
        return f"TopicModel(method={self.method!r}, k={self.k}, units={units}, terms={terms})"


def _check_units(tokens_per_unit: Iterable[Sequence[str]], *, minimum: int = 2) -> list:
    if isinstance(tokens_per_unit, str):
        raise TopicModelError(
            "pass one token list per unit (e.g. from tokenize_corpus(docs, unit='paragraph')), "
            "not a string"
        )
    units = list(tokens_per_unit)
    if any(isinstance(unit, str) for unit in units):
        raise TopicModelError(
            "each unit must be a list of tokens, not a string; tokenize the texts first "
            "with tokenize_corpus(docs, unit='paragraph', ...)"
        )
    if len(units) < minimum:
        raise TopicModelError(
            f"topic models need at least {minimum} units, got {len(units)}; split the documents "
            "into paragraphs (tokenize_corpus(docs, unit='paragraph')) or add documents"
        )
    if not any(len(unit) for unit in units):
        raise TopicModelError(
            f"all {len(units)} units are empty token lists (made only of stopwords, numbers or "
            "punctuation?); tokenize with fewer stopwords, or keep_numbers=True"
        )
    return units


def _check_method(method: str, weighting: str | None) -> Weighting:
    if method not in METHODS:
        raise TopicModelError(
            f"method must be one of {', '.join(map(repr, METHODS))}, not {method!r}"
        )
    weighting = DEFAULT_WEIGHTING[method] if weighting is None else weighting
    if weighting not in ("tfidf", "count"):
        raise TopicModelError(f"weighting must be 'tfidf', 'count' or None, not {weighting!r}")
    return weighting  # type: ignore[return-value]


def _check_count(value: object, name: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise TopicModelError(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return int(value)


def _df_count(value: int | float, n_units: int) -> str:
    """A min_df / max_df value as a number of units, as scikit-learn reads it."""
    return f"{value * n_units:g}" if isinstance(value, float) else str(value)


def _vectorize(
    units: list, weighting: Weighting, *, min_df: int | float, max_df: int | float
) -> tuple[CountVectorizer, sparse.csr_matrix]:
    vectorizer = make_vectorizer(
        weighting=weighting, min_df=min_df, max_df=max_df, sublinear_tf=weighting == "tfidf"
    )
    try:
        matrix = vectorizer.fit_transform(units)
    except ValueError as error:  # sklearn's InvalidParameterError is a ValueError too
        text = str(error)
        if "max_df corresponds" in text:
            message = (
                f"max_df={max_df!r} allows terms in at most {_df_count(max_df, len(units))} of "
                f"the {len(units)} units, fewer than min_df={min_df!r} asks for "
                f"({_df_count(min_df, len(units))}); raise max_df or lower min_df"
            )
        elif "no terms remain" in text or "empty vocabulary" in text:
            message = (
                f"no term occurs in at least min_df={min_df!r} and at most max_df={max_df!r} "
                f"of the {len(units)} units, so the vocabulary is empty; lower min_df "
                "(e.g. min_df=1) or raise max_df (e.g. max_df=1.0)"
            )
        else:
            message = f"cannot build the vocabulary ({text}); check min_df and max_df"
        raise TopicModelError(message) from None
    return vectorizer, sparse.csr_matrix(matrix)


def _check_k(k: object, n_units: int, n_terms: int, *, where: str = "the corpus") -> int:
    k = _check_count(k, "k (the number of topics)")
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


def _fit_matrix(
    matrix: sparse.csr_matrix,
    method: str,
    k: int,
    *,
    random_state: int,
    max_iter: int | None,
    options: Mapping[str, Any],
) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray]:
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
    tokens_per_unit: Sequence[Sequence[str]],
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
    tokens_per_unit : sequence of list of str
        One token list per unit, best paragraphs from
        ``tokenize_corpus(docs, unit="paragraph", lowercase=True,
        stopwords=load_stopwords(), keep_numbers=False)``. Stopwords matter less than for
        counting (``max_df`` drops the commonest words) but keep the top terms readable.
    k : int
        The number of topics: at most the number of units and of terms (see
        :func:`choose_k`).
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
    """
    weighting = _check_method(method, weighting)
    k = _check_count(k, "k (the number of topics)")
    units = _check_units(tokens_per_unit)
    if max_iter is not None:
        max_iter = _check_count(max_iter, "max_iter")
    vectorizer, matrix = _vectorize(units, weighting, min_df=min_df, max_df=max_df)
    k = _check_k(k, matrix.shape[0], matrix.shape[1])
    model, unit_weights, unit_topics, topic_weights = _fit_matrix(
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
    )


def _top_indices(weights: np.ndarray, n_top: int) -> list[np.ndarray]:
    """Each row's columns by decreasing weight (ties: vocabulary order), zeros left out."""
    tops = []
    for row in weights:
        order = np.argsort(-row, kind="stable")[:n_top]
        tops.append(order[row[order] > 0])
    return tops


def topic_terms(result: TopicModel, *, n_top: int = 10) -> pd.DataFrame:
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
    n_top = _check_count(n_top, "n_top")
    rows = []
    for topic, columns in enumerate(_top_indices(result.topic_terms, n_top)):
        for rank, column in enumerate(columns, start=1):
            token = str(result.vocabulary[column])
            weight = float(result.topic_terms[topic, column])
            rows.append((topic, rank, token_to_text(token), token, weight))
    return pd.DataFrame(rows, columns=["topic", "rank", "term", "token", "weight"])


def document_topics(result: TopicModel, unit_to_doc: Sequence[object]) -> pd.DataFrame:
    """Average the unit topic shares of each document.

    Parameters
    ----------
    result : TopicModel
    unit_to_doc : sequence
        The document id of each unit, in unit order: ``[doc_id for doc_id, _ in
        text_units(docs, unit="paragraph")]``, or the ``text_units`` pairs themselves.

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
    >>> table = document_topics(model, ["b", "b", "a", "a"])
    >>> table.index.tolist(), table.sum(axis=1).round(6).tolist()
    (['b', 'a'], [1.0, 1.0])
    """
    doc_ids = [
        item[0] if isinstance(item, tuple) and len(item) == 2 else item for item in unit_to_doc
    ]
    n_units = result.unit_topics.shape[0]
    if len(doc_ids) != n_units:
        raise TopicModelError(
            f"unit_to_doc has {len(doc_ids)} entries but the model has {n_units} units; pass "
            "the doc id of every unit the model was fitted on, in the same order"
        )
    table = pd.DataFrame(result.unit_topics, columns=pd.RangeIndex(result.k, name="topic"))
    table = table.groupby(pd.Index(doc_ids, name="doc_id"), sort=False).mean()
    return table


def typical_units(result: TopicModel, *, n: int = 1) -> pd.DataFrame:
    """Find, for each topic, the ``n`` units with the largest share of it.

    Returns
    -------
    pandas.DataFrame
        Columns ``topic``, ``rank`` (1 = most typical), ``unit`` (the unit's position,
        an index into the token lists and into ``text_units``) and ``weight`` (its share
        of the topic, from :attr:`TopicModel.unit_topics`). NMF often gives many units a
        share of exactly 1; among equal shares the unit with the larger raw weight
        (:attr:`TopicModel.unit_weights`, how strongly the topic explains it) comes
        first, then the earlier unit.

    Examples
    --------
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> table = typical_units(fit_topics(units, k=2, max_df=1.0))
    >>> sorted(table["unit"].tolist())
    [0, 3]
    """
    n_units = result.unit_topics.shape[0]
    n = min(_check_count(n, "n"), n_units)
    raw = result.unit_topics if result.unit_weights is None else result.unit_weights
    rows = []
    for topic in range(result.k):
        shares = result.unit_topics[:, topic]
        # np.lexsort sorts by the last key first; shares are rounded so that float noise
        # does not hide a tie
        order = np.lexsort((np.arange(n_units), -raw[:, topic], -np.round(shares, 9)))
        for rank, unit in enumerate(order[:n], start=1):
            rows.append((topic, rank, int(unit), float(shares[unit])))
    return pd.DataFrame(rows, columns=["topic", "rank", "unit", "weight"])


def _npmi(binary: sparse.spmatrix, tops: Sequence[np.ndarray]) -> np.ndarray:
    """Mean NPMI over the term pairs of each topic; ``binary`` is units × terms, 0/1."""
    binary = sparse.csc_matrix(binary, dtype=np.int64)
    n_units = binary.shape[0]
    scores = np.full(len(tops), np.nan)
    for topic, columns in enumerate(tops):
        if len(columns) < 2:
            continue
        block = binary[:, columns]
        joint = (block.T @ block).toarray().astype(np.float64)
        first, second = np.triu_indices(len(columns), k=1)
        both = joint[first, second]
        single_first = np.diag(joint)[first]
        single_second = np.diag(joint)[second]
        with np.errstate(divide="ignore", invalid="ignore"):
            pmi = np.log(both * n_units / (single_first * single_second))
            npmi = pmi / -np.log(both / n_units)
        npmi = np.where(both == 0, -1.0, np.where(both == n_units, 1.0, npmi))
        scores[topic] = float(np.clip(npmi, -1.0, 1.0).mean())
    return scores


def coherence(
    result: TopicModel,
    tokens_per_unit: Sequence[Sequence[str]],
    *,
    measure: Literal["npmi"] = "npmi",
    n_top: int = 10,
) -> np.ndarray:
    """Score each topic by how often its top words occur in the same units.

    NPMI (Bouma 2009; Lau, Newman and Baldwin 2014) over the pairs of a topic's
    ``n_top`` heaviest terms, averaged. With ``N`` units and ``D(x)`` the number of units
    holding ``x`` (however often), ``NPMI(a, b) = log(D(a, b) N / (D(a) D(b))) /
    -log(D(a, b) / N)``: 1 when two words always occur together, 0 when independently,
    and -1 for a pair that never shares a unit (its limit; no smoothing constant). A
    pair present in every unit scores 1.

    Parameters
    ----------
    result : TopicModel
    tokens_per_unit : sequence of list of str
        The units to count co-occurrence in: usually those the model was fitted on (a
        larger reference corpus works too). Words are counted as tokens
        ("bộ_chính_trị"), not syllables.
    measure : {"npmi"}
        The coherence measure.
    n_top : int
        How many top terms per topic (at least 2).

    Returns
    -------
    numpy.ndarray
        One score per topic, from -1 to 1; NaN for a topic with fewer than two terms.

    Examples
    --------
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> model = fit_topics(units, k=2, max_df=1.0)
    >>> coherence(model, units, n_top=2).round(3).tolist()
    [1.0, 1.0]
    """
    if measure != "npmi":
        raise TopicModelError(f"measure must be 'npmi', not {measure!r}")
    n_top = _check_count(n_top, "n_top", minimum=2)
    units = _check_units(tokens_per_unit, minimum=1)
    tops = _top_indices(result.topic_terms, n_top)
    used = np.unique(np.concatenate(tops)) if tops else np.array([], dtype=int)
    where = {column: position for position, column in enumerate(used)}
    counter = CountVectorizer(
        analyzer=token_analyzer,
        vocabulary=[str(result.vocabulary[column]) for column in used] or ["_"],
        binary=True,
        dtype=np.int64,
    )
    binary = counter.transform(units)
    return _npmi(binary, [np.array([where[c] for c in columns], dtype=int) for columns in tops])


def _nanmean(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.mean()) if len(finite) else np.nan


def _jaccard_match(first: Sequence[np.ndarray], second: Sequence[np.ndarray]) -> float:
    """Mean Jaccard overlap of top-term sets after matching topics one to one."""
    sets_a = [set(columns.tolist()) for columns in first]
    sets_b = [set(columns.tolist()) for columns in second]
    overlap = np.array(
        [[len(a & b) / len(a | b) if a | b else 0.0 for b in sets_b] for a in sets_a]
    )
    rows, cols = linear_sum_assignment(overlap, maximize=True)
    return float(overlap[rows, cols].mean())


def choose_k(
    tokens_per_unit: Sequence[Sequence[str]],
    ks: Iterable[int],
    seeds: Sequence[int] = (0, 1, 2),
    *,
    method: Method = "nmf",
    n_top: int = 10,
    min_df: int | float = 2,
    max_df: int | float = 0.5,
    weighting: Weighting | None = None,
    max_iter: int | None = None,
    sample_fraction: float = 0.8,
    stability_ratio: float = 0.7,
) -> pd.DataFrame:
    """Fit each k with several seeds; score coherence and stability; recommend one k.

    For every seed the model is fitted (as :func:`fit_topics` would, with that seed as
    ``random_state``) on a random ``sample_fraction`` of the units drawn with that
    seed, following Greene, O'Callaghan and Cunningham (2014): NMF's ``nndsvda``
    start is nearly deterministic, so without subsampling every seed would give the
    same topics and stability would always be 1. The vocabulary and idf come from all
    units, and coherence is counted in all units.

    A k larger than the units each fit sees (or the vocabulary) is skipped, and the
    reason says so; an error is raised only when no k is left.

    Rule: among the ks whose stability is at least ``stability_ratio`` (0.7) times the
    best stability, recommend the one with the highest mean coherence (ties: the
    smaller k). The reason is in ``df.attrs["reason"]``; it warns when the recommended k
    is the largest (or smallest) tried. Leave k=1 out of ``ks`` for real corpora: a single
    topic is trivially stable and raises the bar for the others. On corpora with 3, 5 or 8
    planted themes (k = 2…11 tried) the rule recovered the planted number with any ratio
    from 0.7 to 1.0; on the seed paragraphs coherence keeps rising with k, so it
    recommends the largest k tried.

    Parameters
    ----------
    tokens_per_unit : sequence of list of str
        As for :func:`fit_topics`.
    ks : iterable of int
        The numbers of topics to try, e.g. ``range(2, 11)``.
    seeds : sequence of int
        At least two; one model per k and seed.
    method, n_top, min_df, max_df, weighting, max_iter
        As for :func:`fit_topics` and :func:`coherence`.
    sample_fraction : float
        The share of units each seed's model sees (1.0: all of them).
    stability_ratio : float
        How close to the best stability a k must come to be recommended.

    Returns
    -------
    pandas.DataFrame
        One row per k, in the order given: ``k``; ``coherence``, the mean NPMI
        (:func:`coherence`) over all topics of all seeds; ``coherence_sd``, the standard
        deviation of the per-seed mean coherence across seeds; ``stability``, the mean
        over pairs of seeds of the Jaccard overlap of the top ``n_top`` terms of topics
        matched one to one (Hungarian method, ``linear_sum_assignment``), from 0 to 1;
        ``converged``, the share of fits that converged before ``max_iter`` (others are
        named in the reason); ``recommended``, True for exactly one k.

    Examples
    --------
    >>> units = [["bộ_chính_trị", "họp", "cán_bộ"], ["ban_bí_thư", "cán_bộ", "ở"],
    ...          ["bộ_chính_trị", "ban_bí_thư", "cán_bộ", "ở"], ["bóng_đá", "cầu_thủ", "trận_đấu"],
    ...          ["cầu_thủ", "ghi_bàn", "trận_đấu"], ["bóng_đá", "ghi_bàn", "cầu_thủ"]]
    >>> table = choose_k(units, [2, 3, 4])
    >>> table.round(2)
       k  coherence  coherence_sd  stability  converged  recommended
    0  2       0.49          0.00       1.00        1.0         True
    1  3       0.54          0.06       0.67        1.0        False
    2  4       0.56          0.06       0.65        1.0        False
    >>> print(table.attrs["reason"])
    k=2 has the highest mean NPMI coherence (0.493) among the ks whose stability is at
    least 70% of the best (1.00, at k=2); its own stability is 1.00.
    """
    weighting = _check_method(method, weighting)
    units = _check_units(tokens_per_unit)
    ks = [_check_count(k, "each k (number of topics)") for k in ks]
    if not ks or len(set(ks)) != len(ks):
        raise TopicModelError(f"ks must hold distinct numbers of topics, got {ks!r}")
    seeds = list(seeds)
    if len(seeds) < 2 or len(set(seeds)) != len(seeds):
        raise TopicModelError(
            f"seeds must hold at least two distinct seeds to measure stability, got {seeds!r}"
        )
    n_top = _check_count(n_top, "n_top", minimum=2)
    if max_iter is not None:
        max_iter = _check_count(max_iter, "max_iter")
    if not 0 < sample_fraction <= 1:
        raise TopicModelError(f"sample_fraction must be in (0, 1], not {sample_fraction!r}")
    if not 0 <= stability_ratio <= 1:
        raise TopicModelError(f"stability_ratio must be in [0, 1], not {stability_ratio!r}")

    _, matrix = _vectorize(units, weighting, min_df=min_df, max_df=max_df)
    n_units, n_terms = matrix.shape
    n_sample = max(1, round(sample_fraction * n_units))
    where = f"each sample ({n_sample} units, sample_fraction={sample_fraction})"
    # A k that the corpus cannot support is skipped (and said so), unless none is left.
    feasible = [k for k in ks if k <= min(n_sample, n_terms)]
    skipped = [k for k in ks if k not in feasible]
    for k in ks if not feasible else ():
        _check_k(k, n_sample, n_terms, where=where if n_sample < n_units else "the corpus")
    ks = feasible
    binary = (matrix > 0).astype(np.int64)

    rows = []
    for k in ks:
        seed_means, scores, tops_per_seed, converged = [], [], [], []
        for seed in seeds:
            if n_sample < n_units:
                rng = np.random.default_rng(seed)
                sample = np.sort(rng.choice(n_units, size=n_sample, replace=False))
                fitted = matrix[sample]
            else:
                fitted = matrix
            with warnings.catch_warnings(record=True) as caught:  # counted in the table
                warnings.simplefilter("always", ConvergenceWarning)
                *_, topic_weights = _fit_matrix(
                    fitted, method, k, random_state=seed, max_iter=max_iter, options={}
                )
            converged.append(not any(w.category is ConvergenceWarning for w in caught))
            for other in caught:
                if other.category is not ConvergenceWarning:
                    warnings.warn_explicit(
                        other.message, other.category, other.filename, other.lineno
                    )
            tops = _top_indices(topic_weights, n_top)
            topic_scores = _npmi(binary, tops)
            scores.extend(topic_scores.tolist())
            seed_means.append(_nanmean(topic_scores))
            tops_per_seed.append(tops)
        stability = np.mean(
            [_jaccard_match(a, b) for a, b in itertools.combinations(tops_per_seed, 2)]
        )
        finite_means = np.array(seed_means)[np.isfinite(seed_means)]
        spread = float(np.std(finite_means, ddof=1)) if len(finite_means) > 1 else np.nan
        rows.append(
            {
                "k": k,
                "coherence": _nanmean(np.array(scores)),
                "coherence_sd": spread,
                "stability": float(stability),
                "converged": float(np.mean(converged)),
            }
        )
    columns = ["k", "coherence", "coherence_sd", "stability", "converged"]
    table = pd.DataFrame(rows, columns=columns)
    best_stability = table["stability"].max()
    eligible = table["stability"] >= stability_ratio * best_stability - 1e-12
    candidates = table["coherence"].where(eligible).fillna(-np.inf)
    if np.isneginf(candidates).all():  # no coherence at all: fall back on stability
        chosen = int(table["stability"].to_numpy().argmax())
    else:
        tied = table[candidates == candidates.max()]
        chosen = int(tied["k"].idxmin())
    table["recommended"] = table.index == chosen
    k_best, coh, stab = (table.loc[chosen, c] for c in ("k", "coherence", "stability"))
    k_stable = int(table.loc[table["stability"].idxmax(), "k"])
    reason = (
        f"k={k_best} has the highest mean NPMI coherence ({coh:.3f}) among the ks whose "
        f"stability is at least {stability_ratio:.0%} of the best ({best_stability:.2f}, "
        f"at k={k_stable}); its own stability is {stab:.2f}"
    )
    if skipped:
        reason += (
            f"; k={', '.join(map(str, skipped))} skipped: more topics than the "
            f"{min(n_sample, n_terms)} units or terms each fit sees"
        )
    unconverged = table.loc[table["converged"] < 1, "k"].tolist()
    if unconverged:
        iterations = max_iter or DEFAULT_MAX_ITER[method]
        reason += (
            f"; some fits for k={', '.join(map(str, unconverged))} stopped at "
            f"max_iter={iterations} before converging (column converged), so their "
            "scores are less sure; a larger max_iter may change them"
        )
    if len(ks) > 1 and k_best == max(ks):
        reason += "; it is the largest k tried, so try larger ks too"
    elif len(ks) > 1 and k_best == min(ks) and k_best > 2:
        reason += "; it is the smallest k tried, so try smaller ks too"
    table.attrs["reason"] = reason + "."
    return table


def compare_with_labels(
    result: TopicModel | pd.DataFrame, labels: Sequence[object]
) -> dict[str, float]:
    """Compare each unit's main topic (its largest share) with a known label per unit.

    Parameters
    ----------
    result : TopicModel or pandas.DataFrame
        A fitted model (its units), or a table of topic shares with one row per item,
        such as :func:`document_topics` to compare whole documents with their
        categories (in the table's row order).
    labels : sequence
        One label per unit (or row), e.g. the news category.

    Returns
    -------
    dict
        ``nmi``: normalised mutual information (arithmetic mean normalisation, 0 to 1);
        ``ari``: adjusted Rand index (0 for chance, 1 for the same grouping). Both ignore
        how topics and labels are numbered or named.

    Examples
    --------
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> model = fit_topics(units, k=2, max_df=1.0)
    >>> compare_with_labels(model, ["chính trị", "chính trị", "thể thao", "thể thao"])
    {'nmi': 1.0, 'ari': 1.0}
    >>> shares = document_topics(model, ["bài 1", "bài 1", "bài 2", "bài 3"])
    >>> compare_with_labels(shares, ["chính trị", "thể thao", "thể thao"])
    {'nmi': 1.0, 'ari': 1.0}
    """
    labels = list(labels)
    shares = result.to_numpy() if isinstance(result, pd.DataFrame) else result.unit_topics
    what = "the table has" if isinstance(result, pd.DataFrame) else "the model has"
    if len(labels) != shares.shape[0]:
        raise TopicModelError(
            f"labels has {len(labels)} entries but {what} {shares.shape[0]} units; pass one "
            "label per unit (or row), in the same order"
        )
    main_topic = shares.argmax(axis=1)
    return {
        "nmi": float(normalized_mutual_info_score(labels, main_topic)),
        "ari": float(adjusted_rand_score(labels, main_topic)),
    }
