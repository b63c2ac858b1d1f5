"""Units of analysis: a document's text split into documents, paragraphs or sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TypeAlias

from ..io import Document
from ..normalize import normalize_text
from ..types import Unit
from ..validation import UNITS, check_choice, check_text

__all__ = [
    "Corpus",
    "corpus_documents",
    "document_source",
    "document_units",
    "split_units",
    "text_units",
]

_ALNUM = re.compile(r"[^\W_]")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:TP|Tp|TX|TT|ThS|TS|GS|PGS|BS|Mr|Mrs|Ms|Dr|St|v\.v)\.$")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’)])) +")


def _split_sentences(paragraph: str) -> list[str]:
    sentences: list[str] = []
    for part in _SENTENCE_END.split(paragraph):
        first = _ALNUM.search(part)
        if sentences and (
            first is None or first.group(0).islower() or _ABBREVIATION.search(sentences[-1])
        ):
            sentences[-1] += " " + part  # "v.v. và", "TP. Hồ Chí Minh" go on
        else:
            sentences.append(part)
    return sentences


Corpus: TypeAlias = Iterable[Document | str] | Mapping[str, str]
"""What the corpus functions take: documents or texts, or a mapping of id → text."""


def corpus_documents(docs: Corpus) -> Iterable[Document | str]:
    """Check a corpus argument and return its documents; a mapping's items become Documents.

    A mapping of id → text gives one :class:`Document` per item, its key as ``doc_id``
    (turned into a str) and its value as the text, with no title. A bare string (or
    bytes, or one Document) is not a corpus: :class:`TypeError`. Internal API: every
    function that takes ``docs`` calls it.

    Examples
    --------
    >>> [doc.doc_id for doc in corpus_documents({"tin-1": "Họp.", "tin-2": "Về."})]
    ['tin-1', 'tin-2']
    >>> corpus_documents("Bộ Chính trị họp")
    Traceback (most recent call last):
    ...
    TypeError: docs is one string, not a corpus; pass a list of texts ([text]) or of Documents
    """
    if isinstance(docs, (str, bytes, bytearray)):
        raise TypeError(
            "docs is one string, not a corpus; pass a list of texts ([text]) or of Documents"
        )
    if isinstance(docs, Document):
        raise TypeError("docs is one Document, not a corpus; pass a list of Documents ([doc])")
    if isinstance(docs, Mapping):
        return [
            Document(doc_id=str(key), paragraphs=(check_text(text, f"docs[{key!r}]"),))
            for key, text in docs.items()
        ]
    if not isinstance(docs, Iterable):
        raise TypeError(
            f"docs is {type(docs).__name__}, not a corpus; pass a list of texts or of "
            "Documents, or a mapping of id to text"
        )
    return docs


def document_source(number: int, doc: Document | str, include_title: bool) -> tuple[str, str]:
    """Return ``(doc_id, text)``: the text :func:`text_units` splits, not yet normalised.

    A plain string's id is its ``number``; anything but a Document or a str is a
    :class:`TypeError`. Internal API: the corpus runners use it.

    Examples
    --------
    >>> document_source(0, Document(doc_id="a", title="Tin", paragraphs=("Họp.",)), True)
    ('a', 'Tin\\nHọp.')
    >>> document_source(3, "Họp.", True)
    ('3', 'Họp.')
    """
    if isinstance(doc, Document):
        text = doc.text
        if include_title and doc.title:
            text = f"{doc.title}\n{text}"
        return doc.doc_id, text
    if not isinstance(doc, str):
        hint = "; for (doc_id, text) pairs pass dict(pairs)" if isinstance(doc, tuple) else ""
        raise TypeError(
            f"docs[{number}] is {type(doc).__name__}; each document must be a Document or a "
            f"str{hint}"
        )
    return str(number), doc


def document_units(source: str, unit: Unit) -> list[str]:
    """Normalise one document's text and split it into units.

    Internal API: the corpus runners segment these.

    Examples
    --------
    >>> document_units("Họp.\\n\\nBàn  bạc. Về nhà.", "sentence")
    ['Họp.', 'Bàn bạc.', 'Về nhà.']
    """
    check_choice(unit, "unit", UNITS)
    return split_units(normalize_text(source), unit)


def split_units(text: str, unit: Unit) -> list[str]:
    """Split one document's normalised text into units (:func:`document_units` without
    normalising). Internal API.

    Examples
    --------
    >>> split_units("Họp.\\nBàn bạc. Về nhà.", "paragraph")
    ['Họp.', 'Bàn bạc. Về nhà.']
    """
    if unit == "document":
        return [text]
    units: list[str] = []
    for paragraph in filter(None, text.split("\n")):
        if unit == "paragraph":
            units.append(paragraph)
        else:
            units.extend(_split_sentences(paragraph))
    return units


def text_units(
    docs: Corpus, *, unit: Unit = "document", include_title: bool = True
) -> list[tuple[str, str]]:
    """Split documents into units of analysis: ``(doc_id, normalised text)`` pairs.

    ``"document"`` gives one unit per document, ``"paragraph"`` one per body paragraph,
    ``"sentence"`` one per sentence (split after ``.``, ``!``, ``?`` or ``…`` followed by
    a capital letter or a digit). ``docs`` holds :class:`Document` records or plain
    strings, which get ids ``"0"``, ``"1"``, …; or it is a mapping of id → text.

    With ``include_title`` (the default) a document's title is analysed with its text,
    as its first line: the headline is part of what the article says, and a tool that
    counted the file as it is (Voyant, say) would count it. It is its own paragraph
    and sentence.

    Examples
    --------
    >>> text_units(["Hội nghị bế mạc. Đại biểu ra về.\\nNgày mai họp tiếp."], unit="sentence")
    [('0', 'Hội nghị bế mạc.'), ('0', 'Đại biểu ra về.'), ('0', 'Ngày mai họp tiếp.')]
    """
    check_choice(unit, "unit", UNITS)
    units: list[tuple[str, str]] = []
    for number, doc in enumerate(corpus_documents(docs)):
        doc_id, source = document_source(number, doc, include_title)
        units.extend((doc_id, text) for text in document_units(source, unit))
    return units
