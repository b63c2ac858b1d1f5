"""Running one notebook: its parameters, the steps and progress the terminal shows, and
a kernel that says nothing but what the notebook says.

Tests that start a kernel are marked slow.
"""

from __future__ import annotations

import io

import nbformat
import pytest

from corpus_tools.errors import NotebookError
from corpus_tools.execution import (
    INJECTED_TAG,
    StepDisplay,
    Terminal,
    execute_notebook,
    inject_parameters,
    parameter_names,
    step_name,
)


def book(parameters: str | None, *cells: str):
    notebook = nbformat.v4.new_notebook()
    if parameters is not None:
        notebook.cells.append(
            nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})
        )
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    return notebook


# ------------------------------------------------------------------------------ parameters


def test_parameter_names_are_the_names_the_parameters_cell_assigns():
    notebook = book(
        "CORPUS = None  # thư mục\nOUT_DIR = None\nN_JOBS: int = -1\nK_RANGE = range(2, 11)\n"
        "import os\nGROUP_BY = LANG = None\nCORPUS = 'lần hai'\nfor i in range(2):\n    X = i",
        "Y = 1",
    )
    assert parameter_names(notebook) == [
        "CORPUS",
        "OUT_DIR",
        "N_JOBS",
        "K_RANGE",
        "GROUP_BY",
        "LANG",
    ]


@pytest.mark.parametrize(
    ("notebook", "message"),
    [
        (book(None, "CORPUS = None"), "has no cell tagged 'parameters'"),
        (book("CORPUS = (", "1"), "its parameters cell is not valid Python"),
    ],
)
def test_a_notebook_without_a_readable_parameters_cell_is_named(notebook, message):
    with pytest.raises(NotebookError, match=message):
        parameter_names(notebook)


def test_parameters_are_set_right_after_the_parameters_cell():
    notebook = book("CORPUS = None\nTERMS = ['cán bộ']", "print(TERMS)")
    inject_parameters(notebook, {"CORPUS": "/dữ liệu", "TERMS": ["chạy chức", "nêu gương"]})
    injected = notebook.cells[1]
    assert injected.metadata["tags"] == [INJECTED_TAG]
    assert injected.source == "CORPUS = '/dữ liệu'\nTERMS = ['chạy chức', 'nêu gương']"
    assert notebook.cells[2].source == "print(TERMS)"


# --------------------------------------------------------------------------- the terminal


@pytest.mark.parametrize(
    ("source", "step"),
    [
        ("# Đọc kho văn bản\ndocs = ct.read_corpus(CORPUS)", "Đọc kho văn bản"),
        ("\n\nwords = ct.tokenize_corpus(docs)\n# tách từ", "words = ct.tokenize_corpus(docs)"),
        ("#Không cách", "Không cách"),
        ("x = '" + "a" * 100 + "'", "x = '" + "a" * 64 + "…"),
        ("", ""),
    ],
)
def test_a_step_is_named_by_its_first_comment_or_line(source, step):
    assert step_name(source) == step


def test_the_display_shows_steps_progress_bars_and_the_packages_warnings_only():
    out = io.StringIO()
    display = StepDisplay(out)
    display.start(1, 3, "# Đọc kho văn bản\ndocs = ct.read_corpus(CORPUS)")
    display.relay("/x.py:3: FutureWarning: pandas will change\n  warnings.warn(\n")
    display.relay("một dòng in ra stderr\n")
    display.relay("/x.py:9: SkippedDocumentsWarning: 1 document skipped: 'a'\n")
    display.finish()
    display.start(2, 3, "words = ct.tokenize_corpus(docs)")
    display.relay("\rtokenize:  50%|█████     | 1/2 [00:01<00:01]")
    display.relay("\rtokenize: 100%|██████████| 2/2 [00:02<00:00]\n")
    display.finish()
    display.start(3, 3, "ct.show_versions()")
    display.finish()
    assert out.getvalue() == (
        "    1/3 Đọc kho văn bản\n"
        "    SkippedDocumentsWarning: 1 document skipped: 'a'\n"
        "    2/3 words = ct.tokenize_corpus(docs)\n"
        "\r    tokenize:  50%|█████     | 1/2 [00:01<00:01]"
        "\r    tokenize: 100%|██████████| 2/2 [00:02<00:00]\n"
        "    3/3 ct.show_versions()\n"
    )


