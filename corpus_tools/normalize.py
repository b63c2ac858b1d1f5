"""Normalise Vietnamese text so that one word is always spelled one way before counting.

:func:`normalize_text` composes to NFC, turns Ð into Đ, folds unusual spaces, puts tone
marks in one place (:func:`place_tone_marks`), rejoins spaced document codes and
removes spaces before punctuation. It is idempotent, and it never deletes a letter,
digit or symbol: only white space changes, and characters are swapped one for one.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from .io import Document
from .types import DocumentLike
from .validation import check_doc_ids, check_text, check_unique_ids
from .vietnamese import is_syllable

if TYPE_CHECKING:
    import pandas as pd


__all__ = [
    "TONE_STYLE",
    "DocumentLike",
    "corpus_digest",
    "normalization_changes",
    "normalize_text",
    "normalized_texts",
    "place_tone_marks",
]

ToneStyle = Literal["old", "new"]

TONE_STYLE: ToneStyle = "old"
"""The canonical tone-mark placement: ``"old"`` writes "hòa", "khỏe", "thủy".

It is the placement most Vietnamese news sites and the seeds use, so counted terms
look the way readers expect. ``"new"`` writes "hoà", "khoẻ", "thuỷ".
"""

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_VOWELS = "aăâeêioôơuưy"
_HATTED = "ăâêôơư"  # vowels that carry their own diacritic, which the tone joins
_NEW_STYLE_PAIRS = ("oa", "oe", "uy")  # the only open pairs the two styles disagree on

_SYLLABLE = re.compile(r"[^\W\d_]+")
_ETH = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_OTHER_SPACE = re.compile(r"[^\S\n]+")  # any white space but a line break, runs of it
_SPACE_AT_LINE_ENDS = re.compile(r" *\n *")
_CODE_SLASH = re.compile(r"(?<=[A-ZĐ0-9]) ?/ ?(?=[A-ZĐ0-9])")  # QĐ / TW, III / 2021
_NUMBERED_CODE = re.compile(r"(?<![\w/])(\d+) ?[-–—] ?(?=[A-ZĐ]{1,10}/)")  # 24 – QĐ/TW
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[.,;:!?%…)\]}”])")
_SPACE_AFTER_OPENING = re.compile(r"(?<=[(\[{“]) +")
_RUNS = re.compile(r"\s+|\S+")  # a line as runs of white space and of other characters


@lru_cache(maxsize=65536)
def _place_in_syllable(syllable: str, style: ToneStyle) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) != 1 or not is_syllable(syllable):
        return syllable  # no mark to move, or not one Vietnamese syllable ("đãyêu")
    bare = unicodedata.normalize("NFC", decomposed.replace(tones[0], ""))
    lower = bare.lower()
    if len(lower) != len(bare):
        return syllable
    vowels = [i for i, c in enumerate(lower) if c in _VOWELS]
    if not vowels:
        return syllable
    if len(vowels) > 1 and vowels[0] == 1 and lower[:2] in ("qu", "gi"):
        vowels = vowels[1:]  # the u of "qu" and the i of "gi" belong to the consonant
    if vowels != list(range(vowels[0], vowels[-1] + 1)):
        return syllable  # not one run of vowels: not a Vietnamese syllable
    hatted = [i for i in vowels if lower[i] in _HATTED]
    if len(vowels) == 1:
        position = vowels[0]
    elif hatted:
        position = hatted[-1]
    elif vowels[-1] < len(lower) - 1:
        position = vowels[-1]  # closed syllable: hoàng, toán
    elif style == "new" and lower[vowels[-2] : vowels[-1] + 1] in _NEW_STYLE_PAIRS:
        position = vowels[-1]
    else:
        position = vowels[-2]
    marked = unicodedata.normalize("NFC", bare[position] + tones[0])
    return bare[:position] + marked + bare[position + 1 :]


def place_tone_marks(text: str, *, style: ToneStyle = TONE_STYLE) -> str:
    """Put every syllable's tone mark on the vowel that ``style`` prescribes.

    Both styles agree except for the open pairs "oa", "oe" and "uy": ``"old"`` marks
    the first vowel ("hòa", "khỏe", "thủy"), ``"new"`` the second ("hoà", "khoẻ",
    "thuỷ"). Misplaced marks such as "qủa" are corrected in either style. A mark moves
    only inside a well-formed Vietnamese syllable
    (:func:`~corpus_tools.vietnamese.is_syllable`): other letter runs ("Open", "COVID",
    or "đãyêu" typed without its space) are left as they are. Expects NFC text.

    Examples
    --------
    >>> place_tone_marks("hàng hoá, sức khoẻ, Tỉnh uỷ, hiệu qủa")
    'hàng hóa, sức khỏe, Tỉnh ủy, hiệu quả'
    >>> place_tone_marks("hòa bình, khóa XIII", style="new")
    'hoà bình, khoá XIII'
    """
    placed = _SYLLABLE.sub(lambda found: _place_in_syllable(found.group(0), style), text)
    # A stray combining mark after a moved tone may now compose with its new neighbour.
    return unicodedata.normalize("NFC", placed)


def _fold_spaces(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    text = _OTHER_SPACE.sub(" ", text)
    return _SPACE_AT_LINE_ENDS.sub("\n", text).strip(" ")


def _join_codes(text: str) -> str:
    return _NUMBERED_CODE.sub(r"\1-", _CODE_SLASH.sub("/", text))


def _tighten_punctuation(text: str) -> str:
    return _SPACE_AFTER_OPENING.sub("", _SPACE_BEFORE_PUNCT.sub("", text))


def _steps(tone_style: ToneStyle) -> tuple[tuple[str, Callable[[str], str]], ...]:
    return (
        ("compose to NFC", lambda text: unicodedata.normalize("NFC", text)),
        ("Ð/ð to Đ/đ", lambda text: text.translate(_ETH)),
        ("unusual spaces", _fold_spaces),
        ("tone-mark placement", lambda text: place_tone_marks(text, style=tone_style)),
        ("document codes rejoined", _join_codes),
        ("spaces around punctuation", _tighten_punctuation),
    )


def normalize_text(text: str, *, tone_style: ToneStyle = TONE_STYLE) -> str:
    """Return ``text`` in the one form that everything downstream counts.

    In order: compose to NFC; turn Ð/ð (U+00D0/U+00F0, scraped in place of Đ/đ)
    into Đ/đ; end lines with ``\\n`` and turn no-break and other unusual spaces into
    single plain spaces; place tone marks in ``tone_style``; rejoin spaced document
    codes ("24 – QĐ / TW" becomes "24-QĐ/TW"); remove spaces before closing
    punctuation and after opening brackets. Idempotent.

    Examples
    --------
    >>> normalize_text("Ðảng\\u00a0bộ thực hiện Quy định 24 – QĐ / TW ( khoá XIII ) .")
    'Đảng bộ thực hiện Quy định 24-QĐ/TW (khóa XIII).'
    >>> normalize_text(unicodedata.normalize("NFD", "Hòa")) == "Hòa"
    True
    >>> normalize_text("")
    ''
    """
    check_text(text)
    for _, step in _steps(tone_style):
        text = step(text)
    return text


def normalization_changes(
    texts: Iterable[str],
    *,
    doc_ids: Iterable[str] | None = None,
    tone_style: ToneStyle = TONE_STYLE,
) -> pd.DataFrame:
    """Count what each step of :func:`normalize_text` changed in each text.

    ``doc_ids`` names the texts (one id each); by default they are ``"0"``, ``"1"``, ….
    Returns a DataFrame with columns ``doc_id``, ``step``, ``changes`` (the number of
    places the step changed) and ``example`` (the first change, as ``before → after``
    with a little context), one row per text and step that changed something.

    Examples
    --------
    >>> table = normalization_changes(["Ðảng ủy khoá XIII"])
    >>> table[["step", "changes", "example"]].to_dict("records")
    [{'step': 'Ð/ð to Đ/đ', 'changes': 1, 'example': 'Ðảng ủy khoá → Đảng ủy khoá'}, \
{'step': 'tone-mark placement', 'changes': 1, 'example': 'Đảng ủy khoá XIII → Đảng ủy khóa XIII'}]
    """
    import pandas as pd

    rows = []
    texts = _text_list(texts, "texts")
    ids = check_doc_ids(doc_ids, len(texts), unique=False)
    for doc_id, text in zip(ids, texts, strict=True):
        for name, step in _steps(tone_style):
            changed = step(text)
            if changed != text:
                regions = _changed_regions(text, changed)
                (i1, i2, j1, j2) = regions[0]
                example = f"{_context(text, i1, i2)} → {_context(changed, j1, j2)}"
                rows.append(
                    {"doc_id": doc_id, "step": name, "changes": len(regions), "example": example}
                )
            text = changed
    return pd.DataFrame(rows, columns=["doc_id", "step", "changes", "example"])


def _text_list(texts: Iterable[str], name: str) -> list[str]:
    """``texts`` as a list, each one a str, or a TypeError saying what to pass."""
    if isinstance(texts, str):
        raise TypeError(f"{name} is one string; pass a list of texts (wrap one text as [text])")
    texts = list(texts)
    for number, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"{name}[{number}] is {type(text).__name__}, not a str")
    return texts


def _changed_regions(before: str, after: str, *, gap: int = 3) -> list[tuple[int, int, int, int]]:
    """Spans that differ, merging changes fewer than ``gap`` characters apart ("QĐ / TW").

    Texts with the same number of lines are compared line by line: a whole article at
    once costs difflib time that grows with the square of its length.
    """
    before_lines, after_lines = before.split("\n"), after.split("\n")
    if len(before_lines) != len(after_lines):
        return _diff_regions(before, after, 0, 0, gap)
    regions: list[tuple[int, int, int, int]] = []
    start_before = start_after = 0
    for line_before, line_after in zip(before_lines, after_lines, strict=True):
        if line_before != line_after:
            regions += _diff_regions(line_before, line_after, start_before, start_after, gap)
        start_before += len(line_before) + 1
        start_after += len(line_after) + 1
    return regions


def _diff_regions(
    before: str, after: str, offset_before: int, offset_after: int, gap: int
) -> list[tuple[int, int, int, int]]:
    """The changed spans of one line, merged when fewer than ``gap`` characters apart.

    When both lines hold as many runs of white space and of other characters (NFC,
    Đ, tone marks, most space folding), the runs are paired by position, only the
    pairs that differ are compared, and spans merge only within a run: each changed
    word is one place. Comparing whole lines took 77 s in notebook 01 on 10,000
    articles, most of it on NFD texts, and its count depended on how difflib aligned
    neighbouring words. Other lines are compared whole.
    """
    runs_before, runs_after = _RUNS.findall(before), _RUNS.findall(after)
    if len(runs_before) == len(runs_after):
        pieces = []
        x = u = 0
        for run_before, run_after in zip(runs_before, runs_after, strict=True):
            if run_before != run_after:
                pieces.append((run_before, run_after, x, u))
            x, u = x + len(run_before), u + len(run_after)
    else:
        pieces = [(before, after, 0, 0)]
    regions: list[list[int]] = []
    for piece_before, piece_after, x, u in pieces:
        matcher = difflib.SequenceMatcher(None, piece_before, piece_after, autojunk=False)
        first = len(regions)  # where this piece's spans start
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            i1, i2, j1, j2 = i1 + x, i2 + x, j1 + u, j2 + u
            if len(regions) > first and i1 - regions[-1][1] < gap:
                regions[-1][1], regions[-1][3] = i2, j2
            else:
                regions.append([i1, i2, j1, j2])
    return [
        (i1 + offset_before, i2 + offset_before, j1 + offset_after, j2 + offset_after)
        for i1, i2, j1, j2 in regions
    ]


def normalized_texts(docs: Iterable[DocumentLike]) -> list[tuple[str, str]]:
    """``(doc_id, normalize_text(body))`` for each document, ids checked to be unique.

    Takes Documents (their body, ``doc.text``, without the title), ``(doc_id, text)``
    pairs or bare strings (ids ``"0"``, ``"1"``, …). Offsets that the extractors report
    are into these texts. The last corpus normalised is remembered (its normalised
    texts, and a digest of its ids and texts), so the extractors that a notebook runs
    one after another on the same documents normalise them once: on 10,000 generated
    articles a call takes 25 s.

    Examples
    --------
    >>> normalized_texts([("a", "Ðảng\\u00a0bộ"), "Tỉnh uỷ"])
    [('a', 'Đảng bộ'), ('1', 'Tỉnh ủy')]
    """
    global _last_normalized
    if isinstance(docs, str | Document):
        raise TypeError("docs is one document; pass a list of documents, pairs or texts")
    given: list[tuple[str, str]] = []
    for number, doc in enumerate(docs):
        if isinstance(doc, Document):
            given.append((doc.doc_id, doc.text))
        elif isinstance(doc, tuple | list):
            given.append((str(doc[0]), str(doc[1])))
        else:
            given.append((str(number), check_text(doc)))
    digest = corpus_digest(given)
    last = _last_normalized  # read once: another thread may replace it
    if last is not None and last[0] == digest:
        return list(last[1])
    pairs = [(doc_id, normalize_text(text)) for doc_id, text in given]
    check_unique_ids(doc_id for doc_id, _ in pairs)
    _last_normalized = (digest, pairs)
    return list(pairs)


_last_normalized: tuple[bytes, list[tuple[str, str]]] | None = None


def corpus_digest(pairs: list[tuple[str, str]]) -> bytes:
    """A BLAKE2b digest of ``(doc_id, text)`` pairs, each part prefixed by its length.

    Internal API: :func:`normalized_texts` and the text-reuse functions key what they
    remember of the last corpus with it.

    Examples
    --------
    >>> corpus_digest([("a", "Hà Nội")]) == corpus_digest([("a", "Hà Nộ"), ("i", "")])
    False
    """
    digest = hashlib.blake2b(digest_size=32)
    for doc_id, text in pairs:
        for part in (doc_id, text):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
    return digest.digest()


def _context(text: str, start: int, end: int, *, width: int = 8) -> str:
    """The changed span with a few characters either side; odd spaces made visible."""
    left, right = max(0, start - width), min(len(text), end + width)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    snippet = text[left:right]
    return snippet.replace("\u00a0", "⍽").replace("\n", "⏎").strip() or "∅"
