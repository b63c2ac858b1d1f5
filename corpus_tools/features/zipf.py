"""Zipf's law: word frequency against rank, with a line fitted where the law is meant to hold.

Zipf's law says the r-th most frequent word occurs about ``C / r^s`` times, with ``s``
near 1, so rank against frequency is a straight line on log-log axes. It describes the
body of the ranking. At the rare end it cannot hold: hundreds of words share the counts
1, 2, 3, which draws flat steps, and a least-squares line through every rank is pulled by
those thousands of tail points (on the seeds it predicted 330 occurrences at rank 1,
against 64 observed). So :func:`zipf_fit` leaves out the ranks whose count is under a
floor and weights the rest so that every tenfold range of ranks counts the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..validation import check_positive_int

__all__ = ["ZipfFit", "rank_frequency", "zipf_fit"]


@dataclass(frozen=True)
class ZipfFit:
    """A line ``log count = intercept + slope · log rank`` fitted to ranks ``1 … n_ranks``.

    ``slope`` is ``-s`` (about -1 for Zipf's law); ``r_squared`` is the weighted R² of the
    fit; ``min_count`` is the floor under which ranks were left out.
    """

    slope: float
    intercept: float
    r_squared: float
    n_ranks: int
    min_count: int

    def predict(self, ranks: np.ndarray | Sequence[float]) -> np.ndarray:
        """The fitted count at each rank."""
        return np.exp(self.intercept) * np.asarray(ranks, dtype=np.float64) ** self.slope


def _counts(frequencies: pd.DataFrame | Sequence[float] | pd.Series) -> np.ndarray:
    values = frequencies["count"] if isinstance(frequencies, pd.DataFrame) else frequencies
    counts = np.sort(np.asarray(values, dtype=np.float64))[::-1]
    return counts[counts > 0]


def zipf_fit(
    frequencies: pd.DataFrame | Sequence[float] | pd.Series, *, min_count: int = 3
) -> ZipfFit:
    """Fit Zipf's law to the ranks whose count is at least ``min_count``.

    Method: weighted least squares of log count on log rank over ranks ``1 … n`` where
    the n-th word is the last with ``count >= min_count``; rank ``r`` has weight ``1 /
    r``, so each tenfold range of ranks (1–10, 10–100, …) weighs about the same instead
    of the tail outnumbering the head. The default floor 3 leaves out the words used
    once or twice: the flat steps of the tail.

    Parameters
    ----------
    frequencies : DataFrame or sequence of float
        A :func:`~corpus_tools.features.term_frequencies` table (its ``count`` column) or
        counts, in any order; zeros are ignored.
    min_count : int
        The floor.

    Raises
    ------
    CorpusError
        If fewer than three ranks reach the floor.

    Examples
    --------
    >>> fit = zipf_fit([120, 60, 40, 30, 24, 20, 2, 1, 1, 1])
    >>> round(fit.slope, 3), fit.n_ranks, round(float(fit.predict([1])[0]), 1)
    (-1.0, 6, 120.0)
    """
    min_count = check_positive_int(min_count, "min_count")
    counts = _counts(frequencies)
    used = counts[counts >= min_count]
    if len(used) < 3:
        raise CorpusError(
            f"only {len(used)} words occur at least {min_count} times; a rank-frequency "
            "line needs three or more: lower min_count or use a larger corpus"
        )
    ranks = np.arange(1, len(used) + 1, dtype=np.float64)
    x, y, weight = np.log(ranks), np.log(used), 1 / ranks
    slope, intercept = np.polyfit(x, y, 1, w=np.sqrt(weight))
    residual = y - (intercept + slope * x)
    mean = np.average(y, weights=weight)
    r_squared = 1 - np.sum(weight * residual**2) / np.sum(weight * (y - mean) ** 2)
    return ZipfFit(float(slope), float(intercept), float(r_squared), len(used), min_count)


def rank_frequency(
    frequencies: pd.DataFrame | Sequence[float], *, min_count: int = 3
) -> pd.DataFrame:
    """Every word's rank and count, the count the Zipf fit predicts, and whether it was fitted.

    Parameters
    ----------
    frequencies : DataFrame or sequence of float
        A :func:`~corpus_tools.features.term_frequencies` table (sorted by count; its
        ``term`` column is kept) or counts.
    min_count : int
        The floor of :func:`zipf_fit`.

    Returns
    -------
    pandas.DataFrame
        ``rank, term, count, fitted_count, in_fit`` (``term`` only for a table), rank 1
        the most frequent; ``fitted_count`` is the fitted line at that rank (given for
        every rank, though fitted only where ``in_fit``). ``fitted_count`` is NaN
        everywhere when fewer than three ranks reach the floor. ``attrs["min_count"]``
        keeps the floor, for the figure's legend.

    Examples
    --------
    >>> rank_frequency([1, 40, 20, 13, 10, 2], min_count=3)[["rank", "count", "in_fit"]]
       rank  count  in_fit
    0     1     40    True
    1     2     20    True
    2     3     13    True
    3     4     10    True
    4     5      2   False
    5     6      1   False
    """
    counts = _counts(frequencies)
    table = pd.DataFrame({"rank": np.arange(1, len(counts) + 1, dtype=np.int64)})
    if isinstance(frequencies, pd.DataFrame) and "term" in frequencies:
        ordered = frequencies[frequencies["count"] > 0].sort_values(
            "count", ascending=False, kind="stable"
        )
        table["term"] = ordered["term"].to_numpy()
    table["count"] = counts.astype(np.int64)
    table.attrs["min_count"] = check_positive_int(min_count, "min_count")
    try:
        fit = zipf_fit(counts, min_count=min_count)
    except CorpusError:
        table["fitted_count"] = np.nan
        table["in_fit"] = False
        return table
    table["fitted_count"] = fit.predict(table["rank"])
    table["in_fit"] = table["rank"] <= fit.n_ranks
    return table
