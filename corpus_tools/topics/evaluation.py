"""Judge topic models: NPMI coherence, choosing k by coherence and stability, and
agreement with known labels."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from ..errors import TopicModelError
from ..features.vectorize import token_analyzer
from ..types import TokensInput
from ..validation import check_positive_int
from .clusters import DocumentClusters
from .model import (
    DEFAULT_MAX_ITER,
    Method,
    TopicModel,
    Weighting,
    check_k,
    check_method,
    check_units,
    fit_estimator,
    top_indices,
    vectorize_units,
)

__all__ = ["choose_k", "coherence", "compare_with_labels"]


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
    model: TopicModel,
    tokens_per_unit: TokensInput,
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
    model : TopicModel
    tokens_per_unit : list of list of str, mapping or (doc_id, tokens) pairs
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
    >>> from corpus_tools.topics import fit_topics
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> model = fit_topics(units, k=2, max_df=1.0)
    >>> coherence(model, units, n_top=2).round(3).tolist()
    [1.0, 1.0]
    """
    if measure != "npmi":
        raise TopicModelError(f"measure must be 'npmi', not {measure!r}")
    n_top = check_positive_int(n_top, "n_top", minimum=2, error=TopicModelError)
    units, _ = check_units(tokens_per_unit, minimum=1)
    tops = top_indices(model.topic_terms, n_top)
    used = np.unique(np.concatenate(tops)) if tops else np.array([], dtype=int)
    where = {column: position for position, column in enumerate(used)}
    counter = CountVectorizer(
        analyzer=token_analyzer,
        vocabulary=[str(model.vocabulary[column]) for column in used] or ["_"],
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


def _recommend(table: pd.DataFrame, stability_ratio: float) -> tuple[int, bool]:
    """The row the rule recommends, and whether coherence peaked before the largest k.

    Among the ks whose stability is at least ``stability_ratio`` times the best, the one
    with the highest mean coherence (ties: the smaller k). If that is the largest k tried,
    coherence never stopped rising, and the most stable k is recommended instead.
    """
    best_stability = table["stability"].max()
    eligible = table["stability"] >= stability_ratio * best_stability - 1e-12
    candidates = table["coherence"].where(eligible).fillna(-np.inf)
    most_stable = int(table.loc[table["stability"] == best_stability, "k"].idxmin())
    if np.isneginf(candidates).all():  # no coherence at all: fall back on stability
        return most_stable, False
    tied = table[candidates == candidates.max()]
    chosen = int(tied["k"].idxmin())
    if len(table) == 1:
        return chosen, False  # nothing to compare: not chosen by coherence
    if table.loc[chosen, "k"] == table["k"].max():
        return most_stable, False
    return chosen, True


def choose_k(
    tokens_per_unit: TokensInput,
    ks: Iterable[int],
    seeds: Sequence[int] = (0, 1, 2),
    *,
    method: Method = "nmf",
    n_top: int = 10,
    min_df: int | float = 2,
    max_df: int | float = 0.5,
    weighting: Weighting | None = None,
    max_iter: int | None = None,
    n_restarts: int = 1,
    sample_fraction: float = 0.8,
    max_sample: int | None = 2000,
    stability_ratio: float = 0.7,
    widen: bool = True,
    max_k: int | None = None,
) -> pd.DataFrame:
    """Fit each k with several seeds; score coherence and stability; recommend one k.

    For every seed the model is fitted (as :func:`~corpus_tools.topics.fit_topics`
    would, with that seed as ``random_state``) on a random ``sample_fraction`` of the
    units drawn with that seed, following Greene, O'Callaghan and Cunningham (2014):
    both the sample and the random start change with the seed, so stability measures
    how much the topics depend on them. Each seed fits once (``n_restarts=1``): keeping
    the best of several starts would hide how much one start decides. The vocabulary and
    idf come from all units, and coherence is counted in all units.

    A k larger than the units each fit sees (or the vocabulary) is skipped, and the
    reason says so; an error is raised only when no k is left.

    Rule: among the ks whose stability is at least ``stability_ratio`` (0.7) times the
    best stability, the one with the highest mean coherence (ties: the smaller k). When
    that is the largest k tried, coherence has not yet stopped rising, so with ``widen``
    the range grows, one step (the last step of ``ks``) at a time, until the rule picks
    a smaller k than the largest tried, or up to ``max_k``. If coherence never stops
    rising, no k is chosen by coherence: the reason says so plainly, and the most stable
    k tried is recommended instead (Greene et al.'s rule; ``df.attrs["peaked"]`` is
    False). Leave k=1 out of ``ks`` for real corpora: a single topic is trivially
    stable. On corpora with 3, 5 or 8 planted themes (k = 2…11 tried) the rule
    recovered the planted number with any ratio from 0.7 to 1.0.

    Parameters
    ----------
    tokens_per_unit : list of list of str, mapping or (doc_id, tokens) pairs
        As for :func:`~corpus_tools.topics.fit_topics`.
    ks : iterable of int
        The numbers of topics to try first, e.g. ``range(2, 11)``.
    seeds : sequence of int
        At least two; one model per k and seed.
    method, n_top, min_df, max_df, weighting, max_iter, n_restarts
        As for :func:`~corpus_tools.topics.fit_topics` and :func:`coherence`.
    sample_fraction : float
        The share of units each seed's model sees (1.0: all of them).
    max_sample : int, optional
        The most units each seed's model sees (default 2,000; None: no limit). Choosing
        k needs enough units per topic, not every unit of a large corpus: with it the
        time stays bounded (about 40 s for k = 2…10 on 2,000 articles).
    stability_ratio : float
        How close to the best stability a k must come to be recommended.
    widen : bool
        Try larger ks while coherence still rises at the largest one (with two ks or
        more given).
    max_k : int, optional
        The largest k widening may try; default twice the largest k given. Never more
        than the units each fit sees or the terms.

    Returns
    -------
    pandas.DataFrame
        One row per k tried, in the order tried: ``k``; ``coherence``, the mean NPMI
        (:func:`coherence`) over all topics of all seeds; ``coherence_sd``, the standard
        deviation of the per-seed mean coherence across seeds; ``stability``, the mean
        over pairs of seeds of the Jaccard overlap of the top ``n_top`` terms of topics
        matched one to one (Hungarian method, ``linear_sum_assignment``), from 0 to 1;
        ``converged``, the share of fits that converged before ``max_iter`` (others are
        named in the reason); ``recommended``, True for exactly one k. ``df.attrs``
        holds ``"reason"`` (why), ``"peaked"`` (True when coherence stopped rising
        before the largest k tried, so the recommended k was chosen by coherence) and
        ``"widened"`` (the ks added to those given).

    Examples
    --------
    >>> units = [["bộ_chính_trị", "họp", "cán_bộ"], ["ban_bí_thư", "cán_bộ", "ở"],
    ...          ["bộ_chính_trị", "ban_bí_thư", "cán_bộ", "ở"], ["bóng_đá", "cầu_thủ", "trận_đấu"],
    ...          ["cầu_thủ", "ghi_bàn", "trận_đấu"], ["bóng_đá", "ghi_bàn", "cầu_thủ"],
    ...          ["bệnh_viện", "bác_sĩ", "thuốc"], ["bác_sĩ", "bệnh_nhân", "thuốc"],
    ...          ["bệnh_viện", "bệnh_nhân", "bác_sĩ"]]
    >>> table = choose_k(units, [2, 3], n_top=5)  # coherence still rises at k=3: widened
    >>> table.round(2)
       k  coherence  coherence_sd  stability  converged  recommended
    0  2       0.02          0.23       0.47        1.0        False
    1  3       0.52          0.12       0.96        1.0        False
    2  4       0.62          0.02       0.77        1.0         True
    3  5       0.62          0.00       0.73        1.0        False
    >>> print(table.attrs["reason"])
    k=4 has the highest mean NPMI coherence (0.617) among the ks whose stability is at
    least 70% of the best (0.96, at k=3); its own stability is 0.77; the range was widened
    to k=4, 5.
    >>> narrow = choose_k(units, [2, 3], n_top=5, widen=False)
    >>> narrow.attrs["peaked"], narrow.loc[narrow["recommended"], "k"].tolist()
    (False, [3])
    >>> print(narrow.attrs["reason"])
    coherence never stopped rising: the largest k tried (k=3, widen=False) scored best, so
    coherence does not choose k. k=3 is recommended instead as the most stable k tried
    (stability 0.96); treat it as a working choice, not as the number of topics in the
    corpus.
    """
    weighting = check_method(method, weighting)
    units, _ = check_units(tokens_per_unit)
    ks = [check_positive_int(k, "each k (number of topics)", error=TopicModelError) for k in ks]
    if not ks or len(set(ks)) != len(ks):
        raise TopicModelError(f"ks must hold distinct numbers of topics, got {ks!r}")
    seeds = list(seeds)
    if len(seeds) < 2 or len(set(seeds)) != len(seeds):
        raise TopicModelError(
            f"seeds must hold at least two distinct seeds to measure stability, got {seeds!r}"
        )
    n_top = check_positive_int(n_top, "n_top", minimum=2, error=TopicModelError)
    if max_iter is not None:
        max_iter = check_positive_int(max_iter, "max_iter", error=TopicModelError)
    n_restarts = check_positive_int(n_restarts, "n_restarts", error=TopicModelError)
    if not 0 < sample_fraction <= 1:
        raise TopicModelError(f"sample_fraction must be in (0, 1], not {sample_fraction!r}")
    if not 0 <= stability_ratio <= 1:
        raise TopicModelError(f"stability_ratio must be in [0, 1], not {stability_ratio!r}")
    if max_k is not None:
        max_k = check_positive_int(max_k, "max_k", error=TopicModelError)

    _, matrix = vectorize_units(units, weighting, min_df=min_df, max_df=max_df)
    n_units, n_terms = matrix.shape
    n_sample = max(1, round(sample_fraction * n_units))
    if max_sample is not None:
        n_sample = min(
            n_sample, check_positive_int(max_sample, "max_sample", error=TopicModelError)
        )
    where = f"each sample ({n_sample} units, sample_fraction={sample_fraction})"
    # A k that the corpus cannot support is skipped (and said so), unless none is left.
    limit = min(n_sample, n_terms)
    feasible = [k for k in ks if k <= limit]
    skipped = [k for k in ks if k not in feasible]
    for k in ks if not feasible else ():
        check_k(k, n_sample, n_terms, where=where if n_sample < n_units else "the corpus")
    binary = (matrix > 0).astype(np.int64)
    samples = [
        np.sort(np.random.default_rng(seed).choice(n_units, size=n_sample, replace=False))
        if n_sample < n_units
        else None
        for seed in seeds
    ]

    def score(k: int) -> dict[str, float]:
        seed_means, scores, tops_per_seed, converged = [], [], [], []
        for seed, sample in zip(seeds, samples, strict=True):
            fitted = matrix if sample is None else matrix[sample]
            with warnings.catch_warnings(record=True) as caught:  # counted in the table
                warnings.simplefilter("always", ConvergenceWarning)
                *_, topic_weights = fit_estimator(
                    fitted,
                    method,
                    k,
                    random_state=seed,
                    max_iter=max_iter,
                    options={},
                    n_restarts=n_restarts,
                )
            converged.append(not any(w.category is ConvergenceWarning for w in caught))
            for other in caught:
                if other.category is not ConvergenceWarning:
                    warnings.warn_explicit(
                        other.message, other.category, other.filename, other.lineno
                    )
            tops = top_indices(topic_weights, n_top, decimals=6)  # noise is no change
            topic_scores = _npmi(binary, tops)
            scores.extend(topic_scores.tolist())
            seed_means.append(_nanmean(topic_scores))
            tops_per_seed.append(tops)
        stability = np.mean(
            [_jaccard_match(a, b) for a, b in itertools.combinations(tops_per_seed, 2)]
        )
        finite_means = np.array(seed_means)[np.isfinite(seed_means)]
        spread = float(np.std(finite_means, ddof=1)) if len(finite_means) > 1 else np.nan
        return {
            "k": k,
            "coherence": _nanmean(np.array(scores)),
            "coherence_sd": spread,
            "stability": float(stability),
            "converged": float(np.mean(converged)),
        }

    columns = ["k", "coherence", "coherence_sd", "stability", "converged"]
    table = pd.DataFrame([score(k) for k in feasible], columns=columns)
    chosen, peaked = _recommend(table, stability_ratio)
    step = max(1, feasible[-1] - feasible[-2]) if len(feasible) > 1 else 1
    ceiling = min(limit, 2 * max(ks) if max_k is None else max_k)
    widened: list[int] = []
    while widen and len(feasible) > 1 and not peaked and table["k"].max() + step <= ceiling:
        widened.append(int(table["k"].max()) + step)
        table = pd.concat([table, pd.DataFrame([score(widened[-1])])], ignore_index=True)
        chosen, peaked = _recommend(table, stability_ratio)
    table["recommended"] = table.index == chosen
    table.attrs["reason"] = _reason(
        table,
        chosen,
        peaked=peaked,
        stability_ratio=stability_ratio,
        widened=widened,
        widen=widen,
        ceiling=ceiling,
        limit=limit,
        skipped=skipped,
        iterations=max_iter or DEFAULT_MAX_ITER[method],
    )
    table.attrs["peaked"] = peaked
    table.attrs["widened"] = widened
    return table


def _reason(
    table: pd.DataFrame,
    chosen: int,
    *,
    peaked: bool,
    stability_ratio: float,
    widened: list[int],
    widen: bool,
    ceiling: int,
    limit: int,
    skipped: list[int],
    iterations: int,
) -> str:
    """The sentence of ``choose_k``'s ``attrs["reason"]``."""
    k_best, coh, stab = (table.loc[chosen, c] for c in ("k", "coherence", "stability"))
    best_stability = table["stability"].max()
    k_stable = int(table.loc[table["stability"].idxmax(), "k"])
    k_max = int(table["k"].max())
    if len(table) == 1:
        reason = f"k={k_best} is the only k tried (stability {stab:.2f}, coherence {coh:.3f})"
    elif peaked:
        reason = (
            f"k={k_best} has the highest mean NPMI coherence ({coh:.3f}) among the ks whose "
            f"stability is at least {stability_ratio:.0%} of the best ({best_stability:.2f}, "
            f"at k={k_stable}); its own stability is {stab:.2f}"
        )
    else:
        why = (
            "the most the corpus allows"
            if k_max + 1 > limit
            else f"max_k={ceiling}"
            if widen
            else "widen=False"
        )
        reason = (
            f"coherence never stopped rising: the largest k tried (k={k_max}, {why}) scored "
            "best, so coherence does not choose k. k={k} is recommended instead as the most "
            "stable k tried (stability {stab:.2f}); treat it as a working choice, not as "
            "the number of topics in the corpus"
        ).format(k=k_best, stab=stab)
    if widened:
        reason += f"; the range was widened to k={', '.join(map(str, widened))}"
    if skipped:
        reason += (
            f"; k={', '.join(map(str, skipped))} skipped: more topics than the "
            f"{limit} units or terms each fit sees"
        )
    unconverged = table.loc[table["converged"] < 1, "k"].tolist()
    if unconverged:
        reason += (
            f"; some fits for k={', '.join(map(str, unconverged))} stopped at "
            f"max_iter={iterations} before converging (column converged), so their "
            "scores are less sure; a larger max_iter may change them"
        )
    if peaked and len(table) > 1 and k_best == table["k"].min() and k_best > 2:
        reason += "; it is the smallest k tried, so try smaller ks too"
    return reason + "."


def compare_with_labels(
    model: TopicModel | DocumentClusters | pd.DataFrame, labels: Sequence[object]
) -> dict[str, float]:
    """Compare each unit's main topic (its largest share) with a known label per unit.

    Parameters
    ----------
    model : TopicModel, DocumentClusters or pandas.DataFrame
        A fitted model (its units), document clusters (their documents' clusters), or a
        table of topic shares with one row per item, such as
        :func:`~corpus_tools.topics.document_topics` to compare whole documents with
        their categories (in the table's row order).
    labels : sequence
        One label per unit (or document, or row), e.g. the news category.

    Returns
    -------
    dict
        ``nmi``: normalised mutual information (arithmetic mean normalisation, 0 to 1);
        ``ari``: adjusted Rand index (0 for chance, 1 for the same grouping). Both ignore
        how topics and labels are numbered or named.

    Examples
    --------
    >>> from corpus_tools.topics import document_topics, fit_topics
    >>> units = [["bộ_chính_trị", "họp"], ["bộ_chính_trị", "họp", "ở"],
    ...          ["bóng_đá", "cầu_thủ", "ở"], ["bóng_đá", "cầu_thủ"]]
    >>> model = fit_topics(units, k=2, max_df=1.0)
    >>> compare_with_labels(model, ["chính trị", "chính trị", "thể thao", "thể thao"])
    {'nmi': 1.0, 'ari': 1.0}
    >>> shares = document_topics(model, doc_ids=["bài 1", "bài 1", "bài 2", "bài 3"])
    >>> compare_with_labels(shares, ["chính trị", "thể thao", "thể thao"])
    {'nmi': 1.0, 'ari': 1.0}
    """
    labels = list(labels)
    if isinstance(model, DocumentClusters):
        main_topic, what = np.asarray(model.labels), "the clusters have"
    else:
        shares = model.to_numpy() if isinstance(model, pd.DataFrame) else model.unit_topics
        main_topic = shares.argmax(axis=1)
        what = "the table has" if isinstance(model, pd.DataFrame) else "the model has"
    if len(labels) != len(main_topic):
        raise TopicModelError(
            f"labels has {len(labels)} entries but {what} {len(main_topic)} units; pass one "
            "label per unit (or row), in the same order"
        )
    return {
        "nmi": float(normalized_mutual_info_score(labels, main_topic)),
        "ari": float(adjusted_rand_score(labels, main_topic)),
    }
