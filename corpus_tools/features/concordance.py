"""Key word in context: every occurrence of a word or phrase, with the words around it.

:class:`TermMatcher` finds whole-token occurrences of words and phrases; the concordance
(:func:`kwic`, :func:`concordance`), the dispersion plot, the trends and the dictionary
counts all match terms with it, so a term means the same thing in every view.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from ..errors import CorpusError
from ..normalize import normalize_text
from ..segment import WORD_JOINER
from ..types import TokensInput
from ..validation import check_positive_int, token_lists
from .common import display_terms, empty_table, is_word

__all__ = ["TermMatcher", "concordance", "join_tokens", "kwic", "term_key"]

_KWIC_COLUMNS = ["doc_id", "position", "left", "keyword", "right"]
_NO_SPACE_BEFORE = frozenset(",.;:!?…)]}”’%»")
_NO_SPACE_AFTER = frozenset("([{“‘«")


@lru_cache(maxsize=1 << 16)
def term_key(token: str) -> tuple[str, ...]:
    """Return a token or a search term as lowercased, normalised syllables.

    Internal API: two spellings match when their keys are equal, whatever their case,
    Unicode form (NFC or NFD), tone-mark placement, or ``_`` / spaces between syllables.

    Examples
    --------
    >>> term_key("Chạy_chức"), term_key("CHẠY  CHỨC"), term_key("hoà"), term_key("_")
    (('chạy', 'chức'), ('chạy', 'chức'), ('hòa',), ('_',))
    """
    if not token.strip(WORD_JOINER + " "):
        return (token.strip(" "),) if token.strip(" ") else ()
    return tuple(normalize_text(token.replace(WORD_JOINER, " ")).lower().split())


class TermMatcher:
    """Find whole-token occurrences of words and phrases in token lists.

    A term matches a run of consecutive tokens whose syllables, together, are the
    term's syllables (compared by :func:`term_key`): "chức" does not match inside
    "chạy_chức", while "chạy chức chạy quyền" matches the tokens "chạy_chức",
    "chạy_quyền" as well as the single token "chạy_chức_chạy_quyền". Terms with the
    same key count once, under their first spelling.

    Parameters
    ----------
    terms : sequence of str
        Words or phrases, with spaces or ``_`` between syllables.

    Raises
    ------
    CorpusError
        If ``terms`` is a single string, empty, or holds an empty or non-string term.

    Examples
    --------
    >>> matcher = TermMatcher(["chạy chức", "cán bộ"])
    >>> matcher.terms
    ['chạy chức', 'cán bộ']
    >>> matcher.spans(["Cán_bộ", "chống", "chạy_chức", "chạy_quyền"])
    [(1, 0, 1), (0, 2, 3)]
    """

    def __init__(self, terms: Sequence[str]) -> None:
        if isinstance(terms, str) or not isinstance(terms, Iterable):
            raise CorpusError(f"terms must be a list of words such as ['cán bộ'], not {terms!r}")
        self.terms: list[str] = []
        self.keys: list[tuple[str, ...]] = []
        for term in terms:
            if not isinstance(term, str):
                raise CorpusError(f"each term must be a string such as 'cán bộ', not {term!r}")
            key = term_key(term.strip())
            if not key:
                raise CorpusError("a term is empty; pass words or phrases such as 'cán bộ'")
            if key not in self.keys:
                self.terms.append(" ".join(term.replace(WORD_JOINER, " ").split()) or term)
                self.keys.append(key)
        if not self.keys:
            raise CorpusError("terms is empty; pass words or phrases such as ['cán bộ']")
        self._by_first: dict[str, list[int]] = {}
        for index, key in enumerate(self.keys):
            self._by_first.setdefault(key[0], []).append(index)

    def spans(self, tokens: Sequence[str]) -> list[tuple[int, int, int]]:
        """Return ``(term index, start, end)`` of every match, by start then term order.

        ``tokens[start:end]`` is the match. Matches of different terms may overlap.
        """
        keys = [term_key(token) for token in tokens]
        found = []
        for start, key in enumerate(keys):
            if not key:
                continue
            for index in self._by_first.get(key[0], ()):
                target = self.keys[index]
                matched: tuple[str, ...] = ()
                end = start
                while end < len(keys) and len(matched) < len(target):
                    matched += keys[end]
                    end += 1
                    if matched != target[: len(matched)]:
                        break
                if matched == target:
                    found.append((index, start, end))
        return found


def join_tokens(tokens: Iterable[str]) -> str:
    """Join tokens into readable text: syllables spaced, no space before "," or after "(".

    Examples
    --------
    >>> join_tokens(["Ban_Bí_thư", "(", "khóa", "XIII", ")", "họp", ",", "bàn", "."])
    'Ban Bí thư (khóa XIII) họp, bàn.'
    """
    text = ""
    previous = ""
    for term in display_terms(tokens):
        if text and term not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            text += " "
        text += term
        previous = term
    return text


def _window_start(tokens: Sequence[str], start: int, window: int) -> int:
    """The index from which ``tokens[index:start]`` holds ``window`` word tokens."""
    index, words = start, 0
    while index > 0 and words < window:
        index -= 1
        words += is_word(tokens[index])
    return index if window else start


def _window_end(tokens: Sequence[str], end: int, window: int) -> int:
    index, words = end, 0
    while index < len(tokens) and words < window:
        words += is_word(tokens[index])
        index += 1
    return index


def concordance(
    tokens_per_doc: TokensInput,
    terms: Sequence[str],
    *,
    window: int = 10,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Every occurrence of each term, with ``window`` words on each side (KWIC).

    Pass the documents' full running text, tokenized with punctuation kept, stopwords
    kept and case as written (``iter_tokens(docs, keep_punct=True)``): the lines then
    read as the articles do, "Bộ Chính trị (khóa XII) đã ban hành …". Terms match as in
    :class:`TermMatcher`: whole tokens, any case, any Unicode form.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids.
    terms : sequence of str
        Words or phrases to find ("chạy chức", "Bộ Chính trị").
    window : int
        Words shown on each side; punctuation between them is shown but not counted.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….

    Returns
    -------
    pandas.DataFrame
        ``query, doc_id, position, left, keyword, right``, by term (in the order
        given), document and position. ``query`` is the term searched for; ``position``
        the index of the first matched token in its document; ``keyword`` the match as
        the text writes it. Empty, with these columns, when nothing matches.

    Examples
    --------
    >>> docs = {"a": ["Ban_Bí_thư", "chỉ_đạo", ",", "chống", "chạy_chức", "."], "b": []}
    >>> concordance(docs, ["chạy chức", "Ban Bí thư"], window=2)
           query doc_id  position           left    keyword          right
    0  chạy chức      a         4  chỉ đạo, chống  chạy chức              .
    1  Ban Bí thư      a         0                 Ban Bí thư  chỉ đạo, chống
    """
    window = check_positive_int(window, "window", minimum=0)
    matcher = TermMatcher(terms)
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    rows = []
    for doc_id, doc in zip(ids, docs, strict=True):
        for index, start, end in matcher.spans(doc):
            rows.append(
                (
                    index,
                    matcher.terms[index],
                    doc_id,
                    start,
                    join_tokens(doc[_window_start(doc, start, window) : start]),
                    join_tokens(doc[start:end]),
                    join_tokens(doc[end : _window_end(doc, end, window)]),
                )
            )
    columns = ["query", *_KWIC_COLUMNS]
    if not rows:
        return empty_table(columns, {"position": "int64"})
    rows.sort(key=lambda row: row[0])  # stable: document and position order stay
    table = pd.DataFrame([row[1:] for row in rows], columns=columns)
    return table.astype({"position": "int64"})


