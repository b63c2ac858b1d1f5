"""Dictionary analysis: count the words of user-defined categories (quanteda's ``dictionary``).

A dictionary maps categories to terms ("nêu gương" → "nêu gương", "gương mẫu", "làm
gương", …). :func:`load_dictionary` reads one from a CSV file (``category,term`` rows) or
a small YAML file; the package bundles an example for Party personnel-work discourse
(:data:`BUNDLED_DICTIONARY`). :func:`dictionary_counts` counts each category per
document or per group, :func:`dictionary_term_counts` each term, to check what a
category really catches.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..types import TokensInput
from ..validation import token_lists
from .common import PER, align_groups, group_order, is_word
from .concordance import TermMatcher, term_key

__all__ = [
    "BUNDLED_DICTIONARY",
    "dictionary_counts",
    "dictionary_matrix",
    "dictionary_term_counts",
    "load_dictionary",
    "parse_dictionary",
]

BUNDLED_DICTIONARY = "dictionary_personnel_vi.csv"
"""The example dictionary in ``corpus_tools/data/``: chạy chức / chạy quyền, nêu gương,
quy hoạch cán bộ, tham nhũng / tiêu cực, kiểm tra / kỷ luật."""

Dictionary = dict[str, tuple[str, ...]]


def _add(dictionary: dict[str, list[str]], category: str, term: str, where: str) -> None:
    category, term = " ".join(category.split()), " ".join(term.split())
    if not category or not term:
        raise CorpusError(f"{where}: a row needs both a category and a term")
    terms = dictionary.setdefault(category, [])
    if term not in terms:
        terms.append(term)


def _parse_csv(text: str, name: str) -> dict[str, list[str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "category" not in fields or "term" not in fields:
        raise CorpusError(
            f"{name}: the first row must name the columns 'category,term', not {fields}"
        )
    reader.fieldnames = fields
    dictionary: dict[str, list[str]] = {}
    for number, row in enumerate(reader, start=2):
        _add(dictionary, row["category"] or "", row["term"] or "", f"{name}, row {number}")
    return dictionary


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _parse_yaml(text: str, name: str) -> dict[str, list[str]]:
    """The YAML subset of quanteda's dictionary files: ``category:`` then ``- term`` lines,
    or ``category: [term, term]``; ``#`` comments."""
    dictionary: dict[str, list[str]] = {}
    category = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        where = f"{name}, line {number}"
        if not line.strip():
            continue
        if line.lstrip().startswith("- "):
            if category is None:
                raise CorpusError(f"{where}: a '- term' line must follow a 'category:' line")
            _add(dictionary, category, _unquote(line.lstrip()[2:]), where)
        elif ":" in line and not line[0].isspace():
            key, _, rest = line.partition(":")
            category = _unquote(key)
            dictionary.setdefault(" ".join(category.split()), [])
            rest = rest.strip()
            if rest.startswith("[") and rest.endswith("]"):
                for term in rest[1:-1].split(","):
                    _add(dictionary, category, _unquote(term), where)
            elif rest:
                raise CorpusError(f"{where}: write the terms as '- term' lines or '[a, b]'")
        else:
            raise CorpusError(
                f"{where}: not understood ({line.strip()!r}); this reader takes 'category:' "
                "lines each followed by '  - term' lines (or use a CSV: category,term)"
            )
    return dictionary


def parse_dictionary(text: str, *, format: str = "csv", name: str = "dictionary") -> Dictionary:
    """Parse a dictionary from text: ``"csv"`` (``category,term`` rows) or ``"yaml"``.

    Blank lines and lines starting with ``#`` are ignored; a term listed twice in one
    category counts once. Categories keep the order of the file.

    Raises
    ------
    CorpusError
        Naming the line that cannot be read, or if no category has a term.

    Examples
    --------
    >>> parse_dictionary("category,term\\nnêu gương,gương mẫu\\nnêu gương,làm gương")
    {'nêu gương': ('gương mẫu', 'làm gương')}
    >>> parse_dictionary("tham nhũng:\\n  - tham nhũng\\n  - hối lộ\\n", format="yaml")
    {'tham nhũng': ('tham nhũng', 'hối lộ')}
    """
    if format not in ("csv", "yaml"):
        raise CorpusError(f"format must be 'csv' or 'yaml', not {format!r}")
    parse = _parse_csv if format == "csv" else _parse_yaml
    dictionary = {key: tuple(terms) for key, terms in parse(text, name).items() if terms}
    if not dictionary:
        raise CorpusError(f"{name} holds no category with a term")
    return dictionary


