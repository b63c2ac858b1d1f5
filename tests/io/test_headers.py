"""Header lines (``# key = value`` at the top of a .txt): metadata, never text (issue 12)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest

from corpus_tools import read_corpus
from corpus_tools.errors import EmptyDocumentError
from corpus_tools.io import HEADER_FIELDS
from corpus_tools.io.headers import read_header

ARTICLE = (
    "# doc_id = news_sport_012\n"
    "# url = https://www.tintuc.example.vn/sport/doi-tuyen-thang-1234.html\n"
    "# date = 20201001\n"
    "Đội tuyển thắng trận mở màn\n"
    "Đội tuyển Việt Nam thắng 2-0 trong trận mở màn.\n"
    "Huấn luyện viên hài lòng với các cầu thủ.\n"
)


def _read_one(tmp_path, text, name="bai.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = read_corpus(path)
    return doc


def test_known_keys_fill_the_fields(tmp_path):
    doc = _read_one(tmp_path, ARTICLE)
    assert doc.doc_id == "news_sport_012"
    assert doc.date == dt.date(2020, 10, 1)
    assert doc.source == "tintuc.example.vn"
    assert doc.metadata["url"] == "https://www.tintuc.example.vn/sport/doi-tuyen-thang-1234.html"
    assert doc.title == "Đội tuyển thắng trận mở màn"  # the first line after the header
    assert doc.paragraphs == (
        "Đội tuyển Việt Nam thắng 2-0 trong trận mở màn.",
        "Huấn luyện viên hài lòng với các cầu thủ.",
    )


def test_header_words_are_never_text(tmp_path):
    doc = _read_one(tmp_path, ARTICLE)
    for word in ("doc_id", "url", "date", "news_sport_012", "https", "20201001", "#"):
        assert word not in doc.text
        assert word not in (doc.title or "")


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        ("# title = Tiêu đề từ header", "title", "Tiêu đề từ header"),
        ("# id = bai-7", "doc_id", "bai-7"),
        ("# newdoc id = bai-8", "doc_id", "bai-8"),  # CoNLL-U
        ("# source = Báo Nhân Dân", "source", "Báo Nhân Dân"),
        ("# source = Báo Nhân Dân\n# url = https://nhandan.vn/a.html", "source", "Báo Nhân Dân"),
        ("# url = vnexpress.net/a-1.html", "source", "vnexpress.net"),
        ("# date = 2020-10-01", "date", dt.date(2020, 10, 1)),
        ("#date=01/10/2020", "date", dt.date(2020, 10, 1)),
        ("  # DATE = 20201001  ", "date", dt.date(2020, 10, 1)),
    ],
)
def test_each_known_key(tmp_path, lines, field, value):
    doc = _read_one(tmp_path, f"{lines}\nDòng đầu tiên của bài.\nDòng thứ hai của bài.\n")
    assert getattr(doc, field) == value


def test_unknown_keys_go_to_metadata_with_normalised_names(tmp_path):
    text = "# Category = thể thao\n# sent-id = 12\n# tác giả = Văn Bắc\n# empty =\nBài.\n"
    doc = _read_one(tmp_path, text)
    assert doc.metadata["category"] == "thể thao"
    assert doc.metadata["sent_id"] == "12"
    assert doc.metadata["tác_giả"] == "Văn Bắc"
    assert doc.metadata["empty"] == ""
    assert doc.paragraphs == ("Bài.",)


def test_hash_lines_after_the_text_starts_are_text(tmp_path):
    text = "# date = 20201001\nTiêu đề\n# mục = không phải header\nThân bài.\n# x = y\n"
    doc = _read_one(tmp_path, text)
    assert doc.title == "Tiêu đề"
    assert doc.paragraphs == ("# mục = không phải header", "Thân bài.", "# x = y")
    assert "mục" not in doc.metadata and "x" not in doc.metadata


def test_a_hash_line_that_is_no_header_starts_the_text(tmp_path):
    doc = _read_one(tmp_path, "#1 Tin nóng trong ngày\n# date = 20201001\nThân bài.\n")
    assert doc.title == "#1 Tin nóng trong ngày"
    assert doc.date is None
    assert "# date = 20201001" in doc.paragraphs


def test_blank_lines_among_header_lines(tmp_path):
    doc = _read_one(tmp_path, "\n# id = a1\n\n# date = 20201001\n\nTiêu đề\n\nThân bài.\n")
    assert (doc.doc_id, doc.date, doc.title, doc.paragraphs) == (
        "a1",
        dt.date(2020, 10, 1),
        "Tiêu đề",
        ("Thân bài.",),
    )


def test_the_first_value_of_a_repeated_key_counts(tmp_path):
    doc = _read_one(tmp_path, "# date = 20201001\n# date = 20211231\n# k = 1\n# k = 2\nBài.\n")
    assert doc.date == dt.date(2020, 10, 1)
    assert doc.metadata["k"] == "1"
    assert [reason for _, reason in doc.removed] == ["header"] * 4


def test_a_title_header_means_no_title_line(tmp_path):
    doc = _read_one(tmp_path, "# title = Tiêu đề thật\nDòng một không phải tiêu đề\nDòng hai.\n")
    assert doc.title == "Tiêu đề thật"
    assert doc.paragraphs == ("Dòng một không phải tiêu đề", "Dòng hai.")


def test_header_values_win_over_datelines_and_source_lines(tmp_path):
    text = (
        "# date = 20201001\n# source = Báo Nhân Dân\nTiêu đề\n"
        "Thứ Hai, 05/10/2020, 15:38 [GMT+7]\nThân bài.\nNguồn VOV\n"
    )
    doc = _read_one(tmp_path, text)
    assert (doc.date, doc.source) == (dt.date(2020, 10, 1), "Báo Nhân Dân")
    assert ("Thứ Hai, 05/10/2020, 15:38 [GMT+7]", "dateline") in doc.removed
    assert ("Nguồn VOV", "source line") in doc.removed
    assert doc.paragraphs == ("Thân bài.",)


def test_header_lines_are_kept_in_removed_so_nothing_is_lost(tmp_path):
    """The round-trip property: every non-blank line is a paragraph or a removed line."""
    doc = _read_one(tmp_path, ARTICLE)
    assert doc.removed[:3] == (
        ("# doc_id = news_sport_012", "header"),
        ("# url = https://www.tintuc.example.vn/sport/doi-tuyen-thang-1234.html", "header"),
        ("# date = 20201001", "header"),
    )
    lines = [line.strip() for line in doc.raw.splitlines() if line.strip()]
    assert sorted(lines) == sorted([*doc.paragraphs, *(line for line, _ in doc.removed)])


@pytest.mark.parametrize("text", ["# doc_id = a\n# date = 20201001\n", "# a = b\n\n  \n"])
def test_a_file_with_only_headers_is_an_empty_document_named(tmp_path, text):
    (tmp_path / "chi_header.txt").write_text(text, encoding="utf-8")
    (tmp_path / "tot.txt").write_text("Bài tốt.", encoding="utf-8")
    with pytest.raises(EmptyDocumentError, match=r"chi_header\.txt: holds only header lines"):
        read_corpus(tmp_path)


def test_two_files_whose_headers_give_one_id_are_both_named(tmp_path):
    from corpus_tools.errors import DuplicateIdError

    (tmp_path / "a.txt").write_text("# id = x\nBài a.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# id = x\nBài b.", encoding="utf-8")
    with pytest.raises(DuplicateIdError, match=r"a\.txt and .*b\.txt both give the id 'x'"):
        read_corpus(tmp_path)


def test_an_nfd_file_is_read_alike(tmp_path):
    nfd = unicodedata.normalize("NFD", "# chuyên mục = Thể thao\n" + ARTICLE.split("\n", 1)[1])
    nfd += "BẠN CÓ THỂ QUAN TÂM\nTin khác\n"
    doc = _read_one(tmp_path, nfd)
    assert doc.metadata["chuyên_mục"] == "Thể thao"
    assert doc.title == "Đội tuyển thắng trận mở màn"  # fields are NFC
    assert doc.date == dt.date(2020, 10, 1)
    assert [reason for _, reason in doc.removed][-2:] == [
        "related-articles footer",
        "after related-articles footer",
    ]


def test_table_texts_have_no_header_lines(tmp_path):
    path = tmp_path / "bao.jsonl"
    row = json.dumps({"text": "# a = b\nThân bài."}, ensure_ascii=False)
    path.write_text(row, encoding="utf-8")
    (doc,) = read_corpus(path)
    assert "a" not in doc.metadata
    assert doc.title == "# a = b"


def test_read_header_leaves_the_body_lines_as_they_are():
    header = read_header(["# id = 1", "  Tiêu đề  ", "# x = 1"])
    assert header.fields == {"doc_id": "1"}
    assert list(header.body) == ["  Tiêu đề  ", "# x = 1"]
    assert set(HEADER_FIELDS.values()) == {"doc_id", "title", "date", "source", "url"}
