"""The fixed words figures draw, in Vietnamese and English: one table, one lookup.

Every word a ``plot_*`` function writes by itself (axis names, legends, "no data"
messages, the names of removal reasons and of counted columns) comes from
:data:`TEXT` through :func:`text`, so a figure set in one language never shows a word
of the other. Data (terms, titles, names) is drawn as it is.

Values a table holds in English because they are identifiers (a removal ``reason``
such as ``"byline"``, a ``level`` such as ``"syllable"``, a column such as
``"per_10k"``) are shown through :func:`translate_value` and :func:`column_label`.

Examples
--------
>>> text("no_data", "vi"), text("no_data", "en")
('không có dữ liệu để vẽ', 'no data to plot')
>>> text("fitted_line", "en", slope="-1.02")
'fitted line, slope -1.02'
>>> translate_value("byline", "reason", "vi"), translate_value("Hà_Nội", "reason", "vi")
('tên tác giả', 'Hà_Nội')
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from ..errors import FigureError
from ..groups import ARTICLE_LABEL
from ..io.removed import MISSING_GROUP, REASON_LABELS
from ..validation import check_choice
from ..wording import WORDS
from ..wording import format_count as format_number

__all__ = [
    "COLUMNS",
    "LANGS",
    "TEXT",
    "VALUES",
    "Lang",
    "check_lang",
    "column_label",
    "format_count",
    "group_name",
    "text",
    "translate_value",
]

Lang: TypeAlias = Literal["vi", "en"]
"""The language of a figure's fixed text."""

LANGS: tuple[str, ...] = ("vi", "en")
"""The languages :data:`TEXT` holds, the default first."""