def load_dictionary(path: str | os.PathLike[str] | None = None) -> Dictionary:
    """Read a dictionary file: category → terms. None reads the bundled example.

    Parameters
    ----------
    path : path, optional
        A ``.csv`` file with the columns ``category,term`` (one row per term; see the
        bundled ``corpus_tools/data/dictionary_personnel_vi.csv``), or a ``.yaml`` /
        ``.yml`` file in the simple form quanteda's dictionaries use::

            nêu gương:
              - nêu gương
              - gương mẫu

        Terms may have several syllables, written with spaces ("quy hoạch cán bộ").
        None reads :data:`BUNDLED_DICTIONARY`.

    Returns
    -------
    dict of str to tuple of str

    Examples
    --------
    >>> dictionary = load_dictionary()
    >>> list(dictionary)[:2], dictionary["nêu gương"][:3]
    (['chạy chức / chạy quyền', 'nêu gương'], ('nêu gương', 'gương mẫu', 'làm gương'))
    """
    if path is None:
        data = resources.files("corpus_tools").joinpath("data", BUNDLED_DICTIONARY)
        return parse_dictionary(data.read_text(encoding="utf-8"), name=BUNDLED_DICTIONARY)
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in (".csv", ".yaml", ".yml"):
        raise CorpusError(f"{file}: a dictionary is a .csv (category,term) or a .yaml file")
    text = file.read_text(encoding="utf-8-sig")
    return parse_dictionary(text, format="csv" if suffix == ".csv" else "yaml", name=str(file))


def _check_dictionary(dictionary: Mapping[str, Iterable[str]]) -> Dictionary:
    if not isinstance(dictionary, Mapping) or not dictionary:
        raise CorpusError("dictionary must map categories to terms, as load_dictionary() returns")
    checked = {}
    for category, terms in dictionary.items():
        if isinstance(terms, str):
            raise CorpusError(f"the terms of {category!r} must be a list, not one string")
        checked[str(category)] = tuple(terms)
    return checked


def _spelling(term: str) -> str:
    return " ".join(term.replace("_", " ").split())


def _matches(docs: list[list[str]], dictionary: Dictionary) -> list[list[tuple[str, str]]]:
    """Each document's ``(category, term)`` matches.

    Within a category, matches never overlap: from left to right the longest term wins
    ("chạy chức chạy quyền" counts once, not also as "chạy chức"). Categories are
    counted independently, so a word listed in two categories counts in both.
    """
    terms = list(dict.fromkeys(term for values in dictionary.values() for term in values))
    matcher = TermMatcher(terms)
    owners: dict[int, list[tuple[str, str]]] = {}
    for category, values in dictionary.items():
        for term in values:
            index = matcher.keys.index(term_key(term.strip()))
            if all(owner != category for owner, _ in owners.setdefault(index, [])):
                owners[index].append((category, _spelling(term)))
    found = []
    for doc in docs:
        spans = sorted(matcher.spans(doc), key=lambda span: (span[1], span[1] - span[2]))
        reached: dict[str, int] = {}
        hits = []
        for index, start, end in spans:
            for category, term in owners[index]:
                if start >= reached.get(category, 0):
                    reached[category] = end
                    hits.append((category, term))
        found.append(hits)
    return found


