"""CSV and JSONL tables: columns, row numbers, streaming, and bad rows."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from corpus_tools import CorpusError, read_corpus
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


@pytest.mark.slow
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


def test_csv_field_over_the_limit_names_the_row_and_the_fix(tmp_path, monkeypatch):
    from corpus_tools.io import tables

    monkeypatch.setattr(tables, "CSV_FIELD_LIMIT", 1000)  # the real limit is 2**31 - 1
    path = tmp_path / "bao.csv"
    long_text = "chạy chức " * (tables.CSV_FIELD_LIMIT // 10 + 1)
    path.write_text(f"id,text\n1,ngắn\n2,{long_text}\n", encoding="utf-8")
    with pytest.raises(
        DecodingError, match=r"bao\.csv: the row starting on line 3.*CSV_FIELD_LIMIT"
    ):
        read_corpus(path)


def test_csv_with_old_mac_line_endings(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_bytes('id,text\r1,Bài một.\r2,"Đảng bộ\r\nkhóa XII"\r'.encode())
    docs = read_corpus(path)
    assert [(d.doc_id, d.raw) for d in docs] == [("1", "Bài một."), ("2", "Đảng bộ\r\nkhóa XII")]


def test_csv_header_over_the_field_limit_names_line_1(tmp_path, monkeypatch):
    from corpus_tools.io import tables

    monkeypatch.setattr(tables, "CSV_FIELD_LIMIT", 1000)
    path = tmp_path / "bao.csv"
    path.write_text("x" * (tables.CSV_FIELD_LIMIT + 1) + "\n1\n", encoding="utf-8")
    with pytest.raises(DecodingError, match=r"bao\.csv: the row starting on line 1 "):
        read_corpus(path)


# ---------------------------------------------------------------- CSV rows (issue 11.2, 11.13)


def _csv(tmp_path, text: str, name: str = "bao.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unquoted_comma_in_the_text_names_the_line_and_the_fix(tmp_path):
    from corpus_tools.errors import MalformedTableError

    path = _csv(tmp_path, "id,text\n0,Mở đầu.\n1,Hà Nội, ngày 5/10, hội nghị khai mạc.\n")
    with pytest.raises(
        MalformedTableError,
        match=r"bao\.csv: the row starting on line 3 has 4 fields but the header has 2 .*"
        r"comma inside a field splits it; put the field in double quotes",
    ):
        read_corpus(path)


def test_row_with_too_few_fields_is_an_error(tmp_path):
    path = _csv(tmp_path, "id,title,text\n1,Tin một,Bài một.\n2,Bài hai.\n")
    with pytest.raises(DecodingError, match=r"line 3 has 2 fields but the header has 3"):
        read_corpus(path)


@pytest.mark.parametrize(
    "rows",
    [
        '1,Bài một.\n2,"Hà Nội mưa.\n3,Bài ba.\n4,Bài bốn.\n5,Bài năm.\n',  # never closed
        '1,Bài một.\n2,"Hà Nội mưa.\n3,Bài ba.\n4,"Bài bốn."\n5,Bài năm.\n',  # closed by row 4
    ],
)
def test_unclosed_quote_does_not_merge_rows(tmp_path, rows):
    path = _csv(tmp_path, "id,text\n" + rows)
    with pytest.raises(DecodingError, match=r"bao\.csv: the row starting on line 3 .*quote"):
        read_corpus(path)


def test_quoted_fields_may_still_span_lines_and_hold_quotes(tmp_path):
    path = _csv(tmp_path, 'id,text\n1,"Dòng một, có dấu phẩy\nDòng ""hai"""\n2,Bài hai.\n')
    docs = read_corpus(path)
    assert [doc.raw for doc in docs] == ['Dòng một, có dấu phẩy\nDòng "hai"', "Bài hai."]


def test_duplicated_header_names_the_column(tmp_path):
    path = _csv(tmp_path, "id,text,text\n1,Bài một.,Bài khác.\n")
    with pytest.raises(DecodingError, match=r"header \(line 1\) names the column 'text' twice"):
        read_corpus(path)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimited_csv(tmp_path, delimiter):
    path = _csv(
        tmp_path,
        f"id{delimiter}text{delimiter}chuyen_muc\n"
        f'1{delimiter}"Hà Nội, ngày 5/10; hội nghị khai mạc."{delimiter}Thời sự\n',
    )
    (doc,) = read_corpus(path)
    assert (doc.doc_id, doc.raw) == ("1", "Hà Nội, ngày 5/10; hội nghị khai mạc.")
    assert doc.metadata == {"chuyen_muc": "Thời sự"}