def test_a_slow_step_says_how_long_it_took(monkeypatch):
    clock = iter([100.0, 112.5])
    monkeypatch.setattr("corpus_tools.execution.time.monotonic", lambda: next(clock))
    out = io.StringIO()
    display = StepDisplay(out)
    display.start(4, 9, "people = ct.find_people(docs)")
    display.finish()
    assert out.getvalue() == "    4/9 people = ct.find_people(docs)  (12.5 s)\n"


def test_two_notebooks_side_by_side_never_write_on_one_line(monkeypatch):
    clock = iter([0.0, 1.0, 2.0, 9.0, 10.0])
    monkeypatch.setattr("corpus_tools.execution.time.monotonic", lambda: next(clock))
    out = io.StringIO()
    shared = Terminal(out)
    first = StepDisplay(terminal=shared, indent="    02 ")
    second = StepDisplay(terminal=shared, indent="    04 ")
    first.start(3, 9, "people = ct.find_people(docs)")  # 0 s
    second.start(1, 5, "# Chọn k")  # 1 s
    second.relay("\rtopics:  50%|█████     | 1/2")
    second.finish()  # 2 s - 1 s: quick
    first.finish()  # 9 s: slow, and its line was broken: written whole again
    second.start(2, 5, "# NMF")  # 10 s
    shared.say("[5/5] 05_people.ipynb")
    assert out.getvalue() == (
        "    02 3/9 people = ct.find_people(docs)\n"
        "    04 1/5 Chọn k\n"
        "\r    04 topics:  50%|█████     | 1/2\n"
        "    02 3/9 people = ct.find_people(docs)  (9.0 s)\n"
        "    04 2/5 NMF\n"
        "[5/5] 05_people.ipynb\n"
    )


def test_on_a_terminal_a_long_step_shows_its_time_while_it_runs(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    clock = iter([0.0, 1.0, 3.2, 3.9, 4.1, 4.5])
    monkeypatch.setattr("corpus_tools.execution.time.monotonic", lambda: next(clock))
    out = Terminal()
    display = StepDisplay(out)
    display.start(2, 5, "# Tìm người")
    display.tick()  # 1 s: nothing yet
    display.tick()  # 3 s
    display.tick()  # still 3 s: not written again
    display.tick()  # 4 s
    display.finish()  # 4.5 s: not slow
    assert out.getvalue() == (
        "    2/5 Tìm người\r    2/5 Tìm người  … 3 s\r    2/5 Tìm người  … 4 s\n"
    )


# ------------------------------------------------------------------------------ a kernel


@pytest.mark.slow
def test_a_kernel_relays_progress_and_says_nothing_else(tmp_path, capfd):
    path = tmp_path / "01_thu.ipynb"
    nbformat.write(
        book(
            "CORPUS = None\nOUT_DIR = None",
            "# Một bước có thanh tiến độ\nfrom tqdm import tqdm\nimport time\n"
            "for _ in tqdm(range(4), desc='đếm', mininterval=0): time.sleep(0.5)",
            "# In ra\nimport sys; print('ra stdout'); print('ra stderr', file=sys.stderr)",
        ),
        path,
    )
    out = io.StringIO()
    executed = execute_notebook(
        path, {"CORPUS": None, "OUT_DIR": str(tmp_path)}, display=StepDisplay(out)
    )
    shown = out.getvalue()
    assert "1/3 CORPUS = None" in shown and "2/3 Một bước có thanh tiến độ" in shown
    assert "đếm: 100%" in shown and "4/4" in shown
    assert "ra stdout" not in shown and "ra stderr" not in shown  # kept in the notebook
    assert "ra stderr" in str(executed.cells[-1].outputs)
    terminal = capfd.readouterr()
    for noise in ("IPKernelApp", "without encryption", "Debugger warning", "frozen modules"):
        assert noise not in terminal.err + terminal.out


@pytest.mark.slow
def test_a_dead_kernel_reports_its_last_words(tmp_path):
    path = tmp_path / "01_chet.ipynb"
    nbformat.write(
        book(
            "CORPUS = None",
            "import os\nos.write(2, b'thread panicked at decoder.rs: index out of bounds\\n')\n"
            "os._exit(101)",
        ),
        path,
    )
    with pytest.raises(NotebookError, match=r"its kernel died.*it said: thread panicked"):
        execute_notebook(path, {}, display=StepDisplay(io.StringIO()))
