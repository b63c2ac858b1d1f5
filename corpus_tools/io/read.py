"""Reading a corpus: the bundled seeds, a folder of ``.txt`` files, one file, or a table.

Sources: the bundled ``seeds/`` (``source=None``), a folder of ``.txt`` files (recursive,
sorted), one ``.txt`` file, or a ``.csv`` / ``.jsonl`` table with a text column
(:mod:`.tables`). Each text is decoded (:mod:`.decode`) and cleaned (:mod:`.clean`)
into a :class:`Document`. A ``.txt`` file's header lines (``# key = value`` at the top,
:mod:`.headers`) fill its fields; a folder read also records each file's sub-folder,
and fields taken from file names (:mod:`.fields`). Dates that do not read and file
names that do not match are reported in one warning each, after the last document.

A folder read takes every file whose name ends in ``.txt`` in any case (``.TXT``,
``.Txt``), in every folder below, and follows symbolic links to files and folders. It
skips hidden files and folders (names starting with ``.``: ``.ipynb_checkpoints/``,
macOS ``._a.txt``) and ``__MACOSX/``, and reads no folder twice (a link back to a folder
above is a loop, not more documents). A ``.txt`` that is not a regular file (a named
pipe, a device), a link to nothing or to itself, or a file it may not read stops the
read with an :class:`~corpus_tools.errors.UnreadableFileError` naming it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath

from ..errors import (
    CorpusError,
    DuplicateIdError,
    EmptyCorpusError,
    SourceNotFoundError,
    UnreadableFileError,
)
from ..paths import seeds_dir
from ..validation import check_unique_ids
from .clean import CLEANING_RULES, LineRule, document_from_text
from .dates import DateFailures
from .decode import decode_bytes
from .documents import Document
from .encodings import lookup_codec
from .fields import PathFields
from .tables import iter_table

__all__ = ["SKIPPED_FOLDERS", "iter_corpus", "list_text_files", "read_corpus"]

SKIPPED_FOLDERS = frozenset({"__MACOSX"})
"""Folders a folder read skips besides hidden ones: zip archives' resource forks."""

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl")
"""Single files read as tables, one document per row; any other file is one document."""

_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS


def _stat(path: Path) -> os.stat_result:
    """``path``'s status through any symbolic link, or an error naming what is wrong."""
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableFileError(
                f"{path}: is a symbolic link to {os.readlink(path)}, which does not exist; "
                "restore its target or remove the link"
            ) from None
        raise SourceNotFoundError(f"{path}: no such file or folder") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnreadableFileError(
                f"{path}: is a symbolic link that leads back to itself (a loop); remove it"
            ) from None
        raise UnreadableFileError(f"{path}: cannot be read ({error.strerror})") from None


