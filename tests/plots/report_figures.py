"""Every figure kind as the notebooks draw it, and the checks a figure at report size
must pass (issue 13 §1): shared by test_geometry and test_language.

``seed_tables`` computes, from the seeds, the tables the notebooks plot;
``report_figures`` draws each figure kind from them in one language;
``generated_corpus`` makes 300 articles' worth of tokens, lengths and co-mentions for
the bounded (per-document) figures. ``figure_problems`` and ``file_problems`` list
what breaks the page's limits, from the drawn figure and from the saved files.
"""

from __future__ import annotations

import math
import random
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

import corpus_tools as ct
from corpus_tools import plots

PAGE_WIDTH, MAX_HEIGHT, MIN_FONT_SIZE = 6.3, 9.0, 7.5
TOLERANCE = 0.5  # pixels at 200 dpi: rounding of text extents


TERMS = ["chạy chức", "Bộ Chính trị", "cán bộ"]  # notebook 02's default terms


def seed_tables(docs) -> dict[str, object]:
    """The tables notebooks 01–05 plot, computed from the seeds."""
    words = list(ct.iter_tokens(docs, stopwords=ct.load_stopwords(), keep_numbers=False))
    tokens = ct.unify_case(words)
    unit_tokens = ct.unify_case(
        list(
            ct.iter_tokens(
                docs, unit="paragraph", stopwords=ct.load_stopwords(), keep_numbers=False
            )
        )
    )
    model = ct.fit_topics(unit_tokens, k=10, method="nmf", random_state=0)
    doc_ids = [doc.doc_id for doc in docs]
    mentions = ct.extract.find_references(docs)
    people_mentions = ct.extract.find_people(docs)
    people = ct.extract.people_table(people_mentions)
    frequencies = ct.term_frequencies(tokens)
    # notebooks 01–04's other figures: running words with punctuation, chosen terms
    running = list(ct.iter_tokens(docs, keep_punct=True))
    all_words = ct.unify_case(ct.features.filter_tokens(running, keep_numbers=False))
    ids = [doc.doc_id for doc in docs]
    lda = ct.fit_topics(unit_tokens, k=10, method="lda", random_state=0)
    halves = {doc_id: "A" if i % 2 == 0 else "B" for i, doc_id in enumerate(ids)}
    dates = {doc_id: f"202{i}" for i, doc_id in enumerate(ids)}
    return {
        "documents": ct.documents_table(docs),
        "overview": ct.document_table(docs, tokens),
        "removed_counts": ct.removed_line_counts(docs),
        "removed_counts_en": ct.removed_line_counts(docs, lang="en"),
        "frequencies": frequencies,
        "by_document": ct.term_frequencies(tokens, by_doc=True),
        "comparison": ct.syllables_and_words(tokens, n_top=15),
        "keywords": ct.top_tfidf_terms(tokens, n_top=10),
        "keyword_matrix": ct.tfidf_keyword_matrix(tokens, n_top=5),
        "key_terms": ct.keyness_by_document(tokens, n_top=10),
        "similarity": ct.document_similarity(tokens),
        "k_table": pd.DataFrame(
            {
                "k": range(2, 11),
                "coherence": [0.27, 0.22, 0.24, 0.27, 0.30, 0.31, 0.29, 0.31, 0.32],
                "coherence_sd": [0.07, 0.04, 0.01, 0.04, 0.06, 0.04, 0.03, 0.03, 0.03],
                "stability": [0.33, 0.32, 0.37, 0.32, 0.45, 0.47, 0.43, 0.46, 0.47],
                "recommended": [k == 10 for k in range(2, 11)],
            }
        ),
        "topic_terms": ct.topic_terms(model, n_top=10),
        "topic_names": ct.topic_labels(model),
        "document_topics": ct.document_topics(model),
        "cited": ct.extract.cited_documents(mentions),
        "citations": ct.count_matrix(
            mentions, rows="doc_id", columns="reference_id", row_order=doc_ids
        ),
        "people_by_article": ct.count_matrix(
            people_mentions, rows="name", columns="doc_id", row_order=people["name"]
        ).reindex(columns=doc_ids, fill_value=0),
        "edges": ct.extract.co_mentions(people_mentions),
        "overlap": ct.extract.overlap_matrix(docs, min_words=8),
        "ranks": ct.features.rank_frequency(ct.term_frequencies(all_words), min_count=3),
        "trends": ct.features.term_trends(running, TERMS, groups=list(dates.values())),
        "concordance": ct.features.concordance(running, TERMS, window=10),
        "positions": ct.features.term_positions(running, TERMS),
        "neighbours": ct.features.term_neighbours(tokens, TERMS, window=5, min_count=3, n_top=15),
        "keyness": ct.features.keyness_by_group(tokens, ids, targets=ids, n_top=5).rename(
            columns={"group": "doc_id"}
        ),
        "diversity": ct.features.lexical_diversity(running, window=100).assign(
            group=list(halves.values())
        ),
        "topic_match": ct.compare_topic_models(model, lda, n_top=10),
        "prevalence": ct.topic_prevalence(model, groups=halves),
        "topic_trends": ct.topic_prevalence(model, groups=dates),
    }


