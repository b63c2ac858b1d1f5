"""Trends: how often chosen terms occur per period, with the size of each period.

Voyant's Trends and quanteda's grouped frequencies over a date field. Periods come from
:func:`corpus_tools.group_labels` with ``"date:year"``, ``"date:quarter"``,
``"date:month"``, ``"date:week"`` or ``"date:day"``; :func:`choose_period` picks one
from the documents' dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.stats import chi2

from ..errors import CorpusError
from ..types import TokensInput
from ..validation import check_positive_int, token_lists
from .common import MISSING_GROUP, PER, align_groups, group_order, is_word
from .concordance import TermMatcher

__all__ = ["choose_period", "complete_periods", "poisson_interval", "term_trends"]

_PERIOD_FORMATS = {
    "year": re.compile(r"\d{4}"),
    "quarter": re.compile(r"\d{4}-Q[1-4]"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "week": re.compile(r"\d{4}-W\d{2}"),
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
}

_TREND_COLUMNS = [
    "period",
    "query",
    "count",
    "doc_freq",
    "documents",
    "words",
    "per_10k",
    "per_10k_low",
    "per_10k_high",
]


def choose_period(dates: Iterable[dt.date | None], *, max_periods: int = 24) -> str:
    """Return the finest ``"date:<period>"`` that splits the dates into at most ``max_periods``.

    Tries day, week, month, quarter, then year; documents without a date are ignored.
    Without any date it returns ``"date:year"``: every document then falls in the
    missing period, and a trend says that no document has a date.

    Examples
    --------
    >>> choose_period([dt.date(2020, 1, 5), dt.date(2020, 11, 2), None])
    'date:month'
    >>> choose_period([dt.date(2010, 1, 5), dt.date(2020, 11, 2)]), choose_period([None])
    ('date:year', 'date:year')
    """
    max_periods = check_positive_int(max_periods, "max_periods")
    known = [d for d in dates if d is not None]
    if not known:
        return "date:year"
    first, last = min(known), max(known)
    spans = {
        "day": (last - first).days + 1,
        "week": (last - first).days // 7 + 2,
        "month": (last.year - first.year) * 12 + last.month - first.month + 1,
        "quarter": (last.year - first.year) * 4
        + (last.month - 1) // 3
        - (first.month - 1) // 3
        + 1,
    }
    for period, span in spans.items():
        if span <= max_periods:
            return f"date:{period}"
    return "date:year"


def _next_period(label: str, period: str) -> str:
    if period == "year":
        return str(int(label) + 1)
    if period == "quarter":
        year, quarter = int(label[:4]), int(label[-1])
        return f"{year + quarter // 4}-Q{quarter % 4 + 1}"
    if period == "month":
        year, month = int(label[:4]), int(label[5:])
        return f"{year + month // 12}-{month % 12 + 1:02d}"
    if period == "week":
        monday = dt.date.fromisocalendar(int(label[:4]), int(label[6:]), 1) + dt.timedelta(7)
        year, week, _ = monday.isocalendar()
        return f"{year}-W{week:02d}"
    return (dt.date.fromisoformat(label) + dt.timedelta(1)).isoformat()


def complete_periods(labels: Iterable[str], *, limit: int = 1000) -> list[str]:
    """Return every period from the first label to the last, the missing group last.

    Periods without a document are added, so a line over time never joins two distant
    months as if they were neighbours. Labels that are not all of one period format
    (``"2020"``, ``"2020-Q1"``, ``"2020-03"``, ``"2020-W05"``, ``"2020-03-05"``), or a
    range over ``limit`` periods, are returned sorted as they are.

    Examples
    --------
    >>> complete_periods(["2020-11", "2021-02", "(không có)"])
    ['2020-11', '2020-12', '2021-01', '2021-02', '(không có)']
    >>> complete_periods(["2020-W52", "2021-W01"])
    ['2020-W52', '2020-W53', '2021-W01']
    >>> complete_periods(["thể thao", "thời sự"])
    ['thể thao', 'thời sự']
    """
    order = group_order(labels)
    dated = [label for label in order if label != MISSING_GROUP]
    formats = [p for p, pattern in _PERIOD_FORMATS.items() if all(map(pattern.fullmatch, dated))]
    if not dated or not formats:
        return order
    filled = [dated[0]]
    while filled[-1] < dated[-1] and len(filled) <= limit:
        filled.append(_next_period(filled[-1], formats[0]))
    if len(filled) > limit:
        return order
    return filled + order[len(dated) :]


def poisson_interval(
    counts: np.ndarray | Sequence[int], *, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood 1936) confidence interval of a Poisson mean, for each count.

    ``low = chi2.ppf(α/2, 2k) / 2`` (0 when k = 0) and ``high = chi2.ppf(1 - α/2, 2k + 2)
    / 2`` with ``α = 1 - confidence``. Divide by the exposure (words) for a rate.

    Examples
    --------
    >>> low, high = poisson_interval([0, 4])
    >>> low.round(3).tolist(), high.round(3).tolist()
    ([0.0, 1.09], [3.689, 10.242])
    """
    if not 0 < confidence < 1:
        raise CorpusError(f"confidence must be between 0 and 1, such as 0.95, not {confidence!r}")
    k = np.asarray(counts, dtype=np.float64)
    alpha = 1 - confidence
    with np.errstate(invalid="ignore"):
        low = np.where(k > 0, chi2.ppf(alpha / 2, 2 * k) / 2, 0.0)
    return low, chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2


