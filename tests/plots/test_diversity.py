"""Lexical diversity against length, the measure named, groups in colour."""

from __future__ import annotations

import numpy as np

from corpus_tools.features import lexical_diversity
from corpus_tools.plots import plot_lexical_diversity

from .page import assert_fits_page


def test_diversity_names_the_measure_and_the_short_articles_left_out():
    rng = np.random.default_rng(0)
    words = [f"từ_{i}" for i in range(300)]
    docs = [list(rng.choice(words, size=int(n))) for n in rng.integers(50, 1500, size=300)]
    table = lexical_diversity(docs)
    table["group"] = [f"nhóm {i % 8}" for i in range(300)]
    fig = plot_lexical_diversity(table, group="group", title="Độ đa dạng")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "MATTR (cửa sổ 100 từ)"
    short = int(table["mattr"].isna().sum())
    assert (
        short and ax.get_xlabel() == f"độ dài bài (từ) · {short} bài ngắn hơn 100 từ không được vẽ"
    )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "nhóm khác" and len(legend) == 7
    assert_fits_page(fig)


def test_diversity_mtld_and_nothing_to_draw():
    table = lexical_diversity([["cán_bộ", "họp", "cán_bộ", "bàn"] * 40])
    assert plot_lexical_diversity(table, value="mtld").axes[0].get_ylabel().startswith("MTLD")
    empty = lexical_diversity([["họp"]])
    assert plot_lexical_diversity(empty).axes[0].texts[0].get_text() == "không bài nào đủ dài để đo"
