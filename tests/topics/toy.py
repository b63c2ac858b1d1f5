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

# Five news categories of ten words each, for clustering and prevalence tests.
CATEGORIES = {
    "chính trị": ["bộ_chính_trị", "ban_bí_thư", "cán_bộ", "đảng_viên", "nghị_quyết",
                  "đại_hội", "tỉnh_ủy", "nhiệm_kỳ", "quy_hoạch", "kỷ_luật"],
    "thể thao": ["bóng_đá", "cầu_thủ", "trận_đấu", "ghi_bàn", "sân",
                 "huấn_luyện_viên", "đội_tuyển", "giải_đấu", "thủ_môn", "bàn_thắng"],
    "y tế": ["bệnh_viện", "bác_sĩ", "bệnh_nhân", "điều_trị", "vắc_xin",
             "dịch_bệnh", "y_tế", "thuốc", "khám", "xét_nghiệm"],
    "giáo dục": ["học_sinh", "giáo_viên", "trường", "kỳ_thi", "sinh_viên",
                 "đại_học", "lớp", "điểm", "tuyển_sinh", "học_phí"],
    "kinh doanh": ["doanh_nghiệp", "thị_trường", "xuất_khẩu", "ngân_hàng", "lãi_suất",
                   "cổ_phiếu", "đầu_tư", "lợi_nhuận", "giá", "hàng_hóa"],
}  # fmt: skip
COMMON = ["năm", "ngày", "người", "tỉnh", "hà_nội", "thành_phố", "tháng", "tuần", "cho_biết"]


def labelled_documents(
    seed: int, *, per_category: int = 24, length: int = 40, own: float = 0.6
) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Documents of known category: ``own`` of their words from it, the rest from the
    other categories and from common words (a third each way); ids ``c<category>_<n>``."""
    import numpy as np

    rng = np.random.default_rng(seed)
    names = list(CATEGORIES)
    docs, labels = [], []
    for number, name in enumerate(names):
        others = [w for other in names if other != name for w in CATEGORIES[other]]
        for index in range(per_category):
            n_own = rng.binomial(length, own)
            n_other = (length - n_own) // 3
            words = [
                *rng.choice(CATEGORIES[name], n_own),
                *rng.choice(others, n_other),
                *rng.choice(COMMON, length - n_own - n_other),
            ]
            rng.shuffle(words)
            docs.append((f"c{number}_{index:02d}", [str(w) for w in words]))
            labels.append(name)
    return docs, labels
