"""Header lines: the ``# key = value`` lines at the top of a ``.txt`` file.

CoNLL-U files and public Vietnamese news corpora start each text with such lines::

    # doc_id = news_sport_012
    # url = https://tintuc.example.vn/sport/bai-viet-1234.html
    # date = 20201001

They are metadata, never text. The header is every such line before the first other
non-blank line; blank lines may stand among them. A ``#`` line after the text has
started is text. A key is lowercased, with its spaces, dots and hyphens made ``_``
(``# Newdoc id = …`` has the key ``newdoc_id``). The first value of a key counts; a
key given again is still a header line. Keys and values are read in NFC.

Keys in :data:`HEADER_FIELDS` fill :class:`~corpus_tools.io.Document` fields; an
``url`` gives the source its host name (``tintuc.example.vn``) when no ``source`` key
does, and also stays in ``metadata["url"]``. Every other key goes to ``metadata``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["HEADER_FIELDS", "HEADER_LINE", "Header", "read_header"]

HEADER_LINE = re.compile(r"#\s*(?P<key>[^\W\d][\w .-]{0,39}?)\s*=\s*(?P<value>.*)")
"""A header line, stripped: ``#``, a key of up to 40 letters, digits, spaces, dots or
hyphens that starts with a letter, ``=``, and the value (possibly empty)."""

HEADER_FIELDS: dict[str, str] = {
    "doc_id": "doc_id",
    "id": "doc_id",
    "newdoc_id": "doc_id",
    "title": "title",
    "date": "date",
    "source": "source",
    "url": "url",
}
"""Header keys that fill a Document field (``url`` fills ``source`` when no ``source``
key is given), mapped to the field; extend it to read more keys as fields."""


@dataclass(frozen=True)
class Header:
    """What the header lines of one file say.

    ``fields`` holds the non-empty values of :data:`HEADER_FIELDS` keys by Document
    field (``doc_id``, ``title``, ``date`` as written, ``source``); ``metadata`` every
    other key, and ``url``; ``lines`` the header lines,
    stripped; ``body`` the file's lines after the header.
    """

    fields: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)
    lines: tuple[str, ...] = ()
    body: Sequence[str] = ()


def _key(raw: str) -> str:
    return re.sub(r"[\s.-]+", "_", raw.strip().lower())


def _host(url: str) -> str:
    host = urlsplit(url if "//" in url else f"//{url}").hostname or url
    return host.removeprefix("www.")


def read_header(lines: Sequence[str]) -> Header:
    """Split a file's lines into its header and the lines after it.

    Internal API of the file reader.

    Examples
    --------
    >>> header = read_header(["# doc_id = bai_1", "# url = https://www.baomoi.vn/a.html",
    ...                       "# chuyen_muc = Thể thao", "Tiêu đề", "# không phải header"])
    >>> header.fields
    {'doc_id': 'bai_1', 'source': 'baomoi.vn'}
    >>> header.metadata
    {'url': 'https://www.baomoi.vn/a.html', 'chuyen_muc': 'Thể thao'}
    >>> list(header.body)
    ['Tiêu đề', '# không phải header']
    """
    fields: dict[str, str] = {}
    metadata: dict[str, str] = {}
    found: list[str] = []
    end = 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        match = HEADER_LINE.fullmatch(unicodedata.normalize("NFC", stripped))
        if match is None:
            break
        found.append(stripped)
        end = number + 1
        key, value = _key(match["key"]), match["value"].strip()
        name = HEADER_FIELDS.get(key)
        if name is None or name == "url":
            metadata.setdefault(key if name is None else "url", value)
        elif value:
            fields.setdefault(name, value)
    if metadata.get("url") and "source" not in fields:
        fields["source"] = _host(str(metadata["url"]))
    return Header(fields=fields, metadata=metadata, lines=tuple(found), body=lines[end:])
