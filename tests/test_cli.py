"""The command line: options and parameters, one segmentation per run, interrupted runs,
and an output folder that never mixes runs.

The notebook sequence itself runs in tests/test_notebooks.py; these tests use tiny
notebooks and a tiny corpus of their own. Those that start a Jupyter kernel or worker
processes are marked slow.
"""

from __future__ import annotations

import argparse
import os
import re
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


def notebook(folder: Path, name: str, *cells: str, parameters: str = PARAMETERS) -> Path:
    """Write a notebook of a parameters cell and ``cells`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
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
    (out / "documents.csv").write_bytes(b"earlier run")
    (out / "notebooks").mkdir()
    (out / "notebooks" / "01_old.html").write_bytes(b"earlier run")
    (out / "ghi_chu.txt").write_bytes(b"the user's own file")
    return contents(out)


def contents(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by its relative path (the token cache left out)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and cli.CACHE_FOLDER not in path.relative_to(folder).parts
    }


def tiny_corpus(folder: Path) -> Path:
    """Four short articles in two category folders."""
    for number, (category, sentence) in enumerate(
        [("thoi_su", "Bộ Chính trị họp về công tác cán bộ."),
         ("the_thao", "Đội tuyển Việt Nam thắng ở Hà Nội."),
         ("thoi_su", "Ban Bí thư chỉ đạo chống chạy chức, chạy quyền."),
         ("the_thao", "Huấn luyện viên nói về kỷ luật.")]
    ):  # fmt: skip
        (folder / category).mkdir(parents=True, exist_ok=True)
        (folder / category / f"news_{category}_{number:03d}.txt").write_text(
            f"Bài số {number}\n{sentence}\n", encoding="utf-8"
        )
    return folder


def run(tmp_path: Path, *options: str) -> int:
    """Run the CLI on ``tmp_path/nb``, the tiny corpus and a cache outside ``--out``."""
    extra = []
    if "--corpus" not in options:
        extra += ["--corpus", str(tiny_corpus(tmp_path / "corpus"))]
    if "--cache-dir" not in options:
        extra += ["--cache-dir", str(tmp_path / "cache")]
    return cli.main(["run", "--notebooks", str(tmp_path / "nb"), *extra, *options])


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
    assert cli.FIGURE_FILE.fullmatch("documents.csv")
    assert cli.NOTEBOOK_PAGE.fullmatch("02_term_frequency.html")
    assert not cli.FIGURE_FILE.fullmatch("ghi_chu.txt")
    assert not cli.FIGURE_FILE.fullmatch("4_x.png")


# ---------------------------------------------------------- parameters (issue 12.4, 13.3)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("20", 20),
        ("-1", -1),
        ("0.5", 0.5),
        ("None", None),
        ("True", True),
        ("['chạy chức', 'cán bộ']", ["chạy chức", "cán bộ"]),
        ("'20'", "20"),
        ("date:month", "date:month"),
        ("category", "category"),
        ("range(2, 11)", "range(2, 11)"),  # not a literal: text, which the notebook sees
        ("", ""),
    ],
)
def test_a_parameter_value_is_a_literal_or_else_text(text, value):
    assert cli.parse_value(text) == value


def test_options_and_p_pairs_make_the_parameters():
    args = argparse.Namespace(
        group_by="date:month",
        lang="en",
        filename_pattern=r"news_(?P<category>[a-z]+)_\d+",
        folder_field=None,
        parameter=[["TERMS", "['nêu gương']"], ["N_TOP", "12"]],
    )
    assert cli.parameters_from(args) == {
        "GROUP_BY": "date:month",
        "LANG": "en",
        "FILENAME_PATTERN": r"news_(?P<category>[a-z]+)_\d+",
        "TERMS": ["nêu gương"],
        "N_TOP": 12,
    }


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["-p", "so-bai", "3"], "-p so-bai: a parameter name is a Python name"),
        (["-p", "class", "3"], "-p class: a parameter name is a Python name"),
        (["-p", "CORPUS", "x"], "-p CORPUS: the run sets CORPUS itself; use --corpus"),
        (["-p", "N_JOBS", "2"], "-p N_JOBS: the run sets N_JOBS itself; use --jobs"),
        (["-p", "A", "1", "-p", "A", "2"], "-p A: A is given twice"),
        (["--group-by", "source", "-p", "GROUP_BY", "x"], "-p GROUP_BY: GROUP_BY is given twice"),
        (["--jobs", "0"], "--jobs 0: pass a number of worker processes"),
        (["--filename-pattern", "news_(?P<cat"], "--filename-pattern 'news_(?P<cat': not a re"),
        (["--filename-pattern", "news_[0-9]+"], "--filename-pattern 'news_[0-9]+': has no named"),
    ],
)
def test_a_bad_parameter_is_one_line_and_nothing_is_written(tmp_path, capsys, options, message):
    notebook(tmp_path / "nb", "01_a.ipynb", "1")
    assert run(tmp_path, "--out", str(tmp_path / "out"), *options) == 1
    err = capsys.readouterr().err
    assert f"corpus-tools: {message}" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_parameter_no_notebook_takes_is_named_once(tmp_path, capsys):
    notebook(tmp_path / "nb", "01_a.ipynb", "1", parameters=PARAMETERS + "\nGROUP_BY = None")
    notebook(tmp_path / "nb", "02_b.ipynb", "1")
    (tmp_path / "empty").mkdir()  # reading it fails: the run stops before any kernel
    status = run(tmp_path, "--out", str(tmp_path / "out"), "--corpus", str(tmp_path / "empty"),
                 "--group-by", "category", "-p", "KHONG_CO", "1", "--lang", "en")  # fmt: skip
    assert status == 1
    err = capsys.readouterr().err
    warned = [line for line in err.splitlines() if "no notebook takes" in line]
    assert warned == [
        "corpus-tools: warning: no notebook takes LANG, KHONG_CO in its parameters cell; ignored"
    ]
    assert "holds no .txt files" in err
    assert not [p for p in (tmp_path / "out").iterdir() if p.name != "cache"]


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
    assert sorted(after) == [
        "01_new_figure.csv",
        "documents.csv",
        "ghi_chu.txt",
        "index.html",
        "notebooks/01_new.html",
    ]
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
def test_notebooks_run_side_by_side_with_two_workers(tmp_path):
    # each notebook waits for the other to start: one at a time, the first would time out
    wait = ("import pathlib, time\n"
            "pathlib.Path(OUT_DIR, '..', '{mine}').write_text('here')\n"
            "deadline = time.monotonic() + 120\n"
            "while not pathlib.Path(OUT_DIR, '..', '{other}').exists():\n"
            "    assert time.monotonic() < deadline, 'the other notebook never ran beside me'\n"
            "    time.sleep(0.1)")  # fmt: skip
    notebook(tmp_path / "nb", "01_a.ipynb", wait.format(mine="a", other="b"))
    notebook(tmp_path / "nb", "02_b.ipynb", wait.format(mine="b", other="a"))
    options = ["--out", str(tmp_path / "out"), "--build", str(tmp_path / "build")]
    assert run(tmp_path, *options, "--jobs", "2") == 0
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == ["01_a.ipynb", "02_b.ipynb"]


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
               str(tmp_path / "nb"), "--out", str(out), "--build", str(build),
               "--corpus", str(tiny_corpus(tmp_path / "corpus")),
               "--cache-dir", str(tmp_path / "cache")]  # fmt: skip
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
    # two notebooks run at once on two cores: both are named when both were running
    assert re.search(
        r"interrupted in 01_slow\.ipynb( and 02_never\.ipynb)?; this run's figures are incomplete",
        said[0],
    )
    deadline = time.monotonic() + 10
    while (_alive(kernel) or _alive(child)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(kernel), "the kernel was left running"
    assert not _alive(child), "a process the kernel started was left running"
    assert contents(out) == before  # nothing of the interrupted run, nothing lost
    assert not build.exists() or not list(build.iterdir())


# ------------------------------------------------- one segmentation per run (issue 12.4)

READS_THE_CACHE = """\
# Đọc từ bộ nhớ đệm
import corpus_tools as ct
from corpus_tools.segment import runner

