"""Choosing the documents a per-document figure shows, and saying how in its title.

A figure holds at most :data:`~corpus_tools.plots.style.MAX_PANELS` per-document
panels or rows. For a larger corpus a notebook draws a selection, and the title states
its rule: :func:`select_documents` returns both the chosen ids and that phrase ("12
bài dài nhất trong 2.653 bài"). The full table still goes to the CSV.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple, TypeAlias

import pandas as pd

from ..errors import FigureError
from ..validation import check_choice, check_positive_int
from .labels import format_count, text
from .style import MAX_PANELS

__all__ = ["RULES", "Rule", "Selection", "select_documents"]

Rule: TypeAlias = Literal["first", "longest", "shortest", "latest", "earliest"]
RULES: tuple[str, ...] = ("first", "longest", "shortest", "latest", "earliest")
"""How :func:`select_documents` chooses: the table's order, length, or date."""

LENGTH_COLUMNS = ("words", "syllables", "tokens", "paragraphs")
"""Columns ``rule="longest"``/``"shortest"`` measure by, the first one present."""


class Selection(NamedTuple):
    """The documents a figure shows, and the phrase that says which for its title."""

    doc_ids: list[str]
    """The chosen ids, in the order the rule ranks them (table order for ``"first"``)."""
    title: str
    """"12 bài dài nhất trong 2.653 bài", or "5 bài" when every document is shown."""


def select_documents(
    table_or_labels: pd.DataFrame | Sequence[str],
    *,
    n: int = MAX_PANELS,
    rule: Rule = "longest",
    by: str | None = None,
    lang: str = "vi",
) -> Selection:
    """Choose at most ``n`` documents for a per-document figure, and name the rule.

    Parameters
    ----------
    table_or_labels : DataFrame or sequence of str
        A table with a ``doc_id`` column (e.g. :func:`corpus_tools.document_table`,
        with ``words``; :func:`corpus_tools.documents_table`, with ``date`` and
        ``paragraphs``), or the document ids alone (then only ``rule="first"``).
    n : int
        How many to choose; every document when there are no more than ``n``.
    rule : {"longest", "shortest", "first", "latest", "earliest"}
        By length (``by``, default the first of ``words``, ``syllables``, ``tokens``,
        ``paragraphs`` the table has), in the table's order, or by ``date`` (documents
        without a date come last). Ties keep the table's order.
    by : str, optional
        The column to rank by, instead of the default for ``rule``.
    lang : {"vi", "en"}
        Language of the title phrase.

    Returns
    -------
    Selection
        ``(doc_ids, title)``; unpack it: ``chosen, phrase = select_documents(...)``.

    Raises
    ------
    FigureError
        If the rule needs a column the table lacks, or ids alone are given with a rule
        other than ``"first"``.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "b", "c"], "words": [120, 900, 450]})
    >>> chosen, phrase = select_documents(table, n=2)
    >>> chosen, phrase
    (['b', 'c'], '2 bài dài nhất trong 3 bài')
    >>> select_documents(table, n=2, rule="first", lang="en").title
    'the first 2 of 3 articles'
    >>> select_documents(["a", "b"], rule="first")
    Selection(doc_ids=['a', 'b'], title='2 bài')
    """
    check_positive_int(n, "n", error=FigureError)
    check_choice(rule, "rule", RULES, error=FigureError)
    if isinstance(table_or_labels, pd.DataFrame):
        table = table_or_labels.reset_index(drop=True)
        if "doc_id" not in table.columns:
            raise FigureError("the table needs a doc_id column to choose documents from")
    else:
        if rule != "first" and by is None:
            raise FigureError(
                f"rule={rule!r} needs a table with lengths or dates; ids alone allow 'first'"
            )
        table = pd.DataFrame({"doc_id": list(table_or_labels)})
    total = len(table)
    if rule != "first" or by is not None:
        column = by or _default_column(table, rule)
        if column not in table.columns:
            raise FigureError(f"rule={rule!r} ranks by a {column!r} column the table lacks")
        descending = rule in ("longest", "latest")
        table = table.sort_values(
            column, ascending=not descending, kind="stable", na_position="last"
        )
    chosen = [str(doc_id) for doc_id in table["doc_id"].head(n)]
    if total <= n:
        phrase = text("select_all", lang, total=format_count(total, lang))
    else:
        phrase = text(
            f"select_{rule}", lang, n=format_count(n, lang), total=format_count(total, lang)
        )
    return Selection(chosen, phrase)


def _default_column(table: pd.DataFrame, rule: str) -> str:
    if rule in ("latest", "earliest"):
        return "date"
    for column in LENGTH_COLUMNS:
        if column in table.columns:
            return column
    raise FigureError(f"rule={rule!r} needs a length column ({', '.join(LENGTH_COLUMNS)}) or by=")
