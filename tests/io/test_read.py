"""Reading a corpus: seeds, folders, single files, and bad files named with the fix."""

from __future__ import annotations

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
from corpus_tools.io import iter_corpus


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


def test_iter_corpus_is_lazy(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Bài số {i}.", encoding="utf-8")
    stream = iter_corpus(tmp_path)
    assert next(stream).doc_id == "0"


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


def test_folder_without_txt_files(tmp_path):
    (tmp_path / "ghi_chu.md").write_text("không phải .txt", encoding="utf-8")
    with pytest.raises(EmptyCorpusError, match=r"no \.txt files"):
        read_corpus(tmp_path)


def test_reading_never_writes_to_the_source(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text("Tiêu đề\n\nThân bài.", encoding="utf-8")
    before = path.stat().st_mtime_ns, path.read_bytes()
    read_corpus(tmp_path)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
