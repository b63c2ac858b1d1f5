"""Type aliases shared by the modules: what the stages pass to each other.

Stages pass plain types (STYLE.md §2): documents, strings, token lists, sparse matrices
with a vocabulary, and pandas tables. These names only make signatures readable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, TypeAlias, Union

if TYPE_CHECKING:
    from .io import Document

__all__ = [
    "DocumentLike",
    "OnError",
    "PathLike",
    "TokenLists",
    "Tokens",
    "TokensInput",
    "Unit",
]

PathLike: TypeAlias = Union[str, "os.PathLike[str]"]
"""A file or folder path."""

Unit: TypeAlias = Literal["document", "paragraph", "sentence"]
"""The level at which texts are split into units of analysis."""

OnError: TypeAlias = Literal["raise", "skip"]
"""What a corpus run does with a document that fails."""

Tokens: TypeAlias = list[str]
"""One unit's words, syllables of a word joined by ``_``: ``["Bộ_Chính_trị", "họp"]``."""

TokenLists: TypeAlias = list[list[str]]
"""One token list per unit, in order."""

TokensInput: TypeAlias = (
    Iterable[Sequence[str]] | Mapping[str, Sequence[str]] | Iterable[tuple[str, Sequence[str]]]
)
"""Token lists as a function accepts them: a list of token lists, a mapping of
``doc_id`` → tokens, or ``(doc_id, tokens)`` pairs as :func:`~corpus_tools.iter_tokens`
yields them. The last two carry their ids, so no ``doc_ids=`` is needed."""

DocumentLike: TypeAlias = Union["Document", tuple[str, str], str]
"""A Document, a ``(doc_id, text)`` pair, or a bare text (its id is its position)."""
