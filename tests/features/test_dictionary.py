"""Tests for corpus_tools.features.dictionary: dictionary files and category counts."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.features import (
    dictionary_counts,
    dictionary_matrix,
    dictionary_term_counts,
    load_dictionary,
)
from corpus_tools.features.dictionary import parse_dictionary

from .helpers import rows

DICTIONARY = {
    "chạy chức": ["chạy chức", "chạy chức chạy quyền", "chạy quyền"],
    "nêu gương": ["nêu gương", "nói đi đôi với làm"],
    "cán bộ": ["cán bộ"],
}
DOCS = {
    "a": ["Chống", "chạy_chức", "chạy_quyền", ",", "chạy_chức", "."],
    "b": ["Cán_bộ", "phải", "nói", "đi", "đôi", "với", "làm", ",", "nêu_gương"],
    "c": [],
}


# --------------------------------------------------------------------------- files


def test_load_the_bundled_dictionary():
    dictionary = load_dictionary()
    assert list(dictionary) == [
        "chạy chức / chạy quyền",
        "nêu gương",
        "quy hoạch cán bộ",
        "tham nhũng / tiêu cực",
        "kiểm tra / kỷ luật",
    ]
    assert all(len(terms) >= 10 for terms in dictionary.values())
    assert "mua quan bán chức" in dictionary["chạy chức / chạy quyền"]


def test_load_a_csv_and_a_yaml_dictionary(tmp_path):
    csv = tmp_path / "tu_dien.csv"
    csv.write_text(
        "\ufeff# my dictionary\ncategory,term\nnêu gương,gương mẫu\nnêu gương,gương mẫu\n"
        "tham nhũng,hối lộ\n",
        encoding="utf-8",
    )
    assert load_dictionary(csv) == {"nêu gương": ("gương mẫu",), "tham nhũng": ("hối lộ",)}
    yaml = tmp_path / "tu_dien.yml"
    yaml.write_text(
        "# comment\nnêu gương:\n  - gương mẫu  # a note\n  - 'làm gương'\n"
        'tham nhũng: [hối lộ, "tham ô"]\n',
        encoding="utf-8",
    )
    assert load_dictionary(yaml) == {
        "nêu gương": ("gương mẫu", "làm gương"),
        "tham nhũng": ("hối lộ", "tham ô"),
    }


@pytest.mark.parametrize(
    ("text", "format", "message"),
    [
        ("loại,từ\na,b", "csv", "must name the columns 'category,term'"),
        ("category,term\n,b", "csv", "row 2: a row needs both"),
        ("category,term\n", "csv", "holds no category with a term"),
        ("- gương mẫu", "yaml", "line 1: a '- term' line must follow"),
        ("nêu gương: gương mẫu", "yaml", "line 1: write the terms as"),
        ("nêu gương:\n  gương mẫu", "yaml", "line 2: not understood"),
        ("a,b", "json", "format must be"),
    ],
)
def test_dictionary_errors_name_the_line(text, format, message):
    with pytest.raises(CorpusError, match=message):
        parse_dictionary(text, format=format)


def test_load_dictionary_rejects_other_files(tmp_path):
    with pytest.raises(CorpusError, match=r"a dictionary is a \.csv"):
        load_dictionary(tmp_path / "tu_dien.txt")


# --------------------------------------------------------------------------- counts


def test_dictionary_counts_per_document_by_hand():
    table = dictionary_counts(DOCS, DICTIONARY)
    assert list(table.columns) == ["doc_id", "category", "count", "words", "per_10k"]
    # a: "chạy chức chạy quyền" once (the longest match wins over "chạy chức" and
    # "chạy quyền"), then "chạy chức" once; b: the stopword phrase and nêu gương.
    assert rows(table, ["doc_id", "category", "count", "words"]) == [
        ("a", "chạy chức", 2, 4),
        ("a", "nêu gương", 0, 4),
        ("a", "cán bộ", 0, 4),
        ("b", "chạy chức", 0, 8),
        ("b", "nêu gương", 2, 8),
        ("b", "cán bộ", 1, 8),
        ("c", "chạy chức", 0, 0),
        ("c", "nêu gương", 0, 0),
        ("c", "cán bộ", 0, 0),
    ]
    assert table["per_10k"].tolist()[:2] == [5000.0, 0.0]


def test_a_word_in_two_categories_counts_in_both():
    dictionary = {"X": ["cán bộ"], "Y": ["Cán bộ", "đảng"]}
    table = dictionary_counts([["cán_bộ", "đảng"]], dictionary)
    assert table["count"].tolist() == [1, 2]


def test_dictionary_counts_per_group_and_nfd():
    nfd = {k: [unicodedata.normalize("NFD", t) for t in v] for k, v in DICTIONARY.items()}
    table = dictionary_counts(list(DOCS.items()), nfd, groups={"a": "X", "b": "X"})
    assert list(table.columns) == [
        "group",
        "category",
        "count",
        "doc_freq",
        "documents",
        "words",
        "per_10k",
    ]
    x = table[table["group"] == "X"]
    assert x["count"].tolist() == [2, 2, 1] and x["doc_freq"].tolist() == [1, 1, 1]
    assert x["documents"].tolist() == [2, 2, 2] and x["words"].tolist() == [12, 12, 12]
    assert table["group"].tolist()[-1] == "(không có)"


def test_dictionary_term_counts_sum_to_the_category_counts():
    terms = dictionary_term_counts(DOCS, DICTIONARY)
    assert rows(terms, ["category", "term", "count", "doc_freq"]) == [
        ("chạy chức", "chạy chức", 1, 1),
        ("chạy chức", "chạy chức chạy quyền", 1, 1),
        ("chạy chức", "chạy quyền", 0, 0),
        ("nêu gương", "nêu gương", 1, 1),
        ("nêu gương", "nói đi đôi với làm", 1, 1),
        ("cán bộ", "cán bộ", 1, 1),
    ]
    totals = dictionary_counts(DOCS, DICTIONARY).groupby("category", sort=False)["count"].sum()
    assert terms.groupby("category", sort=False)["count"].sum().equals(totals)


def test_dictionary_counts_reject_bad_dictionaries():
    with pytest.raises(CorpusError, match="must map categories"):
        dictionary_counts(DOCS, {})
    with pytest.raises(CorpusError, match="must be a list, not one string"):
        dictionary_counts(DOCS, {"X": "cán bộ"})


def test_dictionary_matrix_top_documents_and_groups():
    per_doc = dictionary_counts(DOCS, DICTIONARY)
    matrix = dictionary_matrix(per_doc, value="count", n_top=1)
    assert matrix.index.tolist() == ["b"]  # 3 matches against a's 2
    assert matrix.columns.tolist() == ["chạy chức", "nêu gương", "cán bộ"]
    per_group = dictionary_counts(DOCS, DICTIONARY, groups=["X", "Y", "Y"])
    wide = dictionary_matrix(per_group, rows=["Y", "X"])
    assert wide.index.tolist() == ["Y", "X"]
    assert isinstance(wide, pd.DataFrame) and wide.loc["X", "chạy chức"] == 5000.0
