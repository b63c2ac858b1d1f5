"""Bytes to text: UTF-8 (with or without BOM), UTF-16, or a named encoding.

Without ``encoding``, a file is UTF-8, or UTF-16 when it starts with a byte-order mark
or its bytes show the NULs that UTF-16 puts beside every ASCII letter. With
``encoding``, any Python codec or one of the legacy Vietnamese encodings in
:mod:`corpus_tools.io.encodings` (``"tcvn3"``, ``"vni"``); a byte-order mark is dropped
and the text is composed to NFC.

Nothing is replaced by U+FFFD: a byte that is not valid stops reading with a
:class:`~corpus_tools.errors.DecodingError` naming the file, the byte's offset and, when
the bytes read as Vietnamese in another encoding, that encoding. A file whose words,
read in the ``encoding`` given, are mostly not Vietnamese syllables ("Haø Noäi" is VNI
read as cp1258) stops in the same way, before any of it is used.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..errors import BinaryFileError, DecodingError
from .encodings import (
    MIN_WORDS,
    MOJIBAKE_SHARE,
    describe_encoding,
    guess_encoding,
    lookup_codec,
    syllable_counts,
)

__all__ = ["CHUNK_BYTES", "SAMPLE_BYTES", "decode_bytes", "decoded_lines"]

CHUNK_BYTES = 1 << 20
"""How many bytes :func:`decoded_lines` reads at a time."""

SAMPLE_BYTES = 1 << 16
"""How many bytes from the start of a file (or around a bad byte) tell its encoding."""

_BOM = "\ufeff"


def decode_bytes(data: bytes, name: str, *, encoding: str | None = None) -> str:
    """Decode a file's bytes: UTF-8 with or without BOM, or UTF-16, or ``encoding``.

    Other bytes raise :class:`DecodingError` naming ``name``, the offset of the first
    bad byte and the encoding the file seems to be in, unless ``encoding`` says what the
    file is: ``"cp1258"`` (Windows), ``"tcvn3"`` (ABC fonts) and ``"vni"`` (VNI fonts)
    are common in older Vietnamese files. Text in a named encoding is composed to NFC
    and loses a leading byte-order mark. Nothing is replaced by U+FFFD.

    Examples
    --------
    >>> decode_bytes("Đảng".encode("utf-16"), "a.txt")
    'Đảng'
    >>> decode_bytes(b"\\xef\\xbb\\xbfH\\xc3\\xa0 N\\xe1\\xbb\\x99i", "a.txt")
    'Hà Nội'
    >>> decode_bytes(b"H\\xe0 N\\xf4\\xf2i", "a.txt", encoding="cp1258")
    'Hà Nội'
    >>> decode_bytes("Haø Noäi".encode("cp1252"), "a.txt", encoding="vni")
    'Hà Nội'
    """
    codec, start = _start(data[:SAMPLE_BYTES], name, encoding)
    if encoding is None and codec.name == "utf-8":
        _check_no_nul(data, name, 0)
    try:
        text = codec.decode(data[start:])[0]
    except UnicodeDecodeError as error:
        raise _decoding_error(name, codec.name, encoding, data, start + error.start) from None
    except UnicodeError as error:  # a codec that fails without an offset (idna, say)
        raise _codec_error(name, codec.name, error) from None
    if encoding is None:
        return text
    return unicodedata.normalize("NFC", text.removeprefix(_BOM))


def _start(head: bytes, name: str, encoding: str | None) -> tuple[codecs.CodecInfo, int]:
    """The codec for a file starting with ``head``, and the offset where its text starts.

    With ``encoding``, also checks that the head reads as Vietnamese in it, or at least
    that no other encoding reads it better.
    """
    if encoding is not None:
        codec = lookup_codec(encoding)
        if not codec.name.startswith("utf"):
            _check_reads_as_vietnamese(head, codec, name, encoding)
        return codec, 0
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return codecs.lookup("utf-16"), 0  # the codec reads the byte-order mark itself
    if head.startswith(codecs.BOM_UTF8):
        return codecs.lookup("utf-8"), len(codecs.BOM_UTF8)
    return codecs.lookup(_utf16_without_bom(head) or "utf-8"), 0


def _utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` if ``head`` is UTF-16 text without a BOM.

    ASCII and most Vietnamese letters (up to U+01FF) have a zero high byte, so UTF-16
    text shows NULs at every other offset and almost none at the others; binary data
    does not, nor does it decode to printable text.
    """
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd >= 0.3 and zeros_even <= 0.02:
        codec = "utf-16-le"
    elif zeros_even >= 0.3 and zeros_odd <= 0.02:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = codecs.getincrementaldecoder(codec)("strict").decode(sample, False)
    except UnicodeDecodeError:
        return None
    printable = sum(char.isprintable() or char in "\t\n\r\f\v" for char in text)
    return codec if printable >= 0.95 * len(text) else None


