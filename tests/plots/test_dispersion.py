"""Dispersion: the x-ray of terms in at most 12 articles, and the top words' spread."""

from __future__ import annotations

import pytest

from corpus_tools.errors import FigureError
from corpus_tools.features import term_frequencies, term_positions
from corpus_tools.plots import plot_term_spread, plot_xray

from .page import assert_fits_page


def test_xray_rows_are_the_articles_with_most_occurrences_rule_in_the_title():
    docs = {f"bài_{i:03d}": ["cán_bộ", "họp"] * (i % 7) + ["đảng"] * (i % 3) for i in range(300)}
    positions = term_positions(docs, ["cán bộ", "đảng"])
    labels = {doc_id: f"{doc_id} · Tiêu đề bài báo" for doc_id in docs}
    fig = plot_xray(positions, labels=labels, n_documents=300, title="Vị trí")
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    # most occurrences: i % 7 == 6 and i % 3 == 2, first at i = 20 (8 matches)
    assert len(names) == 12 and names[0] == "bài_020 · Tiêu đề bài báo"
    assert ax.get_title() == "Vị trí\n12 bài có nhiều lần xuất hiện nhất trong 300 bài"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["cán bộ", "đảng"]
    assert_fits_page(fig)


def test_xray_keeps_the_given_term_order_and_limits():
    positions = term_positions({"a": ["đảng", "cán_bộ"]}, ["cán bộ", "đảng"])
    fig = plot_xray(positions, terms=["đảng", "cán bộ", "chạy chức"])
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["đảng", "cán bộ", "chạy chức"]
    assert fig.axes[0].get_title() == "cả 1 bài, xếp theo số lần xuất hiện"
    with pytest.raises(FigureError, match="at most 12"):
        plot_xray(positions, n_top=13)
    with pytest.raises(FigureError, match="at most 6"):
        plot_xray(positions, terms=[f"từ {i}" for i in range(7)])
    empty = term_positions({"a": ["họp"]}, ["cán bộ"])
    assert plot_xray(empty).axes[0].texts[0].get_text() == "không có từ nào được tìm thấy"


def test_term_spread_colours_by_dispersion_with_a_legend():
    docs = [["cán_bộ", "cán_bộ", "đảng"], ["cán_bộ", "họp"], ["đảng", "họp"]] * 3 + [["ở"] * 9]
    table = term_frequencies(docs)
    fig = plot_term_spread(table, n_top=3, title="Từ và độ phân tán")
    ax = fig.axes[0]
    # cán bộ and ở both occur 9 times (token order breaks the tie); ở is in one article
    assert [t.get_text() for t in ax.get_yticklabels()] == ["cán bộ", "ở", "họp"]
    dp = table.set_index("token").loc["ở", "dp"]
    assert dp > 0.6 and ax.texts[1].get_text() == f" DP {dp:.2f} · 1 bài"
    colours = [tuple(p.get_facecolor()) for p in ax.patches]
    assert colours[0] != colours[1]  # spread evenly against concentrated
    assert ax.get_legend().get_title().get_text() == "độ phân tán (Gries DP)"
    assert_fits_page(fig)