def _check_regular(path: Path, status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
        raise UnreadableFileError(
            f"{path}: is {kind}, not a text file; reading it could block or fail, so "
            "remove it from the corpus"
        )


def list_text_files(folder: Path) -> list[Path]:
    """The ``.txt`` files a folder read takes from ``folder``, in the order it reads them.

    The rules are in this module's docstring. Paths stay below ``folder`` as written
    (links are followed, not resolved), sorted by their path relative to it.

    Examples
    --------
    >>> [path.name for path in list_text_files(seeds_dir())][:2]
    ['000_e38ffd22d5a32227.txt', '001_9b0b22747e62e363.txt']
    """
    found: list[Path] = []
    status = _stat(folder)
    seen = {(status.st_dev, status.st_ino)}
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            names = sorted(os.listdir(current))
        except OSError as error:
            raise UnreadableFileError(
                f"{current}: this folder cannot be read ({error.strerror}); check its "
                "permissions or remove it"
            ) from None
        for name in names:
            path = current / name
            is_text = path.suffix.lower() == ".txt"
            if _skipped(name) or not (is_text or path.is_dir()):
                continue
            try:
                status = _stat(path)
            except UnreadableFileError:
                if is_text:
                    raise
                continue  # a broken link that is not a .txt: not a document either way
            if stat.S_ISDIR(status.st_mode):
                if (status.st_dev, status.st_ino) not in seen:
                    seen.add((status.st_dev, status.st_ino))
                    pending.append(path)
            elif is_text:
                _check_regular(path, status)
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def _read_text_file(
    path: Path,
    relative: PurePath,
    *,
    encoding: str | None,
    rules: Iterable[LineRule],
    fields: PathFields,
    dates: DateFailures,
) -> Document:
    """The document in ``path``, which lies at ``relative`` below the corpus folder."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(
            f"{path}: cannot be read ({error.strerror}); check its permissions or remove it"
        ) from None
    raw = decode_bytes(data, str(path), encoding=encoding)
    document = document_from_text(
        relative.with_suffix("").as_posix(),
        raw,
        str(path),
        rules=rules,
        metadata={"path": str(path)},
        headers=True,
        dates=dates,
    )
    return fields.apply(document, relative, dates)


def _reported(
    documents: Iterator[Document], dates: DateFailures, fields: PathFields
) -> Iterator[Document]:
    yield from documents
    dates.warn()
    fields.warn()


def _source_path(source: object) -> Path:
    if source is None:
        return seeds_dir()
    if not isinstance(source, (str, os.PathLike)) or isinstance(os.fspath(source), bytes):
        raise TypeError(
            f"source is {type(source).__name__}; pass a folder or file path (str or Path), "
            "or None for the bundled seeds"
        )
    if not os.fspath(source).strip():
        raise SourceNotFoundError(
            f"source is the empty path {os.fspath(source)!r}, which would read the working "
            "folder; pass a folder or file path, or None for the bundled seeds"
        )
    return Path(source)


def iter_corpus(
    source: str | Path | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    rules: Iterable[LineRule] = CLEANING_RULES,
    folder_field: str | None = None,
    filename_pattern: str | re.Pattern[str] | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``source`` one at a time, for corpora too large to hold.

    Takes the same arguments as :func:`read_corpus`. A folder is read a file at a time,
    a CSV or JSONL table a 1 MiB chunk at a time, so memory does not grow with the
    corpus. Documents before a bad row or byte are yielded before its error is raised.
    Duplicate ids are not checked here. A bad ``source``, ``encoding``,
    ``folder_field`` or ``filename_pattern``, or a folder without ``.txt`` files,
    raises at once, before the first document. The warnings about dates that do not
    read and file names that do not match come after the last document.

    Examples
    --------
    >>> next(iter_corpus()).title[:26]
    'Tăng cường siết chặt kỷ lu'
    """
    path = _source_path(source)
    rules = tuple(rules)
    if encoding is not None:
        lookup_codec(encoding)  # an unknown name stops before any file is read
    status = _stat(path)
    folder = stat.S_ISDIR(status.st_mode)
    table = not folder and path.suffix.lower() in TABLE_SUFFIXES
    fields = PathFields(folder_field, filename_pattern, folder=folder, table=table)
    dates = DateFailures()
    if folder:
        files = list_text_files(path)
        if not files:
            raise EmptyCorpusError(
                f"{path}: holds no .txt files (hidden files and folders are skipped); point "
                "to a folder of .txt files, one .txt, a .csv or a .jsonl file"
            )
        documents = (
            _read_text_file(
                file,
                file.relative_to(path),
                encoding=encoding,
                rules=rules,
                fields=fields,
                dates=dates,
            )
            for file in files
        )
        return _reported(documents, dates, fields)
    _check_regular(path, status)
    if path.suffix.lower() == ".json":
        raise CorpusError(
            f"{path}: is a .json file, which would be read as one text; write one JSON "
            "object per line and name it .jsonl (or rename it, if it already is so)"
        )
    if table:
        rows = iter_table(
            path,
            text_column=text_column,
            id_column=id_column,
            encoding=encoding,
            rules=rules,
            dates=dates,
        )
        return _reported(rows, dates, fields)
    one = (
        _read_text_file(
            file, PurePath(file.name), encoding=encoding, rules=rules, fields=fields, dates=dates
        )
        for file in [path]
    )
    return _reported(one, dates, fields)


def read_corpus(
    source: str | Path | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    rules: Iterable[LineRule] = CLEANING_RULES,
    folder_field: str | None = None,
    filename_pattern: str | re.Pattern[str] | None = None,
) -> tuple[Document, ...]:
    """Read and clean a corpus of Vietnamese news texts.

    Parameters
    ----------
    source : str, Path or None
        ``None`` for the bundled ``seeds/``; a folder of ``.txt`` files (read
        recursively in sorted order, ``doc_id`` = path without ``.txt``); one ``.txt``
        file; or a ``.csv`` / ``.jsonl`` file with one document per row. A ``.txt``
        may start with header lines, ``# key = value`` (:mod:`.headers`): ``doc_id``
        (or ``id``), ``title``, ``date`` and ``source`` (or ``url``) fill the fields,
        over what the text says; other keys go to ``metadata``. They are never text.
    text_column : str
        The column holding the text in a table. Its other columns become ``metadata``;
        ``id`` (or ``id_column``) gives ``doc_id``, ``title`` the title, ``date`` the
        date (over a dateline in the text).
    id_column : str, optional
        The column holding document ids; default ``id`` when present, else
        ``<file stem>-<line number>``.
    encoding : str, optional
        The files' encoding when it is neither UTF-8 nor UTF-16 with BOM.
    rules : iterable of LineRule
        The cleaning table; default :data:`CLEANING_RULES`.
    folder_field : str, optional
        For a folder: the metadata key of each file's sub-folder below it (default
        ``"folder"``): ``"sport"`` for ``sport/a.txt``, None for a file at the top. Name
        it ``"category"`` and ``group_labels(docs, "category")`` groups by folder.
    filename_pattern : str or re.Pattern, optional
        For ``.txt`` files: a regular expression searched in each file name without
        ``.txt``, whose named groups become fields, e.g.
        ``r"news_(?P<category>[a-z]+)_\\d+"`` (rules in :mod:`.fields`).

    Returns
    -------
    tuple of Document

    Raises
    ------
    CorpusError
        Naming the file and what to change: empty or binary files, a file with header
        lines only, undecodable bytes, a missing text column, duplicate ids, a folder
        without ``.txt`` files, or a ``filename_pattern`` that is no regular
        expression or names no field.

    Warns
    -----
    DateParseWarning
        Once, with the count and examples, when dates did not read (their documents
        get ``date=None``; the formats are in :mod:`.dates`).
    FilenamePatternWarning
        Once, with the count, when file names did not match ``filename_pattern``
        (their fields from the file name are None).

    Examples
    --------
    >>> docs = read_corpus()
    >>> len(docs), docs[1].source, docs[4].date
    (5, 'thainguyen.gov.vn', datetime.date(2019, 12, 25))
    """
    documents = tuple(
        iter_corpus(
            source,
            text_column=text_column,
            id_column=id_column,
            encoding=encoding,
            rules=rules,
            folder_field=folder_field,
            filename_pattern=filename_pattern,
        )
    )
    files: dict[str, object] = {}
    for document in documents:  # a folder's a.txt and a.TXT: name both files
        path = document.metadata.get("path") if source is None or Path(source).is_dir() else None
        if path is not None and document.doc_id in files:
            raise DuplicateIdError(
                f"{files[document.doc_id]} and {path} both give the id {document.doc_id!r}; "
                "rename one of them"
            )
        files[document.doc_id] = path
    check_unique_ids([document.doc_id for document in documents], where=f"{source}: ")
    return documents