def _check_reads_as_vietnamese(
    sample: bytes, codec: codecs.CodecInfo, name: str, encoding: str
) -> None:
    """Raise :class:`DecodingError` if ``sample`` is mojibake in ``codec`` but reads in another."""
    try:
        text = codec.incrementaldecoder("ignore").decode(sample, False)
    except (UnicodeError, LookupError):
        return  # a codec without the "ignore" handler: its own errors come when it reads
    syllables, words, examples = syllable_counts(text)
    if words < MIN_WORDS or syllables / words >= MOJIBAKE_SHARE:
        return
    likely = guess_encoding(sample, exclude=[codec.name])
    if likely is None:
        return  # not Vietnamese in any encoding we know: perhaps another language
    fix = "leave encoding= out" if likely == "utf-8" else f"pass encoding={likely!r}"
    raise DecodingError(
        f"{name}: read as {describe_encoding(encoding)}, {words - syllables} of its first "
        f"{words} words with Vietnamese letters are not Vietnamese syllables "
        f"({', '.join(examples)}…); it looks like {describe_encoding(likely)}: {fix}"
    )


def _codec_error(name: str, codec: str, error: UnicodeError) -> DecodingError:
    return DecodingError(
        f"{name}: cannot be read as {describe_encoding(codec)} ({error}); check the file's encoding"
    )


def _check_no_nul(data: bytes, name: str, offset: int) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryFileError(
            f"{name}: holds NUL bytes (first at offset {offset + nul}), so it is binary, "
            "not text; remove it from the corpus (if it is UTF-16 text without a byte-order "
            "mark, pass encoding='utf-16-le' or encoding='utf-16-be')"
        )


def _decoding_error(
    name: str, codec: str, encoding: str | None, data: bytes, index: int, *, base: int = 0
) -> DecodingError:
    """The error for the bad byte ``data[index]``, which stands at ``base + index`` in the file."""
    bad = f"byte 0x{data[index]:02x} at offset {base + index}"
    if encoding is not None:
        return DecodingError(
            f"{name}: {bad} is not valid {describe_encoding(encoding)}; check the file's encoding"
        )
    if codec == "utf-16":
        return DecodingError(
            f"{name}: {bad} is not valid UTF-16 although the file starts with a UTF-16 "
            "byte-order mark"
        )
    if codec != "utf-8":
        return DecodingError(f"{name}: {bad} is not valid {codec}; check the file's encoding")
    around = data[max(0, index - SAMPLE_BYTES // 2) : index + SAMPLE_BYTES // 2]
    likely = guess_encoding(around, exclude=["utf-8"])
    if likely is not None:
        return DecodingError(
            f"{name}: {bad} is not valid UTF-8; the file reads as Vietnamese in "
            f"{describe_encoding(likely)}: pass encoding={likely!r}"
        )
    return DecodingError(
        f"{name}: {bad} is not valid UTF-8; if the file is in another encoding, pass it: "
        "encoding='cp1258' (Windows), 'tcvn3' (ABC fonts), 'vni' (VNI fonts) or any "
        "encoding Python knows"
    )


def decoded_lines(path: Path, *, encoding: str | None) -> Iterator[str]:
    """Decode ``path`` a chunk at a time and yield its lines, each with its ``\\n``.

    Internal API, shared by the table readers. Holds one chunk and one line in memory,
    never the whole file. A bad byte raises :class:`DecodingError` with its offset after
    the lines before it have been yielded.
    """
    name = str(path)
    compose = encoding is not None  # a named legacy encoding may decompose: compose to NFC
    with path.open("rb") as file:
        codec, offset = _start(file.read(SAMPLE_BYTES), name, encoding)
        file.seek(offset)
        decoder = codec.incrementaldecoder("strict")
        tail, error, at_start = "", None, encoding is not None
        while error is None:
            chunk = file.read(CHUNK_BYTES)
            if encoding is None and codec.name == "utf-8":
                _check_no_nul(chunk, name, offset)
            pending = decoder.getstate()[0]
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as bad:
                data, base = pending + chunk, offset - len(pending)
                error = _decoding_error(name, codec.name, encoding, data, bad.start, base=base)
                text = decoder.decode(chunk[: max(bad.start - len(pending), 0)])
            except UnicodeError as bad:
                raise _codec_error(name, codec.name, bad) from None
            if at_start and text:
                text, at_start = text.removeprefix(_BOM), False
            offset += len(chunk)
            lines = (tail + text).split("\n")
            tail = lines.pop()
            for line in lines:
                yield unicodedata.normalize("NFC", line + "\n") if compose else line + "\n"
            if not chunk:
                break
    if error is not None:
        raise error
    if tail:
        yield unicodedata.normalize("NFC", tail) if compose else tail
