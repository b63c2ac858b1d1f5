"""Topic models of Vietnamese text: fit, describe, score and choose the number of topics.

The models are scikit-learn's, fitted on token lists (one list per unit, syllables of a
word joined by ``_``) through a vectorizer whose analyzer is the identity, so every word
the tokenizer kept is a term, one-letter words such as "ở" included.

The defaults are the ones to use unless you have a reason not to:

* **Units: documents for many documents, paragraphs for a handful**
  (:func:`choose_unit`: documents from 50 on). Tokenize once with
  ``iter_tokens(docs, unit=unit, include_title=unit == "document",
  stopwords=load_stopwords(), keep_numbers=False)``: a title is never a unit of its own
  (with paragraphs it would become a topic by itself; a document keeps its headline,
  which names its subject), and :func:`drop_short_units` leaves out units of fewer than
  five words (photo captions, datelines), saying how many. Given ``(doc_id, tokens)`` pairs,
  :func:`fit_topics` keeps each unit's document id, and :func:`document_topics` averages
  paragraphs back into documents.
* **Words, not syllables**: "bóng_đá" is one term, not "bóng" (ball, shadow) plus "đá"
  (kick, stone). NPMI coherence (:func:`coherence`) is computed on the same words.
* **NMF on TF-IDF** (``method="nmf"``): sublinear tf (``1 + log tf``) so one paragraph
  repeating a word does not own a topic, smoothed idf, and l2-normalised rows so long and
  short paragraphs weigh the same (the usual weighting for NMF document clustering:
  Xu, Liu and Gong 2003; O'Callaghan et al. 2015). Frobenius loss with the
  coordinate-descent solver, ``max_iter=1000``, from four random starts
  (``init="random"``, seeds drawn from ``random_state``), keeping the best fit: another
  ``random_state`` gives another fit, so the stability :func:`choose_k` reports across
  seeds is measured (NNDSVD, the deterministic start used before, ignores the seed).
  LDA (``method="lda"``) is fitted on raw counts, as its model assumes.
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

Measured on the 70 seed paragraphs with the earlier deterministic NNDSVD start (k = 2…8,
eight 80% subsamples each; mean NPMI of the top 10 words / stability / NMI between a
paragraph's topic and its article):

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
:class:`~corpus_tools.errors.TopicModelError`) with a message that says what to change.

**Document clusters** beside topics (:mod:`~corpus_tools.topics.clusters`): k-means on
LSA vectors of whole documents, k by silhouette (:func:`choose_clusters`,
:func:`cluster_documents`). Each document gets one cluster, usable as a grouping
(``groups=``). On labelled news they recovered editorial categories better than topics
(NMI 0.673 against 0.595 for NMF, as issue 12 reports), so they are the grouping of
documents to use for a corpus of many documents.

The modules: :mod:`~corpus_tools.topics.units` chooses the units
(:func:`choose_unit`, :func:`drop_short_units`); :mod:`~corpus_tools.topics.model` fits
a model (:func:`fit_topics`); :mod:`~corpus_tools.topics.tables` reads it
(:func:`topic_terms`, :func:`topic_labels`, :func:`document_topics`,
:func:`typical_units`, :func:`topic_prevalence`); :mod:`~corpus_tools.topics.evaluation`
judges it (:func:`coherence`, :func:`choose_k`, :func:`compare_with_labels`);
:mod:`~corpus_tools.topics.comparison` compares two models
(:func:`compare_topic_models`); :mod:`~corpus_tools.topics.clusters` groups documents.

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
0      0     1       cầu thủ       cầu_thủ    0.30
1      0     2      trận đấu      trận_đấu    0.23
2      1     1        cán bộ        cán_bộ    0.30
3      1     2  bộ chính trị  bộ_chính_trị    0.24
>>> topic_labels(model, n_top=2)
['1. cầu thủ, trận đấu', '2. cán bộ, bộ chính trị']
>>> compare_with_labels(model, ["chính trị"] * 3 + ["thể thao"] * 3)
{'nmi': 1.0, 'ari': 1.0}
"""

from __future__ import annotations

from ..errors import TopicModelError
from .clusters import DocumentClusters, choose_clusters, cluster_documents, cluster_terms
from .comparison import compare_topic_models
from .evaluation import choose_k, coherence, compare_with_labels
from .model import TopicModel, fit_topics
from .tables import (
    document_topics,
    topic_labels,
    topic_prevalence,
    topic_terms,
    typical_units,
)
from .units import KeptUnits, choose_unit, drop_short_units

__all__ = [
    "DocumentClusters",
    "KeptUnits",
    "TopicModel",
    "TopicModelError",
    "choose_clusters",
    "choose_k",
    "choose_unit",
    "cluster_documents",
    "cluster_terms",
    "coherence",
    "compare_topic_models",
    "compare_with_labels",
    "document_topics",
    "drop_short_units",
    "fit_topics",
    "topic_labels",
    "topic_prevalence",
    "topic_terms",
    "typical_units",
]
