"""save_figure: PNG, SVG and CSV, identical bytes on every run, atomic, checked names."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure
from PIL import Image

from corpus_tools.errors import CorpusError, FigureError
from corpus_tools.plots import plot_term_bars, plot_wordcloud, save_figure
from corpus_tools.plots.save import figure_title


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


@pytest.mark.parametrize("name", ["top_words", "2_top_words", "02_Top_words", "02_từ", "02_a.png"])
def test_a_bad_figure_name_raises_figure_error_and_writes_nothing(tmp_path, frequencies, name):
    with pytest.raises(FigureError, match="must look like '02_top_words'") as caught:
        save_figure(plot_term_bars(frequencies), name, out_dir=tmp_path / "out")
    assert isinstance(caught.value, CorpusError)
    assert not (tmp_path / "out").exists()


def test_save_figure_defaults_to_the_figures_variable(tmp_path, monkeypatch, frequencies):
    monkeypatch.setenv("CORPUS_TOOLS_FIGURES_DIR", str(tmp_path / "hinh"))
    save_figure(plot_term_bars(frequencies), "02_x")
    assert (tmp_path / "hinh" / "02_x.png").exists()


def test_figure_title_prefers_the_suptitle_then_the_first_axes_title():
    fig = Figure()
    first, second = fig.subplots(1, 2)
    assert figure_title(fig) is None
    second.set_title("Độ tương đồng")
    assert figure_title(fig) == "Độ tương đồng"
    first.set_title("Từ khóa")
    assert figure_title(fig) == "Từ khóa"
    fig.suptitle("Theo văn bản")
    assert figure_title(fig) == "Theo văn bản"
    fig.suptitle("")
    assert figure_title(fig) == "Từ khóa"


@pytest.mark.parametrize(
    ("title", "caption", "expected"),
    [
        ("Theo văn bản", None, "Theo văn bản"),  # the suptitle of a grouped plot
        ("Theo văn bản", "Chú thích riêng.", "Chú thích riêng."),
        (None, None, "000"),  # no suptitle: the first panel's title
    ],
)
def test_caption_defaults_to_the_figure_title(tmp_path, frequencies, title, caption, expected):
    fig = plot_term_bars(frequencies, group="doc_id", title=title)
    save_figure(fig, "02_by_doc", caption=caption, out_dir=tmp_path)
    with Image.open(tmp_path / "02_by_doc.png") as image:
        assert image.text["Description"] == expected
    assert f"<dc:description>{expected}</dc:description>" in (tmp_path / "02_by_doc.svg").read_text(
        encoding="utf-8"
    )


def test_caption_falls_back_to_the_name(tmp_path):
    fig = Figure()
    fig.subplots()
    save_figure(fig, "01_blank", out_dir=tmp_path)
    with Image.open(tmp_path / "01_blank.png") as image:
        assert image.text["Description"] == "01_blank"


def test_csv_is_tidy_no_index_column_lists_joined(tmp_path):
    edges = pd.DataFrame(
        {
            "source": ["Trương Thị Mai", "Mai Văn Chính"],
            "target": ["Phạm Minh Chính", "Trương Thị Mai"],
            "weight": [2, 1],
            "articles": [("000_e38ffd22d5a32227", "002_20c9be51a6e18698"), ("001",)],
            "share": [1 / 3, 0.5],
        }
    )
    save_figure(Figure(), "05_co_mentions", table=edges, out_dir=tmp_path)
    raw = (tmp_path / "05_co_mentions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == [
        "source,target,weight,articles,share",
        "Trương Thị Mai,Phạm Minh Chính,2,000_e38ffd22d5a32227; 002_20c9be51a6e18698,0.3333333333",
        "Mai Văn Chính,Trương Thị Mai,1,001,0.5",
    ]
    assert list(edges.columns) == ["source", "target", "weight", "articles", "share"]
    assert isinstance(edges.loc[1, "articles"], tuple)  # the caller's table is unchanged


def test_csv_keeps_a_meaningful_index_as_a_named_column(tmp_path):
    matrix = pd.DataFrame(
        {"chạy_chức": [2, 0], "cán_bộ": [1, 3]},
        index=pd.Index(["000", "001"], name="doc_id"),
    )
    unnamed = pd.DataFrame({"count": [5]}, index=["cán bộ"])
    filtered = pd.DataFrame({"term": ["a", "b", "c"]}).iloc[[2, 0]]  # index 2, 0
    save_figure(Figure(), "03_matrix", table=matrix, out_dir=tmp_path)
    save_figure(Figure(), "03_unnamed", table=unnamed, out_dir=tmp_path)
    save_figure(Figure(), "03_filtered", table=filtered, out_dir=tmp_path)
    read = {n: (tmp_path / f"03_{n}.csv").read_text(encoding="utf-8-sig").splitlines()
            for n in ("matrix", "unnamed", "filtered")}  # fmt: skip
    assert read["matrix"] == ["doc_id,chạy_chức,cán_bộ", "000,2,1", "001,0,3"]
    assert read["unnamed"] == ["row,count", "cán bộ,5"]
    assert read["filtered"] == ["row,term", "2,c", "0,a"]


def test_tidy_table_joins_sets_sorted_and_arrays():
    import numpy as np

    from corpus_tools.plots import tidy_table

    table = pd.DataFrame({"ids": [{"b", "a"}, np.array([1, 2]), "000", None]})
    ids = tidy_table(table)["ids"].tolist()
    assert ids[:3] == ["a; b", "1; 2", "000"] and pd.isna(ids[3])  # an empty cell


def test_files_honour_the_umask(tmp_path):
    import os

    previous = os.umask(0o022)
    try:
        written = save_figure(
            plot_term_bars(pd.DataFrame({"term": ["cán bộ"], "count": [1]})),
            "01_mode",
            table=pd.DataFrame({"a": [1]}),
            out_dir=tmp_path,
        )
    finally:
        os.umask(previous)
    assert [oct(p.stat().st_mode & 0o777) for p in written] == ["0o644"] * 3


def test_svg_keeps_text_as_text_in_the_named_font(tmp_path):
    fig = plot_term_bars(pd.DataFrame({"term": ["Ban Tổ chức Trung ương"], "count": [3]}))
    save_figure(fig, "02_text", out_dir=tmp_path)
    svg = (tmp_path / "02_text.svg").read_text(encoding="utf-8")
    assert ">Ban Tổ chức Trung ương</text>" in svg
    assert "font-family: 'DejaVu Sans'" in svg
    assert "<path d=" in svg and 'id="DejaVuSans-' not in svg  # no glyph outlines


def test_wordcloud_svg_is_small_and_holds_its_words(tmp_path):
    fig = plot_wordcloud({"Bộ_Chính_trị": 5, "cán_bộ": 3, "ở": 1}, random_state=0)
    save_figure(fig, "02_cloud", out_dir=tmp_path)
    svg = (tmp_path / "02_cloud.svg").read_text(encoding="utf-8")
    assert ">Bộ Chính trị</text>" in svg and "<image" not in svg
    assert len(svg) < 50_000


def test_a_notebook_shows_a_saved_figure_from_its_png(tmp_path, frequencies):
    from IPython.core.interactiveshell import InteractiveShell

    from corpus_tools.plots import show_saved_figures

    shell = InteractiveShell.instance()
    try:
        show_saved_figures()
        png = shell.display_formatter.formatters["image/png"]
        saved = plot_term_bars(frequencies, title="Từ nhiều nhất")
        save_figure(saved, "02_top_words", out_dir=tmp_path)
        data, metadata = png(saved)
        assert data == (tmp_path / "02_top_words.png").read_bytes()
        assert metadata == {"width": round(saved.get_figwidth() * 100)}
        assert png(plot_term_bars(frequencies)) is None  # not saved: drawn as before
    finally:
        InteractiveShell.clear_instance()


def test_the_svg_has_the_layout_of_the_png(tmp_path, frequencies):
    fig = plot_term_bars(frequencies, title="Từ nhiều nhất")
    engine = fig.get_layout_engine()
    save_figure(fig, "02_top_words", out_dir=tmp_path)
    assert fig.get_layout_engine() is engine  # restored after the SVG
    again = plot_term_bars(frequencies, title="Từ nhiều nhất")
    again.savefig(tmp_path / "alone.png", dpi=200)
    assert [ax.get_position().bounds for ax in fig.axes] == [
        ax.get_position().bounds for ax in again.axes
    ]
