"""Word-segment a corpus on a Dask cluster and write a token Parquet dataset.

Needs the optional extra: ``pip install "corpus_tools[dask]"``. The functions run the
same per-document functions as :func:`~corpus_tools.segment.tokenize_corpus` over the
partitions of a ``dask.bag`` or ``dask.dataframe``, and each partition writes one file
of the dataset that :mod:`corpus_tools.segment.cache` describes. That folder is also a
cache: ``tokenize_corpus(docs, cache_dir=folder)`` then reads every document from it
instead of segmenting, and :func:`~corpus_tools.segment.read_tokens` loads it into
pandas.

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorpusError, EmptyCorpusError, SegmentationError
from ..io import CLEANING_RULES, Document, LineRule, iter_corpus
from ..types import OnError, Unit
from ..validation import ON_ERROR, UNITS, check_choice
from .cache import doc_key, document_rows, unit_key, write_part
from .decoder import segment_units
from .runner import Failure, isolated
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
            report.append({"doc_id": doc_id, "units": 0, "error": result.message})
            failed.append(f"{doc_id}: {result.message}")
            continue
        key, unit_keys, words = result
        rows.extend(document_rows(doc_id, key, unit_keys, words))
        report.append({"doc_id": doc_id, "units": len(words), "error": None})
    write_part(out_dir, rows)  # what succeeded is kept even if the run stops here
    if failed and on_error == "raise":
        raise SegmentationError(
            f"{len(failed)} document(s) could not be segmented: {'; '.join(failed[:5])}; "
            "pass on_error='skip' to go on without them"
        )
    return report


def _read_record(
    record: object,
    number: int,
    *,
    root: str | None,
    encoding: str | None,
    rules: tuple[LineRule, ...],
) -> Document:
    if isinstance(record, Document):
        return record
    if isinstance(record, Mapping):
        title = record.get("title")
        return Document(
            doc_id=str(record.get("doc_id", number)),
            title=None if title is None else str(title),
            paragraphs=(str(record["text"]),),
        )
    if isinstance(record, (str, os.PathLike)):
        path = Path(root, record) if root else Path(record)
        if path.suffix.lower() != ".txt":
            raise CorpusError(f"{path}: a bag of paths must hold .txt files")
        (doc,) = iter_corpus(path, encoding=encoding, rules=rules)
        doc_id = Path(record).with_suffix("").as_posix() if root else doc.doc_id
        return replace(doc, doc_id=doc_id)
    raise CorpusError(f"a bag element must be a path, a mapping or a Document, not {record!r}")


def _bag_partition(
    records: Iterable[object],
    out_dir: str,
    *,
    root: str | None,
    encoding: str | None,
    rules: tuple[LineRule, ...],
    unit: Unit,
    include_title: bool,
    user_words: tuple[str, ...],
    on_error: OnError,
) -> list[dict[str, object]]:
    docs = []
    for number, record in enumerate(records):
        try:
            doc = _read_record(record, number, root=root, encoding=encoding, rules=rules)
            doc_id, source = document_source(number, doc, include_title)
            docs.append((doc_id, source, None))
        except Exception as error:  # reported by doc id (its path)
            docs.append((str(record), None, f"{type(error).__name__}: {error}"))
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
        ``text`` and optionally ``doc_id`` and ``title``, or :class:`Document` records.
        Prefer paths: they keep the texts out of the task graph.
    out_dir : str or PathLike
        The token dataset's folder, reachable from every worker; each partition adds
        one part file.
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
    import pandas as pd

    check_choice(unit, "unit", UNITS)
    check_choice(on_error, "on_error", ON_ERROR)
    records = bag.map_partitions(
        _bag_partition,
        os.fspath(out_dir),
        root=None if root is None else os.fspath(root),
        encoding=encoding,
        rules=tuple(rules),
        unit=unit,
        include_title=include_title,
        user_words=resolve_user_words(user_words),
        on_error=on_error,
    )
    return pd.DataFrame(records.compute(), columns=list(REPORT_COLUMNS))


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

    The task graph holds only the files' relative paths, ``npartitions`` groups of them
    (default: about 250 files each). Document ids are those of
    :func:`~corpus_tools.io.read_corpus` on the same folder.
    """
    import dask.bag as db

    folder = Path(source)
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.txt"))
    if not files:
        raise EmptyCorpusError(f"{folder}: holds no .txt files")
    bag = db.from_sequence(files, npartitions=npartitions or max(1, len(files) // 250))
    return tokenize_bag(
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


def _frame_partition(
    frame: pd.DataFrame,
    out_dir: str,
    *,
    text_column: str,
    id_column: str,
    title_column: str | None,
    unit: Unit,
    include_title: bool,
    user_words: tuple[str, ...],
    on_error: OnError,
) -> pd.DataFrame:
    import pandas as pd

    docs = []
    for number, row in enumerate(frame.itertuples(index=False)):
        values = row._asdict()
        title = values.get(title_column) if title_column else None
        doc = Document(
            doc_id=str(values[id_column]),
            title=None if title is None or pd.isna(title) else str(title),
            paragraphs=(str(values[text_column]),),
        )
        doc_id, source = document_source(number, doc, include_title)
        docs.append((doc_id, source, None))
    report = _write_documents(docs, out_dir, unit=unit, user_words=user_words, on_error=on_error)
    return pd.DataFrame(report, columns=list(REPORT_COLUMNS))


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
    text and title. Other arguments and the returned report are those of
    :func:`tokenize_bag`.
    """
    import pandas as pd

    check_choice(unit, "unit", UNITS)
    check_choice(on_error, "on_error", ON_ERROR)
    missing = [c for c in (text_column, id_column, title_column) if c and c not in frame.columns]
    if missing:
        raise CorpusError(f"the frame has no column(s) {missing}; columns: {list(frame.columns)}")
    meta = pd.DataFrame(
        {
            "doc_id": pd.Series(dtype=object),
            "units": pd.Series(dtype="int64"),
            "error": pd.Series(dtype=object),
        }
    )
    report = frame.map_partitions(
        _frame_partition,
        os.fspath(out_dir),
        text_column=text_column,
        id_column=id_column,
        title_column=title_column,
        unit=unit,
        include_title=include_title,
        user_words=resolve_user_words(user_words),
        on_error=on_error,
        meta=meta,
    )
    return report.compute().reset_index(drop=True)
