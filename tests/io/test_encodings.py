"""Legacy Vietnamese encodings (TCVN3, VNI) and telling Vietnamese text from mojibake."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from corpus_tools import CorpusError
from corpus_tools.io.encodings import (
    TCVN3_HIGH_BYTES,
    guess_encoding,
    lookup_codec,
    syllable_counts,
)

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
VOWELS = "aăâeêioôơuưy"
LETTERS = "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES) + "đ"
"""Every small Vietnamese vowel with every tone mark (72 letters), and đ."""

# The VNI chart as VNI Software's fonts draw it, typed from the chart (bytes shown as
# cp1252): each vowel without a tone, then with sắc, huyền, hỏi, ngã and nặng.
VNI_CHART = {
    "a": "a aù aø aû aõ aï",
    "ă": "aê aé aè aú aü aë",
    "â": "aâ aá aà aå aã aä",
    "e": "e eù eø eû eõ eï",
    "ê": "eâ eá eà eå eã eä",
    "i": "i í ì æ ó ò",
    "o": "o où oø oû oõ oï",
    "ô": "oâ oá oà oå oã oä",
    "ơ": "ô ôù ôø ôû ôõ ôï",
    "u": "u uù uø uû uõ uï",
    "ư": "ö öù öø öû öõ öï",
    "y": "y yù yø yû yõ î",
}


def vni(text: str) -> bytes:
    """Encode ``text`` in VNI from the chart above (independently of the decoder's tables)."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        lower = char.lower()
        decomposed = unicodedata.normalize("NFD", lower)
        tone = next((c for c in decomposed if c in TONES[1:]), "")
        bare = unicodedata.normalize("NFC", decomposed.replace(tone, "")) if tone else lower
        if lower == "đ":
            form = "ñ"
        elif bare in VNI_CHART:
            form = VNI_CHART[bare].split()[TONES.index(tone)]
        else:
            form = lower
        out.append(form.upper() if char != lower else form)
    return "".join(out).encode("cp1252")


def decode(data: bytes, encoding: str) -> str:
    return unicodedata.normalize("NFC", lookup_codec(encoding).decode(data)[0])


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Hà Nội", "Haø Noäi"),
        ("Việt Nam", "Vieät Nam"),
        ("Đảng", "Ñaûng"),
        ("người", "ngöôøi"),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", "ÑAÛNG COÄNG SAÛN VIEÄT NAM"),
    ],
)
def test_vni_known_words(text, shown):
    assert vni(text) == shown.encode("cp1252")
    assert decode(shown.encode("cp1252"), "vni") == text


@pytest.mark.parametrize("case", [str.lower, str.upper])
def test_vni_every_tone_on_every_vowel(case):
    text = case(LETTERS)
    assert decode(vni(text), "vni") == text


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("Hà Nội", b"H\xb5 N\xe9i"),
        ("Việt Nam", b"Vi\xd6t Nam"),
        ("Đảng", b"\xa7\xb6ng"),
        ("ĂÂÊÔƠƯĐ", b"\xa1\xa2\xa3\xa4\xa5\xa6\xa7"),
    ],
)
def test_tcvn3_known_words(text, data):
    assert decode(data, "tcvn3") == text


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs glibc's iconv")
def test_tcvn3_every_tone_on_every_vowel_matches_glibc():
    """glibc's TCVN5712-1 charmap is an independent reading of the same standard."""
    text = LETTERS + " ĂÂÊÔƠƯĐ"
    done = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode(), capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    assert all(byte < 0x80 or byte >= 0xA0 for byte in done.stdout)  # the VN3 range
    assert decode(done.stdout, "tcvn3") == text


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs glibc's iconv")
def test_tcvn3_high_bytes_match_glibc():
    done = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"],
        input=bytes(range(0xA0, 0x100)),
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    assert done.stdout.decode() == TCVN3_HIGH_BYTES


def test_tcvn3_keeps_windows_punctuation():
    assert decode(b"\x93H\xb5 N\xe9i\x94 \x85", "tcvn3") == "“Hà Nội” …"


@pytest.mark.parametrize("name", ["TCVN3", "abc", "tcvn", "VNI", "vni_win", "VNI-Windows"])
def test_aliases(name):
    assert lookup_codec(name).name in ("tcvn3", "vni")


@pytest.mark.parametrize("name", ["vni-dos", "viscii2", "base64"])
def test_unknown_encoding_names_the_fix(name):
    with pytest.raises(CorpusError, match=r"not a text encoding.*'tcvn3'.*'vni'"):
        lookup_codec(name)


def test_encoding_of_the_wrong_type():
    with pytest.raises(TypeError, match="encoding is int"):
        lookup_codec(1258)  # type: ignore[arg-type]


SENTENCE = "Đảng bộ tỉnh Hà Nội họp bàn về công tác cán bộ và xây dựng Đảng năm nay."


def _cp1258(text: str) -> bytes:
    """cp1258 has â, ơ, đ… as letters but tone marks only as combining characters."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + "".join(c for c in parts if c in TONES))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (_cp1258(SENTENCE), "cp1258"),
        (vni(SENTENCE), "vni"),
        (SENTENCE.encode("utf-16-le"), "utf-16-le"),
        (SENTENCE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_guess_encoding(data, expected):
    assert guess_encoding(data) == expected


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs glibc's iconv")
def test_guess_tcvn3():
    done = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=SENTENCE.encode(), capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    assert guess_encoding(done.stdout) == "tcvn3"


def test_guess_nothing_for_other_languages():
    assert guess_encoding("Les élèves français étudient à l'école.".encode("cp1252")) is None
    assert guess_encoding(b"plain ASCII text") is None


def test_syllable_counts_skip_ascii_words():
    assert syllable_counts("COVID-19 Open Hà Nội") == (2, 2, [])
