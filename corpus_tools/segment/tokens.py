"""Word-segment Vietnamese text with underthesea, keeping multi-syllable words whole.

A token joins the syllables of one word with ``_`` (the VLSP convention):
``"Bộ_Chính_trị"``. Tables and figures show it with spaces (:func:`token_to_text`).

How :func:`tokenize` differs from calling ``underthesea.word_tokenize`` directly:

* It normalises first (:func:`~corpus_tools.normalize.normalize_text`), and feeds the
  model each syllable in the tone-mark placement it segments best
  (:data:`~corpus_tools.segment.decoder.SEGMENTER_TONE_STYLE`, measured by
  ``benchmarks/segmentation.py``), skipping underthesea's own token normalisation,
  which rewrites "hoà" as "hòa". The tokens are then cut from the normalised text, so
  the output never depends on how the input was typed (NFC or NFD, Ð or Đ, either tone
  placement).
* It segments line by line, so no word joins across a line break.
* A correction learnt from the UD Vietnamese treebank's train split rescores the model's
  boundaries between syllables (:mod:`~corpus_tools.segment.correction`): F1 0.9646
  against the model's 0.9557 on the treebank's dev split (README, "Segmentation
  quality").
* User words (:func:`~corpus_tools.segment.load_user_words`, ``user_words=``) are a real
  dictionary: each occurrence comes out as one token, whatever the model says, matched
  case-insensitively. Document codes ("205-QĐ/TW") are always one token.
* A literal ``_`` in the text is always a token of its own, never a join.
* It is lossless: with ``keep_punct=True`` and no stopwords, the tokens cover every
  non-space character of ``normalize_text(text)``, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..normalize import normalize_text
from ..validation import check_text
from .decoder import reference_segment_units, segment_units
from .wordlists import WORD_JOINER, resolve_user_words, stopword_set

__all__ = [
    "reference_tokenize_texts",
    "token_to_text",
    "tokenize",
    "tokenize_texts",
    "word_filter",
]

_ALNUM = re.compile(r"[^\W_]")
_LETTER = re.compile(r"[^\W\d_]")


def _filter(
    words: Iterable[str],
    *,
    lowercase: bool,
    stopwords: frozenset[str] | set[str] | None,
    keep_punct: bool,
    keep_numbers: bool,
) -> list[str]:
    out = []
    for word in words:
        lowered = word.lower()
        if lowercase:
            word = lowered
        if not keep_punct and not _ALNUM.search(word):
            continue
        if not keep_numbers and _ALNUM.search(word) and not _LETTER.search(word):
            continue
        if stopwords and lowered in stopwords:
            continue
        out.append(word)
    return out


def word_filter(
    *,
    lowercase: bool = False,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
) -> Callable[[list[str]], list[str]]:
    """Return a function that lowercases and filters a unit's words as the options say.

    The options are those of :func:`tokenize`. The function remembers each word's fate,
    so a corpus pays for each distinct word once. Internal API: the corpus runner uses it.

    Examples
    --------
    >>> keep = word_filter(lowercase=True, stopwords=["có thể"])
    >>> keep(["Cán_bộ", "có_thể", "đến", "."])
    ['cán_bộ', 'đến']
    """
    canonical_stopwords = stopword_set(stopwords)
    memo: dict[str, str | None] = {}  # a word, or None if it is dropped

    def keep(words: list[str]) -> list[str]:
        try:
            return list(filter(None, map(memo.__getitem__, words)))
        except KeyError:
            pass
        if len(memo) > 1_000_000:
            memo.clear()
        for word in words:
            if word not in memo:
                kept = _filter(
                    [word],
                    lowercase=lowercase,
                    stopwords=canonical_stopwords,
                    keep_punct=keep_punct,
                    keep_numbers=keep_numbers,
                )
                memo[word] = kept[0] if kept and kept[0] else None  # words are never ""
        return list(filter(None, map(memo.__getitem__, words)))

    return keep


def tokenize(
    text: str,
    *,
    lowercase: bool = False,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    user_words: Iterable[str] | None = None,
) -> list[str]:
    """Normalise and word-segment ``text``; return its words, syllables joined by ``_``.

    Parameters
    ----------
    text : str
        Vietnamese text, in any Unicode form; line breaks end words.
    lowercase : bool
        Lowercase the words after segmenting (lowercasing first changes the result).
    stopwords : iterable of str, optional
        Words to drop, matched whole and case-insensitively: ``"có_thể"`` drops the
        word "có thể", not the syllable "có". See
        :func:`~corpus_tools.segment.load_stopwords`.
    keep_punct : bool
        Keep punctuation and symbol tokens.
    keep_numbers : bool
        Keep tokens made of digits and punctuation only ("2020", "19/28").
    user_words : iterable of str, optional
        Words that must come out whole, with spaces or ``_`` between syllables.
        ``None`` means the bundled Party and state terms
        (:func:`~corpus_tools.segment.load_user_words`); pass ``()`` for none, or
        ``load_user_words() + ("my word",)`` to extend them.

    Returns
    -------
    list of str

    Examples
    --------
    >>> tokenize("Bộ Chính trị họp ở Hà Nội.")
    ['Bộ_Chính_trị', 'họp', 'ở', 'Hà_Nội']
    >>> tokenize("Hàng hoá và sức khoẻ")
    ['Hàng_hóa', 'và', 'sức_khỏe']
    >>> tokenize("Quy định 24 – QĐ / TW của Ban Bí thư", keep_punct=True)
    ['Quy_định', '24-QĐ/TW', 'của', 'Ban_Bí_thư']
    >>> tokenize("")
    []
    """
    return tokenize_texts(
        [check_text(text)],
        lowercase=lowercase,
        stopwords=stopwords,
        keep_punct=keep_punct,
        keep_numbers=keep_numbers,
        user_words=user_words,
    )[0]


def tokenize_texts(
    texts: Sequence[str],
    *,
    lowercase: bool = False,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    user_words: Iterable[str] | None = None,
) -> list[list[str]]:
    """Tokenize several texts in one batch; return one token list per text.

    Takes the options of :func:`tokenize`. For many texts,
    :func:`~corpus_tools.segment.tokenize_corpus` adds worker processes, a cache and
    per-document error handling.

    Examples
    --------
    >>> tokenize_texts(["Hàng hoá", "Sức khỏe"], lowercase=True)
    [['hàng_hóa'], ['sức_khỏe']]
    """
    return _tokenize_with(
        segment_units,
        texts,
        lowercase=lowercase,
        stopwords=stopwords,
        keep_punct=keep_punct,
        keep_numbers=keep_numbers,
        user_words=user_words,
    )


def reference_tokenize_texts(texts: Sequence[str], **options: object) -> list[list[str]]:
    """:func:`tokenize_texts` through underthesea's own featuriser and tagger.

    Internal API: the reference that the fast path is tested and benchmarked against.
    Takes the options of :func:`tokenize`.

    Examples
    --------
    >>> reference_tokenize_texts(["Hàng hoá"], lowercase=True)
    [['hàng_hóa']]
    """
    # **options are tokenize's keyword options, passed through unchecked on purpose.
    return _tokenize_with(reference_segment_units, texts, **options)  # type: ignore[arg-type]


def _tokenize_with(
    segment: Callable[[Sequence[str], tuple[str, ...]], list[list[str]]],
    texts: Sequence[str],
    *,
    user_words: Iterable[str] | None = None,
    **filters: Any,
) -> list[list[str]]:
    """Normalise ``texts``, ``segment`` them, and filter their words (:func:`word_filter`)."""
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError("texts is one string; pass a list of texts ([text])")
    keep = word_filter(**filters)
    normalized = [
        normalize_text(check_text(text, f"texts[{number}]")) for number, text in enumerate(texts)
    ]
    return [keep(words) for words in segment(normalized, resolve_user_words(user_words))]


def token_to_text(token: str) -> str:
    """Show a token as readers write it: ``_`` between syllables becomes a space.

    Examples
    --------
    >>> token_to_text("Ban_Tổ_chức_Trung_ương")
    'Ban Tổ chức Trung ương'
    >>> token_to_text("_")
    '_'
    """
    check_text(token, "token")
    if not token.strip(WORD_JOINER):
        return token
    return token.replace(WORD_JOINER, " ")
