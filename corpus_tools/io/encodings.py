"""Text encodings: the legacy Vietnamese ones Python lacks, and telling which one a file uses.

Older Vietnamese documents were typed with font-based encodings that Python does not
ship, so reading them as ``cp1258`` gives mojibake without an error ("Haø Noäi" for VNI,
"Hµ Néi" for TCVN3). This module decodes two of them:

``"tcvn3"`` (aliases ``"abc"``, ``"tcvn"``, ``"vn3"``)
    TCVN3, the encoding of the ABC fonts (.VnTime…), defined as table VN3 of the
    Vietnamese standard TCVN 5712:1993 ("Công nghệ thông tin — Bộ mã chuẩn 8-bit kí tự
    Việt dùng trong trao đổi thông tin"). Each byte is one character:
    :data:`TCVN3_HIGH_BYTES` lists bytes 0xA0–0xFF. VN3 has no capitals with tone marks
    (the ABC capital fonts drew the small letters' codes as capitals); the few byte
    values VN3 leaves free carry the characters of VN1, the standard's full table, so
    bytes 0xA0–0xFF read as glibc's ``TCVN5712-1`` charmap reads them. Bytes
    0x80–0x9F are Windows punctuation (cp1252), as the ABC fonts kept them.
``"vni"`` (aliases ``"vni-win"``, ``"vni-windows"``)
    The VNI Windows encoding of VNI Software's fonts (VNI-Times…). A letter is an ASCII
    base letter followed by one byte for its diacritics: ``ù ø û õ ï`` for the sắc,
    huyền, hỏi, ngã and nặng tones, ``â`` (circumflex) and ``á à å ã ä`` (circumflex with
    a tone), ``ê`` (breve) and ``é è ú ü ë`` (breve with a tone), capitals with the
    capital forms of these bytes. ơ, ư, đ and the toned i and ỵ are bytes of their own:
    :data:`VNI_LETTERS`. Other bytes read as cp1252. "Hà Nội" is ``Haø Noäi``.

:func:`lookup_codec` finds these and every Python codec; :func:`syllable_counts` and
:func:`guess_encoding` tell Vietnamese text from mojibake by how many of its words are
well-formed Vietnamese syllables (:func:`corpus_tools.vietnamese.is_syllable`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..errors import CorpusError
from ..vietnamese import is_syllable

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = [
    "LEGACY_ENCODINGS",
    "TCVN3_HIGH_BYTES",
    "VNI_LETTERS",
    "VNI_MARKS",
    "describe_encoding",
    "guess_encoding",
    "lookup_codec",
    "syllable_counts",
]

TCVN3_HIGH_BYTES = (
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0–0xAF
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0–0xBF (0xB0–0xB4: tone marks)
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0–0xCF
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0–0xDF
    "Ổỏõóọồổỗốộờởỡớợù"  # 0xE0–0xEF
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # 0xF0–0xFF
)
"""What TCVN3 bytes 0xA0–0xFF stand for, in byte order (TCVN 5712:1993, VN3 with VN1)."""

VNI_MARKS: Mapping[str, str] = {
    # The byte, as cp1252 shows it: the combining marks it adds to the letter before it.
    "ù": "\u0301",  # sắc
    "ø": "\u0300",  # huyền
    "û": "\u0309",  # hỏi
    "õ": "\u0303",  # ngã
    "ï": "\u0323",  # nặng
    "â": "\u0302",  # circumflex: â ê ô
    "á": "\u0302\u0301",
    "à": "\u0302\u0300",
    "å": "\u0302\u0309",
    "ã": "\u0302\u0303",
    "ä": "\u0302\u0323",
    "ê": "\u0306",  # breve: ă
    "é": "\u0306\u0301",
    "è": "\u0306\u0300",
    "ú": "\u0306\u0309",
    "ü": "\u0306\u0303",
    "ë": "\u0306\u0323",
}
"""VNI's diacritic bytes (small forms; the capital forms, ``Ù`` …, do the same)."""

VNI_LETTERS: Mapping[str, str] = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}
"""VNI's one-byte letters (small forms; ``Ô`` is Ơ, ``Ö`` Ư, ``Ñ`` Đ, and so on)."""


def _cp1252(byte: int) -> str | None:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return None  # undefined in cp1252: an error here too


def _tcvn3_table() -> dict[int, str]:
    table = {byte: chr(byte) for byte in range(0x80)}
    table.update({b: c for b in range(0x80, 0xA0) if (c := _cp1252(b)) is not None})
    table.update({0xA0 + offset: char for offset, char in enumerate(TCVN3_HIGH_BYTES)})
    return table


def _vni_table() -> dict[int, str]:
    table = {b: c for b in range(0x100) if (c := _cp1252(b)) is not None}
    meaning = {**VNI_MARKS, **VNI_LETTERS}
    for shown, value in meaning.items():
        for form, result in ((shown, value), (shown.upper(), value.upper())):
            table[form.encode("cp1252")[0]] = result
    return table


def _charmap_codec(name: str, table: Mapping[int, str]) -> codecs.CodecInfo:
    """A decode-only codec: each byte stands for the characters ``table`` gives it."""

    def decode(data: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
        return codecs.charmap_decode(data, errors, table)

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        raise UnicodeError(f"corpus_tools reads {name} but does not write it")

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input: ReadableBuffer, final: bool = False) -> str:
            return codecs.charmap_decode(input, self.errors, table)[0]

    return codecs.CodecInfo(encode, decode, name=name, incrementaldecoder=IncrementalDecoder)


