"""Word segmentation: whole multi-syllable words, however the input was typed."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import (
    load_stopwords,
    load_user_words,
    normalize_text,
    text_units,
    token_to_text,
    tokenize,
    tokenize_corpus,
)
from corpus_tools.errors import CorpusError
from corpus_tools.normalize import place_tone_marks

NFD = lambda text: unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   \n  ", []),
        ("Bộ Chính trị họp ở Hà Nội.", ["Bộ_Chính_trị", "họp", "ở", "Hà_Nội"]),
        ("Ban Tổ chức Trung ương", ["Ban_Tổ_chức_Trung_ương"]),
        ("Ban Chấp hành Trung ương", ["Ban_Chấp_hành_Trung_ương"]),
        ("chạy chức, chạy quyền", ["chạy_chức", "chạy_quyền"]),
        ("Quy định số 205-QĐ/TW", ["Quy_định", "số", "205-QĐ/TW"]),
        ("ở Ý", ["ở", "Ý"]),  # one-letter words stay
    ],
)
def test_tokenize(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("one", "other", "word"),
    [
        ("hàng hóa", "hàng hoá", "hàng_hóa"),
        ("sức khỏe", "sức khoẻ", "sức_khỏe"),
        ("Tỉnh ủy", "Tỉnh uỷ", "Tỉnh_ủy"),
        ("hòa bình", "hoà bình", "hòa_bình"),
    ],
)
def test_segmentation_does_not_depend_on_tone_placement(one, other, word):
    # Without the user word list, so that the model itself is tested.
    assert tokenize(one, user_words=()) == tokenize(other, user_words=()) == [word]


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t,
        NFD,
        lambda t: t.replace("Đ", "Ð"),
        lambda t: place_tone_marks(t, style="new"),
        lambda t: NFD(place_tone_marks(t, style="new")).replace("Đ", "\u00d0"),
        lambda t: t.replace(" ", "\u00a0"),
    ],
)
def test_segmentation_does_not_depend_on_how_the_text_was_typed(variant):
    text = "Đảng ủy tỉnh Thái Nguyên thực hiện Nghị quyết Trung ương 4 khóa XII về hòa giải"
    assert tokenize(variant(text)) == tokenize(text)


def test_lines_are_segmented_one_by_one():
    # A word must not be joined across a line break.
    assert tokenize("thành phố Hà Nội") == ["thành_phố", "Hà_Nội"]
    assert tokenize("thành phố Hà\nNội") == ["thành_phố", "Hà", "Nội"]


def test_lowercase_happens_after_segmentation():
    assert tokenize("Bộ Chính trị", lowercase=True) == ["bộ_chính_trị"]


def test_stopwords_match_whole_words():
    words = tokenize("Cán bộ có thể có nhà", stopwords={"có thể"})
    assert words == ["Cán_bộ", "có", "nhà"]


def test_stopwords_ignore_case_and_tone_placement():
    assert tokenize("Hoà bình", stopwords={"hòa bình"}, user_words=()) == []


def test_bundled_stopwords_hold_multi_syllable_words():
    words = load_stopwords()
    assert "có_thể" in words and "ở" in words
    assert "chạy_chức" not in words


def test_stopwords_can_be_extended_and_trimmed():
    words = load_stopwords(extra=["cán bộ"], remove=["người"])
    assert "cán_bộ" in words and "người" not in words


def test_a_single_string_is_not_a_stopword_list():
    with pytest.raises(TypeError, match="collection"):
        tokenize("có thể", stopwords="có thể")


def test_punctuation_and_numbers_are_optional():
    text = "Đạt 67,85% (19/28 đề án)."
    assert tokenize(text) == ["Đạt", "67,85", "19/28", "đề_án"]
    assert tokenize(text, keep_numbers=False) == ["Đạt", "đề_án"]
    assert tokenize(text, keep_punct=True) == ["Đạt", "67,85", "%", "(", "19/28", "đề_án", ")", "."]


def test_user_words_are_kept_whole_and_can_be_extended():
    text = "Ban Tổ chức Trung ương phát động phong trào thi đua yêu nước"
    assert "Ban_Tổ_chức_Trung_ương" in tokenize(text)
    assert tokenize(text, user_words=()).count("Ban") == 1  # the model alone splits it
    extended = tokenize(text, user_words=(*load_user_words(), "phong trào thi đua yêu nước"))
    assert extended[-1] == "phong_trào_thi_đua_yêu_nước"


def test_user_words_ignore_case_and_placement():
    assert tokenize("CẤP UỶ các cấp", user_words=["cấp ủy"]) == ["CẤP_ỦY", "các", "cấp"]


def test_literal_underscore_is_never_a_join():
    tokens = tokenize("tệp bao_cao_2021.docx và __init__", keep_punct=True)
    assert "_" in tokens and "__" in tokens
    assert all(t.strip("_") == t or not t.strip("_") for t in tokens)


def test_token_to_text():
    assert [token_to_text(t) for t in ["Bộ_Chính_trị", "ở", "_", "__"]] == [
        "Bộ Chính trị",
        "ở",
        "_",
        "__",
    ]


def _covered(tokens: list[str]) -> str:
    """The non-space characters the tokens stand for (a join _ is a space)."""
    return "".join(t if not t.strip("_") else t.replace("_", "") for t in tokens)


mixed_text = st.lists(
    st.sampled_from(
        list("aăâeêioôơuưyđĐÐ hHnNgGtTcC_-/.,:;%()“”!?0123456789\u00a0\n")
        + ["\u0300", "\u0301", "\u0309", "\u0323", "😀", "中", "ữ", "Ω", "ß", "ﬁ"]
        + ["Bộ Chính trị", "hòa", "hoà", "QĐ / TW", "Đảng", "ở"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(mixed_text)
def test_tokenize_is_lossless(text):
    tokens = tokenize(text, keep_punct=True)
    expected = "".join(normalize_text(text).split())
    assert _covered(tokens) == expected


@settings(max_examples=50, deadline=None)
@given(mixed_text)
def test_tokenize_is_idempotent_on_its_own_output_text(text):
    tokens = tokenize(text, keep_punct=True)
    again = tokenize(normalize_text(text), keep_punct=True)
    assert again == tokens


# ---------------------------------------------------------------- corpora and units


def test_tokenize_corpus_keeps_order_and_empty_documents():
    tokens = tokenize_corpus(["Ban Bí thư họp.", "", "Cấp ủy các cấp"], lowercase=True)
    assert tokens == [["ban_bí_thư", "họp"], [], ["cấp_ủy", "các", "cấp"]]


def test_tokenize_corpus_equals_tokenize_one_by_one(seed_docs):
    batched = tokenize_corpus(seed_docs, batch_size=2)
    assert batched == [tokenize(f"{doc.title or ''}\n{doc.text}") for doc in seed_docs]
    bodies = tokenize_corpus(seed_docs, include_title=False)
    assert bodies == [tokenize(doc.text) for doc in seed_docs]


@pytest.mark.parametrize("unit", ["document", "paragraph", "sentence"])
def test_units_align_with_tokens(seed_docs, unit):
    units = text_units(seed_docs, unit=unit)
    tokens = tokenize_corpus(seed_docs, unit=unit)
    assert len(units) == len(tokens)
    assert tokens == [tokenize(text) for _, text in units]


def test_unit_counts_on_the_seeds(seed_docs):
    documents = text_units(seed_docs, unit="document")
    paragraphs = text_units(seed_docs, unit="paragraph")
    sentences = text_units(seed_docs, unit="sentence")
    assert len(documents) == 5
    # Four seeds have a title, which comes first as a paragraph of its own.
    assert len(paragraphs) == sum(len(doc.paragraphs) for doc in seed_docs) + 4
    assert paragraphs[0] == (seed_docs[0].doc_id, seed_docs[0].title)
    assert len(sentences) > len(paragraphs)
    assert [doc_id for doc_id, _ in paragraphs[:4]] == [seed_docs[0].doc_id] * 4
    untitled = text_units(seed_docs, unit="paragraph", include_title=False)
    assert len(untitled) == sum(len(doc.paragraphs) for doc in seed_docs)


def test_sentences_do_not_split_inside_abbreviations():
    units = text_units(["Ông A đến TP. Hồ Chí Minh. Ông B ở v.v. nhà."], unit="sentence")
    assert [text for _, text in units] == ["Ông A đến TP. Hồ Chí Minh.", "Ông B ở v.v. nhà."]


def test_unknown_unit():
    with pytest.raises(CorpusError, match="unit must be"):
        text_units(["a"], unit="chapter")


def test_eth_and_d_count_as_one_word_in_the_seeds(seed_docs_by_number, seed_tokens):
    assert "Ðảng" in seed_docs_by_number["000"].text
    counts = Counter(token for doc in seed_tokens for token in doc)
    assert counts["đảng"] > 0
    assert not any("ð" in token for token in counts)
