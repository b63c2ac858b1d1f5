"""Segment normalised lines with underthesea's model: pretokenizer, decoder, user words.

A line is cut into pieces by underthesea's pretokenizer (with document codes such as
"205-QĐ/TW" and runs of ``_`` kept atomic), each piece is fed to the CRF model in the
tone placement it segments best (:data:`SEGMENTER_TONE_STYLE`), and the tags say which
pieces begin a word. The learnt correction (:mod:`~corpus_tools.segment.correction`)
rescores the boundaries between syllables, atomic pieces stand alone and user words are
forced whole (:data:`USER_WORD_CONFIDENCE` can gate them).

Two paths give the same words: :func:`segment_units` decodes with
:class:`~corpus_tools.segment.crf.FastCRF` and remembers the pieces of each run of
non-space characters; :func:`reference_segment_units` runs underthesea's own featuriser
and tagger, and is what the fast path is tested and benchmarked against. The fast
decoder checks itself against underthesea's tagger when it loads, and falls back to it.
"""

from __future__ import annotations

import math
import re
import threading
import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..normalize import ToneStyle, place_tone_marks
from ..vietnamese import LOWER, UPPER
from .correction import boundary_scores, load_boundary_scorer
from .crf import FastCRF, feature_margins, model_dir
from .wordlists import WORD_JOINER, user_word_index

__all__ = [
    "SEGMENTER_TONE_STYLE",
    "fast_pretokenize",
    "load_fast_decoder",
    "load_model",
    "pretokenize",
    "reference_segment_units",
    "segment_units",
    "segmenter_form",
]

SEGMENTER_TONE_STYLE: ToneStyle = "new"
"""The tone placement fed to underthesea's model; tokens are returned in the canonical
placement whatever this is. ``"new"`` ("hoà") scores higher on the UD Vietnamese dev
set: see the README's segmentation table and ``benchmarks/segmentation.py``."""

LEARNT_CORRECTION = True
"""Rescore the model's boundaries between syllables with the correction learnt from the
UD Vietnamese treebank (:mod:`~corpus_tools.segment.correction`). A switch for
``benchmarks/segmentation.py``, which scores the model without it too."""

USER_WORD_CONFIDENCE = math.inf
"""How sure the corrected model must be that a user word is wrong to leave it split: a
boundary score (:func:`~corpus_tools.segment.correction.boundary_scores`, a log-odds)
of at least this inside the word, or at most minus this at its edges. The default,
infinity, joins every occurrence: the UD Vietnamese dev set's Party news splits names
of bodies ("Ủy ban / Kiểm tra / Trung ương") that this package keeps whole, so any
gate that saves F1 there also splits them in the seeds (``log(9)``, a probability of
0.9, costs nothing on UD dev but keeps 15 of the 163 joins the list makes in the seeds;
see the README's segmentation section). ``benchmarks/segmentation.py`` scores both."""

Piece = tuple[int, int, bool]
"""``(start, end, atomic)``: one pretokenizer token of a line."""

UserWordIndex = dict[str, tuple[tuple[str, ...], ...]]

# Pieces that are always one token: document codes such as 205-QĐ/TW, HD/BTCTW.
_CODE = r"(?:\d+[-–]?)?[A-ZĐ][A-ZĐ0-9]*(?:/[A-ZĐ][A-ZĐ0-9]*)+"
_UNDERSCORE_RUN = re.compile(r"(_+)")

_model = None
_pretokenizer: re.Pattern[str] | None = None


def load_model():
    """Load underthesea's CRF segmenter once per process (it cannot be pickled).

    Internal API: returns underthesea's ``FastCRFSequenceTagger``, whose ``featurizer``
    and ``estimator`` the reference path and the tests use.
    """
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


def pretokenize(text: str) -> list[Piece]:
    """Return ``(start, end, atomic)`` for underthesea's regex tokens of ``text``.

    Runs of ``_`` are cut out as atomic tokens of their own. Internal API.

    Examples
    --------
    >>> pretokenize("Quy định 205-QĐ/TW")
    [(0, 3, False), (4, 8, False), (9, 18, True)]
    """
    if _pretokenizer is None:
        load_model()
    pieces: list[Piece] = []
    append = pieces.append
    # load_model() above sets the module global; mypy does not see it.
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


_NON_SPACE = re.compile(r"\S+")
_LETTERS_ONLY = re.compile(f"[{UPPER}{LOWER}]+").fullmatch
_PIECES_MEMO_LIMIT = 300_000
_pieces_memo: dict[str, tuple[Piece, ...]] = {}


