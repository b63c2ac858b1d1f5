"""benchmarks/segmentation.py: scoring, codes split back, the diff and its causes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "segmentation.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("segmentation_bench", _PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_codes_are_split_back_where_the_input_had_spaces(bench):
    text = "Quy định 32 - CT / TW ngày 16/8/1945 của Hà Nội"
    words = ["Quy định", "32-CT/TW", "ngày", "16/8/1945", "của", "Hà Nội"]
    assert bench.split_codes_back(text, words) == [
        "Quy định", "32", "-", "CT", "/", "TW", "ngày", "16/8/1945", "của", "Hà Nội"
    ]  # fmt: skip


def test_score_counts_spans_and_multi_syllable_recall(bench):
    gold = [["Hà Nội", "đẹp"]]
    perfect = bench.score(gold, lambda text: ["Hà Nội", "đẹp"])
    assert perfect["f1"] == perfect["multi_recall"] == 1.0
    split = bench.score(gold, lambda text: ["Hà", "Nội", "đẹp"])
    assert split["precision"] == pytest.approx(1 / 3) and split["multi_recall"] == 0.0


def test_the_diff_names_the_cause_and_who_is_right(bench):
    rows = bench.diff_sentence(["Hôm qua", "Phú", "chọn", "con", "đường", "khác", "."])
    assert rows == [
        {
            "cause": "learnt correction",
            "raw": "Phú chọn",
            "ours": "Phú / chọn",
            "gold": "Phú / chọn",
            "right": "tokenize",
        }
    ]
    rows = bench.diff_sentence(["Ban", "Tổ chức", "Trung ương", "họp", "."])
    assert [(row["cause"], row["ours"], row["right"]) for row in rows] == [
        ("user words", "Ban Tổ chức Trung ương", "underthesea")
    ]
