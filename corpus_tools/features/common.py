"""Internal API: the small helpers that the features modules share.

Display forms of tokens, look-ups by index, empty tables with typed columns, and what
counts as a word token and its syllables. Not re-exported by :mod:`corpus_tools.features`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from ..segment import WORD_JOINER, token_to_text

__all__ = ["PER", "display_terms", "empty_table", "is_word", "syllables", "take"]

PER = 10_000
"""Relative frequencies are given per this many tokens (``per_10k`` columns)."""


def display_terms(tokens: Iterable[str]) -> list[str]:
    """Return each token as readers write it (the ``term`` column).

    Examples
    --------
    >>> display_terms(["bộ_chính_trị", "ở"])
    ['bộ chính trị', 'ở']
    """
    return [token_to_text(token) for token in tokens]


def take(values: Sequence[object], index: np.ndarray) -> np.ndarray:
    """Return ``values[index]`` for a list of strings (ids, display forms) without a loop.

    Examples
    --------
    >>> take(["a", "b", "c"], np.array([2, 0])).tolist()
    ['c', 'a']
    """
    return np.asarray(values, dtype=object)[index]


def empty_table(columns: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """Return a table without rows whose columns have the given dtypes (default ``str``).

    Examples
    --------
    >>> empty_table(["term", "count"], {"count": "int64"}).dtypes.astype(str).tolist()
    ['str', 'int64']
    """
    return pd.DataFrame({column: pd.Series(dtype=dtypes.get(column, "str")) for column in columns})


@lru_cache(maxsize=1 << 16)
def is_word(token: str) -> bool:
    """Return True for a token that holds a letter or digit (not punctuation, not ``_``).

    Examples
    --------
    >>> is_word("bộ_chính_trị"), is_word("2020"), is_word(","), is_word("_")
    (True, True, False, False)
    """
    return any(char.isalnum() for char in token)


def syllables(token: str) -> list[str]:
    """Return a token's syllables (the parts between ``_``).

    Examples
    --------
    >>> syllables("bộ_chính_trị")
    ['bộ', 'chính', 'trị']
    """
    return [syllable for syllable in token.split(WORD_JOINER) if syllable]