def report_figures(tables: dict, lang: str) -> dict[str, Callable[[], Figure]]:
    """Figure name → a function drawing it as its notebook does, in ``lang``: the
    caller's words (titles, subtitles, axis names) too, as a notebook set in ``lang``
    would pass them."""
    t = tables

    def say(vi: str, en: str) -> str:
        return vi if lang == "vi" else en

    names = ct.document_labels(t["documents"], lang=lang)
    topics = dict(enumerate(t["topic_names"]))
    subtitle = say("5 bài · từ, bỏ từ dừng", "5 articles · words, stopwords removed")
    five = say("5 bài", "5 articles")
    count = say("số lần", "count")
    per_document = {
        doc_id: dict(zip(part["token"], part["count"], strict=True))
        for doc_id, part in t["by_document"].groupby("doc_id", sort=False)
    }
    lengths = t["overview"].set_index("doc_id")[["syllables", "words"]]
    return {
        "01_document_lengths": lambda: plots.plot_grouped_bars(
            lengths, columns=["syllables", "words"], title=say("Độ dài văn bản", "Lengths"),
            subtitle=five, names=names, lang=lang,
        ),
        "01_removed_lines": lambda: plots.plot_heatmap(
            t["removed_counts" if lang == "vi" else "removed_counts_en"],
            title=say("Số dòng bị loại", "Lines removed"),
            value_label=say("số dòng", "lines"), fmt="{:.0f}", cmap="Blues", names=names,
            lang=lang,
        ),
        "02_top_words_count": lambda: plots.plot_term_bars(
            t["frequencies"], n_top=20, title=say("20 từ nhiều nhất", "Top 20 words"),
            subtitle=subtitle, lang=lang,
        ),
        "02_top_words_by_document": lambda: plots.plot_term_bars(
            t["by_document"], group="doc_id", n_top=10,
            title=say("10 từ nhiều nhất của mỗi bài", "Top 10 words per article"),
            subtitle=subtitle, names=names, lang=lang,
        ),
        "02_wordcloud_corpus": lambda: plots.plot_wordcloud(
            dict(zip(t["frequencies"]["token"], t["frequencies"]["count"], strict=True)),
            title=say("Mây từ", "Word cloud"), subtitle=subtitle, lang=lang,
        ),
        "02_wordcloud_by_document": lambda: plots.plot_wordclouds(
            per_document, title=say("Mây từ của từng bài", "Word clouds"), subtitle=subtitle,
            names=names, lang=lang,
        ),
        "02_rank_frequency": lambda: plots.plot_rank_frequency(
            t["frequencies"]["count"], title="Zipf", subtitle=subtitle, lang=lang
        ),
        "02_syllables_vs_words": lambda: plots.plot_term_bars(
            t["comparison"], group="level", n_top=15, title=say("Âm tiết và từ", "Units"),
            lang=lang,
        ),
        "03_tfidf_keywords": lambda: plots.plot_term_bars(
            t["keywords"], value="score", group="doc_id", n_top=10, title="TF-IDF",
            names=names, lang=lang,
        ),
        "03_tfidf_heatmap": lambda: plots.plot_heatmap(
            t["keyword_matrix"], title="TF-IDF", value_label="TF-IDF", names=names, lang=lang,
        ),
        "03_keyness": lambda: plots.plot_term_bars(
            t["key_terms"], value="g2", group="doc_id", n_top=10,
            title=say("Từ đặc trưng", "Keyness"), names=names, lang=lang,
        ),
        "03_document_similarity": lambda: plots.plot_heatmap(
            t["similarity"], title=say("Độ tương đồng", "Similarity"), value_label="cosine",
            cmap="magma", mask_diagonal=True, names=names, lang=lang,
        ),
        "04_choose_k": lambda: plots.plot_choose_k(
            t["k_table"], title=say("Chọn số chủ đề k", "Choosing k"),
            subtitle=say("đoạn văn", "paragraphs"), lang=lang,
        ),
        "04_nmf_topics": lambda: plots.plot_term_bars(
            t["topic_terms"], value="weight", group="topic", n_top=10, title="NMF",
            subtitle=say("đoạn văn", "paragraphs"), names=topics, lang=lang,
        ),
        "04_document_topics": lambda: plots.plot_heatmap(
            t["document_topics"], title="NMF", value_label=say("tỷ trọng", "share"),
            names={**names, **topics}, lang=lang,
        ),
        "05_cited_documents": lambda: plots.plot_term_bars(
            t["cited"], value="mentions", label="reference_id", n_top=15,
            title=say("Văn bản được trích dẫn", "Cited documents"), lang=lang,
        ),
        "05_articles_by_cited_document": lambda: plots.plot_heatmap(
            t["citations"].T, title=say("Văn bản được trích dẫn × bài", "Citations"),
            value_label=count, fmt="{:.0f}", cmap="Blues", names=names, lang=lang,
        ),
        "05_people_by_article": lambda: plots.plot_heatmap(
            t["people_by_article"], title=say("Người được nhắc tới", "People"),
            value_label=count, fmt="{:.0f}", cmap="Blues", names=names, lang=lang,
        ),
        "05_co_mentions": lambda: plots.plot_network(
            t["edges"], title=say("Mạng đồng xuất hiện", "Co-mentions"), subtitle=five,
            lang=lang,
        ),
        "05_passage_overlap": lambda: plots.plot_heatmap(
            t["overlap"], title=say("Tỷ lệ từ trùng", "Overlap"),
            value_label=say("tỷ lệ", "share"), cmap="Reds", mask_diagonal=True, names=names,
            lang=lang,
        ),
        "01_document_lengths_spread": lambda: plots.plot_distribution(
            t["overview"], columns=["syllables", "words"],
            labels=[say("âm tiết", "syllables"), say("từ", "words")],
            title=say("Độ dài văn bản", "Lengths"), xlabel=say("độ dài", "length"),
            ylabel=say("số bài", "articles"), median_label=say("trung vị", "median"),
            lang=lang,
        ),
        "02_top_words_per_10k": lambda: plots.plot_term_spread(
            t["frequencies"], n_top=20, title=say("20 từ nhiều nhất", "Top 20 words"),
            lang=lang,
        ),
        "02_zipf": lambda: plots.plot_zipf(t["ranks"], title="Zipf", lang=lang),
        "02_term_trends": lambda: plots.plot_trends(
            t["trends"], period="date:year", title=say("Xu hướng", "Trends"), lang=lang,
        ),
        "02_kwic": lambda: plots.plot_concordance(
            t["concordance"], n_top=5, title=say("Từ trong ngữ cảnh", "Key words in context"),
            lang=lang,
        ),
        "02_dispersion": lambda: plots.plot_xray(
            t["positions"], terms=TERMS, labels=names, n_documents=len(names),
            title=say("Vị trí các từ", "Where the words fall"), lang=lang,
        ),
        "02_collocations": lambda: plots.plot_links(
            t["neighbours"], n_top=8, title=say("Từ đi kèm", "Collocates"), lang=lang,
        ),
        "03_keyness_diverging": lambda: plots.plot_keyness(
            t["keyness"], group="doc_id", n_top=5, labels=names,
            title=say("Từ đặc trưng", "Keyness"), lang=lang,
        ),
        "03_lexical_diversity": lambda: plots.plot_lexical_diversity(
            t["diversity"], group="group",
            title=say("Độ đa dạng từ vựng", "Lexical diversity"), lang=lang,
        ),
        "04_topic_match": lambda: plots.plot_topic_match(
            t["topic_match"], n_top=10, title="NMF × LDA", lang=lang,
        ),
        "04_topic_prevalence": lambda: plots.plot_topic_prevalence(
            t["prevalence"], names=list(topics.values()), title="NMF", lang=lang,
        ),
        "04_topic_trends": lambda: plots.plot_topic_trends(
            t["topic_trends"], names=list(topics.values()), title="NMF", lang=lang,
        ),
    }  # fmt: skip


