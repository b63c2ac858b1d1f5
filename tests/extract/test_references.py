"""Citations of Party and state documents: every mention found, and nothing else."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pandas as pd
import pytest

from corpus_tools import normalize_text
from corpus_tools.errors import DuplicateIdError
from corpus_tools.extract import (
    DOCUMENT_KINDS,
    ISSUERS,
    ORGANIZATIONS,
    DocumentKind,
    cited_documents,
    find_references,
)

NFD = lambda text: unicodedata.normalize("NFD", text)


def ids(text: str) -> list[str]:
    return find_references([text])["reference_id"].tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị", ["205-QĐ/TW"]),
        ("Quy định 205 của Bộ Chính trị", ["205-QĐ/TW"]),
        ("Quy định 24 – QĐ / TW về thi hành Điều lệ Đảng", ["24-QĐ/TW"]),
        ("Quy định 24-QĐ/TW về thi hành Điều lệ Đảng", ["24-QĐ/TW"]),
        ("Quy định só 208-QĐ/TW ngày 8-11-2019 của Ban Bí thư", ["208-QĐ/TW"]),  # typo "só"
        ("Chỉ thị 35 của Bộ Chính trị", ["35-CT/TW"]),
        ("Chỉ thị số 05-CT/TW về học tập và làm theo", ["05-CT/TW"]),
        ("Chỉ thị 5 của Bộ Chính trị", ["05-CT/TW"]),  # one document, written 5 or 05
        ("Hướng dẫn số 06-HD/BTCTW, ngày 26/7/2021", ["06-HD/BTCTW"]),
        ("Kết luận 04-KL/TW và Quy định 30-QĐ/TW", ["04-KL/TW", "30-QĐ/TW"]),
        ("Nghị quyết số 18, 19 của Ban Chấp hành Trung ương Đảng khóa XII",
         ["18-NQ/TW", "19-NQ/TW"]),
        ("Nghị quyết Trung ương 4 khóa XI, XII", ["Nghị quyết Trung ương 4 khóa XI",
                                                 "Nghị quyết Trung ương 4 khóa XII"]),
        ("Nghị quyết TW 4 khóa XI, khóa XII", ["Nghị quyết Trung ương 4 khóa XI",
                                              "Nghị quyết Trung ương 4 khóa XII"]),
        ("Nghị quyết Trung ương 6, 7 (khóa XII)", ["Nghị quyết Trung ương 6 khóa XII",
                                                  "Nghị quyết Trung ương 7 khóa XII"]),
        ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương khóa XII",
         ["Nghị quyết Trung ương 4 khóa XII"]),
        ("Kết luận Hội nghị Trung ương 4 (khóa XIII)", ["Kết luận Trung ương 4 khóa XIII"]),
        ("Nghị quyết Đại hội XIII của Đảng", ["Nghị quyết Đại hội XIII"]),
        ("Nghị quyết Đại hội lần thứ XII của Đảng", ["Nghị quyết Đại hội XII"]),
        ("Nghị định số 138/2020/NĐ-CP của Chính phủ", ["138/2020/NĐ-CP"]),
        ("Quyết định 1847/QĐ-TTg của Thủ tướng", ["1847/QĐ-TTg"]),
        ("Chỉ thị 05 của Tỉnh ủy", ["Chỉ thị 05 của Tỉnh ủy"]),  # whose Tỉnh ủy? kept apart
        ("Chỉ thị 05 của Tỉnh ủy Thái Nguyên", ["Chỉ thị 05 của Tỉnh ủy Thái Nguyên"]),
        ("Quy định 205 của Ban Bí thư T.Ư Đảng", ["205-QĐ/TW"]),  # "Trung ương" abbreviated
        ("theo quy định số 205-QĐ/TW", ["205-QĐ/TW"]),  # a code makes a lower-case kind safe
    ],
)  # fmt: skip
def test_citations_and_their_identity(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "đến nay 19/19 chỉ tiêu của Nghị quyết đều đạt",
        "Đến nay 4.687/4.687 chi bộ đã tổ chức thành công đại hội",
        "254/616 tổ chức cơ sở đảng (đạt 41,23%)",
        "hoàn thành 100% đại hội cấp cơ sở, 99,92% đại hội cấp trên",
        "hoàn thành xong 19/28 (đạt 67,85%) đề án",
        "còn 362 chi đảng bộ tổ chức đại hội xong trước ngày 30/6/2020",
        "đánh giá công tác quý III/2021, nhiệm kỳ 2020-2025",
        "Nghị quyết 19/19 chỉ tiêu",  # a count after a kind word
        "Hướng dẫn 5 bước kiểm điểm",  # a kind word and a count, no citation
        "Quy định số 3 năm một lần",
        "Kết luận 3 nội dung",
        "thực hiện các chỉ thị, nghị quyết, kết luận của Trung ương",
        "Quy chế bầu cử trong Đảng",
        "Nghị quyết Đại hội đảng bộ tỉnh lần thứ XIX",  # which province? not identifiable
        "Đề án trình Hội nghị Trung ương 4 (khóa XIII)",  # a meeting, not a document
        "đại dịch COVID-19 diễn biến phức tạp",
    ],
)
def test_not_citations(text):
    assert ids(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương khóa XIII",
            ("Quy định", "24", "QĐ/TW", dt.date(2021, 7, 30), "Ban Chấp hành Trung ương", "XIII"),
        ),
        (
            "Quy định só 208-QĐ/TW ngày 8-11-2019 của Ban Bí thư khóa XII",
            ("Quy định", "208", "QĐ/TW", dt.date(2019, 11, 8), "Ban Bí thư", "XII"),
        ),
        (
            "Nghị định số 138/2020/NĐ-CP ngày 27 tháng 11 năm 2020 của Chính phủ",
            ("Nghị định", "138", "NĐ-CP", dt.date(2020, 11, 27), "Chính phủ", None),
        ),
        ("Quy định 205 của Bộ Chính trị", ("Quy định", "205", None, None, "Bộ Chính trị", None)),
        ("Hướng dẫn 01-HD/TW", ("Hướng dẫn", "01", "HD/TW", None, None, None)),
    ],
)
def test_fields(text, expected):
    row = find_references([text]).iloc[0]
    date = row["date"]
    assert date is None or type(date) is dt.date  # one date type: datetime.date, or None
    values = [None if pd.isna(row[c]) else row[c] for c in ("kind", "number", "code")]
    rest = [None if pd.isna(row[c]) else row[c] for c in ("issuer", "congress_term")]
    assert (*values, date, *rest) == expected


def test_offsets_point_into_the_normalised_text():
    raw = "Ðảng bộ quán triệt\u00a0Quy định số 24 – QĐ / TW , ngày 30/7/2021 ."
    refs = find_references([("x", raw)])
    text = normalize_text(raw)
    start, end = refs.loc[0, ["start", "end"]]
    assert text[start:end] == refs.loc[0, "text"] == "Quy định số 24-QĐ/TW, ngày 30/7/2021"


@pytest.mark.parametrize(
    "raw",
    [
        NFD("Chỉ thị số 05-CT/TW của Bộ Chính trị"),
        "Chỉ thị số 05-CT/TW của Bộ Chính trị".replace("Đ", "Ð"),
        "Chỉ thị số 05 – CT / TW của Bộ Chính trị",
    ],
)
def test_input_forms_give_the_same_citation(raw):
    refs = find_references([raw])
    assert refs["reference_id"].tolist() == ["05-CT/TW"]
    assert refs.loc[0, "issuer"] == "Bộ Chính trị"
    assert refs.loc[0, "text"] == "Chỉ thị số 05-CT/TW của Bộ Chính trị"


def test_one_citation_of_two_documents_shares_its_span():
    refs = find_references(["Thực hiện Nghị quyết số 18, 19 của Ban Chấp hành Trung ương Đảng."])
    assert refs["reference_id"].tolist() == ["18-NQ/TW", "19-NQ/TW"]
    assert refs["start"].nunique() == refs["end"].nunique() == 1


def test_bare_number_takes_the_one_coded_document_of_the_corpus():
    refs = find_references([("a", "Chỉ thị số 05-CT/TW"), ("b", "Thực hiện Chỉ thị số 05.")])
    assert refs["reference_id"].tolist() == ["05-CT/TW", "05-CT/TW"]
    alone = find_references([("b", "Thực hiện Chỉ thị số 05.")])
    assert alone["reference_id"].tolist() == ["Chỉ thị 05"]


def test_kinds_table_can_be_extended():
    text = "Báo cáo số 12-BC/TW của Bộ Chính trị"
    assert find_references([text])["kind"].isna().all()  # found by its code, kind unknown
    refs = find_references([text], kinds=(*DOCUMENT_KINDS, DocumentKind("Báo cáo", "BC")))
    assert refs[["kind", "reference_id"]].values.tolist() == [["Báo cáo", "12-BC/TW"]]


@pytest.mark.parametrize("docs", [[], [""], [("x", "   ")]])
def test_empty(docs):
    refs = find_references(docs)
    assert refs.empty
    assert list(refs.columns) == [
        "doc_id", "start", "end", "text", "kind", "number", "code", "date", "issuer",
        "congress_term", "meeting", "reference_id",
    ]  # fmt: skip
    assert cited_documents(refs).empty


def test_issuers_are_written_as_organizations():
    """A body's pattern lives in ORGANIZATIONS once; the issuers point at it."""
    for issuer in ISSUERS:
        if issuer.name != "Thủ tướng Chính phủ":  # a title, not a body of its own
            assert issuer.organization in ORGANIZATIONS, issuer.name


