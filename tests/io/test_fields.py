"""Fields from where a file lies: its sub-folder and its file name (issue 12)."""

from __future__ import annotations

import datetime as dt
import re
import warnings

import pytest

from corpus_tools import read_corpus
from corpus_tools.errors import CorpusError, DateParseWarning, FilenamePatternWarning
from corpus_tools.groups import group_labels
from corpus_tools.io import iter_corpus

PATTERN = r"news_(?P<category>[a-z]+)_\d+"


def _corpus(root, names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Tiêu đề {path.stem}\nThân bài của {path.stem}.\n", encoding="utf-8")
    return root


def test_the_sub_folder_is_metadata(tmp_path):
    _corpus(tmp_path, ["top.txt", "sport/a.txt", "2020/law/b.txt"])
    docs = {doc.doc_id: doc for doc in read_corpus(tmp_path)}
    assert docs["top"].metadata["folder"] is None  # at the top: no sub-folder
    assert docs["sport/a"].metadata["folder"] == "sport"
    assert docs["2020/law/b"].metadata["folder"] == "2020/law"


def test_folder_field_names_the_field_so_groups_work(tmp_path):
    _corpus(tmp_path, ["sport/a.txt", "sport/b.txt", "law/c.txt"])
    docs = read_corpus(tmp_path, folder_field="category")
    assert "folder" not in docs[0].metadata
    assert group_labels(docs, "category") == ["law", "sport", "sport"]


def test_folder_field_may_set_the_source(tmp_path):
    _corpus(tmp_path, ["Nhân Dân/a.txt", "VnExpress/b.txt"])
    (tmp_path / "VnExpress" / "b.txt").write_text("Tiêu đề\nThân bài.\nNguồn VOV\n", "utf-8")
    docs = read_corpus(tmp_path, folder_field="source")
    assert [doc.source for doc in docs] == ["Nhân Dân", "VnExpress"]
    assert group_labels(docs, "source") == ["Nhân Dân", "VnExpress"]


def test_file_name_fields(tmp_path):
    _corpus(tmp_path, ["news_sport_012.txt", "sub/news_law_3.txt"])
    docs = read_corpus(tmp_path, filename_pattern=PATTERN)
    assert [doc.metadata["category"] for doc in docs] == ["sport", "law"]
    assert group_labels(docs, "category") == ["sport", "law"]


def test_folder_and_file_name_fields_together(tmp_path):
    _corpus(tmp_path, ["sport/news_sport_012.txt"])
    (doc,) = read_corpus(tmp_path, folder_field="section", filename_pattern=PATTERN)
    assert (doc.metadata["section"], doc.metadata["category"]) == ("sport", "sport")


def test_names_that_do_not_match_get_none_and_one_warning(tmp_path):
    names = ["news_sport_1.txt", "tin_2.txt", "News_Law_3.txt", "ghi chu.txt"]
    _corpus(tmp_path, names)
    with pytest.warns(FilenamePatternWarning) as caught:
        docs = read_corpus(tmp_path, filename_pattern=PATTERN)
    assert len(caught) == 1
    warning = caught[0].message
    assert warning.count == 3
    assert sorted(warning.examples) == ["News_Law_3.txt", "ghi chu.txt", "tin_2.txt"]
    assert "3 file name(s) do not match filename_pattern" in str(warning)
    by_id = {doc.doc_id: doc.metadata["category"] for doc in docs}
    assert by_id == {"News_Law_3": None, "ghi chu": None, "news_sport_1": "sport", "tin_2": None}


def test_iter_corpus_takes_both_options_and_warns_at_the_end(tmp_path):
    _corpus(tmp_path, ["a/news_sport_1.txt", "b/khac.txt"])
    stream = iter_corpus(tmp_path, folder_field="category", filename_pattern=r"(?P<kind>news)_")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first = next(stream)
    assert (first.metadata["category"], first.metadata["kind"]) == ("a", "news")
    with pytest.warns(FilenamePatternWarning, match="1 file name"):
        (second,) = list(stream)
    assert (second.metadata["category"], second.metadata["kind"]) == ("b", None)


def test_a_compiled_pattern_and_a_date_from_the_file_name(tmp_path):
    _corpus(tmp_path, ["20201001_a.txt", "20209999_b.txt", "c.txt"])
    (tmp_path / "c.txt").write_text("# date = 2021-01-02\nTiêu đề\nThân bài.", encoding="utf-8")
    pattern = re.compile(r"^(?P<date>\d{8})_")
    with pytest.warns(DateParseWarning, match=r"'20209999' \(20209999_b\.txt\)"):
        with pytest.warns(FilenamePatternWarning, match="1 file name"):
            docs = read_corpus(tmp_path, filename_pattern=pattern)
    assert [doc.date for doc in docs] == [dt.date(2020, 10, 1), None, dt.date(2021, 1, 2)]
    assert all("date" not in doc.metadata for doc in docs)


def test_a_single_file_takes_file_name_fields(tmp_path):
    _corpus(tmp_path, ["news_sport_7.txt"])
    (doc,) = read_corpus(tmp_path / "news_sport_7.txt", filename_pattern=PATTERN)
    assert doc.metadata["category"] == "sport"
    assert "folder" not in doc.metadata


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"filename_pattern": "news_(?P<category"}, "not a valid regular expression"),
        ({"filename_pattern": r"news_([a-z]+)"}, "names no field"),
        ({"filename_pattern": r"(?P<doc_id>\w+)"}, "'doc_id', which the reader sets"),
        ({"filename_pattern": r"(?P<path>\w+)"}, "'path', which the reader sets"),
        ({"folder_field": "doc_id"}, "'doc_id', which the reader sets"),
        ({"folder_field": " "}, "folder_field is empty"),
        ({"filename_pattern": r"(?P<folder>\w+)"}, "both give the field 'folder'"),
        (
            {"folder_field": "category", "filename_pattern": PATTERN},
            "both give the field 'category'",
        ),
    ],
)
def test_bad_options_stop_before_any_file_is_read(tmp_path, options, message):
    _corpus(tmp_path, ["news_sport_1.txt"])
    with pytest.raises(CorpusError, match=re.escape(message)):
        iter_corpus(tmp_path, **options)  # at once, not at the first document


@pytest.mark.parametrize("options", [{"folder_field": 1}, {"filename_pattern": 1}])
def test_options_of_the_wrong_type(tmp_path, options):
    _corpus(tmp_path, ["a.txt"])
    with pytest.raises(TypeError, match="must be a str"):
        read_corpus(tmp_path, **options)


def test_folder_field_with_one_file_is_an_error(tmp_path):
    _corpus(tmp_path, ["a.txt"])
    with pytest.raises(CorpusError, match="the source is one file"):
        read_corpus(tmp_path / "a.txt", folder_field="category")


@pytest.mark.parametrize("options", [{"folder_field": "category"}, {"filename_pattern": PATTERN}])
def test_tables_take_neither_option(tmp_path, options):
    path = tmp_path / "bao.csv"
    path.write_text("id,text\n1,Bài.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="a table's fields are its columns"):
        read_corpus(path, **options)


def test_file_fields_win_over_header_keys(tmp_path):
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "a.txt").write_text("# category = law\n# khac = 1\nBài.", "utf-8")
    (doc,) = read_corpus(tmp_path, folder_field="category")
    assert (doc.metadata["category"], doc.metadata["khac"]) == ("sport", "1")