def dictionary_counts(
    tokens_per_doc: TokensInput,
    dictionary: Mapping[str, Iterable[str]],
    *,
    groups: Sequence[object] | Mapping[str, object] | None = None,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Count each dictionary category per document, or per group of documents.

    Terms match segmented tokens as in :class:`~corpus_tools.features.TermMatcher`:
    whole words, any case or Unicode form, several syllables allowed. Within a category
    overlapping matches count once, the longest from left to right. Pass the running
    words (stopwords kept): a term that holds a stopword ("nói đi đôi với làm") cannot
    match text without it.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids.
    dictionary : mapping of str to list of str
        Category → terms, as :func:`load_dictionary` returns it.
    groups : sequence or mapping, optional
        One label per document, or a mapping doc_id → label: count per group.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….

    Returns
    -------
    pandas.DataFrame
        Without ``groups``: ``doc_id, category, count, words, per_10k``, one row per
        document and category (zeros included), documents in order, categories in the
        dictionary's order. ``words`` counts the document's word tokens (punctuation
        left out) and ``per_10k = count / words × 10,000``. With ``groups``: ``group,
        category, count, doc_freq, documents, words, per_10k``, where ``doc_freq`` is
        the number of the group's documents with at least one match.

    Examples
    --------
    >>> dictionary = {"nêu gương": ["nêu gương", "gương mẫu"], "tham nhũng": ["tham nhũng"]}
    >>> docs = {"a": ["cán_bộ", "phải", "Nêu_gương", ",", "gương_mẫu"], "b": ["tham_nhũng"]}
    >>> dictionary_counts(docs, dictionary)
      doc_id    category  count  words  per_10k
    0      a   nêu gương      2      4   5000.0
    1      a  tham nhũng      0      4      0.0
    2      b   nêu gương      0      1      0.0
    3      b  tham nhũng      1      1  10000.0
    >>> dictionary_counts(docs, dictionary, groups=["X", "X"])[["group", "category", "count"]]
      group    category  count
    0     X   nêu gương      2
    1     X  tham nhũng      1
    """
    checked = _check_dictionary(dictionary)
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc", unique=False)
    categories = list(checked)
    counts = np.zeros((len(docs), len(categories)), dtype=np.int64)
    for number, hits in enumerate(_matches(docs, checked)):
        for category, _ in hits:
            counts[number, categories.index(category)] += 1
    words = np.array([sum(map(is_word, doc)) for doc in docs], dtype=np.int64)
    long = pd.DataFrame(
        {
            "doc_id": np.repeat(np.asarray(ids, dtype=object), len(categories)),
            "category": categories * len(docs),
            "count": counts.ravel(),
            "words": np.repeat(words, len(categories)),
        }
    )
    if groups is None:
        with np.errstate(divide="ignore", invalid="ignore"):
            long["per_10k"] = np.where(long["words"] > 0, long["count"] / long["words"] * PER, 0)
        return long.astype({"doc_id": "str", "category": "str"})
    long["group"] = np.repeat(np.asarray(align_groups(groups, ids), dtype=object), len(categories))
    long["held"] = long["count"] > 0
    table = long.groupby(["group", "category"], sort=False).agg(
        count=("count", "sum"),
        doc_freq=("held", "sum"),
        documents=("doc_id", "size"),
        words=("words", "sum"),
    )
    index = pd.MultiIndex.from_product([group_order(long["group"]), categories])
    table = table.reindex(index).reset_index(names=["group", "category"])
    with np.errstate(divide="ignore", invalid="ignore"):
        table["per_10k"] = np.where(table["words"] > 0, table["count"] / table["words"] * PER, 0)
    ints = ("count", "doc_freq", "documents", "words")
    return table.astype({column: "int64" for column in ints} | {"group": "str", "category": "str"})


def dictionary_term_counts(
    tokens_per_doc: TokensInput,
    dictionary: Mapping[str, Iterable[str]],
    *,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """How often each dictionary term matched, and in how many documents.

    Matching as in :func:`dictionary_counts`, so each category's ``count`` sums to its
    total there. Use it to check a dictionary: a category may be carried by one generic
    word.

    Returns
    -------
    pandas.DataFrame
        ``category, term, count, doc_freq``: every term, in the dictionary's order
        (zeros included).

    Examples
    --------
    >>> dictionary = {"chạy chức": ["chạy chức", "chạy chức chạy quyền"]}
    >>> docs = [["chạy_chức", "chạy_quyền", ",", "chạy_chức"]]
    >>> dictionary_term_counts(docs, dictionary)
        category                  term  count  doc_freq
    0  chạy chức             chạy chức      1         1
    1  chạy chức  chạy chức chạy quyền      1         1
    """
    checked = _check_dictionary(dictionary)
    docs, _ = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc", unique=False)
    totals: Counter[tuple[str, str]] = Counter()
    holding: Counter[tuple[str, str]] = Counter()
    for hits in _matches(docs, checked):
        totals.update(hits)
        holding.update(set(hits))
    rows = []
    for category, terms in checked.items():
        for term in terms:
            key = (category, _spelling(term))
            rows.append((category, key[1], totals[key], holding[key]))
    table = pd.DataFrame(rows, columns=["category", "term", "count", "doc_freq"])
    return table.drop_duplicates(["category", "term"]).reset_index(drop=True)


def dictionary_matrix(
    counts: pd.DataFrame,
    *,
    value: str = "per_10k",
    rows: Sequence[str] | None = None,
    n_top: int = 12,
) -> pd.DataFrame:
    """Documents (or groups) × categories from a :func:`dictionary_counts` table, for a heatmap.

    Parameters
    ----------
    counts : DataFrame
        The output of :func:`dictionary_counts`, per document or per group.
    value : {"per_10k", "count"}
    rows : sequence of str, optional
        The documents or groups to keep, in this order. Default: every group, or the
        ``n_top`` documents with the most matches in all categories together (equal
        totals in corpus order).
    n_top : int
        See ``rows``.

    Examples
    --------
    >>> counts = dictionary_counts({"a": ["tham_nhũng"], "b": ["họp"]},
    ...                            {"tham nhũng": ["tham nhũng"], "nêu gương": ["nêu gương"]})
    >>> dictionary_matrix(counts, value="count", n_top=1)
    category  tham nhũng  nêu gương
    doc_id
    a                  1          0
    """
    key = "group" if "group" in counts else "doc_id"
    if rows is None:
        totals = counts.groupby(key, sort=False)["count"].sum()
        if key == "doc_id":
            order = np.lexsort((np.arange(len(totals)), -totals.to_numpy()))[:n_top]
            rows = totals.index[order].tolist()
        else:
            rows = totals.index.tolist()
    categories = list(dict.fromkeys(counts["category"]))
    wide = counts.pivot(index=key, columns="category", values=value)
    return wide.reindex(index=list(rows), columns=categories)
