"""Figure text in one language only (issue 13 §3): every figure drawn in Vietnamese
and in English shows no fixed word of the other language's table."""

from __future__ import annotations

import re

import pytest

from corpus_tools.plots.labels import COLUMNS, TEXT, VALUES

from .report_figures import FIGURE_NAMES, report_figures, seed_tables, visible_texts


def _words(lang: str) -> set[str]:
    """The literal pieces of every entry in ``lang``: "{n} bài dài nhất" gives "bài dài nhất"."""
    entries = [e[lang] for e in TEXT.values()] + [e[lang] for e in COLUMNS.values()]
    entries += [e[lang] for values in VALUES.values() for e in values.values()]
    pieces = {p.strip(" ,·:") for e in entries for p in re.split(r"\{[^}]*\}", e)}
    return {p for p in pieces if len(p) >= 3}


FOREIGN = {"vi": _words("en") - _words("vi"), "en": _words("vi") - _words("en")}


@pytest.fixture(scope="session")
def tables(seed_docs):
    return seed_tables(seed_docs)


def test_each_language_has_words_the_other_lacks():
    assert {"no data to plot", "rank", "articles in common"} <= FOREIGN["vi"]
    assert {"không có dữ liệu để vẽ", "thứ hạng", "số bài chung"} <= FOREIGN["en"]


CASES = [(name, lang) for name in FIGURE_NAMES for lang in ("vi", "en")]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "lang"), CASES)
def test_a_figure_shows_no_word_of_the_other_language(tables, name, lang):
    # the data stay Vietnamese in both: a corpus word ("văn bản") is not a fixed word
    corpus_words = set(tables["frequencies"]["term"]) | set(tables["topic_terms"]["term"])
    if name == "02_kwic":  # its lines are the original text, stopwords kept ("trong")
        kwic = tables["concordance"]
        corpus_words |= {w for column in ("left", "keyword", "right") for line in kwic[column]
                         for w in line.split()}  # fmt: skip
    fig = report_figures(tables, lang)[name]()
    shown = [t.get_text() for t in visible_texts(fig)]
    foreign = sorted(
        {word for text in shown for word in FOREIGN[lang] - corpus_words if re.search(
            rf"(?<!\w){re.escape(word)}(?!\w)", text)}
    )  # fmt: skip
    assert foreign == [], f"{name} in {lang} shows {foreign}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_empty_data_says_so_in_the_language(lang):
    import pandas as pd

    from corpus_tools import plots

    message = TEXT["no_data"][lang]
    for fig in (
        plots.plot_term_bars(pd.DataFrame(columns=["term", "count"]), lang=lang),
        plots.plot_heatmap(pd.DataFrame(), lang=lang),
        plots.plot_wordclouds({}, lang=lang),
    ):
        assert fig.axes[0].texts[0].get_text() == message
    network = plots.plot_network(pd.DataFrame(columns=["source", "target", "weight"]), lang=lang)
    assert network.axes[0].texts[0].get_text() == TEXT["no_pairs"][lang]
