"""Run one notebook headless in a fresh Jupyter kernel: parameters in, progress out.

The notebook's cell tagged ``parameters`` is followed by a cell that sets the run's
values (as papermill does), for the names that cell assigns
(:func:`parameter_names`). While it runs, the terminal shows each code cell as a step
(its first comment, else its first line) and the progress bars that library code
draws inside the kernel (tqdm, on the kernel's standard error), relayed as they come,
and the package's own warnings. Anything else the kernel says stays in the executed
notebook. The kernel's own log lines (ipykernel's warning about unencrypted local TCP,
the debugger's note on frozen modules) go to a log that is shown only if the kernel
dies.

Ctrl-C stops the kernel and every process it started (it leads its own session) and
raises KeyboardInterrupt; a failing cell raises :class:`~corpus_tools.errors.NotebookError`
naming the cell.
"""

from __future__ import annotations

import ast
import logging
import os
import re
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from . import errors
from .errors import NotebookError

__all__ = [
    "INJECTED_TAG",
    "PARAMETERS_TAG",
    "StepDisplay",
    "execute_notebook",
    "find_notebooks",
    "inject_parameters",
    "parameter_names",
]

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
KERNEL_ENVIRONMENT = {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}
"""Set for every kernel: debugpy's warning about frozen modules is noise here."""
SLOW_STEP = 5.0
"""Seconds after which a finished step says how long it took."""

_WARNING = re.compile(r"^.*?\b(\w+Warning): (.*)$", re.MULTILINE)
_OWN_WARNINGS = frozenset(
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, Warning)
)
_KERNEL_NOISE = re.compile(r"^\[IPKernelApp\]|^\d+\.\d+s - |Debugger warning")

# nbclient and jupyter_client log a killed kernel at length; the run says it in one line.
_QUIET = logging.getLogger("corpus_tools.execution.kernel")
_QUIET.addHandler(logging.NullHandler())
_QUIET.propagate = False


def find_notebooks(folder: Path) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) of ``folder``, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _parameters_cell(notebook: Any) -> int | None:
    return next(
        (
            i
            for i, cell in enumerate(notebook.cells)
            if PARAMETERS_TAG in cell.get("metadata", {}).get("tags", [])
        ),
        None,
    )


def parameter_names(notebook: Any) -> list[str]:
    """The names that a notebook's ``parameters`` cell assigns, in order.

    Raises :class:`~corpus_tools.errors.NotebookError` if no cell is tagged
    ``parameters`` or that cell is not valid Python.

    Examples
    --------
    >>> import nbformat
    >>> book = nbformat.v4.new_notebook()
    >>> source = "CORPUS = None  # thư mục\\nN_JOBS: int = -1\\nA = B = 1"
    >>> book.cells = [nbformat.v4.new_code_cell(source, metadata={"tags": ["parameters"]})]
    >>> parameter_names(book)
    ['CORPUS', 'N_JOBS', 'A', 'B']
    """
    position = _parameters_cell(notebook)
    if position is None:
        raise NotebookError("has no cell tagged 'parameters'")
    try:
        tree = ast.parse(notebook.cells[position].source)
    except SyntaxError as error:
        raise NotebookError(f"its parameters cell is not valid Python ({error.msg})") from None
    names: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id not in names]
    return names


def inject_parameters(notebook: Any, parameters: Mapping[str, object]) -> None:
    """Insert a cell that sets ``parameters`` right after the cell tagged ``parameters``."""
    import nbformat

    position = _parameters_cell(notebook)
    if position is None:
        raise NotebookError("has no cell tagged 'parameters'")
    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    notebook.cells.insert(position + 1, cell)