def kwic(
    tokens_per_doc: TokensInput,
    query: str,
    *,
    window: int = 8,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Find every occurrence of a word or phrase, with the words around it (key word in context).

    :func:`concordance` for one term, without the ``query`` column.

    Parameters
    ----------
    tokens_per_doc : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per document; a mapping or pairs carry the ids.
    query : str
        A word or phrase, with spaces or ``_`` between syllables, in any case, Unicode
        form or tone-mark placement ("Chạy chức", "chạy_chức", "hoà" = "hòa"). It matches
        whole tokens only: "chức" does not match inside "chạy_chức", while "chạy chức
        chạy quyền" matches the tokens "chạy_chức", "chạy_quyền" as well as the single
        token "chạy_chức_chạy_quyền".
    window : int
        How many words to show on each side (punctuation between them is shown too).
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….

    Returns
    -------
    pandas.DataFrame
        ``doc_id, position, left, keyword, right``: ``position`` is the index of the
        first matched token in its document; the text columns show the tokens as text
        (:func:`join_tokens`; ``keyword`` as the text writes the match). Empty (with these
        columns) when the query never occurs.

    Examples
    --------
    >>> docs = [["chống", "chạy_chức", "chạy_quyền", "ở", "cơ_sở"], ["chức", "vụ"]]
    >>> kwic(docs, "Chạy chức chạy quyền", window=2)
      doc_id  position  left              keyword    right
    0      0         1  chống  chạy chức chạy quyền  ở cơ sở
    >>> kwic(docs, "chức", window=1)
      doc_id  position left keyword right
    0      1         0         chức    vụ
    >>> kwic({"a": ["chức", "vụ"]}, "vụ", window=1)["doc_id"].tolist()
    ['a']
    """
    if not isinstance(query, str):
        raise CorpusError(f"query must be a string such as 'cán bộ', not {query!r}")
    if not term_key(query.strip()):
        raise CorpusError("query is empty; pass a word or phrase such as 'cán bộ'")
    table = concordance(tokens_per_doc, [query], window=window, doc_ids=doc_ids)
    return table.drop(columns="query")
