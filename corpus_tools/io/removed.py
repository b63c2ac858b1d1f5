"""What cleaning took out: every removed line, counts by reason, and the reasons' labels.

Each reason recorded in ``Document.removed`` has a Vietnamese and an English label in
:data:`REASON_LABELS`, so a table or figure set in one language never shows the other.
A reason of your own (a :class:`~corpus_tools.io.LineRule` you added) is shown as
written unless you add it to the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import CorpusError
from ..validation import check_choice
from ..wording import WORDS
from .documents import Document

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LANGUAGES",
    "MISSING_GROUP",
    "REASON_LABELS",
    "reason_label",
    "removed_line_counts",
    "removed_lines",
]

LANGUAGES = ("vi", "en")
"""The languages of labels: Vietnamese (the default) and English."""

REASON_LABELS: dict[str, dict[str, str]] = {
    "header": {"vi": "dòng siêu dữ liệu", "en": "header line"},
    "skip link": {"vi": "liên kết bỏ qua", "en": "skip link"},
    "title": {"vi": "tiêu đề", "en": "title"},
    "dateline": {"vi": "dòng ngày đăng", "en": "dateline"},
    "photo caption": {"vi": "chú thích ảnh", "en": "photo caption"},
    "repeated line (photo caption)": {
        "vi": "dòng lặp lại (chú thích ảnh)",
        "en": "repeated line (photo caption)",
    },
    "source line": {"vi": "dòng nguồn", "en": "source line"},
    "byline": {"vi": "tên tác giả", "en": "byline"},
    "stray punctuation": {"vi": "dấu câu thừa", "en": "stray punctuation"},
    "related-articles footer": {"vi": "mục tin liên quan", "en": "related-articles footer"},
    "after related-articles footer": {
        "vi": "tin liên quan (sau mục)",
        "en": "after related-articles footer",
    },
}
"""Every reason cleaning records, in the order an article meets them, with its label in
each of :data:`LANGUAGES`; add your own rules' reasons to label them."""

MISSING_GROUP = WORDS["no_group"]
"""The label of the group of documents whose group label is None, by language (the
one label every stage gives that group)."""


def reason_label(reason: str, *, lang: str = "vi") -> str:
    """Return the label of a removal ``reason`` in ``lang`` (the reason itself if unknown).

    Examples
    --------
    >>> reason_label("skip link"), reason_label("skip link", lang="en")
    ('liên kết bỏ qua', 'skip link')
    """
    check_choice(lang, "lang", LANGUAGES)
    return REASON_LABELS.get(reason, {}).get(lang, reason)


def removed_lines(docs: Iterable[Document]) -> pd.DataFrame:
    """Every line that cleaning took out of ``docs``: ``doc_id``, ``reason``, ``line``.

    Examples
    --------
    >>> doc = Document("a", removed=(("Nguồn VOV", "source line"),))
    >>> removed_lines([doc]).values.tolist()
    [['a', 'source line', 'Nguồn VOV']]
    """
    import pandas as pd

    rows = [(doc.doc_id, reason, line) for doc in docs for line, reason in doc.removed]
    return pd.DataFrame(rows, columns=["doc_id", "reason", "line"])


def _group_labels(
    docs: Sequence[Document], groups: Sequence[object] | Mapping[str, object], missing: str
) -> list[str]:
    if isinstance(groups, Mapping):
        absent = [doc.doc_id for doc in docs if doc.doc_id not in groups]
        if absent:
            raise CorpusError(
                f"groups gives no label for {len(absent)} document(s) ({', '.join(absent[:3])}"
                f"{'…' if len(absent) > 3 else ''}); give each doc_id a label (None is a group)"
            )
        labels = [groups[doc.doc_id] for doc in docs]
    else:
        labels = list(groups)
        if len(labels) != len(docs):
            raise CorpusError(
                f"groups holds {len(labels)} labels for {len(docs)} documents; give one "
                "label per document, in the documents' order"
            )
    return [missing if label is None else str(label) for label in labels]


def removed_line_counts(
    docs: Sequence[Document],
    *,
    groups: Sequence[object] | Mapping[str, object] | None = None,
    lang: str = "vi",
) -> pd.DataFrame:
    """How many lines cleaning removed, by reason: per document, or summed per group.

    Parameters
    ----------
    docs : sequence of Document
    groups : sequence or mapping, optional
        One group label per document (e.g. from
        :func:`~corpus_tools.groups.group_labels`), or a mapping doc_id → label. Rows
        are then the groups, in sorted order, the documents without a label (None)
        last as :data:`MISSING_GROUP`. Without it, one row per document, in order,
        also when nothing was removed from it.
    lang : {"vi", "en"}
        The language of the column labels (:data:`REASON_LABELS`).

    Returns
    -------
    DataFrame
        Index ``doc_id`` (or ``group``), one column per reason found, in the order of
        :data:`REASON_LABELS` (other reasons after them, sorted), whole-number counts.

    Examples
    --------
    >>> docs = [Document("a", removed=(("Nguồn VOV", "source line"),)), Document("b")]
    >>> removed_line_counts(docs)
    reason  dòng nguồn
    doc_id
    a                1
    b                0
    >>> removed_line_counts(docs, groups=["thể thao", None], lang="en")
    reason      source line
    group
    thể thao              1
    (none)                0
    """
    import pandas as pd

    check_choice(lang, "lang", LANGUAGES)
    docs = list(docs)
    table = removed_lines(docs)
    if groups is None:
        rows = [doc.doc_id for doc in docs]
        index_name, row_of = "doc_id", dict(zip(rows, rows, strict=True))
    else:
        labels = _group_labels(docs, groups, MISSING_GROUP[lang])
        present = set(labels)
        rows = sorted(present - {MISSING_GROUP[lang]})
        rows += [MISSING_GROUP[lang]] if MISSING_GROUP[lang] in present else []
        index_name = "group"
        row_of = {doc.doc_id: label for doc, label in zip(docs, labels, strict=True)}
    known = [reason for reason in REASON_LABELS if reason in set(table["reason"])]
    reasons = known + sorted(set(table["reason"]) - set(known))
    if len(table):
        counts = pd.crosstab(table["doc_id"].map(row_of), table["reason"])
    else:
        counts = pd.DataFrame()
    counts = counts.reindex(index=rows, columns=reasons, fill_value=0)
    counts.index.name = index_name
    counts.columns = pd.Index([reason_label(r, lang=lang) for r in reasons], name="reason")
    return counts.astype("int64")
