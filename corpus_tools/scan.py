"""Read a corpus once per run: segment it into the token cache, summarise its documents.

``corpus-tools run`` calls :func:`scan_in_child` before any notebook: it word-segments
every document by paragraph into the run's token cache, stores each whole document's
words too (joined from its paragraphs' words in the same pass, not segmented again),
and keeps one row per document, with its word count, for ``index.html`` and
``documents.csv``. The notebooks
then read the cache (``cache_dir=CACHE_DIR``) instead of segmenting again, with either
unit and any filters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CorpusError
from .files import atomic_write
from .groups import document_labels
from .io import Document, iter_corpus
from .io.read import list_text_files
from .paths import seeds_dir
from .validation import check_unique_ids

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DOCUMENTS_FILE",
    "CorpusSummary",
    "scan_corpus",
    "scan_in_child",
    "write_documents",
]

DOCUMENTS_FILE = "documents.csv"
"""The table of every document that a run writes beside its figures."""


@dataclass(frozen=True)
class CorpusSummary:
    """The documents of a corpus and their word counts; see :func:`scan_corpus`.

    ``table`` has the columns of :func:`~corpus_tools.groups.documents_table` with
    ``label`` after ``doc_id`` and ``words`` (tokens without punctuation, as
    ``tokenize_corpus(docs)`` counts them) after ``paragraphs``.
    """

    source: str | None
    table: pd.DataFrame

    @property
    def documents(self) -> int:
        return len(self.table)

    @property
    def words(self) -> int:
        return int(self.table["words"].sum())

    @property
    def dates(self) -> tuple[dt.date | None, dt.date | None, int]:
        """The first and last date, and how many documents have none."""
        dates = [d for d in self.table["date"] if isinstance(d, dt.date)]
        return (min(dates, default=None), max(dates, default=None), self.documents - len(dates))


def _read_options(options: Mapping[str, object] | None) -> dict[str, Any]:
    """The reading options that this version of ``iter_corpus`` takes (others are left)."""
    accepted = inspect.signature(iter_corpus).parameters
    return {k: v for k, v in (options or {}).items() if k in accepted and v is not None}


def _say(message: str) -> None:
    import sys

    print(message, file=sys.stderr, flush=True)


class _Counted:
    """Documents read afresh on each iteration, whose number is known (for an ETA)."""

    def __init__(self, read: Callable[[], Iterator[Document]], total: int) -> None:
        self.read, self.total = read, total

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[Document]:
        return self.read()


def _document_count(path: Path | None, options: dict[str, Any]) -> int:
    """How many documents ``path`` holds: its ``.txt`` files, or its rows counted."""
    folder = seeds_dir() if path is None else path
    if folder.is_dir():
        return len(list_text_files(folder))
    count = 0
    for _ in iter_corpus(path, **options):
        count += 1
    return count


def scan_corpus(
    source: str | os.PathLike[str] | None,
    *,
    cache_dir: str | os.PathLike[str],
    n_jobs: int = -1,
    read_options: Mapping[str, object] | None = None,
    progress: bool = True,
) -> CorpusSummary:
    """Read a corpus once: segment it into ``cache_dir`` and summarise its documents.

    Every document is segmented by paragraph (:func:`~corpus_tools.segment.iter_tokens`
    with ``unit="paragraph"``, on ``n_jobs`` workers), and each whole document's words
    are stored too, joined from its paragraphs' without segmenting again, in one pass. Later calls
    with either unit, any ``lowercase``, ``stopwords``, ``keep_punct`` or
    ``keep_numbers``, the default user words and ``cache_dir`` read the cache. Texts
    are read a file at a time and not kept.

    Parameters
    ----------
    source : path or None
        As for :func:`~corpus_tools.io.read_corpus` (None: the bundled seeds).
    cache_dir : path
        The token cache (created if missing).
    n_jobs : int
        Worker processes for the segmentation (-1: as many as pay off).
    read_options : mapping, optional
        Options for :func:`~corpus_tools.io.iter_corpus`; those it does not take, and
        None values, are left out.
    progress : bool
        Show the segmentation's progress bar on standard error.

    Raises
    ------
    CorpusError
        As reading does, and when two documents share an id.
    """
    from .groups import documents_table
    from .segment.runner import cache_paragraphs_and_documents

    options = _read_options(read_options)
    path = None if source is None else Path(source)
    kept: list[Document] = []

    def documents() -> Iterator[Document]:
        for doc in iter_corpus(path, **options):
            # Only what the table shows is kept: no text (one empty string per paragraph
            # keeps the paragraph count at 8 bytes each).
            kept.append(
                dataclasses.replace(doc, paragraphs=("",) * len(doc.paragraphs), raw="", removed=())
            )
            yield doc

    total = _document_count(path, options)
    if progress:
        _say(f"    {total:,d} documents: words of each paragraph and of each whole document")
    words: dict[str, int] = {}
    for doc_id, tokens in cache_paragraphs_and_documents(
        _Counted(documents, total), cache_dir=cache_dir, n_jobs=n_jobs, progress=progress
    ):
        words[doc_id] = words.get(doc_id, 0) + len(tokens)
    check_unique_ids([doc.doc_id for doc in kept], where=f"{source or 'seeds'}: ")
    table = documents_table(kept)
    labels = document_labels(table[["doc_id", "title"]])
    table.insert(1, "label", [labels[str(doc_id)] for doc_id in table["doc_id"]])
    table.insert(
        table.columns.get_loc("paragraphs") + 1,
        "words",
        [words.get(doc_id, 0) for doc_id in table["doc_id"]],
    )
    return CorpusSummary(None if source is None else os.fspath(source), table)


def scan_in_child(
    source: str | os.PathLike[str] | None,
    *,
    cache_dir: str | os.PathLike[str],
    n_jobs: int = -1,
    read_options: Mapping[str, object] | None = None,
) -> CorpusSummary:
    """:func:`scan_corpus` in a child process that leads its own session.

    Ctrl-C then reaches this process alone, which kills the child and its worker
    processes at once (they would otherwise each print a KeyboardInterrupt traceback,
    and be caught while still importing), and the memory of the model and the workers
    is freed when the scan ends. The progress bar is the child's, on this standard error.
    Raises :class:`~corpus_tools.errors.CorpusError` with the child's message when
    reading fails.
    """
    import json
    import pickle
    import signal
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="corpus-tools-scan-") as folder:
        request = Path(folder) / "request.json"
        result = Path(folder) / "summary.pickle"
        request.write_text(
            json.dumps(
                {
                    "source": None if source is None else os.fspath(source),
                    "cache_dir": os.fspath(cache_dir),
                    "n_jobs": n_jobs,
                    "read_options": dict(read_options or {}),
                    "result": str(result),
                }
            ),
            encoding="utf-8",
        )
        child = subprocess.Popen(
            [sys.executable, "-m", "corpus_tools.scan", str(request)],
            start_new_session=True,
        )
        try:
            status = child.wait()
        except BaseException:
            if hasattr(os, "killpg"):
                try:
                    os.killpg(child.pid, signal.SIGKILL)  # the child and its workers
                except ProcessLookupError:
                    pass
            child.kill()
            child.wait()
            raise
        if not result.is_file():
            raise CorpusError(f"reading the corpus stopped (the scan exited with status {status})")
        with open(result, "rb") as file:
            found = pickle.load(file)
    if isinstance(found, str):
        raise CorpusError(found)
    return CorpusSummary(*found)


def _scan_request(request: str) -> None:
    """The child of :func:`scan_in_child`: scan, then pickle the summary's fields (plain
    types: the child's classes live in ``__main__``) or the error's message."""
    import json
    import pickle

    from .segment.workers import release_workers

    asked = json.loads(Path(request).read_text(encoding="utf-8"))
    found: tuple[str | None, pd.DataFrame] | str
    try:
        summary = scan_corpus(
            asked["source"],
            cache_dir=asked["cache_dir"],
            n_jobs=asked["n_jobs"],
            read_options=asked["read_options"],
        )
        found = (summary.source, summary.table)
    except (CorpusError, OSError) as error:  # OSError: an unreadable file, a full disk
        found = str(error)
    finally:
        release_workers()
    with open(asked["result"], "wb") as file:
        pickle.dump(found, file)


def write_documents(summary: CorpusSummary, out_dir: Path) -> Path:
    """Write ``documents.csv`` (UTF-8 with BOM, as the figures' tables): every document."""
    path = out_dir / DOCUMENTS_FILE
    return atomic_write(
        path,
        lambda tmp: summary.table.to_csv(
            tmp, index=False, encoding="utf-8-sig", lineterminator="\n"
        ),
    )


if __name__ == "__main__":  # the child process of scan_in_child
    import sys

    _scan_request(sys.argv[1])
