"""Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, or a named encoding.

Nothing is replaced by U+FFFD: a byte that is not valid stops reading with a
:class:`~corpus_tools.errors.DecodingError` naming the file and the byte's offset.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..errors import BinaryFileError, DecodingError

__all__ = ["CHUNK_BYTES", "decode_bytes", "decoded_lines"]


def decode_bytes(data: bytes, name: str, *, encoding: str | None = None) -> str:
    """Decode a file's bytes: UTF-8 with or without BOM, or UTF-16 with BOM.

    Other bytes raise :class:`DecodingError` naming ``name`` and the offset of the first
    bad byte, unless ``encoding`` says what the file is (for example ``"cp1258"``, common
    in older Vietnamese files); that text is composed to NFC. Nothing is replaced by
    U+FFFD.

    Examples
    --------
    >>> decode_bytes("Đảng".encode("utf-16"), "a.txt")
    'Đảng'
    >>> decode_bytes(b"\\xef\\xbb\\xbfH\\xc3\\xa0 N\\xe1\\xbb\\x99i", "a.txt")
    'Hà Nội'
    >>> decode_bytes(b"H\\xe0 N\\xf4\\xf2i", "a.txt", encoding="cp1258")
    'Hà Nội'
    """
    codec, start = _choose_codec(data[:4], encoding)
    if encoding is None and codec == "utf-8":
        _check_no_nul(data, name, 0)
    try:
        text = data[start:].decode(codec)
    except UnicodeDecodeError as error:
        raise _decoding_error(name, codec, encoding, data, start + error.start) from None
    return text if encoding is None else unicodedata.normalize("NFC", text)


CHUNK_BYTES = 1 << 20
"""How many bytes :func:`decoded_lines` reads at a time."""


def _choose_codec(head: bytes, encoding: str | None) -> tuple[str, int]:
    """The codec for a file starting with ``head``, and the offset where its text starts."""
    if encoding is not None:
        return encoding, 0
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0  # the codec reads the byte-order mark itself
    return "utf-8", len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0


def _check_no_nul(data: bytes, name: str, offset: int) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryFileError(
            f"{name}: holds NUL bytes (first at offset {offset + nul}), so it is binary, "
            "not text; remove it from the corpus"
        )


def _decoding_error(
    name: str, codec: str, encoding: str | None, data: bytes, index: int, *, base: int = 0
) -> DecodingError:
    """The error for the bad byte ``data[index]``, which stands at ``base + index`` in the file."""
    bad = f"byte 0x{data[index]:02x} at offset {base + index}"
    if encoding is not None:
        return DecodingError(f"{name}: {bad} is not valid {encoding}; check the file's encoding")
    if codec == "utf-16":
        return DecodingError(
            f"{name}: {bad} is not valid UTF-16 although the file starts with a UTF-16 "
            "byte-order mark"
        )
    return DecodingError(
        f"{name}: {bad} is not valid UTF-8; if the file is in another encoding, "
        "pass it, e.g. encoding='cp1258'"
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
        codec, offset = _choose_codec(file.read(4), encoding)
        file.seek(offset)
        decoder = codecs.getincrementaldecoder(codec)("strict")
        tail, error = "", None
        while error is None:
            chunk = file.read(CHUNK_BYTES)
            if encoding is None and codec == "utf-8":
                _check_no_nul(chunk, name, offset)
            pending = decoder.getstate()[0]
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as bad:
                data, base = pending + chunk, offset - len(pending)
                error = _decoding_error(name, codec, encoding, data, bad.start, base=base)
                text = decoder.decode(chunk[: max(bad.start - len(pending), 0)])
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
