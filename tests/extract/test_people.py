"""People with their titles: officials found, places and bodies not."""

from __future__ import annotations

import unicodedata

import pytest

from corpus_tools import normalize_text
from corpus_tools.errors import DuplicateIdError
from corpus_tools.extract import NOT_PEOPLE, PLACES, co_mentions, find_people, people_table
from corpus_tools.extract import people as people_module

NFD = lambda text: unicodedata.normalize("NFD", text)


def people(text: str, **options) -> list[tuple[str, tuple[str, ...]]]:
    found = find_people([text], **options)
    return [(row.name, row.roles) for row in found.itertuples()]


@pytest.mark.parametrize("use_ner", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đó là nhấn mạnh của đồng chí Phạm Minh Chính, Ủy viên Bộ Chính trị, Bí thư Trung "
            "ương Đảng, Trưởng Ban Tổ chức Trung ương trong buổi làm việc.",
            [("Phạm Minh Chính", ("Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng",
                                  "Trưởng Ban Tổ chức Trung ương"))],
        ),
        (
            "đồng chí Trần Quốc Tỏ, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an, nguyên Bí "
            "thư Tỉnh ủy Thái Nguyên; đồng chí Nguyễn Thanh Hải, Ủy viên Trung ương Đảng, Bí "
            "thư Tỉnh ủy.",
            [("Trần Quốc Tỏ", ("Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an",
                               "nguyên Bí thư Tỉnh ủy Thái Nguyên")),
             ("Nguyễn Thanh Hải", ("Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"))],
        ),
        (
            "Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương Nguyễn Thanh Bình cho biết.",
            [("Nguyễn Thanh Bình", ("Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương",))],
        ),
        (
            "Ủy viên BTV, Trưởng Ban Tổ chức Tỉnh ủy Nguyễn Đức Nguyên báo cáo.",
            [("Nguyễn Đức Nguyên", ("Ủy viên BTV", "Trưởng Ban Tổ chức Tỉnh ủy"))],
        ),
        (
            "Bí thư Tỉnh ủy Thái Nguyên Nguyễn Thanh Hải phát biểu.",  # a place, then the name
            [("Nguyễn Thanh Hải", ("Bí thư Tỉnh ủy Thái Nguyên",))],
        ),
        (
            "Đồng chí Trương Thị Mai, Trưởng Ban Tổ chức Trung ương và chiến sỹ Mai Văn Chính, "
            "Phó Trưởng ban Thường trực Ban Tổ chức Trung ương đồng chủ trì hội nghị.",
            [("Trương Thị Mai", ("Trưởng Ban Tổ chức Trung ương",)),
             ("Mai Văn Chính", ("Phó Trưởng ban Thường trực Ban Tổ chức Trung ương",))],
        ),
        ("Ông Nguyễn Thanh Bình cũng nhấn mạnh.", [("Nguyễn Thanh Bình", ())]),
        ("Bà Trương Thị Mai cho biết.", [("Trương Thị Mai", ())]),
    ],
)  # fmt: skip
def test_people_and_roles(text, expected, use_ner):
    assert people(text, use_ner=use_ner) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Ban Thường vụ Tỉnh ủy Thái Nguyên họp.",
        "Tiếp tục đề xuất các cơ chế chính sách cho Thái Nguyên phát triển.",
        "Ban Tổ chức Trung ương tổ chức Hội nghị trực tuyến.",
        "Ủy Ban Nhân Dân những cấp",
        "Nhà số 5 đường Trần Phú, tỉnh Thái Bình.",
        "Thành phố Hồ Chí Minh có nhiều đồng chí tham dự.",
        "Trường Nguyễn Du khai giảng năm học mới.",  # a school named after a person
        "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",  # a name without a sign of a person
        "Hội nghị giao ban trực tuyến ngành Tổ chức xây dựng Đảng",
        "Đồng chí Trưởng Ban Tổ chức Trung ương phát biểu.",  # a title, no name
    ],
)
def test_not_people(text):
    assert people(text) == []


def test_forms_of_one_person_merge():
    found = find_people(
        [
            ("a", "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, phát biểu."),
            ("b", "chiến sỹ Trương Thị Mai ghi nhận."),
            ("c", "Theo Trương Thị Mai, hội nghị thành công."),
        ]
    )
    assert found["name"].tolist() == ["Trương Thị Mai"] * 3
    assert found["honorific"].tolist()[:2] == ["Đồng chí", "chiến sỹ"]
    assert found.loc[2, "evidence"] == ("known name",)
    table = people_table(found)
    assert table.to_dict("records") == [
        {
            "name": "Trương Thị Mai",
            "roles": ("Ủy viên Bộ Chính trị",),
            "articles": ("a", "b", "c"),
            "mentions": 3,
        }
    ]


