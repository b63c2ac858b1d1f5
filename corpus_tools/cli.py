"""The ``corpus-tools`` command line: run the notebook sequence on a corpus, headless.

    corpus-tools run [--corpus PATH] [--out DIR] [--build DIR] [--cache-dir DIR]
                     [--jobs N] [--group-by FIELD] [--lang vi|en]
                     [--filename-pattern REGEX] [--folder-field NAME]
                     [-p NAME VALUE ...] [--cell-timeout SECONDS]

First the corpus is read once and word-segmented, on every core that pays off, into a
token cache (``--cache-dir``, default ``OUT/.tokens``); the documents table and the
corpus summary come from that pass (:func:`corpus_tools.scan.scan_corpus`, in a child
process of its own, so that Ctrl-C stops it and its workers in one line). Then each
numbered notebook in ``notebooks/`` runs top to bottom in a fresh Jupyter kernel
(nbclient), as many at once as ``--jobs`` allows (:func:`notebook_workers`), its
``parameters`` cell followed by the run's values (as papermill does):
``CORPUS`` and ``OUT_DIR`` always, and ``CACHE_DIR``, ``N_JOBS`` and every other
parameter (the options above, ``-p NAME VALUE``) only in the notebooks whose parameters
cell assigns that name. A name that no notebook takes is reported once and ignored.
The terminal shows each notebook, its steps and the progress bars drawn inside it
(:mod:`corpus_tools.execution`).

Figures go to ``--out`` (default ``figures/``) with ``index.html``, ``documents.csv``
and the executed notebooks as HTML in ``OUT/notebooks/``
(:func:`corpus_tools.report.write_index`); executed notebooks go to ``--build``
(default ``build/notebooks/``), never back into ``notebooks/``. A failing cell stops the
run, naming the notebook, the cell and the error.

The output folder never mixes two runs. Everything is written into a hidden staging
folder inside ``--out`` (``.corpus-tools-run-*``) and moved into place only when every
notebook has run; then the files of the earlier run (``NN_name.png``, ``.svg`` and
``.csv``, ``index.html``, ``documents.csv``, ``notebooks/NN_name.html``) that this run
did not write again are removed, and the executed notebooks replace those in
``--build``. A run that fails or is interrupted (Ctrl-C) leaves both folders as the
earlier run left them: it stops its kernel and worker processes, removes its staging
folder and says so in one line (exit status 130 for Ctrl-C). The token cache is kept:
it is keyed by content, so what an interrupted run segmented serves the next one.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import keyword
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from .errors import CorpusError, NotebookError, SourceNotFoundError
from .execution import (
    NotebookRun,
    Terminal,
    execute_notebooks,
    find_notebooks,
    parameter_names,
)
from .files import atomic_write_text
from .paths import project_root
from .segment.workers import worker_count

STAGING_PREFIX = ".corpus-tools-run-"
INTERRUPTED_EXIT = 130  # 128 + SIGINT, as shells report it
FIGURE_FILE = re.compile(r"[0-9][0-9]_.+\.(?:png|svg|csv)|index\.html|documents\.csv")
"""The files a run writes into ``--out``; those of an earlier run are replaced."""
PARALLEL_WORDS = 3_000_000
"""Above this many words, notebooks run one at a time (see :func:`notebook_workers`)."""
NOTEBOOK_FILE = re.compile(r"[0-9][0-9]_.+\.ipynb")
NOTEBOOK_PAGE = re.compile(r"[0-9][0-9]_.+\.html")
"""The executed notebooks as HTML, in ``OUT/notebooks/``."""
CACHE_FOLDER = ".tokens"
"""The token cache's folder inside ``--out`` when ``--cache-dir`` is not given."""
RUN_PARAMETERS = ("CORPUS", "OUT_DIR", "CACHE_DIR", "N_JOBS")
"""Parameters the run sets itself (``-p`` may not); CORPUS and OUT_DIR go to every
notebook, the others to those that take them."""
OPTION_PARAMETERS = {
    "group_by": "GROUP_BY",
    "lang": "LANG",
    "filename_pattern": "FILENAME_PATTERN",
    "folder_field": "FOLDER_FIELD",
}
"""Options that set a notebook parameter of the same meaning (``--group-by`` → GROUP_BY)."""
READ_OPTIONS = {"FILENAME_PATTERN": "filename_pattern", "FOLDER_FIELD": "folder_field"}
"""Parameters that are also options of reading the corpus (:func:`~corpus_tools.iter_corpus`)."""


