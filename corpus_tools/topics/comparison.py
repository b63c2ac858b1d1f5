"""Compare two topic models: match their topics one to one and count shared top words."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from ..errors import TopicModelError
from ..segment import token_to_text
from ..validation import check_positive_int
from .model import TopicModel, top_indices
from .tables import topic_labels

__all__ = ["compare_topic_models"]


def _on_vocabulary(model: TopicModel, vocabulary: np.ndarray) -> np.ndarray:
    """The model's topic-term weights, with columns for every term of ``vocabulary``."""
    where = {str(term): column for column, term in enumerate(vocabulary)}
    weights = np.zeros((model.k, len(vocabulary)))
    columns = [where[str(term)] for term in model.vocabulary]
    weights[:, columns] = model.topic_terms
    return weights


def compare_topic_models(
    model_a: TopicModel, model_b: TopicModel, *, n_top: int = 10
) -> pd.DataFrame:
    """Match the topics of two models one to one, and list the top words they share.

    Each topic is its distribution over terms (:attr:`TopicModel.topic_terms`, on the
    union of the two vocabularies). Topics are matched to maximise the summed cosine
    similarity of their distributions (Hungarian method, ``linear_sum_assignment``),
    so every topic has at most one match; with different k, the extra topics of the
    larger model stay unmatched.

    Parameters
    ----------
    model_a, model_b : TopicModel
        Two models fitted on the same units, e.g. NMF and LDA with the same k.
    n_top : int
        How many top words of each topic to compare.

    Returns
    -------
    pandas.DataFrame
        One row per matched pair, in the order of ``model_a``'s topics, then one per
        unmatched topic. Columns ``topic_a``, ``label_a``, ``topic_b``, ``label_b``
        (topics numbered from 0, labels by :func:`~corpus_tools.topics.topic_labels`;
        empty for an unmatched side), ``similarity`` (cosine of the two distributions,
        0 to 1), ``shared`` (how many of the ``n_top`` top words both have) and
        ``shared_terms`` (those words, joined by "; "). ``df.attrs["summary"]`` says how
        close the models are in one sentence.

    Examples
    --------
    >>> from corpus_tools.topics import fit_topics
    >>> units = [["bộ_chính_trị", "cán_bộ", "họp"], ["cán_bộ", "bộ_chính_trị", "đảng"],
    ...          ["bóng_đá", "cầu_thủ", "sân"], ["cầu_thủ", "bóng_đá", "trận_đấu"]]
    >>> nmf = fit_topics(units, k=2, max_df=1.0)
    >>> lda = fit_topics(units, k=2, max_df=1.0, method="lda")
    >>> table = compare_topic_models(nmf, lda, n_top=2)
    >>> table[["shared", "shared_terms"]]
       shared          shared_terms
    0       2      bóng đá; cầu thủ
    1       2  bộ chính trị; cán bộ
    >>> print(table.attrs["summary"])
    2 topic pairs matched; mean cosine similarity 0.98; 2 of 2 pairs share at least half of
    their top 2 words.
    """
    n_top = check_positive_int(n_top, "n_top", error=TopicModelError)
    vocabulary = np.union1d(model_a.vocabulary.astype(str), model_b.vocabulary.astype(str))
    weights_a = _on_vocabulary(model_a, vocabulary)
    weights_b = _on_vocabulary(model_b, vocabulary)
    norms = np.outer(np.linalg.norm(weights_a, axis=1), np.linalg.norm(weights_b, axis=1))
    similarity = np.divide(
        weights_a @ weights_b.T, norms, out=np.zeros_like(norms), where=norms > 0
    )
    rows_a, rows_b = linear_sum_assignment(similarity, maximize=True)
    tops_a = top_indices(weights_a, n_top)
    tops_b = [set(columns.tolist()) for columns in top_indices(weights_b, n_top)]
    labels_a, labels_b = topic_labels(model_a), topic_labels(model_b)
    rows = []
    for a, b in zip(rows_a, rows_b, strict=True):
        # in the order of model_a's topic, heaviest first
        shared = [str(vocabulary[c]) for c in tops_a[a] if c in tops_b[b]]
        rows.append(
            (a, labels_a[a], b, labels_b[b], float(similarity[a, b]), len(shared),
             "; ".join(token_to_text(term) for term in shared))
        )  # fmt: skip
    rows += [(a, labels_a[a], None, "", np.nan, 0, "") for a in range(model_a.k) if a not in rows_a]
    rows += [(None, "", b, labels_b[b], np.nan, 0, "") for b in range(model_b.k) if b not in rows_b]
    columns = ["topic_a", "label_a", "topic_b", "label_b", "similarity", "shared", "shared_terms"]
    table = pd.DataFrame(rows, columns=columns).astype({"topic_a": "Int64", "topic_b": "Int64"})
    matched = table["similarity"].notna()
    close = int((table.loc[matched, "shared"] >= n_top / 2).sum())
    mean = table.loc[matched, "similarity"].mean()
    table.attrs["summary"] = (
        f"{int(matched.sum())} topic pairs matched; mean cosine similarity {mean:.2f}; "
        f"{close} of {int(matched.sum())} pairs share at least half of their top {n_top} words."
    )
    return table