def fast_pretokenize(line: str) -> list[Piece]:
    """:func:`pretokenize`, remembering the pieces of each run of non-space characters.

    No pattern of the pretokenizer matches or crosses white space, and its only context
    outside a run is whether white space or the end of the line follows (``(?!$)``,
    ``(?=\\s)``) or precedes it. So a run's pieces are those of the run followed by one
    space, or by nothing at the line's end, and a run seen before costs one lookup.
    A run of Vietnamese letters only (:data:`~corpus_tools.vietnamese.UPPER`,
    :data:`~corpus_tools.vietnamese.LOWER`) is one piece without a lookup: every
    pattern that could cut it needs a digit, a dot, a hyphen or another non-letter,
    except underthesea's abbreviations "Th.S" and "Th.s", whose unescaped dot matches a
    letter (so a run holding "Th" goes through the pretokenizer). Internal API.

    Examples
    --------
    >>> fast_pretokenize("Quy định 205-QĐ/TW") == pretokenize("Quy định 205-QĐ/TW")
    True
    """
    memo = _pieces_memo
    if len(memo) > _PIECES_MEMO_LIMIT:
        memo.clear()
    pieces: list[Piece] = []
    append = pieces.append
    length = len(line)
    for run in _NON_SPACE.finditer(line):
        start, end = run.span()
        text = run.group()
        if _LETTERS_ONLY(text) and "Th" not in text:
            append((start, end, False))
            continue
        # What follows the run: the end, a final "\n" (before which "$" matches too), or
        # other white space.
        if end == length:
            key = text
        elif end + 1 == length and line[end] == "\n":
            key = text + "\n"
        else:
            key = text + " "
        found = memo.get(key)
        if found is None:
            found = memo[key] = tuple(pretokenize(key))
        if start:
            pieces.extend([(a + start, b + start, atomic) for a, b, atomic in found])
        else:
            pieces.extend(found)
    return pieces


@lru_cache(maxsize=1 << 17)
def segmenter_form(piece: str) -> str:
    """Return a piece in the tone placement fed to the model. Internal API.

    Examples
    --------
    >>> segmenter_form("hòa")
    'hoà'
    """
    return place_tone_marks(piece, style=SEGMENTER_TONE_STYLE)


# ---------------------------------------------------------------------------------------
# Word beginnings to words: the correction, atomic pieces, user words.
# ---------------------------------------------------------------------------------------


def _user_word_fits(scores: list[float | None], i: int, n: int) -> bool:
    """Whether the pieces ``i`` to ``i + n`` may form one word: no boundary inside it is
    sure, and neither is a join across its edges (:data:`USER_WORD_CONFIDENCE`)."""
    sure = USER_WORD_CONFIDENCE
    if sure == math.inf:
        return True
    for j in range(i + 1, i + n):
        score = scores[j]
        if score is not None and score >= sure:
            return False
    for j in (i, i + n):
        score = scores[j] if 0 < j < len(scores) else None
        if score is not None and score <= -sure:
            return False
    return True


def _apply_user_words(
    lowered: list[str],
    pieces: list[Piece],
    begins: list[bool],
    scores: list[float | None],
    index: UserWordIndex,
) -> None:
    i = 0
    while i < len(pieces):
        for syllables in index.get(lowered[i], ()):
            n = len(syllables)
            if (
                tuple(lowered[i : i + n]) == syllables
                and not any(a for _, _, a in pieces[i : i + n])
                and _user_word_fits(scores, i, n)
            ):
                begins[i] = True
                begins[i + 1 : i + n] = [False] * (n - 1)
                if i + n < len(pieces):
                    begins[i + n] = True
                i += n
                break
        else:
            i += 1


def _spans_from_begins(
    line: str,
    pieces: list[Piece],
    begins: list[bool],
    margins: list[float],
    index: UserWordIndex,
) -> list[tuple[int, int]]:
    """Turn the model's word beginnings into word spans (shared by the underthesea and
    the fast decoder paths): the learnt correction rescores boundaries between
    syllables, atomic pieces stand alone, and user words are joined where they fit."""
    if not pieces:
        return []
    texts = [line[s:e] for s, e, _ in pieces]
    scores: list[float | None] = (
        boundary_scores(texts, begins, margins) if LEARNT_CORRECTION else [None] * len(texts)
    )
    for j, score in enumerate(scores):
        if score is not None:
            begins[j] = score > 0
    begins[0] = True
    for i, (_, _, atomic) in enumerate(pieces):
        if atomic:  # an atomic piece stands alone
            begins[i] = True
            if i + 1 < len(pieces):
                begins[i + 1] = True
    if index:
        _apply_user_words([t.lower() for t in texts], pieces, begins, scores, index)
    spans: list[tuple[int, int]] = []
    for (start, end, _), begin in zip(pieces, begins, strict=True):
        if begin:
            spans.append((start, end))
        else:
            spans[-1] = (spans[-1][0], end)
    return spans