def term_trends(
    tokens_per_doc: TokensInput,
    terms: Sequence[str],
    *,
    groups: Sequence[object] | Mapping[str, object],
    doc_ids: Iterable[str] | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """How often each term occurs per period, per 10,000 words, with an interval.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids.
    terms : sequence of str
        Words or phrases, matched as in :class:`~corpus_tools.features.TermMatcher`
        (whole tokens, any case or Unicode form).
    groups : sequence or mapping
        Each document's period, e.g. ``group_labels(docs, "date:month")``. Periods
        without documents between the first and the last are filled in
        (:func:`complete_periods`); documents without a date form the period
        ``"(không có)"``, listed last.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….
    confidence : float
        Level of the interval on the rate.

    Returns
    -------
    pandas.DataFrame
        One row per period and term (periods in time order, terms as given):
        ``period, query, count, doc_freq, documents, words, per_10k, per_10k_low,
        per_10k_high``. ``count`` is the term's occurrences in the period,
        ``doc_freq`` the documents holding it, ``documents`` and ``words`` the period's
        size (word tokens: letters or digits, punctuation not counted). ``per_10k`` is
        ``count / words × 10,000``; ``per_10k_low`` and ``per_10k_high`` bound it with
        the exact Poisson (Garwood) interval of :func:`poisson_interval`, which is
        wide where counts are small. It treats occurrences as independent; a term
        repeated within one article varies more than that, so read the interval as a
        lower bound on the uncertainty. A period without words has NaN rates.

    Examples
    --------
    >>> docs = [["cán_bộ", "họp"], ["Cán_bộ", "cán_bộ", "đảng", "họp"], ["đảng"]]
    >>> table = term_trends(docs, ["cán bộ"], groups=["2020", "2022", None])
    >>> table[["period", "count", "documents", "words", "per_10k"]]
           period  count  documents  words  per_10k
    0        2020      1          1      2   5000.0
    1        2021      0          0      0      NaN
    2        2022      2          1      4   5000.0
    3  (không có)      0          1      1      0.0
    """
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc", unique=False)
    matcher = TermMatcher(terms)
    labels = align_groups(groups, ids)
    periods = complete_periods(labels)
    hits = np.zeros((len(docs), len(matcher.terms)), dtype=np.int64)
    for number, doc in enumerate(docs):
        for index, _, _ in matcher.spans(doc):
            hits[number, index] += 1
    frame = pd.DataFrame(hits, columns=range(len(matcher.terms)))
    frame["period"] = labels
    frame["words"] = [sum(map(is_word, doc)) for doc in docs]
    grouped = frame.groupby("period", sort=False)
    documents = grouped.size().reindex(periods, fill_value=0)
    words = grouped["words"].sum().reindex(periods, fill_value=0)
    parts = []
    for index, term in enumerate(matcher.terms):
        count = grouped[index].sum().reindex(periods, fill_value=0)
        holding = grouped[index].apply(lambda column: int((column > 0).sum()))
        low, high = poisson_interval(count.to_numpy(), confidence=confidence)
        size = words.to_numpy().astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = np.where(size > 0, count.to_numpy() / size * PER, np.nan)
            low_rate = np.where(size > 0, low / size * PER, np.nan)
            high_rate = np.where(size > 0, high / size * PER, np.nan)
        parts.append(
            pd.DataFrame(
                {
                    "period": periods,
                    "query": term,
                    "count": count.to_numpy(),
                    "doc_freq": holding.reindex(periods, fill_value=0).to_numpy(),
                    "documents": documents.to_numpy(),
                    "words": words.to_numpy(),
                    "per_10k": rate,
                    "per_10k_low": low_rate,
                    "per_10k_high": high_rate,
                }
            )
        )
    table = pd.concat(parts, ignore_index=True)
    order = np.lexsort((np.arange(len(table)), table["period"].map(periods.index).to_numpy()))
    table = table.iloc[order].reset_index(drop=True)
    ints = ("count", "doc_freq", "documents", "words")
    return table[_TREND_COLUMNS].astype({column: "int64" for column in ints})
