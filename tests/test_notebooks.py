"""The notebook sequence, run headless in real Jupyter kernels by `corpus-tools run`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from corpus_tools import cli

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
FIGURES = ROOT / "figures"


def test_the_numbered_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS] == [
        "01_corpus_overview",
        "02_term_frequency",
        "03_tfidf_keywords",
        "04_topic_analysis",
        "05_references_people_reuse",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_layout(path):
    """Purpose first, a parameters cell, library calls only, versions last."""
    notebook = nbformat.read(path, as_version=4)
    first, last = notebook.cells[0], notebook.cells[-1]
    assert first.cell_type == "markdown"
    for heading in ("**Purpose.**", "**Inputs.**", "**Figures written**"):
        assert heading in first.source
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert "CORPUS = None" in tagged[0].source and "OUT_DIR = None" in tagged[0].source
    assert last.source.strip() == "ct.show_versions()"
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not re.search(
                r"^\s*def |^\s*class |open\(|\.to_csv\(|savefig\(", cell.source, re.M
            ), "notebooks only call the library; save_figure is the only writer"


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    build = tmp_path_factory.mktemp("build")
    assert cli.main(["run", "--out", str(out), "--build", str(build)]) == 0
    return out, build


@pytest.mark.slow
def test_run_writes_every_figure_with_its_table_and_an_index(seeds_run):
    out, build = seeds_run
    pngs = sorted(p.stem for p in out.glob("*.png"))
    assert len(pngs) >= 15
    for stem in pngs:
        assert (out / f"{stem}.svg").is_file()
        assert (out / f"{stem}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    index = (out / "index.html").read_text(encoding="utf-8")
    for stem in pngs:
        assert f'src="{stem}.png"' in index
    assert "04_topic_analysis.ipynb" in index
    assert sorted(p.name for p in build.glob("*.ipynb")) == [p.name for p in NOTEBOOKS]


@pytest.mark.slow
def test_executed_notebooks_ran_every_cell_without_error(seeds_run):
    _, build = seeds_run
    for path in build.glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.execution_count is not None, path.name
                assert not [o for o in cell.outputs if o.output_type == "error"], path.name
                for output in cell.outputs:
                    text = output.get("text", "")
                    assert not ("Glyph" in text and "missing" in text), (path.name, text)


@pytest.mark.slow
def test_notebooks_folder_is_left_unchanged(seeds_run):
    for path in NOTEBOOKS:
        assert '"outputs": []' in path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_committed_figures_are_what_the_run_writes(seeds_run):
    """Every figure and its table are byte-identical to a fresh run; the page, the
    documents table and the notebooks as HTML carry the run's date, so they need only
    be there."""
    out, _ = seeds_run
    figures = re.compile(r"\d\d_[a-z0-9_]+\.(png|svg|csv)")
    written = sorted(p.name for p in out.iterdir() if figures.fullmatch(p.name))
    committed = sorted(p.name for p in FIGURES.iterdir() if figures.fullmatch(p.name))
    assert written == committed, "run `make run` and commit figures/"
    for name in written:
        same = (out / name).read_bytes() == (FIGURES / name).read_bytes()
        assert same, f"{name} differs from the committed figure: run `make run` and commit figures/"
    for name in ("index.html", "documents.csv"):
        assert (out / name).is_file() and (FIGURES / name).is_file(), name
    pages = sorted(p.name for p in (out / "notebooks").glob("*.html"))
    assert pages == sorted(p.name for p in (FIGURES / "notebooks").glob("*.html"))
    assert len(pages) == len(NOTEBOOKS)


@pytest.mark.slow
def test_multi_syllable_terms_are_whole_in_the_tables(seeds_run):
    out, _ = seeds_run
    table = pd.read_csv(out / "02_top_words_count.csv", encoding="utf-8-sig")
    terms = " ".join(table["term"]).lower()
    assert "bộ chính trị" in terms or "ban tổ chức trung ương" in terms
    assert not table["term"].str.contains("_").any()  # shown as written, with spaces


@pytest.mark.slow
def test_run_on_a_plain_folder_without_titles_or_datelines(tmp_path):
    corpus = tmp_path / "bai_bao"
    corpus.mkdir()
    paragraphs = [
        "Ban Tổ chức Trung ương hướng dẫn công tác cán bộ ở cơ sở.",
        "Các cấp ủy rà soát quy hoạch cán bộ nhiệm kỳ mới.",
        "Đội tuyển bóng đá giành chiến thắng trong trận đấu tối qua.",
        "Cầu thủ ghi bàn thắng quyết định ở phút cuối trận đấu.",
        "Giá lúa gạo tăng mạnh, nông dân phấn khởi vì được mùa.",
        "Thời tiết nắng nóng kéo dài ảnh hưởng tới vụ lúa.",
    ]
    for i in range(6):
        body = "\n".join(paragraphs[(i + j) % 6] for j in range(4))
        (corpus / f"bai_{i}.txt").write_text(body, encoding="utf-8")
    out = tmp_path / "hinh"
    assert cli.main(["run", "--corpus", str(corpus), "--out", str(out),
                     "--build", str(tmp_path / "build")]) == 0  # fmt: skip
    assert (out / "index.html").is_file()
    assert (out / "04_nmf_topics.png").is_file()
    overview = (out / "01_document_lengths.csv").read_text(encoding="utf-8-sig")
    assert "bai_0" in overview


@pytest.mark.slow
def test_a_failing_cell_names_the_notebook_cell_and_error(tmp_path, capsys):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "CORPUS = None\nOUT_DIR = None", metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("raise ValueError('hỏng rồi')"),
    ]
    nbformat.write(notebook, folder / "01_broken.ipynb")
    code = cli.main(["run", "--notebooks", str(folder), "--out", str(tmp_path / "out"),
                     "--build", str(tmp_path / "build")])  # fmt: skip
    message = capsys.readouterr().err
    assert code == 1
    assert "01_broken.ipynb: code cell 3" in message
    assert "ValueError: hỏng rồi" in message


def test_a_missing_corpus_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["run", "--corpus", str(tmp_path / "khong_co"), "--out", str(tmp_path)]) == 1
    assert "no such file or folder" in capsys.readouterr().err
