"""corpus_tools: Vietnamese news text analysis, from messy files to report-ready figures.

The pipeline runs one way: io → normalize → tokenize → features / topics → plots.
Citations of Party documents, people and their roles, organisations, and passages
shared between articles live in one namespace, :mod:`corpus_tools.extract`.

Importing the package loads no segmentation model, touches no file, and imports
scikit-learn and matplotlib only when a function that needs them is first used. The
plotting functions live in :mod:`corpus_tools.plots`; only ``save_figure`` is
re-exported here.
"""

from __future__ import annotations

import importlib

# Reading, normalising and segmenting load at once: worker processes need only these.
from .errors import CacheWarning, CorpusError, SegmentationError, SkippedDocumentsWarning
from .io import Document, iter_corpus, read_corpus
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
)

# Counting, models and figures load on first use: scikit-learn and matplotlib take
# about two seconds to import, which every worker process would otherwise pay.
_LAZY = {
    "collocations": "features",
    "document_similarity": "features",
    "document_term_matrix": "features",
    "keyness": "features",
    "keyness_by_document": "features",
    "kwic": "features",
    "term_frequencies": "features",
    "top_tfidf_terms": "features",
    "word_candidates": "features",
    "save_figure": "plots",
    "TopicModel": "topics",
    "choose_k": "topics",
    "coherence": "topics",
    "compare_with_labels": "topics",
    "document_topics": "topics",
    "fit_topics": "topics",
    "topic_terms": "topics",
    "typical_units": "topics",
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
    "SegmentationError",
    "SkippedDocumentsWarning",
    "TopicModel",
    "choose_k",
    "coherence",
    "collocations",
    "compare_with_labels",
    "document_similarity",
    "document_term_matrix",
    "document_topics",
    "fit_topics",
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
    "save_figure",
    "show_versions",
    "term_frequencies",
    "text_units",
    "token_to_text",
    "tokenize",
    "tokenize_corpus",
    "top_tfidf_terms",
    "topic_terms",
    "typical_units",
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
