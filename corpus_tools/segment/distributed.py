"""Word-segment a corpus on a Dask cluster and write a token Parquet dataset.

Needs the optional extra: ``pip install "corpus_tools[dask]"``. The functions run the
same per-document functions as :func:`~corpus_tools.segment.tokenize_corpus` over the
partitions of a ``dask.bag`` or ``dask.dataframe``, and each partition writes one file
of the dataset that :mod:`corpus_tools.segment.cache` describes. That folder is also a
cache: ``tokenize_corpus(docs, cache_dir=folder)`` then reads every document from it
instead of segmenting. Each run records its documents in a manifest
(:mod:`corpus_tools.segment.runs`): a first task marks the run as started, and a last
one, after every partition is written, marks it complete, so
:func:`~corpus_tools.segment.read_tokens` loads this run's documents into pandas, in the
order of the input.

Dask runs on whatever scheduler is active: connect a ``dask.distributed.Client`` first
to use a cluster. The task graph holds file paths, not texts: each worker reads its
files, and loads underthesea's model once (about half a second). The output folder
must be one that every worker can write to (a shared file system).

Examples
--------
>>> from dask.distributed import Client                      # doctest: +SKIP
>>> client = Client("tcp://scheduler.example.org:8786")     # doctest: +SKIP
>>> report = tokenize_folder("/shared/news", "/shared/news-tokens", unit="paragraph")
...                                                          # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorpusError, EmptyCorpusError, SegmentationError
from ..io import CLEANING_RULES, Document, LineRule, iter_corpus
from ..types import OnError, Unit
from ..validation import ON_ERROR, UNITS, check_choice, check_text
from .cache import dataset_folder, doc_key, document_rows, unit_key, write_part
from .decoder import segment_units
from .isolation import Failure, isolated
from .runs import RunRecorder
from .units import document_source, document_units
from .wordlists import resolve_user_words

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["REPORT_COLUMNS", "tokenize_bag", "tokenize_dataframe", "tokenize_folder"]

REPORT_COLUMNS = ("doc_id", "units", "error")
"""Columns of the report every function returns: one row per document; ``error`` is
None, or why the document was skipped."""


def _keyed(sources: list[str], unit: Unit, user_words: tuple[str, ...]) -> list:
    """Each document's key, its units' keys and words, batched: the pure function."""
    units = [document_units(source, unit) for source in sources]
    words = iter(segment_units([t for texts in units for t in texts], user_words))
    return [
        (
            doc_key(source, unit, user_words),
            [unit_key(text, user_words) for text in texts],
            [next(words) for _ in texts],
        )
        for source, texts in zip(sources, units, strict=True)
    ]


def _write_documents(
    docs: Sequence[tuple[str, str | None, str | None]],
    out_dir: str,
    *,
    unit: Unit,
    user_words: tuple[str, ...],
    on_error: OnError,
) -> list[dict[str, object]]:
    """Segment ``(doc_id, source, error)`` triples, write their rows, report on each."""
    ready = [(doc_id, source) for doc_id, source, error in docs if error is None]
    results = iter(isolated(_keyed, [s for _, s in ready], unit, user_words))
    rows, report, failed = [], [], []
    for doc_id, _, error in docs:
        result = next(results) if error is None else Failure(error)
        if isinstance(result, Failure):
            report.append({"doc_id": doc_id, "units": 0, "error": result.message, "doc_key": None})
            failed.append(f"{doc_id}: {result.message}")
            continue
        key, unit_keys, words = result
        rows.extend(document_rows(doc_id, key, unit_keys, words))
        report.append({"doc_id": doc_id, "units": len(words), "error": None, "doc_key": key})
    write_part(out_dir, rows)  # what succeeded is kept even if the run stops here
    if failed and on_error == "raise":
        raise SegmentationError(
            f"{len(failed)} document(s) could not be segmented: {'; '.join(failed[:5])}; "
            "pass on_error='skip' to go on without them"
        )
    return report


def _read_record(
    record: object,
    *,
    root: str | None,
    encoding: str | None,
    rules: tuple[LineRule, ...],
) -> Document:
    if isinstance(record, Document):
        return record
    if isinstance(record, Mapping):
        return _document(record.get("doc_id"), record.get("title"), record.get("text"))
    if isinstance(record, (str, os.PathLike)):
        path = Path(root, record) if root else Path(record)
        if path.suffix.lower() != ".txt":
            raise CorpusError(f"{path}: a bag of paths must hold .txt files")
        (doc,) = iter_corpus(path, encoding=encoding, rules=rules)
        doc_id = Path(record).with_suffix("").as_posix() if root else doc.doc_id
        return replace(doc, doc_id=doc_id)
    raise CorpusError(f"a bag element must be a path, a mapping or a Document, not {record!r}")


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _document(doc_id: object, title: object, text: object) -> Document:
    """A Document from a mapping's or a row's values; a missing id or text raises."""
    if _missing(doc_id):
        raise CorpusError("the document has no doc_id; give every document an id")
    if _missing(text):
        raise CorpusError(f"document {doc_id!r} has no text (missing or NaN)")
    return Document(
        doc_id=str(doc_id),
        title=None if _missing(title) else check_text(title, "its title"),
        paragraphs=(check_text(text, "its text"),),
    )


def _label(record: object) -> str:
    """How the report names a bag element that could not be read."""
    if isinstance(record, Document):
        return record.doc_id
    if isinstance(record, Mapping):
        return str(record.get("doc_id"))
    return str(record)


def _bag_partition(
    records: Iterable[object],
    out_dir: str,
    *,
    after: object,
    root: str | None,
    encoding: str | None,
    rules: tuple[LineRule, ...],
    unit: Unit,
    include_title: bool,
    user_words: tuple[str, ...],
    on_error: OnError,
) -> list[dict[str, object]]:
    """Read, segment and write one partition of a bag (``after``: the run's start task)."""
    docs: list[tuple[str, str | None, str | None]] = []
    for number, record in enumerate(records):
        try:
            doc = _read_record(record, root=root, encoding=encoding, rules=rules)
            doc_id, source = document_source(number, doc, include_title)
            docs.append((doc_id, source, None))
        except Exception as error:  # reported by doc id (its path)
            docs.append((_label(record), None, f"{type(error).__name__}: {error}"))
    return _write_documents(docs, out_dir, unit=unit, user_words=user_words, on_error=on_error)


def tokenize_bag(
    bag: dask.bag.Bag,
    out_dir: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
    unit: Unit = "document",
    include_title: bool = True,
    user_words: Iterable[str] | None = None,
    encoding: str | None = None,
    rules: Iterable[LineRule] = CLEANING_RULES,
    on_error: OnError = "raise",
) -> pd.DataFrame:
    """Segment the documents of a ``dask.bag`` and write their tokens under ``out_dir``.

    Parameters
    ----------
    bag : dask.bag.Bag
        Its elements are ``.txt`` paths (relative to ``root`` when given; read on the
        workers as :func:`~corpus_tools.io.read_corpus` reads them), or mappings with
        ``doc_id`` and ``text`` (a str) and optionally ``title``, or :class:`Document`
        records. Prefer paths: they keep the texts out of the task graph. A mapping
        without an id or a text is reported as an error.
    out_dir : str or PathLike
        The token dataset's folder, reachable from every worker; each partition adds
        one part file, and the run's manifest records its documents in order.
    root : str or PathLike, optional
        The corpus folder: document ids are then paths relative to it without ``.txt``,
        as :func:`~corpus_tools.io.read_corpus` gives them.
    unit, include_title, user_words
        As for :func:`~corpus_tools.segment.tokenize_corpus`.
    encoding, rules
        As for :func:`~corpus_tools.io.read_corpus`.
    on_error : {"raise", "skip"}
        A document that cannot be read or segmented stops the run (after its
        partition's other documents are written), or is skipped and reported.

    Returns
    -------
    pandas.DataFrame
        One row per document: ``doc_id``, ``units`` (the number written), ``error``.
    """
    check_choice(unit, "unit", UNITS)
    check_choice(on_error, "on_error", ON_ERROR)
    out_dir = dataset_folder(out_dir, "out_dir")
    options = {
        "root": None if root is None else os.fspath(root),
        "encoding": encoding,
        "rules": tuple(rules),
        "unit": unit,
        "include_title": include_title,
        "user_words": resolve_user_words(user_words),
        "on_error": on_error,
    }
    return _recorded_run(
        lambda after: bag.map_partitions(
            _bag_partition, os.fspath(out_dir), after=after, **options
        ),
        out_dir,
        writer="distributed.tokenize_bag",
        unit=unit,
        include_title=include_title,
    )


def tokenize_folder(
    source: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    npartitions: int | None = None,
    unit: Unit = "document",
    include_title: bool = True,
    user_words: Iterable[str] | None = None,
    encoding: str | None = None,
    rules: Iterable[LineRule] = CLEANING_RULES,
    on_error: OnError = "raise",
) -> pd.DataFrame:
    """Segment every ``.txt`` file under ``source`` on Dask; see :func:`tokenize_bag`.

    The files are those whose name ends in ``.txt`` in any case, outside hidden files
    and folders (names starting with ``.``, such as ``.ipynb_checkpoints/`` or macOS's
    ``._a.txt``). An entry so named that is not a regular file (a folder, a FIFO, a
    broken or looping link) stops the run with
    :class:`~corpus_tools.errors.CorpusError`, or with ``on_error="skip"`` is left out
    and reported. The task graph holds only the files' relative paths, ``npartitions``
    groups of them (default: about 250 files each). Document ids are those of
    :func:`~corpus_tools.io.read_corpus` on the same folder.
    """
    import dask.bag as db
    import pandas as pd

    check_choice(on_error, "on_error", ON_ERROR)
    folder = dataset_folder(source, "source")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such folder; pass the corpus folder as source")
    files, odd = _folder_files(folder)
    if odd and on_error == "raise":
        shown = "; ".join(f"{name}: {why}" for name, why in odd[:5])
        raise CorpusError(
            f"{folder}: {len(odd)} entry(ies) named like documents are not files ({shown}); "
            "remove them, or pass on_error='skip' to leave them out"
        )
    if not files:
        raise EmptyCorpusError(f"{folder}: holds no .txt files")
    bag = db.from_sequence(files, npartitions=npartitions or max(1, len(files) // 250))
    report = tokenize_bag(
        bag,
        out_dir,
        root=folder,
        unit=unit,
        include_title=include_title,
        user_words=user_words,
        encoding=encoding,
        rules=rules,
        on_error=on_error,
    )
    if not odd:
        return report
    skipped = pd.DataFrame(
        [(Path(name).with_suffix("").as_posix(), 0, why) for name, why in odd],
        columns=list(REPORT_COLUMNS),
    )
    return pd.concat([report, skipped], ignore_index=True)


def _folder_files(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The documents' files under ``folder`` (relative, sorted), and entries named like
    documents that are not regular files, each with why."""
    files, odd = [], []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if path.suffix.lower() != ".txt" or any(p.startswith(".") for p in relative.parts):
            continue
        if path.is_file():
            files.append(relative.as_posix())
        elif path.is_dir():
            odd.append((relative.as_posix(), "a folder, not a file"))
        elif path.is_symlink():
            odd.append((relative.as_posix(), "a broken or looping symbolic link"))
        else:
            odd.append((relative.as_posix(), "not a regular file (a FIFO, socket or device)"))
    return sorted(files), sorted(odd)


def _frame_partition(
    frame: pd.DataFrame,
    out_dir: str,
    *,
    after: object,
    text_column: str,
    id_column: str,
    title_column: str | None,
    unit: Unit,
    include_title: bool,
    user_words: tuple[str, ...],
    on_error: OnError,
) -> pd.DataFrame:
    """Segment and write one partition of a frame (``after``: the run's start task)."""
    import pandas as pd

    titles = frame[title_column] if title_column else [None] * len(frame)
    docs: list[tuple[str, str | None, str | None]] = []
    for number, (doc_id, title, text) in enumerate(
        zip(frame[id_column], titles, frame[text_column], strict=True)
    ):
        try:
            doc = _document(doc_id, title, text)
            docs.append((*document_source(number, doc, include_title), None))
        except Exception as error:  # reported by doc id
            docs.append((str(doc_id), None, f"{type(error).__name__}: {error}"))
    report = _write_documents(docs, out_dir, unit=unit, user_words=user_words, on_error=on_error)
    return pd.DataFrame(report, columns=[*REPORT_COLUMNS, "doc_key"])


def _start_run(recorder: RunRecorder) -> None:
    recorder.start()


def _finish_run(
    report: pd.DataFrame | list[dict[str, object]], recorder: RunRecorder
) -> pd.DataFrame:
    """Record the documents written, in order, as a complete run; return the report."""
    import pandas as pd

    if not isinstance(report, pd.DataFrame):
        report = pd.DataFrame(report, columns=[*REPORT_COLUMNS, "doc_key"])
    written = report["error"].isna()
    for doc_id, key in zip(report["doc_id"][written], report["doc_key"][written], strict=True):
        recorder.add(doc_id, key)
    recorder.finish(complete=True, skipped=int((~written).sum()))
    return report.drop(columns="doc_key").reset_index(drop=True)


def _recorded_run(
    partitions: Callable[[object], object],
    out_dir: str | os.PathLike[str],
    *,
    writer: str,
    unit: Unit,
    include_title: bool,
) -> pd.DataFrame:
    """Run the partitions between a task that records the start and one that records the end.

    ``partitions(after)`` builds the collection of reports (one row per document, with
    its ``doc_key``), each partition depending on ``after``. Both tasks run on a worker,
    which can write ``out_dir``.
    """
    import dask

    recorder = RunRecorder(out_dir, writer=writer, unit=unit, include_title=include_title)
    started = dask.delayed(_start_run)(recorder)
    return dask.delayed(_finish_run)(partitions(started), recorder).compute()


def tokenize_dataframe(
    frame: dask.dataframe.DataFrame,
    out_dir: str | os.PathLike[str],
    *,
    text_column: str = "text",
    id_column: str = "id",
    title_column: str | None = None,
    unit: Unit = "document",
    include_title: bool = True,
    user_words: Iterable[str] | None = None,
    on_error: OnError = "raise",
) -> pd.DataFrame:
    """Segment the texts of a ``dask.dataframe`` (one document per row) into ``out_dir``.

    The text is segmented as it is (no boilerplate cleaning), as
    :func:`~corpus_tools.segment.tokenize_corpus` segments a :class:`Document` with that
    text and title. A row whose id or text is missing (None or NaN), or whose text or
    title is not a str, is reported as an error. Other arguments and the returned
    report are those of :func:`tokenize_bag`.
    """
    import pandas as pd

    check_choice(unit, "unit", UNITS)
    check_choice(on_error, "on_error", ON_ERROR)
    out_dir = dataset_folder(out_dir, "out_dir")
    missing = [c for c in (text_column, id_column, title_column) if c and c not in frame.columns]
    if missing:
        raise CorpusError(f"the frame has no column(s) {missing}; columns: {list(frame.columns)}")
    meta = pd.DataFrame(
        {
            "doc_id": pd.Series(dtype=object),
            "units": pd.Series(dtype="int64"),
            "error": pd.Series(dtype=object),
            "doc_key": pd.Series(dtype=object),
        }
    )
    options = {
        "text_column": text_column,
        "id_column": id_column,
        "title_column": title_column,
        "unit": unit,
        "include_title": include_title,
        "user_words": resolve_user_words(user_words),
        "on_error": on_error,
    }
    return _recorded_run(
        lambda after: frame.map_partitions(
            _frame_partition, os.fspath(out_dir), after=after, meta=meta, **options
        ),
        out_dir,
        writer="distributed.tokenize_dataframe",
        unit=unit,
        include_title=include_title,
    )