# ---------------------------------------------------------------------------------------
# The two decoders: underthesea's own tagger (the reference) and the fast decoder
# (corpus_tools.segment.crf), checked against it when it loads, with a fallback to it.
# ---------------------------------------------------------------------------------------


def _reference_segment_lines(
    lines: Sequence[str], user_words: tuple[str, ...]
) -> list[list[tuple[int, int]]]:
    """Segment normalised lines; return each line's words as character spans."""
    model = load_model()
    pieces_per_line = [pretokenize(line) for line in lines]
    feeds = [
        [[place_tone_marks(line[s:e], style=SEGMENTER_TONE_STYLE)] for s, e, _ in pieces]
        for line, pieces in zip(lines, pieces_per_line, strict=True)
    ]
    features = model.featurizer.process(feeds) if any(feeds) else [[] for _ in feeds]
    index = user_word_index(user_words)
    spans_per_line = []
    for line, pieces, line_features in zip(lines, pieces_per_line, features, strict=True):
        begins = [tag != "I-W" for tag in model.estimator.tag(line_features)] if pieces else []
        margins = feature_margins(line_features) if pieces else []
        spans_per_line.append(_spans_from_begins(line, pieces, begins, margins, index))
    return spans_per_line


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


def load_fast_decoder() -> FastCRF | None:
    """Build the fast decoder once per process, after checking it against underthesea.

    Returns None, with a warning, when the installed model cannot be read this way (a
    new underthesea release, say); segmentation then uses underthesea's own tagger.
    Internal API.
    """
    global _fast_crf, _fast_crf_unavailable
    with _fast_crf_lock:
        if _fast_crf is None and not _fast_crf_unavailable:
            model = load_model()
            feeds = [
                [segmenter_form(line[s:e]) for s, e, _ in pretokenize(line)]
                for line in _SELF_CHECK_LINES
            ]
            expected = [
                [tag != "I-W" for tag in model.estimator.tag(features)]
                for features in model.featurizer.process([[[s] for s in f] for f in feeds])
            ]
            try:
                load_boundary_scorer()  # built with the model, not on the first line
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


def _segment_lines(
    lines: Sequence[str], user_words: tuple[str, ...]
) -> list[list[tuple[int, int]]]:
    """:func:`_reference_segment_lines` with the fast decoder: the same spans, sooner."""
    crf = load_fast_decoder()
    if crf is None:
        return _reference_segment_lines(lines, user_words)
    pieces_per_line = [fast_pretokenize(line) for line in lines]
    feeds = [
        [segmenter_form(line[s:e]) for s, e, _ in pieces]
        for line, pieces in zip(lines, pieces_per_line, strict=True)
    ]
    with _fast_crf_lock:
        decoded = crf.decode(feeds)
    index = user_word_index(user_words)
    return [
        _spans_from_begins(line, pieces, begins, margins, index)
        for line, pieces, (begins, margins) in zip(lines, pieces_per_line, decoded, strict=True)
    ]


# ---------------------------------------------------------------------------------------
# Texts to words, line by line.
# ---------------------------------------------------------------------------------------


def _words_of_lines(
    segment_lines: Callable[[Sequence[str], tuple[str, ...]], list[list[tuple[int, int]]]],
    texts: Sequence[str],
    user_words: tuple[str, ...],
) -> list[list[str]]:
    lines_per_text = [text.split("\n") for text in texts]
    unique = list(dict.fromkeys(line for lines in lines_per_text for line in lines))
    spans = dict(zip(unique, segment_lines(unique, user_words), strict=True))
    return [
        [WORD_JOINER.join(line[s:e].split()) for line in lines for s, e in spans[line]]
        for lines in lines_per_text
    ]


def segment_units(texts: Sequence[str], user_words: tuple[str, ...]) -> list[list[str]]:
    """Word-segment normalised texts (as :func:`~corpus_tools.segment.text_units` gives
    them); return each one's words, unfiltered.

    A line that occurs several times in the batch is segmented once. Internal API:
    :func:`~corpus_tools.segment.tokenize_texts` normalises, then calls this, and so
    do the corpus runners.

    Examples
    --------
    >>> segment_units(["Bộ Chính trị họp.", "Hà Nội"], ())
    [['Bộ_Chính_trị', 'họp', '.'], ['Hà_Nội']]
    """
    return _words_of_lines(_segment_lines, texts, user_words)


def reference_segment_units(texts: Sequence[str], user_words: tuple[str, ...]) -> list[list[str]]:
    """:func:`segment_units` with underthesea's own featuriser and tagger.

    Internal API: the reference that the fast path is tested and benchmarked against.

    Examples
    --------
    >>> reference_segment_units(["Bộ Chính trị họp."], ())
    [['Bộ_Chính_trị', 'họp', '.']]
    """
    return _words_of_lines(_reference_segment_lines, texts, user_words)
