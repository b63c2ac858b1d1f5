"""Topic prevalence figures: per group and over time, within the page's limits."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from corpus_tools.errors import FigureError
from corpus_tools.plots import plot_topic_match, plot_topic_prevalence, plot_topic_trends
from corpus_tools.plots.style import MAX_HEIGHT, MAX_PANELS, MIN_FONT_SIZE, PAGE_WIDTH
from corpus_tools.plots.topics import MAX_GROUPS, MAX_PAIRS, wrap_name


def _prevalence(groups: list[str], k: int, *, seed: int = 0, documents=None) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    shares = rng.dirichlet(np.ones(k), size=len(groups))
    table = pd.DataFrame(shares, index=pd.Index(groups, name="group"))
    table.insert(0, "documents", documents if documents is not None else [3] * len(groups))
    return table


NAMES = [f"{i}. Ban Chấp hành Trung ương, công tác cán bộ, Đại hội" for i in range(1, 16)]
MONTHS = [f"{year}-{month:02d}" for year in (2020, 2021) for month in range(1, 13)]


def _check_page(fig) -> None:
    """Within 6.3 × 9 in, no text under 7.5 pt, every text inside the figure."""
    width, height = fig.get_size_inches()
    assert width <= PAGE_WIDTH + 1e-9 and height <= MAX_HEIGHT + 1e-9
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    box = fig.bbox
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        assert text.get_fontsize() >= MIN_FONT_SIZE, text.get_text()
        extent = text.get_window_extent(renderer)
        inside = (
            extent.x0 >= box.x0 - 1
            and extent.x1 <= box.x1 + 1
            and extent.y0 >= box.y0 - 1
            and extent.y1 <= box.y1 + 1
        )
        assert inside, text.get_text()


@pytest.mark.parametrize(("n_groups", "k"), [(3, 2), (10, 10), (24, 15), (45, 6)])
def test_prevalence_heatmap_fits_the_page(n_groups, k):
    groups = (MONTHS * 2)[:n_groups] if n_groups > 24 else MONTHS[:n_groups]
    groups = [f"{g}/{i}" for i, g in enumerate(groups)]
    fig = plot_topic_prevalence(
        _prevalence(groups, k), names=NAMES[:k], title="Tỷ trọng chủ đề theo chuyên mục"
    )
    _check_page(fig)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == k
    assert len(ax.get_xticklabels()) == min(n_groups, MAX_GROUPS)


def test_prevalence_heatmap_labels_and_cells():
    table = _prevalence(["thời sự", "thể thao"], 2, documents=[120, 7])
    fig = plot_topic_prevalence(table, names=["1. cán bộ, đảng", "2. cầu thủ, sân"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["thời sự (120)", "thể thao (7)"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1. cán bộ, đảng", "2. cầu thủ, sân"]
    image = ax.images[0].get_array()
    np.testing.assert_allclose(image, table.drop(columns="documents").to_numpy().T)
    cells = sorted(t.get_text() for t in ax.texts)
    expected = sorted(f"{100 * v:.0f}" for v in table.drop(columns="documents").to_numpy().ravel())
    assert cells == expected


def test_prevalence_heatmap_without_counts():
    table = _prevalence(["Siết chặt kỷ luật (000)", "Hội nghị (001)"], 2, documents=[1, 1])
    fig = plot_topic_prevalence(table, counts=False)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == ["Siết chặt kỷ luật (000)", "Hội nghị (001)"]


def test_prevalence_heatmap_keeps_the_largest_groups_and_says_so():
    groups = [f"nhóm {i}" for i in range(40)]
    table = _prevalence(groups, 3, documents=list(range(1, 41)))
    fig = plot_topic_prevalence(table, title="Chủ đề theo nhóm")
    ax = fig.axes[0]
    shown = [t.get_text() for t in ax.get_xticklabels()]
    assert shown[0] == "nhóm 10 (11)" and shown[-1] == "nhóm 39 (40)"  # in their order
    assert len(shown) == MAX_GROUPS
    assert f"({MAX_GROUPS} nhóm nhiều bài nhất trong 40)" in ax.get_title()
    assert not ax.texts  # too many cells to write numbers in
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1", "2", "3"]  # default names


@pytest.mark.parametrize("k", [2, 5, 12, 15])
def test_trends_fit_the_page(k):
    table = _prevalence(MONTHS, k, documents=[2, *range(10, 33)])
    fig = plot_topic_trends(table, names=NAMES[:k], title="Chủ đề theo tháng")
    _check_page(fig)
    assert len(fig.axes) == 1 + min(k, MAX_PANELS)


def test_trends_panels_counts_and_small_periods():
    table = _prevalence(["2020-01", "2020-02", "2020-03", "(không có)"], 3, documents=[4, 9, 6, 5])
    fig = plot_topic_trends(table, names=["1. a", "2. b", "3. c"])
    top, *panels = fig.axes
    assert [bar.get_height() for bar in top.patches] == [4, 9, 6]  # undated left out
    assert "19 bài; 5 bài không có ngày, không vẽ" in top.get_title(loc="left")
    assert [p.get_title(loc="left") for p in panels] == ["1. a", "2. b", "3. c"]
    line = panels[1].lines[0]
    np.testing.assert_allclose(line.get_ydata(), table[1].to_numpy()[:3])
    filled, hollow = panels[0].collections
    assert len(filled.get_offsets()) == 2 and len(hollow.get_offsets()) == 1  # 4 < 5 bài
    assert "○ kỳ có dưới 5 bài" in top.get_title(loc="left")  # the hollow marker explained


def test_trends_keep_the_largest_topics_and_say_so():
    table = _prevalence(MONTHS[:6], 14)
    table[13] = table[13] + 5  # by far the largest topic
    fig = plot_topic_trends(table, title="Theo tháng")
    titles = [ax.get_title(loc="left") for ax in fig.axes[1:]]
    assert "14" in titles and len(titles) == MAX_PANELS
    assert "(12 chủ đề lớn nhất trong 14)" in fig.get_suptitle()


def test_trends_without_dates_say_so():
    fig = plot_topic_trends(_prevalence(["(không có)"], 2, documents=[5]))
    assert fig.axes[0].texts[0].get_text() == "không có bài nào có ngày"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: plot_topic_trends(t.drop(columns="documents")), "no 'documents' column"),
        (lambda t: plot_topic_prevalence(t, names=["a"]), "names has 1 entries for 2 topics"),
    ],
)
def test_topic_plot_errors(call, message):
    with pytest.raises(FigureError, match=message):
        call(_prevalence(MONTHS[:3], 2))


def test_wrap_name_breaks_between_terms():
    assert wrap_name("1. bộ chính trị, cán bộ", 40) == "1. bộ chính trị, cán bộ"
    assert wrap_name("1. bộ chính trị, cán bộ", 16) == "1. bộ chính trị,\ncán bộ"
    assert all(len(line) <= 12 for line in wrap_name("1. Ban Chấp hành Trung ương", 12).split("\n"))


def _match(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "label_a": NAMES[:n] if n <= len(NAMES) else [f"{i}. cán bộ" for i in range(n)],
            "label_b": [f"{i}. Ủy viên Trung ương Đảng, tỉnh, khóa" for i in range(n)],
            "similarity": rng.uniform(0.05, 0.95, n),
            "shared": rng.integers(0, 11, n),
        }
    )


@pytest.mark.parametrize("n", [1, 8, 15, 30])
def test_topic_match_fits_the_page(n):
    table = _match(n)
    fig = plot_topic_match(table, title="Mỗi chủ đề NMF và chủ đề LDA ghép với nó")
    _check_page(fig)
    ax, twin = fig.axes
    assert len(ax.patches) == min(n, MAX_PAIRS)
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == sorted(widths, reverse=True)  # most similar first
    assert len(twin.get_yticklabels()) == min(n, MAX_PAIRS)
    if n > MAX_PAIRS:
        assert f"({MAX_PAIRS} cặp giống nhau nhất trong {n})" in fig.get_suptitle().replace(
            "\n", " "
        )


def test_topic_match_pairs_labels_and_shared_words():
    table = pd.DataFrame(
        {
            "label_a": ["1. cán bộ, đảng", "2. cầu thủ, sân", "3. thuốc"],
            "label_b": ["2. đảng, họp", "1. sân, bóng đá", ""],
            "similarity": [0.7, 0.9, np.nan],  # the third is unmatched
            "shared": [4, 6, 0],
        }
    )
    fig = plot_topic_match(table, n_top=10)
    ax, twin = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2. cầu thủ, sân", "1. cán bộ, đảng"]
    assert [t.get_text() for t in twin.get_yticklabels()] == ["1. sân, bóng đá", "2. đảng, họp"]
    notes = [t.get_text() for t in ax.texts]
    assert "6/10 từ chung" in notes and "4/10 từ chung" in notes
    assert "chủ đề NMF" in notes and "chủ đề LDA" in notes
    empty = plot_topic_match(table.iloc[2:])
    assert empty.axes[0].texts[0].get_text() == "không có cặp chủ đề nào"