TEXT: dict[str, dict[str, str]] = {
    # messages drawn instead of a plot
    "no_data": {"vi": "không có dữ liệu để vẽ", "en": "no data to plot"},
    "no_pairs": {"vi": "không có cặp nào cùng xuất hiện", "en": "no pair is mentioned together"},
    # rank and frequency
    "words": {"vi": "từ", "en": "words"},
    "fitted_line": {"vi": "đường khớp, độ dốc {slope}", "en": "fitted line, slope {slope}"},
    "rank": {"vi": "thứ hạng", "en": "rank"},
    "frequency": {"vi": "tần số", "en": "frequency"},
    "zipf_fitted_words": {"vi": "từ trong vùng khớp", "en": "words in the fit"},
    "zipf_unfitted_words": {
        "vi": "từ có tần số < {floor} (không khớp)",
        "en": "words with frequency < {floor} (not fitted)",
    },
    "zipf_line": {
        "vi": "đường khớp trên hạng 1–{n} (tần số ≥ {floor}): độ dốc {slope}\n"
        "(bình phương nhỏ nhất trên log, trọng số 1/hạng)",
        "en": "line fitted over ranks 1–{n} (frequency ≥ {floor}): slope {slope}\n"
        "(least squares on logs, weight 1/rank)",
    },
    # choosing the number of topics
    "coherence": {"vi": "độ mạch lạc (NPMI)", "en": "coherence (NPMI)"},
    "stability": {"vi": "độ ổn định", "en": "stability"},
    "n_topics": {"vi": "số chủ đề k", "en": "number of topics k"},
    "chosen_k": {"vi": "k được chọn", "en": "chosen k"},
    "coherence_sd": {"vi": "trung bình ± độ lệch chuẩn", "en": "mean ± standard deviation"},
    # the co-mention network
    "shared_articles": {"vi": "số bài chung", "en": "articles in common"},
    "node_links": {"vi": "tổng số bài chung", "en": "total articles in common"},
    "top_nodes": {
        "vi": "{shown} trong {total} tên có nhiều liên kết nhất",
        "en": "the {shown} of {total} names with most links",
    },
    # heatmaps
    "diagonal_blank": {"vi": "đường chéo để trống", "en": "diagonal left blank"},
    # an article without a title: corpus_tools.groups names it
    "article": ARTICLE_LABEL,
    # a selection of documents (plots.selection)
    "select_all": {"vi": "{total} bài", "en": "{total} articles"},
    "select_first": {
        "vi": "{n} bài đầu tiên trong {total} bài",
        "en": "the first {n} of {total} articles",
    },
    "select_longest": WORDS["select_longest"],
    "select_shortest": {
        "vi": "{n} bài ngắn nhất trong {total} bài",
        "en": "the {n} shortest of {total} articles",
    },
    "select_latest": {
        "vi": "{n} bài mới nhất trong {total} bài",
        "en": "the {n} latest of {total} articles",
    },
    "select_earliest": {
        "vi": "{n} bài cũ nhất trong {total} bài",
        "en": "the {n} earliest of {total} articles",
    },
    # distributions
    "median": {"vi": "trung vị", "en": "median"},
    # terms over time (plots.trends)
    "no_dated": {"vi": "không có bài nào có ngày", "en": "no article has a date"},
    "interval_poisson": {
        "vi": "khoảng tin cậy 95% (Poisson chính xác)",
        "en": "95% interval (exact Poisson)",
    },
    "undated_not_drawn": {
        "vi": "{n} bài không có ngày không được vẽ",
        "en": "{n} articles without a date not drawn",
    },
    # key words in context (plots.concordance) and dispersion (plots.dispersion)
    "no_term_found": {"vi": "không tìm thấy từ nào", "en": "none of the terms was found"},
    "no_positions": {"vi": "không có từ nào được tìm thấy", "en": "no term occurs"},
    "kwic_header": {
        "vi": "{term} — {hits} lần trong {documents} bài",
        "en": "{term} — occurrences: {hits}, articles: {documents}",
    },
    "start_of_article": {"vi": "đầu bài", "en": "start"},
    "middle_of_article": {"vi": "giữa", "en": "middle"},
    "end_of_article": {"vi": "cuối bài", "en": "end"},
    "relative_position": {
        "vi": "vị trí tương đối trong bài",
        "en": "relative position in the article",
    },
    "xray_some": {
        "vi": "{n} bài có nhiều lần xuất hiện nhất trong {total} bài",
        "en": "the {n} of {total} articles with the most occurrences",
    },
    "xray_all": {
        "vi": "cả {total} bài, xếp theo số lần xuất hiện",
        "en": "all {total} articles, by number of occurrences",
    },
    "spread_even": {"vi": "rải đều (DP < 0.3)", "en": "even (DP < 0.3)"},
    "spread_medium": {"vi": "vừa (0.3–0.6)", "en": "medium (0.3–0.6)"},
    "spread_concentrated": {"vi": "tập trung (DP ≥ 0.6)", "en": "concentrated (DP ≥ 0.6)"},
    "spread_legend": {"vi": "độ phân tán (Gries DP)", "en": "dispersion (Gries DP)"},
    "dp_articles": {"vi": " DP {dp} · {n} bài", "en": " DP {dp} · {n} articles"},
    # lexical diversity (plots.diversity)
    "mattr": {"vi": "MATTR (cửa sổ {window} từ)", "en": "MATTR (window of {window} words)"},
    "mtld": {"vi": "MTLD (ngưỡng TTR 0.72)", "en": "MTLD (TTR threshold 0.72)"},
    "none_long_enough": {
        "vi": "không bài nào đủ dài để đo",
        "en": "no article is long enough to measure",
    },
    "other_groups": {"vi": "nhóm khác", "en": "other groups"},
    "article_length": {"vi": "độ dài bài (từ)", "en": "article length (words)"},
    "shorter_not_drawn": {
        "vi": "{n} bài ngắn hơn {window} từ không được vẽ",
        "en": "{n} articles shorter than {window} words not drawn",
    },
    # keyness (plots.keyness)
    "over_ties": {
        "vi": "+{n} từ cùng G² với từ cuối (xếp theo chữ cái)",
        "en": "+{n} words tie the last one's G² (alphabetical order)",
    },
    "under_ties": {
        "vi": "+{n} từ dùng ít cùng G² với từ cuối",
        "en": "+{n} under-used words tie the last one's G²",
    },
    "over_used": {"vi": "dùng nhiều hơn", "en": "over-used"},
    "under_used": {"vi": "dùng ít hơn", "en": "under-used"},
    "log_ratio_note": {
        "vi": "(số) = log₂ tỉ lệ tần suất",
        "en": "(number) = log₂ ratio of frequencies",
    },
    # collocations (plots.links)
    "no_collocates": {
        "vi": "không có từ đi kèm nào đủ mạnh",
        "en": "no collocate is strong enough",
    },
    "chosen_term": {"vi": "từ được chọn", "en": "chosen term"},
    "collocates": {
        "vi": "từ đi kèm ({n} mạnh nhất mỗi từ)",
        "en": "collocates (the {n} strongest per term)",
    },
    "line_g2": {"vi": "nét: G² {low}–{high}", "en": "line: G² {low}–{high}"},
    # topic prevalence, topic trends, topic match (plots.topics)
    "largest_groups": {
        "vi": " ({n} nhóm nhiều bài nhất trong {total})",
        "en": " (the {n} largest of {total} groups)",
    },
    "mean_share_cells": {
        "vi": "tỷ trọng trung bình (số trong ô: %)",
        "en": "mean share (numbers in cells: %)",
    },
    "largest_topics": {
        "vi": " ({n} chủ đề lớn nhất trong {total})",
        "en": " (the {n} largest of {total} topics)",
    },
    "articles_per_period": {
        "vi": "số bài mỗi kỳ ({total} bài)",
        "en": "articles per period ({total} articles)",
    },
    "articles_per_period_undated": {
        "vi": "số bài mỗi kỳ ({total} bài; {undated} bài không có ngày, không vẽ)",
        "en": "articles per period ({total} articles; {undated} without a date, not drawn)",
    },
    "small_periods": {
        "vi": "○ kỳ có dưới {n} bài: trung bình kém chắc",
        "en": "○ periods with fewer than {n} articles: the mean is shaky",
    },
    "mean_topic_share": {"vi": "tỷ trọng trung bình của chủ đề", "en": "mean share of the topic"},
    "no_topic_pairs": {"vi": "không có cặp chủ đề nào", "en": "no pair of topics"},
    "most_similar_pairs": {
        "vi": " ({n} cặp giống nhau nhất trong {total})",
        "en": " (the {n} most similar of {total} pairs)",
    },
    "shared_words": {"vi": "{shared}/{n} từ chung", "en": "{shared}/{n} words shared"},
    "topic_similarity": {
        "vi": "độ tương đồng cosin của hai phân bố từ",
        "en": "cosine similarity of the two word distributions",
    },
    "model_topics": {"vi": "chủ đề {name}", "en": "{name} topics"},
    # groups
    "missing_group": MISSING_GROUP,
    "all_documents": {"vi": "tất cả", "en": "all articles"},
}
"""Key → language → the words a figure draws; ``{name}`` fields are filled by :func:`text`."""

