"""Organisations: bodies found by their names, and nothing that names no body."""

from __future__ import annotations

import re

import pytest

from corpus_tools.extract import (
    ORGANIZATIONS,
    Organization,
    find_organizations,
    organizations_table,
)
from corpus_tools.extract.organizations import body_alternation, organization_named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Thường vụ Tỉnh ủy Thái Nguyên họp.", ["Ban Thường vụ Tỉnh ủy Thái Nguyên"]),
        ("làm việc với Tỉnh ủy Thái Nguyên", ["Tỉnh ủy Thái Nguyên"]),
        ("Chủ tịch HĐND tỉnh báo cáo", ["Hội đồng nhân dân tỉnh"]),
        ("những chức vụ HĐND, Ủy Ban Nhân Dân những cấp", ["Hội đồng nhân dân", "Ủy ban nhân dân"]),
        ("Ban Chấp hành Trung ương Đảng khóa XII", ["Ban Chấp hành Trung ương"]),
        ("Văn phòng Trung ương Đảng, Ủy ban Kiểm tra Trung ương, Bộ Nội vụ",
         ["Văn phòng Trung ương Đảng", "Ủy ban Kiểm tra Trung ương", "Bộ Nội vụ"]),
        ("cấp ủy, chính quyền, Mặt trận Tổ quốc và các tổ chức", ["Mặt trận Tổ quốc Việt Nam"]),
        ("các tổ chức chính trị xã hội, MTTQ", ["Mặt trận Tổ quốc Việt Nam"]),
        ("(ảnh: TTXVN)", ["Thông tấn xã Việt Nam"]),
        ("hội đồng nhân dân các cấp", []),  # lower case: no particular body
        ("thực hiện Nghị quyết của Trung ương", []),  # "Trung ương" counts only in titles
        ("Phạm Minh Chính phát biểu", []),
        ("", []),
    ],
)  # fmt: skip
def test_organizations(text, expected):
    assert find_organizations([text])["name"].tolist() == expected


def test_organization_table_can_be_extended():
    text = "Giám đốc Sở Nội vụ báo cáo."
    assert find_organizations([text]).empty
    extra = Organization("Sở Nội vụ", r"Sở Nội vụ(?:\s+(?P<place>{place}))?")
    found = find_organizations([text], organizations=(*ORGANIZATIONS, extra))
    assert found[["start", "end", "name"]].values.tolist() == [[9, 18, "Sở Nội vụ"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Trung ương" written short, as vietnamese.CENTRAL knows it
        ("Ban Tổ chức T.Ư và Ban Tuyên giáo TƯ", ["Ban Tổ chức Trung ương",
                                                  "Ban Tuyên giáo Trung ương"]),
        ("Ban Bí thư TW Đảng chỉ đạo", ["Ban Bí thư"]),
        ("HĐND tỉnh Thái Nguyên họp", ["Hội đồng nhân dân tỉnh Thái Nguyên"]),
    ],
)  # fmt: skip
def test_central_and_local_forms(text, expected):
    found = find_organizations([text])
    assert found["name"].tolist() == expected
    spans = zip(found["start"], found["end"], strict=True)
    assert found["text"].tolist() == [text[start:end] for start, end in spans]


def test_empty():
    assert find_organizations([""]).empty
    assert organizations_table(find_organizations([])).empty
    assert list(find_organizations([]).columns) == ["doc_id", "start", "end", "text", "name"]


def test_organization_named():
    assert organization_named("Bộ Chính trị").pattern == "Bộ Chính trị"
    assert organization_named("Ban Chấp hành Trung ương", in_titles_only=True).in_titles_only
    with pytest.raises(KeyError):
        organization_named("Sở Nội vụ")


def test_body_alternation_holds_no_named_group():
    pattern = body_alternation(ORGANIZATIONS)
    assert "(?P<" not in pattern
    assert re.fullmatch(f"(?i:{pattern})", "Ban Thường vụ Tỉnh ủy Thái Nguyên")


# --------------------------------------------------------------------------- the seeds


def test_seed_organizations(seed_docs, seed_people):
    orgs = organizations_table(find_organizations(seed_docs)).set_index("name")
    expected = [
        "Bộ Chính trị",
        "Ban Tổ chức Trung ương",
        "Bộ Công an",
        "Tỉnh ủy Thái Nguyên",
        "Ủy ban Kiểm tra Trung ương",
        "Văn phòng Trung ương Đảng",
        "Bộ Nội vụ",
    ]
    assert set(expected) <= set(orgs.index)
    assert not set(orgs.index) & set(seed_people["name"])