def test_empty_id_is_an_error(tmp_path):
    path = _csv(tmp_path, "id,text\n,Bài một.\n")
    with pytest.raises(DecodingError, match=r"bao\.csv, line 2: the id column 'id' is empty"):
        read_corpus(path)


def test_csv_field_longer_than_pythons_default_limit_is_read(tmp_path):
    import csv

    before = csv.field_size_limit()
    long_text = "Chạy chức, chạy quyền. " * 7000  # 161,000 characters
    path = _csv(tmp_path, f'id,text\n1,"{long_text}"\n')
    (doc,) = read_corpus(path)
    assert doc.raw == long_text
    assert csv.field_size_limit() == before  # the module's global limit is left as it was


# ---------------------------------------------------------------- JSONL values (issue 11.5)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ('{"id": "1", "text": NaN}', "NaN"),
        ('{"id": "1", "text": 12345}', "the number 12345"),
        ('{"id": "1", "text": ["Hà Nội", "mưa"]}', "a list"),
        ('{"id": "1", "text": true}', "the boolean true"),
        ('{"id": "1", "text": {"vi": "Hà Nội"}}', "an object"),
    ],
)
def test_jsonl_text_must_be_a_string(tmp_path, line, kind):
    path = tmp_path / "bao.jsonl"
    path.write_text('{"id": "0", "text": "Bài đầu."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(
        DecodingError, match=rf"bao\.jsonl, line 2: the 'text' value is {kind}, not a string"
    ):
        read_corpus(path)


@pytest.mark.parametrize(
    ("value", "kind"), [("null", "null"), ("1.5", "the number 1.5"), ("false", "the boolean")]
)
def test_jsonl_id_must_be_a_string_or_a_whole_number(tmp_path, value, kind):
    path = tmp_path / "bao.jsonl"
    path.write_text(f'{{"id": {value}, "text": "Bài một."}}\n', encoding="utf-8")
    with pytest.raises(DecodingError, match=rf"line 1: the 'id' value is {kind}"):
        read_corpus(path)


def test_jsonl_whole_number_ids_become_strings(tmp_path):
    path = tmp_path / "bao.jsonl"
    path.write_text('{"id": 7, "text": "Bài một."}\n', encoding="utf-8")
    assert read_corpus(path)[0].doc_id == "7"


def test_jsonl_title_must_be_a_string(tmp_path):
    path = tmp_path / "bao.jsonl"
    path.write_text('{"title": 2020, "text": "Bài một."}\n', encoding="utf-8")
    with pytest.raises(DecodingError, match=r"line 1: the 'title' value is the number 2020"):
        read_corpus(path)


@pytest.mark.parametrize("key", ["text", "title", "nguon"])
def test_jsonl_lone_surrogate_is_rejected_at_read_time(tmp_path, key):
    path = tmp_path / "bao.jsonl"
    row = {"text": "Bài một.", key: "H\\ud800 Nội"}
    path.write_text(json.dumps(row).replace("\\\\", "\\") + "\n", encoding="utf-8")
    assert "\\ud800" in path.read_text(encoding="utf-8")
    with pytest.raises(
        DecodingError, match=rf"bao\.jsonl, line 1: the '{key}' value holds \\ud800"
    ):
        read_corpus(path)


def test_jsonl_key_given_twice(tmp_path):
    path = tmp_path / "bao.jsonl"
    path.write_text('{"text": "Bài một.", "text": "Bài hai."}\n', encoding="utf-8")
    with pytest.raises(DecodingError, match=r"line 1 gives the key 'text' twice"):
        read_corpus(path)


def test_tsv_is_a_table_and_json_is_refused(tmp_path):
    path = _csv(tmp_path, "id\ttext\n1\tHà Nội, ngày 5/10.\n", name="bao.tsv")
    assert [(d.doc_id, d.raw) for d in read_corpus(path)] == [("1", "Hà Nội, ngày 5/10.")]
    array = _csv(tmp_path, '[{"id": "1", "text": "Bài một."}]', name="bao.json")
    with pytest.raises(CorpusError, match=r"bao\.json: is a \.json file.*\.jsonl"):
        read_corpus(array)
