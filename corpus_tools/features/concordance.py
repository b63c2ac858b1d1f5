"""Key word in context: every occurrence of a word or phrase, with the words around it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from ..errors import CorpusError
from ..normalize import normalize_text
from ..segment import WORD_JOINER
from ..types import TokensInput
from ..validation import check_positive_int, token_lists
from .common import display_terms, empty_table

__all__ = ["kwic"]

_KWIC_COLUMNS = ["doc_id", "position", "left", "keyword", "right"]


@lru_cache(maxsize=1 << 16)
def _match_key(token: str) -> tuple[str, ...]:
    """A token or query as lowercased canonical syllables (``"Chạy_chức"`` → chạy, chức)."""
    if not token.strip(WORD_JOINER + " "):
        return (token.strip(" "),) if token.strip(" ") else ()
    return tuple(normalize_text(token.replace(WORD_JOINER, " ")).lower().split())


def kwic(
    tokens_per_doc: TokensInput,
    query: str,
    *,
    window: int = 8,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Find every occurrence of a word or phrase, with the words around it (key word in context).

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
        How many tokens to show on each side.
    doc_ids : iterable of str, optional
        Ids for a list of token lists; default ``"0"``, ``"1"``, ….

    Returns
    -------
    pandas.DataFrame
        ``doc_id, position, left, keyword, right``: ``position`` is the index of the
        first matched token in its document; the text columns show tokens with spaces
        (``keyword`` as the text writes the match). Empty (with these columns) when the
        query never occurs.

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
    window = check_positive_int(window, "window", minimum=0)
    if not isinstance(query, str):
        raise CorpusError(f"query must be a string such as 'cán bộ', not {query!r}")
    target = _match_key(query.strip())
    if not target:
        raise CorpusError("query is empty; pass a word or phrase such as 'cán bộ'")
    docs, ids = token_lists(tokens_per_doc, doc_ids, name="tokens_per_doc")
    rows = []
    size = len(target)
    for doc_id, doc in zip(ids, docs, strict=True):
        keys = [_match_key(token) for token in doc]
        for start, key in enumerate(keys):
            if not key or key[0] != target[0]:
                continue
            matched: tuple[str, ...] = ()
            end = start
            while end < len(doc) and len(matched) < size:
                matched += keys[end]
                end += 1
                if matched != target[: len(matched)]:
                    break
            if matched != target:
                continue
            rows.append(
                (
                    doc_id,
                    start,
                    " ".join(display_terms(doc[max(0, start - window) : start])),
                    " ".join(display_terms(doc[start:end])),
                    " ".join(display_terms(doc[end : end + window])),
                )
            )
    if not rows:
        return empty_table(_KWIC_COLUMNS, {"position": "int64"})
    return pd.DataFrame(rows, columns=_KWIC_COLUMNS).astype({"position": "int64"})
