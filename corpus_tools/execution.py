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
import contextlib
import logging
import os
import re
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import errors
from .errors import NotebookError

__all__ = [
    "INJECTED_TAG",
    "PARAMETERS_TAG",
    "NotebookRun",
    "StepDisplay",
    "Terminal",
    "execute_notebook",
    "execute_notebooks",
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


class Terminal:
    """The stream that one or more :class:`StepDisplay` write to, and its open line.

    Notebooks that run side by side share one: a display that writes ends the line
    another display left open, so two notebooks never write on one line.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.lock = threading.RLock()
        self.owner: object | None = None  # the display whose line has no newline yet

    def write(self, text: str) -> None:
        """Write ``text`` as it is (the caller holds :attr:`lock`)."""
        self.stream.write(text)
        self.stream.flush()

    def end_line(self) -> None:
        """End the open line, whoever wrote it."""
        with self.lock:
            if self.owner is not None:
                self.write("\n")
                self.owner = None

    def say(self, message: str) -> None:
        """Write ``message`` as a line of its own."""
        with self.lock:
            self.end_line()
            self.write(message + "\n")


class StepDisplay:
    """What the terminal shows while a notebook runs: steps, progress bars, warnings.

    ``start`` prints a step; ``relay`` passes on what a cell writes to standard error
    when it is a progress bar (it holds a carriage return) or one of the package's own
    warnings; ``tick`` (called about every 0.1 s) adds the time elapsed to the step's
    line on a terminal while nothing else is drawn; ``finish`` ends the step. Displays
    of notebooks that run side by side share one :class:`Terminal` and tell their lines
    apart by ``indent`` (the notebook's number).
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        indent: str = "    ",
        terminal: Terminal | None = None,
    ) -> None:
        self.terminal = terminal if terminal is not None else Terminal(stream)
        self.lock = self.terminal.lock  # one lock for every display of the terminal
        self.indent = indent
        self.line = ""  # this step's line, until the step ends
        self.started = 0.0
        self.shown = 0  # the seconds the step line shows

    @property
    def open(self) -> bool:
        """Whether this display's line is the terminal's open line."""
        return self.terminal.owner is self

    def _write(self, text: str, *, left_open: bool) -> None:
        self.terminal.write(text)
        self.terminal.owner = self if left_open else None

    def start(self, number: int, total: int, source: str) -> None:
        with self.lock:
            self._end_line()
            self.line = f"{self.indent}{number}/{total} {step_name(source)}"
            self.started, self.shown = time.monotonic(), 0
            self._write(self.line, left_open=True)

    def tick(self) -> None:
        with self.lock:
            elapsed = int(time.monotonic() - self.started)
            due = elapsed >= 2 and elapsed != self.shown
            if self.terminal.live and self.line and self.open and due:
                self._write(f"\r{self.line}  … {elapsed} s", left_open=True)
                self.shown = elapsed

    def relay(self, text: str) -> None:
        with self.lock:
            if "\r" in text:
                if self.line or self.terminal.owner not in (None, self):
                    self._end_line()
                self._write(
                    text.replace("\r", "\r" + self.indent), left_open=not text.endswith("\n")
                )
                return
            for name, message in _WARNING.findall(text):
                if name in _OWN_WARNINGS:
                    self._end_line()
                    self._write(f"{self.indent}{name}: {message}\n", left_open=False)

    def finish(self) -> None:
        with self.lock:
            elapsed = time.monotonic() - self.started
            if self.line and elapsed >= SLOW_STEP:
                suffix = f"  ({elapsed:.1f} s)"
                if not self.open:  # another notebook wrote since: the whole line again
                    self.terminal.end_line()
                    self._write(f"{self.line}{suffix}\n", left_open=False)
                else:
                    self._write(f"\r{self.line}{suffix}\n" if self.terminal.live else f"{suffix}\n",
                                left_open=False)  # fmt: skip
            elif self.open:
                self._write("\n", left_open=False)
            self.line = ""

    def _end_line(self) -> None:
        self.terminal.end_line()
        self.line = ""


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


class NotebookRun:
    """One notebook being executed in a fresh kernel, on a thread of its own.

    Made by :func:`execute_notebooks`; ``path``, ``number`` (from 1) and ``seconds`` (the
    time it ran) describe it, and :meth:`result` gives the executed notebook or raises
    :class:`~corpus_tools.errors.NotebookError` naming the failing cell.
    """

    def __init__(
        self,
        path: Path,
        parameters: Mapping[str, object],
        *,
        number: int,
        timeout: int | None,
        display: StepDisplay,
    ) -> None:
        import nbformat

        self.path, self.number, self.timeout, self.display = path, number, timeout, display
        self.notebook = nbformat.read(path, as_version=4)
        inject_parameters(self.notebook, parameters)
        self.code_cells = [  # numbered as in the notebook on disk, without the injected cell
            i
            for i, c in enumerate(self.notebook.cells)
            if c.cell_type == "code" and INJECTED_TAG not in c.metadata.get("tags", [])
        ]
        self.client = _client_class()(
            self.notebook,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            on_cell_execute=self._started,
            on_cell_executed=self._executed,
            log=_QUIET,
        )
        self.client.on_stderr = display.relay
        self.error: BaseException | None = None
        self.seconds = 0.0
        self.kernel_log: Any = None  # the kernel's own log, from start() to result()
        self.thread = threading.Thread(target=self._work, name=f"kernel-{path.stem}", daemon=True)

    def _started(self, cell: Any, cell_index: int, **_: object) -> None:
        if cell_index in self.code_cells:
            position = self.code_cells.index(cell_index) + 1
            self.display.start(position, len(self.code_cells), cell.source)

    def _executed(self, cell: Any, cell_index: int, **_: object) -> None:
        if cell_index in self.code_cells:
            self.display.finish()

    def _work(self) -> None:
        started = time.perf_counter()
        try:
            environment = {**os.environ, **KERNEL_ENVIRONMENT}
            self.client.execute(stderr=self.kernel_log, env=environment)
        except BaseException as error:  # handed to the main thread by result()
            self.error = error
        finally:
            self.seconds = time.perf_counter() - started

    def start(self) -> None:
        """Start the kernel and the cells, on this run's thread."""
        self.kernel_log = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")
        self.thread.start()

    def kill(self) -> None:
        """Kill the kernel and the processes it started."""
        _kill_kernel(self.client)

    def result(self) -> Any:
        """The executed notebook, once the thread has ended; or the error, as NotebookError."""
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        self.display.finish()
        error, self.error = self.error, None
        try:
            if isinstance(error, CellExecutionError):
                raise NotebookError(_failed_cell(self.notebook, self.code_cells, error))
            if isinstance(error, DeadKernelError):
                raise NotebookError(
                    "its kernel died while a cell ran (out of memory, or killed)"
                    f"{_last_words(self.kernel_log)}; run it again, or on a smaller corpus"
                )
            if isinstance(error, CellTimeoutError):
                raise NotebookError(
                    f"a cell ran longer than {self.timeout} s and was stopped; run it again "
                    "with a longer --cell-timeout, or on a smaller corpus"
                )
            if error is not None:
                raise error
        finally:
            self.kernel_log.close()
        return self.notebook


def execute_notebooks(
    jobs: Sequence[tuple[Path, Mapping[str, object]]],
    *,
    workers: int = 1,
    timeout: int | None = None,
    terminal: Terminal | None = None,
    on_start: Callable[[NotebookRun], None] | None = None,
) -> Generator[NotebookRun, None, None]:
    """Execute notebooks, up to ``workers`` at once; yield each run as it ends.

    Each ``(path, parameters)`` pair runs in a fresh kernel, as :func:`execute_notebook`
    runs one; ``on_start`` is called as each one starts. With more than one worker the
    steps of each notebook are shown with its number (``02 3/20 …``). Ctrl-C, or
    closing the iterator early, kills every kernel still running (and the processes they
    started) before the KeyboardInterrupt goes on.

    nbclient run in the main thread catches SIGINT itself and shuts the kernel down
    under the running cell, which ends in DeadKernelError and AssertionError tracebacks.
    On worker threads it cannot install that handler, so Ctrl-C reaches the main thread
    here as a KeyboardInterrupt; the kernels lead their own sessions, so the terminal's
    Ctrl-C does not reach them.
    """
    terminal = terminal if terminal is not None else Terminal()
    workers = max(1, min(workers, len(jobs)))
    runs = [
        NotebookRun(
            path,
            parameters,
            number=number,
            timeout=timeout,
            display=StepDisplay(
                terminal=terminal, indent=f"    {path.name[:2]} " if workers > 1 else "    "
            ),
        )
        for number, (path, parameters) in enumerate(jobs, start=1)
    ]
    yield from _drive(runs, workers=workers, on_start=on_start)


def _drive(
    pending: list[NotebookRun],
    *,
    workers: int,
    on_start: Callable[[NotebookRun], None] | None,
) -> Generator[NotebookRun, None, None]:
    active: list[NotebookRun] = []
    try:
        while pending or active:
            while pending and len(active) < workers:
                run = pending.pop(0)
                if on_start is not None:
                    on_start(run)
                run.start()
                active.append(run)
            active[0].thread.join(0.1)
            for run in active:
                run.display.tick()
            for run in [run for run in active if not run.thread.is_alive()]:
                active.remove(run)
                yield run
    except BaseException:  # Ctrl-C, a failed notebook, or the caller stopped early
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
        try:  # with Ctrl-C ignored: a second one must not cut this short
            deadline = time.monotonic() + 30
            while any(run.thread.is_alive() for run in active) and time.monotonic() < deadline:
                for run in active:
                    run.kill()  # again and again: a kernel may still be starting
                    run.thread.join(0.2)
            for run in active:
                run.kill()
                run.kernel_log.close()
        finally:
            if in_main:
                signal.signal(signal.SIGINT, previous)
        raise


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
    Ctrl-C kills the kernel and raises KeyboardInterrupt.
    """
    display = display if display is not None else StepDisplay()
    run = NotebookRun(path, parameters, number=1, timeout=timeout, display=display)
    with contextlib.closing(_drive([run], workers=1, on_start=None)) as runs:
        for _ in runs:
            pass
    return run.result()


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
