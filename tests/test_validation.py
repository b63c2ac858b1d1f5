"""The shared input checks: token lists in every form, ids, counts and choices."""

from __future__ import annotations

import numpy as np
import pytest

from corpus_tools.errors import CorpusError, DuplicateIdError, TopicModelError
from corpus_tools.validation import (
    UNITS,
    carries_ids,
    check_choice,
    check_doc_ids,
    check_positive_int,
    check_text,
    check_unique_ids,
    flat_tokens,
    token_lists,
)


@pytest.mark.parametrize(
    ("tokens", "doc_ids", "expected"),
    [
        ([["Hà_Nội"], []], None, ([["Hà_Nội"], []], ["0", "1"])),
        ([["ở", ""]], ["a"], ([["ở"]], ["a"])),
        ({"a": ["cán_bộ"], "b": ()}, None, ([["cán_bộ"], []], ["a", "b"])),
        ([("a", ["họp"]), ("b", ("bàn",))], None, ([["họp"], ["bàn"]], ["a", "b"])),
        (iter([["Đảng"]]), None, ([["Đảng"]], ["0"])),
        ([("Hà_Nội", "họp")], None, ([["Hà_Nội", "họp"]], ["0"])),  # a token tuple, not a pair
        ([], None, ([], [])),
        ([""], None, ([[]], ["0"])),  # an empty document
    ],
)
def test_token_lists_in_every_form(tokens, doc_ids, expected):
    assert token_lists(tokens, doc_ids) == expected


@pytest.mark.parametrize(
    ("tokens", "doc_ids", "error", "match"),
    [
        ("Bộ Chính trị", None, TypeError, "one string"),
        (b"bytes", None, TypeError, "one string"),
        (42, None, TypeError, "int"),
        (["Bộ Chính trị"], None, CorpusError, r"tokens\[0\] is a string"),
        ([["a"], 7], None, TypeError, r"tokens\[1\] is int"),
        ({"a": ["x"]}, ["a"], TypeError, "already carries its ids"),
        ([["a"]], ["x", "y"], CorpusError, "2 ids for 1 documents"),
        ([("a", ["x"]), ("a", ["y"])], None, DuplicateIdError, "share the id 'a'"),
    ],
)
def test_token_lists_reject_what_they_cannot_use(tokens, doc_ids, error, match):
    with pytest.raises(error, match=match):
        token_lists(tokens, doc_ids)


def test_units_of_one_document_may_share_its_id():
    pairs = [("a", ["họp"]), ("a", ["bàn"])]
    assert token_lists(pairs, unique=False)[1] == ["a", "a"]


def test_carries_ids():
    assert carries_ids({"a": []}) and carries_ids([("a", ["x"])])
    assert not carries_ids([["a", "b"]]) and not carries_ids([])


def test_flat_tokens():
    assert flat_tokens(["Hà_Nội", "", "họp"]) == ["Hà_Nội", "họp"]
    assert flat_tokens([["Hà_Nội"], ["họp"]]) == ["Hà_Nội", "họp"]
    assert flat_tokens({"a": ["x"], "b": ["y"]}) == ["x", "y"]
    with pytest.raises(CorpusError, match="mixes"):
        flat_tokens(["x", ["y"]])
    with pytest.raises(TypeError, match="one string"):
        flat_tokens("Hà Nội")


@pytest.mark.parametrize("value", [1, 7, np.int64(3)])
def test_check_positive_int_accepts_whole_numbers(value):
    assert check_positive_int(value, "n_top") == int(value)


@pytest.mark.parametrize("value", [0, -1, 2.0, "3", True, None])
def test_check_positive_int_rejects_the_rest(value):
    with pytest.raises(CorpusError, match="n_top must be a whole number of at least 1"):
        check_positive_int(value, "n_top")


def test_check_positive_int_raises_the_callers_error_class():
    with pytest.raises(TopicModelError, match="k must be a whole number of at least 2"):
        check_positive_int(1, "k", minimum=2, error=TopicModelError)


def test_check_choice():
    assert check_choice("sentence", "unit", UNITS) == "sentence"
    with pytest.raises(CorpusError, match="unit must be 'document', 'paragraph' or 'sentence'"):
        check_choice("câu", "unit", UNITS)
    with pytest.raises(CorpusError, match="must be 'raise', not 'skip'"):
        check_choice("skip", "on_error", ("raise",))


def test_check_text():
    assert check_text("") == ""
    with pytest.raises(TypeError, match="decode it first"):
        check_text("Hà Nội".encode())


def test_ids_count_from_zero():
    check_unique_ids(["a", "b"])
    with pytest.raises(DuplicateIdError, match=r"documents 1 and 3 \(counting from 0\)"):
        check_unique_ids(["a", "b", "c", "b"])
    assert check_doc_ids(None, 3) == ["0", "1", "2"]
    assert check_doc_ids(["x", "x"], 2, unique=False) == ["x", "x"]
    with pytest.raises(TypeError, match="one string"):
        check_doc_ids("ab", 2)