FIGURE_NAMES = [
    "01_document_lengths", "01_removed_lines", "02_top_words_count",
    "02_top_words_by_document", "02_wordcloud_corpus", "02_wordcloud_by_document",
    "02_rank_frequency", "02_syllables_vs_words", "03_tfidf_keywords", "03_tfidf_heatmap",
    "03_keyness", "03_document_similarity", "04_choose_k", "04_nmf_topics",
    "04_document_topics", "05_cited_documents", "05_articles_by_cited_document",
    "05_people_by_article", "05_co_mentions", "05_passage_overlap",
    "01_document_lengths_spread", "02_top_words_per_10k", "02_zipf", "02_term_trends",
    "02_kwic", "02_dispersion", "02_collocations", "03_keyness_diverging",
    "03_lexical_diversity", "04_topic_match", "04_topic_prevalence", "04_topic_trends",
]  # fmt: skip

SENTENCES = [
    "Bộ_Chính_trị yêu_cầu siết_chặt kỷ_luật trong công_tác cán_bộ",
    "kiên_quyết đấu_tranh ngăn_chặn tình_trạng chạy_chức chạy_quyền",
    "Ban_Tổ_chức_Trung_ương hướng_dẫn quy_hoạch cán_bộ nhiệm_kỳ mới",
    "cấp_ủy các cấp nêu_gương trong thực_hiện nhiệm_vụ chính_trị",
    "Hội_nghị Trung_ương bàn về xây_dựng Đảng và hệ_thống chính_trị",
    "đại_biểu Quốc_hội chất_vấn về hiệu_quả kiểm_soát quyền_lực",
    "tỉnh tổ_chức đại_hội đảng_bộ các cấp theo đúng quy_định",
    "tham_nhũng tiêu_cực bị xử_lý nghiêm theo pháp_luật",
]
PEOPLE = [
    f"{family} {middle} {given}"
    for family in ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng")
    for middle in ("Văn", "Thị", "Minh", "Đức")
    for given in ("An", "Bình", "Chính", "Dũng")
]