COLUMNS: dict[str, dict[str, str]] = {
    "count": {"vi": "số lần", "en": "count"},
    "per_10k": {"vi": "số lần trên 10.000 từ", "en": "per 10,000 words"},
    "doc_freq": {"vi": "số bài có từ", "en": "documents containing"},
    "score": {"vi": "TF-IDF", "en": "TF-IDF"},
    "tfidf": {"vi": "TF-IDF", "en": "TF-IDF"},
    "g2": {"vi": "G²", "en": "G²"},
    "log_ratio": {"vi": "tỷ số log", "en": "log ratio"},
    "weight": {"vi": "trọng số", "en": "weight"},
    "mentions": {"vi": "số lần được nhắc", "en": "mentions"},
    "articles": {"vi": "số bài", "en": "articles"},
    "syllables": {"vi": "âm tiết", "en": "syllables"},
    "words": {"vi": "từ", "en": "words"},
    "distinct_words": {"vi": "từ khác nhau", "en": "distinct words"},
    "paragraphs": {"vi": "đoạn", "en": "paragraphs"},
    "lines_removed": {"vi": "dòng bị loại", "en": "lines removed"},
}
"""Column → language → its name on an axis or in a legend."""

VALUES: dict[str, dict[str, dict[str, str]]] = {
    "reason": REASON_LABELS,
    "level": {
        "word": {"vi": "từ", "en": "word"},
        "syllable": {"vi": "âm tiết", "en": "syllable"},
        "document": {"vi": "văn bản", "en": "document"},
        "paragraph": {"vi": "đoạn", "en": "paragraph"},
        "sentence": {"vi": "câu", "en": "sentence"},
    },
    "period": {
        "year": {"vi": "năm", "en": "year"},
        "quarter": {"vi": "quý", "en": "quarter"},
        "month": {"vi": "tháng", "en": "month"},
        "week": {"vi": "tuần", "en": "week"},
        "day": {"vi": "ngày", "en": "day"},
    },
}
"""Field → value → language → how the value is shown: the identifiers tables hold in
English (a removal ``reason``, a ``level``, a ``period`` of ``"date:<period>"``). The
removal reasons are :data:`corpus_tools.io.REASON_LABELS`, their one source."""


