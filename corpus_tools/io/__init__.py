"""Read Vietnamese news texts into :class:`Document` records, cleaning scrape boilerplate.

One module per job, in the order a text passes through them:

- :mod:`.documents`: the :class:`Document` record;
- :mod:`.decode`: bytes to text (UTF-8, UTF-16, named encodings);
- :mod:`.clean`: the cleaning table (:data:`CLEANING_RULES`), :func:`clean_lines`, and
  the tables of what cleaning removed;
- :mod:`.tables`: CSV and JSONL tables, one document per row;
- :mod:`.read`: :func:`iter_corpus` and :func:`read_corpus` over the bundled seeds,
  folders, single files and tables.

Every public name is re-exported here, so ``corpus_tools.io.read_corpus`` and
``from corpus_tools.io import Document`` keep working.
"""

from __future__ import annotations

from .clean import (
    CLEANING_RULES,
    HEAD_LINES,
    NEWS_OUTLETS,
    TITLE_MAX_CHARS,
    LineRule,
    clean_lines,
    removed_line_counts,
    removed_lines,
    source_line_rule,
)
from .decode import decode_bytes
from .documents import PARAGRAPH_SEPARATOR, Document
from .read import iter_corpus, read_corpus

__all__ = [
    "CLEANING_RULES",
    "HEAD_LINES",
    "NEWS_OUTLETS",
    "PARAGRAPH_SEPARATOR",
    "TITLE_MAX_CHARS",
    "Document",
    "LineRule",
    "clean_lines",
    "decode_bytes",
    "iter_corpus",
    "read_corpus",
    "removed_line_counts",
    "removed_lines",
    "source_line_rule",
]
