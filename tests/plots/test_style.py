"""House style and shared helpers: fonts, labels, global settings, Axes handling."""

from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from corpus_tools.errors import FigureError
from corpus_tools.plots import (
    font_path,
    plot_heatmap,
    plot_network,
    plot_term_bars,
    plot_wordclouds,
    save_figure,
)
from corpus_tools.plots.style import (
    display_label,
    draw_message,
    figure_of,
    grid_shape,
    panel_axes,
    single_axes,
)

# Every Vietnamese letter, both cases, all tones.
VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


def test_plotting_leaves_global_settings_alone(frequencies):
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


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ban_Tổ_chức_Trung_ương", "Ban Tổ chức Trung ương"),
        ("Hà Nội", "Hà Nội"),
        ("000_e38ffd22d5a32227", "000"),
        ("000_abc", "000 abc"),  # too short to be a hash: an ordinary token
        ("_", "_"),
        (3, "3"),
        ("", ""),
    ],
)
def test_display_label(value, expected):
    assert display_label(value) == expected


@pytest.mark.parametrize(
    ("n_panels", "ncols", "expected"),
    [
        (1, 3, (1, 1)),
        (2, 3, (1, 2)),
        (3, 3, (1, 3)),
        (5, 3, (2, 3)),
        (7, 2, (4, 2)),
        (4, 0, (4, 1)),
    ],
)
def test_grid_shape(n_panels, ncols, expected):
    assert grid_shape(n_panels, ncols) == expected


def test_empty_tables_draw_a_figure_that_says_so():
    for fig in (
        plot_network(pd.DataFrame(columns=["source", "target", "weight"])),
        plot_heatmap(pd.DataFrame()),
        plot_term_bars(pd.DataFrame(columns=["term", "count"])),
        plot_wordclouds({}),
    ):
        assert "không có" in fig.axes[0].texts[0].get_text()


def test_empty_data_draws_the_message_into_the_given_axes():
    fig = Figure()
    first, second = fig.subplots(1, 2)
    assert plot_term_bars(pd.DataFrame(columns=["term", "count"]), ax=[first, second]) is fig
    assert "không có" in first.texts[0].get_text()
    assert not second.get_visible()
    fig = Figure()
    ax = fig.subplots()
    assert plot_heatmap(pd.DataFrame(), title="Trống", ax=ax) is fig
    assert ax.get_title() == "Trống"
    assert len(fig.axes) == 1  # no colour bar


def test_draw_message_makes_a_small_figure_without_axes():
    fig = draw_message(None, "không có dữ liệu để vẽ", title=None)
    assert tuple(fig.get_size_inches()) == (5.0, 2.0)
    assert fig.axes[0].get_title() == ""
    assert not fig.axes[0].axison


def test_single_axes_makes_a_figure_or_takes_the_given_axes():
    made = single_axes(None, figsize=(3.0, 2.0))
    assert tuple(figure_of(made).get_size_inches()) == (3.0, 2.0)
    given = Figure().subplots()
    assert single_axes(given, figsize=(3.0, 2.0)) is given
    with pytest.raises(TypeError, match="Axes"):
        single_axes(Figure(), figsize=(3.0, 2.0))


def test_panel_axes_takes_axes_row_major_and_hides_spares():
    fig = Figure()
    grid = fig.subplots(2, 2)
    axes = panel_axes(grid, 3, shape=(1, 1), figsize=(1.0, 1.0))
    assert axes == [grid[0, 0], grid[0, 1], grid[1, 0]]
    assert [ax.get_visible() for ax in grid.ravel()] == [True, True, True, False]
    new = panel_axes(None, 5, shape=(2, 3), figsize=(6.0, 4.0))
    assert len(new) == 5
    assert [ax.get_visible() for ax in figure_of(new[0]).axes] == [True] * 5 + [False]


def test_panel_axes_rejects_too_few_axes_or_other_objects():
    fig = Figure()
    with pytest.raises(FigureError, match="3 panels but ax holds 2 Axes"):
        panel_axes(fig.subplots(1, 2), 3, shape=(1, 3), figsize=(1.0, 1.0))
    with pytest.raises(ValueError):  # FigureError is a ValueError
        panel_axes(Figure().subplots(), 2, shape=(1, 2), figsize=(1.0, 1.0))
    with pytest.raises(TypeError, match="Figure"):
        panel_axes([fig], 1, shape=(1, 1), figsize=(1.0, 1.0))


def test_figure_of_finds_the_top_figure_through_subfigures():
    fig = Figure()
    outer = fig.subfigures(1, 2)[1]
    inner = outer.subfigures(2, 1)[0]
    ax = inner.subplots()
    assert figure_of(ax) is fig
    assert figure_of(fig.subplots()) is fig


def test_panel_axes_accepts_a_nested_list():
    fig = Figure()
    a, b = fig.subplots(1, 2)
    assert panel_axes([[a], [b]], 2, shape=(1, 1), figsize=(1.0, 1.0)) == [a, b]
    assert np.all([ax.get_visible() for ax in (a, b)])


def test_house_style_keeps_svg_text_as_text_and_sizes_for_print():
    from corpus_tools.plots import STYLE

    assert STYLE["svg.fonttype"] == "none"
    sizes = [v for k, v in STYLE.items() if k.endswith("size") and isinstance(v, (int, float))]
    assert min(sizes) >= 7.5


def test_title_and_subtitle_of_one_axes_are_wrapped_to_the_figure():
    from corpus_tools.plots.style import set_title

    ax = Figure(figsize=(3.0, 2.0)).subplots()
    set_title(ax, "Độ tương đồng giữa các văn bản theo cosine trên TF-IDF", "5 bài · từ")
    assert "\n" in ax.get_title()  # 3 in is too narrow for one line
    assert ax.texts[0].get_text() == "5 bài · từ"
    assert ax.title.get_fontsize() >= 7.5 and ax.texts[0].get_fontsize() >= 7.5


def test_suptitle_keeps_blank_lines_for_its_subtitle():
    from corpus_tools.plots.save import figure_title
    from corpus_tools.plots.style import set_suptitle

    fig = Figure(figsize=(6.3, 3.0), layout="constrained")
    fig.subplots(1, 2)
    set_suptitle(fig, "Theo văn bản", "12 bài dài nhất trong 2.653 bài")
    assert fig.get_suptitle().startswith("Theo văn bản\n")
    assert fig.artists[0].get_text() == "12 bài dài nhất trong 2.653 bài"
    assert figure_title(fig) == "Theo văn bản"  # the caption has no blank lines


@pytest.mark.parametrize(
    ("value", "width", "lines", "expected"),
    [
        ("cán bộ", 2.0, 1, "cán bộ"),
        ("Ban Tổ chức Trung ương hướng dẫn quy hoạch", 1.0, 1, "Ban Tổ chức…"),
        ("Tăng cường siết chặt kỷ luật… (000)", 1.2, 1, "Tăng cường… (000)"),
        ("Tăng cường siết chặt kỷ luật… (000)", 1.2, 2, "Tăng cường siết chặt\nkỷ luật… (000)"),
    ],
)
def test_fit_text_cuts_at_words_and_keeps_the_id(value, width, lines, expected):
    from corpus_tools.plots.wrap import fit_text

    assert fit_text(value, width, size=8, lines=lines) == expected


def test_check_panels_names_the_limit_and_the_way_out():
    from corpus_tools.plots.style import check_panels

    check_panels(12, "panels")
    with pytest.raises(FigureError, match=r"13 panels .* at most 12; .*select_documents"):
        check_panels(13, "panels")