def check_lang(lang: str) -> str:
    """Return ``lang`` if :data:`TEXT` holds it, else raise :class:`FigureError`.

    Examples
    --------
    >>> check_lang("en")
    'en'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.FigureError: lang must be 'vi' or 'en', not 'fr'
    """
    return check_choice(lang, "lang", LANGS, error=FigureError)


def text(key: str, lang: str = "vi", **fields: object) -> str:
    """Return the words ``key`` stands for in ``lang``, with ``{name}`` fields filled.

    Examples
    --------
    >>> text("article", "vi", number="003")
    'bài 003'
    """
    return TEXT[key][check_lang(lang)].format(**fields)


def column_label(column: object, lang: str = "vi") -> str:
    """Return how a column is named on an axis: from :data:`COLUMNS`, else as it is.

    Examples
    --------
    >>> column_label("per_10k", "vi"), column_label("số lần", "en")
    ('số lần trên 10.000 từ', 'số lần')
    """
    entry = COLUMNS.get(str(column))
    return entry[check_lang(lang)] if entry else str(column)


def group_name(group: object, lang: str = "vi") -> str:
    """Return a group's label: the group of documents without a value
    (:data:`~corpus_tools.io.removed.MISSING_GROUP`) in ``lang``, any other as it is.

    Examples
    --------
    >>> group_name("(không có)", "en"), group_name("(không có)"), group_name("sport", "en")
    ('(none)', '(không có)', 'sport')
    """
    if group == MISSING_GROUP["vi"]:  # the group's name in the data
        return text("missing_group", lang)
    return str(group)


def translate_value(value: object, field: object, lang: str = "vi") -> str:
    """Return how ``value`` of ``field`` is shown: from :data:`VALUES`, else as it is.

    Only the fields :data:`VALUES` lists (``"reason"``, ``"level"``) are translated, so
    a corpus word that happens to be spelt like an identifier is never changed.

    Examples
    --------
    >>> translate_value("syllable", "level", "vi"), translate_value("syllable", "term", "vi")
    ('âm tiết', 'syllable')
    """
    entry = VALUES.get(str(field), {}).get(str(value))
    return entry[check_lang(lang)] if entry else str(value)


def format_count(number: int, lang: str = "vi") -> str:
    """Return a whole number with the thousands separator of ``lang``.

    Examples
    --------
    >>> format_count(2653, "vi"), format_count(2653, "en"), format_count(12, "vi")
    ('2.653', '2,653', '12')
    """
    return format_number(number, check_lang(lang))
