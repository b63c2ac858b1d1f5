"""The command line: bad options, interrupted runs, and an output folder that never mixes runs.

The notebook sequence itself runs in tests/test_notebooks.py; these tests use tiny
notebooks of their own. Those that start a Jupyter kernel are marked slow.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from corpus_tools import cli

ROOT = Path(__file__).resolve().parent.parent
PARAMETERS = "CORPUS = None\nOUT_DIR = None"


def notebook(folder: Path, name: str, *cells: str) -> Path:
    """Write a notebook of a parameters cell and ``cells`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]})]
    book.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    path = folder / name
    nbformat.write(book, path)
    return path


def earlier_run(out: Path) -> dict[str, bytes]:
    """Fill ``out`` as an earlier run (and a user) left it; return what it holds."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "01_old_figure.png").write_bytes(b"earlier run")
    (out / "01_old_figure.csv").write_bytes(b"earlier run")
    (out / "index.html").write_bytes(b"earlier run")
    (out / "ghi_chu.txt").write_bytes(b"the user's own file")
    return {path.name: path.read_bytes() for path in out.iterdir()}


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def run(tmp_path: Path, *options: str) -> int:
    return cli.main(["run", "--notebooks", str(tmp_path / "nb"), *options])


# ---------------------------------------------------------------- options (issue 11.4, 11.9)


@pytest.mark.parametrize("option", ["--corpus", "--out", "--build"])
def test_an_empty_option_is_an_error(tmp_path, capsys, option):
    notebook(tmp_path / "nb", "01_a.ipynb", "1")
    folders = {"--out": str(tmp_path / "out"), "--build": str(tmp_path / "build"), option: ""}
    assert run(tmp_path, *[word for pair in folders.items() for word in pair]) == 1
    assert f"corpus-tools: {option} is empty" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize("option", ["--out", "--build"])
def test_a_file_where_a_folder_belongs_is_an_error(tmp_path, capsys, option):
    notebook(tmp_path / "nb", "01_a.ipynb", "1")
    existing = tmp_path / "hinh.png"
    existing.write_bytes(b"not a folder")
    folders = {"--out": str(tmp_path / "out"), "--build": str(tmp_path / "build")}
    folders[option] = str(existing)
    assert run(tmp_path, *[word for pair in folders.items() for word in pair]) == 1
    err = capsys.readouterr().err
    assert f"corpus-tools: {option} {existing}: is a file, not a folder" in err
    assert "Traceback" not in err
    assert existing.read_bytes() == b"not a folder"


def test_a_missing_corpus_names_it(tmp_path, capsys):
    notebook(tmp_path / "nb", "01_a.ipynb", "1")
    assert run(tmp_path, "--corpus", str(tmp_path / "khong_co")) == 1
    assert "khong_co: no such file or folder" in capsys.readouterr().err


def test_no_notebooks_is_an_error(tmp_path, capsys):
    (tmp_path / "nb").mkdir()
    assert run(tmp_path, "--out", str(tmp_path / "out")) == 1
    assert "holds no numbered notebooks" in capsys.readouterr().err


def test_figure_files_are_the_runs_own():
    assert cli.FIGURE_FILE.fullmatch("04_nmf_topics.svg")
    assert cli.FIGURE_FILE.fullmatch("index.html")
    assert not cli.FIGURE_FILE.fullmatch("ghi_chu.txt")
    assert not cli.FIGURE_FILE.fullmatch("4_x.png")


# ---------------------------------------------------------------- runs (issue 11.12)


@pytest.mark.slow
def test_a_run_replaces_the_earlier_runs_figures_and_keeps_other_files(tmp_path, capsys):
    out, build = tmp_path / "out", tmp_path / "build"
    before = earlier_run(out)
    build.mkdir()
    (build / "09_old.ipynb").write_text("{}", encoding="utf-8")
    notebook(
        tmp_path / "nb",
        "01_new.ipynb",
        "import pathlib\npathlib.Path(OUT_DIR, '01_new_figure.csv').write_text('new run')",
    )
    assert run(tmp_path, "--out", str(out), "--build", str(build)) == 0
    after = contents(out)
    assert sorted(after) == ["01_new_figure.csv", "ghi_chu.txt", "index.html"]
    assert after["ghi_chu.txt"] == before["ghi_chu.txt"]
    assert after["index.html"] != before["index.html"]
    assert sorted(p.name for p in build.iterdir()) == ["01_new.ipynb"]
    assert not list(out.glob(".corpus-tools-run-*"))


@pytest.mark.slow
def test_a_failed_run_leaves_the_earlier_run_in_place(tmp_path, capsys):
    out = tmp_path / "out"
    before = earlier_run(out)
    notebook(
        tmp_path / "nb",
        "01_broken.ipynb",
        "import pathlib\npathlib.Path(OUT_DIR, '01_new_figure.csv').write_text('new run')",
        "raise ValueError('hỏng rồi')",
    )
    assert run(tmp_path, "--out", str(out), "--build", str(tmp_path / "build")) == 1
    assert "01_broken.ipynb: code cell 3" in capsys.readouterr().err
    assert contents(out) == before


@pytest.mark.slow
def test_a_dead_kernel_is_one_line_not_a_traceback(tmp_path, capsys):
    out = tmp_path / "out"
    before = earlier_run(out)
    notebook(tmp_path / "nb", "01_dies.ipynb", "import os, signal\nos.kill(os.getpid(), 9)")
    assert run(tmp_path, "--out", str(out), "--build", str(tmp_path / "build")) == 1
    err = capsys.readouterr().err
    assert "01_dies.ipynb: its kernel died" in err
    assert "Traceback" not in err
    assert contents(out) == before


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow
def test_ctrl_c_stops_the_run_in_one_line_and_leaves_no_kernel(tmp_path):
    out, build, marker = tmp_path / "out", tmp_path / "build", tmp_path / "kernel.pid"
    before = earlier_run(out)
    notebook(
        tmp_path / "nb",
        "01_slow.ipynb",
        "import os, pathlib, subprocess, sys, time\n"
        "pathlib.Path(OUT_DIR, '01_new_figure.csv').write_text('new run')\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'])\n"
        f"pathlib.Path({str(marker)!r}).write_text(f'{{os.getpid()}} {{child.pid}}')\n"
        "time.sleep(300)",
    )
    notebook(tmp_path / "nb", "02_never.ipynb", "1")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "corpus_tools.cli", "run", "--notebooks",
               str(tmp_path / "nb"), "--out", str(out), "--build", str(build)]  # fmt: skip
    # Its own session, as a shell gives a foreground job: Ctrl-C goes to the whole group.
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 240
        while not marker.exists() or not marker.read_text():
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the notebook never started"
            time.sleep(0.2)
        kernel, child = map(int, marker.read_text().split())
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == cli.INTERRUPTED_EXIT
    assert "Traceback" not in err
    said = [line for line in err.splitlines() if "interrupted" in line]
    assert len(said) == 1
    assert "interrupted in 01_slow.ipynb; this run's figures are incomplete" in said[0]
    deadline = time.monotonic() + 10
    while (_alive(kernel) or _alive(child)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(kernel), "the kernel was left running"
    assert not _alive(child), "a process the kernel started was left running"
    assert contents(out) == before  # nothing of the interrupted run, nothing lost
    assert not build.exists() or not list(build.iterdir())
