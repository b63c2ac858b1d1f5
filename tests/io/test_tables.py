"""CSV and JSONL tables: columns, row numbers, streaming, and bad rows."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from corpus_tools import read_corpus
from corpus_tools.errors import (
    DecodingError,
    DuplicateIdError,
    EmptyDocumentError,
    MissingColumnError,
)
from corpus_tools.io import iter_corpus


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


def test_empty_row_in_a_table_names_the_row(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_text("id,text\n1,Bài một.\n2,\n", encoding="utf-8")
    with pytest.raises(EmptyDocumentError, match=r"bao\.csv, line 3 \(id 2\)"):
        read_corpus(path)


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
