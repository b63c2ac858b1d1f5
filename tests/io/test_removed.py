"""What cleaning removed: the tables, and every reason's label in both languages."""

from __future__ import annotations

import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.io import (
    CLEANING_RULES,
    REASON_LABELS,
    Document,
    reason_label,
    removed_line_counts,
    removed_lines,
)
from corpus_tools.io.removed import LANGUAGES

# Reasons that clean_lines and the header reader record besides the rules' own.
OTHER_REASONS = {
    "header",
    "title",
    "repeated line (photo caption)",
    "after related-articles footer",
}

DOCS = [
    Document("a", removed=(("# id = a", "header"), ("Truy cập nội dung luôn", "skip link"))),
    Document("b", removed=(("(Ảnh: TTXVN)", "photo caption"), ("Ảnh: VOV", "photo caption"))),
    Document("c"),
    Document("d", removed=(("---", "stray punctuation"), ("x", "my own reason"))),
]


def test_every_reason_has_a_label_in_each_language():
    reasons = {rule.reason for rule in CLEANING_RULES} | OTHER_REASONS
    assert reasons <= set(REASON_LABELS)
    for reason, labels in REASON_LABELS.items():
        assert set(labels) == set(LANGUAGES), reason
        assert all(label.strip() for label in labels.values()), reason


def test_labels_of_one_language_are_distinct():
    for lang in LANGUAGES:
        labels = [labels[lang] for labels in REASON_LABELS.values()]
        assert len(set(labels)) == len(labels)


@pytest.mark.parametrize(
    ("reason", "vi", "en"),
    [
        ("skip link", "liên kết bỏ qua", "skip link"),
        ("stray punctuation", "dấu câu thừa", "stray punctuation"),
        ("photo caption", "chú thích ảnh", "photo caption"),
        ("header", "dòng siêu dữ liệu", "header line"),
        ("my own reason", "my own reason", "my own reason"),  # unknown: as written
    ],
)
def test_reason_label(reason, vi, en):
    assert reason_label(reason) == vi
    assert reason_label(reason, lang="vi") == vi
    assert reason_label(reason, lang="en") == en


def test_no_english_label_in_a_vietnamese_table():
    english = {labels["en"] for labels in REASON_LABELS.values()}
    vietnamese = {labels["vi"] for labels in REASON_LABELS.values()}
    table = removed_line_counts(DOCS)
    assert not set(table.columns) & english
    assert set(table.columns) - {"my own reason"} <= vietnamese
    assert not set(removed_line_counts(DOCS, lang="en").columns) & (vietnamese - english)


def test_counts_per_document_in_both_languages():
    table = removed_line_counts(DOCS, lang="en")
    assert list(table.index) == ["a", "b", "c", "d"]
    assert table.index.name == "doc_id"
    # in the order of REASON_LABELS, unknown reasons last
    assert list(table.columns) == [
        "header line",
        "skip link",
        "photo caption",
        "stray punctuation",
        "my own reason",
    ]
    assert table.loc["b", "photo caption"] == 2
    assert table.loc["c"].sum() == 0
    assert str(table.dtypes.unique()[0]) == "int64"
    vi = removed_line_counts(DOCS)
    assert list(vi.columns)[:3] == ["dòng siêu dữ liệu", "liên kết bỏ qua", "chú thích ảnh"]
    assert vi.to_numpy().tolist() == table.to_numpy().tolist()


def test_counts_summed_per_group():
    table = removed_line_counts(DOCS, groups=["x", "y", None, "x"])
    assert list(table.index) == ["x", "y", "(không có)"]
    assert table.index.name == "group"
    assert table.loc["x"].sum() == 4 and table.loc["y"].sum() == 2
    assert table.loc["(không có)"].sum() == 0  # a group of its own, never dropped
    by_id = removed_line_counts(DOCS, groups={"a": "x", "b": "y", "c": None, "d": "x"}, lang="en")
    assert list(by_id.index) == ["x", "y", "(none)"]
    assert by_id.to_numpy().tolist() == table.to_numpy().tolist()
    overall = removed_line_counts(DOCS, groups=["tất cả"] * 4)
    assert overall.loc["tất cả"].tolist() == [1, 1, 2, 1, 1]


@pytest.mark.parametrize(
    ("groups", "message"),
    [(["x"], "holds 1 labels for 4 documents"), ({"a": "x"}, "no label for 3 document")],
)
def test_groups_must_cover_every_document(groups, message):
    with pytest.raises(CorpusError, match=message):
        removed_line_counts(DOCS, groups=groups)


def test_an_unknown_language():
    with pytest.raises(CorpusError, match="lang must be 'vi' or 'en', not 'fr'"):
        removed_line_counts(DOCS, lang="fr")


def test_no_documents_and_nothing_removed():
    assert removed_line_counts([]).shape == (0, 0)
    assert removed_line_counts([Document("a")]).shape == (1, 0)
    assert removed_lines([]).columns.tolist() == ["doc_id", "reason", "line"]


def test_removed_lines_keep_the_reasons_as_recorded():
    table = removed_lines(DOCS)
    assert table["reason"].tolist()[:2] == ["header", "skip link"]
    assert len(table) == 6