# Sports and world news: countries, leagues, clubs and international bodies stand where
# people stand ("Chủ tịch La Liga", "Đại sứ Thái Lan"); each sentence here gave a
# "person" before NOT_PEOPLE was checked, except the plain ones kept as controls.
@pytest.mark.parametrize("use_ner", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "Đội tuyển Thái Lan thắng Việt Nam 2-1 ở chung kết.",
        "Đại sứ Thái Lan tại Việt Nam dự lễ.",  # a title before
        "Messi rời La Liga, Chủ tịch câu lạc bộ nói.",  # a title after
        "Chủ tịch La Liga Javier Tebas chỉ trích PSG.",  # a league, then a foreign name
        "Ông Hà Lan nói.",  # an honorific before a country: still not a person
        "Đồng chí Hoàng Anh Gia Lai.",  # a club shaped like a full name
        "Real Madrid gặp Manchester City tại Champions League.",
        "Tổng Thư ký Liên Hợp Quốc kêu gọi ngừng bắn.",
        "Đại sứ Hàn Quốc và Đại sứ Nhật Bản gặp Bộ trưởng Ngoại giao.",
    ],
)
def test_countries_leagues_clubs_and_organizations_are_not_people(text, use_ner):
    assert people(text, use_ner=use_ner) == []


def test_people_beside_countries_and_leagues():
    text = "Ông Nguyễn Văn Hùng, Đại sứ Việt Nam tại Thái Lan, dự lễ với Chủ tịch La Liga."
    assert people(text) == [("Nguyễn Văn Hùng", ("Đại sứ",))]
    # The price: a person whose name starts like a country is lost ("Hà Lan Anh"), as
    # one whose name starts like a province was ("Hà Nam Ninh").
    assert people("Bà Hà Lan Anh phát biểu.") == []


def test_not_people_can_be_extended():
    text = "Chủ tịch Hồ Gươm cho biết."  # a company named after a lake
    assert people(text) == [("Hồ Gươm", ("Chủ tịch",))]
    assert people(text, not_people=(*NOT_PEOPLE, "Hồ Gươm")) == []
    assert people("Đại sứ Thái Lan dự lễ.", not_people=()) == [("Thái Lan", ("Đại sứ",))]


def test_the_tagger_runs_only_where_it_can_change_who_is_kept(monkeypatch):
    """Sentences with capitalised names but no honorific or title beside any never reach
    the tagger; a sentence with one does, whole, without the rest of its paragraph."""
    sentences = []
    tag_entities = people_module.tag_entities

    def tag(sentence):
        sentences.append(sentence)
        return tag_entities(sentence)

    monkeypatch.setattr(people_module, "tag_entities", tag)
    text = (
        "Hà Nội và Đà Nẵng đón khách.\n"  # no surname-led name: skipped before, too
        "Theo Lê Văn Thành, mùa mưa đến sớm ở Cà Mau. Ông Lê Văn Thành cho biết.\n"
        "Sáng nay, Nguyễn Văn An, Giám đốc Sở, phát biểu. Trời mưa to.\n"  # a title after
        "Bí thư Tỉnh ủy Ngô Thanh Danh dự. TP. Hồ Chí Minh có Trần Văn Lâm.\n"  # before
        "Lê Hoàng Anh Tuấn và ông Trần Minh Nam gặp nhau."  # an honorific before the second
    )
    found = find_people([text])
    assert sentences == [
        "Ông Lê Văn Thành cho biết.",  # an honorific before
        "Sáng nay, Nguyễn Văn An, Giám đốc Sở, phát biểu.",
        "Bí thư Tỉnh ủy Ngô Thanh Danh dự.",
        "Lê Hoàng Anh Tuấn và ông Trần Minh Nam gặp nhau.",
    ]
    assert found["name"].tolist() == [
        "Lê Văn Thành", "Lê Văn Thành", "Nguyễn Văn An", "Ngô Thanh Danh", "Trần Minh Nam"
    ]  # fmt: skip
    sentences.clear()
    find_people([text], use_ner=False)
    assert sentences == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ông A nói. Bà B đáp.", ["Ông A nói.", "Bà B đáp."]),
        ('Bà B đáp: "Được." Năm 2020 qua.', ['Bà B đáp: "Được."', "Năm 2020 qua."]),
        (
            "TP. Hồ Chí Minh mưa. GS. TS Lê Văn An nói…",
            ["TP. Hồ Chí Minh mưa.", "GS. TS Lê Văn An nói…"],
        ),
        ("Số 2.5 tăng. v.v. và hết", ["Số 2.5 tăng. v.v. và hết"]),  # no capital after
        ("Dòng một!\nDòng hai?\n\nx", ["Dòng một!", "Dòng hai?", "x"]),
        ("", []),
    ],
)
def test_sentences_the_tagger_reads(text, expected):
    assert [text[start:end] for start, end in people_module._sentences(text)] == expected


