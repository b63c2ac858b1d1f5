"""Word clouds: whole words, one panel per group, drawing into given Axes."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from corpus_tools.errors import FigureError
from corpus_tools.plots import font_path, plot_wordcloud, plot_wordclouds


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


def test_wordcloud_draws_words_as_text_never_under_7_5_pt():
    frequencies = {f"từ_{i}": 100 / (i + 1) for i in range(150)}
    fig = plot_wordcloud(frequencies, title="Mây từ")
    ax = fig.axes[0]
    assert tuple(fig.get_size_inches()) == pytest.approx((6.3, 3.8))
    assert not ax.images  # no bitmap: the SVG holds the words as text
    sizes = [t.get_fontsize() for t in ax.texts]
    assert 20 < len(sizes) < 150  # words too small to read are left out
    assert min(sizes) >= 7.5 and max(sizes) <= 36
    assert ax.texts[0].get_text() == "từ 0" and sizes[0] == max(sizes)


def test_wordcloud_draws_into_the_given_axes():
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert plot_wordcloud({"Bộ_Chính_trị": 5, "ở": 1}, title="Mây từ", ax=left) is fig
    assert left.get_title() == "Mây từ"
    assert {t.get_text() for t in left.texts} == {"Bộ Chính trị", "ở"} and not right.texts


def test_wordclouds_draw_one_group_per_given_axes():
    fig = Figure()
    grid = fig.subplots(2, 2)
    groups = {"000": {"chạy_chức": 2}, "001": {"cấp_ủy": 1}, "002": {"cán_bộ": 3}}
    assert plot_wordclouds(groups, title="Mây từ", ax=grid) is fig
    assert [ax.get_title() for ax in grid.ravel()[:3]] == ["000", "001", "002"]
    assert not grid[1, 1].get_visible()
    assert fig.get_suptitle() == "Mây từ"
    with pytest.raises(FigureError, match="3 panels but ax holds 2 Axes"):
        plot_wordclouds(groups, ax=Figure().subplots(1, 2))


def test_wordcloud_words_never_touch():
    """Redraw each word as the figure sets it (2 px per point) and look for shared ink."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    fig = plot_wordcloud({f"từ_{i}": 100 / (i + 1) for i in range(150)}, random_state=3)
    ax = fig.axes[0]
    width, height = (int(2 * limit) + 1 for limit in (ax.get_xlim()[1], ax.get_ylim()[0]))
    drawn = np.zeros((height, width), dtype=bool)
    for text in ax.texts:
        font = ImageFont.truetype(font_path(), round(2 * text.get_fontsize()))
        x, baseline = text.get_position()
        image = Image.new("L", (width, height))
        ImageDraw.Draw(image).text((2 * x, 2 * baseline), text.get_text(), font=font, anchor="ls")
        ink = np.asarray(image) > 0
        assert not (ink & drawn).any(), f"{text.get_text()!r} runs into another word"
        drawn |= ink


def test_wordclouds_refuse_more_than_max_panels_and_name_panels():
    groups = {f"{i:03d}": {"cán_bộ": 1} for i in range(13)}
    with pytest.raises(FigureError, match=r"13 word clouds .* at most 12"):
        plot_wordclouds(groups)
    fig = plot_wordclouds({"000": {"cán_bộ": 2}, "001": {}}, names={"000": "Siết chặt… (000)"})
    first, second = fig.axes
    assert first.get_title() == "Siết chặt… (000)"
    assert [t.get_text() for t in second.texts] == ["không có dữ liệu để vẽ"]
    assert fig.get_size_inches()[0] == 6.3
