"""corpus_tools: Vietnamese news text analysis, from messy files to report-ready figures.

The pipeline runs one way: io → normalize → segment → features / topics → plots.

The public API has three tiers:

1. **This package's top level**: the verbs a notebook or script calls, from
   :func:`read_corpus` through :func:`tokenize_corpus`, :func:`term_frequencies` and
   :func:`fit_topics` to :func:`save_figure`, and the errors a caller catches.
2. **Two namespaces**: :mod:`corpus_tools.extract` (citations of Party and state
   documents, organisations, people and their roles, passages shared between articles)
   and :mod:`corpus_tools.plots` (one ``plot_*`` function per figure kind).
3. **Documented submodules** for everything else public: :mod:`~corpus_tools.io`,
   :mod:`~corpus_tools.normalize`, :mod:`~corpus_tools.segment` (with
   :mod:`~corpus_tools.segment.cache` and :mod:`~corpus_tools.segment.distributed`),
   :mod:`~corpus_tools.features`, :mod:`~corpus_tools.topics`,
   :mod:`~corpus_tools.errors`, and the shared :mod:`~corpus_tools.validation`,
   :mod:`~corpus_tools.vietnamese`, :mod:`~corpus_tools.types`,
   :mod:`~corpus_tools.files` and :mod:`~corpus_tools.paths`.

Importing the package loads no segmentation model, touches no file, and imports
scikit-learn and matplotlib only when a function that needs them is first used.
"""

from __future__ import annotations

import importlib

# Reading, normalising and segmenting load at once: worker processes need only these.
from .errors import (
    CacheWarning,
    CorpusError,
    SegmentationError,
    SkippedDocumentsWarning,
    TopicModelError,
    TopicModelWarning,
)
from .groups import document_labels, documents_table, group_labels, subset
from .io import Document, iter_corpus, read_corpus, removed_line_counts, removed_lines
from .normalize import normalization_changes, normalize_text
from .segment import (
    iter_tokens,
    load_stopwords,
    load_user_words,
    read_tokens,
    text_units,
    token_to_text,
    tokenize,
    tokenize_corpus,
    tokenize_texts,
)

# Counting, models and figures load on first use: scikit-learn and matplotlib take
# about two seconds to import, which every worker process would otherwise pay.
_LAZY = {
    **dict.fromkeys(
        (
            "collocations",
            "count_matrix",
            "document_similarity",
            "document_table",
            "document_term_matrix",
            "keyness",
            "keyness_by_document",
            "kwic",
            "syllables_and_words",
            "term_frequencies",
            "tfidf_keyword_matrix",
            "top_tfidf_terms",
            "unify_case",
            "word_candidates",
        ),
        "features",
    ),
    **dict.fromkeys(
        (
            "DocumentClusters",
            "TopicModel",
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
        ),
        "topics",
    ),
    "save_figure": "plots",
}
_SUBMODULES = ("extract", "features", "plots", "segment", "topics")


def __getattr__(name: str) -> object:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | set(_SUBMODULES))


__version__ = "0.1.0"

__all__ = [
    "CacheWarning",
    "CorpusError",
    "Document",
    "DocumentClusters",
    "SegmentationError",
    "SkippedDocumentsWarning",
    "TopicModel",
    "TopicModelError",
    "TopicModelWarning",
    "choose_clusters",
    "choose_k",
    "choose_unit",
    "cluster_documents",
    "cluster_terms",
    "coherence",
    "collocations",
    "compare_topic_models",
    "compare_with_labels",
    "count_matrix",
    "document_labels",
    "document_similarity",
    "document_table",
    "document_term_matrix",
    "document_topics",
    "documents_table",
    "drop_short_units",
    "fit_topics",
    "group_labels",
    "iter_corpus",
    "iter_tokens",
    "keyness",
    "keyness_by_document",
    "kwic",
    "load_stopwords",
    "load_user_words",
    "normalization_changes",
    "normalize_text",
    "read_corpus",
    "read_tokens",
    "removed_line_counts",
    "removed_lines",
    "save_figure",
    "show_versions",
    "subset",
    "syllables_and_words",
    "term_frequencies",
    "text_units",
    "tfidf_keyword_matrix",
    "token_to_text",
    "tokenize",
    "tokenize_corpus",
    "tokenize_texts",
    "top_tfidf_terms",
    "topic_labels",
    "topic_prevalence",
    "topic_terms",
    "typical_units",
    "unify_case",
    "word_candidates",
]


def show_versions() -> None:
    """Print the versions of corpus_tools, Python and the libraries it builds on."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    print(f"corpus_tools: {__version__}")
    print(f"python: {platform.python_version()} ({platform.platform()})")
    for name in (
        "underthesea",
        "scikit-learn",
        "numpy",
        "scipy",
        "pandas",
        "matplotlib",
        "wordcloud",
        "pyarrow",
        "joblib",
        "networkx",
    ):
        try:
            print(f"{name}: {version(name)}")
        except PackageNotFoundError:
            print(f"{name}: not installed")
