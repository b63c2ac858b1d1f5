"""The words notebooks write on their figures, in Vietnamese and English: one table.

Titles, subtitles, axis labels and captions (the text :func:`save_figure` stores with
a figure) that the notebooks choose themselves come from :data:`FIGURES` through
:func:`figure_text`, so ``corpus-tools run --lang en`` sets every figure in English.
The words a ``plot_*`` function draws by itself are in :mod:`~corpus_tools.plots.labels`.
Data (terms, titles, names) is shown as it is.

Examples
--------
>>> figure_text("top_words_title", "vi", n=20)
'20 từ xuất hiện nhiều nhất'
>>> figure_text("people_subtitle", "en", people=1200, documents=2653)
'1,200 people in 2,653 articles'
>>> period_name("date:month", "vi"), period_name("category", "en")
('tháng', 'category')
"""

from __future__ import annotations

from ..wording import WORDS
from .labels import check_lang, format_count, translate_value

__all__ = ["FIGURES", "figure_text", "period_name"]

FIGURES: dict[str, dict[str, str]] = {
    # shared words
    "none": WORDS["no_group"],  # the group of documents without a label
    "total": {"vi": "tổng", "en": "total"},
    "documents": {"vi": "số bài", "en": "articles"},
    "unit_article": {"vi": "bài", "en": "article"},
    "unit_group": {"vi": "nhóm", "en": "group"},
    "unit_group_by": {"vi": "nhóm ({by})", "en": "group ({by})"},
    "noun_articles": WORDS["noun_articles"],
    "noun_paragraphs": {"vi": "đoạn văn", "en": "paragraphs"},
    "noun_documents": WORDS["noun_documents"],
    "noun_people": WORDS["noun_people"],
    # 01 corpus overview
    "syllables": {"vi": "âm tiết", "en": "syllables"},
    "words": {"vi": "từ", "en": "words"},
    "count": {"vi": "số lượng", "en": "count"},
    "length": {"vi": "độ dài (âm tiết, từ)", "en": "length (syllables, words)"},
    "median": {"vi": "trung vị", "en": "median"},
    "lengths_title": {
        "vi": "Độ dài văn bản: số âm tiết và số từ",
        "en": "Document lengths: syllables and words",
    },
    "lengths_spread_title": {
        "vi": "Độ dài văn bản: phân bố trên {n} bài",
        "en": "Document lengths: spread over {n} documents",
    },
    "lengths_caption": {
        "vi": "Độ dài văn bản, tính theo âm tiết và theo từ (sau khi tách từ).",
        "en": "Length of each document in syllables and in words (after segmentation).",
    },
    "lines": {"vi": "số dòng", "en": "lines"},
    "removed_title": {"vi": "Số dòng bị loại theo lý do", "en": "Lines removed by reason"},
    "removed_groups_title": {
        "vi": "Số dòng bị loại theo lý do và {by} ({n} bài)",
        "en": "Lines removed by reason and {by} ({n} documents)",
    },
    "lines_all": {"vi": "số dòng, cộng trên {n} bài", "en": "lines, summed over {n} documents"},
    "removed_caption": {
        "vi": "Các dòng bị loại khi làm sạch (siêu dữ liệu, tiêu đề, dòng ngày, "
        "chú thích ảnh, tác giả, nguồn…), theo lý do.",
        "en": "Lines removed in cleaning (header lines, titles, datelines, "
        "photo captions, bylines, sources…), by reason.",
    },
    # 02 term frequency
    "top_words_title": {"vi": "{n} từ xuất hiện nhiều nhất", "en": "The {n} most frequent words"},
    "top_words_caption": {
        "vi": "{n} từ xuất hiện nhiều nhất trong toàn bộ văn bản (số lần).",
        "en": "The {n} most frequent words in the whole corpus (count).",
    },
    "group_per_10k_title": {
        "vi": "{n} từ nhiều nhất, trên 10.000 từ của mỗi nhóm\n{rule}",
        "en": "The {n} top words per 10,000 words of each group\n{rule}",
    },
    "per_10k": {"vi": "số lần trên 10.000 từ", "en": "per 10,000 words"},
    "spread_title": {
        "vi": "{n} từ nhiều nhất, trên 10.000 từ, và độ phân tán",
        "en": "The {n} top words per 10,000 words, and their dispersion",
    },
    "per_10k_caption": {
        "vi": "Từ nhiều nhất trên 10.000 từ: theo nhóm, hoặc với độ phân tán (Gries DP).",
        "en": "Top words per 10,000 words: per group, or with their dispersion (Gries DP).",
    },
    "unit_top_words_title": {"vi": "{n} từ nhiều nhất\n{rule}", "en": "The {n} top words\n{rule}"},
    "unit_top_words_caption": {
        "vi": "{n} từ xuất hiện nhiều nhất của mỗi {unit} ({rule}).",
        "en": "The {n} most frequent words of each {unit} ({rule}).",
    },
    "wordcloud_title": {"vi": "Mây từ của toàn bộ văn bản", "en": "Word cloud of the whole corpus"},
    "wordcloud_caption": {
        "vi": "Mây từ của toàn bộ văn bản, cỡ chữ theo số lần xuất hiện.",
        "en": "Word cloud of the whole corpus, word size by count.",
    },
    "wordclouds_title": {"vi": "Mây từ\n{rule}", "en": "Word clouds\n{rule}"},
    "wordclouds_caption": {
        "vi": "Mây từ của từng {unit} ({rule}).",
        "en": "Word cloud of each {unit} ({rule}).",
    },
    "zipf_title": {
        "vi": "Tần số theo thứ hạng (định luật Zipf), kể cả từ dừng",
        "en": "Frequency by rank (Zipf's law), stopwords included",
    },
    "zipf_caption": {
        "vi": "Tần số của từ theo thứ hạng, trục log-log, với đường khớp trên các hạng có "
        "tần số ≥ {min_count}.",
        "en": "Word frequency by rank, log-log axes, with the line fitted over the ranks of "
        "frequency ≥ {min_count}.",
    },
    "syllables_words_title": {
        "vi": "Đếm theo âm tiết và đếm theo từ",
        "en": "Counting syllables and counting words",
    },
    "syllables_words_caption": {
        "vi": "{n} âm tiết và {n} từ nhiều nhất: tách từ giữ nguyên các từ nhiều âm tiết.",
        "en": "The {n} top syllables and the {n} top words: segmentation keeps "
        "multi-syllable words whole.",
    },
    "trends_title": {
        "vi": "Tần suất các từ theo thời gian",
        "en": "Frequency of the terms over time",
    },
    "trends_caption": {
        "vi": "Số lần trên 10.000 từ của các từ được chọn theo từng kỳ, khoảng tin cậy "
        "Poisson 95%; dưới: số bài mỗi kỳ.",
        "en": "Occurrences per 10,000 words of the chosen terms per period, with exact "
        "Poisson 95% intervals; below: articles per period.",
    },
    "kwic_title": {"vi": "Các từ trong ngữ cảnh", "en": "The terms in context"},
    "kwic_caption": {
        "vi": "Từ trong ngữ cảnh: {n} dòng đầu của mỗi từ; bảng CSV có mọi lần xuất hiện.",
        "en": "Key words in context: the first {n} lines of each term; the CSV holds every "
        "occurrence.",
    },
    "xray_title": {
        "vi": "Vị trí của các từ trong bài",
        "en": "Where the terms fall in each article",
    },
    "xray_caption": {
        "vi": "Vị trí tương đối của mỗi lần xuất hiện trong bài (0 = đầu bài, 1 = cuối bài).",
        "en": "Relative position of each occurrence in its article (0 = start, 1 = end).",
    },
    "links_title": {
        "vi": "Từ đi kèm các từ được chọn (cửa sổ ±{window} từ)",
        "en": "Collocates of the chosen terms (window of ±{window} words)",
    },
    "links_caption": {
        "vi": "Từ đi kèm mạnh nhất của mỗi từ được chọn (G², cửa sổ ±{window} từ, ít nhất "
        "{min_count} lần).",
        "en": "The strongest collocates of each chosen term (G², window of ±{window} words, "
        "at least {min_count} times).",
    },
    # 03 keywords, keyness, similarity, dictionary, diversity
    "tfidf_title": {"vi": "Từ khóa TF-IDF\n{rule}", "en": "TF-IDF keywords\n{rule}"},
    "tfidf_caption": {
        "vi": "{n} từ khóa có TF-IDF cao nhất của từng {unit} ({rule}).",
        "en": "The {n} keywords of highest TF-IDF of each {unit} ({rule}).",
    },
    "tfidf_heatmap_title": {
        "vi": "TF-IDF của các từ khóa\n{rule}",
        "en": "TF-IDF of the keywords\n{rule}",
    },
    "tfidf_heatmap_caption": {
        "vi": "Văn bản × từ khóa: TF-IDF của {n} từ khóa hàng đầu ({rule}).",
        "en": "Documents × keywords: TF-IDF of the {n} top keywords ({rule}).",
    },
    "keyness_title": {
        "vi": "Từ dùng nhiều hơn và ít hơn phần còn lại\n{rule}",
        "en": "Words used more and less than in the rest\n{rule}",
    },
    "keyness_caption": {
        "vi": "Từ đặc trưng (G²) của từng bài hoặc nhóm so với phần còn lại, dùng nhiều hơn "
        "và ít hơn; trong ngoặc: tỷ số log.",
        "en": "Key words (G²) of each article or group against the rest, over- and "
        "under-used; in brackets: log ratio.",
    },
    "keyness_pair_title": {"vi": "{first} so với {second}", "en": "{first} against {second}"},
    "keyness_pair_caption": {
        "vi": "Từ nhóm {first} dùng nhiều hơn và ít hơn nhóm {second} (G², tỷ số log).",
        "en": "Words group {first} uses more and less than group {second} (G², log ratio).",
    },
    "similarity_title": {
        "vi": "Độ tương đồng (cosin, TF-IDF)\n{rule}",
        "en": "Similarity (cosine, TF-IDF)\n{rule}",
    },
    "cosine": {"vi": "cosin", "en": "cosine"},
    "similarity_caption": {
        "vi": "Độ tương đồng cosin trên vectơ TF-IDF ({rule}).",
        "en": "Cosine similarity of the TF-IDF vectors ({rule}).",
    },
    "dictionary_rule": {
        "vi": "{n} bài có nhiều lượt nhất trong {total} bài",
        "en": "the {n} of {total} articles with most matches",
    },
    "dictionary_title": {
        "vi": "Từ điển: số lượt trên 10.000 từ\n{rule}",
        "en": "Dictionary: matches per 10,000 words\n{rule}",
    },
    "matches_per_10k": {"vi": "số lượt trên 10.000 từ", "en": "matches per 10,000 words"},
    "dictionary_caption": {
        "vi": "Số lượt khớp các nhóm từ của từ điển, trên 10.000 từ; bảng CSV có mọi bài.",
        "en": "Matches of the dictionary's categories per 10,000 words; the CSV holds every "
        "article.",
    },
    "diversity_title": {
        "vi": "Độ đa dạng từ vựng theo độ dài bài",
        "en": "Lexical diversity by article length",
    },
    "diversity_caption": {
        "vi": "Độ đa dạng từ vựng (MATTR, cửa sổ {window} từ) của mỗi bài theo độ dài.",
        "en": "Lexical diversity (MATTR, window of {window} words) of each article by its length.",
    },
    # 04 topics and clusters
    "choose_k_title": {
        "vi": "Chọn số chủ đề k: độ mạch lạc và độ ổn định",
        "en": "Choosing the number of topics k: coherence and stability",
    },
    "choose_k_caption": {
        "vi": "Độ mạch lạc (NPMI) và độ ổn định của chủ đề theo k; đường đứt là k được chọn "
        "(theo {by}).",
        "en": "Coherence (NPMI) and stability of the topics by k; the dashed line is the "
        "chosen k (by {by}).",
    },
    "by_coherence": {"vi": "độ mạch lạc", "en": "coherence"},
    "by_stability": {"vi": "độ ổn định", "en": "stability"},
    "weight": {"vi": "trọng số", "en": "weight"},
    "probability": {"vi": "xác suất", "en": "probability"},
    "nmf_title": {
        "vi": "{shown} chủ đề NMF lớn nhất trong {k}, trên {units} {noun}",
        "en": "The {shown} largest of {k} NMF topics, over {units} {noun}",
    },
    "nmf_caption": {
        "vi": "{n} từ hàng đầu của các chủ đề NMF (TF-IDF, k = {k}).",
        "en": "The {n} top words of the NMF topics (TF-IDF, k = {k}).",
    },
    "lda_title": {
        "vi": "{shown} chủ đề LDA lớn nhất trong {k}",
        "en": "The {shown} largest of {k} LDA topics",
    },
    "lda_caption": {
        "vi": "{n} từ hàng đầu của các chủ đề LDA (số đếm, k = {k}).",
        "en": "The {n} top words of the LDA topics (counts, k = {k}).",
    },
    "topic_match_title": {
        "vi": "Mỗi chủ đề NMF và chủ đề LDA ghép một-một với nó",
        "en": "Each NMF topic and the LDA topic matched one-to-one with it",
    },
    "topic_match_caption": {
        "vi": "Chủ đề NMF ghép một-một với chủ đề LDA (thuật toán Hungary trên độ tương đồng "
        "cosin); số từ chung trong {n} từ hàng đầu của mỗi cặp.",
        "en": "NMF topics matched one-to-one with LDA topics (Hungarian method on cosine "
        "similarity); words shared among the {n} top words of each pair.",
    },
    "centre_weight": {"vi": "trọng số ở tâm cụm", "en": "weight at the cluster centre"},
    "cluster_terms_title": {
        "vi": "{shown} cụm lớn nhất trong {k} cụm văn bản ({documents} bài)",
        "en": "The {shown} largest of {k} document clusters ({documents} articles)",
    },
    "cluster_terms_caption": {
        "vi": "Từ hàng đầu ở tâm mỗi cụm văn bản (LSA 100 chiều + k-means); cụm đánh số theo cỡ.",
        "en": "Top words at the centre of each document cluster (100-dimensional LSA + "
        "k-means); clusters numbered by size.",
    },
    "cluster_sizes_title": {
        "vi": "Số bài trong mỗi cụm ({documents} bài)",
        "en": "Articles in each cluster ({documents} articles)",
    },
    "clusters_by_group_title": {
        "vi": "Số bài theo cụm và theo {by}",
        "en": "Articles by cluster and by {by}",
    },
    "clusters_caption": {
        "vi": "Cụm của từng văn bản (bảng CSV: một dòng mỗi bài).",
        "en": "The cluster of each document (the CSV: one row per article).",
    },
    "by_document": {"vi": "văn bản", "en": "document"},
    "by_cluster": {"vi": "cụm văn bản", "en": "document cluster"},
    "prevalence_title": {"vi": "Tỷ trọng chủ đề NMF theo {by}", "en": "NMF topic shares by {by}"},
    "prevalence_caption": {
        "vi": "Tỷ trọng trung bình của mỗi chủ đề NMF trong các bài của mỗi {by}.",
        "en": "Mean share of each NMF topic in the articles of each {by}.",
    },
    "topic_trends_title": {"vi": "Chủ đề NMF theo {period}", "en": "NMF topics by {period}"},
    "topic_trends_caption": {
        "vi": "Tỷ trọng trung bình của mỗi chủ đề NMF theo kỳ, với số bài mỗi kỳ.",
        "en": "Mean share of each NMF topic per period, with the number of articles per period.",
    },
    "topic_share": {"vi": "tỷ trọng", "en": "share"},
    # 05 cited documents, people, shared passages
    "cited_title": {
        "vi": "Văn bản được trích dẫn nhiều nhất",
        "en": "The documents cited most",
    },
    "cited_caption": {
        "vi": "Các văn bản của Đảng và Nhà nước được các bài trích dẫn nhiều nhất.",
        "en": "The Party and State documents the articles cite most.",
    },
    "cited_by_article_title": {
        "vi": "Văn bản được trích dẫn trong từng {unit}",
        "en": "Documents cited in each {unit}",
    },
    "mentions": {"vi": "số lần", "en": "mentions"},
    "cited_by_article_caption": {
        "vi": "Số lần mỗi bài (hoặc nhóm) nhắc tới mỗi văn bản; CSV: mọi bài, mọi văn bản.",
        "en": "How often each article (or group) mentions each document; the CSV: every "
        "article, every document.",
    },
    "people_title": {"vi": "Người được nhắc tên nhiều nhất", "en": "The people named most"},
    "people_subtitle": {
        "vi": "{people} người trong {documents} bài",
        "en": "{people} people in {documents} articles",
    },
    "people_caption": {
        "vi": "Số lần mỗi người được nhắc tên; CSV: mọi người, với chức danh và các bài.",
        "en": "How often each person is named; the CSV: every person, with their titles and "
        "articles.",
    },
    "people_by_article_title": {
        "vi": "Người được nhắc tới trong từng {unit}",
        "en": "People named in each {unit}",
    },
    "people_by_article_caption": {
        "vi": "Số lần mỗi người được nhắc tên trong từng bài (hoặc nhóm); CSV: mọi bài.",
        "en": "How often each person is named in each article (or group); the CSV: every article.",
    },
    "co_mentions_title": {
        "vi": "Những người được nhắc trong cùng một bài",
        "en": "People named in the same article",
    },
    "co_mentions_caption": {
        "vi": "Hai người nối với nhau khi cùng được nhắc trong một bài; nét dày theo số bài "
        "chung, chấm lớn theo tổng số bài chung của người đó. CSV: mọi cặp.",
        "en": "Two people are joined when named in the same article; line width by the "
        "articles they share, dot size by the person's total of shared articles. The CSV: "
        "every pair.",
    },
    "overlap_title": {
        "vi": "Tỷ lệ từ nằm trong đoạn trùng với bài khác",
        "en": "Share of words in passages shared with another article",
    },
    "overlap_share": {"vi": "tỷ lệ", "en": "share"},
    "overlap_caption": {
        "vi": "Tỷ lệ từ của mỗi bài (hàng) nằm trong các đoạn trùng nguyên văn với bài ở cột.",
        "en": "Share of each article's (row) words in passages shared word for word with the "
        "article of the column.",
    },
}
"""Key → language → the words a notebook writes on a figure; ``{name}`` fields are
filled by :func:`figure_text`."""