# ---------------------------------------------------------------------------------------
# Options.
# ---------------------------------------------------------------------------------------


def parse_value(text: str) -> object:
    """A ``-p`` value: a Python literal if it reads as one, else the text itself.

    Examples
    --------
    >>> parse_value("20"), parse_value("[2, 4]"), parse_value("None")
    (20, [2, 4], None)
    >>> parse_value("date:month"), parse_value("'20'")
    ('date:month', '20')
    """
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return text


def parameters_from(args: argparse.Namespace) -> dict[str, object]:
    """The notebook parameters that the options and ``-p NAME VALUE`` pairs give."""
    parameters: dict[str, object] = {}
    for option, name in OPTION_PARAMETERS.items():
        value = getattr(args, option, None)
        if value is not None:
            parameters[name] = value
    for name, text in args.parameter or []:
        if not name.isidentifier() or keyword.iskeyword(name):
            raise CorpusError(f"-p {name}: a parameter name is a Python name, like GROUP_BY")
        if name in RUN_PARAMETERS:
            flags = {"CORPUS": "--corpus", "OUT_DIR": "--out", "CACHE_DIR": "--cache-dir"}
            raise CorpusError(
                f"-p {name}: the run sets {name} itself; use {flags.get(name, '--jobs')}"
            )
        if name in parameters:
            raise CorpusError(f"-p {name}: {name} is given twice; give it once")
        parameters[name] = parse_value(text)
    pattern = parameters.get("FILENAME_PATTERN")
    if pattern is not None:
        try:
            groups = re.compile(str(pattern)).groupindex
        except re.error as error:
            raise CorpusError(
                f"--filename-pattern {pattern!r}: not a regular expression ({error})"
            ) from None
        if not groups:
            raise CorpusError(
                f"--filename-pattern {pattern!r}: has no named group; name the fields, as in "
                r"'news_(?P<category>[a-z]+)_\d+'"
            )
    return parameters


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


def notebook_workers(jobs: int, *, words: int, notebooks: int) -> int:
    """How many notebooks run at once: one per worker that ``jobs`` allows (-1: every
    core), at most one per notebook, and only one above :data:`PARALLEL_WORDS` words.

    Each kernel holds the corpus, so memory grows with the notebooks that run at once;
    on the seeds, running two at a time roughly halves the wall time on two cores.

    Examples
    --------
    >>> notebook_workers(2, words=3_895, notebooks=5)
    2
    >>> notebook_workers(2, words=50_000_000, notebooks=5)
    1
    """
    if words > PARALLEL_WORDS:
        return 1
    return max(1, min(worker_count(jobs), notebooks))


def _jobs_option(jobs: int) -> int:
    if jobs == 0:
        raise CorpusError("--jobs 0: pass a number of worker processes, or -1 for every core")
    return jobs


# ---------------------------------------------------------------------------------------
# Staging and publishing.
# ---------------------------------------------------------------------------------------


def _stage(out_dir: Path) -> Path:
    """A fresh hidden staging folder in ``out_dir``; those of runs that were killed go."""
    for old in out_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))


def _replace_files(source: Path, target: Path, pattern: re.Pattern[str]) -> None:
    """Move every file of ``source`` into ``target``; remove ``target``'s other files that
    ``pattern`` matches (those of an earlier run)."""
    written = {path.name for path in source.iterdir() if path.is_file()}
    target.mkdir(exist_ok=True)
    for name in sorted(written):
        os.replace(source / name, target / name)
    for path in target.iterdir():
        if pattern.fullmatch(path.name) and path.name not in written and path.is_file():
            path.unlink()


