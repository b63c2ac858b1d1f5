"""Word lists: the bundled user words and stopwords, and the form a listed word matches in.

A listed word may be written with spaces or ``_`` between its syllables, in any Unicode
form or tone placement: it is matched in its canonical form (:func:`canonical_word`),
normalised, lowercase, syllables joined by :data:`WORD_JOINER`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from ..normalize import normalize_text

__all__ = [
    "WORD_JOINER",
    "canonical_word",
    "check_words",
    "load_stopwords",
    "load_user_words",
    "resolve_user_words",
    "stopword_set",
    "user_word_index",
]

WORD_JOINER = "_"
"""What joins the syllables of one word in a token: ``"Bộ_Chính_trị"``."""


def _read_word_list(name: str) -> tuple[str, ...]:
    text = resources.files("corpus_tools").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def check_words(words: Iterable[str], name: str) -> tuple[str, ...]:
    """Return a word list as a tuple; :class:`TypeError` unless it holds only strings.

    Internal API: every option that takes a word list (``user_words``, ``stopwords``,
    ``extra``, ``remove``) is checked with it, so that a bad entry is named.

    Examples
    --------
    >>> check_words(["cấp ủy"], "user_words")
    ('cấp ủy',)
    >>> check_words(["cấp ủy", None], "user_words")
    Traceback (most recent call last):
    ...
    TypeError: user_words holds None (NoneType); every entry must be a word (a str)
    """
    if isinstance(words, (str, bytes, bytearray)):
        raise TypeError(f"{name} must be a collection of words, not one string")
    if not isinstance(words, Iterable):
        raise TypeError(f"{name} must be a collection of words, not {type(words).__name__}")
    words = tuple(words)
    for word in words:
        if not isinstance(word, str):
            raise TypeError(
                f"{name} holds {word!r} ({type(word).__name__}); every entry must be a word (a str)"
            )
    return words


def canonical_word(word: str) -> str:
    """Return the form a listed word is matched in: normalised, lowercase, ``_``-joined.

    Internal API: :func:`load_stopwords` and :func:`stopword_set` use it.

    Examples
    --------
    >>> canonical_word("Hoà  bình")
    'hòa_bình'
    >>> canonical_word("có_thể")
    'có_thể'
    """
    return WORD_JOINER.join(normalize_text(word.replace(WORD_JOINER, " ")).lower().split())


@lru_cache(maxsize=16)
def _canonical_words(words: frozenset[str]) -> frozenset[str]:
    return frozenset(map(canonical_word, check_words(words, "stopwords")))


def stopword_set(stopwords: Iterable[str] | None) -> frozenset[str] | None:
    """Return ``stopwords`` as a set of canonical words, or None for no stopwords.

    Internal API: the token filter of :mod:`corpus_tools.segment.tokens` uses it.

    Examples
    --------
    >>> sorted(stopword_set(["Có thể", "ở"]))
    ['có_thể', 'ở']
    >>> stopword_set("có thể")
    Traceback (most recent call last):
    ...
    TypeError: stopwords must be a collection of words, not one string
    """
    if stopwords is None:
        return None
    if not isinstance(stopwords, frozenset):
        stopwords = frozenset(check_words(stopwords, "stopwords"))
    return _canonical_words(stopwords)


@lru_cache(maxsize=1)
def load_user_words() -> tuple[str, ...]:
    """Return the bundled Party and state organisation terms that must stay whole.

    The list lives in ``corpus_tools/data/party_terms_vi.txt``, one term a line.

    Examples
    --------
    >>> "Ban Tổ chức Trung ương" in load_user_words()
    True
    """
    return _read_word_list("party_terms_vi.txt")


def resolve_user_words(user_words: Iterable[str] | None) -> tuple[str, ...]:
    """Return the user words a run segments with: the bundled list when ``None``.

    Otherwise ``user_words`` must hold words (:func:`check_words`). Internal API: every
    function that takes ``user_words=`` calls it.

    Examples
    --------
    >>> resolve_user_words(["cấp ủy"])
    ('cấp ủy',)
    >>> resolve_user_words(None) == load_user_words()
    True
    """
    return load_user_words() if user_words is None else check_words(user_words, "user_words")


@lru_cache(maxsize=64)
def user_word_index(user_words: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Map a user word's first syllable to its words' syllables, longest word first.

    Syllables are canonical and lowercase. Internal API: the decoder forces these words
    whole and the cache keys a unit by the ones that could occur in it.

    Examples
    --------
    >>> user_word_index(("Cấp uỷ", "cấp ủy các cấp", "Bộ_Chính_trị"))
    {'cấp': (('cấp', 'ủy', 'các', 'cấp'), ('cấp', 'ủy')), 'bộ': (('bộ', 'chính', 'trị'),)}
    """
    index: dict[str, list[tuple[str, ...]]] = {}
    for word in user_words:
        syllables = tuple(normalize_text(word.replace(WORD_JOINER, " ")).lower().split())
        if syllables:
            index.setdefault(syllables[0], []).append(syllables)
    return {first: tuple(sorted(set(seqs), key=len, reverse=True)) for first, seqs in index.items()}


def load_stopwords(
    *, extra: Iterable[str] = (), remove: Iterable[str] = (), news: bool = True
) -> frozenset[str]:
    """Return Vietnamese stopwords as canonical lowercase tokens (``"có_thể"``).

    The base list is Van-Duyet Le's ``vietnamese-stopwords`` (MIT, 1,942 entries),
    shipped as package data. It is broad and holds some content words ("người");
    inspect it, and trim it with ``remove``. ``news`` adds a short list of news-genre
    function words (``data/news_stopwords_vi.txt``: "đồng chí", "cho biết", …).

    Examples
    --------
    >>> words = load_stopwords(extra=["tiếp tục"], remove=["người"])
    >>> "có_thể" in words, "tiếp_tục" in words, "người" in words
    (True, True, False)
    """
    extra, remove = check_words(extra, "extra"), check_words(remove, "remove")
    words = set(map(canonical_word, _read_word_list("vietnamese-stopwords.txt")))
    if news:
        words |= set(map(canonical_word, _read_word_list("news_stopwords_vi.txt")))
    words |= set(map(canonical_word, extra))
    words -= set(map(canonical_word, remove))
    words.discard("")
    return frozenset(words)
