"""Word-segment Vietnamese text with underthesea, keeping multi-syllable words whole.

A token joins the syllables of one word with ``_`` (the VLSP convention):
``"Bộ_Chính_trị"``. Tables and figures show it with spaces (:func:`token_to_text`).

How :func:`tokenize` differs from calling ``underthesea.word_tokenize`` directly:

* It normalises first (:func:`~corpus_tools.normalize.normalize_text`), and feeds the
  model each syllable in the tone-mark placement it segments best
  (:data:`SEGMENTER_TONE_STYLE`, measured by ``benchmarks/segmentation.py``), skipping
  underthesea's own token normalisation, which rewrites "hoà" as "hòa". The tokens are
  then cut from the normalised text, so the output never depends on how the input was
  typed (NFC or NFD, Ð or Đ, either tone placement).
* It segments line by line, so no word joins across a line break.
* User words (:func:`load_user_words`, ``user_words=``) are a real dictionary: each
  occurrence comes out as one token, whatever the model says, matched case-insensitively.
  Document codes ("205-QĐ/TW") are always one token.
* A literal ``_`` in the text is always a token of its own, never a join.
* It is lossless: with ``keep_punct=True`` and no stopwords, the tokens cover every
  non-space character of ``normalize_text(text)``, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Literal

from .errors import CorpusError
from .io import Document
from .normalize import ToneStyle, normalize_text, place_tone_marks

__all__ = [
    "SEGMENTER_TONE_STYLE",
    "WORD_JOINER",
    "load_stopwords",
    "load_user_words",
    "text_units",
    "token_to_text",
    "tokenize",
    "tokenize_corpus",
]

WORD_JOINER = "_"

SEGMENTER_TONE_STYLE: ToneStyle = "new"
"""The tone placement fed to underthesea's model; tokens are returned in the canonical
placement whatever this is. ``"new"`` ("hoà") scores higher on the UD Vietnamese dev
set: see the README's segmentation table and ``benchmarks/segmentation.py``."""

Unit = Literal["document", "paragraph", "sentence"]

# Pieces that are always one token: document codes such as 205-QĐ/TW, HD/BTCTW.
_CODE = r"(?:\d+[-–]?)?[A-ZĐ][A-ZĐ0-9]*(?:/[A-ZĐ][A-ZĐ0-9]*)+"
_ATOMIC = re.compile(_CODE)
_LITERAL_UNDERSCORES = re.compile(r"_+")
_ALNUM = re.compile(r"[^\W_]")
_LETTER = re.compile(r"[^\W\d_]")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:TP|Tp|TX|TT|ThS|TS|GS|PGS|BS|Mr|Mrs|Ms|Dr|St|v\.v)\.$")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’)])) +")

_model = None
_pretokenizer: re.Pattern[str] | None = None


def _load_model():
    """Load underthesea's CRF segmenter once per process (it cannot be pickled)."""
    global _model, _pretokenizer
    if _model is None:
        from os.path import dirname, join

        from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
        from underthesea.pipeline import word_tokenize as underthesea_word_tokenize
        from underthesea.pipeline.word_tokenize import regex_tokenize

        model = FastCRFSequenceTagger()
        model.load(
            join(dirname(underthesea_word_tokenize.__file__), "models", "ws_crf_vlsp2013_20230727")
        )
        _pretokenizer = re.compile(
            f"(?P<atomic>{_CODE})|{regex_tokenize.regex_patterns_combine}", re.VERBOSE | re.UNICODE
        )
        _model = model
    return _model


def _pretokenize(line: str) -> list[tuple[int, int, bool]]:
    """Return ``(start, end, atomic)`` for underthesea's regex tokens of ``line``.

    Runs of ``_`` are cut out as atomic tokens of their own.
    """
    pieces: list[tuple[int, int, bool]] = []
    for found in _pretokenizer.finditer(line):  # type: ignore[union-attr]
        start, end = found.span()
        if found.group("atomic"):
            pieces.append((start, end, True))
            continue
        for part in re.split(r"(_+)", found.group(0)):
            if part:
                pieces.append((start, start + len(part), part.startswith("_")))
                start += len(part)
    return pieces


