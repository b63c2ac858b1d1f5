"""The words notebooks write on figures: both languages for every key, with the same
fields, and no Vietnamese-only letter in English."""

from __future__ import annotations

import string

import pytest

from corpus_tools import plots
from corpus_tools.errors import FigureError
from corpus_tools.plots.captions import FIGURES, figure_text, period_name
from corpus_tools.plots.labels import LANGS

VIETNAMESE_ONLY = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def fields(words: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(words) if name)


@pytest.mark.parametrize(("key", "entry"), FIGURES.items(), ids=list(FIGURES))
def test_every_key_has_both_languages_with_the_same_placeholders(key, entry):
    assert set(entry) == set(LANGS), key
    assert entry["vi"].strip() and entry["en"].strip()
    assert set(fields(entry["vi"])) == set(fields(entry["en"])), key
    assert not set(entry["en"].lower()) & VIETNAMESE_ONLY, f"{key}: Vietnamese in English"


def test_figure_text_fills_fields_with_the_language_s_thousands():
    assert figure_text("cluster_sizes_title", "vi", documents=2653) == (
        "Số bài trong mỗi cụm (2.653 bài)"
    )
    assert figure_text("cluster_sizes_title", "en", documents=2653) == (
        "Articles in each cluster (2,653 articles)"
    )
    assert figure_text("keyness_pair_title", "en", first="2019", second="2020") == (
        "2019 against 2020"
    )
    assert figure_text("none", "en") == "(none)" and figure_text("none") == "(không có)"


def test_figure_text_refuses_an_unknown_language_or_key():
    with pytest.raises(FigureError, match="lang must be 'vi' or 'en'"):
        figure_text("none", "fr")
    with pytest.raises(KeyError):
        figure_text("no such key", "vi")


def test_period_name():
    assert period_name("date:month", "vi") == "tháng"
    assert period_name("date:week", "en") == "week"
    assert period_name("category", "vi") == "category"
    with pytest.raises(FigureError):
        period_name("date:year", "fr")


def test_exported_from_plots():
    assert plots.figure_text is figure_text and plots.FIGURES is FIGURES