LEGACY_ENCODINGS: Mapping[str, str] = {
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
}
"""The legacy Vietnamese encodings read here, by name, with the name people know them by."""

_ALIASES = {
    "tcvn3": "tcvn3",
    "tcvn-3": "tcvn3",
    "tcvn": "tcvn3",
    "abc": "tcvn3",
    "vn3": "tcvn3",
    "vni": "vni",
    "vni-win": "vni",
    "vni-windows": "vni",
}
_CODECS: dict[str, codecs.CodecInfo] = {}


def lookup_codec(encoding: str) -> codecs.CodecInfo:
    """The codec for ``encoding``: ``"tcvn3"``, ``"vni"`` or any Python text encoding.

    Internal API, used by :mod:`corpus_tools.io.decode`. An unknown name raises
    :class:`~corpus_tools.errors.CorpusError` saying what to pass instead.

    Examples
    --------
    >>> text, _ = lookup_codec("VNI").decode("Haø Noäi".encode("cp1252"))
    >>> unicodedata.normalize("NFC", text)
    'Hà Nội'
    >>> lookup_codec("cp1258").name
    'cp1258'
    """
    if not isinstance(encoding, str):
        raise TypeError(f"encoding is {type(encoding).__name__}, not a str such as 'cp1258'")
    key = _ALIASES.get(encoding.strip().lower().replace("_", "-"))
    if key is not None:
        if key not in _CODECS:
            table = _tcvn3_table() if key == "tcvn3" else _vni_table()
            _CODECS[key] = _charmap_codec(key, table)
        return _CODECS[key]
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise CorpusError(
            f"encoding={encoding!r} is not a text encoding that Python or corpus_tools "
            "knows; pass e.g. 'cp1258', 'tcvn3' (ABC), 'vni' or 'utf-16'"
        )
    return info


def describe_encoding(encoding: str) -> str:
    """A name for ``encoding`` in messages: ``"VNI"``, ``"TCVN3 (ABC)"``, ``"cp1258"``.

    Examples
    --------
    >>> describe_encoding("abc")
    'TCVN3 (ABC)'
    """
    key = _ALIASES.get(encoding.strip().lower().replace("_", "-"))
    return LEGACY_ENCODINGS[key] if key else encoding


_WORD = re.compile(r"[^\W\d_]+")


def syllable_counts(text: str) -> tuple[int, int, list[str]]:
    """How many of ``text``'s non-ASCII words are Vietnamese syllables.

    Only words with a letter beyond ASCII are counted: plain ASCII words may be English,
    codes or names in any encoding. Returns ``(syllables, words, examples)`` where
    ``examples`` holds up to three words that are not syllables.

    Examples
    --------
    >>> syllable_counts("Hà Nội là thủ đô")
    (5, 5, [])
    >>> syllable_counts("Haø Noäi laø thuû ñoâ")
    (0, 5, ['Haø', 'Noäi', 'laø'])
    """
    syllables = words = 0
    examples: list[str] = []
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        if word.isascii():
            continue
        words += 1
        if is_syllable(word):
            syllables += 1
        elif len(examples) < 3:
            examples.append(word)
    return syllables, words, examples


MIN_WORDS = 5
"""Fewer non-ASCII words than this are too few to judge an encoding by."""

VIETNAMESE_SHARE = 0.8
"""An encoding reads a sample as Vietnamese when this share of its words are syllables."""

MOJIBAKE_SHARE = 0.5
"""Below this share of syllables, a sample read in its given encoding is mojibake."""

CANDIDATES = ("utf-8", "cp1258", "tcvn3", "vni", "utf-16-le", "utf-16-be")
"""The encodings :func:`guess_encoding` tries."""


def guess_encoding(sample: bytes, *, exclude: Iterable[str] = ()) -> str | None:
    """The encoding in which ``sample`` reads best as Vietnamese, or None if none does.

    Tries :data:`CANDIDATES` (less ``exclude``), skipping those that cannot decode the
    sample; the winner must read at least :data:`VIETNAMESE_SHARE` of at least
    :data:`MIN_WORDS` non-ASCII words as Vietnamese syllables. A sample cut inside a
    character is fine.

    Examples
    --------
    >>> guess_encoding("Hà Nội là thủ đô của Việt Nam".encode("utf-8"))
    'utf-8'
    >>> guess_encoding("Haø Noäi laø thuû ñoâ cuûa Vieät Nam".encode("cp1252"))
    'vni'
    >>> guess_encoding("Hµ Néi lµ thñ ®« cña ViÖt Nam".encode("cp1252"))
    'tcvn3'
    """
    excluded = {name.lower() for name in exclude}
    best, best_share = None, 0.0
    for name in CANDIDATES:
        if name in excluded:
            continue
        try:
            text = lookup_codec(name).incrementaldecoder("strict").decode(sample, False)
        except UnicodeDecodeError:
            continue
        syllables, words, _ = syllable_counts(text)
        share = syllables / words if words >= MIN_WORDS else 0.0
        if share >= VIETNAMESE_SHARE and share > best_share:
            best, best_share = name, share
    return best