def generated_corpus(n_docs: int = 300, seed: int = 0) -> dict[str, object]:
    """``n_docs`` articles built from a handful of Vietnamese sentences: their tokens,
    a documents table (``doc_id``, ``title``, ``words``) and co-mention edges."""
    rng = random.Random(seed)
    tokens, rows, pairs = {}, [], {}
    for number in range(n_docs):
        doc_id = f"{number:04d}_{rng.getrandbits(64):016x}"
        words = [w for _ in range(rng.randint(3, 30)) for w in rng.choice(SENTENCES).split()]
        tokens[doc_id] = words
        title = " ".join(rng.choice(SENTENCES).replace("_", " ").split()[:8]).capitalize()
        rows.append({"doc_id": doc_id, "title": title, "words": len(words)})
        named = rng.sample(PEOPLE, rng.randint(2, 4))
        for i, a in enumerate(named):
            for b in named[i + 1 :]:
                key = tuple(sorted((a, b)))
                pairs[key] = pairs.get(key, 0) + 1
    edges = pd.DataFrame(
        [(a, b, w) for (a, b), w in sorted(pairs.items())], columns=["source", "target", "weight"]
    )
    return {"tokens": tokens, "documents": pd.DataFrame(rows), "edges": edges}


def _axis_texts(axis: Axis) -> list[Text]:
    """An axis's label and offset text, and the labels of the ticks in its view."""
    low, high = sorted(axis.get_view_interval())
    slack = 1e-9 * max(1.0, abs(high - low))
    texts = [axis.label, axis.offsetText]
    for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
        location = tick.get_loc()
        if tick.get_visible() and location is not None and low - slack <= location <= high + slack:
            texts += [tick.label1, tick.label2]
    return texts


def visible_texts(artist, found: list[Text] | None = None) -> list[Text]:
    """Every text drawn: visible, non-empty, not inside a hidden parent or an axis that
    is switched off, not the label of a tick outside the view."""
    found = [] if found is None else found
    for child in artist.get_children():
        if not child.get_visible():
            continue
        if isinstance(child, Axis):
            if child.axes.axison:
                found += [t for t in _axis_texts(child) if t.get_visible() and t.get_text()]
            continue
        if isinstance(child, Text) and child.get_text().strip():
            found.append(child)
        visible_texts(child, found)
    return found


def _boxes_overlap(a, b) -> bool:
    return (
        min(a.x1, b.x1) - max(a.x0, b.x0) > TOLERANCE
        and min(a.y1, b.y1) - max(a.y0, b.y0) > TOLERANCE
    )


