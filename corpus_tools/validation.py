"""Input checks that every stage shares (modelled on scikit-learn's ``utils.validation``).

Each check returns the value it accepts, in the form the caller works with, or raises
:class:`~corpus_tools.errors.CorpusError` (or the subclass the caller names) with a
message that says what to pass instead. Wrong argument types raise :class:`TypeError`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from numbers import Integral
from typing import TypeVar

from .errors import CorpusError, DuplicateIdError
from .types import TokenLists, TokensInput

__all__ = [
    "ON_ERROR",
    "UNITS",
    "carries_ids",
    "check_choice",
    "check_doc_ids",
    "check_positive_int",
    "check_text",
    "check_unique_ids",
    "flat_tokens",
    "token_lists",
]

UNITS = ("document", "paragraph", "sentence")
"""The levels of :data:`corpus_tools.types.Unit`."""

ON_ERROR = ("raise", "skip")
"""The choices of :data:`corpus_tools.types.OnError`."""

T = TypeVar("T")


def check_positive_int(
    value: object, name: str, *, minimum: int = 1, error: type[CorpusError] = CorpusError
) -> int:
    """Return ``value`` as an int if it is a whole number of at least ``minimum``.

    Examples
    --------
    >>> check_positive_int(3, "n_top")
    3
    >>> check_positive_int(0, "n_top")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusError: n_top must be a whole number of at least 1, not 0
    """
    if isinstance(value, bool) or not isinstance(value, Integral) or value < minimum:
        raise error(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return int(value)


def check_choice(
    value: T, name: str, choices: Collection[object], *, error: type[CorpusError] = CorpusError
) -> T:
    """Return ``value`` if it is one of ``choices``.

    Examples
    --------
    >>> check_choice("paragraph", "unit", UNITS)
    'paragraph'
    >>> check_choice("page", "unit", UNITS)
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusError: unit must be 'document', 'paragraph' or 'sentence', not 'page'
    """
    if value not in choices:
        listed = [repr(choice) for choice in choices]
        allowed = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]
        raise error(f"{name} must be {allowed}, not {value!r}")
    return value


def check_text(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a str; raise :class:`TypeError` naming ``name`` otherwise.

    Examples
    --------
    >>> check_text("Hà Nội")
    'Hà Nội'
    >>> check_text(None, "texts[1]")
    Traceback (most recent call last):
    ...
    TypeError: texts[1] must be a str, not NoneType
    >>> check_text("Hà Nội".encode())
    Traceback (most recent call last):
    ...
    TypeError: text must be a str, not bytes; decode it first (text.decode("utf-8"))
    """
    if isinstance(text, str):
        return text
    hint = (
        '; decode it first (text.decode("utf-8"))' if isinstance(text, (bytes, bytearray)) else ""
    )
    raise TypeError(f"{name} must be a str, not {type(text).__name__}{hint}")


def check_unique_ids(doc_ids: Iterable[object], *, where: str = "") -> None:
    """Raise :class:`DuplicateIdError` naming the first two documents that share an id.

    Documents are numbered from 0, as the default ids ``"0"``, ``"1"``, … are.

    Examples
    --------
    >>> check_unique_ids(["a", "b", "a"], where="bao.csv: ")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.DuplicateIdError: bao.csv: documents 0 and 2 (counting from 0) ...
    """
    seen: dict[object, int] = {}
    for index, doc_id in enumerate(doc_ids):
        if doc_id in seen:
            raise DuplicateIdError(
                f"{where}documents {seen[doc_id]} and {index} (counting from 0) share the id "
                f"{doc_id!r}; give every document its own id"
            )
        seen[doc_id] = index


def check_doc_ids(doc_ids: Iterable[str] | None, n_docs: int, *, unique: bool = True) -> list[str]:
    """Return one id per document: ``doc_ids`` checked, or ``"0"``, ``"1"``, … if None.

    Examples
    --------
    >>> check_doc_ids(None, 2)
    ['0', '1']
    >>> check_doc_ids(["a"], 2)
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusError: doc_ids holds 1 ids for 2 documents; pass one id per document
    """
    if doc_ids is None:
        return [str(number) for number in range(n_docs)]
    if isinstance(doc_ids, str):
        raise TypeError("doc_ids is one string; pass one id per document")
    ids = list(doc_ids)
    if len(ids) != n_docs:
        raise CorpusError(
            f"doc_ids holds {len(ids)} ids for {n_docs} documents; pass one id per document"
        )
    if unique:
        check_unique_ids(ids)
    return ids


def _is_pair(item: object) -> bool:
    return (
        isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], str)
        and not isinstance(item[1], str)
    )


