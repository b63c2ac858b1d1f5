"""corpus_tools: Vietnamese news text analysis, from messy files to report-ready figures.

The pipeline runs one way: io → normalize → tokenize → features / topics → plots.
Importing the package loads no model and touches no file.
"""

from __future__ import annotations

from .errors import CorpusError
from .io import Document, read_corpus
from .normalize import normalize_text
from .tokenize import (
    load_stopwords,
    load_user_words,
    text_units,
    token_to_text,
    tokenize,
    tokenize_corpus,
)

__version__ = "0.1.0"

__all__ = [
    "CorpusError",
    "Document",
    "load_stopwords",
    "load_user_words",
    "normalize_text",
    "read_corpus",
    "show_versions",
    "text_units",
    "token_to_text",
    "tokenize",
    "tokenize_corpus",
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
    ):
        try:
            print(f"{name}: {version(name)}")
        except PackageNotFoundError:
            print(f"{name}: not installed")