def test_dates_are_dates():
    refs = find_references(
        ["Quy định 205 của Bộ Chính trị", "Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị"]
    )
    assert refs["date"].tolist() == [None, dt.date(2019, 9, 23)]
    assert cited_documents(refs)["date"].tolist() == [dt.date(2019, 9, 23)]


def test_duplicate_ids_are_refused():
    with pytest.raises(DuplicateIdError, match="share the id 'a'"):
        find_references([("a", "Chỉ thị 05"), ("a", "Quy định 205")])


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_references(seed_docs):
    return find_references(seed_docs)


@pytest.fixture(scope="module")
def seed_cited(seed_references):
    return cited_documents(seed_references)


# Every document code article 002 cites, with its date where the article gives one,
# read off the article by hand.
SEED_002_CODES = {
    "24-QĐ/TW": dt.date(2021, 7, 30),
    "08-KL/TW": dt.date(2021, 6, 15),
    "06-HD/BTCTW": dt.date(2021, 7, 26),
    "14-KL/TW": dt.date(2021, 9, 22),
    "01-HD/TW": dt.date(2021, 9, 28),
    "30-QĐ/TW": dt.date(2021, 8, 19),
    "02-HD/BTCTW": dt.date(2021, 4, 12),
    "08-HD/BTCTW": dt.date(2021, 9, 27),
    "05-HD/BTCTW": dt.date(2021, 5, 19),
    "208-QĐ/TW": dt.date(2019, 11, 8),
    "07-HD/BTCTW": dt.date(2021, 8, 20),
    "03-HD/BTCTW": dt.date(2021, 4, 22),
    "04-KL/TW": None,
    "01-KL/TW": None,
    "05-CT/TW": None,
}


