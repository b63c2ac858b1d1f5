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
    from corpus_tools import errors

    for error in (
        BinaryFileError,
        DecodingError,
        DuplicateIdError,
        EmptyCorpusError,
        EmptyDocumentError,
        MissingColumnError,
        errors.MalformedTableError,
        errors.SourceNotFoundError,
        errors.UnreadableFileError,
    ):
        assert issubclass(error, CorpusError)


@pytest.mark.parametrize(
    ("name", "message"),
    [("ghi_chu.md", r"no \.txt files"), (".a.txt", r"no \.txt files \(hidden files")],
)
def test_folder_without_txt_files(tmp_path, name, message):
    (tmp_path / name).write_text("không phải .txt", encoding="utf-8")
    with pytest.raises(EmptyCorpusError, match=message):
        read_corpus(tmp_path)


def test_reading_never_writes_to_the_source(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text("Tiêu đề\n\nThân bài.", encoding="utf-8")
    before = path.stat().st_mtime_ns, path.read_bytes()
    read_corpus(tmp_path)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


# ------------------------------------------------- what a folder read takes (issue 11.3, 11.9)


def test_txt_extension_in_any_case(tmp_path):
    for name in ("a.txt", "b.TXT", "c.Txt"):
        (tmp_path / name).write_text(f"Bài {name}.", encoding="utf-8")
    assert [doc.doc_id for doc in read_corpus(tmp_path)] == ["a", "b", "c"]


def test_hidden_files_and_folders_are_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("Bài a.", encoding="utf-8")
    checkpoints = tmp_path / ".ipynb_checkpoints"
    checkpoints.mkdir()
    (checkpoints / "a-checkpoint.txt").write_text("Bài a.", encoding="utf-8")
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")  # AppleDouble
    (tmp_path / "__MACOSX").mkdir()
    (tmp_path / "__MACOSX" / "._a.txt").write_bytes(b"\x00\x05\x16\x07")
    (tmp_path / "sub" / ".git").mkdir(parents=True)
    (tmp_path / "sub" / ".git" / "b.txt").write_text("không đọc", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Bài b.", encoding="utf-8")
    assert [doc.doc_id for doc in read_corpus(tmp_path)] == ["a", "sub/b"]


def test_a_hidden_source_folder_itself_is_read(tmp_path):
    folder = tmp_path / ".bao"
    folder.mkdir()
    (folder / "a.txt").write_text("Bài a.", encoding="utf-8")
    assert [doc.doc_id for doc in read_corpus(folder)] == ["a"]


def test_folder_named_like_a_txt_file_is_a_folder(tmp_path):
    (tmp_path / "x.txt").mkdir()
    (tmp_path / "x.txt" / "a.txt").write_text("Bài a.", encoding="utf-8")
    assert [doc.doc_id for doc in read_corpus(tmp_path)] == ["x.txt/a"]


def test_fifo_named_txt_is_an_error_not_a_hang(tmp_path):
    import os
    import threading

    from corpus_tools.errors import UnreadableFileError

    (tmp_path / "a.txt").write_text("Bài a.", encoding="utf-8")
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    outcome: list[object] = []

    def read() -> None:
        try:
            outcome.append(read_corpus(tmp_path))
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(timeout=30)
    if thread.is_alive():  # blocked opening the pipe: let it go, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(timeout=5)
        pytest.fail("read_corpus hangs on a named pipe")
    (error,) = outcome
    assert isinstance(error, UnreadableFileError)
    assert str(error).startswith(f"{fifo}: is a named pipe")
    with pytest.raises(UnreadableFileError, match="named pipe"):
        read_corpus(fifo)


def test_dangling_symlink_names_its_target(tmp_path):
    from corpus_tools.errors import UnreadableFileError

    (tmp_path / "gone.txt").symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(UnreadableFileError, match=r"gone\.txt: is a symbolic link to .*not exist"):
        read_corpus(tmp_path)
    with pytest.raises(UnreadableFileError, match=r"gone\.txt: is a symbolic link"):
        read_corpus(tmp_path / "gone.txt")


def test_symlink_loop_is_named(tmp_path):
    from corpus_tools.errors import UnreadableFileError

    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.raises(UnreadableFileError, match=r"loop\.txt: .*leads back to itself"):
        read_corpus(tmp_path)


def test_links_are_followed_and_no_folder_is_read_twice(tmp_path):
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    (corpus / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (corpus / "sub" / "a.txt").write_text("Bài a.", encoding="utf-8")
    (elsewhere / "b.txt").write_text("Bài b.", encoding="utf-8")
    (corpus / "b.txt").symlink_to(elsewhere / "b.txt")
    (corpus / "more").symlink_to(elsewhere, target_is_directory=True)
    (corpus / "sub" / "up").symlink_to(corpus, target_is_directory=True)  # a loop
    (corpus / "broken.md").symlink_to(tmp_path / "nothing")  # not a document either way
    assert [doc.doc_id for doc in read_corpus(corpus)] == ["b", "more/b", "sub/a"]


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root reads every file")  # fmt: skip
def test_unreadable_file_is_named(tmp_path):
    from corpus_tools.errors import UnreadableFileError

    path = tmp_path / "khoa.txt"
    path.write_text("Bài.", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(UnreadableFileError, match=r"khoa\.txt: cannot be read"):
        read_corpus(tmp_path)


# ------------------------------------------------------------ the source argument (issue 11.4)


@pytest.mark.parametrize("source", ["", " "])
def test_empty_source_is_an_error_not_the_working_folder(tmp_path, monkeypatch, source):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Bài a.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"source is the empty path"):
        read_corpus(source)
    with pytest.raises(CorpusError, match=r"source is the empty path"):
        iter_corpus(source)  # at once, not at the first document


@pytest.mark.parametrize("source", [123, b"bao", ["a.txt"]])
def test_source_of_the_wrong_type(source):
    with pytest.raises(TypeError, match=r"source is (int|bytes|list); pass a folder or file"):
        read_corpus(source)


def test_missing_source_is_a_corpus_error_and_a_file_not_found_error(tmp_path):
    from corpus_tools.errors import SourceNotFoundError

    with pytest.raises(SourceNotFoundError, match=r"khong_co\.txt: no such file or folder"):
        read_corpus(tmp_path / "khong_co.txt")
    assert issubclass(SourceNotFoundError, CorpusError)
    assert issubclass(SourceNotFoundError, FileNotFoundError)


def test_two_files_with_one_id_are_both_named(tmp_path):
    from corpus_tools.errors import DuplicateIdError

    (tmp_path / "a.txt").write_text("Bài a.", encoding="utf-8")
    (tmp_path / "a.TXT").write_text("Bài A.", encoding="utf-8")
    with pytest.raises(DuplicateIdError, match=r"a\.TXT and .*a\.txt both give the id 'a'"):
        read_corpus(tmp_path)


# ------------------------------------------- a collection in the layout of issue 12 (§1)

SENTENCES = (
    "Bộ Chính trị họp bàn về công tác cán bộ.",
    "Đội tuyển Việt Nam thắng trận mở màn.",
    "Giá vàng trong nước tăng mạnh.",
    "Học sinh Hà Nội bước vào kỳ thi tốt nghiệp.",
    "Bệnh viện Bạch Mai tiếp nhận nhiều bệnh nhân.",
)
CATEGORIES = ("politics", "sport", "business")


def _collection(root, n_articles=300):
    """Articles as real collections hold them: category folders, header lines, dates in
    three formats, a title header instead of the title line in one in ten."""
    import datetime as dt

    expected = {}
    for number in range(n_articles):
        category = CATEGORIES[number % len(CATEGORIES)]
        date = dt.date(2020, 1, 1) + dt.timedelta(days=number)
        written = (f"{date:%Y%m%d}", date.isoformat(), f"{date:%d/%m/%Y}")[number % 3]
        doc_id = f"news_{category}_{number:03d}"
        title = f"Tin số {number} mục {category}"
        lines = [f"# doc_id = {doc_id}", f"# url = https://tintuc.example.vn/{category}/{number}"]
        lines.append(f"# date = {written}")
        lines += [f"# title = {title}"] if number % 10 == 0 else [title]
        lines += [SENTENCES[(number + i) % len(SENTENCES)] for i in range(3)]
        lines += ["(Ảnh: TTXVN)"] if number % 7 == 0 else []
        folder = root / category
        folder.mkdir(exist_ok=True)
        (folder / f"{doc_id}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected[doc_id] = (title, date, category)
    return expected


def test_a_collection_reads_its_headers_folders_and_file_names(tmp_path):
    import warnings

    expected = _collection(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every date reads, every name matches
        docs = read_corpus(
            tmp_path,
            folder_field="section",
            filename_pattern=r"news_(?P<category>[a-z]+)_\d+",
        )
    assert len(docs) == 300
    for doc in docs:
        title, date, category = expected[doc.doc_id]
        assert (doc.title, doc.date, doc.source) == (title, date, "tintuc.example.vn")
        assert doc.metadata["section"] == doc.metadata["category"] == category
        assert len(doc.paragraphs) == 3
        for word in ("doc_id", "url", "date", "news_", "https", "#", "TTXVN"):
            assert word not in doc.text
    from corpus_tools.groups import group_labels

    assert sorted(set(group_labels(docs, "category"))) == sorted(CATEGORIES)
    assert group_labels(docs, "section") == group_labels(docs, "category")
