"""Internal API: the small helpers that the features modules share.

Display forms of tokens, look-ups by index, empty tables with typed columns, what
counts as a word token and its syllables, and group labels aligned with token lists.
Not re-exported by :mod:`corpus_tools.features`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..segment import WORD_JOINER, token_to_text
from ..wording import phrase

__all__ = [
    "MISSING_GROUP",
    "PER",
    "align_groups",
    "display_terms",
    "empty_table",
    "group_order",
    "is_word",
    "syllables",
    "take",
]

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


MISSING_GROUP = phrase("no_group", "vi")
"""The group of documents without a label (no value of the grouping field): kept as a
group of its own, never dropped."""


def _label(value: object) -> str:
    if value is None or value == "" or (isinstance(value, float) and np.isnan(value)):
        return MISSING_GROUP
    return str(value)


def align_groups(
    groups: Sequence[object] | Mapping[str, object],
    ids: Sequence[str],
    *,
    owner: str | None = None,
    error: type[CorpusError] = CorpusError,
) -> list[str]:
    """Return one group label per token list: ``groups`` aligned with ``ids``.

    Internal API of the per-group counts and of
    :func:`corpus_tools.topics.topic_prevalence`. ``groups`` is a sequence of labels,
    one per token list in order, or a mapping doc_id → label (as
    :func:`corpus_tools.group_labels` and ``dict(zip(ids, labels))`` give). A missing
    label (None, ``""``, NaN, or an id the mapping lacks) becomes :data:`MISSING_GROUP`,
    so no document is dropped.

    Parameters
    ----------
    groups : sequence or mapping
    ids : sequence of str
        The documents' ids, in order.
    owner : str, optional
        Whose documents the ids are, for the error messages ("the model's").
    error : type of CorpusError
        The exception raised.

    Raises
    ------
    CorpusError
        (or ``error``) If a sequence has the wrong length, or a mapping knows none of
        the ids.

    Examples
    --------
    >>> align_groups(["thể thao", None], ["a", "b"])
    ['thể thao', '(không có)']
    >>> align_groups({"b": "thời sự"}, ["a", "b"])
    ['(không có)', 'thời sự']
    """
    if isinstance(groups, Mapping):
        if ids and not any(doc_id in groups for doc_id in ids):
            whose = "the documents' ids" if owner is None else f"{owner} document ids"
            raise error(
                f"groups is a mapping of doc_id → label but holds none of {whose} "
                f"(first id: {ids[0]!r}); build it from the same documents"
            )
        return [_label(groups.get(doc_id)) for doc_id in ids]
    if isinstance(groups, (str, bytes)):
        raise error("groups must hold one label per document, not one string")
    labels = list(groups)
    if len(labels) != len(ids):
        whose = "" if owner is None else f"{owner} "
        raise error(
            f"got {len(labels)} group labels for {whose}{len(ids)} documents; pass one label "
            "per document (corpus_tools.group_labels(docs, by)) or a mapping doc_id → label"
        )
    return [_label(value) for value in labels]


def group_order(labels: Iterable[str]) -> list[str]:
    """Return the distinct labels sorted (periods in time order), :data:`MISSING_GROUP` last.

    Internal API.

    Examples
    --------
    >>> group_order(["2021", "(không có)", "2020", "2021"])
    ['2020', '2021', '(không có)']
    """
    distinct = set(labels)
    return sorted(distinct - {MISSING_GROUP}) + (
        [MISSING_GROUP] if MISSING_GROUP in distinct else []
    )