def _clean_list(doc: object, number: int, name: str) -> list[str]:
    if isinstance(doc, str):
        if doc.strip():
            raise CorpusError(
                f"{name}[{number}] is a string, not a token list; pass a list of token "
                "lists (wrap a single document's tokens as [tokens])"
            )
        return []
    if not isinstance(doc, Iterable):
        raise TypeError(f"{name}[{number}] is {type(doc).__name__}, not a list of tokens")
    return [token for token in doc if token]


def carries_ids(tokens: object) -> bool:
    """Return True if token lists carry their ids: a mapping, or ``(doc_id, tokens)`` pairs.

    For functions that give back what they were given in the same shape. Pass a
    materialised collection: a generator would be used up.

    Examples
    --------
    >>> carries_ids({"a": ["họp"]}), carries_ids([("a", ["họp"])]), carries_ids([["họp"]])
    (True, True, False)
    """
    if isinstance(tokens, Mapping):
        return True
    if isinstance(tokens, (str, bytes)) or not isinstance(tokens, Sequence):
        return False
    return bool(tokens) and all(_is_pair(item) for item in tokens)


def token_lists(
    tokens: TokensInput,
    doc_ids: Iterable[str] | None = None,
    *,
    name: str = "tokens",
    unique: bool = True,
) -> tuple[TokenLists, list[str]]:
    """Return ``(token lists, ids)`` from any form of :data:`~corpus_tools.types.TokensInput`.

    Token lists may come as a list of lists (ids from ``doc_ids``, else ``"0"``, ``"1"``,
    …), a mapping of id → tokens, or ``(doc_id, tokens)`` pairs; the last two carry
    their ids. Empty-string tokens are dropped. With ``unique`` two units may not share
    an id (pass ``unique=False`` for paragraphs or sentences of one document).

    Examples
    --------
    >>> token_lists([["Hà_Nội", ""], []])
    ([['Hà_Nội'], []], ['0', '1'])
    >>> token_lists({"a": ["cán_bộ"], "b": ["đảng_viên"]})
    ([['cán_bộ'], ['đảng_viên']], ['a', 'b'])
    >>> token_lists([("a", ["họp"]), ("a", ["bàn"])], unique=False)
    ([['họp'], ['bàn']], ['a', 'a'])
    """
    if isinstance(tokens, (str, bytes)):
        raise TypeError(
            f"{name} is one string; tokenize the texts first (corpus_tools.tokenize_corpus) "
            "and pass one token list per document"
        )
    carried: list[str] | None = None
    if isinstance(tokens, Mapping):
        carried = [str(key) for key in tokens]
        items: list[object] = list(tokens.values())
    else:
        if not isinstance(tokens, Iterable):
            raise TypeError(f"{name} is {type(tokens).__name__}, not a collection of token lists")
        items = list(tokens)
        if items and all(_is_pair(item) for item in items):
            # _is_pair checked every item to be a (str, tokens) tuple.
            carried = [item[0] for item in items]  # type: ignore[index]
            items = [item[1] for item in items]  # type: ignore[index]
    lists = [_clean_list(doc, number, name) for number, doc in enumerate(items)]
    if carried is not None:
        if doc_ids is not None:
            raise TypeError(
                f"{name} already carries its ids (a mapping or (doc_id, tokens) pairs); "
                "do not pass doc_ids as well"
            )
        if unique:
            check_unique_ids(carried)
        return lists, carried
    return lists, check_doc_ids(doc_ids, len(lists), unique=unique)


def flat_tokens(tokens: Iterable[str] | TokensInput, name: str = "tokens") -> list[str]:
    """Accept a flat token list or any form of token lists; return one flat list.

    Examples
    --------
    >>> flat_tokens(["Hà_Nội", "họp"])
    ['Hà_Nội', 'họp']
    >>> flat_tokens([["Hà_Nội"], ["họp"]])
    ['Hà_Nội', 'họp']
    """
    if isinstance(tokens, (str, bytes)):
        raise TypeError(f"{name} is one string; pass a list of tokens or a list of token lists")
    if isinstance(tokens, Mapping):
        items: Sequence[object] = list(tokens.values())
    else:
        items = list(tokens)
    if all(isinstance(item, str) for item in items):
        # all(isinstance(item, str)) holds just above.
        return [token for token in items if token]  # type: ignore[misc]
    if any(isinstance(item, str) and item for item in items):
        raise CorpusError(
            f"{name} mixes tokens and token lists; pass either a flat list of tokens "
            "or a list of token lists"
        )
    # items are token lists here: the flat and mixed cases returned or raised above.
    lists, _ = token_lists(items, name=name, unique=False)  # type: ignore[arg-type]
    return [token for doc in lists for token in doc]
