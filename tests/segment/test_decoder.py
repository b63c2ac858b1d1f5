"""The fast decoder and the pretokenizer memo give underthesea's own segmentation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.segment import text_units, tokenize_corpus, tokenize_texts
from corpus_tools.segment.decoder import (
    fast_pretokenize,
    load_fast_decoder,
    load_model,
    pretokenize,
    reference_segment_units,
    segment_units,
    segmenter_form,
)
from corpus_tools.segment.tokens import reference_tokenize_texts

from .helpers import reference


def test_fast_decoder_gives_underthesea_tags_on_the_seeds(seed_docs):
    model = load_model()
    crf = load_fast_decoder()
    assert crf is not None, "the fast decoder could not load this underthesea model"
    lines = [line for _, text in text_units(seed_docs) for line in text.split("\n")]
    feeds = [[segmenter_form(line[s:e]) for s, e, _ in fast_pretokenize(line)] for line in lines]
    expected = [
        [tag != "I-W" for tag in model.estimator.tag(features)]
        for features in model.featurizer.process([[[s] for s in feed] for feed in feeds])
    ]
    assert crf.begins(feeds) == expected
    assert [fast_pretokenize(line) for line in lines] == [pretokenize(line) for line in lines]


@pytest.mark.parametrize("unit", ["document", "paragraph", "sentence"])
@pytest.mark.parametrize(
    "options",
    [{}, {"lowercase": True, "keep_punct": True}, {"user_words": ()}, {"keep_numbers": False}],
)
def test_tokenize_corpus_equals_the_reference_segmenter(seed_docs, unit, options):
    assert tokenize_corpus(seed_docs, unit=unit, **options) == reference(
        seed_docs, unit=unit, **options
    )


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ([], []),
        ([""], [[]]),
        (["Hà Nội\nHà Nội", "Hà Nội"], [["Hà_Nội", "Hà_Nội"], ["Hà_Nội"]]),  # one line, once
        (["Quy định 205-QĐ/TW"], [["Quy_định", "205-QĐ/TW"]]),
        (["a__b"], [["a", "__", "b"]]),
    ],
)
def test_segment_units(texts, expected):
    assert segment_units(texts, ()) == expected
    assert reference_segment_units(texts, ()) == expected


def test_segmenter_form_uses_the_new_tone_placement():
    assert segmenter_form("hòa") == "hoà"
    assert segmenter_form("Bộ") == "Bộ"


_SYLLABLES = ["Bộ", "Chính", "trị", "họp", "ở", "Hà", "Nội", "HÒA", "hoà", "Đảng", "ủy"]
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_SYLLABLES),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=4),
        st.sampled_from([" ", "\n", "  ", ".", "_", "2024", "205-QĐ/TW", "Σ", "ß", "İ"]),
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_TEXT, min_size=1, max_size=4), lowercase=st.booleans())
def test_fast_decoder_equals_the_reference_on_any_text(texts, lowercase):
    assert tokenize_corpus(texts, lowercase=lowercase, keep_punct=True) == reference(
        texts, lowercase=lowercase, keep_punct=True
    )
    assert tokenize_texts(texts, lowercase=lowercase, keep_punct=True) == (
        reference_tokenize_texts(texts, lowercase=lowercase, keep_punct=True)
    )


_RUN_PARTS = ["TP.", "Tp.", ":D", ":))", "a@b.vn", "e-mail", "H'Mông", "1.600m-2.000m", "v.v"]
_LINE = st.lists(
    st.one_of(
        st.sampled_from(_RUN_PARTS + _SYLLABLES),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=5),
        st.sampled_from([" ", "\t", "\xa0", "\u2028", "\n", "\r", "_", ".", "/", "@", "-"]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(_LINE, min_size=1, max_size=8))
def test_remembered_pieces_equal_the_pretokenizer_on_any_line(lines):
    load_model()
    for line in lines + lines:  # the second time from memory
        assert fast_pretokenize(line) == pretokenize(line)


@pytest.mark.slow
def test_a_long_single_line_document_is_segmented_whole():
    # Scraped pages sometimes come as one line of hundreds of kilobytes.
    sentence = "Bộ Chính trị họp ở Hà Nội, thông qua Quy định 205-QĐ/TW về công tác cán bộ. "
    line = sentence * 3_000  # about 230,000 characters, no line break
    tokens = tokenize_corpus([line, "Ban Bí thư họp."], keep_punct=True)
    assert tokens[0] == reference_tokenize_texts([line], keep_punct=True)[0]
    assert len(tokens[0]) == 3_000 * len(tokenize_corpus([sentence], keep_punct=True)[0])
    assert tokens[1] == ["Ban_Bí_thư", "họp", "."]


@pytest.mark.parametrize(
    "line",
    ["Thesis Thus ThS. Nguyễn", "ThxSy Thạc sĩ", "Ðảng ủy xã Đoài", "naïve café ʺʺ", "H&M quý IV"],
)
def test_runs_of_letters_skip_the_pretokenizer_only_where_it_would_not_cut_them(line):
    # underthesea's "Th.S" abbreviation (an unescaped dot) cuts "Thesis" into "Thes" "is".
    load_model()
    assert fast_pretokenize(line) == pretokenize(line)
    assert pretokenize("Thesis")[0] == (0, 4, False)
