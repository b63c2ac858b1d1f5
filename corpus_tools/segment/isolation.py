"""Run a batch of work so that one bad item fails alone: the rest keep their results."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

__all__ = ["Failure", "isolated"]


class Failure(NamedTuple):
    """Stands in for the result of an item that raised. Internal API."""

    message: str


def _fatal(error: BaseException) -> bool:
    return isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit))


def isolated(function: Callable[..., list], items: list, *args: object) -> list:
    """``function(items, *args)``; if it raises, item by item, failures as :class:`Failure`.

    Catches every error but interrupts: a panic in underthesea's Rust code arrives as
    ``pyo3_runtime.PanicException``, which derives from BaseException. Internal API.

    Examples
    --------
    >>> isolated(lambda items: [1 / item for item in items], [1, 0, 2])
    [1.0, Failure(message='ZeroDivisionError: division by zero'), 0.5]
    """
    try:
        return function(items, *args)
    except BaseException as error:
        if _fatal(error):
            raise
        if len(items) == 1:
            return [Failure(f"{type(error).__name__}: {error}"[:1000])]
    out = []
    for item in items:
        try:
            out.extend(function([item], *args))
        except BaseException as error:
            if _fatal(error):
                raise
            out.append(Failure(f"{type(error).__name__}: {error}"[:1000]))
    return out