def _publish(stage: Path, out_dir: Path, executed: dict[str, str], build_dir: Path) -> None:
    """Move the staged files into ``out_dir`` and write the executed notebooks.

    Each file is renamed into place (atomic); files of an earlier run that this run did
    not write again are removed. Ctrl-C waits until this is done.
    """
    from .report import NOTEBOOK_FOLDER

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pages = stage / NOTEBOOK_FOLDER
        if pages.is_dir():
            _replace_files(pages, out_dir / NOTEBOOK_FOLDER, NOTEBOOK_PAGE)
            pages.rmdir()
        elif (out_dir / NOTEBOOK_FOLDER).is_dir():
            for path in (out_dir / NOTEBOOK_FOLDER).iterdir():
                if NOTEBOOK_PAGE.fullmatch(path.name) and path.is_file():
                    path.unlink()
        _replace_files(stage, out_dir, FIGURE_FILE)
        stage.rmdir()
        for name, text in executed.items():
            atomic_write_text(build_dir / name, text)
        for path in build_dir.iterdir():
            if NOTEBOOK_FILE.fullmatch(path.name) and path.name not in executed:
                path.unlink()
    finally:
        signal.signal(signal.SIGINT, previous)


# ---------------------------------------------------------------------------------------
# The run.
# ---------------------------------------------------------------------------------------


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _taken(books: dict[Path, list[str]], parameters: dict[str, object]) -> None:
    """Say once which given parameters no notebook takes."""
    taken = {name for names in books.values() for name in names}
    unknown = [name for name in parameters if name not in taken]
    if unknown:
        _say(
            f"corpus-tools: warning: no notebook takes {', '.join(unknown)} in its parameters "
            "cell; ignored"
        )


