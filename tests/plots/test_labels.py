"""The fixed words figures draw: both languages for every entry, lookups, and every
removal reason the cleaning table records has a Vietnamese name."""

from __future__ import annotations

import pytest

from corpus_tools.errors import FigureError
from corpus_tools.plots.labels import (
    COLUMNS,
    LANGS,
    TEXT,
    VALUES,
    check_lang,
    column_label,
    format_count,
    text,
    translate_value,
)


def _entries():
    yield from TEXT.items()
    yield from COLUMNS.items()
    for field, values in VALUES.items():
        for value, entry in values.items():
            yield f"{field}:{value}", entry


@pytest.mark.parametrize(("key", "entry"), list(_entries()), ids=lambda v: str(v)[:30])
def test_every_entry_has_both_languages_and_no_mixed_words(key, entry):
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    vietnamese_only = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
    assert not set(entry["en"].lower()) & vietnamese_only, f"{key}: Vietnamese in English"


def test_text_fills_fields_in_either_language():
    assert text("top_nodes", "vi", shown=30, total=120) == (
        "30 trong 120 tên có nhiều liên kết nhất"
    )
    assert text("top_nodes", "en", shown=30, total=120) == "the 30 of 120 names with most links"


def test_an_unknown_language_is_a_figure_error():
    with pytest.raises(FigureError, match="lang must be 'vi' or 'en', not 'fr'"):
        check_lang("fr")
    with pytest.raises(FigureError):
        text("no_data", "fr")


@pytest.mark.parametrize(
    ("column", "lang", "expected"),
    [("count", "vi", "số lần"), ("count", "en", "count"), ("per_10k", "en", "per 10,000 words"),
     ("điểm", "en", "điểm"), (3, "vi", "3")],
)  # fmt: skip
def test_column_label(column, lang, expected):
    assert column_label(column, lang) == expected


def test_translate_value_only_for_the_fields_it_knows():
    # the removal reasons' names are io's (one source of truth): "dòng ngày đăng"
    assert translate_value("dateline", "reason", "vi") == "dòng ngày đăng"
    assert translate_value("month", "period", "en") == "month"
    assert translate_value("dateline", "term", "vi") == "dateline"
    assert translate_value("word", "level", "en") == "word"


def test_format_count_uses_each_language_s_thousands_separator():
    assert [format_count(n, "vi") for n in (5, 2653, 1_000_000)] == ["5", "2.653", "1.000.000"]
    assert format_count(2653, "en") == "2,653"


def test_every_cleaning_reason_has_a_name_in_both_languages():
    import inspect

    from corpus_tools import io

    reasons = {rule.reason for rule in io.CLEANING_RULES}
    # reasons io records outside the rule table, written in its source as literals
    reasons |= set(__import__("re").findall(r'"(repeated line \([^)]*\))"', inspect.getsource(io)))
    missing = sorted(reasons - set(VALUES["reason"]))
    assert missing == [], f"add {missing} to corpus_tools.io.REASON_LABELS"


def test_removal_reasons_have_one_source():
    from corpus_tools.io import REASON_LABELS, reason_label

    assert VALUES["reason"] is REASON_LABELS
    for reason in REASON_LABELS:
        for lang in LANGS:
            assert translate_value(reason, "reason", lang) == reason_label(reason, lang=lang)
