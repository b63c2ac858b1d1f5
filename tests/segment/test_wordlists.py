"""Word lists: bundled stopwords and user words, matched in their canonical form."""

from __future__ import annotations

import pytest

from corpus_tools.segment import WORD_JOINER, load_stopwords, load_user_words, tokenize
from corpus_tools.segment.wordlists import (
    canonical_word,
    resolve_user_words,
    stopword_set,
    user_word_index,
)


def test_bundled_stopwords_hold_multi_syllable_words():
    words = load_stopwords()
    assert "có_thể" in words and "ở" in words
    assert "chạy_chức" not in words


def test_stopwords_can_be_extended_and_trimmed():
    words = load_stopwords(extra=["cán bộ"], remove=["người"])
    assert "cán_bộ" in words and "người" not in words


def test_news_stopwords_are_optional():
    assert "đồng_chí" in load_stopwords()
    assert "đồng_chí" not in load_stopwords(news=False)


def test_a_single_string_is_not_a_stopword_list():
    with pytest.raises(TypeError, match="collection"):
        tokenize("có thể", stopwords="có thể")
    with pytest.raises(TypeError, match="collection"):
        stopword_set("có thể")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("", ""),
        ("có thể", "có_thể"),
        ("Có_Thể", "có_thể"),
        ("Hoà  bình", "hòa_bình"),  # tone placement and spaces
        ("\u00d0ảng", "đảng"),  # Ð
    ],
)
def test_canonical_word(word, expected):
    assert canonical_word(word) == expected


def test_bundled_user_words_are_whole_terms():
    words = load_user_words()
    assert "Ban Tổ chức Trung ương" in words
    assert all(word.strip() and not word.startswith("#") for word in words)
    assert resolve_user_words(None) == words
    assert resolve_user_words([]) == ()
    assert resolve_user_words(iter(["cấp ủy"])) == ("cấp ủy",)


def test_user_word_index_holds_canonical_syllables_longest_first():
    index = user_word_index(("cấp uỷ", f"Cấp{WORD_JOINER}ủy các cấp", "  ", "CẤP ỦY"))
    assert index == {"cấp": (("cấp", "ủy", "các", "cấp"), ("cấp", "ủy"))}


@pytest.mark.parametrize("option", ["user_words", "stopwords"])
@pytest.mark.parametrize("bad", [None, 3, b"ha"], ids=["None", "int", "bytes"])
def test_a_word_list_entry_that_is_not_a_str_is_named(option, bad):
    with pytest.raises(TypeError, match=rf"^{option} holds {bad!r} \("):
        tokenize("Bộ Chính trị họp", **{option: ["Hà Nội", bad]})


@pytest.mark.parametrize("option", ["user_words", "stopwords"])
def test_a_single_string_is_not_a_word_list(option):
    with pytest.raises(TypeError, match=f"{option} must be a collection of words, not one string"):
        tokenize("Bộ Chính trị họp", **{option: "Bộ Chính trị"})


def test_load_stopwords_checks_extra_and_remove():
    with pytest.raises(TypeError, match="extra must be a collection of words"):
        load_stopwords(extra="cán bộ")
    with pytest.raises(TypeError, match="remove holds None"):
        load_stopwords(remove=[None])
