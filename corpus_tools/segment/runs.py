"""Runs: which documents one run wrote to a token dataset, by which ids, in order.

A token dataset (:mod:`corpus_tools.segment.cache`) is keyed by content: a run adds only
the documents and units the folder does not hold yet, so its part files keep the
documents of every run that wrote there, each under the id it had when it was first
written. The part files alone cannot say which documents one run had: a document whose
text changed is there twice, two documents with the same text are there once, and a
renamed document keeps its old id. A run's manifest says it: :func:`read_tokens` reads
one run through it, and :func:`list_runs` lists the runs.

Every run with a cache folder (:func:`~corpus_tools.segment.tokenize_corpus`,
:func:`~corpus_tools.segment.iter_tokens` and :mod:`corpus_tools.segment.distributed`)
writes ``_runs/run-<start time>-<random>.jsonl`` there. The leading ``_`` keeps pyarrow
and pandas from taking the folder for data, and dask reads only ``.parquet`` files. The
first line is a JSON header (:data:`HEADER_FIELDS`); each further line is one document,
``[doc_id, doc_key in hex]``, in the run's order. Documents that were skipped
(``on_error="skip"``) are not listed.

The manifest is written, atomically, when the run starts (``"complete": false``, no
documents) and when it ends, after every part file: ``"complete": true`` if every
document was segmented and written; otherwise (interrupted, stopped by an error, or a
consumer of :func:`~corpus_tools.segment.iter_tokens` that stopped early) it stays
incomplete and lists the documents it finished. A run killed outright, or one that
could not write its tokens, leaves the empty manifest of its start.
"""

from __future__ import annotations

import json
import os
import uuid
import warnings
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CacheWarning, CorpusError
from ..files import atomic_write_bytes
from ..types import Unit
from ..validation import check_doc_ids
from .cache import PART_PATTERN, dataset_folder, stored_doc_keys, stored_documents

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HEADER_FIELDS",
    "RUNS_FOLDER",
    "RunRecorder",
    "choose_run",
    "list_runs",
    "read_manifest",
    "read_tokens",
]

RUNS_FOLDER = "_runs"
"""The subfolder of a token dataset that holds its runs' manifests."""

FORMAT = "corpus_tools token run 1"

HEADER_FIELDS = (
    "run",
    "complete",
    "started",
    "finished",
    "writer",
    "unit",
    "include_title",
    "documents",
    "skipped",
)
"""A manifest header's fields (besides ``format``), and the columns of :func:`list_runs`:
the run's id, whether it finished, when it started and finished (ISO 8601, UTC), the
function that ran it, its unit and ``include_title``, how many documents it lists, and
how many it skipped."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _new_run_id() -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    return f"{stamp}-{uuid.uuid4().hex[:8]}"


def _manifest_path(folder: Path, run: str) -> Path:
    return folder / RUNS_FOLDER / f"run-{run}.jsonl"


class RunRecorder:
    """Write one run's manifest: :meth:`start`, :meth:`add` each document, :meth:`finish`.

    Internal API: the corpus runner and :mod:`corpus_tools.segment.distributed` use it.
    The writes raise :class:`OSError` when the folder cannot be written. ``run`` and
    ``started`` let another process (a Dask worker) finish a run that this one started.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> recorder = RunRecorder(folder, writer="doctest", unit="document", include_title=True)
    >>> _ = recorder.start()
    >>> recorder.add("bai-1", bytes(16))
    >>> _ = recorder.finish(complete=True)
    >>> list_runs(folder)[["complete", "writer", "documents"]].to_dict("records")
    [{'complete': True, 'writer': 'doctest', 'documents': 1}]
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        writer: str,
        unit: Unit,
        include_title: bool,
        run: str | None = None,
        started: str | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.run = run or _new_run_id()
        self.path = _manifest_path(self.folder, self.run)
        self.header: dict[str, object] = {
            "format": FORMAT,
            "run": self.run,
            "complete": False,
            "started": started or _now(),
            "finished": None,
            "writer": writer,
            "unit": unit,
            "include_title": include_title,
            "documents": 0,
            "skipped": 0,
        }
        self.doc_ids: list[str] = []
        self.doc_keys: list[bytes] = []

    def start(self) -> Path:
        """Write the manifest of a run that has started: incomplete, no documents."""
        return self._write([], [])

    def add(self, doc_id: str, doc_key: bytes) -> None:
        """Remember the next document of the run (written by :meth:`finish`)."""
        self.doc_ids.append(doc_id)
        self.doc_keys.append(doc_key)

    def finish(self, *, complete: bool, skipped: int = 0) -> Path:
        """Write the manifest with every document added, complete or not."""
        self.header.update(complete=complete, finished=_now(), skipped=skipped)
        return self._write(self.doc_ids, self.doc_keys)

    def _write(self, doc_ids: list[str], doc_keys: list[bytes]) -> Path:
        header = {**self.header, "documents": len(doc_ids)}
        encode = json.JSONEncoder(ensure_ascii=False).encode
        lines = [encode(header)]
        lines += [
            f'[{encode(doc_id)}, "{key.hex()}"]'
            for doc_id, key in zip(doc_ids, doc_keys, strict=True)
        ]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
        return atomic_write_bytes(self.path, data, fsync=True)


