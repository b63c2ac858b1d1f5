"""The ``corpus-tools`` command line: run the notebook sequence on a corpus, headless.

    corpus-tools run [--corpus PATH] [--out DIR] [--build DIR]

Each numbered notebook in ``notebooks/`` runs top to bottom in a fresh Jupyter kernel
(nbclient), with its ``parameters`` cell overridden by the corpus and output folder (as
papermill does). Figures go to ``--out`` (default ``figures/``) with an ``index.html``;
executed notebooks go to ``--build`` (default ``build/notebooks/``), never back into
``notebooks/``. A failing cell stops the run, naming the notebook, the cell and the error.

The output folder never mixes two runs. Figures are written into a hidden staging
folder inside ``--out`` (``.corpus-tools-run-*``) and moved into place only when every
notebook has run; then the figures of the earlier run (files named ``NN_name.png``,
``.svg`` and ``.csv``, and ``index.html``) that this run did not write again are
removed, and the executed notebooks replace those in ``--build``. A run that fails or
is interrupted (Ctrl-C) leaves both folders as the earlier run left them: it stops its
kernel, removes its staging folder and says so in one line (exit status 130 for Ctrl-C).
"""

from __future__ import annotations

import argparse
import html
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from .errors import CorpusError, NotebookError, SourceNotFoundError
from .files import atomic_write_text
from .paths import project_root

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
STAGING_PREFIX = ".corpus-tools-run-"
INTERRUPTED_EXIT = 130  # 128 + SIGINT, as shells report it
FIGURE_FILE = re.compile(r"[0-9][0-9]_.+\.(?:png|svg|csv)|index\.html")
"""The files a run writes into ``--out``; those of an earlier run are replaced."""
NOTEBOOK_FILE = re.compile(r"[0-9][0-9]_.+\.ipynb")

# nbclient and jupyter_client log a killed kernel at length; the run says it in one line.
_QUIET = logging.getLogger("corpus_tools.cli.kernel")
_QUIET.addHandler(logging.NullHandler())
_QUIET.propagate = False


def find_notebooks(folder: Path) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) of ``folder``, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def inject_parameters(notebook, parameters: dict[str, object]) -> None:
    """Insert a cell that sets ``parameters`` right after the cell tagged ``parameters``."""
    import nbformat

    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    cells = notebook.cells
    position = next(
        (
            i + 1
            for i, c in enumerate(cells)
            if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])
        ),
        None,
    )
    if position is None:
        raise NotebookError("has no cell tagged 'parameters'")
    cells.insert(position, cell)


