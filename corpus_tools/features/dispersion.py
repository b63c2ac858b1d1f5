"""Where terms fall inside each document: the data of a dispersion (x-ray) plot.

quanteda's ``textplot_xray`` and Voyant's document terms: every occurrence of a term,
placed at its relative position in its document (0 = the first word, near 1 the last).
How evenly a word spreads over the documents of a corpus is the ``dp`` column of
:func:`~corpus_tools.features.term_frequencies`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..types import TokensInput
from ..validation import check_positive_int, token_lists
from .common import empty_table
from .concordance import TermMatcher

__all__ = ["term_positions", "top_documents_by_hits"]

_POSITION_COLUMNS = ["doc_id", "query", "position", "relative_position", "doc_length"]


def term_positions(
    tokens_per_doc: TokensInput,
    terms: Sequence[str],
    *,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Every occurrence of each term with its position, absolute and relative, in its document.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids. Pass the running
        text (``iter_tokens(docs, keep_punct=True)``) to place terms as the reader meets
        them.
    terms : sequence of str
        Words or phrases, matched as in :class:`~corpus_tools.features.TermMatcher`.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….

    Returns
    -------
    pandas.DataFrame
        ``doc_id, query, position, relative_position, doc_length``, in document order,
        then by position and term order. ``position`` is the index of the first matched
        token, ``doc_length`` the document's number of tokens, and
        ``relative_position = position / doc_length``: the share of the document before
        the match, from 0 (its first token) to just under 1. Empty, with these columns,
        when nothing matches.

    Examples
    --------
    >>> docs = {"a": ["Cán_bộ", "họp", "bàn", "công_tác", "cán_bộ"], "b": ["đảng"]}
    >>> term_positions(docs, ["cán bộ"])
      doc_id   query  position  relative_position  doc_length
    0      a  cán bộ         0                0.0           5
    1      a  cán bộ         4                0.8           5
    """
    matcher = TermMatcher(terms)
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    rows = [
        (doc_id, matcher.terms[index], start, start / len(doc), len(doc))
        for doc_id, doc in zip(ids, docs, strict=True)
        for index, start, _ in matcher.spans(doc)
    ]
    if not rows:
        return empty_table(
            _POSITION_COLUMNS,
            {"position": "int64", "relative_position": "float64", "doc_length": "int64"},
        )
    return pd.DataFrame(rows, columns=_POSITION_COLUMNS).astype(
        {"position": "int64", "doc_length": "int64"}
    )


def top_documents_by_hits(positions: pd.DataFrame, *, n_top: int = 12) -> list[str]:
    """Return the ``n_top`` documents with the most matches in a :func:`term_positions` table.

    Most matches first; equal counts in the table's (document) order. The selection a
    dispersion plot shows: say so in its title.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "b", "b", "c"]})
    >>> top_documents_by_hits(table, n_top=2)
    ['b', 'a']
    """
    n_top = check_positive_int(n_top, "n_top")
    ids = list(dict.fromkeys(positions["doc_id"]))
    counts = positions["doc_id"].value_counts().reindex(ids).to_numpy()
    order = np.lexsort((np.arange(len(ids)), -counts))[:n_top]
    return [ids[i] for i in order]
