"""Fixtures for the features tests: the seeds tokenized for counting, once a session."""

from __future__ import annotations

import pytest

from corpus_tools.io import read_corpus
from corpus_tools.segment import load_stopwords, tokenize_corpus


@pytest.fixture(scope="session")
def seeds() -> tuple[list[str], list[list[str]]]:
    """The five seed articles' ids and tokens: lowercased, no stopwords, no numbers."""
    docs = read_corpus()
    tokens = tokenize_corpus(docs, lowercase=True, stopwords=load_stopwords(), keep_numbers=False)
    return [doc.doc_id for doc in docs], tokens
