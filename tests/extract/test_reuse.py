"""Shared passages: reused text found whole, with offsets into both articles."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pytest

from corpus_tools import normalize_text
from corpus_tools.errors import CorpusError, DuplicateIdError
from corpus_tools.extract import (
    near_duplicates,
    overlap_matrix,
    shared_passages,
    strongest_overlaps,
)

NFD = lambda text: unicodedata.normalize("NFD", text)

PASSAGE = (
    "tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu điều động cán bộ"  # 18 syllables
)


def syllables(text: str) -> list[str]:
    return [word.lower() for word in re.findall(r"[^\W_]+", text)]


@pytest.mark.parametrize(
    ("a", "b", "min_words", "expected"),
    [
        # (article a, article b, min_words, syllables of each shared passage)
        (f"Hội nghị yêu cầu {PASSAGE}.", f"Bí thư nhấn mạnh: {PASSAGE}.", 8, [18]),
        (PASSAGE, PASSAGE.upper(), 8, [18]),  # case is ignored
        ("nhiệm kỳ 2021 – 2026 các tổ chức chính trị - xã hội ở các cấp",
         "nhiệm kỳ 2021-2026 các tổ chức chính trị xã hội ở các cấp", 8, [14]),  # punctuation
        (PASSAGE, NFD(PASSAGE), 8, [18]),
        ("Đảng bộ tỉnh lãnh đạo, chỉ đạo chặt chẽ công tác cán bộ", "Ðảng bộ tỉnh lãnh đạo, "
         "chỉ đạo chặt chẽ công tác cán bộ", 8, [13]),  # Ð for Đ
        ("tăng cường siết chặt kỷ luật, kỷ cương", "tăng cường siết chặt kỷ luật", 8, []),  # 6 < 8
        ("tăng cường siết chặt kỷ luật, kỷ cương", "tăng cường siết chặt kỷ luật", 6, [6]),
        # a changed word splits a passage in two
        (PASSAGE, PASSAGE.replace("chủ động", "tích cực"), 4, [10, 6]),
        # repeated in a: found at each place
        (f"{PASSAGE}. Một lần nữa, {PASSAGE}.", PASSAGE, 8, [18, 18]),
        ("Ban Tổ chức Trung ương tổ chức Hội nghị trực tuyến đánh giá công tác quý III/2021.",
         "Phát huy vai trò của nhân dân trong xây dựng đảng, xây dựng hệ thống chính trị.", 3, []),
        ("", PASSAGE, 1, []),
    ],
)  # fmt: skip
def test_shared_passages(a, b, min_words, expected):
    shared = shared_passages([("a", a), ("b", b)], min_words=min_words)
    assert shared["syllables"].tolist() == expected
    text_a, text_b = normalize_text(a), normalize_text(b)
    for row in shared.itertuples():
        piece_a, piece_b = text_a[row.start_a : row.end_a], text_b[row.start_b : row.end_b]
        assert row.text == piece_a
        assert syllables(piece_a) == syllables(piece_b)
        assert len(syllables(piece_a)) == row.syllables


def test_unrelated_articles_share_nothing():
    a = "Ban Thường vụ Tỉnh ủy chỉ đạo chặt chẽ việc chuẩn bị đại hội đảng bộ các cấp."
    b = "Đại dịch COVID-19 diễn biến phức tạp, ảnh hưởng đến nhiều mặt công tác."
    assert shared_passages([a, b], min_words=2).empty
    matrix = overlap_matrix([a, b], min_words=2)
    assert matrix.loc["0", "1"] == matrix.loc["1", "0"] == 0.0


def test_overlap_matrix_counts_syllables_in_shared_passages():
    # a: 18 syllables, all shared; b: 4 + 18 syllables, 18 shared.
    matrix = overlap_matrix([("a", PASSAGE), ("b", f"Hội nghị yêu cầu {PASSAGE}"), ("c", "")])
    assert list(matrix.index) == list(matrix.columns) == ["a", "b", "c"]
    expected = np.array([[1.0, 1.0, 0.0], [18 / 22, 1.0, 0.0], [0.0, 0.0, 0.0]])
    np.testing.assert_allclose(matrix.to_numpy(), expected)


def test_near_duplicates():
    original = (
        "Ban Tổ chức Trung ương sẽ tiếp tục hoàn thiện quy hoạch Ban Chấp hành Trung ương, "
        "tiến hành quy hoạch Bộ Chính trị, Ban Bí thư nhiệm kỳ mới. " + PASSAGE + "."
    )
    edited = original.replace("hoàn thiện", "hoàn chỉnh")  # one word changed
    other = "Đồng chí Trương Thị Mai đề nghị các cấp ủy tiếp tục tổ chức triển khai."
    flagged = near_duplicates([("a", original), ("b", edited), ("c", other)], threshold=0.8)
    assert flagged[["doc_a", "doc_b"]].values.tolist() == [["a", "b"]]
    # 30 + 18 = 48 syllables each; syllable 10 changed leaves passages of 9 and 38.
    assert flagged.loc[0, "passages"] == 2
    assert flagged.loc[0, ["share_a", "share_b"]].tolist() == pytest.approx([47 / 48, 47 / 48])
    assert near_duplicates([("a", original), ("c", other)]).empty


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"min_words": 0}, "min_words"),
        ({"min_words": 2.5}, "min_words"),
        ({"window": 0}, "window"),
        ({"max_docs": 1}, "max_docs"),
    ],
)
def test_bad_options(options, message):
    with pytest.raises(CorpusError, match=message):
        shared_passages(["a b"], **options)


@pytest.mark.parametrize("threshold", [0, 1.5, "0.8"])
def test_bad_threshold(threshold):
    with pytest.raises(CorpusError, match="threshold"):
        near_duplicates(["a b"], threshold=threshold)


def test_empty_corpus():
    assert shared_passages([]).empty
    assert list(shared_passages([]).columns) == [
        "doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b", "syllables", "text",
    ]  # fmt: skip
    assert overlap_matrix([]).shape == (0, 0)
    assert near_duplicates([""]).empty


def test_duplicate_ids_are_refused():
    with pytest.raises(DuplicateIdError):
        shared_passages([("a", PASSAGE), ("a", PASSAGE)])


def test_boilerplate_in_many_articles_is_skipped():
    docs = [(str(i), f"Bài số {i}. {PASSAGE}") for i in range(4)]
    assert len(shared_passages(docs, max_docs=4)) == 6  # every pair of four
    assert shared_passages(docs, max_docs=3).empty


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_passages(seed_docs):
    return shared_passages(seed_docs, min_words=8)


def _rows(passages, a, b):
    return passages[(passages["doc_a"] == a.doc_id) & (passages["doc_b"] == b.doc_id)]


def test_seed_003_004_share_the_long_passage(seed_passages, seed_docs_by_number):
    rows = _rows(seed_passages, seed_docs_by_number["003"], seed_docs_by_number["004"])
    long = rows[rows["text"].str.contains("tiếp tục rà soát quy hoạch cấp ủy các cấp")]
    assert len(long) == 1
    row = long.iloc[0]
    # From "tiếp tục rà soát" to "tham gia cấp ủy, chính quyền": 67 syllables, and both
    # articles also share the clause before it ("HĐND các cấp nhiệm kỳ 2021 – 2026").
    assert row["syllables"] >= 67
    assert row["text"].endswith("có đức, có tài tham gia cấp ủy, chính quyền")
    text_b = normalize_text(seed_docs_by_number["004"].text)
    assert syllables(text_b[row["start_b"] : row["end_b"]]) == syllables(row["text"])


def test_seed_000_004_share_the_report_title(seed_passages, seed_docs_by_number):
    rows = _rows(seed_passages, seed_docs_by_number["000"], seed_docs_by_number["004"])
    phrase = "Báo cáo tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng"
    with_phrase = rows[rows["text"].str.contains(phrase)]
    assert len(with_phrase) == 2  # 000 writes it twice, 004 once


def test_seed_offsets(seed_docs, seed_passages):
    texts = {doc.doc_id: normalize_text(doc.text) for doc in seed_docs}
    for row in seed_passages.itertuples():
        assert texts[row.doc_a][row.start_a : row.end_a] == row.text
        assert syllables(texts[row.doc_b][row.start_b : row.end_b]) == syllables(row.text)


def test_seed_winnowing_still_finds_long_passages(seed_docs, seed_passages):
    winnowed = shared_passages(seed_docs, min_words=8, window=4)
    long = seed_passages[seed_passages["syllables"] >= 8 + 4 - 1]
    merged = long.merge(winnowed, on=list(long.columns), how="left", indicator=True)
    assert (merged["_merge"] == "both").all()


def test_seeds_have_no_near_duplicates(seed_docs):
    assert near_duplicates(seed_docs).empty
    matrix = overlap_matrix(seed_docs)
    assert (np.diag(matrix) == 1.0).all()
    # 003 and 004 overlap the most of any pair.
    off = matrix.to_numpy() * (1 - np.eye(len(seed_docs)))
    assert np.unravel_index(off.argmax(), off.shape) in {(3, 4), (4, 3)}


# --------------------------------------------------------------------------- figures


def test_strongest_overlaps_holds_the_overlap_matrix_of_the_chosen_pairs():
    docs = [
        ("x", "Ban Bí thư họp bàn công tác."),
        ("a", f"Hội nghị yêu cầu {PASSAGE}."),  # shares the passage with b and c
        ("b", f"Bí thư nhấn mạnh: {PASSAGE}."),
        ("c", f"{PASSAGE}."),
        ("d", "Quốc hội thảo luận về dự án luật đất đai sửa đổi trong phiên họp chiều nay."),
        ("e", "Quốc hội thảo luận về dự án luật đất đai sửa đổi, đại biểu đề nghị làm rõ."),
    ]
    full = overlap_matrix(docs, min_words=8)
    shown = strongest_overlaps(docs, min_words=8)
    table = shown.table
    # c is wholly in a and b (share 1.0), so the pairs with c come first; x shares nothing.
    assert list(table.index) == ["a", "c", "b", "d", "e"]
    assert list(table.columns) == list(table.index)
    assert np.isnan(np.diag(table.to_numpy())).all()
    for row in table.index:
        for col in table.columns:
            if row != col:
                assert table.loc[row, col] == full.loc[row, col]
    assert shown.caption == "5 trong 6 bài có đoạn trùng"


def test_strongest_overlaps_is_bounded_and_says_so():
    docs = [(f"{n:03d}", f"Bài {n}: {PASSAGE} lần thứ {n}.") for n in range(30)]
    shown = strongest_overlaps(docs, n_top=12, max_docs=100)
    assert shown.table.shape == (12, 12)
    assert shown.caption == "12 trong 30 bài trùng nhiều nhất"
    english = strongest_overlaps(docs, n_top=12, max_docs=100, lang="en")
    assert english.caption == "12 of 30 articles sharing most"
    labelled = strongest_overlaps(docs, n_top=3, labels={"000": "Bài đầu (000)"})
    assert list(labelled.table.columns) == ["1", "2", "3"]
    assert labelled.table.index[0] == "1. Bài đầu (000)"
    assert labelled.table.index[1].startswith("2. ")


def test_strongest_overlaps_without_shared_text():
    shown = strongest_overlaps([("a", "Ban Bí thư họp."), ("b", "Quốc hội họp.")])
    assert shown.table.empty
    assert shown.caption == "0 trong 2 bài có đoạn trùng"
    english = strongest_overlaps([("a", "Ban Bí thư họp."), ("b", "Quốc hội họp.")], lang="en")
    assert english.caption == "0 of 2 articles sharing a passage"
    with pytest.raises(CorpusError, match="n_top"):
        strongest_overlaps([("a", "x")], n_top=0)


def brute_force_passages(texts, min_words):
    """Every maximal common run of at least ``min_words`` syllables, pair by pair."""
    words = [re.findall(r"[^\W_]+", normalize_text(t).lower()) for t in texts]
    found = set()
    for a in range(len(words)):
        for b in range(a + 1, len(words)):
            x, y = words[a], words[b]
            for i in range(len(x)):
                for j in range(len(y)):
                    if (i and j and x[i - 1] == y[j - 1]) or x[i] != y[j]:
                        continue  # not the start of a maximal run
                    n = 0
                    while i + n < len(x) and j + n < len(y) and x[i + n] == y[j + n]:
                        n += 1
                    if n >= min_words:
                        found.add((str(a), str(b), n))
    return found


def test_sentences_that_many_articles_repeat_give_each_pair_its_passages():
    # a pool of sentences recombined, as in generated corpora: every pair of articles
    # that shares a run of sentences gets that run once, whole
    pool = ["Ban Tổ chức Trung ương tổ chức hội nghị tổng kết công tác năm.",
            "Các cấp ủy rà soát quy hoạch cán bộ nhiệm kỳ mới theo đúng quy định.",
            "Đội tuyển bóng đá giành chiến thắng trong trận đấu tối qua ở Hà Nội.",
            "Giá lúa gạo tăng mạnh, nông dân phấn khởi vì được mùa lớn năm nay."]  # fmt: skip
    rng = np.random.default_rng(0)
    texts = [" ".join(pool[k] for k in rng.integers(0, 4, size=5)) for _ in range(12)]
    table = shared_passages(texts, min_words=8, max_docs=100)
    got = {(row.doc_a, row.doc_b, row.syllables) for row in table.itertuples()}
    assert got == brute_force_passages(texts, 8)
    assert not table.duplicated(["doc_a", "doc_b", "start_a", "start_b"]).any()


def test_n_top_keeps_the_longest_passages():
    a = "Hội nghị yêu cầu tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu."
    b = "Tiếp tục rà soát quy hoạch cấp ủy các cấp, chủ động tham mưu điều động cán bộ."
    c = "Yêu cầu tiếp tục rà soát quy hoạch cấp ủy và họp."
    every = shared_passages([a, b, c], min_words=8)
    longest = shared_passages([a, b, c], min_words=8, n_top=1)
    assert len(every) == 3 and len(longest) == 1
    assert longest.iloc[0].to_dict() == every.loc[every["syllables"].idxmax()].to_dict()


def test_shares_are_found_once_for_the_overlaps_and_near_duplicates_of_one_corpus(monkeypatch):
    from corpus_tools.extract import reuse

    found = []
    original = reuse.find_passages
    monkeypatch.setattr(reuse, "find_passages", lambda *args: found.append(1) or original(*args))
    docs = [("a", f"Hội nghị yêu cầu {PASSAGE}."), ("b", f"{PASSAGE}."), ("c", "Huế mưa.")]
    shown = strongest_overlaps(docs, min_words=8)
    duplicates = near_duplicates(docs, min_words=8, threshold=0.5)
    matrix = overlap_matrix(docs, min_words=8)
    assert len(found) == 1
    assert duplicates[["doc_a", "doc_b"]].values.tolist() == [["a", "b"]]
    assert matrix.loc["b", "a"] == shown.table.loc["b", "a"] == 1.0
    # other options, or another text, are found again
    near_duplicates(docs, min_words=9)
    near_duplicates([*docs[:2], ("c", "Huế nắng.")], min_words=9)
    assert len(found) == 3


def test_shared_passages_leave_their_shares_for_the_overlap_functions(monkeypatch):
    from corpus_tools.extract import reuse

    found = []
    original = reuse.find_passages
    monkeypatch.setattr(reuse, "find_passages", lambda *args: found.append(1) or original(*args))
    docs = [("a", f"Hội nghị yêu cầu {PASSAGE}."), ("b", f"{PASSAGE}."), ("c", "Huế mưa.")]
    assert len(shared_passages(docs, min_words=8, n_top=1)) == 1
    duplicates = near_duplicates(docs, min_words=8, threshold=0.5)
    assert duplicates[["doc_a", "doc_b"]].values.tolist() == [["a", "b"]]
    assert strongest_overlaps(docs, min_words=8).table.loc["b", "a"] == 1.0
    assert len(found) == 1  # notebook 05 found the passages three times
