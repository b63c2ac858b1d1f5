"""Names for articles (a short title with the id) and topics (their top words)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import Document
from corpus_tools.plots import document_label, document_labels, topic_labels

TITLE = (
    "Tăng cường siết chặt kỷ luật, kỷ cương trong công tác cán bộ, góp phần đấu tranh "
    "ngăn chặn, đẩy lùi tình trạng chạy chức, chạy quyền"
)


@pytest.mark.parametrize(
    ("doc_id", "title", "kwargs", "expected"),
    [
        ("000_e38ffd22d5a32227", TITLE, {}, "Tăng cường siết chặt kỷ luật… (000)"),
        ("000_e38ffd22d5a32227", TITLE, {"width": 12}, "Tăng cường… (000)"),
        ("a", "Hội nghị Trung ương", {}, "Hội nghị Trung ương (a)"),  # short: kept whole
        ("003_74790746ce20f72d", None, {}, "bài 003"),
        ("003_74790746ce20f72d", "  ", {"lang": "en"}, "article 003"),
        ("b", "Siêuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuudài", {"width": 10}, "Siêuuuuuu… (b)"),
        ("c", "Hội  nghị\ncán bộ", {}, "Hội nghị cán bộ (c)"),
    ],
)
def test_document_label(doc_id, title, kwargs, expected):
    assert document_label(doc_id, title, **kwargs) == expected


def test_document_labels_from_documents_or_a_table():
    docs = [Document("000_e38ffd22d5a32227", title=TITLE), Document("001", title=None)]
    expected = {"000_e38ffd22d5a32227": "Tăng cường siết chặt kỷ luật… (000)", "001": "bài 001"}
    assert document_labels(docs) == expected
    table = pd.DataFrame({"doc_id": [d.doc_id for d in docs], "title": [TITLE, float("nan")]})
    assert document_labels(table) == expected
    assert document_labels(docs, lang="en")["001"] == "article 001"


def test_every_label_of_the_seeds_names_its_article(seed_docs):
    labels = document_labels(seed_docs)
    assert len(set(labels.values())) == len(seed_docs)
    for doc in seed_docs:
        assert labels[doc.doc_id].endswith(f"{doc.doc_id[:3]})") or labels[doc.doc_id] == (
            f"bài {doc.doc_id[:3]}"
        )
        assert len(labels[doc.doc_id]) <= 30 + len(" (000)") + 1


def test_topic_labels_name_topics_by_their_top_three_words():
    terms = pd.DataFrame(
        {
            "topic": [0, 0, 0, 0, 1, 1],
            "term": ["cán bộ", "kỷ luật", "chạy chức", "ở", "đại hội", "Đảng"],
        }
    )
    assert topic_labels(terms) == {
        0: "Chủ đề 1: cán bộ, kỷ luật, chạy chức",
        1: "Chủ đề 2: đại hội, Đảng",
    }
    assert topic_labels(terms, n_words=1, lang="en", number_from=0) == {
        0: "Topic 0: cán bộ",
        1: "Topic 1: đại hội",
    }
    tokens = terms.assign(term=["cán_bộ", "kỷ_luật", "chạy_chức", "ở", "đại_hội", "Đảng"])
    assert topic_labels(tokens)[0] == "Chủ đề 1: cán bộ, kỷ luật, chạy chức"
