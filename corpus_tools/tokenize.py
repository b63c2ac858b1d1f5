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

import hashlib
import itertools
import logging
import os
import re
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import BrokenExecutor, Executor
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from ._crf import FastCRF, model_dir
from .errors import CorpusError, SegmentationError, SkippedDocumentsWarning
from .io import Document
from .normalize import ToneStyle, normalize_text, place_tone_marks

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = [
    "SEGMENTER_TONE_STYLE",
    "WORD_JOINER",
    "SegmentationError",
    "SkippedDocumentsWarning",
    "iter_tokens",
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
_UNDERSCORE_RUN = re.compile(r"(_+)")
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
        from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
        from underthesea.pipeline.word_tokenize import regex_tokenize

        model = FastCRFSequenceTagger()
        model.load(str(model_dir()))
        _pretokenizer = re.compile(
            f"(?P<atomic>{_CODE})|{regex_tokenize.regex_patterns_combine}", re.VERBOSE | re.UNICODE
        )
        _model = model
    return _model


def _pretokenize(text: str) -> list[tuple[int, int, bool]]:
    """Return ``(start, end, atomic)`` for underthesea's regex tokens of ``text``.

    Runs of ``_`` are cut out as atomic tokens of their own.
    """
    pieces: list[tuple[int, int, bool]] = []
    append = pieces.append
    for found in _pretokenizer.finditer(text):  # type: ignore[union-attr]
        piece = found.group(0)
        if not piece:
            continue
        start, end = found.span()
        if found.group("atomic"):
            append((start, end, True))
        elif "_" not in piece:
            append((start, end, False))
        else:
            for part in _UNDERSCORE_RUN.split(piece):
                if part:
                    append((start, start + len(part), part.startswith("_")))
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
        begins = [tag != "I-W" for tag in model.estimator.tag(line_features)] if pieces else []
        spans_per_line.append(_spans_from_begins(line, pieces, begins, index))
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
    """Tokenize several texts in one batch; return one token list per text.

    Takes the options of :func:`tokenize`. For many texts, :func:`tokenize_corpus` adds
    worker processes, a cache and per-document error handling.

    Examples
    --------
    >>> tokenize_texts(["Hàng hoá", "Sức khỏe"], lowercase=True)
    [['hàng_hóa'], ['sức_khỏe']]
    """
    return _tokenize_with(
        _segment_units,
        texts,
        lowercase=lowercase,
        stopwords=stopwords,
        keep_punct=keep_punct,
        keep_numbers=keep_numbers,
        user_words=user_words,
    )


def _tokenize_with(
    segment: Callable[[Sequence[str], tuple[str, ...]], list[list[str]]],
    texts: Sequence[str],
    *,
    lowercase: bool = False,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    user_words: Iterable[str] | None = None,
) -> list[list[str]]:
    """Normalise ``texts``, ``segment`` them, and filter their words as the options say."""
    keep = _word_filter(
        lowercase=lowercase,
        stopwords=_stopword_set(stopwords),
        keep_punct=keep_punct,
        keep_numbers=keep_numbers,
    )
    normalized = [normalize_text(text) for text in texts]
    return [keep(words) for words in segment(normalized, _user_words_tuple(user_words))]


def _reference_tokenize_texts(texts: Sequence[str], **options: object) -> list[list[str]]:
    """:func:`tokenize_texts` through underthesea's own featuriser and tagger: the
    reference that the fast path is tested and benchmarked against."""
    return _tokenize_with(_reference_words, texts, **options)  # type: ignore[arg-type]


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


# ---------------------------------------------------------------------------------------
# Fast decoding (corpus_tools._crf): the same tags as underthesea's tagger, checked here
# when the decoder loads, with a fallback to underthesea's own tagger.
# ---------------------------------------------------------------------------------------


_SELF_CHECK_LINES = (
    "Bộ Chính trị họp ở Hà Nội ngày 12/3/2024 , thông qua Quy định 205-QĐ/TW .",
    "BAN CHẤP HÀNH TRUNG ƯƠNG",
    "ở",
    "Tăng cường công tác kiểm tra , giám sát ( lần 2 ) – 100 % đảng viên",
    "COVID-19 và kinh tế số : GDP tăng 7,08 % , cao nhất từ 2011",
)


_fast_crf: FastCRF | None = None
_fast_crf_unavailable = False
_fast_crf_lock = threading.RLock()


def _load_fast_crf() -> FastCRF | None:
    """Build the fast decoder once per process, after checking it against underthesea.

    Returns None, with a warning, when the installed model cannot be read this way (a
    new underthesea release, say); segmentation then uses underthesea's own tagger.
    """
    global _fast_crf, _fast_crf_unavailable
    with _fast_crf_lock:
        if _fast_crf is None and not _fast_crf_unavailable:
            model = _load_model()
            feeds = [
                [_segmenter_form(line[s:e]) for s, e, _ in _pretokenize(line)]
                for line in _SELF_CHECK_LINES
            ]
            expected = [
                [tag != "I-W" for tag in model.estimator.tag(features)]
                for features in model.featurizer.process([[[s] for s in f] for f in feeds])
            ]
            try:
                crf = FastCRF(model_dir())
                if crf.begins(feeds) != expected:
                    raise ValueError("its tags differ from underthesea's on the check lines")
            except Exception as error:  # any failure means: do not use it
                _fast_crf_unavailable = True
                warnings.warn(
                    f"corpus_tools: segmenting with underthesea's own tagger, about three "
                    f"times slower, because the fast decoder cannot read this model: {error}",
                    RuntimeWarning,
                    stacklevel=2,
                )
            else:
                _fast_crf = crf
        return _fast_crf


@lru_cache(maxsize=1 << 17)
def _segmenter_form(piece: str) -> str:
    return place_tone_marks(piece, style=SEGMENTER_TONE_STYLE)


def _spans_from_begins(
    line: str,
    pieces: list[tuple[int, int, bool]],
    begins: list[bool],
    index: dict[str, tuple[tuple[str, ...], ...]],
) -> list[tuple[int, int]]:
    """Turn the model's word beginnings into word spans: atomic pieces stand alone and
    user words are forced whole (shared by the underthesea and the fast decoder paths)."""
    if not pieces:
        return []
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
    return spans


_NON_SPACE = re.compile(r"\S+")
_PIECES_MEMO_LIMIT = 300_000
_pieces_memo: dict[str, tuple[tuple[int, int, bool], ...]] = {}


def _pieces(line: str) -> list[tuple[int, int, bool]]:
    """:func:`_pretokenize`, remembering the pieces of each run of non-space characters.

    No pattern of the pretokenizer matches or crosses white space, and its only context
    outside a run is whether white space or the end of the line follows (``(?!$)``,
    ``(?=\\s)``) or precedes it. So a run's pieces are those of the run followed by one
    space, or by nothing at the line's end, and a run seen before costs one lookup.
    """
    if len(_pieces_memo) > _PIECES_MEMO_LIMIT:
        _pieces_memo.clear()
    pieces: list[tuple[int, int, bool]] = []
    length = len(line)
    for run in _NON_SPACE.finditer(line):
        start, end = run.span()
        # What follows the run: the end, a final "\n" (before which "$" matches too), or
        # other white space.
        if end == length:
            key = line[start:end]
        elif end + 1 == length and line[end] == "\n":
            key = line[start:end] + "\n"
        else:
            key = line[start:end] + " "
        found = _pieces_memo.get(key)
        if found is None:
            found = _pieces_memo[key] = tuple(_pretokenize(key))
        if start:
            pieces.extend([(a + start, b + start, atomic) for a, b, atomic in found])
        else:
            pieces.extend(found)
    return pieces


def _segment_lines_fast(
    lines: Sequence[str], user_words: tuple[str, ...]
) -> list[list[tuple[int, int]]]:
    """:func:`_segment_lines` with the fast decoder: the same spans, several times sooner."""
    crf = _load_fast_crf()
    if crf is None:
        return _segment_lines(lines, user_words)
    pieces_per_line = [_pieces(line) for line in lines]
    feeds = [
        [_segmenter_form(line[s:e]) for s, e, _ in pieces]
        for line, pieces in zip(lines, pieces_per_line, strict=True)
    ]
    with _fast_crf_lock:
        begins_per_line = crf.begins(feeds)
    index = _user_word_index(user_words)
    return [
        _spans_from_begins(line, pieces, begins, index)
        for line, pieces, begins in zip(lines, pieces_per_line, begins_per_line, strict=True)
    ]


def _segment_units(texts: Sequence[str], user_words: tuple[str, ...]) -> list[list[str]]:
    """Word-segment normalised texts (as :func:`text_units` gives them); no filtering.

    :func:`tokenize_texts` normalises, then calls this. A line that occurs several times
    in the batch is segmented once.
    """
    return _words_of_lines(_segment_lines_fast, texts, user_words)


def _reference_words(texts: Sequence[str], user_words: tuple[str, ...]) -> list[list[str]]:
    """:func:`_segment_units` with underthesea's own featuriser and tagger."""
    return _words_of_lines(_segment_lines, texts, user_words)


def _words_of_lines(
    segment_lines: Callable[[Sequence[str], tuple[str, ...]], list[list[tuple[int, int]]]],
    texts: Sequence[str],
    user_words: tuple[str, ...],
) -> list[list[str]]:
    lines_per_text = [text.split("\n") for text in texts]
    unique = list(dict.fromkeys(line for lines in lines_per_text for line in lines))
    spans = dict(zip(unique, segment_lines(unique, user_words), strict=True))
    return [
        [_word(line, s, e) for line in lines for s, e in spans[line]] for lines in lines_per_text
    ]


# ---------------------------------------------------------------------------------------
# Cache keys. The segmenter's version is a hash of underthesea's and underthesea_core's
# versions and of the source of this module, _crf.py and normalize.py, so any change to them
# starts a new cache. A unit's key holds only the user words that could occur in it, so
# changing the word list re-segments just the units that hold an added or removed word.
# ---------------------------------------------------------------------------------------


def _blake(*parts: bytes, base: hashlib._Hash | None = None) -> hashlib._Hash:
    """BLAKE2b (16 bytes) of length-prefixed ``parts``, continuing ``base`` if given."""
    digest = hashlib.blake2b(digest_size=16) if base is None else base.copy()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@lru_cache(maxsize=1)
def _segmenter_version() -> bytes:
    from importlib.metadata import version

    from . import _crf, normalize

    parts = [_encode(f"{name} {version(name)}") for name in ("underthesea", "underthesea-core")]
    modules = (normalize.__file__, _crf.__file__, __file__)
    parts += [Path(module).read_bytes() for module in modules]
    return _blake(*parts).digest()


@lru_cache(maxsize=64)
def _user_word_syllables(user_words: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each distinct user word (canonical, lowercase) and its case-folded syllables."""
    index = _user_word_index(user_words)
    words = sorted({" ".join(seq) for seqs in index.values() for seq in seqs})
    return tuple((word, frozenset(syl.casefold() for syl in word.split(" "))) for word in words)


@lru_cache(maxsize=64)
def _doc_hasher(unit: Unit, user_words: tuple[str, ...]) -> hashlib._Hash:
    words = _blake(*(_encode(word) for word, _ in _user_word_syllables(user_words))).digest()
    return _blake(b"doc", _segmenter_version(), _encode(unit), words)


@lru_cache(maxsize=1)
def _unit_hasher() -> hashlib._Hash:
    return _blake(b"unit", _segmenter_version())


def _doc_key(source: str, unit: Unit, user_words: tuple[str, ...]) -> bytes:
    """Key a document by its text (title included), the unit kind and the whole word list."""
    return _blake(_encode(source), base=_doc_hasher(unit, user_words)).digest()


def _unit_key(text: str, user_words: tuple[str, ...]) -> bytes:
    """Key a normalised unit by its text and the user words that could match in it.

    A user word can match only if each of its syllables occurs in the text, compared
    case-folded (``casefold`` is context-free and ``casefold(lower(c)) == casefold(c)``
    for every character, so this never misses a match the segmenter would make).
    """
    words = _user_word_syllables(user_words)
    relevant: list[bytes] = []
    if words:
        folded = text.casefold()
        present: dict[str, bool] = {}
        for word, syllables in words:
            if all(
                present[s] if s in present else present.setdefault(s, s in folded)
                for s in syllables
            ):
                relevant.append(_encode(word))
    return _blake(_encode(text), *relevant, base=_unit_hasher()).digest()


# ---------------------------------------------------------------------------------------
# Runs over a corpus: pure per-document functions, run in batches in this process or in
# joblib's loky worker processes (each loads the model once), and results put back in
# input order. A document that fails, or kills its worker, is found by running its batch
# again one document at a time.
# ---------------------------------------------------------------------------------------

OnError = Literal["raise", "skip"]

logger = logging.getLogger("corpus_tools")


class _Failure(NamedTuple):
    """Stands in for the result of an item that raised."""

    message: str


def _fatal(error: BaseException) -> bool:
    return isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit))


def _isolated(function: Callable[..., list], items: list, *args: object) -> list:
    """``function(items, *args)``; if it raises, item by item, failures as :class:`_Failure`.

    Catches every error but interrupts: a panic in underthesea's Rust code arrives as
    ``pyo3_runtime.PanicException``, which derives from BaseException.
    """
    try:
        return function(items, *args)
    except BaseException as error:
        if _fatal(error):
            raise
        if len(items) == 1:
            return [_Failure(f"{type(error).__name__}: {error}"[:1000])]
    out = []
    for item in items:
        try:
            out.extend(function([item], *args))
        except BaseException as error:
            if _fatal(error):
                raise
            out.append(_Failure(f"{type(error).__name__}: {error}"[:1000]))
    return out


def _document_source(number: int, doc: Document | str, include_title: bool) -> tuple[str, str]:
    """``(doc_id, text)``: the text that :func:`text_units` splits, not yet normalised."""
    if isinstance(doc, Document):
        text = doc.text
        if include_title and doc.title:
            text = f"{doc.title}\n{text}"
        return doc.doc_id, text
    return str(number), doc


def _document_units(source: str, unit: Unit) -> list[str]:
    return [text for _, text in text_units([source], unit=unit)]


def _segment_sources(
    sources: Sequence[str], unit: Unit, user_words: tuple[str, ...]
) -> list[list[list[str]]]:
    """Each document's units, word-segmented: the pure per-document function."""
    units = [_document_units(source, unit) for source in sources]
    words = iter(_segment_units([text for texts in units for text in texts], user_words))
    return [[next(words) for _ in texts] for texts in units]


def _work_sources(sources: list[str], unit: Unit, user_words: tuple[str, ...]) -> list:
    return _isolated(_segment_sources, sources, unit, user_words)


def _work_units(texts: list[str], user_words: tuple[str, ...]) -> list:
    return _isolated(_segment_units, texts, user_words)


def _word_filter(
    *,
    lowercase: bool,
    stopwords: frozenset[str] | None,
    keep_punct: bool,
    keep_numbers: bool,
) -> Callable[[list[str]], list[str]]:
    """:func:`_filter` with these options, remembering each word's fate."""
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
                    stopwords=stopwords,
                    keep_punct=keep_punct,
                    keep_numbers=keep_numbers,
                )
                memo[word] = kept[0] if kept and kept[0] else None  # words are never ""
        return list(filter(None, map(memo.__getitem__, words)))

    return keep


def _worker_count(n_jobs: int | None) -> int:
    from joblib import cpu_count

    if n_jobs is None:
        return 1
    if not isinstance(n_jobs, int) or n_jobs == 0:
        raise CorpusError(f"n_jobs must be a positive or negative int, not {n_jobs!r}")
    return n_jobs if n_jobs > 0 else max(cpu_count() + 1 + n_jobs, 1)


class _Doc:
    __slots__ = ("doc_id", "doc_key", "failure", "unit_keys", "words")

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.doc_key: bytes | None = None
        self.unit_keys: list[bytes] = []
        self.words: list[list[str] | None] | None = None  # None: not known yet
        self.failure: str | None = None


class _Batch:
    """Documents in input order and the work that completes them."""

    __slots__ = ("args", "docs", "function", "future", "items", "results", "targets")

    def __init__(self) -> None:
        self.docs: list[_Doc] = []
        self.function: Callable[..., list] | None = None
        self.items: list[str] = []
        self.args: tuple = ()
        self.targets: list[list[tuple[_Doc, int | None]]] = []  # where each item's result goes
        self.future = None
        self.results: list | None = None


class _Run:
    def __init__(
        self,
        *,
        unit: Unit,
        include_title: bool,
        user_words: tuple[str, ...],
        keep: Callable[[list[str]], list[str]],
        workers: int,
        cache_dir: str | os.PathLike[str] | None,
        on_error: OnError,
        batch_size: int,
    ) -> None:
        self.unit, self.include_title, self.user_words = unit, include_title, user_words
        self.keep, self.workers, self.on_error = keep, workers, on_error
        self.batch_size = batch_size
        self.cache = None
        if cache_dir is not None:
            from .cache import TokenCache

            self.cache = TokenCache(cache_dir)
        self.skipped: list[tuple[str, str]] = []
        self.work_sources: Callable[..., list] = _work_sources
        self.work_units: Callable[..., list] = _work_units

    # -- preparing a batch in this process -----------------------------------------------
    def prepare(self, numbered: list[tuple[int, Document | str]]) -> _Batch:
        batch = _Batch()
        sources: list[str] = []
        for number, doc in numbered:
            doc_id, source = _document_source(number, doc, self.include_title)
            state = _Doc(doc_id)
            batch.docs.append(state)
            if self.cache is None:
                sources.append(source)
                batch.targets.append([(state, None)])
                continue
            try:
                state.doc_key = _doc_key(source, self.unit, self.user_words)
                cached = self.cache.get_doc(state.doc_key)
                if cached is not None:
                    state.words = cached
                    continue
                texts = _document_units(source, self.unit)
                state.unit_keys = [_unit_key(text, self.user_words) for text in texts]
            except Exception as error:  # reported by doc id
                state.failure = f"{type(error).__name__}: {error}"
                continue
            state.words = [self.cache.get_unit(key) for key in state.unit_keys]
            seen: dict[bytes, int] = {}
            for position, (key, text) in enumerate(zip(state.unit_keys, texts, strict=True)):
                if state.words[position] is None:
                    if key not in seen:
                        seen[key] = len(batch.items)
                        batch.items.append(text)
                        batch.targets.append([])
                    batch.targets[seen[key]].append((state, position))
        if self.cache is None:
            batch.function, batch.items, batch.args = (
                self.work_sources,
                sources,
                (self.unit, self.user_words),
            )
        elif batch.items:
            batch.function, batch.args = self.work_units, (self.user_words,)
        return batch

    # -- running it ---------------------------------------------------------------------
    def submit(self, batch: _Batch, executor: object | None) -> None:
        if batch.function is None or not batch.items:
            batch.results = []
        elif executor is None:
            batch.results = batch.function(batch.items, *batch.args)
        else:
            batch.future = executor.submit(batch.function, batch.items, *batch.args)  # type: ignore[attr-defined]

    def results(self, batch: _Batch) -> list:
        if batch.results is None:
            try:
                batch.results = batch.future.result()  # type: ignore[union-attr]
            except BrokenExecutor:
                batch.results = self.rerun_alone(batch)
        return batch.results

    def rerun_alone(self, batch: _Batch) -> list:
        """A worker died: run the batch alone, then each item alone, to find the culprit.

        (Every batch in flight when a worker dies fails with it, whichever one killed it.)
        """
        if len(batch.items) > 1:
            try:
                executor = _executor(self.workers)
                return executor.submit(batch.function, batch.items, *batch.args).result()
            except BrokenExecutor:
                pass
        out = []
        for item in batch.items:
            try:
                future = _executor(self.workers).submit(batch.function, [item], *batch.args)
                out.extend(future.result())
            except BrokenExecutor as error:
                reason = str(error).strip().split("\n")[0]
                out.append(_Failure(f"its worker process died ({reason})"))
        return out

    def finish(self, batch: _Batch) -> Iterator[tuple[str, list[str]]]:
        for result, targets in zip(self.results(batch), batch.targets, strict=True):
            for state, position in targets:
                if isinstance(result, _Failure):
                    state.failure = state.failure or result.message
                elif position is None:
                    state.words = result
                else:
                    state.words[position] = result  # type: ignore[index]
        for state in batch.docs:
            if state.failure is not None:
                self.fail(state)
                continue
            if self.cache is not None and state.unit_keys:
                self.cache.add(state.doc_id, state.doc_key, state.unit_keys, state.words)  # type: ignore[arg-type]
            elif self.cache is not None and state.words == [] and state.doc_key is not None:
                self.cache.add(state.doc_id, state.doc_key, [], [])
            for words in state.words:  # type: ignore[union-attr]
                yield state.doc_id, self.keep(words)  # type: ignore[arg-type]

    def fail(self, state: _Doc) -> None:
        if self.on_error == "raise":
            raise SegmentationError(
                f"document {state.doc_id!r} could not be segmented: {state.failure}; "
                "pass on_error='skip' to go on without it"
            )
        logger.warning("skipped document %r: %s", state.doc_id, state.failure)
        self.skipped.append((state.doc_id, state.failure or ""))

    def __call__(
        self, docs: Iterable[Document | str], *, progress: bool
    ) -> Iterator[tuple[str, list[str]]]:
        bar = _progress_bar(docs, progress)
        executor = _executor(self.workers) if self.workers > 1 else None
        in_flight = 2 * self.workers
        window: deque[_Batch] = deque()
        numbered = enumerate(docs)
        try:
            while True:
                chunk = list(itertools.islice(numbered, self.batch_size))
                if chunk:
                    batch = self.prepare(chunk)
                    self.submit(batch, executor)
                    window.append(batch)
                while window and (
                    not chunk
                    or len(window) > in_flight
                    or window[0].future is None
                    or window[0].future.done()
                ):
                    batch = window.popleft()
                    yield from self.finish(batch)
                    bar.update(len(batch.docs))
                if not chunk:
                    break
        finally:
            for batch in window:
                if batch.future is not None:
                    batch.future.cancel()
            if self.cache is not None:
                self.cache.flush()
            bar.close()
        if self.skipped:
            warnings.warn(SkippedDocumentsWarning(self.skipped), stacklevel=3)


def _executor(workers: int) -> Executor:
    """joblib's loky executor: reused between calls, so workers keep their loaded model."""
    from joblib.externals.loky import get_reusable_executor

    return get_reusable_executor(max_workers=workers, timeout=300)


def _progress_bar(docs: Iterable[object], progress: bool) -> tqdm:
    from tqdm import tqdm

    total = len(docs) if isinstance(docs, Sized) else None
    return tqdm(total=total, unit="doc", desc="tokenize", disable=not progress, delay=1.0)


def iter_tokens(
    docs: Iterable[Document | str],
    *,
    unit: Unit = "document",
    include_title: bool = True,
    lowercase: bool = False,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    user_words: Iterable[str] | None = None,
    n_jobs: int | None = 1,
    cache_dir: str | os.PathLike[str] | None = None,
    on_error: OnError = "raise",
    progress: bool = True,
    batch_size: int = 64,
) -> Iterator[tuple[str, list[str]]]:
    """Tokenize documents one batch at a time; yield ``(doc_id, tokens)`` for each unit.

    Takes the arguments of :func:`tokenize_corpus` and yields its token lists, in the
    same order, each with the id of its document, while reading ``docs`` lazily: with
    :func:`~corpus_tools.io.iter_corpus` neither the texts nor the tokens of a large
    corpus are ever all in memory. Plain strings get ids ``"0"``, ``"1"``, ….

    Examples
    --------
    >>> list(iter_tokens(["Ban Bí thư họp.", "Cấp ủy các cấp"], lowercase=True))
    [('0', ['ban_bí_thư', 'họp']), ('1', ['cấp_ủy', 'các', 'cấp'])]
    """
    if unit not in ("document", "paragraph", "sentence"):
        raise CorpusError(f"unit must be 'document', 'paragraph' or 'sentence', not {unit!r}")
    if on_error not in ("raise", "skip"):
        raise CorpusError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise CorpusError(f"batch_size must be a positive int, not {batch_size!r}")
    run = _Run(
        unit=unit,
        include_title=include_title,
        user_words=_user_words_tuple(user_words),
        keep=_word_filter(
            lowercase=lowercase,
            stopwords=_stopword_set(stopwords),
            keep_punct=keep_punct,
            keep_numbers=keep_numbers,
        ),
        workers=_worker_count(n_jobs),
        cache_dir=cache_dir,
        on_error=on_error,
        batch_size=batch_size,
    )
    return run(docs, progress=progress)


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
    n_jobs: int | None = 1,
    cache_dir: str | os.PathLike[str] | None = None,
    on_error: OnError = "raise",
    progress: bool = True,
) -> list[list[str]]:
    """Tokenize many documents; return one token list per unit, in order.

    The units are those of :func:`text_units` with the same ``unit`` and
    ``include_title``, so ``text_units(docs, unit=...)[i]`` is the text behind the
    ``i``-th token list. Other options are those of :func:`tokenize`, whose output this
    equals; for large corpora see also :func:`iter_tokens`, which streams.

    Parameters
    ----------
    batch_size : int
        Documents segmented together (and sent to a worker as one task).
    n_jobs : int
        Worker processes (joblib's loky); ``-1`` uses every core. Each worker loads the
        model once (about half a second) and keeps it between calls. The output is the
        same, in the same order, whatever ``n_jobs``.
    cache_dir : str or PathLike, optional
        A folder keeping every unit's words as Parquet (:mod:`corpus_tools.cache`):
        a re-run reads them instead of segmenting. It stores words before lowercasing
        and filtering, so one cache serves every ``lowercase``, ``stopwords``,
        ``keep_punct`` and ``keep_numbers``; changing ``user_words`` re-segments only
        the units that hold an added or removed word; a new underthesea or corpus_tools
        segmenter starts afresh. What is written survives an interrupted run.
    on_error : {"raise", "skip"}
        When a document cannot be segmented (or kills its worker process): raise
        :class:`SegmentationError` naming it, or leave its units out, log a warning on
        the ``corpus_tools`` logger and warn :class:`SkippedDocumentsWarning` listing
        every skipped id at the end. No other document's tokens are lost. With
        ``n_jobs=1`` the work runs in this process, so only Python errors are caught:
        a crash of the segmenter itself ends the process; ``n_jobs=2`` isolates it.
    progress : bool
        Show a tqdm progress bar (on standard error) when the run lasts over a second.

    Examples
    --------
    >>> tokenize_corpus(["Ban Bí thư họp.", "Cấp ủy các cấp"], lowercase=True)
    [['ban_bí_thư', 'họp'], ['cấp_ủy', 'các', 'cấp']]
    """
    return [
        tokens
        for _, tokens in iter_tokens(
            docs,
            unit=unit,
            include_title=include_title,
            lowercase=lowercase,
            stopwords=stopwords,
            keep_punct=keep_punct,
            keep_numbers=keep_numbers,
            user_words=user_words,
            n_jobs=n_jobs,
            cache_dir=cache_dir,
            on_error=on_error,
            progress=progress,
            batch_size=batch_size,
        )
    ]
