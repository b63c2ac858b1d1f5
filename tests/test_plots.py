"""Figures: what each plot function returns, Vietnamese glyphs, deterministic atomic saving."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from PIL import Image

from corpus_tools.plots import (
    font_path,
    plot_choose_k,
    plot_grouped_bars,
    plot_heatmap,
    plot_network,
    plot_rank_frequency,
    plot_term_bars,
    plot_wordcloud,
    plot_wordclouds,
    save_figure,
)

# Every Vietnamese letter, both cases, all tones.
VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


@pytest.fixture
def frequencies():
    return pd.DataFrame(
        {
            "doc_id": ["000", "000", "000", "001", "001"],
            "token": ["Bộ_Chính_trị", "chạy_chức", "ở", "Ban_Tổ_chức_Trung_ương", "cấp_ủy"],
            "term": ["Bộ Chính trị", "chạy chức", "ở", "Ban Tổ chức Trung ương", "cấp ủy"],
            "count": [5, 3, 1, 4, 2],
        }
    )


def test_term_bars_show_whole_words_largest_first(frequencies):
    fig = plot_term_bars(frequencies, label="token", n_top=2, title="Từ nhiều nhất")
    ax = fig.axes[0]
    assert ax.get_title() == "Từ nhiều nhất"
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Bộ Chính trị",
        "Ban Tổ chức Trung ương",
    ]
    assert len(ax.patches) == 2


def test_term_bars_small_multiples_one_panel_per_group(frequencies):
    fig = plot_term_bars(frequencies, group="doc_id", title="Theo văn bản")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["000", "001"]
    assert [len(ax.patches) for ax in visible] == [3, 2]
    assert fig._suptitle.get_text() == "Theo văn bản"


def test_grouped_bars_and_heatmap_labels():
    table = pd.DataFrame({"âm tiết": [10, 8], "từ": [7, 6]}, index=["000", "001"])
    fig = plot_grouped_bars(table, columns=["âm tiết", "từ"], ylabel="số lượng")
    assert len(fig.axes[0].patches) == 4
    assert fig.axes[0].get_ylabel() == "số lượng"
    matrix = pd.DataFrame([[0.5, 0.1]], index=["000"], columns=["chạy_chức", "cấp_ủy"])
    fig = plot_heatmap(matrix, title="TF-IDF")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["chạy chức", "cấp ủy"]


def test_rank_frequency_is_log_log():
    fig = plot_rank_frequency(pd.Series([9, 5, 3, 2, 1]))
    assert fig.axes[0].get_xscale() == fig.axes[0].get_yscale() == "log"


def test_choose_k_marks_the_recommended_k():
    table = pd.DataFrame(
        {
            "k": [2, 3],
            "coherence": [0.1, 0.2],
            "coherence_sd": [0, 0],
            "stability": [1.0, 0.9],
            "recommended": [False, True],
        }
    )
    fig = plot_choose_k(table)
    assert [line.get_xdata()[0] for line in fig.axes[0].lines if line.get_linestyle() == "--"] == [
        3
    ]


def test_plotting_leaves_global_settings_alone(frequencies):
    import matplotlib

    before = dict(matplotlib.rcParams)
    plot_term_bars(frequencies)
    assert dict(matplotlib.rcParams) == before


def test_every_vietnamese_glyph_renders(tmp_path):
    letters = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper()
    rows = [letters[i : i + 34] for i in range(0, len(letters), 34)]
    table = pd.DataFrame({"term": rows, "count": range(len(rows), 0, -1)})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font"
        fig = plot_term_bars(table, title=VIETNAMESE_LETTERS.upper()[:50])
        save_figure(fig, "99_glyphs", out_dir=tmp_path)


def test_wordcloud_font_covers_vietnamese():
    from fontTools.ttLib import TTFont

    cmap = TTFont(font_path()).getBestCmap()
    missing = [c for c in VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() if ord(c) not in cmap]
    assert missing == []


def test_wordcloud_shows_words_whole():
    from wordcloud import WordCloud

    layout = (
        WordCloud(random_state=0, font_path=font_path())
        .generate_from_frequencies({"Ban Tổ chức Trung ương": 3.0, "cấp ủy": 1.0})
        .layout_
    )
    assert {entry[0][0] for entry in layout} == {"Ban Tổ chức Trung ương", "cấp ủy"}
    fig = plot_wordclouds({"000": {"chạy_chức": 2}, "001": {"cấp_ủy": 1}}, title="Mây từ")
    assert [ax.get_title() for ax in fig.axes if ax.get_visible()] == ["000", "001"]


def test_save_figure_writes_png_svg_csv(tmp_path, frequencies):
    fig = plot_term_bars(frequencies, title="Từ nhiều nhất")
    written = save_figure(fig, "02_top_words", table=frequencies, out_dir=tmp_path)
    assert [p.name for p in written] == ["02_top_words.png", "02_top_words.svg", "02_top_words.csv"]
    with Image.open(tmp_path / "02_top_words.png") as image:
        assert image.text["Description"] == "Từ nhiều nhất"
        assert "Software" not in image.text
        assert round(image.info["dpi"][0]) == 200
    csv_bytes = (tmp_path / "02_top_words.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")  # BOM, for spreadsheet programs
    assert "Ban Tổ chức Trung ương" in csv_bytes.decode("utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in written
    )  # no temp files


@pytest.mark.parametrize(
    "make",
    [
        lambda: plot_term_bars(pd.DataFrame({"term": ["cán bộ", "ở"], "count": [2, 1]})),
        lambda: plot_wordcloud({"Bộ_Chính_trị": 5, "cán_bộ": 3, "ở": 1}, random_state=0),
    ],
    ids=["bars", "wordcloud"],
)
def test_saving_twice_gives_identical_bytes(tmp_path, make):
    save_figure(make(), "01_a", out_dir=tmp_path / "one")
    save_figure(make(), "01_a", out_dir=tmp_path / "two")
    for suffix in ("png", "svg"):
        assert (tmp_path / "one" / f"01_a.{suffix}").read_bytes() == (
            tmp_path / "two" / f"01_a.{suffix}"
        ).read_bytes()


def test_save_figure_rejects_a_name_without_notebook_number(tmp_path, frequencies):
    with pytest.raises(ValueError, match="02_top_words"):
        save_figure(plot_term_bars(frequencies), "top words", out_dir=tmp_path)


def test_save_figure_defaults_to_the_figures_variable(tmp_path, monkeypatch, frequencies):
    monkeypatch.setenv("CORPUS_TOOLS_FIGURES_DIR", str(tmp_path / "hinh"))
    save_figure(plot_term_bars(frequencies), "02_x")
    assert (tmp_path / "hinh" / "02_x.png").exists()


def test_network_one_node_per_name_one_line_per_pair():
    edges = pd.DataFrame(
        {"source": ["Trương Thị Mai", "Trương Thị Mai", "Ngô Thanh Danh"],
         "target": ["Mai Văn Chính", "Phạm Minh Chính", "Nguyễn Đức Nguyên"], "weight": [2, 1, 1]}
    )  # fmt: skip
    fig = plot_network(edges, title="Đồng xuất hiện")
    ax = fig.axes[0]
    assert len(ax.lines) == 3
    assert len(ax.collections) == 5  # one marker per person
    assert {t.get_text() for t in ax.texts} == set(edges["source"]) | set(edges["target"])


def test_empty_tables_draw_a_figure_that_says_so():
    for fig in (
        plot_network(pd.DataFrame(columns=["source", "target", "weight"])),
        plot_heatmap(pd.DataFrame()),
        plot_term_bars(pd.DataFrame(columns=["term", "count"])),
    ):
        assert "không có" in fig.axes[0].texts[0].get_text()
