"""Words the counting stages put in captions and labels, in Vietnamese and English.

Base module (internal API): :mod:`corpus_tools.features`, :mod:`corpus_tools.extract`
and :mod:`corpus_tools.topics` build phrases a figure shows ("12 bài dài nhất trong
2.653 bài", "(trống)") before any plot is drawn, and cannot import
:mod:`corpus_tools.plots`; they take their words from :data:`WORDS` through
:func:`phrase`, so a figure set in English never shows a Vietnamese caption.

Examples
--------
>>> phrase("count_some", "vi", shown=12, total=format_count(2653, "vi"), noun="bài",
...        rule="nhắc nhiều nhất")
'12 trong 2.653 bài nhắc nhiều nhất'
>>> phrase("empty_topic", "en")
'(empty)'
"""

from __future__ import annotations

from .validation import check_choice

__all__ = ["LANGS", "WORDS", "check_lang", "format_count", "phrase"]

LANGS: tuple[str, ...] = ("vi", "en")
"""The languages :data:`WORDS` holds, the default first."""

WORDS: dict[str, dict[str, str]] = {
    # how many of how many were kept, and by which rule
    "count_some": {
        "vi": "{shown} trong {total} {noun} {rule}",
        "en": "{shown} of {total} {noun} {rule}",
    },
    "count_all": {"vi": "{total} {noun}", "en": "{total} {noun}"},
    "select_longest": {
        "vi": "{n} bài dài nhất trong {total} bài",
        "en": "the {n} longest of {total} articles",
    },
    "select_largest_groups": {
        "vi": "{n} nhóm nhiều bài nhất trong {total} nhóm",
        "en": "the {n} largest of {total} groups",
    },
    # what is counted
    "noun_articles": {"vi": "bài", "en": "articles"},
    "noun_groups": {"vi": "nhóm", "en": "groups"},
    "noun_names": {"vi": "tên", "en": "names"},
    "noun_people": {"vi": "người", "en": "people"},
    "noun_documents": {"vi": "văn bản", "en": "documents"},
    # the rule that kept them
    "rule_mentioning_most": {"vi": "nhắc nhiều nhất", "en": "mentioning most"},
    "rule_mentioned_most": {"vi": "được nhắc nhiều nhất", "en": "mentioned most"},
    "rule_most_links": {"vi": "có nhiều liên kết nhất", "en": "with most links"},
    "rule_sharing_most": {"vi": "trùng nhiều nhất", "en": "sharing most"},
    "rule_sharing": {"vi": "có đoạn trùng", "en": "sharing a passage"},
    # names of what has no name
    "no_group": {"vi": "(không có)", "en": "(none)"},  # documents without a group label
    "empty_topic": {"vi": "(trống)", "en": "(empty)"},
}
"""Key → language → words; ``{name}`` fields are filled by :func:`phrase`."""


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of :data:`LANGS`, else raise CorpusError.

    Examples
    --------
    >>> check_lang("vi")
    'vi'
    """
    return check_choice(lang, "lang", LANGS)


def phrase(key: str, lang: str = "vi", **values: object) -> str:
    """Return the words ``key`` stands for in ``lang``, with ``{name}`` fields filled.

    Examples
    --------
    >>> phrase("select_longest", "vi", n=12, total="2.653")
    '12 bài dài nhất trong 2.653 bài'
    """
    return WORDS[key][check_lang(lang)].format(**values)


def format_count(number: int, lang: str = "vi") -> str:
    """Return a whole number with the thousands separator of ``lang``.

    Examples
    --------
    >>> format_count(2653, "vi"), format_count(2653, "en")
    ('2.653', '2,653')
    """
    separated = f"{int(number):,}"
    return separated.replace(",", ".") if check_lang(lang) == "vi" else separated