def _slanted_overlap(first: Text, second: Text, renderer) -> bool:
    """Whether two labels set at the same slant (45°…) overlap as rotated rectangles.

    Their axis-aligned extents overlap even when the text does not; the rectangles
    are recovered from the extents, the angle and the height of a line.
    """
    angle = math.radians(first.get_rotation())
    cos, sin = abs(math.cos(angle)), abs(math.sin(angle))
    _, line, _ = renderer.get_text_width_height_descent("lp", first.get_fontproperties(), False)
    lines = first.get_text().count("\n") + 1
    spacing = first.get_linespacing()
    spacing = spacing if isinstance(spacing, (int, float)) else 1.2  # "normal"
    height = line * (1 + (lines - 1) * spacing)
    boxes = [t.get_window_extent(renderer) for t in (first, second)]
    widths = [
        (b.width - height * sin) / cos if cos >= sin else (b.height - height * cos) / sin
        for b in boxes
    ]
    dx = (boxes[0].x0 + boxes[0].x1 - boxes[1].x0 - boxes[1].x1) / 2
    dy = (boxes[0].y0 + boxes[0].y1 - boxes[1].y0 - boxes[1].y1) / 2
    along = abs(dx * math.cos(angle) + dy * math.sin(angle))
    across = abs(-dx * math.sin(angle) + dy * math.cos(angle))
    return across < height - TOLERANCE and along < sum(widths) / 2 - TOLERANCE


def _overlapping(labels: list[Text], renderer) -> list[tuple]:
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            slanted = a.get_rotation() % 90 != 0 and a.get_rotation() == b.get_rotation()
            if (
                _slanted_overlap(a, b, renderer)
                if slanted
                else _boxes_overlap(a.get_window_extent(renderer), b.get_window_extent(renderer))
            ):
                pairs.append((a.get_text(), b.get_text()))
    return pairs


def figure_problems(fig: Figure) -> list[str]:
    """What breaks the page's limits, drawn as ``save_figure`` draws the PNG (200 dpi)."""
    problems = []
    width, height = fig.get_size_inches()
    if width > PAGE_WIDTH + 1e-9 or height > MAX_HEIGHT + 1e-9:
        problems.append(f"size {width:.2f} × {height:.2f} in")
    fig.set_dpi(plots.DPI)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    page = fig.bbox
    texts = visible_texts(fig)
    for text in texts:
        label = repr(text.get_text()[:40])
        if text.get_fontsize() < MIN_FONT_SIZE:
            problems.append(f"{label} is set at {text.get_fontsize()} pt")
        box = text.get_window_extent(renderer)
        if (
            box.x0 < page.x0 - TOLERANCE
            or box.y0 < page.y0 - TOLERANCE
            or box.x1 > page.x1 + TOLERANCE
            or box.y1 > page.y1 + TOLERANCE
        ):
            problems.append(f"{label} leaves the figure: {box.bounds}")
    for ax in fig.axes:
        if not ax.get_visible() or not ax.axison:
            continue
        for axis in (ax.xaxis, ax.yaxis):
            labels = [t for t in axis.get_ticklabels() if t in texts]
            for a, b in _overlapping(labels, renderer):
                problems.append(f"tick labels overlap: {a!r} and {b!r}")
    return problems


_SVG_LENGTH = re.compile(r"([\d.]+)pt")
_SVG_FONT_SIZE = re.compile(r"font-size:\s*([\d.]+)px|font:[^;\"]*?([\d.]+)px")


def file_problems(paths: list[Path]) -> list[str]:
    """What breaks the page's limits, read from the saved PNG and SVG."""
    problems = []
    for path in paths:
        if path.suffix == ".png":
            with Image.open(path) as image:
                dpi = image.info["dpi"][0]
                width, height = image.size[0] / dpi, image.size[1] / dpi
        elif path.suffix == ".svg":
            svg = path.read_text(encoding="utf-8")
            root = ElementTree.fromstring(svg)
            width = float(_SVG_LENGTH.fullmatch(root.attrib["width"]).group(1)) / 72
            height = float(_SVG_LENGTH.fullmatch(root.attrib["height"]).group(1)) / 72
            sizes = [float(a or b) for a, b in _SVG_FONT_SIZE.findall(svg)]
            if not sizes:
                problems.append(f"{path.name} holds no text: its labels are outlines")
            small = [s for s in sizes if s < MIN_FONT_SIZE]
            if small:
                problems.append(f"{path.name} sets text at {min(small)} pt")
            if "DejaVu Sans" not in svg:
                problems.append(f"{path.name} does not name its font")
        else:
            continue
        if width > PAGE_WIDTH + 0.01 or height > MAX_HEIGHT + 0.01:
            problems.append(f"{path.name} is {width:.2f} × {height:.2f} in")
    return problems
