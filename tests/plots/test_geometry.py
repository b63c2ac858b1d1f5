"""Every figure at report size (issue 13 §1): drawn as the notebooks draw it on the seeds,
and per-document figures on a generated corpus of 300 articles.

Each figure, as saved, must fit an A4 text column: at most 6.3 × 9 in, no text under
7.5 pt, every text inside the figure, no tick labels overlapping. The limits are
checked on the drawn figure (at the PNG's 200 dpi) and again from the saved SVG (its
width and height, the size of each text, the font it names) and PNG (pixels / dpi).
"""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

import corpus_tools as ct
from corpus_tools import plots
from corpus_tools.errors import FigureError

from .report_figures import (
    FIGURE_NAMES,
    figure_problems,
    file_problems,
    generated_corpus,
    report_figures,
    seed_tables,
)


@pytest.fixture(scope="session")
def tables(seed_docs):
    return seed_tables(seed_docs)


@pytest.fixture(scope="session")
def corpus300():
    return generated_corpus(300)


def test_every_figure_kind_is_drawn():
    plotted = {name for name in dir(plots) if name.startswith("plot_")}
    drawn = {
        "plot_grouped_bars",
        "plot_heatmap",
        "plot_term_bars",
        "plot_wordcloud",
        "plot_wordclouds",
        "plot_rank_frequency",
        "plot_choose_k",
        "plot_network",
        "plot_concordance",
        "plot_distribution",
        "plot_keyness",
        "plot_lexical_diversity",
        "plot_links",
        "plot_term_spread",
        "plot_topic_match",
        "plot_topic_prevalence",
        "plot_topic_trends",
        "plot_trends",
        "plot_xray",
        "plot_zipf",
    }
    assert plotted <= drawn, f"add {sorted(plotted - drawn)} to report_figures"


@pytest.mark.slow
def test_the_figure_list_matches_the_builders(tables):
    assert list(report_figures(tables, "vi")) == FIGURE_NAMES


@pytest.mark.slow
@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_seed_figure_fits_the_page(tables, name, tmp_path):
    fig = report_figures(tables, "vi")[name]()
    written = plots.save_figure(fig, name, out_dir=tmp_path)
    assert figure_problems(fig) == []
    assert file_problems(written) == []


def test_the_checks_catch_a_figure_too_wide_with_small_clipped_text(tmp_path):
    fig = Figure(figsize=(8.0, 3.0))
    ax = fig.subplots()
    ax.set_xticks([0, 0.01], labels=["một nhãn dài", "nhãn chồng lên"])
    ax.text(0.9, 0.5, "chữ bị cắt ở mép phải của hình", fontsize=6, transform=fig.transFigure)
    problems = figure_problems(fig)
    assert any("size 8.00" in p for p in problems)
    assert any("6" in p and "pt" in p for p in problems)
    assert any("leaves the figure" in p for p in problems)
    assert any("tick labels overlap" in p for p in problems)
    written = plots.save_figure(fig, "99_bad", out_dir=tmp_path)
    assert any("8.00 × 3.00" in p for p in file_problems(written))
    assert any("at 6.0 pt" in p for p in file_problems(written))


def _by_document(corpus):
    return ct.term_frequencies(corpus["tokens"], by_doc=True)


@pytest.mark.parametrize(
    "draw",
    [
        lambda c: plots.plot_term_bars(_by_document(c), group="doc_id", n_top=5),
        lambda c: plots.plot_wordclouds({d: {"cán_bộ": 1} for d in c["tokens"]}),
        lambda c: plots.plot_grouped_bars(c["documents"].set_index("doc_id"), columns=["words"]),
        lambda c: plots.plot_heatmap(ct.document_similarity(c["tokens"])),
    ],
    ids=["term_bars", "wordclouds", "grouped_bars", "heatmap"],
)
def test_per_document_figures_refuse_300_articles_and_name_the_limit(corpus300, draw):
    with pytest.raises(FigureError, match=r"at most 12; .*select_documents"):
        draw(corpus300)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["term_bars", "wordclouds", "grouped_bars", "heatmap", "network"])
def test_a_selection_of_300_articles_fits_the_page(corpus300, name, tmp_path):
    documents = corpus300["documents"]
    chosen, phrase = plots.select_documents(documents, rule="longest")
    assert len(chosen) == 12 and phrase == "12 bài dài nhất trong 300 bài"
    names = ct.document_labels(documents)
    tokens = {doc_id: corpus300["tokens"][doc_id] for doc_id in chosen}
    if name == "term_bars":
        table = ct.term_frequencies(tokens, by_doc=True)
        fig = plots.plot_term_bars(
            table, group="doc_id", n_top=8, title="Từ nhiều nhất", subtitle=phrase, names=names
        )
    elif name == "wordclouds":
        table = ct.term_frequencies(tokens, by_doc=True)
        per_document = {
            d: dict(zip(p["token"], p["count"], strict=True))
            for d, p in table.groupby("doc_id", sort=False)
        }
        fig = plots.plot_wordclouds(per_document, title="Mây từ", subtitle=phrase, names=names)
    elif name == "grouped_bars":
        lengths = documents.set_index("doc_id").loc[chosen, ["words"]]
        fig = plots.plot_grouped_bars(lengths, columns=["words"], subtitle=phrase, names=names)
    elif name == "heatmap":
        similarity = ct.document_similarity(tokens)
        fig = plots.plot_heatmap(
            similarity, title="Độ tương đồng", subtitle=phrase, mask_diagonal=True, names=names
        )
    else:
        edges = corpus300["edges"]
        fig = plots.plot_network(edges, title="Đồng xuất hiện", n_top=30)
        total = len(set(edges["source"]) | set(edges["target"]))
        assert f"30 trong {total} tên" in fig.axes[0].texts[-1].get_text()
    written = plots.save_figure(fig, f"09_{name}", out_dir=tmp_path)
    assert figure_problems(fig) == []
    assert file_problems(written) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", ["02_top_words_count", "02_wordcloud_corpus", "05_co_mentions"])
def test_saving_a_figure_twice_gives_identical_png_bytes(tables, name, tmp_path):
    for run in ("one", "two"):
        plots.save_figure(report_figures(tables, "vi")[name](), name, out_dir=tmp_path / run)
    for suffix in ("png", "svg"):
        first = (tmp_path / "one" / f"{name}.{suffix}").read_bytes()
        assert first == (tmp_path / "two" / f"{name}.{suffix}").read_bytes()


def test_a_page_of_bars_refuses_more_than_fit(corpus300):
    table = pd.DataFrame({"term": [f"từ {i}" for i in range(80)], "count": range(80, 0, -1)})
    with pytest.raises(FigureError, match="lower n_top"):
        plots.plot_term_bars(table, n_top=80)
