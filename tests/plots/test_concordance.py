"""The concordance figure: the first lines of each term, key word centred."""

from __future__ import annotations

from corpus_tools.features import concordance, kwic
from corpus_tools.plots import plot_concordance

from .page import assert_fits_page

LONG = ["Ban_Chấp_hành", "Trung_ương", "đã", "nhiều", "lần", "nhấn_mạnh", "phải", "kiên_quyết"]


def test_concordance_lines_are_grouped_by_term_and_cut_at_words():
    docs = {
        f"news_politics_{i:03d}": LONG + ["chống", "chạy_chức", ",", "chạy_quyền"] + LONG
        for i in range(30)
    }
    table = concordance(docs, ["chạy chức", "Trung ương"], window=10)
    fig = plot_concordance(table, n_top=4, title="Ngữ cảnh")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts[0] == "chạy chức — 30 lần trong 30 bài"
    assert "…olitics_000" in texts  # long ids keep their end, with their "_"
    lefts = [t for t in texts if t.startswith("…") and t.endswith("chống")]
    assert lefts and all(" " in t[1:3] or t[1].isalpha() for t in lefts)
    assert sum(t == "chạy chức" for t in texts) == 4
    assert_fits_page(fig)


def test_concordance_of_one_term_without_query_column():
    table = kwic([["chống", "chạy_chức"]], "chạy chức")
    fig = plot_concordance(table)
    assert [t.get_text() for t in fig.axes[0].texts] == ["0", "chống", "chạy chức", ""]


def test_concordance_without_lines():
    fig = plot_concordance(concordance([["họp"]], ["cán bộ"]), title="Ngữ cảnh")
    assert fig.axes[0].texts[0].get_text() == "không tìm thấy từ nào"