def test_every_code_in_002_is_found_with_its_date(seed_docs_by_number, seed_references):
    doc = seed_docs_by_number["002"]
    written = set(re.findall(r"\d+-[A-ZĐ]+/[A-ZĐ]+", normalize_text(doc.text)))
    assert written == set(SEED_002_CODES)  # the hand list is complete
    refs = seed_references[seed_references["doc_id"] == doc.doc_id]
    found = {}
    for reference_id, group in refs.groupby("reference_id"):
        dates = group["date"].dropna()
        found[reference_id] = dates.iloc[0] if len(dates) else None
    assert {k: v for k, v in found.items() if "/" in k} == SEED_002_CODES


def test_205_is_one_document_cited_by_000_and_003(seed_cited, seed_docs_by_number):
    row = seed_cited.set_index("reference_id").loc["205-QĐ/TW"]
    assert row["mentions"] == 2
    assert row["articles"] == (seed_docs_by_number["000"].doc_id, seed_docs_by_number["003"].doc_id)
    assert row["date"] == dt.date(2019, 9, 23)
    assert row["issuer"] == "Bộ Chính trị"


def test_seed_mentions_are_exact_slices(seed_docs, seed_references):
    texts = {doc.doc_id: normalize_text(doc.text) for doc in seed_docs}
    for row in seed_references.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text


def test_seed_001_cites_no_count(seed_docs_by_number, seed_references):
    refs = seed_references[seed_references["doc_id"] == seed_docs_by_number["001"].doc_id]
    assert refs["reference_id"].tolist() == ["18-NQ/TW", "19-NQ/TW"]  # not 19/19, 4.687/4.687


def test_cited_documents_fills_in_from_the_code(seed_cited):
    table = seed_cited.set_index("reference_id")
    assert table.loc["06-HD/BTCTW", "issuer"] == "Ban Tổ chức Trung ương"  # from BTCTW
    assert pd.isna(table.loc["04-KL/TW", "issuer"])  # TW names three bodies
    assert table.loc["05-CT/TW", "mentions"] == 4  # 002 once, 003 twice, 004 once
    assert table.loc["35-CT/TW", "code"] == "CT/TW"  # never written, inferred
