"""The words found near a term more often than chance: window collocations (Voyant's Links).

:func:`~corpus_tools.features.collocations` scores adjacent pairs over the whole corpus;
:func:`term_neighbours` starts from chosen terms and looks a few words to each side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy.stats import chi2

from ..types import TokensInput
from ..validation import check_positive_int, token_lists
from .common import display_terms, empty_table, is_word
from .concordance import TermMatcher, term_key
from .keywords import g2

__all__ = ["term_neighbours"]

_NEIGHBOUR_COLUMNS = [
    "query",
    "term",
    "token",
    "count",
    "neighbour_total",
    "expected",
    "pmi",
    "g2",
    "p_value",
]


def term_neighbours(
    tokens_per_doc: TokensInput,
    terms: Sequence[str],
    *,
    window: int = 5,
    min_count: int = 3,
    n_top: int | None = 15,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The words that occur within ``window`` words of each term more often than chance.

    For a term and a candidate neighbour the 2 × 2 table is: the neighbour's
    occurrences inside the windows around the term (``count``) and outside them,
    against all other words inside and outside the windows. ``N`` is the number of word
    tokens in the corpus, ``W`` the number of positions within ``window`` words of an
    occurrence of the term (overlapping windows count a position once; the term's own
    tokens are not in it), ``f`` the neighbour's total; ``expected = W · f / N``. So
    ``count`` never exceeds ``neighbour_total``.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document. Pass words without stopwords (as counted in the
        frequency tables) so the neighbours are content words; punctuation tokens are
        skipped and do not take window slots.
    terms : sequence of str
        Words or phrases, matched as in :class:`~corpus_tools.features.TermMatcher`. A
        term is never its own neighbour.
    window : int
        Words on each side of the term.
    min_count : int
        Report a neighbour only if it is inside the windows at least this often. PMI
        overrates rare pairs; keep it at 3 or more.
    n_top : int or None
        Keep each term's ``n_top`` strongest neighbours; None keeps all.
    doc_ids : iterable of str, optional
        Ids for a list of token lists (windows never cross documents).

    Returns
    -------
    pandas.DataFrame
        ``query, term, token, count, neighbour_total, expected, pmi, g2, p_value``: only
        attracted neighbours (``count > expected``), by term (in the order given), then
        ``g2`` descending, ties by ``token``. ``pmi = log2(count / expected)``; ``g2`` is
        Dunning's log-likelihood (:func:`~corpus_tools.features.keywords.g2`) with its
        chi-square p-value (1 df).

    Examples
    --------
    >>> docs = [["chống", "chạy_chức", "cán_bộ", "họp"]] * 3 + [["họp", "bàn", "kinh_tế"]] * 3
    >>> term_neighbours(docs, ["chạy chức"], window=1)[["query", "term", "count", "pmi"]]
           query    term  count       pmi
    0  chạy chức   chống      3  1.807355
    1  chạy chức  cán bộ      3  1.807355
    """
    window = check_positive_int(window, "window")
    min_count = check_positive_int(min_count, "min_count")
    if n_top is not None:
        n_top = check_positive_int(n_top, "n_top")
    matcher = TermMatcher(terms)
    docs, _ = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc", unique=False)
    words = [[token for token in doc if is_word(token)] for doc in docs]
    totals: Counter[str] = Counter(token for doc in words for token in doc)
    together: list[Counter[str]] = [Counter() for _ in matcher.terms]
    slots = np.zeros(len(matcher.terms), dtype=np.float64)
    for doc in words:
        near: dict[int, set[int]] = {}
        inside: dict[int, set[int]] = {}
        for index, start, end in matcher.spans(doc):
            near.setdefault(index, set()).update(range(max(0, start - window), end + window))
            inside.setdefault(index, set()).update(range(start, end))
        for index, positions in near.items():
            own = matcher.keys[index]
            for position in positions - inside[index]:
                if position < len(doc):
                    slots[index] += 1
                    if term_key(doc[position]) != own:
                        together[index][doc[position]] += 1
    size = float(sum(totals.values()))
    parts = []
    for index, term in enumerate(matcher.terms):
        tokens = np.array(sorted(t for t, n in together[index].items() if n >= min_count))
        if not len(tokens):
            continue
        o11 = np.array([together[index][t] for t in tokens], dtype=np.float64)
        total = np.array([totals[t] for t in tokens], dtype=np.float64)
        expected = slots[index] * total / size
        keep = o11 > expected
        tokens, o11, total, expected = tokens[keep], o11[keep], total[keep], expected[keep]
        scores = g2(
            o11,
            slots[index] - o11,
            np.maximum(total - o11, 0),
            size - slots[index] - np.maximum(total - o11, 0),
        )
        order = np.lexsort((np.arange(len(tokens)), -np.round(scores, 9)))[:n_top]
        parts.append(
            pd.DataFrame(
                {
                    "query": term,
                    "term": display_terms(tokens[order]),
                    "token": tokens[order].astype(str),
                    "count": o11[order].astype(np.int64),
                    "neighbour_total": total[order].astype(np.int64),
                    "expected": expected[order],
                    "pmi": np.log2(o11[order] / expected[order]),
                    "g2": scores[order],
                    "p_value": chi2.sf(scores[order], 1),
                }
            )
        )
    if not parts:
        return empty_table(
            _NEIGHBOUR_COLUMNS,
            {"count": "int64", "neighbour_total": "int64"}
            | dict.fromkeys(("expected", "pmi", "g2", "p_value"), "float64"),
        )
    return pd.concat(parts, ignore_index=True)