def run(args: argparse.Namespace) -> int:
    """Run every numbered notebook on ``args.corpus``; see the module docstring."""
    import nbformat

    from .report import NOTEBOOK_FOLDER, notebook_html, write_index
    from .scan import scan_in_child, write_documents

    root = project_root()
    folder = Path(args.notebooks) if args.notebooks else root / "notebooks"
    corpus_path = _corpus_option(args.corpus)
    jobs = _jobs_option(args.jobs)
    parameters = parameters_from(args)
    notebooks = find_notebooks(folder)
    if not notebooks:
        raise FileNotFoundError(f"{folder}: holds no numbered notebooks (NN_name.ipynb)")
    books: dict[Path, list[str]] = {}
    for path in notebooks:
        try:
            books[path] = parameter_names(nbformat.read(path, as_version=4))
        except NotebookError as error:
            raise NotebookError(f"{path.name}: {error}") from None
    out_dir = _folder_option(args.out, "--out", root / "figures")
    build_dir = _folder_option(args.build, "--build", root / "build" / "notebooks")
    cache_dir = _folder_option(args.cache_dir, "--cache-dir", out_dir / CACHE_FOLDER)
    _say(f"corpus: {corpus_path or 'bundled seeds'}; figures: {out_dir}")
    _taken(books, parameters)
    stage = _stage(out_dir)
    every = {**parameters, "CACHE_DIR": str(cache_dir), "N_JOBS": jobs}
    executed: dict[str, str] = {}
    terminal = Terminal()
    running: list[str] = []  # the notebooks running now, named if the run is interrupted
    current = "while reading and segmenting the corpus"
    try:
        started = time.perf_counter()
        _say(f"[0/{len(notebooks)}] segmenting the corpus into {cache_dir}")
        summary = scan_in_child(
            corpus_path,
            cache_dir=cache_dir,
            n_jobs=jobs,
            read_options={READ_OPTIONS[k]: v for k, v in parameters.items() if k in READ_OPTIONS},
        )
        _say(
            f"    {summary.documents:,d} documents, {summary.words:,d} words, "
            f"in {time.perf_counter() - started:.1f} s"
        )
        (stage / NOTEBOOK_FOLDER).mkdir()
        workers = notebook_workers(jobs, words=summary.words, notebooks=len(books))
        if workers > 1:
            _say(f"    {workers} notebooks at a time; each one's steps carry its number")
        total = len(notebooks)
        jobs_given = []
        for path, names in books.items():
            given: dict[str, object] = {"CORPUS": corpus_path, "OUT_DIR": str(stage)}
            given.update({name: every[name] for name in names if name in every})
            jobs_given.append((path, given))
        current = "while running the notebooks"

        def announce(run: NotebookRun) -> None:
            running.append(run.path.name)
            terminal.say(f"[{run.number}/{total}] {run.path.name}")

        runs = execute_notebooks(
            jobs_given,
            workers=workers,
            timeout=args.cell_timeout,
            terminal=terminal,
            on_start=announce,
        )
        with contextlib.closing(runs):
            for run in runs:
                running.remove(run.path.name)
                try:
                    notebook = run.result()
                except NotebookError as error:
                    raise NotebookError(f"{run.path.name}: {error}") from None
                executed[run.path.name] = nbformat.writes(notebook)
                page = stage / NOTEBOOK_FOLDER / run.path.with_suffix(".html").name
                atomic_write_text(page, notebook_html(notebook))
                name = f"{run.path.name} " if workers > 1 else ""
                terminal.say(f"    {name}done in {run.seconds:.1f} s")
        current = "while writing index.html"
        write_documents(summary, stage)
        write_index(
            stage, [p.name for p in notebooks], summary=summary, lang=str(every.get("LANG", "vi"))
        )
        _publish(stage, out_dir, executed, build_dir)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # we are stopping: no second traceback
        shutil.rmtree(stage, ignore_errors=True)
        terminal.end_line()  # a step's line may be open
        current = f"in {' and '.join(running)}" if running else current
        _say(
            f"\rcorpus-tools: interrupted {current}; this run's figures are incomplete and "
            f"were discarded, so {out_dir} keeps the earlier run's"
        )
        return INTERRUPTED_EXIT
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _say(f"wrote {out_dir / 'index.html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser(
        "run",
        help="segment the corpus once, run every notebook on it, write figures and index.html",
    )
    add = run_parser.add_argument
    add(
        "--corpus",
        default=None,
        help="folder of .txt files, a .txt, .csv or .jsonl (default: seeds/)",
    )
    add(
        "--out",
        default=None,
        help="output folder (default: figures/); the earlier run's figures there are replaced "
        "when this run ends, and kept if it fails or is interrupted",
    )
    add("--build", default=None, help="folder for executed notebooks (default: build/notebooks/)")
    add(
        "--cache-dir",
        default=None,
        help="token cache, kept between runs (default: OUT/.tokens); parameter CACHE_DIR",
    )
    add(
        "--jobs",
        type=int,
        default=-1,
        help="worker processes for segmenting (default -1: every core, as many as pay off); "
        "parameter N_JOBS",
    )
    add(
        "--group-by",
        default=None,
        metavar="FIELD",
        help="group documents by a field or a date period (source, category, date:month…); "
        "parameter GROUP_BY",
    )
    add(
        "--lang",
        choices=("vi", "en"),
        default=None,
        help="language of figures and index.html (default: vi); parameter LANG",
    )
    add(
        "--filename-pattern",
        default=None,
        metavar="REGEX",
        help=r"fields from file names by named groups, e.g. 'news_(?P<category>[a-z]+)_\d+'; "
        "parameter FILENAME_PATTERN",
    )
    add(
        "--folder-field",
        default=None,
        metavar="NAME",
        help="name of the field that holds each file's sub-folder; parameter FOLDER_FIELD",
    )
    add(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="set a notebook parameter (repeatable); VALUE is read as a Python literal "
        "(20, [2, 4], None, 'text') or else taken as text",
    )
    add(
        "--cell-timeout",
        type=int,
        default=None,
        metavar="SECONDS",
        help="stop a cell that runs longer than this (default: no limit)",
    )
    add("--notebooks", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        return run(args)
    except KeyboardInterrupt:  # before the first notebook started: nothing was written
        print(
            "\ncorpus-tools: interrupted before any notebook ran; nothing was written",
            file=sys.stderr,
        )
        return INTERRUPTED_EXIT
    except (CorpusError, OSError, NotebookError) as error:  # OSError: a full disk, say
        print(f"corpus-tools: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
