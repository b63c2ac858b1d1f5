"""Fixtures for the topic tests: a model of the toy corpus and the seed paragraphs."""

from __future__ import annotations

import pytest

from corpus_tools.io import read_corpus
from corpus_tools.segment import load_stopwords, text_units, tokenize_corpus
from corpus_tools.topics import fit_topics

from .toy import TOY


@pytest.fixture(scope="session")
def toy_model():
    return fit_topics(TOY, k=2)


@pytest.fixture(scope="session")
def seed_paragraphs():
    """The seed paragraphs: (doc_id, text) pairs and their tokens, tokenized once."""
    docs = read_corpus()
    units = text_units(docs, unit="paragraph")
    tokens = tokenize_corpus(
        docs, unit="paragraph", lowercase=True, stopwords=load_stopwords(), keep_numbers=False
    )
    return units, tokens