def figure_text(key: str, lang: str = "vi", **values: object) -> str:
    """Return the figure text ``key`` stands for in ``lang``, with ``{name}`` fields filled.

    Parameters
    ----------
    key : str
        A key of :data:`FIGURES` ("lengths_title", "kwic_caption", "none"…).
    lang : {"vi", "en"}
        The language of the figure.
    **values
        The ``{name}`` fields: counts, k, group names, rules. Whole numbers get the
        thousands separator of ``lang`` ("2.653" in Vietnamese, "2,653" in English).

    Returns
    -------
    str

    Raises
    ------
    FigureError
        If ``lang`` is neither "vi" nor "en".

    Examples
    --------
    >>> figure_text("lengths_spread_title", "vi", n=2653)
    'Độ dài văn bản: phân bố trên 2.653 bài'
    >>> figure_text("keyness_pair_title", "vi", first="thời sự", second="thể thao")
    'thời sự so với thể thao'
    """
    lang = check_lang(lang)
    filled = {
        name: format_count(value, lang)
        if isinstance(value, int) and not isinstance(value, bool)
        else value
        for name, value in values.items()
    }
    return FIGURES[key][lang].format(**filled)


def period_name(by: str, lang: str = "vi") -> str:
    """Name the period of a ``"date:<period>"`` grouping in ``lang``; any other as it is.

    Examples
    --------
    >>> period_name("date:year", "vi"), period_name("date:quarter", "en")
    ('năm', 'quarter')
    """
    check_lang(lang)
    return (
        translate_value(by.removeprefix("date:"), "period", lang) if by.startswith("date:") else by
    )