def execute_notebook(path: Path, parameters: dict[str, object], *, timeout: int = 900):
    """Execute one notebook in a fresh kernel, its working directory its own folder."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook = nbformat.read(path, as_version=4)
    inject_parameters(notebook, parameters)
    code_cells = [  # numbered as in the notebook on disk, without the injected cell
        i
        for i, c in enumerate(notebook.cells)
        if c.cell_type == "code" and INJECTED_TAG not in c.metadata.get("tags", [])
    ]

    def progress(cell, cell_index, **_):
        if cell_index not in code_cells:
            return  # the injected parameters
        number = code_cells.index(cell_index) + 1
        print(f"\r    cell {number}/{len(code_cells)}", end="", file=sys.stderr, flush=True)

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_executed=progress,
        log=_QUIET,
    )
    try:
        _execute_interruptibly(client)
    except CellExecutionError as error:
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
        raise NotebookError(
            f"code cell {number} ({first_line!r}) failed: {ename}: {evalue}"
        ) from None
    except DeadKernelError:
        raise NotebookError(
            "its kernel died while a cell ran (out of memory, or killed); run it again, or "
            "on a smaller corpus"
        ) from None
    except CellTimeoutError:
        raise NotebookError(
            f"a cell ran longer than {timeout} s and was stopped; run it again on a smaller corpus"
        ) from None
    finally:
        print("\r", end="", file=sys.stderr)
    return notebook


def _execute_interruptibly(client) -> None:
    """Run ``client.execute()`` so that Ctrl-C stops the kernel and raises KeyboardInterrupt.

    nbclient run in the main thread catches SIGINT itself and shuts the kernel down under
    the running cell, which ends in DeadKernelError and AssertionError tracebacks. In a
    worker thread it cannot install that handler, so Ctrl-C reaches this thread as a
    KeyboardInterrupt: the kernel (in its own session, so the terminal's Ctrl-C does not
    reach it) and every process it started are then killed, and the worker is given a
    moment to shut its client down before the interrupt goes on.
    """
    outcome: dict[str, BaseException] = {}

    def work() -> None:
        try:
            client.execute()
        except BaseException as error:  # handed to the main thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="corpus-tools-kernel", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.1)
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


def _kill_kernel(client) -> None:
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


def write_index(out_dir: Path, notebooks: list[Path]) -> Path:
    """Write ``index.html``: every PNG in ``out_dir`` with its caption and notebook."""
    from PIL import Image

    by_number = {p.name[:2]: p.name for p in notebooks}
    rows = []
    for png in sorted(out_dir.glob("[0-9][0-9]_*.png")):
        with Image.open(png) as image:
            caption = (
                image.text.get("Description", png.stem) if hasattr(image, "text") else png.stem
            )
        notebook = by_number.get(png.name[:2], "?")
        table = png.with_suffix(".csv")
        links = [f'<a href="{html.escape(png.with_suffix(".svg").name)}">SVG</a>']
        if table.exists():
            links.append(f'<a href="{html.escape(table.name)}">CSV</a>')
        rows.append(
            f'<figure id="{html.escape(png.stem)}">\n'
            f'  <img src="{html.escape(png.name)}" alt="{html.escape(caption)}" loading="lazy">\n'
            f"  <figcaption><strong>{html.escape(png.stem)}</strong>: {html.escape(caption)}"
            f" <small>({html.escape(notebook)}; {' · '.join(links)})</small></figcaption>\n"
            "</figure>"
        )
    page = (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        "<title>corpus_tools figures</title>\n<style>\n"
        "body { font-family: 'DejaVu Sans', sans-serif; max-width: 60rem; margin: 2rem auto; }\n"
        "img { max-width: 100%; border: 1px solid #ddd; }\nfigure { margin: 0 0 2.5rem; }\n"
        "</style>\n</head>\n<body>\n<h1>corpus_tools figures</h1>\n"
        + "\n".join(rows)
        + "\n</body>\n</html>\n"
    )
    path = out_dir / "index.html"
    atomic_write_text(path, page)
    return path


def _corpus_option(corpus: str | None) -> str | None:
    if corpus is None:
        return None
    if not corpus.strip():
        raise CorpusError(
            "--corpus is empty; pass a folder or file, or leave --corpus out for the bundled seeds"
        )
    path = Path(corpus)
    if not path.exists():
        raise SourceNotFoundError(f"{corpus}: no such file or folder")
    return str(path.resolve())


def _folder_option(value: str | None, option: str, default: Path) -> Path:
    """The folder ``option`` names (created if missing), or an error saying what is wrong."""
    if value is not None and not value.strip():
        raise CorpusError(f"{option} is empty; pass a folder, or leave {option} out")
    folder = Path(value).resolve() if value is not None else default
    if folder.exists() and not folder.is_dir():
        raise CorpusError(
            f"{option} {folder}: is a file, not a folder; pass a folder (it is created if missing)"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CorpusError(
            f"{option} {folder}: cannot be created ({error.strerror}); pass another folder"
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CorpusError(f"{option} {folder}: is not writable; pass another folder")
    return folder


def _stage(out_dir: Path) -> Path:
    """A fresh hidden staging folder in ``out_dir``; those of runs that were killed go."""
    for old in out_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))


def _publish(stage: Path, out_dir: Path, executed: dict[str, str], build_dir: Path) -> None:
    """Move the staged figures into ``out_dir`` and write the executed notebooks.

    Each file is renamed into place (atomic); figures and executed notebooks of an
    earlier run that this run did not write again are removed. Ctrl-C waits until
    this is done.
    """
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        written = {path.name for path in stage.iterdir()}
        for name in sorted(written):
            os.replace(stage / name, out_dir / name)
        stage.rmdir()
        for path in out_dir.iterdir():
            if FIGURE_FILE.fullmatch(path.name) and path.name not in written and path.is_file():
                path.unlink()
        for name, text in executed.items():
            atomic_write_text(build_dir / name, text)
        for path in build_dir.iterdir():
            if NOTEBOOK_FILE.fullmatch(path.name) and path.name not in executed:
                path.unlink()
    finally:
        signal.signal(signal.SIGINT, previous)


def run(corpus: str | None, out: str | None, build: str | None, notebooks_dir: str | None) -> int:
    """Run every numbered notebook on ``corpus``; see the module docstring."""
    import nbformat

    root = project_root()
    folder = Path(notebooks_dir) if notebooks_dir else root / "notebooks"
    corpus_path = _corpus_option(corpus)
    notebooks = find_notebooks(folder)
    if not notebooks:
        raise FileNotFoundError(f"{folder}: holds no numbered notebooks (NN_name.ipynb)")
    out_dir = _folder_option(out, "--out", root / "figures")
    build_dir = _folder_option(build, "--build", root / "build" / "notebooks")
    print(f"corpus: {corpus_path or 'bundled seeds'}; figures: {out_dir}", file=sys.stderr)
    stage = _stage(out_dir)
    parameters: dict[str, object] = {"CORPUS": corpus_path, "OUT_DIR": str(stage)}
    executed: dict[str, str] = {}
    current = None
    try:
        for number, path in enumerate(notebooks, start=1):
            current = path.name
            started = time.perf_counter()
            print(f"[{number}/{len(notebooks)}] {path.name}", file=sys.stderr, flush=True)
            try:
                executed[path.name] = nbformat.writes(execute_notebook(path, parameters))
            except NotebookError as error:
                raise NotebookError(f"{path.name}: {error}") from None
            elapsed = time.perf_counter() - started
            print(f"    done in {elapsed:.1f} s", file=sys.stderr, flush=True)
        current = None
        write_index(stage, notebooks)
        _publish(stage, out_dir, executed, build_dir)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # we are stopping: no second traceback
        shutil.rmtree(stage, ignore_errors=True)
        where = f" in {current}" if current else ""
        print(
            f"\rcorpus-tools: interrupted{where}; this run's figures are incomplete and "
            f"were discarded, so {out_dir} keeps the earlier run's",
            file=sys.stderr,
        )
        return INTERRUPTED_EXIT
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    print(f"wrote {out_dir / 'index.html'}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="run every notebook on a corpus, write figures")
    run_parser.add_argument(
        "--corpus",
        default=None,
        help="folder of .txt files, a .txt, .csv or .jsonl (default: seeds/)",
    )
    run_parser.add_argument(
        "--out",
        default=None,
        help="output folder (default: figures/); the earlier run's figures there are replaced "
        "when this run ends, and kept if it fails or is interrupted",
    )
    run_parser.add_argument(
        "--build", default=None, help="folder for executed notebooks (default: build/notebooks/)"
    )
    run_parser.add_argument("--notebooks", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        return run(args.corpus, args.out, args.build, args.notebooks)
    except KeyboardInterrupt:  # before the first notebook started: nothing was written
        print("\ncorpus-tools: interrupted before any notebook ran; nothing was written",
              file=sys.stderr)  # fmt: skip
        return INTERRUPTED_EXIT
    except (CorpusError, OSError, NotebookError) as error:  # OSError: a full disk, say
        print(f"corpus-tools: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