def _headers(folder: Path) -> list[dict[str, object]]:
    """The headers of every readable manifest in ``folder``, oldest start first."""
    headers = []
    for path in sorted((folder / RUNS_FOLDER).glob("run-*.jsonl")):
        try:
            with path.open(encoding="utf-8", errors="surrogatepass") as lines:
                header = json.loads(lines.readline())
            if header.get("format") != FORMAT:
                raise ValueError(f"not a {FORMAT!r} manifest")
        except (OSError, ValueError) as error:
            warnings.warn(
                f"{path}: unreadable run manifest ({error}); left out", CacheWarning, stacklevel=3
            )
            continue
        headers.append(header)
    return sorted(headers, key=lambda header: (str(header["started"]), str(header["run"])))


def list_runs(path: str | os.PathLike[str]) -> pd.DataFrame:
    """List the runs that wrote to a token dataset, oldest first, one row per run.

    The columns are :data:`HEADER_FIELDS`: ``run`` (pass it to
    :func:`~corpus_tools.segment.read_tokens` as ``run=``), ``complete``, ``started``
    and ``finished`` (ISO 8601 times in UTC), ``writer``, ``unit``, ``include_title``,
    ``documents`` (how many the run lists) and ``skipped``. A folder written before
    runs were recorded lists none.

    Examples
    --------
    >>> import tempfile
    >>> from corpus_tools.segment import tokenize_corpus
    >>> folder = tempfile.mkdtemp()
    >>> _ = tokenize_corpus(["Bộ Chính trị họp.", "Hà Nội"], cache_dir=folder)
    >>> list_runs(folder)[["complete", "unit", "documents"]].to_dict("records")
    [{'complete': True, 'unit': 'document', 'documents': 2}]
    """
    import pandas as pd

    headers = _headers(_existing_folder(path))
    rows = [{field: header.get(field) for field in HEADER_FIELDS} for header in headers]
    return pd.DataFrame(rows, columns=list(HEADER_FIELDS))


def choose_run(folder: Path, run: str | None) -> dict[str, object] | None:
    """The header of the run to read: ``run``, or the complete run that finished last.

    Returns None when ``folder`` holds no manifest. Without ``run``, warns
    (:class:`~corpus_tools.errors.CacheWarning`) about incomplete runs that started after
    the chosen one, and raises :class:`~corpus_tools.errors.CorpusError` when no run is
    complete. Internal API: :func:`~corpus_tools.segment.read_tokens` uses it.
    """
    headers = _headers(folder)
    if not headers:
        if run is not None:
            raise CorpusError(f"{folder}: holds no record of any run, so not of run {run!r}")
        return None
    if run is not None:
        for header in headers:
            if header["run"] == run:
                return header
        listed = ", ".join(repr(header["run"]) for header in headers[-5:])
        raise CorpusError(f"{folder}: holds no run {run!r}; its latest runs are {listed}")
    complete = [header for header in headers if header["complete"]]
    if not complete:
        latest = headers[-1]["run"]
        raise CorpusError(
            f"{folder}: no run that wrote here finished (the latest, {latest!r}, was "
            "interrupted or could not write its tokens); run tokenize_corpus again with "
            f"this cache_dir (it reuses what was written), or pass run={latest!r} to read "
            "the documents that run finished"
        )
    chosen = max(complete, key=lambda header: (str(header["finished"]), str(header["run"])))
    newer = [
        str(header["run"])
        for header in headers
        if not header["complete"] and str(header["started"]) > str(chosen["started"])
    ]
    if newer:
        warnings.warn(
            f"{folder}: read run {chosen['run']!r}, the latest that finished; the later "
            f"run(s) {', '.join(map(repr, newer))} did not finish (interrupted, still "
            "running, or could not write). Run tokenize_corpus again to finish it, or pass "
            "run= to choose",
            CacheWarning,
            stacklevel=3,
        )
    return chosen


