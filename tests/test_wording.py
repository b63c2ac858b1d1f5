"""The words the counting stages put in captions: both languages for every entry, with
the same fields, and lookups that refuse an unknown language."""

from __future__ import annotations

import string

import pytest

from corpus_tools.errors import CorpusError
from corpus_tools.wording import LANGS, WORDS, check_lang, format_count, phrase

VIETNAMESE_ONLY = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def fields(words: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(words) if name}


@pytest.mark.parametrize(("key", "entry"), WORDS.items(), ids=list(WORDS))
def test_every_entry_has_both_languages_with_the_same_fields(key, entry):
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    assert fields(entry["vi"]) == fields(entry["en"]), key
    assert not set(entry["en"].lower()) & VIETNAMESE_ONLY, f"{key}: Vietnamese in English"


def test_phrase_fills_fields():
    assert (
        phrase("select_largest_groups", "vi", n=3, total=9) == "3 nhóm nhiều bài nhất trong 9 nhóm"
    )
    assert phrase("select_largest_groups", "en", n=3, total=9) == "the 3 largest of 9 groups"
    assert phrase("no_group", "en") == "(none)"  # as features, io and plots name it


def test_an_unknown_language_is_refused():
    with pytest.raises(CorpusError, match="lang must be 'vi' or 'en', not 'fr'"):
        check_lang("fr")
    with pytest.raises(CorpusError):
        phrase("empty_topic", "fr")
    with pytest.raises(CorpusError):
        format_count(3, "fr")


@pytest.mark.parametrize(
    ("number", "lang", "expected"),
    [(2653, "vi", "2.653"), (2653, "en", "2,653"), (1234567, "vi", "1.234.567"), (7, "en", "7")],
)
def test_format_count(number, lang, expected):
    assert format_count(number, lang) == expected