def step_name(source: str, width: int = 70) -> str:
    """A code cell as one line: its first comment, else its first line, cut to ``width``.

    Examples
    --------
    >>> step_name("# Đếm từ theo nhóm\\nfreq = ct.term_frequencies(words)")
    'Đếm từ theo nhóm'
    >>> step_name("docs = ct.read_corpus(CORPUS)\\n# đọc")
    'docs = ct.read_corpus(CORPUS)'
    """
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    if not lines:
        return ""
    first = lines[0].lstrip("#").strip() if lines[0].startswith("#") else lines[0]
    return first if len(first) <= width else first[: width - 1] + "…"


class StepDisplay:
    """What the terminal shows while a notebook runs: steps, progress bars, warnings.

    ``start`` prints a step; ``relay`` passes on what a cell writes to standard error
    when it is a progress bar (it holds a carriage return) or one of the package's own
    warnings; ``tick`` (called about every 0.1 s) adds the time elapsed to the step's
    line on a terminal while nothing else is drawn; ``finish`` ends the step.
    """

    def __init__(self, stream: TextIO | None = None, *, indent: str = "    ") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.indent = indent
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.line = ""  # the step line, while the cursor is still on it
        self.started = 0.0
        self.shown = 0  # the seconds the step line shows
        self.open = False  # something was written without an ending newline
        self.lock = threading.Lock()

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def start(self, number: int, total: int, source: str) -> None:
        with self.lock:
            self._end_line()
            self.line = f"{self.indent}{number}/{total} {step_name(source)}"
            self.started, self.shown = time.monotonic(), 0
            self._write(self.line)
            self.open = True

    def tick(self) -> None:
        with self.lock:
            elapsed = int(time.monotonic() - self.started)
            if self.live and self.line and self.open and elapsed >= 2 and elapsed != self.shown:
                self._write(f"\r{self.line}  … {elapsed} s")
                self.shown = elapsed

    def relay(self, text: str) -> None:
        with self.lock:
            if "\r" in text:
                if self.line:
                    self._end_line()
                self._write(text.replace("\r", "\r" + self.indent))
                self.open = not text.endswith("\n")
                return
            for name, message in _WARNING.findall(text):
                if name in _OWN_WARNINGS:
                    self._end_line()
                    self._write(f"{self.indent}{name}: {message}\n")

    def finish(self) -> None:
        with self.lock:
            elapsed = time.monotonic() - self.started
            if self.line and elapsed >= SLOW_STEP:
                suffix = f"  ({elapsed:.1f} s)"
                self._write(f"\r{self.line}{suffix}\n" if self.live else f"{suffix}\n")
                self.line, self.open = "", False
            self._end_line()

    def _end_line(self) -> None:
        if self.open:
            self._write("\n")
        self.line, self.open = "", False


def _client_class() -> type:
    from nbclient import NotebookClient

    class RelayingClient(NotebookClient):
        """A NotebookClient that hands each stderr stream output to ``on_stderr``."""

        on_stderr: Callable[[str], None] | None = None

        def output(self, outs, msg, display_id, cell_index):
            out = super().output(outs, msg, display_id, cell_index)
            content = msg.get("content", {})
            if msg.get("msg_type") == "stream" and content.get("name") == "stderr":
                if self.on_stderr is not None:
                    self.on_stderr(content.get("text", ""))
            return out

    return RelayingClient


