"""Decoding: UTF-8, UTF-16, named encodings, bad bytes and chunk boundaries."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from corpus_tools import read_corpus
from corpus_tools.errors import (
    DecodingError,
)
from corpus_tools.io import decode_bytes


@pytest.mark.parametrize(
    "data",
    [
        "Đảng bộ tỉnh".encode(),
        codecs.BOM_UTF8 + "Đảng bộ tỉnh".encode(),
        "Đảng bộ tỉnh".encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + "Đảng bộ tỉnh".encode("utf-16-be"),
    ],
)
def test_decodes_utf8_and_utf16_with_bom(data):
    assert decode_bytes(data, "x.txt") == "Đảng bộ tỉnh"


def _cp1258_form(text: str) -> str:
    """cp1258 has â, ơ, đ… as letters but tone marks only as combining characters."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out)


def test_cp1258_needs_encoding_and_then_composes_to_nfc(tmp_path):
    path = tmp_path / "cu.txt"
    data = _cp1258_form("Tỉnh ủy họp bàn về công tác cán bộ.").encode("cp1258")
    path.write_bytes(data)
    with pytest.raises(DecodingError, match=r"cu\.txt.*offset \d+.*encoding="):
        read_corpus(path)
    (doc,) = read_corpus(path, encoding="cp1258")
    assert doc.text == "Tỉnh ủy họp bàn về công tác cán bộ."


def test_bad_byte_offset_is_reported(tmp_path):
    path = tmp_path / "hong.txt"
    path.write_bytes("Đảng ".encode() + b"\xff" + "bộ".encode())  # Đ 2 bytes, ả 3, "ng " 3
    with pytest.raises(DecodingError, match=r"hong\.txt: byte 0xff at offset 8 "):
        read_corpus(path)


@pytest.mark.parametrize("chunk_bytes", [1, 2, 3, 7, 64])
@pytest.mark.parametrize("encode", ["utf-8", "utf-8-sig", "utf-16"])
def test_chunk_boundaries_inside_characters_and_rows(tmp_path, monkeypatch, chunk_bytes, encode):
    from corpus_tools.io import decode

    monkeypatch.setattr(decode, "CHUNK_BYTES", chunk_bytes)
    path = tmp_path / "bao.csv"
    text = 'id,text\r\n1,"Đảng bộ tỉnh\r\nkhóa XII"\r\n2,Hà Nội ở phía Bắc.\r\n'
    path.write_bytes(text.encode(encode))
    docs = read_corpus(path)
    assert [d.raw for d in docs] == ["Đảng bộ tỉnh\r\nkhóa XII", "Hà Nội ở phía Bắc."]


def test_truncated_utf8_at_the_end_of_a_table(tmp_path):
    path = tmp_path / "bao.jsonl"
    data = '{"text": "Đảng"}\n{"text": "Đ'.encode()
    path.write_bytes(data[:-1])
    with pytest.raises(DecodingError, match=rf"bao\.jsonl: byte 0xc4 at offset {len(data) - 2} "):
        read_corpus(path)
