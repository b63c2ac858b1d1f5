"""Units of analysis: a document's text split into documents, paragraphs or sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..io import Document
from ..normalize import normalize_text
from ..types import Unit
from ..validation import UNITS, check_choice

__all__ = ["document_source", "document_units", "text_units"]

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


def document_source(number: int, doc: Document | str, include_title: bool) -> tuple[str, str]:
    """Return ``(doc_id, text)``: the text :func:`text_units` splits, not yet normalised.

    A plain string's id is its ``number``. Internal API: the corpus runners use it.

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
    text = normalize_text(source)
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
    docs: Iterable[Document | str], *, unit: Unit = "document", include_title: bool = True
) -> list[tuple[str, str]]:
    """Split documents into units of analysis: ``(doc_id, normalised text)`` pairs.

    ``"document"`` gives one unit per document, ``"paragraph"`` one per body paragraph,
    ``"sentence"`` one per sentence (split after ``.``, ``!``, ``?`` or ``…`` followed by
    a capital letter or a digit). Plain strings get ids ``"0"``, ``"1"``, ….

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
    for number, doc in enumerate(docs):
        doc_id, source = document_source(number, doc, include_title)
        units.extend((doc_id, text) for text in document_units(source, unit))
    return units
