"""Decoding: UTF-8, UTF-16, named encodings, bad bytes and chunk boundaries."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from corpus_tools import CorpusError, read_corpus
from corpus_tools.errors import BinaryFileError, DecodingError
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


# ---------------------------------------------------------------- legacy encodings (issue 11.6)

ARTICLE = (
    "Hà Nội là thủ đô của nước Cộng hòa xã hội chủ nghĩa Việt Nam.\n"
    "Đảng bộ thành phố họp bàn về công tác cán bộ."
)
# The same two lines in VNI and in TCVN3 (ABC), as cp1252 shows their bytes.
ARTICLE_VNI = (
    "Haø Noäi laø thuû ñoâ cuûa nöôùc Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam.\n"
    "Ñaûng boä thaønh phoá hoïp baøn veà coâng taùc caùn boä."
).encode("cp1252")
ARTICLE_TCVN3 = (
    "Hµ Néi lµ thñ ®« cña n\u00adíc Céng hßa x\u00b7 héi chñ nghÜa ViÖt Nam.\n"
    "§¶ng bé thµnh phè häp bµn vÒ c«ng t¸c c¸n bé."
).encode("cp1252")


@pytest.mark.parametrize(("data", "encoding"), [(ARTICLE_VNI, "vni"), (ARTICLE_TCVN3, "tcvn3")])
def test_legacy_vietnamese_encodings_are_read(tmp_path, data, encoding):
    path = tmp_path / "cu.txt"
    path.write_bytes(data)
    (doc,) = read_corpus(path, encoding=encoding)
    assert doc.raw == ARTICLE


@pytest.mark.parametrize(
    ("data", "likely"), [(ARTICLE_VNI, r"VNI: pass encoding='vni'"), (ARTICLE_TCVN3, "'tcvn3'")]
)
def test_legacy_file_read_as_cp1258_stops_naming_its_encoding(tmp_path, data, likely):
    path = tmp_path / "cu.txt"
    path.write_bytes(data)
    with pytest.raises(DecodingError, match=rf"cu\.txt: read as cp1258, .*{likely}"):
        read_corpus(path, encoding="cp1258")


@pytest.mark.parametrize(("data", "likely"), [(ARTICLE_VNI, "'vni'"), (ARTICLE_TCVN3, "'tcvn3'")])
def test_legacy_file_without_encoding_names_its_encoding(tmp_path, data, likely):
    path = tmp_path / "cu.txt"
    path.write_bytes(data)
    with pytest.raises(DecodingError, match=rf"cu\.txt: byte 0x.. at offset \d+ .*{likely}"):
        read_corpus(path)


def test_utf8_read_as_a_legacy_encoding_says_to_leave_encoding_out(tmp_path):
    path = tmp_path / "moi.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(DecodingError, match=r"moi\.txt: read as VNI, .*leave encoding= out"):
        read_corpus(path, encoding="vni")


def test_legacy_table_read_in_the_wrong_encoding_stops(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_bytes(b"id,text\n1," + ARTICLE_VNI.replace(b"\n", b" ") + b"\n")
    with pytest.raises(DecodingError, match=r"bao\.csv: read as TCVN3 \(ABC\), .*'vni'"):
        read_corpus(path, encoding="abc")
    (doc,) = read_corpus(path, encoding="vni")
    assert doc.raw == ARTICLE.replace("\n", " ")


def test_other_languages_in_a_named_encoding_are_not_mojibake(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Les élèves français étudient à l'école, près du lycée.".encode("cp1252"))
    (doc,) = read_corpus(path, encoding="cp1252")
    assert doc.raw.startswith("Les élèves")


def test_unknown_encoding_is_a_corpus_error(tmp_path):
    (tmp_path / "a.txt").write_text("Bài một.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"encoding='vni-dos' is not a text encoding"):
        read_corpus(tmp_path, encoding="vni-dos")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(tmp_path, codec):
    path = tmp_path / "u16.txt"
    path.write_bytes(ARTICLE.encode(codec))
    (doc,) = read_corpus(path)
    assert doc.raw == ARTICLE
    table = tmp_path / "bao.csv"
    table.write_bytes(f"id,text\n1,{ARTICLE.splitlines()[0]}\n".encode(codec))
    assert read_corpus(table)[0].text == ARTICLE.splitlines()[0]


def test_binary_file_error_mentions_utf16_without_bom():
    with pytest.raises(BinaryFileError, match=r"binary.*encoding='utf-16-le'"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "x.png")


# ---------------------------------------------------------------- byte-order marks (issue 11.13)


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf-16-le"])
def test_byte_order_mark_is_dropped_when_the_encoding_is_named(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes(("\ufeffTiêu đề bài\n\nNội dung bài.").encode(encoding))
    (doc,) = read_corpus(path, encoding=encoding)
    assert doc.title == "Tiêu đề bài"
    assert not doc.raw.startswith("\ufeff")


@pytest.mark.parametrize("chunk_bytes", [1, 2, 1 << 20])
def test_byte_order_mark_in_a_table_with_a_named_encoding(tmp_path, monkeypatch, chunk_bytes):
    from corpus_tools.io import decode

    monkeypatch.setattr(decode, "CHUNK_BYTES", chunk_bytes)
    path = tmp_path / "bao.csv"
    path.write_bytes(codecs.BOM_UTF8 + "text,id\nHà Nội.,1\n".encode())
    (doc,) = read_corpus(path, encoding="utf-8")
    assert (doc.doc_id, doc.text) == ("1", "Hà Nội.")


def test_an_unusual_codec_fails_as_a_decoding_error(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text("Bài một.", encoding="utf-8")
    with pytest.raises(DecodingError, match=r"bai\.txt: .*idna"):
        read_corpus(path, encoding="idna")  # it has no "ignore" error handler
