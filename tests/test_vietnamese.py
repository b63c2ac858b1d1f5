"""Vietnamese domain data: what counts as a well-formed syllable."""

from __future__ import annotations

import unicodedata

import pytest

from corpus_tools.vietnamese import is_syllable


@pytest.mark.parametrize(
    "word",
    [
        "a", "ở", "ạ", "gì", "gìn", "giữa", "già", "quả", "quốc", "quỳnh", "quyết",
        "khuỷu", "khuya", "ngoẹo", "ngoằn", "xoong", "thuở", "huơ", "người", "rượu",
        "hoàng", "hòa", "hoà", "thủy", "thuỷ", "Nguyễn", "Việt", "Đắk", "Lắk", "uyển",
        "yêu", "yếu", "oái", "khuâng", "huých", "ĐẢNG", "ðảng", "NGHIÊNG",
    ],
)  # fmt: skip
def test_real_syllables(word):
    assert is_syllable(word)
    assert is_syllable(unicodedata.normalize("NFD", word))


@pytest.mark.parametrize(
    "word",
    [
        "đãyêu",  # two syllables typed without a space
        "hoàyêu",
        "Haø",  # VNI read as cp1258
        "Noäi",
        "Néi",  # TCVN3 read as cp1258
        "ViÖt",
        "hoàt",  # a stop coda takes only sắc or nặng
        "viêc",  # and never no tone
        "hòá",  # two tone marks
        "tâmsự",
        "Open",
        "q",
        "",
    ],
)
def test_not_syllables(word):
    assert not is_syllable(word)
