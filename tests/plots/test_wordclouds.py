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


def test_wordcloud_size_follows_its_pixels():
    fig = plot_wordcloud({"cán_bộ": 2}, width=400, height=300)
    assert tuple(fig.get_size_inches()) == pytest.approx((4.0, 3.0))
    assert fig.axes[0].images[0].get_array().shape[:2] == (300, 400)


def test_wordcloud_draws_into_the_given_axes():
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert plot_wordcloud({"Bộ_Chính_trị": 5, "ở": 1}, title="Mây từ", ax=left) is fig
    assert left.get_title() == "Mây từ"
    assert len(left.images) == 1 and not right.images


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