def test_progress_bar(monkeypatch):
    import tqdm

    bars = []

    class Bar(tqdm.tqdm):
        def __init__(self, *args, **kwargs):
            bars.append(kwargs)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(tqdm, "tqdm", Bar)
    find_people(["Ông Lê Văn Thành cho biết.", "Bà Trương Thị Mai nói."], use_ner=False)
    find_people(["Ông Lê Văn Thành cho biết."], use_ner=False, progress=False)
    assert [(bar["desc"], bar["disable"]) for bar in bars] == [
        ("find_people", False), ("find_people", True)
    ]  # fmt: skip


def test_a_bare_name_alone_is_not_a_person():
    assert people("Theo Trương Thị Mai, hội nghị thành công.") == []


@pytest.mark.parametrize(
    "raw",
    [
        NFD("Đồng chí Bùi Xuân Hòa, Chủ tịch HĐND tỉnh, báo cáo."),
        "Ðồng chí Bùi Xuân Hòa, Chủ tịch HĐND tỉnh, báo cáo.",  # Ð for Đ, as in seed 000
        "Đồng chí\u00a0Bùi Xuân Hoà ,  Chủ tịch HĐND tỉnh , báo cáo.",  # "Hoà", odd spaces
    ],
)
def test_input_forms(raw):
    found = find_people([raw])
    assert found[["name", "roles"]].values.tolist() == [["Bùi Xuân Hòa", ("Chủ tịch HĐND tỉnh",)]]
    text = normalize_text(raw)
    assert text[found.loc[0, "start"] : found.loc[0, "end"]] == "Bùi Xuân Hòa"


def test_empty():
    found = find_people([])
    assert found.empty
    assert list(found.columns) == [
        "doc_id", "start", "end", "name", "honorific", "roles", "evidence",
    ]  # fmt: skip
    assert people_table(found).empty
    assert co_mentions(found).empty


def test_duplicate_ids_are_refused():
    with pytest.raises(DuplicateIdError):
        find_people([("a", "x"), ("a", "y")], use_ner=False)


# --------------------------------------------------------------------------- the seeds


# The officials named in the seeds, with their titles, read off the articles by hand.
SEED_OFFICIALS = {
    "Phạm Minh Chính": {"Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng",
                        "Trưởng Ban Tổ chức Trung ương"},
    "Mai Văn Chính": {"Ủy viên Trung ương Đảng", "Phó Trưởng Ban Tổ chức Trung ương",
                      "Phó Trưởng ban Thường trực Ban Tổ chức Trung ương"},
    "Trần Quốc Tỏ": {"Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an",
                     "nguyên Bí thư Tỉnh ủy Thái Nguyên"},
    "Nguyễn Thanh Hải": {"Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"},
    "Bùi Xuân Hòa": {"Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"},
    "Trương Thị Mai": {"Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng",
                       "Trưởng Ban Tổ chức Trung ương"},
    "Ngô Thanh Danh": {"Bí thư Tỉnh ủy", "Trưởng đoàn Đại biểu Quốc hội tỉnh"},
    "Nguyễn Đức Nguyên": {"Ủy viên BTV", "Trưởng Ban Tổ chức Tỉnh ủy"},
    "Nguyễn Thanh Bình": {"Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương"},
}  # fmt: skip


def test_seed_people_table_lists_the_officials_with_their_roles(seed_people):
    table = people_table(seed_people).set_index("name")
    assert set(table.index) == set(SEED_OFFICIALS)
    for name, roles in SEED_OFFICIALS.items():
        assert set(table.loc[name, "roles"]) == roles, name


def test_seed_people_are_no_places_or_organizations(seed_people):
    names = set(seed_people["name"])
    assert not names & set(PLACES)
    assert not any(name.split()[0] in {"Ban", "Bộ", "Tỉnh", "Ủy", "Hội"} for name in names)


def test_seed_mentions(seed_docs, seed_people):
    texts = {doc.doc_id: normalize_text(doc.text) for doc in seed_docs}
    for row in seed_people.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.name
    # Every written occurrence of each official's name is a mention.
    for name in SEED_OFFICIALS:
        written = sum(text.count(name) for text in texts.values())
        assert (seed_people["name"] == name).sum() == written, name


def test_patterns_alone_find_the_same_people_in_the_seeds(seed_docs, seed_people):
    without = find_people(seed_docs, use_ner=False)
    assert without.drop(columns="evidence").equals(seed_people.drop(columns="evidence"))


def test_seed_co_mentions(seed_people, seed_docs_by_number):
    edges = co_mentions(seed_people).set_index(["source", "target"])
    assert edges.loc[("Mai Văn Chính", "Trương Thị Mai"), "articles"] == (
        seed_docs_by_number["002"].doc_id,
    )
    assert edges.loc[("Mai Văn Chính", "Phạm Minh Chính"), "weight"] == 1
    assert ("Nguyễn Thanh Bình", "Trương Thị Mai") not in edges.index  # never together
