"""Fixtures of the segmentation tests."""

from __future__ import annotations

import pytest

from corpus_tools.segment import runner


@pytest.fixture
def segmented(monkeypatch):
    """Count the units segmented in this process (the serial path and the cache path)."""
    counted: list[str] = []
    original = runner.segment_units

    def counting(texts, user_words):
        counted.extend(texts)
        return original(texts, user_words)

    monkeypatch.setattr(runner, "segment_units", counting)
    return counted
