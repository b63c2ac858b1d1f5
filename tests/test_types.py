"""The shared type aliases agree with the values the checks accept."""

from __future__ import annotations

from typing import get_args

from corpus_tools import types, validation


def test_unit_and_on_error_literals_match_the_checks():
    assert get_args(types.Unit) == validation.UNITS
    assert get_args(types.OnError) == validation.ON_ERROR


def test_every_alias_is_exported():
    assert all(hasattr(types, name) for name in types.__all__)
