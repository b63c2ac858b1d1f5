"""Group whole documents by their words: LSA, then k-means; and choose the number of groups.

Each document is one vector of sublinear TF-IDF weights (``min_df=2``, ``max_df=0.5``,
as for the topic models), reduced by a truncated SVD to about 100 dimensions (latent
semantic analysis, LSA) and scaled to unit length, so k-means on these vectors groups
documents by cosine similarity. k-means starts ``n_init=10`` times from k-means++ seeds
and keeps the best; scikit-learn's example "Clustering text documents using k-means"
does the same. Each cluster is described by the terms of its centroid mapped back
through the SVD, and by its size.

Issue 12 reports this method on labelled news (three balanced samples of 2,000 real
articles in 10 editorial categories, measured outside this package): it recovered the
categories at NMI 0.673 (sd 0.004), against 0.595 for NMF topics with the defaults of
the time, 0.54 for LDA and 0.60 for k-means on raw TF-IDF.
On generated corpora (``benchmarks/make_corpus.py``: real UD Vietnamese sentences
recombined into synthetic articles, so these are synthetic measurements), each document
with its title, at the k :func:`choose_clusters` recommends: NMI 0.67, 0.70 and 0.68 on
three corpora of 2,000 articles in 10 categories (k = 11, 10, 10), 0.72 on 300 articles
(k = 10), 0.64 on 1,000 articles in 6 categories (k = 6). NMF given the true number of
categories did as well or better there (0.67 to 0.79): the generated corpora do not
reproduce the gap seen on real news.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from ..errors import TopicModelError, TopicModelWarning
from ..types import TokensInput
from ..validation import check_positive_int
from ..wording import check_lang
from .model import NEGLIGIBLE, check_units, vectorize_units
from .tables import term_names, term_table

__all__ = [
    "SILHOUETTE_SAMPLE",
    "DocumentClusters",
    "choose_clusters",
    "cluster_documents",
    "cluster_terms",
]

SILHOUETTE_SAMPLE = 5000
"""Silhouettes are computed on at most this many documents (a seeded sample): the score
needs every pairwise distance."""


@dataclass(frozen=True, eq=False)
class DocumentClusters:
    """Documents grouped by k-means on their LSA vectors (:func:`cluster_documents`).

    Attributes
    ----------
    labels : numpy.ndarray of int
        Each document's cluster, 0 to k-1, in the order the documents were given.
        Clusters are numbered by size, largest first.
    doc_ids : tuple of str or None
        The documents' ids, when they were given with them (pairs or a mapping).
    centroid_terms : numpy.ndarray, shape (k, terms)
        Each cluster's centroid mapped back from the LSA space to term weights (the
        SVD's ``inverse_transform``); the largest are the cluster's top terms.
    vocabulary : numpy.ndarray of str
        The terms (tokens), in column order.
    names : tuple of str
        Each cluster's name: its number from 1 and its three top terms
        ("1. cầu thủ, trận đấu, bàn thắng").
    k : int
        The number of clusters.
    silhouette : float
        The mean silhouette of the documents (cosine, on the LSA vectors; NaN when k is
        1 or the number of documents).
    vectorizer, svd, kmeans
        The fitted TF-IDF vectorizer, TruncatedSVD and KMeans (whose own cluster numbers
        are in k-means' order, not by size).
    """

    labels: np.ndarray
    doc_ids: tuple[str, ...] | None
    centroid_terms: np.ndarray
    vocabulary: np.ndarray
    names: tuple[str, ...]
    k: int
    silhouette: float
    vectorizer: CountVectorizer
    svd: TruncatedSVD
    kmeans: KMeans

    def __repr__(self) -> str:
        return (
            f"DocumentClusters(k={self.k}, documents={len(self.labels)}, "
            f"silhouette={self.silhouette:.3f})"
        )

    @property
    def groups(self) -> dict[str, str] | list[str]:
        """Each document's cluster name, for any ``groups=`` argument.

        A mapping doc_id → name when the documents came with ids, else a list aligned
        with the documents.
        """
        names = [self.names[label] for label in self.labels]
        return names if self.doc_ids is None else dict(zip(self.doc_ids, names, strict=True))

    @property
    def summary(self) -> pd.DataFrame:
        """One row per cluster: ``cluster`` (0 to k-1), ``name``, ``documents``, ``share``."""
        sizes = np.bincount(self.labels, minlength=self.k)
        return pd.DataFrame(
            {
                "cluster": np.arange(self.k),
                "name": list(self.names),
                "documents": sizes,
                "share": sizes / max(1, sizes.sum()),
            }
        )

    @property
    def assignments(self) -> pd.DataFrame:
        """One row per document: ``doc_id`` (or its position), ``cluster`` and ``name``."""
        ids = self.doc_ids or tuple(str(i) for i in range(len(self.labels)))
        return pd.DataFrame(
            {
                "doc_id": list(ids),
                "cluster": self.labels,
                "name": [self.names[label] for label in self.labels],
            }
        )


def _documents(tokens: TokensInput) -> tuple[list[list[str]], tuple[str, ...] | None]:
    """Token lists per document; the units of one id (paragraphs) are joined in order."""
    units, ids = check_units(tokens)
    if ids is None or len(set(ids)) == len(ids):
        return units, ids
    joined: dict[str, list[str]] = {}
    for doc_id, unit in zip(ids, units, strict=True):
        joined.setdefault(doc_id, []).extend(unit)
    if len(joined) < 2:
        raise TopicModelError(
            f"clustering needs at least 2 documents, got {len(joined)} (the units share one id)"
        )
    return list(joined.values()), tuple(joined)


def _lsa(
    documents: list[list[str]],
    *,
    n_components: int,
    random_state: int,
    min_df: int | float,
    max_df: int | float,
) -> tuple[CountVectorizer, sparse.csr_matrix, TruncatedSVD, np.ndarray]:
    """Sublinear TF-IDF, truncated SVD, rows scaled to unit length.

    When ``max_df`` leaves fewer than two terms but no upper limit would leave more (a
    handful of documents that share all their words), the limit is dropped with a
    :class:`TopicModelWarning` saying so, instead of failing.
    """
    n_components = check_positive_int(n_components, "n_components", error=TopicModelError)
    try:
        vectorizer, matrix = vectorize_units(documents, "tfidf", min_df=min_df, max_df=max_df)
        left = matrix.shape[1]
    except TopicModelError:
        if max_df == 1.0:
            raise
        left = 0  # no term at all, or max_df allows fewer documents than min_df asks
    if left < 2 and max_df != 1.0:
        vectorizer, matrix = vectorize_units(documents, "tfidf", min_df=min_df, max_df=1.0)
        warnings.warn(
            f"max_df={max_df!r} left {left} term(s) in {len(documents)} documents, too few "
            f"to cluster; clustered with max_df=1.0 ({matrix.shape[1]} terms) instead",
            TopicModelWarning,
            stacklevel=3,
        )
    dimensions = min(n_components, matrix.shape[0] - 1, matrix.shape[1] - 1)
    if dimensions < 1:
        raise TopicModelError(
            f"LSA needs at least 2 documents and 2 terms, got {matrix.shape[0]} documents and "
            f"{matrix.shape[1]} terms after min_df / max_df; lower min_df or raise max_df"
        )
    svd = TruncatedSVD(n_components=dimensions, random_state=random_state)
    vectors = normalize(svd.fit_transform(matrix))
    return vectorizer, matrix, svd, vectors


def _kmeans(vectors: np.ndarray, k: int, *, n_init: int, random_state: int) -> KMeans:
    """k-means on one thread: on LSA vectors of a few thousand documents, OpenMP's
    threads cost more than they save (7 s against 18 s for k = 10 and 20 on 2,000
    synthetic articles, on a loaded 2-core machine; 19 s against 33 s on 20,000)."""
    with threadpool_limits(limits=1, user_api="openmp"), warnings.catch_warnings():
        # fewer distinct documents than k: k-means says so; the caller's k is kept
        warnings.simplefilter("ignore", ConvergenceWarning)
        return KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(vectors)


def _silhouette(vectors: np.ndarray, labels: np.ndarray, *, random_state: int) -> float:
    n_labels = len(np.unique(labels))
    if not 2 <= n_labels <= len(vectors) - 1:
        return float("nan")
    sample = min(len(vectors), SILHOUETTE_SAMPLE)
    return float(
        silhouette_score(
            vectors, labels, metric="cosine", sample_size=sample, random_state=random_state
        )
    )


def _check_k(k: object, n_docs: int) -> int:
    k = check_positive_int(k, "k (the number of clusters)", error=TopicModelError)
    if k > n_docs:
        raise TopicModelError(f"k={k} clusters is more than the {n_docs} documents; lower k")
    return k


def cluster_documents(
    tokens: TokensInput,
    *,
    k: int,
    n_components: int = 100,
    n_init: int = 10,
    random_state: int = 0,
    min_df: int | float = 2,
    max_df: int | float = 0.5,
    lang: str = "vi",
) -> DocumentClusters:
    """Group documents into ``k`` clusters: k-means on their LSA vectors.

    Parameters
    ----------
    tokens : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document, as for the topic models (stopwords and numbers
        out). Pairs whose ids repeat (paragraphs) are joined into their documents.
    k : int
        The number of clusters (see :func:`choose_clusters`).
    n_components : int
        LSA dimensions; at most the number of documents and of terms, less one.
    n_init : int
        k-means runs from different k-means++ starts; the one with the lowest inertia
        is kept.
    random_state : int
        Seed of the SVD and of k-means: the same seed gives the same clusters.
    min_df, max_df : int or float
        As for :func:`~corpus_tools.topics.fit_topics`.
    lang : {"vi", "en"}
        The language of the name of a cluster whose centre holds no term (for
        :func:`~corpus_tools.topics.topic_labels` too); the terms stay as written.

    Returns
    -------
    DocumentClusters
        Its ``groups`` label every document with its cluster's name.

    Examples
    --------
    >>> docs = {"a": ["bộ_chính_trị", "cán_bộ", "họp"], "b": ["cán_bộ", "bộ_chính_trị"],
    ...         "c": ["bóng_đá", "cầu_thủ", "ghi_bàn"], "d": ["cầu_thủ", "bóng_đá"]}
    >>> clusters = cluster_documents(docs, k=2, max_df=1.0)
    >>> clusters
    DocumentClusters(k=2, documents=4, silhouette=1.000)
    >>> clusters.groups["a"], clusters.groups["d"]
    ('1. bộ chính trị, cán bộ', '2. bóng đá, cầu thủ')
    """
    check_lang(lang)
    documents, doc_ids = _documents(tokens)
    k = _check_k(k, len(documents))
    n_init = check_positive_int(n_init, "n_init", error=TopicModelError)
    vectorizer, _, svd, vectors = _lsa(
        documents,
        n_components=n_components,
        random_state=random_state,
        min_df=min_df,
        max_df=max_df,
    )
    kmeans = _kmeans(vectors, k, n_init=n_init, random_state=random_state)
    # number the clusters by size, largest first (ties: the one met first)
    sizes = np.bincount(kmeans.labels_, minlength=k)
    first = np.array([np.argmax(kmeans.labels_ == c) for c in range(k)])
    order = np.lexsort((first, -sizes))
    labels = np.argsort(order)[kmeans.labels_]
    centroid_terms = svd.inverse_transform(kmeans.cluster_centers_[order])
    # the SVD leaves rounding noise such as 1e-17 on terms a centroid does not hold
    centroid_terms[centroid_terms <= NEGLIGIBLE * centroid_terms.max(axis=1, keepdims=True)] = 0.0
    vocabulary = vectorizer.get_feature_names_out()
    for array in (centroid_terms, vocabulary, labels):
        array.setflags(write=False)
    return DocumentClusters(
        labels=labels,
        doc_ids=doc_ids,
        centroid_terms=centroid_terms,
        vocabulary=vocabulary,
        names=tuple(term_names(centroid_terms, vocabulary, n_top=3, lang=lang)),
        k=k,
        silhouette=_silhouette(vectors, labels, random_state=random_state),
        vectorizer=vectorizer,
        svd=svd,
        kmeans=kmeans,
    )


def cluster_terms(clusters: DocumentClusters, *, n_top: int = 10) -> pd.DataFrame:
    """List each cluster's ``n_top`` top terms, with its name and size.

    Returns
    -------
    pandas.DataFrame
        Columns ``cluster`` (0 to k-1), ``name``, ``documents`` (the cluster's size),
        ``rank`` (1 = heaviest), ``term`` (with spaces), ``token`` and ``weight`` (the
        term's weight in the centroid mapped back to TF-IDF; only positive ones).

    Examples
    --------
    >>> docs = [["bộ_chính_trị", "cán_bộ"], ["cán_bộ", "bộ_chính_trị"],
    ...         ["bóng_đá", "cầu_thủ"], ["cầu_thủ", "bóng_đá"]]
    >>> table = cluster_terms(cluster_documents(docs, k=2, max_df=1.0), n_top=1)
    >>> table[["cluster", "name", "documents", "rank", "term"]]
       cluster                     name  documents  rank          term
    0        0  1. bộ chính trị, cán bộ          2     1  bộ chính trị
    1        1       2. bóng đá, cầu thủ          2     1       bóng đá
    """
    table = term_table(clusters.centroid_terms, clusters.vocabulary, n_top=n_top, key="cluster")
    summary = clusters.summary.set_index("cluster")
    table.insert(1, "name", summary["name"].reindex(table["cluster"]).to_numpy())
    table.insert(2, "documents", summary["documents"].reindex(table["cluster"]).to_numpy())
    return table


def choose_clusters(
    tokens: TokensInput,
    ks: Iterable[int] = range(2, 21),
    *,
    n_components: int = 100,
    n_init: int = 10,
    random_state: int = 0,
    min_df: int | float = 2,
    max_df: int | float = 0.5,
    max_sample: int | None = 2000,
    patience: int | None = 4,
) -> pd.DataFrame:
    """Cluster with each k in ``ks``; recommend the k with the highest mean silhouette.

    The silhouette of a document compares its mean cosine distance to the other
    documents of its cluster with that to the nearest other cluster (Rousseeuw 1987):
    1 when clusters are tight and far apart, 0 when they overlap. One LSA serves every
    k. On generated news corpora (synthetic: real sentences recombined) with 6 and 10
    categories, the highest silhouette fell at the number of categories (k=2…20 tried).
    A k the documents cannot support (k of 1, or as many as the documents) is skipped
    and the reason says so. The ks are tried in increasing order, and the search stops
    once ``patience`` ks in a row have scored below the best so far (the reason names
    the ks left untried).

    Parameters
    ----------
    tokens : list of list of str, mapping or (doc_id, tokens) pairs
        As for :func:`cluster_documents`.
    ks : iterable of int
        The numbers of clusters to try.
    n_components, n_init, random_state, min_df, max_df
        As for :func:`cluster_documents`.
    max_sample : int, optional
        Above this many documents (default 2,000), k-means for each k runs on a seeded
        sample of that many (the LSA is fitted on all), so the time stays bounded; None:
        always on all. On 2,000 synthetic articles, one k takes 1 to 3 s.
    patience : int, optional
        Stop after this many ks in a row below the best (default 4); None tries every
        k.

    Returns
    -------
    pandas.DataFrame
        One row per k tried, in increasing order: ``k``, ``silhouette``, ``inertia``
        (k-means' sum of squared distances, which falls with every k and does not
        choose one), ``recommended``
        (True for one k). ``df.attrs["reason"]`` says why, and whether the recommended k
        is at an end of the range.

    Examples
    --------
    >>> docs = [["bộ_chính_trị", "cán_bộ"], ["cán_bộ", "bộ_chính_trị", "họp"],
    ...         ["bóng_đá", "cầu_thủ"], ["cầu_thủ", "bóng_đá", "sân"],
    ...         ["bệnh_viện", "bác_sĩ"], ["bác_sĩ", "bệnh_viện", "thuốc"]]
    >>> table = choose_clusters(docs, [2, 3, 4], max_df=1.0)
    >>> table.loc[table["recommended"], "k"].tolist()
    [3]
    >>> print(table.attrs["reason"])
    k=3 has the highest mean silhouette (1.000; cosine, on the LSA vectors) of k=2, 3, 4.
    """
    documents, _ = _documents(tokens)
    ks = [check_positive_int(k, "each k (number of clusters)", error=TopicModelError) for k in ks]
    if not ks or len(set(ks)) != len(ks):
        raise TopicModelError(f"ks must hold distinct numbers of clusters, got {ks!r}")
    n_init = check_positive_int(n_init, "n_init", error=TopicModelError)
    *_, vectors = _lsa(
        documents,
        n_components=n_components,
        random_state=random_state,
        min_df=min_df,
        max_df=max_df,
    )
    if max_sample is not None:
        max_sample = check_positive_int(max_sample, "max_sample", error=TopicModelError)
        if len(vectors) > max_sample:
            rng = np.random.default_rng(random_state)
            vectors = vectors[np.sort(rng.choice(len(vectors), max_sample, replace=False))]
    n_docs = len(vectors)
    feasible = [k for k in ks if 2 <= k < n_docs]
    if not feasible:
        raise TopicModelError(
            f"no k in {ks!r} can be scored: a silhouette needs 2 to {n_docs - 1} clusters "
            f"for {n_docs} documents"
        )
    if patience is not None:
        patience = check_positive_int(patience, "patience", error=TopicModelError)
    rows: list[dict[str, float]] = []
    below = 0
    for k in sorted(feasible):
        kmeans = _kmeans(vectors, k, n_init=n_init, random_state=random_state)
        score = _silhouette(vectors, kmeans.labels_, random_state=random_state)
        best_so_far = max((row["silhouette"] for row in rows), default=-np.inf)
        below = below + 1 if rows and not score > best_so_far else 0
        rows.append({"k": k, "silhouette": score, "inertia": float(kmeans.inertia_)})
        if patience is not None and below >= patience:
            break
    untried = [k for k in sorted(feasible) if k > rows[-1]["k"]]
    skipped = [k for k in ks if k not in feasible]
    feasible = [int(row["k"]) for row in rows]
    table = pd.DataFrame(rows, columns=["k", "silhouette", "inertia"])
    scores = table["silhouette"].fillna(-np.inf)
    chosen = int(scores.idxmax())  # the first maximum: ties go to the smaller k
    table["recommended"] = table.index == chosen
    best = table.loc[chosen]
    tried = ", ".join(map(str, feasible))
    reason = (
        f"k={int(best['k'])} has the highest mean silhouette ({best['silhouette']:.3f}; "
        f"cosine, on the LSA vectors) of k={tried}"
    )
    if skipped:
        reason += f"; k={', '.join(map(str, skipped))} skipped (2 to {n_docs - 1} clusters only)"
    if untried:
        reason += (
            f"; the {patience} ks after it scored lower, so k={', '.join(map(str, untried))} "
            "were not tried"
        )
    if len(feasible) > 1 and best["k"] == max(feasible):
        reason += "; it is the largest k tried, so try larger ks too"
    table.attrs["reason"] = reason + "."
    return table
