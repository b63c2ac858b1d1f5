"""Shared fixtures: tiny Vietnamese texts and the seeds, read and tokenized once a session."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import settings

from corpus_tools import read_corpus, tokenize_corpus


@pytest.fixture(scope="session")
def seed_docs():
    return read_corpus()


@pytest.fixture(scope="session")
def seed_docs_by_number(seed_docs):
    """The seeds keyed by their three-digit number: ``{"000": Document, ...}``."""
    return {doc.doc_id[:3]: doc for doc in seed_docs}


@pytest.fixture(scope="session")
def seed_tokens(seed_docs):
    """Each seed's words, lowercased, punctuation dropped, stopwords kept."""
    return tokenize_corpus(seed_docs, lowercase=True)


@pytest.fixture(scope="session")
def every_character():
    """Every Unicode code point but the surrogates, as one string of 1.1 million.

    For sweeps that check a claim about every character; mark such tests slow.
    """
    return "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)


# CI explores the same examples every run, so a landing never hangs on luck; locally
# hypothesis keeps searching new ones (and remembers failures in .hypothesis/).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
