"""Bar charts: top terms (whole words, largest first, one panel per group), grouped bars."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from corpus_tools.errors import FigureError
from corpus_tools.plots import plot_grouped_bars, plot_term_bars


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
    assert fig.get_suptitle() == "Theo văn bản"


def test_term_bars_hide_the_spare_panels_of_the_grid(frequencies):
    table = pd.concat([frequencies, frequencies.assign(doc_id="002")])
    fig = plot_term_bars(table, group="doc_id", ncols=2)
    assert [ax.get_visible() for ax in fig.axes] == [True, True, True, False]
    width, height = fig.get_size_inches()
    assert width == 6.3 and height <= 9.0  # the page's width; height from the bars


def test_term_bars_draw_into_the_given_axes(frequencies):
    fig = Figure()
    ax = fig.subplots()
    assert (
        plot_term_bars(frequencies, n_top=4, title="Từ nhiều nhất", xlabel="số lần", ax=ax) is fig
    )
    assert fig.axes == [ax]
    assert len(ax.patches) == 4
    assert ax.get_title() == "Từ nhiều nhất"
    assert ax.get_xlabel() == "số lần"
    assert fig.get_suptitle() == ""


def test_term_bars_by_group_draw_one_group_per_given_axes(frequencies):
    fig = Figure()
    grid = fig.subplots(1, 3)
    assert plot_term_bars(frequencies, group="doc_id", title="Theo văn bản", ax=grid) is fig
    assert [ax.get_title() for ax in grid[:2]] == ["000", "001"]
    assert [len(ax.patches) for ax in grid[:2]] == [3, 2]
    assert not grid[2].get_visible()
    assert fig.get_suptitle() == "Theo văn bản"


def test_term_bars_by_group_put_the_title_on_the_subfigure(frequencies):
    fig = Figure()
    left, right = fig.subfigures(1, 2)
    plot_term_bars(frequencies, group="doc_id", title="Theo văn bản", ax=right.subplots(2, 1))
    assert right.get_suptitle() == "Theo văn bản"
    assert fig.get_suptitle() == left.get_suptitle() == ""


def test_term_bars_by_group_need_an_axes_per_group(frequencies):
    with pytest.raises(FigureError, match="2 panels but ax holds 1 Axes"):
        plot_term_bars(frequencies, group="doc_id", ax=Figure().subplots())


def test_grouped_bars_labels():
    table = pd.DataFrame({"âm tiết": [10, 8], "từ": [7, 6]}, index=["000", "001"])
    fig = plot_grouped_bars(
        table, columns=["âm tiết", "từ"], ylabel="số lượng", orientation="vertical"
    )
    assert len(fig.axes[0].patches) == 4
    assert fig.axes[0].get_ylabel() == "số lượng"


def test_grouped_bars_legend_only_for_two_or_more_columns():
    table = pd.DataFrame({"syllables": [10, 8], "words": [7, 6]}, index=["000", "001"])
    fig = plot_grouped_bars(table, columns=["syllables", "words"], labels=["âm tiết", "từ"])
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["âm tiết", "từ"]
    assert plot_grouped_bars(table, columns=["words"]).axes[0].get_legend() is None


def test_grouped_bars_draw_into_the_given_axes():
    table = pd.DataFrame({"âm tiết": [10, 8, 5], "từ": [7, 6, 4]}, index=["000", "001", "002"])
    fig = Figure()
    ax = fig.subplots()
    result = plot_grouped_bars(
        table, columns=["âm tiết", "từ"], title="Độ dài", orientation="vertical", ax=ax
    )
    assert result is fig
    assert len(ax.patches) == 6
    assert ax.get_title() == "Độ dài"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["000", "001", "002"]


def test_grouped_bars_are_horizontal_one_row_per_document_named_by_title():
    table = pd.DataFrame(
        {"syllables": [10, 8], "words": [7, 6]}, index=["000_e38ffd22d5a32227", "b"]
    )
    names = {"000_e38ffd22d5a32227": "Siết chặt kỷ luật… (000)"}
    fig = plot_grouped_bars(
        table, columns=["syllables", "words"], value_label="số lượng", names=names
    )
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Siết chặt kỷ luật… (000)", "b"]
    assert ax.get_xlabel() == "số lượng"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["âm tiết", "từ"]
    english = plot_grouped_bars(table, columns=["syllables", "words"], lang="en")
    assert [t.get_text() for t in english.axes[0].get_legend().get_texts()] == [
        "syllables",
        "words",
    ]
    assert english.get_size_inches()[0] == 6.3


def test_grouped_bars_take_value_label_or_ylabel_not_both():
    table = pd.DataFrame({"words": [7, 6]}, index=["a", "b"])
    assert plot_grouped_bars(table, columns=["words"], ylabel="từ").axes[0].get_xlabel() == "từ"
    with pytest.raises(FigureError, match="not both"):
        plot_grouped_bars(table, columns=["words"], ylabel="từ", value_label="từ")


def test_grouped_bars_refuse_more_rows_than_max_panels():
    table = pd.DataFrame({"words": range(13)}, index=[f"{i:03d}" for i in range(13)])
    with pytest.raises(FigureError, match=r"13 rows of bars do not fit a page: .* at most 12"):
        plot_grouped_bars(table, columns=["words"])


def test_term_bars_refuse_more_groups_than_max_panels(frequencies):
    table = pd.concat([frequencies.assign(doc_id=f"{i:03d}") for i in range(13)])
    with pytest.raises(FigureError, match=r"13 groups of bars .* at most 12"):
        plot_term_bars(table, group="doc_id")


def test_term_bars_refuse_more_bars_than_fit_a_page():
    table = pd.DataFrame({"term": [f"từ {i}" for i in range(70)], "count": range(70, 0, -1)})
    with pytest.raises(FigureError, match=r"lower n_top \(at most \d+ here\)"):
        plot_term_bars(table, n_top=70)
    assert plot_term_bars(table, n_top=40).get_size_inches()[1] <= 9.0


def test_term_bars_name_groups_and_draw_the_subtitle(frequencies):
    names = {"000": "Siết chặt kỷ luật… (000)"}
    fig = plot_term_bars(
        frequencies, group="doc_id", title="Theo bài", subtitle="2 bài · từ", names=names
    )
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["Siết chặt kỷ luật… (000)", "001"]
    assert fig.get_suptitle().startswith("Theo bài\n")  # blank lines the subtitle fills
    assert [a.get_text() for a in fig.artists] == ["2 bài · từ"]
    single = plot_term_bars(frequencies, title="Từ", subtitle="2 bài")
    assert single.axes[0].get_title() == "Từ"
    assert [t.get_text() for t in single.axes[0].texts] == ["2 bài"]


@pytest.mark.parametrize(
    ("lang", "titles", "xlabel"),
    [("vi", ["từ", "âm tiết"], "số lần"), ("en", ["word", "syllable"], "count")],
)
def test_term_bars_show_levels_and_the_value_axis_in_the_language(lang, titles, xlabel):
    table = pd.DataFrame(
        {
            "level": ["word", "word", "syllable"],
            "term": ["cán bộ", "Đảng", "cán"],
            "count": [3, 2, 4],
        }
    )
    fig = plot_term_bars(table, group="level", lang=lang)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == titles
    assert {ax.get_xlabel() for ax in visible} == {xlabel}


def test_term_bars_in_narrow_panels_keep_their_value_labels_apart(frequencies):
    table = pd.concat([frequencies.assign(doc_id=f"{i:03d}", count=lambda t: t["count"] / 7)
                       for i in range(12)])  # fmt: skip
    fig = plot_term_bars(table, group="doc_id")
    for ax in fig.axes:
        labels = [t.get_text() for t in ax.get_xticklabels()]
        assert all(len(label) <= 5 for label in labels)  # "0.5", not "0.500"


def test_a_panel_of_the_group_without_a_value_is_named_in_the_figures_language():
    table = pd.DataFrame({"group": ["sport", "(không có)"], "term": ["bóng_đá", "cán_bộ"],
                          "count": [3, 2]})  # fmt: skip
    fig = plot_term_bars(table, group="group", lang="en")
    titles = [ax.get_title(loc="right") or ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert "(none)" in titles and "(không có)" not in titles
