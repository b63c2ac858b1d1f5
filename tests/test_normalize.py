"""Normalisation: one spelling per word before anything counts."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_tools import CorpusError, normalization_changes, normalize_text
from corpus_tools.normalize import place_tone_marks

NFD = lambda text: unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("Ðảng", "Đảng"),  # U+00D0, as in seed 000
        ("ðảng viên", "đảng viên"),  # U+00F0
        ("cấp\u00a0ủy", "cấp ủy"),  # no-break space
        ("cấp\u2009ủy\u3000các\tcấp", "cấp ủy các cấp"),  # thin, ideographic space, tab
        ("\u00a0\u00a0\u00a0\u00a09 tháng", "9 tháng"),  # leading no-break spaces
        ("dòng một\r\ndòng hai\rdòng ba", "dòng một\ndòng hai\ndòng ba"),
        ("Quy định 24 – QĐ / TW", "Quy định 24-QĐ/TW"),
        ("Kết luận số 01 – KL / TW", "Kết luận số 01-KL/TW"),
        ("Hướng dẫn 06 - HD / BTCTW", "Hướng dẫn 06-HD/BTCTW"),
        ("quý III / 2021", "quý III/2021"),
        ("như : Quy định", "như: Quy định"),
        ("đạt 67,85 % )", "đạt 67,85%)"),
        ("( khóa XIII )", "(khóa XIII)"),
        ("Tiểu ban .", "Tiểu ban."),
        ("“ Về liên tục ”", "“Về liên tục”"),
        ("nhiệm kỳ 2021 – 2026", "nhiệm kỳ 2021 – 2026"),  # a range, not a code
        ("4.687/4.687 chi bộ", "4.687/4.687 chi bộ"),
        ("hoà\u0300", "hòà"),  # a stray tone mark composes after the move (found by hypothesis)
    ],
)
def test_normalize_text(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hòa", "hoà"),
        ("Hòa", "Hoà"),
        ("khóa", "khoá"),
        ("khỏe", "khoẻ"),
        ("thủy", "thuỷ"),
        ("Tỉnh ủy", "Tỉnh uỷ"),
        ("HÒA", "HOÀ"),
    ],
)
def test_both_placements_count_as_one(old, new):
    assert normalize_text(old) == normalize_text(new) == old  # canonical: the "hòa" style
    assert place_tone_marks(old, style="new") == new


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hiệu qủa", "hiệu quả"),  # the typo in the seeds
        ("qúy", "quý"),
        ("baì", "bài"),
        ("giữa", "giữa"),
        ("gìn giữ", "gìn giữ"),
        ("người", "người"),
        ("rượu", "rượu"),
        ("ngoài", "ngoài"),
        ("hoàng", "hoàng"),
        ("thuở", "thuở"),
        ("khuya", "khuya"),
        ("mùa", "mùa"),
        ("Open COVID", "Open COVID"),  # not Vietnamese: untouched
    ],
)
def test_tone_placement_in_both_styles(text, expected):
    assert place_tone_marks(text, style="old") == expected
    assert place_tone_marks(place_tone_marks(text, style="new"), style="old") == expected


def test_nfd_input_is_composed():
    assert normalize_text(NFD("Đảng bộ tỉnh Thái Nguyên")) == "Đảng bộ tỉnh Thái Nguyên"


def test_seed_texts_lose_every_eth_and_no_break_space(seed_docs):
    for doc in seed_docs:
        text = normalize_text(doc.text)
        assert "\u00d0" not in text and "\u00a0" not in text, doc.doc_id


def test_seed_000_eth_becomes_dang(seed_docs_by_number):
    raw = seed_docs_by_number["000"].text
    assert "Ðảng" in raw
    assert "Ðảng" not in normalize_text(raw) and "Đảng" in normalize_text(raw)


def _non_space(text: str) -> list[str]:
    return [c for c in text if not c.isspace()]


vietnamese_text = st.text(
    alphabet=st.sampled_from(
        list("aăâeêioôơuưyđĐÐðAĂÂ qQgGhHnNtT_-–/.,:;%()“”0123456789\u00a0\n\t")
        + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "😀", "中", "ữ", "ổ"]
    ),
    max_size=60,
)


@given(vietnamese_text)
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(vietnamese_text)
def test_normalize_keeps_every_visible_character(text):
    """Only spaces change: the non-space characters keep their number and order
    once both sides are composed, Ð is read as Đ, and tone marks are stripped."""

    def skeleton(value: str) -> list[str]:
        value = unicodedata.normalize("NFC", value).translate({0xD0: "Đ", 0xF0: "đ"})
        value = "".join(
            c
            for c in unicodedata.normalize("NFD", value)
            if c not in "\u0300\u0301\u0303\u0309\u0323"
        )
        return _non_space(value)

    assert skeleton(normalize_text(text)) == skeleton(text)


@pytest.mark.parametrize("text", [None, 12, b"Ha Noi"])
def test_normalize_text_names_a_text_that_is_not_a_str(text):
    with pytest.raises(TypeError, match=f"^text must be a str, not {type(text).__name__}"):
        normalize_text(text)


def test_normalization_changes_names_each_text_by_its_doc_id():
    table = normalization_changes(["Ðảng bộ", "Tỉnh ủy", "Tỉnh uỷ"], doc_ids=["a", "b", "c"])
    assert table[["doc_id", "step"]].values.tolist() == [
        ["a", "Ð/ð to Đ/đ"],
        ["c", "tone-mark placement"],
    ]
    assert normalization_changes(["Tỉnh uỷ"])["doc_id"].tolist() == ["0"]


def test_normalization_changes_takes_doc_ids_only_by_keyword():
    with pytest.raises(TypeError):
        normalization_changes(["Tỉnh uỷ"], ["a"])  # type: ignore[misc]
    with pytest.raises(TypeError):
        normalization_changes(["Tỉnh uỷ"], ids=["a"])  # type: ignore[call-arg]
    with pytest.raises(CorpusError, match="doc_ids holds 1 ids for 2 documents"):
        normalization_changes(["Tỉnh uỷ", "hoà"], doc_ids=["a"])


@pytest.mark.parametrize(
    "text",
    [
        "đãyêu cầu",  # "đã yêu" typed without its space (issue 11.7)
        "hoàyêu",
        "tốiưu",
        "mùaêm",
        "Hoàiân",
        "quáuy",
    ],
)
def test_tone_marks_stay_put_outside_a_syllable(text):
    assert place_tone_marks(text) == text
    assert place_tone_marks(text, style="new") == text
    assert normalize_text(text) == text


@pytest.mark.parametrize("text", [None, 12, "Hà Nội".encode(), ["Hà Nội"]])
def test_normalize_text_rejects_what_is_not_a_text(text):
    with pytest.raises(TypeError, match=r"text must be a str, not "):
        normalize_text(text)  # type: ignore[arg-type]


def test_a_bare_string_is_not_a_list_of_texts():
    from corpus_tools.normalize import normalized_texts

    with pytest.raises(TypeError, match="texts is one string"):
        normalization_changes("Ðảng ủy khoá XIII")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\] is NoneType"):
        normalization_changes(["Ðảng", None])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="docs is one document"):
        normalized_texts("Tỉnh uỷ")  # type: ignore[arg-type]


def _rebuilt(before: str, after: str) -> str:
    """``before`` with every changed region replaced by its ``after`` text."""
    from corpus_tools.normalize import _changed_regions

    out, last = [], 0
    for i1, i2, j1, j2 in _changed_regions(before, after):
        out += [before[last:i1], after[j1:j2]]
        last = i2
    return "".join(out) + before[last:]


def test_changed_regions_rebuild_every_step_of_the_seeds(seed_docs):
    from corpus_tools.normalize import _steps

    texts = [doc.raw or doc.text for doc in seed_docs]
    texts += [unicodedata.normalize("NFD", text) for text in texts]
    steps = 0
    for text in texts:
        for _, step in _steps("old"):
            changed = step(text)
            if changed != text:
                steps += 1
                assert _rebuilt(text, changed) == changed
            text = changed
    assert steps >= 10


@given(st.text(alphabet="aàáạoòóọăằâđĐÐ \u00a0\t\n./()-–QĐTW0123", max_size=60))
def test_changed_regions_rebuild_the_normalised_text(text):
    assert _rebuilt(text, normalize_text(text)) == normalize_text(text)


def test_normalization_changes_counts_places_on_nfd_text():
    # one place per changed word: "người" (two marks) is one, and neighbours stay apart
    # however difflib aligns them ("mưu cấp" was one place once)
    for text, places in [("Hòa bình ở Hà Nội", 5), ("người dân", 2), ("mưu cấp", 2)]:
        table = normalization_changes([unicodedata.normalize("NFD", text)])
        assert table[["step", "changes"]].to_dict("records") == [
            {"step": "compose to NFC", "changes": places}
        ]


def test_normalized_texts_normalises_a_corpus_once_for_calls_in_a_row(monkeypatch):
    from corpus_tools import normalize
    from corpus_tools.io import Document

    done = []
    original = normalize.normalize_text
    monkeypatch.setattr(
        normalize, "normalize_text", lambda text: done.append(text) or original(text)
    )
    docs = [Document("a", paragraphs=("Tỉnh uỷ họp .",)), Document("b", paragraphs=("Ðảng",))]
    expected = [("a", "Tỉnh ủy họp."), ("b", "Đảng")]
    first = normalize.normalized_texts(docs)
    assert first == expected
    first.clear()  # the list returned is a copy of the one remembered
    assert normalize.normalized_texts(list(docs)) == expected
    assert len(done) == 2  # the second call normalised nothing
    # another text, or another id, is another corpus
    changed = [docs[0], Document("b", paragraphs=("Ðảng bộ",))]
    assert normalize.normalized_texts(changed)[1] == ("b", "Đảng bộ")
    assert normalize.normalized_texts([("c", docs[0].text), docs[1]])[0][0] == "c"
    assert len(done) == 6
