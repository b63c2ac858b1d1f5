"""Read Vietnamese news texts into :class:`Document` records, cleaning scrape boilerplate.

One module per job, in the order a text passes through them:

- :mod:`.documents`: the :class:`Document` record;
- :mod:`.decode`: bytes to text (UTF-8, UTF-16, named encodings);
- :mod:`.headers`: the ``# key = value`` header lines at the top of a ``.txt`` file;
- :mod:`.dates`: dates as collections write them (:func:`parse_date`);
- :mod:`.clean`: the cleaning table (:data:`CLEANING_RULES`) and :func:`clean_lines`;
- :mod:`.removed`: the tables of what cleaning removed, and the reasons' labels;
- :mod:`.tables`: CSV and JSONL tables, one document per row;
- :mod:`.fields`: fields from a file's sub-folder and name;
- :mod:`.read`: :func:`iter_corpus` and :func:`read_corpus` over the bundled seeds,
  folders, single files and tables.

Every public name is re-exported here, so ``corpus_tools.io.read_corpus`` and
``from corpus_tools.io import Document`` keep working.
"""

from __future__ import annotations

from .clean import (
    CAPTION_MAX_CHARS,
    CLEANING_RULES,
    HEAD_LINES,
    NEWS_OUTLETS,
    TITLE_MAX_CHARS,
    LineRule,
    clean_lines,
    source_line_rule,
)
from .dates import DATE_FORMATS, parse_date
from .decode import decode_bytes
from .documents import PARAGRAPH_SEPARATOR, Document
from .headers import HEADER_FIELDS
from .read import iter_corpus, read_corpus
from .removed import REASON_LABELS, reason_label, removed_line_counts, removed_lines

__all__ = [
    "CAPTION_MAX_CHARS",
    "CLEANING_RULES",
    "DATE_FORMATS",
    "HEADER_FIELDS",
    "HEAD_LINES",
    "NEWS_OUTLETS",
    "PARAGRAPH_SEPARATOR",
    "REASON_LABELS",
    "TITLE_MAX_CHARS",
    "Document",
    "LineRule",
    "clean_lines",
    "decode_bytes",
    "iter_corpus",
    "parse_date",
    "read_corpus",
    "reason_label",
    "removed_line_counts",
    "removed_lines",
    "source_line_rule",
]
