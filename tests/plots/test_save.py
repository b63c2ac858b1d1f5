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