def execute_notebook(
    path: Path,
    parameters: Mapping[str, object],
    *,
    timeout: int | None = None,
    display: StepDisplay | None = None,
) -> Any:
    """Execute one notebook in a fresh kernel, its working directory its own folder.

    ``parameters`` are set after the ``parameters`` cell (all of them: choose them with
    :func:`parameter_names`). ``timeout`` limits each cell, in seconds (None: no limit).
    Returns the executed notebook (without the injected cell's number in the steps).
    """
    import nbformat
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook = nbformat.read(path, as_version=4)
    inject_parameters(notebook, parameters)
    code_cells = [  # numbered as in the notebook on disk, without the injected cell
        i
        for i, c in enumerate(notebook.cells)
        if c.cell_type == "code" and INJECTED_TAG not in c.metadata.get("tags", [])
    ]
    display = display if display is not None else StepDisplay()

    def started(cell, cell_index, **_):
        if cell_index in code_cells:
            display.start(code_cells.index(cell_index) + 1, len(code_cells), cell.source)

    def executed(cell, cell_index, **_):
        if cell_index in code_cells:
            display.finish()

    client = _client_class()(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_execute=started,
        on_cell_executed=executed,
        log=_QUIET,
    )
    client.on_stderr = display.relay
    environment = {**os.environ, **KERNEL_ENVIRONMENT}
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as kernel_log:
        try:
            _execute_interruptibly(client, tick=display.tick, stderr=kernel_log, env=environment)
        except CellExecutionError as error:
            raise NotebookError(_failed_cell(notebook, code_cells, error)) from None
        except DeadKernelError:
            raise NotebookError(
                "its kernel died while a cell ran (out of memory, or killed)"
                f"{_last_words(kernel_log)}; run it again, or on a smaller corpus"
            ) from None
        except CellTimeoutError:
            raise NotebookError(
                f"a cell ran longer than {timeout} s and was stopped; run it again with a "
                "longer --cell-timeout, or on a smaller corpus"
            ) from None
        finally:
            display.finish()
    return notebook


def _failed_cell(notebook: Any, code_cells: list[int], error: BaseException) -> str:
    failed = next(
        (
            (i, c)
            for i, c in enumerate(notebook.cells)
            if c.cell_type == "code"
            and any(o.get("output_type") == "error" for o in c.get("outputs", []))
        ),
        (None, None),
    )
    index, cell = failed
    number = code_cells.index(index) + 1 if index in code_cells else "?"
    first_line = (
        cell.source.strip().splitlines()[0] if cell is not None and cell.source.strip() else ""
    )
    ename = getattr(error, "ename", "error")
    evalue = getattr(error, "evalue", str(error))
    return f"code cell {number} ({first_line!r}) failed: {ename}: {evalue}"


def _last_words(log: TextIO) -> str:
    """The kernel log's last line that is not noise, as ``" (it said: …)"``, or ``""``."""
    log.seek(0)
    lines = [
        line.strip()
        for line in log.read()[-20_000:].splitlines()
        if line.strip() and not _KERNEL_NOISE.search(line)
    ]
    return f" (it said: {lines[-1][:300]})" if lines else ""


def _execute_interruptibly(
    client: Any, *, tick: Callable[[], None], **kernel_options: object
) -> None:
    """Run ``client.execute()`` so that Ctrl-C stops the kernel and raises KeyboardInterrupt.

    nbclient run in the main thread catches SIGINT itself and shuts the kernel down under
    the running cell, which ends in DeadKernelError and AssertionError tracebacks. In a
    worker thread it cannot install that handler, so Ctrl-C reaches this thread as a
    KeyboardInterrupt: the kernel (in its own session, so the terminal's Ctrl-C does not
    reach it) and every process it started are then killed, and the worker is given a
    moment to shut its client down before the interrupt goes on. ``kernel_options`` go
    to the kernel's launch (its ``env``, its ``stderr``).
    """
    outcome: dict[str, BaseException] = {}

    def work() -> None:
        try:
            client.execute(**kernel_options)
        except BaseException as error:  # handed to the main thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="corpus-tools-kernel", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.1)
            tick()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
        deadline = time.monotonic() + 30
        while worker.is_alive() and time.monotonic() < deadline:
            _kill_kernel(client)  # again and again: the kernel may still be starting
            worker.join(0.2)
        _kill_kernel(client)
        raise
    if "error" in outcome:
        raise outcome["error"]


def _kill_kernel(client: Any) -> None:
    """Kill the kernel of ``client`` and the processes it started (its whole session)."""
    provisioner = getattr(getattr(client, "km", None), "provisioner", None)
    process = getattr(provisioner, "process", None)
    if process is None or process.poll() is not None:
        return
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)  # the kernel leads its own session
        else:  # pragma: no cover (Windows)
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
