"""The names that are never people: well-formed tables, and a look at what they stop."""

from __future__ import annotations

import pytest

from corpus_tools import normalize_text
from corpus_tools.extract import (
    CLUBS,
    COUNTRIES,
    INTERNATIONAL_ORGANIZATIONS,
    LEAGUES,
    NOT_PEOPLE,
    SURNAMES,
    find_people,
)

TABLES = {
    "COUNTRIES": COUNTRIES,
    "LEAGUES": LEAGUES,
    "CLUBS": CLUBS,
    "INTERNATIONAL_ORGANIZATIONS": INTERNATIONAL_ORGANIZATIONS,
}


@pytest.mark.parametrize("name", TABLES)
def test_tables_are_normalised_and_without_repeats(name):
    table = TABLES[name]
    assert table, name
    assert all(entry == normalize_text(entry) and entry.strip() == entry for entry in table)
    assert len(set(table)) == len(table)


def test_not_people_gathers_every_table():
    assert NOT_PEOPLE == COUNTRIES + LEAGUES + CLUBS + INTERNATIONAL_ORGANIZATIONS
    for name in ("Thái Lan", "Hàn Quốc", "Nhật Bản", "La Liga", "Real Madrid", "Liên Hợp Quốc"):
        assert name in NOT_PEOPLE


@pytest.mark.parametrize(
    "name", [n for n in NOT_PEOPLE if n.split()[0] in SURNAMES and len(n.split()) > 1]
)
def test_name_shaped_entries_are_never_people(name):
    """The entries that look like a full name, after an honorific and a title."""
    text = f"Đồng chí {name} phát biểu. Chủ tịch {name} cho biết."
    assert find_people([text], progress=False).empty