def read_manifest(folder: Path, header: dict[str, object]) -> tuple[list[str], list[bytes]]:
    """The ids and document keys a run lists, in its order. Internal API.

    Raises :class:`~corpus_tools.errors.CorpusError` naming the file if it is damaged.
    """
    path = _manifest_path(folder, str(header["run"]))
    doc_ids: list[str] = []
    doc_keys: list[bytes] = []
    try:
        with path.open(encoding="utf-8", errors="surrogatepass") as lines:
            next(lines)
            for line in lines:
                doc_id, key = json.loads(line)
                doc_ids.append(doc_id)
                doc_keys.append(bytes.fromhex(key))
    except (OSError, ValueError, TypeError, StopIteration) as error:
        raise CorpusError(f"{path}: damaged run manifest ({error}); pass another run=") from error
    if len(doc_ids) != header["documents"]:
        raise CorpusError(
            f"{path}: damaged run manifest (lists {len(doc_ids)} documents, its header "
            f"says {header['documents']}); pass another run="
        )
    return doc_ids, doc_keys


def read_tokens(
    path: str | os.PathLike[str],
    *,
    run: str | None = None,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Load what one run wrote to a token dataset: one row per unit.

    The columns are ``doc_id``, ``unit_index`` (the unit's position in its document:
    the files' ``unit`` column) and ``tokens``: lists of str, as
    :func:`~corpus_tools.segment.tokenize_corpus` returns them before lowercasing and
    stopword filtering. The folder holds the documents of every run that wrote to it
    (it is keyed by content), so the rows come from one run's manifest
    (:mod:`corpus_tools.segment.runs`): that run's documents in its order, under the ids
    it gave them, each with the units of the text it had then. Documents without units
    are left out.

    Parameters
    ----------
    path : str or PathLike
        The dataset's folder: a ``cache_dir``, or the ``out_dir`` of
        :mod:`corpus_tools.segment.distributed`.
    run : str, optional
        The run to read, as :func:`~corpus_tools.segment.list_runs` names it. By default
        the complete run that finished last, with a
        :class:`~corpus_tools.errors.CacheWarning` naming any run started after it that
        did not finish. An incomplete run (interrupted, or stopped by an error) is read
        only when named, and gives the documents it finished; if no run is complete,
        :class:`~corpus_tools.errors.CorpusError` says how to finish one.
    doc_ids : iterable of str, optional
        Only these documents, in this order; an id the run does not hold raises
        :class:`~corpus_tools.errors.CorpusError`. A folder written before corpus_tools
        recorded runs can be read only this way (without ``doc_ids`` it raises
        ``CorpusError``): each id then gives the units stored under it, and an id stored
        with more than one text raises ``CorpusError``.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    CorpusError
        If ``path`` is not a folder, or if tokens the run lists are missing (part files
        deleted, or set aside as corrupt with a ``CacheWarning``): running
        ``tokenize_corpus`` again with the same ``cache_dir`` rebuilds them.

    Examples
    --------
    >>> import tempfile
    >>> from corpus_tools import tokenize_corpus
    >>> folder = tempfile.mkdtemp()
    >>> _ = tokenize_corpus(["Bộ Chính trị họp."], cache_dir=folder)
    >>> read_tokens(folder).to_dict("records")
    [{'doc_id': '0', 'unit_index': 0, 'tokens': ['Bộ_Chính_trị', 'họp', '.']}]
    >>> _ = tokenize_corpus({"tin-1": "Hà Nội", "tin-2": "Bộ Chính trị họp."}, cache_dir=folder)
    >>> read_tokens(folder)["doc_id"].tolist()
    ['tin-1', 'tin-2']
    >>> read_tokens(folder, doc_ids=["tin-2"])["tokens"].tolist()
    [['Bộ_Chính_trị', 'họp', '.']]
    """
    import numpy as np
    import pandas as pd

    folder = _existing_folder(path)
    wanted = None if doc_ids is None else _wanted_ids(doc_ids)
    header = choose_run(folder, run)
    if header is None and wanted is None and any(folder.glob(PART_PATTERN)):
        raise CorpusError(
            f"{folder}: holds token files but no record of the runs that wrote them (it "
            "was written before corpus_tools recorded runs), so they may mix documents of "
            "several runs. Run tokenize_corpus again with this cache_dir (it reads the "
            "cached tokens, so it is quick) to record a run, or pass doc_ids= to read "
            "the documents stored under those ids"
        )
    if header is None:
        ids = wanted or []
        keys = stored_doc_keys(folder, ids) if ids else []
    else:
        ids, keys = read_manifest(folder, header)
        if wanted is not None:
            ids, keys = _select(ids, keys, wanted, f"{folder}: run {header['run']!r}")
    stored = stored_documents(folder, set(keys))
    missing = [doc_id for doc_id, key in zip(ids, keys, strict=True) if key not in stored]
    if missing:
        raise CorpusError(
            f"{folder}: the tokens of {len(missing)} document(s) the run lists are missing "
            f"({missing[:5]}): part files were deleted or set aside as corrupt. Run "
            "tokenize_corpus again with this cache_dir to rebuild them"
        )
    out_ids: list[str] = []
    out_units: list[int] = []
    out_tokens: list[list[str] | None] = []
    used: set[bytes] = set()
    for doc_id, key in zip(ids, keys, strict=True):
        units, tokens = stored[key]
        if key in used:  # the same text under another id: do not share the lists
            tokens = [None if words is None else list(words) for words in tokens]
        used.add(key)
        for unit, words in zip(units, tokens, strict=True):
            if unit >= 0:
                out_ids.append(doc_id)
                out_units.append(unit)
                out_tokens.append(words)
    if not out_ids:
        return pd.DataFrame({"doc_id": [], "unit_index": [], "tokens": []}).astype(
            {"doc_id": object, "unit_index": "int32", "tokens": object}
        )
    return pd.DataFrame(
        {
            "doc_id": out_ids,
            "unit_index": np.array(out_units, dtype=np.int32),
            "tokens": out_tokens,
        }
    )


def _existing_folder(path: str | os.PathLike[str]) -> Path:
    folder = dataset_folder(path, "path")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such folder; pass the cache_dir of a run")
    return folder


def _wanted_ids(doc_ids: Iterable[str]) -> list[str]:
    ids = doc_ids if isinstance(doc_ids, str) else list(doc_ids)
    check_doc_ids(ids, len(ids))
    bad = [doc_id for doc_id in ids if not isinstance(doc_id, str)]
    if bad:
        raise TypeError(f"doc_ids holds {bad[0]!r}, not a str; pass ids as strings")
    # Every item was checked to be a str just above.
    return ids  # type: ignore[return-value]


def _select(
    ids: list[str], keys: list[bytes], wanted: list[str], where: str
) -> tuple[list[str], list[bytes]]:
    """The documents of a run with the ``wanted`` ids, in that order (all of each id)."""
    positions: dict[str, list[int]] = {}
    for position, doc_id in enumerate(ids):
        positions.setdefault(doc_id, []).append(position)
    missing = [doc_id for doc_id in wanted if doc_id not in positions]
    if missing:
        raise CorpusError(f"{where} holds no document with the id(s) {missing[:5]}")
    chosen = [position for doc_id in wanted for position in positions[doc_id]]
    return [ids[p] for p in chosen], [keys[p] for p in chosen]
