"""Keep word-segmented text on disk, as a Parquet dataset, so a corpus is segmented once.

A token dataset is a folder of ``part-<hash>.parquet`` files, one row per text unit, and
of the manifests of the runs that wrote them (in ``_runs/``, see
:mod:`corpus_tools.segment.runs`). The part files' columns:

=========  =================  ============================================================
column     type               meaning
=========  =================  ============================================================
doc_id     string             the document's id (for people: it is not part of any key)
unit       int32              the unit's position in its document; -1 marks a document
                              with no units (``tokens`` is then null)
tokens     list<string>       the unit's words, syllables joined by ``_``, before any
                              lowercasing or stopword filtering
doc_key    binary(16)         hash of the document's text, the unit kind, the segmenter
                              version and the user word list
unit_key   binary(16)         hash of the normalised unit text, the segmenter version and
                              the user words that could occur in it
=========  =================  ============================================================

:func:`~corpus_tools.segment.tokenize_corpus` (``cache_dir=``) and
:mod:`corpus_tools.segment.distributed` write the same files, so either can fill a cache
that the other reads. The part files hold the documents of every run that wrote there,
keyed by content, each under the id it had when first written: ``pandas.read_parquet``
and ``dask.dataframe.read_parquet`` read them all together;
:func:`~corpus_tools.segment.read_tokens` loads what one run wrote into pandas (naming
the ``unit`` column ``unit_index``).

The keys are computed here too (:func:`doc_key`, :func:`unit_key`). The segmenter's
version is a hash of underthesea's and underthesea_core's versions and of the source of
the modules that decide a unit's words (:data:`SEGMENTER_MODULES`), so any change to
them starts a new cache. A unit's key holds only the user words that could occur in it,
so changing the word list re-segments just the units that hold an added or removed word.

Each file is written to a temporary name and renamed when complete, and its name is the
BLAKE2 hash of its bytes. A file is used only after its bytes are hashed again and found
equal to its name: a truncated, half-written or altered file is reported
(:class:`CacheWarning` and the ``corpus_tools`` logger), set aside as ``.corrupt-…``, and
what it held is segmented again.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import tempfile
import warnings
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .. import normalize
from ..errors import CacheWarning, CorpusError
from ..files import atomic_write_bytes
from ..types import Unit
from . import correction, crf, decoder, units, wordlists
from .wordlists import user_word_index

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "PART_PATTERN",
    "SEGMENTER_MODULES",
    "TokenCache",
    "dataset_folder",
    "doc_key",
    "document_rows",
    "segmenter_version",
    "stored_doc_keys",
    "stored_documents",
    "unit_key",
    "write_part",
]

logger = logging.getLogger("corpus_tools")

KEY_BYTES = 16
"""Length of ``doc_key`` and ``unit_key`` (BLAKE2b digests)."""

PART_PATTERN = "part-*.parquet"
"""The names of a token dataset's part files."""

_OPEN_PARTS = 8
"""How many decoded part files a :class:`TokenCache` keeps in memory."""


# ---------------------------------------------------------------------------------------
# Keys: what a document's or a unit's words depend on.
# ---------------------------------------------------------------------------------------

SEGMENTER_MODULES = (normalize, wordlists, units, crf, correction, decoder)
"""The modules whose source decides a unit's words; :func:`segmenter_version` hashes it."""

SEGMENTER_DATA = (correction.PAIRS_FILE,)
"""Package data files (``corpus_tools/data``) that decide a unit's words; hashed too."""


def _blake(*parts: bytes, base: hashlib.blake2b | None = None) -> hashlib.blake2b:
    """BLAKE2b (16 bytes) of length-prefixed ``parts``, continuing ``base`` if given."""
    digest = hashlib.blake2b(digest_size=KEY_BYTES) if base is None else base.copy()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@lru_cache(maxsize=1)
def segmenter_version() -> bytes:
    """Hash underthesea's and underthesea_core's versions and the segmenter's source.

    The source is that of :data:`SEGMENTER_MODULES` and the bytes of
    :data:`SEGMENTER_DATA`, so changing any of them starts a new cache. Internal API.
    """
    from importlib.metadata import version

    parts = [_encode(f"{name} {version(name)}") for name in ("underthesea", "underthesea-core")]
    parts += [Path(m.__file__).read_bytes() for m in SEGMENTER_MODULES if m.__file__]
    data = resources.files("corpus_tools").joinpath("data")
    parts += [data.joinpath(name).read_bytes() for name in SEGMENTER_DATA]
    return _blake(*parts).digest()


