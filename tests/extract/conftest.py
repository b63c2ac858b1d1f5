"""Fixtures the extractor tests share."""

from __future__ import annotations

import socket

import pytest

from corpus_tools.extract import find_people


@pytest.fixture(scope="session")
def seed_people(seed_docs):
    """People in the seeds, found with underthesea's tagger while the network is cut."""

    def refuse(*args, **kwargs):
        raise OSError("network access during find_people")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket, "create_connection", refuse)
        return find_people(seed_docs, use_ner=True)
