"""corpus_tools: Vietnamese news text analysis, from messy files to report-ready figures.

The pipeline runs one way: io → normalize → tokenize → features / topics → plots.
Citations of Party documents, people and their roles, and passages shared between
articles live in :mod:`corpus_tools.references`, :mod:`corpus_tools.entities` and
:mod:`corpus_tools.reuse`.

Importing the package loads no segmentation model and touches no file. The plotting
functions live in :mod:`corpus_tools.plots`; only ``save_figure`` is re-exported here.
"""

from __future__ import annotations

from . import entities, references, reuse  # noqa: F401  (subpackages reachable as ct.references, …)
from .cache import CacheWarning, read_tokens
from .errors import CorpusError
from .features import (
    collocations,
    document_similarity,
    document_term_matrix,
    keyness,
    keyness_by_document,
    kwic,
    term_frequencies,
    top_tfidf_terms,
    word_candidates,
)
from .io import Document, iter_corpus, read_corpus
from .normalize import normalization_changes, normalize_text
from .plots import save_figure
from .tokenize import (
    SegmentationError,
    SkippedDocumentsWarning,
    iter_tokens,
    load_stopwords,
    load_user_words,
    text_units,
    token_to_text,
    tokenize,
    tokenize_corpus,
)
from .topics import (
    TopicModel,
    choose_k,
    coherence,
    compare_with_labels,
    document_topics,
    fit_topics,
    topic_terms,
    typical_units,
)

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
