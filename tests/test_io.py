"""Reading and cleaning: the seeds' boilerplate, every source kind, every bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import unicodedata

import pytest

from corpus_tools import CorpusError, read_corpus
from corpus_tools.errors import (
    BinaryFileError,
    DecodingError,
    DuplicateIdError,
    EmptyCorpusError,
    EmptyDocumentError,
    MissingColumnError,
)
from corpus_tools.io import CLEANING_RULES, LineRule, clean_lines, decode_bytes, iter_corpus

# What each seed's header and footer hold, read off the files by hand.
SEED_FIELDS = {
    "000": {
        "title": "Tăng cường siết chặt kỷ luật, kỷ cương trong công tác cán bộ, góp phần đấu "
        "tranh ngăn chặn, đẩy lùi tình trạng chạy chức, chạy quyền",
        "date": dt.date(2020, 10, 5),
        "source": None,
        "byline": "Văn Bắc",
    },
    "001": {
        "title": "Thực hiện nghiêm quy định của Bộ Chính trị về việc kiểm soát quyền lực trong "
        "công tác cán bộ và chống chạy chức chạy quyền",
        "date": None,
        "source": "thainguyen.gov.vn",
        "byline": "Thanh Mai - Thanh Hiếu",
    },
    "002": {
        "title": "Triển khai thực hiện các quy định mới về công tác tổ chức xây dựng Đảng",
        "date": None,
        "source": None,
        "byline": None,
    },
    "003": {"title": None, "date": None, "source": None, "byline": "Bảo Ngọc – Văn Thắng"},
    "004": {
        "title": "Năm 2020 tiến hành quy hoạch Bộ Chính trị, Ban Bí thư nhiệm kỳ mới",
        "date": dt.date(2019, 12, 25),
        "source": "VOV",
        "byline": None,
    },
}

# (seed, line as in the file, reason) for every boilerplate line.
SEED_REMOVED = [
    ("000", "Thứ Hai, 05/10/2020, 15:38 [GMT+7]", "dateline"),
    (
        "000",
        "Hội nghị giao ban trực tuyến ngành Tổ chức xây dựng Đảng 9 tháng năm 2020",
        "repeated line (photo caption)",
    ),
    ("000", "Văn Bắc", "byline"),
    ("000", ".", "stray punctuation"),
    ("001", "Truy cập nội dung luôn", "skip link"),
    ("001", "Nguồn: thainguyen.gov.vn", "source line"),
    ("001", "Thanh Mai - Thanh Hiếu", "byline"),
    ("002", "BẠN CÓ THỂ QUAN TÂM", "related-articles footer"),
    ("003", "T/h: Bảo Ngọc – Văn Thắng", "byline"),
    ("004", "Cập nhật ngày: 25/12/2019 - 14:03", "dateline"),
    ("004", "Nguồn VOV", "source line"),
]


def test_seeds_are_five_documents_in_file_order(seed_docs):
    assert [doc.doc_id[:3] for doc in seed_docs] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("number", sorted(SEED_FIELDS))
@pytest.mark.parametrize("field", ["title", "date", "source", "byline"])
def test_seed_fields(seed_docs_by_number, number, field):
    assert getattr(seed_docs_by_number[number], field) == SEED_FIELDS[number][field]


@pytest.mark.parametrize(("number", "line", "reason"), SEED_REMOVED)
def test_seed_boilerplate_is_removed_and_reported(seed_docs_by_number, number, line, reason):
    doc = seed_docs_by_number[number]
    assert (line, reason) in doc.removed
    if reason == "repeated line (photo caption)":
        return  # kept once: see the next test
    assert line not in doc.paragraphs
    if len(line) > 3:
        assert line not in doc.text


def test_repeated_caption_is_kept_once(seed_docs_by_number):
    caption = "Hội nghị giao ban trực tuyến ngành Tổ chức xây dựng Đảng 9 tháng năm 2020"
    assert seed_docs_by_number["000"].paragraphs.count(caption) == 1


def test_file_without_title_line_has_no_title_and_keeps_its_first_paragraph(seed_docs_by_number):
    doc = seed_docs_by_number["003"]
    assert doc.title is None
    assert doc.paragraphs[0].startswith("Theo báo cáo, năm 2020, ngành Tổ chức xây dựng Đảng")


def test_nothing_is_lost(seed_docs):
    """Every non-blank line of each file is a paragraph or a removed line."""
    for doc in seed_docs:
        lines = [line.strip() for line in doc.raw.splitlines() if line.strip()]
        accounted = list(doc.paragraphs) + [line for line, _ in doc.removed]
        assert sorted(lines) == sorted(accounted), doc.doc_id


def test_raw_is_the_decoded_file(seed_docs):
    for doc in seed_docs:
        with open(doc.metadata["path"], encoding="utf-8") as handle:
            assert doc.raw == handle.read()


def test_footer_drops_every_following_line():
    parts = clean_lines(["Tiêu đề bài", "Thân bài một.", "Tin liên quan", "Bài khác", "Bài nữa"])
    assert parts["paragraphs"] == ("Thân bài một.",)
    assert [reason for _, reason in parts["removed"]] == [
        "title",
        "related-articles footer",
        "after related-articles footer",
        "after related-articles footer",
    ]


def test_body_line_ending_an_article_is_not_a_byline():
    parts = clean_lines(["Tiêu đề", "Thân bài.", "Hội nghị bế mạc trong không khí phấn khởi."])
    assert parts["byline"] is None
    assert parts["paragraphs"][-1] == "Hội nghị bế mạc trong không khí phấn khởi."


def test_rules_table_is_extensible():
    rule = LineRule("photo credit", r"\(?Ảnh:.*\)?", where="anywhere")
    parts = clean_lines(
        ["Tiêu đề", "Thân bài.", "Ảnh: TTXVN", "Kết bài."], rules=(*CLEANING_RULES, rule)
    )
    assert ("Ảnh: TTXVN", "photo credit") in parts["removed"]


# ---------------------------------------------------------------- sources


def test_one_txt_file(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text("Tiêu đề bài\n\nNội dung thứ nhất.\nNội dung thứ hai.\n", encoding="utf-8")
    (doc,) = read_corpus(path)
    assert doc.doc_id == "bai"
    assert doc.title == "Tiêu đề bài"
    assert doc.paragraphs == ("Nội dung thứ nhất.", "Nội dung thứ hai.")
    assert doc.text == "Nội dung thứ nhất.\nNội dung thứ hai."


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("Bài x.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Bài a.", encoding="utf-8")
    (tmp_path / "c.md").write_text("không đọc", encoding="utf-8")
    assert [doc.doc_id for doc in read_corpus(tmp_path)] == ["a", "b/x"]


def test_csv_with_text_column_and_metadata(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_text(
        "id,title,date,text,chuyen_muc\n"
        'a1,Tin một,2021-09-30,"Ban Bí thư họp.\nCấp ủy các cấp.",Xây dựng Đảng\n'
        "a2,Tin hai,25/12/2019,Ở Ý có người Việt.,Thế giới\n",
        encoding="utf-8",
    )
    docs = read_corpus(path)
    assert [d.doc_id for d in docs] == ["a1", "a2"]
    assert docs[0].title == "Tin một"
    assert docs[0].paragraphs == ("Ban Bí thư họp.", "Cấp ủy các cấp.")
    assert docs[0].date == dt.date(2021, 9, 30)
    assert docs[1].date == dt.date(2019, 12, 25)
    assert docs[1].metadata["chuyen_muc"] == "Thế giới"


def test_jsonl_with_chosen_text_column(tmp_path):
    path = tmp_path / "bao.jsonl"
    rows = [{"noi_dung": "Bộ Chính trị họp.", "nguon": "VOV"}, {"noi_dung": "Hà Nội mưa."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    docs = read_corpus(path, text_column="noi_dung")
    assert [d.doc_id for d in docs] == ["bao-1", "bao-2"]
    assert docs[0].metadata == {"nguon": "VOV"}


def test_iter_corpus_is_lazy(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Bài số {i}.", encoding="utf-8")
    stream = iter_corpus(tmp_path)
    assert next(stream).doc_id == "0"


# ---------------------------------------------------------------- decoding


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


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", EmptyDocumentError, "is empty"),
        (b" \n\t\n\xc2\xa0\n", EmptyDocumentError, "only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryFileError, "binary"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(tmp_path, content, error, message):
    path = tmp_path / "xau.txt"
    path.write_bytes(content)
    with pytest.raises(error, match=rf"xau\.txt.*{message}"):
        read_corpus(tmp_path)


def test_every_error_is_a_corpus_error():
    for error in (
        BinaryFileError,
        DecodingError,
        DuplicateIdError,
        EmptyCorpusError,
        EmptyDocumentError,
        MissingColumnError,
    ):
        assert issubclass(error, CorpusError)


def test_table_without_text_column(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_text("id,body\n1,Bài một.\n", encoding="utf-8")
    with pytest.raises(MissingColumnError, match=r"bao\.csv.*'text'.*text_column="):
        read_corpus(path)


def test_jsonl_without_text_column(tmp_path):
    path = tmp_path / "bao.jsonl"
    path.write_text('{"body": "Bài một."}\n', encoding="utf-8")
    with pytest.raises(MissingColumnError, match=r"bao\.jsonl"):
        read_corpus(path)


def test_duplicate_ids(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_text("id,text\n7,Bài một.\n7,Bài hai.\n", encoding="utf-8")
    with pytest.raises(DuplicateIdError, match="'7'"):
        read_corpus(path)


def test_folder_without_txt_files(tmp_path):
    (tmp_path / "ghi_chu.md").write_text("không phải .txt", encoding="utf-8")
    with pytest.raises(EmptyCorpusError, match=r"no \.txt files"):
        read_corpus(tmp_path)


def test_empty_row_in_a_table_names_the_row(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_text("id,text\n1,Bài một.\n2,\n", encoding="utf-8")
    with pytest.raises(EmptyDocumentError, match=r"bao\.csv, line 3 \(id 2\)"):
        read_corpus(path)


def test_reading_never_writes_to_the_source(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text("Tiêu đề\n\nThân bài.", encoding="utf-8")
    before = path.stat().st_mtime_ns, path.read_bytes()
    read_corpus(tmp_path)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


# ---------------------------------------------------------------- streaming tables


def test_table_rows_come_before_a_later_bad_byte(tmp_path):
    path = tmp_path / "bao.jsonl"
    good = json.dumps({"id": "1", "text": "Bộ Chính trị họp."}, ensure_ascii=False) + "\n"
    path.write_bytes(good.encode() + b'{"id": "2", "text": "h\xffng"}\n')
    stream = iter_corpus(path)
    assert next(stream).doc_id == "1"
    offset = len(good.encode()) + len(b'{"id": "2", "text": "h')
    with pytest.raises(DecodingError, match=rf"bao\.jsonl: byte 0xff at offset {offset} "):
        next(stream)


def test_large_table_is_read_a_chunk_at_a_time(tmp_path):
    import tracemalloc

    path = tmp_path / "lon.jsonl"
    row = {"text": "Công tác tổ chức xây dựng Đảng được đẩy mạnh. " * 40}
    line = json.dumps(row, ensure_ascii=False) + "\n"
    path.write_text(line * 8_000, encoding="utf-8")  # about 20 MB
    assert path.stat().st_size > 15_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_corpus(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 8_000
    assert peak < 12_000_000  # a few copies of one 1 MiB chunk, never the whole file


@pytest.mark.parametrize("chunk_bytes", [1, 2, 3, 7, 64])
@pytest.mark.parametrize("encode", ["utf-8", "utf-8-sig", "utf-16"])
def test_chunk_boundaries_inside_characters_and_rows(tmp_path, monkeypatch, chunk_bytes, encode):
    from corpus_tools import io

    monkeypatch.setattr(io, "_CHUNK_BYTES", chunk_bytes)
    path = tmp_path / "bao.csv"
    text = 'id,text\r\n1,"Đảng bộ tỉnh\r\nkhóa XII"\r\n2,Hà Nội ở phía Bắc.\r\n'
    path.write_bytes(text.encode(encode))
    docs = read_corpus(path)
    assert [d.raw for d in docs] == ["Đảng bộ tỉnh\r\nkhóa XII", "Hà Nội ở phía Bắc."]


def test_csv_row_numbers_count_lines_inside_quoted_fields(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_text('id,text\n1,"Dòng một\nDòng hai"\n2,"  "\n', encoding="utf-8")
    with pytest.raises(EmptyDocumentError, match=r"bao\.csv, line 4 \(id 2\)"):
        read_corpus(path)


def test_csv_field_over_the_limit_names_the_row_and_the_fix(tmp_path):
    import csv

    path = tmp_path / "bao.csv"
    long_text = "chạy chức " * (csv.field_size_limit() // 10 + 1)
    path.write_text(f"id,text\n1,ngắn\n2,{long_text}\n", encoding="utf-8")
    with pytest.raises(
        DecodingError, match=r"bao\.csv: the row starting on line 3.*field_size_limit"
    ):
        read_corpus(path)


def test_truncated_utf8_at_the_end_of_a_table(tmp_path):
    path = tmp_path / "bao.jsonl"
    data = '{"text": "Đảng"}\n{"text": "Đ'.encode()
    path.write_bytes(data[:-1])
    with pytest.raises(DecodingError, match=rf"bao\.jsonl: byte 0xc4 at offset {len(data) - 2} "):
        read_corpus(path)


def test_csv_with_old_mac_line_endings(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_bytes('id,text\r1,Bài một.\r2,"Đảng bộ\r\nkhóa XII"\r'.encode())
    docs = read_corpus(path)
    assert [(d.doc_id, d.raw) for d in docs] == [("1", "Bài một."), ("2", "Đảng bộ\r\nkhóa XII")]


def test_csv_header_over_the_field_limit_names_line_1(tmp_path):
    import csv

    path = tmp_path / "bao.csv"
    path.write_text("x" * (csv.field_size_limit() + 1) + "\n1\n", encoding="utf-8")
    with pytest.raises(DecodingError, match=r"bao\.csv: the row starting on line 1 "):
        read_corpus(path)
