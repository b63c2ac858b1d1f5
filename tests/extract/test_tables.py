"""Bounded tables for figures: at most 12 articles or groups, whatever the corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import Document, document_labels
from corpus_tools.errors import CorpusError
from corpus_tools.extract import (
    co_mentions,
    find_people,
    find_references,
    mentions_by_article,
    strongest_overlaps,
    top_nodes,
)
from corpus_tools.extract.tables import NO_GROUP, count_phrase

SENTENCES = [
    "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, phát biểu chỉ đạo hội nghị.",
    "Ông Nguyễn Thanh Bình, Phó Trưởng ban Thường trực Ban Tổ chức Trung ương, cho biết.",
    "Bí thư Tỉnh ủy Ngô Thanh Danh dự và chỉ đạo.",
    "Bà Lê Thị Hoa nhấn mạnh việc thực hiện Quy định 205-QĐ/TW của Bộ Chính trị.",
    "Anh Trần Văn Nam, Giám đốc Sở Nội vụ, báo cáo kết quả.",
    "Hội nghị quán triệt Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.",
    "Các đại biểu thảo luận về công tác cán bộ trong tình hình mới.",
]


@pytest.fixture(scope="module")
def corpus_300():
    """300 short articles recombined from a handful of sentences, in 5 categories."""
    docs = []
    for n in range(300):
        picked = [SENTENCES[(n * k + k) % len(SENTENCES)] for k in range(1, 1 + n % 5 + 1)]
        docs.append(
            Document(
                f"news_{n:03d}",
                title=f"Bài số {n} về công tác tổ chức xây dựng Đảng",
                paragraphs=tuple(picked),
                metadata={"category": ["a", "b", "c", "d", None][n % 5]},
            )
        )
    return tuple(docs)


def test_document_labels_name_articles_for_extract_figures():
    # was extract.article_labels: one label function, corpus_tools.document_labels
    docs = [
        Document("000_e38ffd22d5a32227", title="Siết chặt kỷ luật, kỷ cương trong công tác"),
        Document("sport/news_sport_012", title="  Đội   tuyển thắng  "),
        Document("x", title=""),
        ("y", "văn bản"),
    ]
    assert document_labels(docs, width=20) == {
        "000_e38ffd22d5a32227": "Siết chặt kỷ luật… (000)",
        "sport/news_sport_012": "Đội tuyển thắng (sport/news_sport_012)",  # id as written
        "x": "bài x",
        "y": "bài y",
    }
    assert document_labels([Document("a", title="Quyđịnhrấtdàikhôngcódấucách")], width=5) == {
        "a": "Quyđị… (a)"
    }
    with pytest.raises(CorpusError):
        document_labels(["một văn bản"])


def test_count_phrase():
    assert count_phrase(12, 2653, "bài", "dài nhất") == "12 trong 2.653 bài dài nhất"
    assert count_phrase(5, 5, "bài", "dài nhất") == "5 bài"
    assert count_phrase(0, 0, "người", "x") == "0 người"


MENTIONS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "b", "c", "c", "c", "d"],
        "name": ["X", "X", "Y", "Z", "Z", "X", "Y"],
    }
)


def test_mentions_by_article_ranks_articles_and_values():
    shown = mentions_by_article(MENTIONS, column="name", doc_ids=list("abcde"), n_top=2)
    # X has 3 mentions, Y and Z 2 each (ties in name order); every article is kept, the
    # one mentioning most first, ties in corpus order, e (nothing) last.
    assert list(shown.table.columns) == ["X", "Y"]
    assert list(shown.table.index) == ["c", "b", "a", "d", "e"]
    assert shown.table.loc["c"].tolist() == [1, 0]
    assert shown.table.index.name == "doc_id" and shown.table.columns.name == "name"
    assert shown.caption == "5 bài\n2 trong 3 tên được nhắc nhiều nhất"
    labelled = mentions_by_article(
        MENTIONS, column="name", doc_ids=list("abcde"), labels={"c": "Bài C (c)"}, n_articles=1
    )
    assert list(labelled.table.index) == ["Bài C (c)"]
    assert labelled.caption.startswith("1 trong 5 bài nhắc nhiều nhất\n")


@pytest.mark.parametrize(
    "groups",
    [
        ["g1", "g2", "g1", None, "g2"],
        {"a": "g1", "b": "g2", "c": "g1", "e": "g2"},  # d missing: no group
    ],
)
def test_mentions_by_group(groups):
    shown = mentions_by_article(MENTIONS, column="name", doc_ids=list("abcde"), groups=groups)
    assert shown.table.index.name == "group"
    assert shown.table.to_dict("index") == {
        "g1": {"X": 2, "Z": 2, "Y": 0},
        "g2": {"X": 1, "Z": 0, "Y": 1},
        NO_GROUP: {"X": 0, "Z": 0, "Y": 1},
    }
    assert shown.caption.startswith("3 nhóm\n")


def test_mentions_by_article_refuses_misaligned_groups_and_bad_counts():
    with pytest.raises(CorpusError, match="2 labels for 5 documents"):
        mentions_by_article(MENTIONS, column="name", doc_ids=list("abcde"), groups=["a", "b"])
    with pytest.raises(CorpusError, match="n_articles"):
        mentions_by_article(MENTIONS, column="name", doc_ids=["a"], n_articles=0)


def test_mentions_by_article_in_english():
    shown = mentions_by_article(
        MENTIONS, column="name", doc_ids=list("abcde"), n_top=2, n_articles=1, lang="en"
    )
    assert shown.caption == "1 of 5 articles mentioning most\n2 of 3 names mentioned most"
    people = mentions_by_article(
        MENTIONS, column="name", doc_ids=list("abcde"), noun="people", lang="en"
    )
    assert people.caption == "5 articles\n3 people"
    grouped = mentions_by_article(
        MENTIONS, column="name", doc_ids=list("abcde"), groups=["g1", "g2", "g1", None, "g2"],
        lang="en",
    )  # fmt: skip
    # the name every stage gives documents without a group (was "(unknown)" here alone)
    assert list(grouped.table.index) == ["g1", "g2", "(none)"]
    assert grouped.caption.startswith("3 groups\n")
    with pytest.raises(CorpusError, match="lang"):
        mentions_by_article(MENTIONS, column="name", doc_ids=list("abcde"), lang="fr")


def test_count_phrase_in_english():
    assert count_phrase(12, 2653, "people", "with most links", lang="en") == (
        "12 of 2,653 people with most links"
    )
    assert count_phrase(2653, 2653, "people", "x", lang="en") == "2,653 people"


def test_mentions_by_article_of_nothing():
    shown = mentions_by_article(MENTIONS.iloc[:0], column="name", doc_ids=["a", "b"])
    assert shown.table.shape == (2, 0)
    assert shown.caption == "2 bài\n0 tên"


def test_top_nodes():
    edges = pd.DataFrame(
        {
            "source": ["A", "A", "B", "C", "E"],
            "target": ["B", "C", "C", "D", "F"],
            "weight": [2, 1, 1, 1, 1],
        }
    )
    # weighted degrees: A 3, B 3, C 3, D 1, E 1, F 1
    shown = top_nodes(edges, n_top=3)
    assert shown.table[["source", "target"]].values.tolist() == [["A", "B"], ["A", "C"], ["B", "C"]]
    assert shown.caption == "3 trong 6 người có nhiều liên kết nhất"
    # D is kept by its name (ties), but its only edge leads to C... which is kept too.
    assert top_nodes(edges, n_top=4).caption == "4 trong 6 người có nhiều liên kết nhất"
    # E is fifth; its only edge leads to F, left out: E is not drawn nor counted.
    assert top_nodes(edges, n_top=5).caption == "4 trong 6 người có nhiều liên kết nhất"
    assert top_nodes(edges, n_top=6).caption == "6 người"
    assert top_nodes(edges.iloc[:0]).caption == "0 người"
    assert top_nodes(edges, n_top=3, lang="en").caption == "3 of 6 people with most links"
    assert top_nodes(edges, n_top=6, noun="names", lang="en").caption == "6 names"


def test_figures_of_300_articles_are_bounded(corpus_300):
    """What notebook 05 draws from a corpus of 300 articles: at most 12 rows."""
    doc_ids = [doc.doc_id for doc in corpus_300]
    labels = document_labels(corpus_300)
    people = find_people(corpus_300, use_ner=False, progress=False)
    assert people["doc_id"].nunique() > 12
    shown = mentions_by_article(
        people, column="name", doc_ids=doc_ids, labels=labels, n_top=8, noun="người"
    )
    assert shown.table.shape == (12, 5)  # 5 people in the sentences
    assert all(label.endswith(")") and "Bài số" in label for label in shown.table.index)
    assert shown.caption == "12 trong 300 bài nhắc nhiều nhất\n5 người"
    groups = [doc.metadata["category"] for doc in corpus_300]
    by_group = mentions_by_article(people, column="name", doc_ids=doc_ids, groups=groups)
    assert sorted(by_group.table.index) == sorted(["a", "b", "c", "d", NO_GROUP])
    assert by_group.table.to_numpy().sum() == len(people)  # no mention lost
    cited = find_references(corpus_300)
    assert len(mentions_by_article(cited, column="reference_id", doc_ids=doc_ids).table) == 12
    network = top_nodes(co_mentions(people), n_top=4)
    assert len(set(network.table["source"]) | set(network.table["target"])) <= 4
    overlap = strongest_overlaps(corpus_300, labels=labels)
    assert overlap.table.shape == (12, 12)
