"""Count, weigh and compare words: frequencies, document-term matrices, keyness,
collocations, concordances and document similarity.

Every function takes token lists as :func:`corpus_tools.tokenize_corpus` returns them
(``list[list[str]]``, multi-syllable words joined by ``_``), or as a mapping of
id → tokens or ``(doc_id, tokens)`` pairs, whose ids then name the rows; it returns a
tidy :class:`pandas.DataFrame`, or a :mod:`scipy.sparse` matrix with its vocabulary.
Nothing builds a dense documents × vocabulary array, so the functions scale to large
corpora.

Tables show each word twice: ``token`` as counted ("bộ_chính_trị") and ``term`` as readers
write it ("bộ chính trị", from :func:`~corpus_tools.token_to_text`).

An empty document (``[]`` or ``""``) counts as a document with no tokens, and empty-string
tokens are ignored. Inputs that leave nothing to compare raise
:class:`~corpus_tools.errors.CorpusError` saying what to change.

The modules, one job each:

* :mod:`~corpus_tools.features.vectorize`: vectorizers, document-term matrices, similarity;
* :mod:`~corpus_tools.features.frequencies`: frequencies and dispersion, tf·idf keywords,
  one written form per word, the corpus overview table;
* :mod:`~corpus_tools.features.keywords`: keyness against a reference, per group, and G²;
* :mod:`~corpus_tools.features.groups`: counts per group of documents (a field or a period);
* :mod:`~corpus_tools.features.trends`: chosen terms per period, with intervals;
* :mod:`~corpus_tools.features.phrases`: collocations and words the segmenter missed;
* :mod:`~corpus_tools.features.neighbours`: the words near a chosen term (window collocations);
* :mod:`~corpus_tools.features.concordance`: finding terms, key word in context (:func:`kwic`);
* :mod:`~corpus_tools.features.dispersion`: where terms fall inside documents (x-ray);
* :mod:`~corpus_tools.features.dictionary`: dictionary categories per document and group;
* :mod:`~corpus_tools.features.diversity`: lexical diversity (MATTR, MTLD);
* :mod:`~corpus_tools.features.zipf`: rank against frequency and the Zipf fit.

No module shares its name with a function it holds, so a function never hides its
module.
"""

from __future__ import annotations

from .concordance import TermMatcher, concordance, join_tokens, kwic
from .dictionary import (
    dictionary_counts,
    dictionary_matrix,
    dictionary_term_counts,
    load_dictionary,
)
from .dispersion import term_positions, top_documents_by_hits
from .diversity import lexical_diversity
from .frequencies import (
    count_matrix,
    document_table,
    filter_tokens,
    syllables_and_words,
    term_frequencies,
    tfidf_keyword_matrix,
    top_tfidf_terms,
    unify_case,
)
from .groups import (
    group_frequencies,
    group_sizes,
    group_term_matrix,
    group_tfidf_terms,
    join_groups,
    longest_documents,
    select_panels,
)
from .keywords import G2_THRESHOLDS, keyness, keyness_by_document, keyness_by_group
from .neighbours import term_neighbours
from .phrases import collocations, word_candidates
from .trends import choose_period, term_trends
from .vectorize import (
    NgramAnalyzer,
    document_similarity,
    document_term_matrix,
    make_vectorizer,
    token_analyzer,
)
from .zipf import ZipfFit, rank_frequency, zipf_fit

__all__ = [
    "G2_THRESHOLDS",
    "NgramAnalyzer",
    "TermMatcher",
    "ZipfFit",
    "choose_period",
    "collocations",
    "concordance",
    "count_matrix",
    "dictionary_counts",
    "dictionary_matrix",
    "dictionary_term_counts",
    "document_similarity",
    "document_table",
    "document_term_matrix",
    "filter_tokens",
    "group_frequencies",
    "group_sizes",
    "group_term_matrix",
    "group_tfidf_terms",
    "join_groups",
    "join_tokens",
    "keyness",
    "keyness_by_document",
    "keyness_by_group",
    "kwic",
    "lexical_diversity",
    "load_dictionary",
    "longest_documents",
    "make_vectorizer",
    "rank_frequency",
    "select_panels",
    "syllables_and_words",
    "term_frequencies",
    "term_neighbours",
    "term_positions",
    "term_trends",
    "tfidf_keyword_matrix",
    "token_analyzer",
    "top_documents_by_hits",
    "top_tfidf_terms",
    "unify_case",
    "word_candidates",
    "zipf_fit",
]
