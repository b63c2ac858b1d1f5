"""Toy corpora shared by the topic tests: two obvious themes, four short paragraphs each."""

from __future__ import annotations

METHODS = ["nmf", "lda", "minibatch_nmf", "online_lda"]

POLITICS = {"bộ_chính_trị", "ban_bí_thư", "cán_bộ", "ở", "hội_nghị"}
FOOTBALL = {"bóng_đá", "cầu_thủ", "trận_đấu", "ghi_bàn", "sân"}

# Two obvious themes, four short paragraphs each; "ở" is a one-letter word.
TOY = [
    ["bộ_chính_trị", "ban_bí_thư", "cán_bộ", "ở"],
    ["cán_bộ", "hội_nghị", "bộ_chính_trị"],
    ["ban_bí_thư", "cán_bộ", "hội_nghị", "ở"],
    ["bộ_chính_trị", "ban_bí_thư", "hội_nghị"],
    ["bóng_đá", "cầu_thủ", "trận_đấu"],
    ["cầu_thủ", "ghi_bàn", "sân", "trận_đấu"],
    ["trận_đấu", "bóng_đá", "ghi_bàn"],
    ["sân", "bóng_đá", "cầu_thủ", "ghi_bàn"],
]
TOY_LABELS = ["chính trị"] * 4 + ["thể thao"] * 4
TOY_DOCS = ["a", "a", "b", "b", "c", "c", "d", "d"]
