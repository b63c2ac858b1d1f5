"""Reading a corpus: the bundled seeds, a folder of ``.txt`` files, one file, or a table.

Sources: the bundled ``seeds/`` (``source=None``), a folder of ``.txt`` files (recursive,
sorted), one ``.txt`` file, or a ``.csv`` / ``.jsonl`` table with a text column
(:mod:`.tables`). Each text is decoded (:mod:`.decode`) and cleaned (:mod:`.clean`)
into a :class:`Document`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import EmptyCorpusError
from ..paths import seeds_dir
from ..validation import check_unique_ids
from .clean import CLEANING_RULES, LineRule, document_from_text
from .decode import decode_bytes
from .documents import Document
from .encodings import lookup_codec
from .tables import iter_table

__all__ = ["iter_corpus", "read_corpus"]


def _read_text_file(
    path: Path, doc_id: str, *, encoding: str | None, rules: Iterable[LineRule]
) -> Document:
    raw = decode_bytes(path.read_bytes(), str(path), encoding=encoding)
    return document_from_text(doc_id, raw, str(path), rules=rules, metadata={"path": str(path)})


def iter_corpus(
    source: str | Path | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    rules: Iterable[LineRule] = CLEANING_RULES,
) -> Iterator[Document]:
    """Yield the documents of ``source`` one at a time, for corpora too large to hold.

    Takes the same arguments as :func:`read_corpus`. A folder is read a file at a time,
    a CSV or JSONL table a 1 MiB chunk at a time, so memory does not grow with the
    corpus. Documents before a bad row or byte are yielded before its error is raised.
    Duplicate ids are not checked here.

    Examples
    --------
    >>> next(iter_corpus()).title[:26]
    'Tăng cường siết chặt kỷ lu'
    """
    path = seeds_dir() if source is None else Path(source)
    rules = tuple(rules)
    if encoding is not None:
        lookup_codec(encoding)  # an unknown name stops before any file is read
    if path.is_dir():
        files = sorted(path.rglob("*.txt"), key=lambda p: p.relative_to(path).as_posix())
        if not files:
            raise EmptyCorpusError(
                f"{path}: holds no .txt files; point to a folder of .txt files, one .txt, "
                "a .csv or a .jsonl file"
            )
        for file in files:
            doc_id = file.relative_to(path).with_suffix("").as_posix()
            yield _read_text_file(file, doc_id, encoding=encoding, rules=rules)
    elif path.is_file():
        suffix = path.suffix.lower()
        if suffix in (".csv", ".jsonl"):
            yield from iter_table(
                path, text_column=text_column, id_column=id_column, encoding=encoding, rules=rules
            )
        else:
            yield _read_text_file(path, path.stem, encoding=encoding, rules=rules)
    else:
        raise FileNotFoundError(f"{path}: no such file or folder")


def read_corpus(
    source: str | Path | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    rules: Iterable[LineRule] = CLEANING_RULES,
) -> tuple[Document, ...]:
    """Read and clean a corpus of Vietnamese news texts.

    Parameters
    ----------
    source : str, Path or None
        ``None`` for the bundled ``seeds/``; a folder of ``.txt`` files (read
        recursively in sorted order, ``doc_id`` = path without ``.txt``); one ``.txt``
        file; or a ``.csv`` / ``.jsonl`` file with one document per row.
    text_column : str
        The column holding the text in a table. Its other columns become ``metadata``;
        ``id`` (or ``id_column``) gives ``doc_id``, ``title`` the title, ``date`` the date.
    id_column : str, optional
        The column holding document ids; default ``id`` when present, else
        ``<file stem>-<line number>``.
    encoding : str, optional
        The files' encoding when it is neither UTF-8 nor UTF-16 with BOM.
    rules : iterable of LineRule
        The cleaning table; default :data:`CLEANING_RULES`.

    Returns
    -------
    tuple of Document

    Raises
    ------
    CorpusError
        Naming the file and what to change: empty or binary files, undecodable bytes,
        a missing text column, duplicate ids, or a folder without ``.txt`` files.

    Examples
    --------
    >>> docs = read_corpus()
    >>> len(docs), docs[1].source, docs[4].date
    (5, 'thainguyen.gov.vn', datetime.date(2019, 12, 25))
    """
    documents = tuple(
        iter_corpus(
            source, text_column=text_column, id_column=id_column, encoding=encoding, rules=rules
        )
    )
    check_unique_ids([document.doc_id for document in documents], where=f"{source}: ")
    return documents