@lru_cache(maxsize=64)
def _user_word_index(user_words: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Map a word's first syllable (lowercase, canonical) to its syllable tuples, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for word in user_words:
        syllables = tuple(normalize_text(word.replace(WORD_JOINER, " ")).lower().split())
        if syllables:
            index.setdefault(syllables[0], []).append(syllables)
    return {first: tuple(sorted(set(seqs), key=len, reverse=True)) for first, seqs in index.items()}


def _segment_lines(
    lines: Sequence[str], user_words: tuple[str, ...]
) -> list[list[tuple[int, int]]]:
    """Segment normalised lines; return each line's words as character spans."""
    model = _load_model()
    pieces_per_line = [_pretokenize(line) for line in lines]
    feeds = [
        [[place_tone_marks(line[s:e], style=SEGMENTER_TONE_STYLE)] for s, e, _ in pieces]
        for line, pieces in zip(lines, pieces_per_line, strict=True)
    ]
    features = model.featurizer.process(feeds) if any(feeds) else [[] for _ in feeds]
    index = _user_word_index(user_words)
    spans_per_line = []
    for line, pieces, line_features in zip(lines, pieces_per_line, features, strict=True):
        if not pieces:
            spans_per_line.append([])
            continue
        begins = [tag != "I-W" for tag in model.estimator.tag(line_features)]
        begins[0] = True
        for i, (_, _, atomic) in enumerate(pieces):
            if atomic:  # an atomic piece stands alone
                begins[i] = True
                if i + 1 < len(pieces):
                    begins[i + 1] = True
        if index:
            _apply_user_words(line, pieces, begins, index)
        spans: list[tuple[int, int]] = []
        for (start, end, _), begin in zip(pieces, begins, strict=True):
            if begin:
                spans.append((start, end))
            else:
                spans[-1] = (spans[-1][0], end)
        spans_per_line.append(spans)
    return spans_per_line


def _apply_user_words(
    line: str,
    pieces: list[tuple[int, int, bool]],
    begins: list[bool],
    index: dict[str, tuple[tuple[str, ...], ...]],
) -> None:
    lowered = [line[s:e].lower() for s, e, _ in pieces]
    i = 0
    while i < len(pieces):
        for syllables in index.get(lowered[i], ()):
            n = len(syllables)
            if tuple(lowered[i : i + n]) == syllables and not any(
                a for _, _, a in pieces[i : i + n]
            ):
                begins[i] = True
                begins[i + 1 : i + n] = [False] * (n - 1)
                if i + n < len(pieces):
                    begins[i + n] = True
                i += n
                break
        else:
            i += 1


def _word(line: str, start: int, end: int) -> str:
    return WORD_JOINER.join(line[start:end].split())


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
        word "có thể", not the syllable "có". See :func:`load_stopwords`.
    keep_punct : bool
        Keep punctuation and symbol tokens.
    keep_numbers : bool
        Keep tokens made of digits and punctuation only ("2020", "19/28").
    user_words : iterable of str, optional
        Words that must come out whole, with spaces or ``_`` between syllables.
        ``None`` means the bundled Party and state terms (:func:`load_user_words`);
        pass ``()`` for none, or ``load_user_words() + ("my word",)`` to extend them.

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
        [text],
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
    """Tokenize several texts in one batch (the model featurises all their lines at once).

    Takes the options of :func:`tokenize`; returns one token list per text.
    """
    words_per_text = _segment_texts(texts, _user_words_tuple(user_words))
    stop = _stopword_set(stopwords)
    return [
        _filter(
            words,
            lowercase=lowercase,
            stopwords=stop,
            keep_punct=keep_punct,
            keep_numbers=keep_numbers,
        )
        for words in words_per_text
    ]


def _user_words_tuple(user_words: Iterable[str] | None) -> tuple[str, ...]:
    return load_user_words() if user_words is None else tuple(user_words)


def _stopword_set(stopwords: Iterable[str] | None) -> frozenset[str] | None:
    if stopwords is None:
        return None
    if isinstance(stopwords, str):
        raise TypeError("stopwords must be a collection of words, not one string")
    return _canonical_words(frozenset(stopwords))


@lru_cache(maxsize=16)
def _canonical_words(words: frozenset[str]) -> frozenset[str]:
    return frozenset(map(_canonical_word, words))


def _canonical_word(word: str) -> str:
    return WORD_JOINER.join(normalize_text(word.replace(WORD_JOINER, " ")).lower().split())


def _segment_texts(texts: Sequence[str], user_words: tuple[str, ...]) -> list[list[str]]:
    normalized = [normalize_text(text) for text in texts]
    lines = [line for text in normalized for line in text.split("\n")]
    spans = _segment_lines(lines, user_words)
    out: list[list[str]] = []
    position = 0
    for text in normalized:
        words: list[str] = []
        for line in text.split("\n"):
            words.extend(_word(line, s, e) for s, e in spans[position])
            position += 1
        out.append(words)
    return out


def token_to_text(token: str) -> str:
    """Show a token as readers write it: ``_`` between syllables becomes a space.

    Examples
    --------
    >>> token_to_text("Ban_Tổ_chức_Trung_ương")
    'Ban Tổ chức Trung ương'
    >>> token_to_text("_")
    '_'
    """
    if not token.strip(WORD_JOINER):
        return token
    return token.replace(WORD_JOINER, " ")


def _read_word_list(name: str) -> tuple[str, ...]:
    text = resources.files("corpus_tools").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


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
    words = set(map(_canonical_word, _read_word_list("vietnamese-stopwords.txt")))
    if news:
        words |= set(map(_canonical_word, _read_word_list("news_stopwords_vi.txt")))
    words |= set(map(_canonical_word, extra))
    words -= set(map(_canonical_word, remove))
    words.discard("")
    return frozenset(words)


def _split_sentences(paragraph: str) -> list[str]:
    sentences: list[str] = []
    for part in _SENTENCE_END.split(paragraph):
        first = _ALNUM.search(part)
        if sentences and (
            first is None or first.group(0).islower() or _ABBREVIATION.search(sentences[-1])
        ):
            sentences[-1] += " " + part  # "v.v. và", "TP. Hồ Chí Minh" go on
        else:
            sentences.append(part)
    return sentences


def text_units(
    docs: Iterable[Document | str], *, unit: Unit = "document", include_title: bool = True
) -> list[tuple[str, str]]:
    """Split documents into units of analysis: ``(doc_id, normalised text)`` pairs.

    ``"document"`` gives one unit per document, ``"paragraph"`` one per body paragraph,
    ``"sentence"`` one per sentence (split after ``.``, ``!``, ``?`` or ``…`` followed by
    a capital letter or a digit). Plain strings get ids ``"0"``, ``"1"``, ….

    With ``include_title`` (the default) a document's title is analysed with its text,
    as its first line: the headline is part of what the article says, and a tool that
    counted the file as it is (Voyant, say) would count it. It is its own paragraph
    and sentence.

    Examples
    --------
    >>> text_units(["Hội nghị bế mạc. Đại biểu ra về.\\nNgày mai họp tiếp."], unit="sentence")
    [('0', 'Hội nghị bế mạc.'), ('0', 'Đại biểu ra về.'), ('0', 'Ngày mai họp tiếp.')]
    """
    if unit not in ("document", "paragraph", "sentence"):
        raise CorpusError(f"unit must be 'document', 'paragraph' or 'sentence', not {unit!r}")
    units: list[tuple[str, str]] = []
    for number, doc in enumerate(docs):
        if isinstance(doc, Document):
            doc_id, text = doc.doc_id, doc.text
            if include_title and doc.title:
                text = f"{doc.title}\n{text}"
        else:
            doc_id, text = str(number), doc
        text = normalize_text(text)
        if unit == "document":
            units.append((doc_id, text))
            continue
        for paragraph in filter(None, text.split("\n")):
            if unit == "paragraph":
                units.append((doc_id, paragraph))
            else:
                units.extend((doc_id, sentence) for sentence in _split_sentences(paragraph))
    return units


def tokenize_corpus(
    docs: Iterable[Document | str],
    *,
    unit: Unit = "document",
    include_title: bool = True,
    lowercase: bool = False,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    user_words: Iterable[str] | None = None,
    batch_size: int = 64,
) -> list[list[str]]:
    """Tokenize many documents; return one token list per unit, in order.

    The units are those of :func:`text_units` with the same ``unit`` and
    ``include_title``, so ``text_units(docs, unit=...)[i]`` is the text behind the
    ``i``-th token list. Other options are those of :func:`tokenize`.

    Examples
    --------
    >>> tokenize_corpus(["Ban Bí thư họp.", "Cấp ủy các cấp"], lowercase=True)
    [['ban_bí_thư', 'họp'], ['cấp_ủy', 'các', 'cấp']]
    """
    texts = [text for _, text in text_units(docs, unit=unit, include_title=include_title)]
    options = {
        "lowercase": lowercase,
        "stopwords": _stopword_set(stopwords),
        "keep_punct": keep_punct,
        "keep_numbers": keep_numbers,
        "user_words": _user_words_tuple(user_words),
    }
    out: list[list[str]] = []
    for start in range(0, len(texts), batch_size):
        out.extend(tokenize_texts(texts[start : start + batch_size], **options))
    return out