def segmented_again(texts, user_words):
    raise AssertionError(f"segmented {len(texts)} unit(s) again")

runner.segment_units = segmented_again
docs = ct.read_corpus(CORPUS)
words = ct.tokenize_corpus(docs, cache_dir=CACHE_DIR, n_jobs=N_JOBS)
units = ct.tokenize_corpus(docs, unit="paragraph", cache_dir=CACHE_DIR, n_jobs=N_JOBS)
assert len(words) == 4 and len(units) == 8
assert (N_JOBS, GROUP_BY, TERMS) == (-1, "category", ["chạy chức"]), (N_JOBS, GROUP_BY, TERMS)
"""


@pytest.mark.slow
def test_a_run_segments_once_and_passes_each_notebook_its_own_parameters(tmp_path, capfd):
    out, cache = tmp_path / "out", tmp_path / "cache"
    notebook(
        tmp_path / "nb", "01_a.ipynb", READS_THE_CACHE,
        "from matplotlib.figure import Figure\nfig = Figure(figsize=(3, 2))\n"
        "fig.subplots().bar(['a'], [len(words)])\n"
        "ct.save_figure(fig, '01_so_tu', caption='Số từ của 4 bài', out_dir=OUT_DIR)",
        parameters=PARAMETERS + "\nCACHE_DIR = None\nN_JOBS = 1\nGROUP_BY = None\nTERMS = []",
    )  # fmt: skip
    notebook(
        tmp_path / "nb", "02_b.ipynb",
        "assert not {'CACHE_DIR', 'N_JOBS', 'GROUP_BY', 'TERMS'} & set(globals())",
    )  # fmt: skip
    status = run(tmp_path, "--out", str(out), "--build", str(tmp_path / "build"),
                 "--group-by", "category", "-p", "TERMS", "['chạy chức']")  # fmt: skip
    err = capfd.readouterr().err
    assert status == 0, err
    assert "[0/2] segmenting the corpus into" in err and "4 documents, " in err
    assert (
        "[1/2] 01_a.ipynb" in err and "2/3 Đọc từ bộ nhớ đệm" in err and "[2/2] 02_b.ipynb" in err
    )
    for noise in ("IPKernelApp", "without encryption", "Debugger warning"):
        assert noise not in err
    assert "no notebook takes" not in err
    assert list(cache.glob("part-*.parquet"))
    written = contents(out)
    assert sorted(written) == [
        "01_so_tu.png", "01_so_tu.svg", "documents.csv", "index.html",
        "notebooks/01_a.html", "notebooks/02_b.html",
    ]  # fmt: skip
    page = written["index.html"].decode("utf-8")
    assert "Số từ của 4 bài" in page and "thoi_su/news_thoi_su_000" in page
    assert 'href="notebooks/02_b.html"' in page


def _descendants(pid: int) -> set[int]:
    """The processes below ``pid``: its children, theirs, and so on (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_ctrl_c_while_segmenting_stops_the_workers_in_one_line(tmp_path):
    out, corpus = tmp_path / "out", tmp_path / "corpus"
    before = earlier_run(out)
    corpus.mkdir()
    for number in range(400):  # enough work that two workers are still busy at Ctrl-C
        lines = [f"Bài {number} dòng {line}: Bộ Chính trị họp về công tác cán bộ số {line}."
                 for line in range(40)]  # fmt: skip
        (corpus / f"{number:03d}.txt").write_text("\n".join(lines), encoding="utf-8")
    notebook(tmp_path / "nb", "01_never.ipynb", "1")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "corpus_tools.cli", "run", "--notebooks",
               str(tmp_path / "nb"), "--out", str(out), "--build", str(tmp_path / "build"),
               "--corpus", str(corpus), "--jobs", "2"]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 240
        workers: set[int] = set()
        while len(workers) < 3:  # the scan's own process and its two workers
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "no worker process started"
            workers = _descendants(process.pid)
            time.sleep(0.2)
        time.sleep(1)
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == cli.INTERRUPTED_EXIT, err
    assert "Traceback" not in err, err
    said = [line for line in err.splitlines() if "interrupted" in line]
    assert len(said) == 1
    assert "interrupted while reading and segmenting the corpus" in said[0]
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "a worker process was left running"
    assert contents(out) == before