@lru_cache(maxsize=64)
def _user_word_syllables(user_words: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each distinct user word (canonical, lowercase) and its case-folded syllables."""
    index = user_word_index(user_words)
    words = sorted({" ".join(seq) for seqs in index.values() for seq in seqs})
    return tuple((word, frozenset(syl.casefold() for syl in word.split(" "))) for word in words)


@lru_cache(maxsize=64)
def _user_syllables(user_words: tuple[str, ...]) -> frozenset[str]:
    """Every case-folded syllable of the user words: each is looked for once per unit."""
    return frozenset(s for _, syllables in _user_word_syllables(user_words) for s in syllables)


@lru_cache(maxsize=64)
def _doc_hasher(unit: Unit, user_words: tuple[str, ...]) -> hashlib.blake2b:
    words = _blake(*(_encode(word) for word, _ in _user_word_syllables(user_words))).digest()
    return _blake(b"doc", segmenter_version(), _encode(unit), words)


@lru_cache(maxsize=1)
def _unit_hasher() -> hashlib.blake2b:
    return _blake(b"unit", segmenter_version())


def doc_key(source: str, unit: Unit, user_words: tuple[str, ...]) -> bytes:
    """Key a document by its text (title included), the unit kind and the whole word list.

    Internal API: ``source`` is what :func:`~corpus_tools.segment.units.document_source`
    returns.
    """
    return _blake(_encode(source), base=_doc_hasher(unit, user_words)).digest()


def unit_key(text: str, user_words: tuple[str, ...]) -> bytes:
    """Key a normalised unit by its text and the user words that could match in it.

    A user word can match only if each of its syllables occurs in the text, compared
    case-folded (``casefold`` is context-free and ``casefold(lower(c)) == casefold(c)``
    for every character, so this never misses a match the segmenter would make).
    Internal API.
    """
    words = _user_word_syllables(user_words)
    relevant: list[bytes] = []
    if words:
        folded = text.casefold()
        present = {s for s in _user_syllables(user_words) if s in folded}
        relevant = [_encode(word) for word, syllables in words if syllables <= present]
    return _blake(_encode(text), *relevant, base=_unit_hasher()).digest()


# ---------------------------------------------------------------------------------------
# The dataset: rows, part files, verified reading.
# ---------------------------------------------------------------------------------------


def _schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("unit", pa.int32()),
            ("tokens", pa.list_(pa.string())),
            ("doc_key", pa.binary(KEY_BYTES)),
            ("unit_key", pa.binary(KEY_BYTES)),
        ]
    )


Row = tuple[str, int, "Sequence[str] | None", bytes, "bytes | None"]
"""``(doc_id, unit, tokens, doc_key, unit_key)``, the columns of a token dataset."""


def document_rows(
    doc_id: str, doc_key: bytes, unit_keys: Sequence[bytes], tokens: Sequence[Sequence[str]]
) -> list[Row]:
    """The rows that store one document's units (one row with ``unit=-1`` if it has none)."""
    if not tokens:
        return [(doc_id, -1, None, doc_key, None)]
    return [
        (doc_id, number, words, doc_key, key)
        for number, (key, words) in enumerate(zip(unit_keys, tokens, strict=True))
    ]


def write_part(directory: str | os.PathLike[str], rows: Iterable[Row]) -> Path | None:
    """Write ``rows`` as one Parquet file in ``directory``, atomically; return its path.

    The bytes go to a temporary file, which is flushed to disk and then renamed to
    ``part-<BLAKE2 hash of the bytes>.parquet``, so a reader sees the whole file or none
    of it. Returns ``None`` (and writes nothing) when there are no rows.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(rows)
    if not rows:
        return None
    columns = list(zip(*rows, strict=True))
    table = pa.Table.from_arrays(
        [
            pa.array(column, type=field.type)
            for column, field in zip(columns, _schema(), strict=True)
        ],
        schema=_schema(),
    )
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    data = sink.getvalue().to_pybytes()
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"part-{hashlib.blake2b(data, digest_size=16).hexdigest()}.parquet"
    try:
        return atomic_write_bytes(target, data, fsync=True)
    except OSError as error:
        if error.filename is not None:
            raise
        raise OSError(error.errno, error.strerror or str(error), os.fspath(target)) from error


def _verified_table(path: Path) -> pa.Table:
    """Read a part file whose name is the hash of its bytes; raise ValueError otherwise."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = path.read_bytes()
    expected = path.name.removeprefix("part-").removesuffix(".parquet")
    if hashlib.blake2b(data, digest_size=16).hexdigest() != expected:
        raise ValueError("its bytes do not match the hash in its name (truncated or altered)")
    table = pq.read_table(pa.BufferReader(data), read_dictionary=["tokens.list.element"])
    if table.schema.names != _schema().names:
        raise ValueError(f"unexpected columns {table.schema.names}")
    return table


def _token_lists(column: pa.ChunkedArray) -> list[list[str] | None]:
    """A ``tokens`` column as Python lists; equal tokens share one str object.

    Parquet stores the tokens dictionary-encoded, so each distinct token is turned into
    a Python string once; this is several times quicker than ``to_pylist``.
    """
    import pyarrow as pa

    out: list[list[str] | None] = []
    for chunk in column.chunks:
        values = chunk.values
        if pa.types.is_dictionary(values.type):
            vocabulary = values.dictionary.to_pylist()
            indices = values.indices.to_numpy(zero_copy_only=False).tolist()
            flat = list(map(vocabulary.__getitem__, indices))
        else:
            flat = values.to_pylist()
        offsets = chunk.offsets.to_pylist()
        nulls = chunk.is_null().to_pylist()
        out.extend(
            None if null else flat[start:end]
            for start, end, null in zip(offsets, offsets[1:], nulls, strict=False)
        )
    return out


def _set_aside(path: Path, error: BaseException) -> None:
    message = f"{path}: corrupt token cache file ({error}); set aside, its units will be rebuilt"
    logger.warning(message)
    warnings.warn(message, CacheWarning, stacklevel=4)
    try:
        os.replace(path, path.with_name(f".corrupt-{path.name}"))
    except OSError:  # pragma: no cover - another process moved it first
        pass


def dataset_folder(path: str | os.PathLike[str], name: str) -> Path:
    """Return a token dataset's folder as a Path; an empty path is a CorpusError.

    ``Path("")`` is the working directory, which nobody means. Internal API: every
    function that takes a dataset folder (``cache_dir``, ``out_dir``, ``path``) calls it.

    Examples
    --------
    >>> dataset_folder("tokens", "cache_dir")
    PosixPath('tokens')
    >>> dataset_folder("", "cache_dir")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusError: cache_dir is empty; pass a folder (or None for no cache)
    """
    if not os.fspath(path).strip():
        hint = " (or None for no cache)" if name == "cache_dir" else ""
        raise CorpusError(f"{name} is empty; pass a folder{hint}")
    return Path(path)


def _documents(keys: Sequence[bytes], units: Sequence[int]) -> list[tuple[bytes, int, int]]:
    """``(doc_key, first row, row count)`` of each document stored in a part's rows."""
    starts = [row for row, unit in enumerate(units) if unit <= 0] + [len(units)]
    return [(keys[first], first, end - first) for first, end in itertools.pairwise(starts)]


def _part_columns(part: Path, columns: list[str]) -> list[list] | None:
    """Some columns of a part file (unverified), or None after setting a bad file aside."""
    import pyarrow.parquet as pq

    try:
        return [column.to_pylist() for column in pq.read_table(part, columns=columns).columns]
    except (OSError, ValueError) as error:  # pyarrow's errors derive from these
        _set_aside(part, error)
        return None


Stored = tuple[list[int], list["list[str] | None"]]
"""A stored document's rows: its ``unit`` numbers and their tokens."""


def stored_documents(folder: Path, keys: set[bytes]) -> dict[bytes, Stored]:
    """The rows stored for each of ``keys``, from the first good part file holding it.

    Each part file that holds a wanted document is read and verified once; a corrupt one
    is set aside, and its documents come from another file or are left out. Internal
    API: :func:`~corpus_tools.segment.read_tokens` uses it.
    """
    holders: list[tuple[Path, list[tuple[bytes, int, int]]]] = []
    for part in sorted(folder.glob(PART_PATTERN)):
        columns = _part_columns(part, ["doc_key", "unit"])
        if columns is not None:
            held = [doc for doc in _documents(*columns) if doc[0] in keys]
            if held:
                holders.append((part, held))
    found: dict[bytes, Stored] = {}
    for part, held in holders:
        held = [doc for doc in held if doc[0] not in found]
        if not held:
            continue
        try:
            table = _verified_table(part)
        except (OSError, ValueError) as error:
            _set_aside(part, error)
            continue
        units = table.column("unit").to_pylist()
        tokens = _token_lists(table.column("tokens"))
        for key, first, count in held:
            found.setdefault(key, (units[first : first + count], tokens[first : first + count]))
    return found


def stored_doc_keys(folder: Path, doc_ids: list[str]) -> list[bytes]:
    """The one document key stored under each id, for a folder that records no runs.

    Raises :class:`~corpus_tools.errors.CorpusError` if an id is not stored, or is stored
    with more than one text. Internal API: :func:`~corpus_tools.segment.read_tokens`
    uses it.
    """
    wanted = set(doc_ids)
    keys: dict[str, set[bytes]] = {doc_id: set() for doc_id in wanted}
    for part in sorted(folder.glob(PART_PATTERN)):
        columns = _part_columns(part, ["doc_id", "doc_key", "unit"])
        if columns is not None:
            ids, *rest = columns
            for key, first, _ in _documents(*rest):
                if ids[first] in wanted:
                    keys[ids[first]].add(key)
    missing = [doc_id for doc_id in doc_ids if not keys[doc_id]]
    if missing:
        raise CorpusError(
            f"{folder}: holds no document with the id(s) {missing[:5]}; check doc_ids"
        )
    changed = [doc_id for doc_id in doc_ids if len(keys[doc_id]) > 1]
    if changed:
        raise CorpusError(
            f"{folder}: holds more than one text under the id(s) {changed[:5]} (their text "
            "changed between runs), and records no run to choose between them: run "
            "tokenize_corpus again with this cache_dir to record a run, then read_tokens"
        )
    return [next(iter(keys[doc_id])) for doc_id in doc_ids]


class TokenCache:
    """A token dataset used as a cache: look documents and units up by key, add new ones.

    Lookups index the folder's part files on first use; tokens are read and verified one
    part at a time. New rows are kept in memory and written by :meth:`flush` (or when
    enough have gathered), each flush one new part file. If a write fails (no space
    left, no permission), :meth:`fail` warns once (:class:`CacheWarning`, naming the
    folder) and the cache writes nothing more; ``failed`` then holds the error.

    Parameters
    ----------
    path : str or PathLike
        The folder; created if missing. :class:`~corpus_tools.errors.CorpusError` if it
        cannot be created or written to.
    rows_per_part : int
        Write a part file when this many new rows have gathered.
    """

    def __init__(self, path: str | os.PathLike[str], *, rows_per_part: int = 20_000) -> None:
        self.path = dataset_folder(path, "cache_dir")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            handle, probe = tempfile.mkstemp(dir=self.path, prefix=".write-check-")
            os.close(handle)
            os.unlink(probe)
        except OSError as error:
            raise CorpusError(
                f"{self.path}: cannot write a token cache there ({error}); pass a folder "
                "you can write to as cache_dir, or cache_dir=None to run without a cache"
            ) from error
        self.rows_per_part = rows_per_part
        self.failed: Exception | None = None
        self._parts: list[Path] = []
        self._docs: dict[bytes, tuple[int, int, int]] | None = None  # key -> part, first, n
        self._units: dict[bytes, tuple[int, int]] | None = None  # key -> part, row
        self._open: OrderedDict[int, tuple[list[list[str] | None], list[bytes]]] = OrderedDict()
        self._bad: set[int] = set()
        self._pending: list[Row] = []
        self._added: set[bytes] = set()
        self.hits = 0
        self.misses = 0

    # -- reading ---------------------------------------------------------------------
    def _index(self) -> dict[bytes, tuple[int, int, int]]:
        if self._docs is None:
            self._docs = {}
            for part in sorted(self.path.glob(PART_PATTERN)):
                columns = _part_columns(part, ["doc_key", "unit"])
                if columns is None:
                    continue
                number = len(self._parts)
                self._parts.append(part)
                for key, first, count in _documents(*columns):
                    self._docs.setdefault(key, (number, first, count))
        return self._docs

    def _unit_index(self) -> dict[bytes, tuple[int, int]]:
        if self._units is None:
            import pyarrow.parquet as pq

            self._index()
            self._units = {}
            for number, part in enumerate(self._parts):
                if number in self._bad:
                    continue
                try:
                    keys = pq.read_table(part, columns=["unit_key"]).column(0).to_pylist()
                except (OSError, ValueError) as error:
                    self._bad.add(number)
                    _set_aside(part, error)
                    continue
                for row, key in enumerate(keys):
                    if key is not None:
                        self._units.setdefault(key, (number, row))
        return self._units

    def _part(self, number: int) -> tuple[list[list[str] | None], list[bytes]] | None:
        """The tokens and unit keys of one verified part file, or None if it is corrupt."""
        if number in self._bad:
            return None
        if number in self._open:
            self._open.move_to_end(number)
            return self._open[number]
        try:
            table = _verified_table(self._parts[number])
        except (OSError, ValueError) as error:
            self._bad.add(number)
            _set_aside(self._parts[number], error)
            return None
        tokens = _token_lists(table.column("tokens"))
        decoded = (tokens, table.column("unit_key").to_pylist())
        self._open[number] = decoded
        if len(self._open) > _OPEN_PARTS:
            self._open.popitem(last=False)
        return decoded

    def get_doc(self, doc_key: bytes) -> list[list[str]] | None:
        """The token lists of a cached document's units, or None if it is not cached."""
        found = self._index().get(doc_key)
        part = None if found is None else self._part(found[0])
        if part is None:
            self.misses += 1
            return None
        self.hits += 1
        # found is not None here: part is None whenever found is.
        _, first, count = found  # type: ignore[misc]
        tokens = part[0][first : first + count]
        # A document's rows hold lists, or one None row when it has no units.
        return [] if tokens[0] is None else tokens  # type: ignore[return-value]

    def has_doc(self, doc_key: bytes) -> bool:
        """Whether a document is cached or added (without reading its tokens)."""
        found = self._index().get(doc_key)
        return doc_key in self._added or (found is not None and found[0] not in self._bad)

    def get_unit(self, unit_key: bytes) -> list[str] | None:
        """The tokens of a cached unit (from any document), or None."""
        found = self._unit_index().get(unit_key)
        part = None if found is None else self._part(found[0])
        # found is not None here: part is None whenever found is.
        return None if part is None else part[0][found[1]]  # type: ignore[index]

    # -- writing ---------------------------------------------------------------------
    def add(
        self,
        doc_id: str,
        doc_key: bytes,
        unit_keys: Sequence[bytes],
        tokens: Sequence[Sequence[str]],
    ) -> None:
        """Remember a document's units; they are written by the next :meth:`flush`."""
        if self.failed is not None or self.has_doc(doc_key):
            return
        self._added.add(doc_key)
        self._pending.extend(document_rows(doc_id, doc_key, unit_keys, tokens))
        if len(self._pending) >= self.rows_per_part:
            self.flush()

    def flush(self) -> None:
        """Write the rows added since the last flush as one part file (atomically)."""
        if self._pending:
            rows, self._pending = self._pending, []
            try:
                write_part(self.path, rows)
            except Exception as error:  # a full disk, or rows pyarrow cannot store
                self.fail(error)

    def fail(self, error: Exception) -> None:
        """Stop writing after ``error``: warn once, naming the folder; drop pending rows."""
        self._pending = []
        if self.failed is None:
            self.failed = error
            message = (
                f"{self.path}: could not write the token cache ({error}); the tokens are "
                "still returned, but this run's new tokens are not cached and "
                "read_tokens will not return this run"
            )
            logger.warning(message)
            warnings.warn(message, CacheWarning, stacklevel=3)

    def __enter__(self) -> TokenCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.flush()
