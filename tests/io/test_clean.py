"""Cleaning: the seeds' boilerplate lines, each removed with its reason, nothing lost."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_tools.io import CLEANING_RULES, LineRule, clean_lines

# What each seed's header and footer hold, read off the files by hand.
SEED_FIELDS = {
    "000": {
        "title": "Tăng cường siết chặt kỷ luật, kỷ cương trong công tác cán bộ, góp phần đấu "
        "tranh ngăn chặn, đẩy lùi tình trạng chạy chức, chạy quyền",
        "date": dt.date(2020, 10, 5),
        "source": None,
        "byline": "Văn Bắc",
    },
    "001": {
        "title": "Thực hiện nghiêm quy định của Bộ Chính trị về việc kiểm soát quyền lực trong "
        "công tác cán bộ và chống chạy chức chạy quyền",
        "date": None,
        "source": "thainguyen.gov.vn",
        "byline": "Thanh Mai - Thanh Hiếu",
    },
    "002": {
        "title": "Triển khai thực hiện các quy định mới về công tác tổ chức xây dựng Đảng",
        "date": None,
        "source": None,
        "byline": None,
    },
    "003": {"title": None, "date": None, "source": None, "byline": "Bảo Ngọc – Văn Thắng"},
    "004": {
        "title": "Năm 2020 tiến hành quy hoạch Bộ Chính trị, Ban Bí thư nhiệm kỳ mới",
        "date": dt.date(2019, 12, 25),
        "source": "VOV",
        "byline": None,
    },
}

# (seed, line as in the file, reason) for every boilerplate line.
SEED_REMOVED = [
    ("000", "Thứ Hai, 05/10/2020, 15:38 [GMT+7]", "dateline"),
    (
        "000",
        "Hội nghị giao ban trực tuyến ngành Tổ chức xây dựng Đảng 9 tháng năm 2020",
        "repeated line (photo caption)",
    ),
    ("000", "Văn Bắc", "byline"),
    ("000", ".", "stray punctuation"),
    ("001", "Truy cập nội dung luôn", "skip link"),
    ("001", "Nguồn: thainguyen.gov.vn", "source line"),
    ("001", "Thanh Mai - Thanh Hiếu", "byline"),
    ("002", "BẠN CÓ THỂ QUAN TÂM", "related-articles footer"),
    ("003", "T/h: Bảo Ngọc – Văn Thắng", "byline"),
    ("004", "Cập nhật ngày: 25/12/2019 - 14:03", "dateline"),
    ("004", "Nguồn VOV", "source line"),
]


def test_seeds_are_five_documents_in_file_order(seed_docs):
    assert [doc.doc_id[:3] for doc in seed_docs] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("number", sorted(SEED_FIELDS))
@pytest.mark.parametrize("field", ["title", "date", "source", "byline"])
def test_seed_fields(seed_docs_by_number, number, field):
    assert getattr(seed_docs_by_number[number], field) == SEED_FIELDS[number][field]


@pytest.mark.parametrize(("number", "line", "reason"), SEED_REMOVED)
def test_seed_boilerplate_is_removed_and_reported(seed_docs_by_number, number, line, reason):
    doc = seed_docs_by_number[number]
    assert (line, reason) in doc.removed
    if reason == "repeated line (photo caption)":
        return  # kept once: see the next test
    assert line not in doc.paragraphs
    if len(line) > 3:
        assert line not in doc.text


def test_repeated_caption_is_kept_once(seed_docs_by_number):
    caption = "Hội nghị giao ban trực tuyến ngành Tổ chức xây dựng Đảng 9 tháng năm 2020"
    assert seed_docs_by_number["000"].paragraphs.count(caption) == 1


def test_file_without_title_line_has_no_title_and_keeps_its_first_paragraph(seed_docs_by_number):
    doc = seed_docs_by_number["003"]
    assert doc.title is None
    assert doc.paragraphs[0].startswith("Theo báo cáo, năm 2020, ngành Tổ chức xây dựng Đảng")


def test_nothing_is_lost(seed_docs):
    """Every non-blank line of each file is a paragraph or a removed line."""
    for doc in seed_docs:
        lines = [line.strip() for line in doc.raw.splitlines() if line.strip()]
        accounted = list(doc.paragraphs) + [line for line, _ in doc.removed]
        assert sorted(lines) == sorted(accounted), doc.doc_id


def test_raw_is_the_decoded_file(seed_docs):
    for doc in seed_docs:
        with open(doc.metadata["path"], encoding="utf-8") as handle:
            assert doc.raw == handle.read()


def test_footer_drops_every_following_line():
    parts = clean_lines(["Tiêu đề bài", "Thân bài một.", "Tin liên quan", "Bài khác", "Bài nữa"])
    assert parts["paragraphs"] == ("Thân bài một.",)
    assert [reason for _, reason in parts["removed"]] == [
        "title",
        "related-articles footer",
        "after related-articles footer",
        "after related-articles footer",
    ]


def test_body_line_ending_an_article_is_not_a_byline():
    parts = clean_lines(["Tiêu đề", "Thân bài.", "Hội nghị bế mạc trong không khí phấn khởi."])
    assert parts["byline"] is None
    assert parts["paragraphs"][-1] == "Hội nghị bế mạc trong không khí phấn khởi."


def test_rules_table_is_extensible():
    # Captions are in the table now (issue 13), so a rule of one's own for them goes
    # first: the first rule that matches a line takes it.
    rule = LineRule("photo credit", r"\(?Ảnh:.*\)?", where="anywhere")
    parts = clean_lines(
        ["Tiêu đề", "Thân bài.", "Ảnh: TTXVN", "Kết bài."], rules=(rule, *CLEANING_RULES)
    )
    assert ("Ảnh: TTXVN", "photo credit") in parts["removed"]
    parts = clean_lines(
        ["Tiêu đề", "Thân bài.", "Ảnh: TTXVN", "Kết bài."], rules=(*CLEANING_RULES, rule)
    )
    assert ("Ảnh: TTXVN", "photo caption") in parts["removed"]


# ---------------------------------------------------------------- source lines (issue 11.8)


@pytest.mark.parametrize(
    "line",
    [
        "Nguồn lực đầu tư cho giáo dục tăng mạnh trong những năm qua.",
        "Nguồn vốn ODA được sử dụng đúng mục đích.",
        "Nguồn nhân lực chất lượng cao",
        "Theo Nghị quyết…",
        "Theo Nghị Quyết",
        "Theo Bộ Chính Trị",
        "Theo báo cáo của Sở Tài chính.",
        "Theo Báo cáo chính trị, Đảng ta xác định nhiệm vụ then chốt.",
        "Nguồn: theo báo cáo của các địa phương, tổng vốn đầu tư toàn xã hội năm 2020 tăng.",
    ],
)
def test_sentences_that_only_start_like_a_source_line_are_kept(line):
    parts = clean_lines(["Tiêu đề", "Thân bài.", line])
    assert (parts["source"], parts["byline"]) == (None, None)
    assert parts["paragraphs"] == ("Thân bài.", line)


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Nguồn: thainguyen.gov.vn", "thainguyen.gov.vn"),
        ("Nguồn VOV", "VOV"),
        ("NGUỒN: VOV.", "VOV"),
        ("Theo Báo Nhân Dân", "Báo Nhân Dân"),
        ("Theo TTXVN", "TTXVN"),
        ("Theo TTXVN/VOV", "TTXVN/VOV"),
        ("(Theo VnExpress)", "VnExpress"),
        ("Theo Tuổi Trẻ", "Tuổi Trẻ"),
        ("Theo dangcongsan.vn", "dangcongsan.vn"),
        ("Nguồn: Tạp chí Cộng sản", "Tạp chí Cộng sản"),
        ("Nguồn ảnh: TTXVN", "TTXVN"),
        ("Theo Cổng thông tin điện tử Chính phủ", "Cổng thông tin điện tử Chính phủ"),
    ],
)
def test_source_lines_name_an_outlet_or_a_site(line, source):
    parts = clean_lines(["Tiêu đề", "Thân bài.", line])
    assert parts["source"] == source
    assert parts["paragraphs"] == ("Thân bài.",)
    assert (line, "source line") in parts["removed"]


def test_more_outlets_can_be_named():
    from corpus_tools.io import NEWS_OUTLETS, source_line_rule

    more = source_line_rule([*NEWS_OUTLETS, "Người Đưa Tin"])
    rules = [more if rule.reason == "source line" else rule for rule in CLEANING_RULES]
    assert clean_lines(["Tiêu đề", "Thân bài.", "Theo Người Đưa Tin"])["source"] is None
    assert clean_lines(["Tiêu đề", "Thân bài.", "Theo Người Đưa Tin"], rules=rules)["source"] == (
        "Người Đưa Tin"
    )


# ---------------------------------------------------------------- photo captions (issue 13)

LONG = "Hội nghị đã thảo luận và thống nhất nhiều nội dung quan trọng về công tác cán bộ. " * 3


@pytest.mark.parametrize(
    "line",
    [
        "(ảnh: TTXVN)",
        "(Ảnh: TTXVN)",
        "Ảnh: TTXVN",
        "ẢNH: TTXVN",
        "Ảnh minh họa",
        "Ảnh minh hoạ",
        "(Ảnh minh họa)",
        "Ảnh minh họa: Internet",
        "Ảnh tư liệu",
        "Ảnh: Thủ tướng Nguyễn Xuân Phúc phát biểu chỉ đạo tại hội nghị",
        "Trong ảnh: Đồng chí Nguyễn Văn A phát biểu tại hội nghị",
        "Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương Nguyễn Thanh Bình. (ảnh: TTXVN)",
        "Các đại biểu dự hội nghị (Ảnh: Văn Bắc)",
        "Đại biểu dự hội nghị. Ảnh: VGP/Quang Hiếu",
        "Quang cảnh hội nghị - Ảnh: VOV",
        "Cán bộ làm việc tại trụ sở (ảnh minh họa).",
    ],
)
def test_a_caption_line_is_removed_with_its_reason(line):
    parts = clean_lines(["Tiêu đề", "Đoạn một.", line, "Đoạn hai."])
    assert parts["paragraphs"] == ("Đoạn một.", "Đoạn hai.")
    assert (line, "photo caption") in parts["removed"]


@pytest.mark.parametrize(
    "line",
    [
        "Ảnh hưởng của dịch Covid-19 đến kinh tế là rất lớn.",
        "Ảnh minh họa cho thấy sự khác biệt giữa hai phương án.",
        "Bức ảnh được chụp tại Hà Nội năm 1975.",
        "Triển lãm ảnh: 100 tác phẩm của các nghệ sĩ được giới thiệu.",
        "Ông cho biết ảnh chụp hiện trường đã được gửi cho cơ quan điều tra.",
        "Nhiếp ảnh gia Nguyễn Văn A chụp bức ảnh này.",
        "Kết quả: ảnh hưởng lớn đến người dân.",
        LONG + "(Ảnh: TTXVN)",  # a paragraph, not a short caption line
    ],
)
def test_a_sentence_with_the_word_anh_is_text(line):
    parts = clean_lines(["Tiêu đề", "Đoạn một.", line, "Đoạn hai."])
    assert parts["paragraphs"] == ("Đoạn một.", line, "Đoạn hai.")


def test_a_caption_above_the_title_is_no_title():
    parts = clean_lines(["Ảnh minh họa", "Tiêu đề bài", "Thân bài."])
    assert parts["title"] == "Tiêu đề bài"
    assert parts["removed"] == (("Ảnh minh họa", "photo caption"), ("Tiêu đề bài", "title"))


def test_the_seed_caption_is_removed(seed_docs_by_number):
    caption = "Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương Nguyễn Thanh Bình. (ảnh: TTXVN)"
    doc = seed_docs_by_number["004"]
    assert (caption, "photo caption") in doc.removed
    assert "TTXVN" not in doc.text
