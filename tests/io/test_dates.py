"""Dates in every format collections write them, and one warning for those that fail."""

from __future__ import annotations

import datetime as dt
import json
import warnings

import pytest

from corpus_tools import read_corpus
from corpus_tools.errors import DateParseWarning
from corpus_tools.io import iter_corpus, parse_date

OCT_1 = dt.date(2020, 10, 1)

DATES = [
    # ISO, and ISO date-times from CSV / JSONL columns
    ("2020-10-01", OCT_1),
    ("2020-10-1", OCT_1),
    ("2020-10-01 08:30", OCT_1),
    ("2020-10-01 08:30:00", OCT_1),
    ("2020-10-01T08:30:00", OCT_1),
    ("2020-10-01T08:30:00+07:00", OCT_1),
    ("2020-10-01T23:30:00-05:00", OCT_1),  # the day as written, never converted
    ("2020-10-01T01:30:00Z", OCT_1),
    ("2020-10-01T08:30:00.123456+0700", OCT_1),
    ("2020-10-01 08:30:00 +07:00", OCT_1),
    # YYYYMMDD
    ("20201001", OCT_1),
    # day first, never month first
    ("01/10/2020", OCT_1),
    ("1/10/2020", OCT_1),
    ("01-10-2020", OCT_1),
    ("01.10.2020", OCT_1),
    ("12/01/2020", dt.date(2020, 1, 12)),
    ("01/10/2020 08:30", OCT_1),
    ("01/10/2020, 08:30:15", OCT_1),
    ("15:38 01/10/2020", OCT_1),
    ("01/10/2020 08:30 (GMT+7)", OCT_1),
    # Vietnamese datelines
    ("Thứ Năm, 01/10/2020, 15:38 [GMT+7]", OCT_1),
    ("Chủ nhật, ngày 4/10/2020", dt.date(2020, 10, 4)),
    ("Cập nhật ngày: 25/12/2019 - 14:03", dt.date(2019, 12, 25)),
    ("Đăng lúc 14:03 ngày 25/12/2019", dt.date(2019, 12, 25)),
    ("ngày 23 tháng 9 năm 2019", dt.date(2019, 9, 23)),
    ("Hà Nội, ngày 1 tháng 10 năm 2020", OCT_1),
    ("ngày 01-10-2020", OCT_1),
    # white space around and inside
    ("  2020-10-01\u00a0", OCT_1),
    # values that are not strings
    (20201001, OCT_1),
    (OCT_1, OCT_1),
    (dt.datetime(2020, 10, 1, 8, 30), OCT_1),
    # empty: no date, and no failure
    (None, None),
    ("", None),
    ("   ", None),
    (float("nan"), None),
]


@pytest.mark.parametrize(("value", "expected"), DATES)
def test_every_date_format(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "tháng trước",
        "2020",
        "10/2020",
        "2020-13-01",
        "31/02/2020",
        "20201301",
        "202010011",
        "2020-10-01 xyz",
        "10/01/2020/",
        "01/10-2020",
        True,
        2020.5,
        ["2020-10-01"],
    ],
)
def test_values_that_are_no_date_raise(value):
    with pytest.raises(ValueError, match=r"date|calendar"):
        parse_date(value)


def _write_dated(folder, dates):
    for number, date in enumerate(dates):
        (folder / f"{number:03d}.txt").write_text(
            f"# date = {date}\nTiêu đề {number}\nThân bài số {number}.\n", encoding="utf-8"
        )


def test_dates_that_fail_warn_once_with_the_count_and_examples(tmp_path):
    _write_dated(tmp_path, ["20201001", "hôm qua", "31/02/2020", "2020-10-02", *["x"] * 6])
    with pytest.warns(DateParseWarning) as caught:
        docs = read_corpus(tmp_path)
    assert len(caught) == 1
    warning = caught[0].message
    assert warning.count == 8
    assert len(warning.examples) == 5
    assert warning.examples[0].startswith("'hôm qua' (") and "001.txt" in warning.examples[0]
    assert "8 date(s) could not be read" in str(warning) and "3 more" in str(warning)
    assert [doc.date for doc in docs[:4]] == [OCT_1, None, None, dt.date(2020, 10, 2)]


def test_no_warning_when_every_date_reads(tmp_path):
    _write_dated(tmp_path, ["20201001", "2020-10-01", "01/10/2020"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = read_corpus(tmp_path)
    assert {doc.date for doc in docs} == {OCT_1}


def test_iter_corpus_warns_after_the_last_document(tmp_path):
    _write_dated(tmp_path, ["20201001", "sai"])
    stream = iter_corpus(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        next(stream)
    with pytest.warns(DateParseWarning, match=r"1 date\(s\)"):
        list(stream)


def test_csv_date_and_datetime_columns(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_text(
        "id,date,text\n"
        "a,20201001,Bài a.\n"
        "b,2020-10-01 08:30:00,Bài b.\n"
        "c,2020-10-01T08:30:00+07:00,Bài c.\n"
        "d,,Bài d.\n"
        "e,không rõ,Bài e.\n",
        encoding="utf-8",
    )
    with pytest.warns(DateParseWarning) as caught:
        docs = read_corpus(path)
    assert [doc.date for doc in docs] == [OCT_1, OCT_1, OCT_1, None, None]
    assert len(caught) == 1 and caught[0].message.count == 1
    assert "'không rõ' (" in str(caught[0].message) and "line 6" in str(caught[0].message)


def test_jsonl_date_as_a_number(tmp_path):
    path = tmp_path / "bao.jsonl"
    path.write_text(json.dumps({"date": 20201001, "text": "Bài."}), encoding="utf-8")
    assert read_corpus(path)[0].date == OCT_1


def test_a_date_column_wins_over_a_dateline(tmp_path):
    path = tmp_path / "bao.csv"
    path.write_text(
        'id,date,text\na,20201001,"Tiêu đề\nThứ Hai, 05/10/2020\nThân bài."\n'
        'b,,"Tiêu đề\nThứ Hai, 05/10/2020\nThân bài."\n',
        encoding="utf-8",
    )
    docs = read_corpus(path)
    assert [doc.date for doc in docs] == [OCT_1, dt.date(2020, 10, 5)]
    assert all(doc.paragraphs == ("Thân bài.",) for doc in docs)
