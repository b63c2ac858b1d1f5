"""Large corpora: the fast decoder, worker processes, the token cache, bad input, Dask."""

from __future__ import annotations

import importlib
import logging
import os
import sys
import unicodedata
import warnings
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import load_stopwords, normalize_text, read_corpus, text_units, tokenize_corpus
from corpus_tools.cache import CacheWarning, read_tokens
from corpus_tools.paths import seeds_dir

# The package re-exports the function ``tokenize``, which hides the module of that name.
T = importlib.import_module("corpus_tools.tokenize")


def reference(docs, *, unit="document", **options):
    """The segmenter as it was: underthesea's own tagger, batches of 64 units."""
    texts = [text for _, text in text_units(docs, unit=unit)]
    return [
        tokens
        for start in range(0, len(texts), 64)
        for tokens in T._reference_tokenize_texts(texts[start : start + 64], **options)
    ]


@pytest.fixture
def segmented(monkeypatch):
    """Count the units segmented in this process (the serial path and the cache path)."""
    counted: list[str] = []
    original = T._segment_units

    def counting(texts, user_words):
        counted.extend(texts)
        return original(texts, user_words)

    monkeypatch.setattr(T, "_segment_units", counting)
    return counted


def no_segmentation(texts, user_words):
    raise AssertionError(f"segmented {len(texts)} unit(s) that should come from the cache")


# ------------------------------------------------------------------------ fast decoder


def test_fast_decoder_gives_underthesea_tags_on_the_seeds(seed_docs):
    model = T._load_model()
    crf = T._load_fast_crf()
    assert crf is not None, "the fast decoder could not load this underthesea model"
    lines = [line for _, text in text_units(seed_docs) for line in text.split("\n")]
    feeds = [[T._segmenter_form(line[s:e]) for s, e, _ in T._pieces(line)] for line in lines]
    expected = [
        [tag != "I-W" for tag in model.estimator.tag(features)]
        for features in model.featurizer.process([[[s] for s in feed] for feed in feeds])
    ]
    assert crf.begins(feeds) == expected
    assert [T._pieces(line) for line in lines] == [T._pretokenize(line) for line in lines]


@pytest.mark.parametrize("unit", ["document", "paragraph", "sentence"])
@pytest.mark.parametrize(
    "options",
    [{}, {"lowercase": True, "keep_punct": True}, {"user_words": ()}, {"keep_numbers": False}],
)
def test_tokenize_corpus_equals_the_reference_segmenter(seed_docs, unit, options):
    assert tokenize_corpus(seed_docs, unit=unit, **options) == reference(
        seed_docs, unit=unit, **options
    )


_SYLLABLES = ["Bộ", "Chính", "trị", "họp", "ở", "Hà", "Nội", "HÒA", "hoà", "Đảng", "ủy"]
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_SYLLABLES),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=4),
        st.sampled_from([" ", "\n", "  ", ".", "_", "2024", "205-QĐ/TW", "Σ", "ß", "İ"]),
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_TEXT, min_size=1, max_size=4), lowercase=st.booleans())
def test_fast_decoder_equals_the_reference_on_any_text(texts, lowercase):
    assert tokenize_corpus(texts, lowercase=lowercase, keep_punct=True) == reference(
        texts, lowercase=lowercase, keep_punct=True
    )
    assert T.tokenize_texts(texts, lowercase=lowercase, keep_punct=True) == (
        T._reference_tokenize_texts(texts, lowercase=lowercase, keep_punct=True)
    )


_RUN_PARTS = ["TP.", "Tp.", ":D", ":))", "a@b.vn", "e-mail", "H'Mông", "1.600m-2.000m", "v.v"]
_LINE = st.lists(
    st.one_of(
        st.sampled_from(_RUN_PARTS + _SYLLABLES),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=5),
        st.sampled_from([" ", "\t", "\xa0", "\u2028", "\n", "\r", "_", ".", "/", "@", "-"]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(_LINE, min_size=1, max_size=8))
def test_remembered_pieces_equal_the_pretokenizer_on_any_line(lines):
    T._load_model()
    for line in lines + lines:  # the second time from memory
        assert T._pieces(line) == T._pretokenize(line)


def test_casefold_never_loses_a_lowercase_match():
    # _unit_key relies on this to decide which user words can occur in a unit.
    chars = (chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    assert all(c.lower().casefold() == c.casefold() for c in chars)


def test_empty_documents_and_nfd_input(tmp_path):
    nfd = unicodedata.normalize("NFD", "Hòa bình ở Hà Nội")
    docs = ["", "Hòa bình ở Hà Nội", nfd, "   \n  "]
    expected = reference(docs, unit="paragraph")
    assert tokenize_corpus(docs, unit="paragraph") == expected
    assert tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path) == expected
    assert tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path) == expected
    assert tokenize_corpus([""]) == [[]]


def test_iter_tokens_streams_ids_with_tokens(seed_docs):
    pairs = list(T.iter_tokens(iter(seed_docs), unit="paragraph", batch_size=2))
    ids = [doc_id for doc_id, _ in text_units(seed_docs, unit="paragraph")]
    assert [doc_id for doc_id, _ in pairs] == ids
    assert [tokens for _, tokens in pairs] == tokenize_corpus(seed_docs, unit="paragraph")


# ------------------------------------------------------------------------ workers


def test_parallel_output_equals_serial_output(seed_docs):
    serial = tokenize_corpus(seed_docs, unit="paragraph", lowercase=True)
    parallel = tokenize_corpus(seed_docs, unit="paragraph", lowercase=True, n_jobs=2, batch_size=1)
    assert parallel == serial
    assert serial == reference(seed_docs, unit="paragraph", lowercase=True)


def _crash_on_marker(sources, unit, user_words):
    """A work function whose worker process dies on one document."""
    if any("CRASH" in source for source in sources):
        os._exit(3)
    return T._work_sources(sources, unit, user_words)


def test_a_document_that_kills_its_worker_is_named_and_skipped(seed_docs, caplog):
    docs = [doc.text for doc in seed_docs[:3]]
    docs.insert(1, "Văn bản CRASH này làm tiến trình chết")
    run = T._Run(
        unit="document",
        include_title=True,
        user_words=T.load_user_words(),
        keep=T._word_filter(lowercase=False, stopwords=None, keep_punct=False, keep_numbers=True),
        workers=2,
        cache_dir=None,
        on_error="skip",
        batch_size=1,
    )
    run.work_sources = _crash_on_marker
    with pytest.warns(T.SkippedDocumentsWarning) as warned, caplog.at_level(logging.WARNING):
        out = list(run(docs, progress=False))
    assert [doc_id for doc_id, _ in out] == ["0", "2", "3"]
    assert [tokens for _, tokens in out] == tokenize_corpus([d for d in docs if "CRASH" not in d])
    skipped = warned[0].message.skipped
    assert [doc_id for doc_id, _ in skipped] == ["1"]
    assert "worker process died" in skipped[0][1]
    assert "'1'" in caplog.text


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_document_that_fails_is_reported_and_the_others_kept(seed_docs, n_jobs):
    bad = "Ban Bí thư \ud800 họp"  # a lone surrogate: underthesea cannot take it
    docs = [seed_docs[0].text, bad, seed_docs[1].text]
    with pytest.warns(T.SkippedDocumentsWarning) as warned:
        out = tokenize_corpus(docs, n_jobs=n_jobs, on_error="skip", batch_size=3)
    assert out == tokenize_corpus([docs[0], docs[2]])
    assert [doc_id for doc_id, _ in warned[0].message.skipped] == ["1"]
    with pytest.raises(T.SegmentationError, match="document '1'"):
        tokenize_corpus(docs, n_jobs=n_jobs, batch_size=3)


# ------------------------------------------------------------------------ the cache


def test_a_cache_hit_does_not_segment(seed_docs, tmp_path, monkeypatch, segmented):
    first = tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path)
    assert len(segmented) == len(first) > 0
    monkeypatch.setattr(T, "_segment_units", no_segmentation)
    assert tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path) == first
    # Words are cached before filtering: other filters are served from the same cache.
    options = {"lowercase": True, "stopwords": load_stopwords(), "keep_numbers": False}
    assert tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path, **options) == reference(
        seed_docs, unit="paragraph", **options
    )


def test_the_cache_is_a_token_dataset(seed_docs, tmp_path):
    tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path)
    # The cache holds words before filtering.
    tokens = tokenize_corpus(seed_docs, unit="paragraph", keep_punct=True)
    table = read_tokens(tmp_path)
    assert list(table.columns) == ["doc_id", "unit", "tokens"]
    assert table["tokens"].tolist() == tokens
    assert table["doc_id"].tolist() == [d for d, _ in text_units(seed_docs, unit="paragraph")]


def test_changing_the_word_list_resegments_only_what_it_affects(seed_docs, tmp_path, segmented):
    tokenize_corpus(seed_docs, unit="paragraph", user_words=(), cache_dir=tmp_path)
    segmented.clear()
    words = ("Hội nghị",)
    out = tokenize_corpus(seed_docs, unit="paragraph", user_words=words, cache_dir=tmp_path)
    assert out == reference(seed_docs, unit="paragraph", user_words=words)
    paragraphs = [text for _, text in text_units(seed_docs, unit="paragraph")]
    # Re-segmented: the paragraphs holding both syllables, wherever they are (a safe
    # superset of those holding the word), and no others.
    holding = {text for text in paragraphs if "hội nghị" in text.casefold()}
    both = {text for text in paragraphs if all(s in text.casefold() for s in ("hội", "nghị"))}
    assert holding and holding <= set(segmented) == both
    assert len(segmented) < len(paragraphs) / 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # half-written
        lambda data: data[:100] + bytes([data[100] ^ 0xFF]) + data[101:],  # one flipped bit
        lambda data: b"not parquet at all",
    ],
    ids=["truncated", "flipped", "garbage"],
)
def test_a_corrupt_cache_file_is_reported_and_rebuilt(
    seed_docs, tmp_path, monkeypatch, segmented, damage
):
    expected = tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path)
    (part,) = tmp_path.glob("part-*.parquet")
    part.write_bytes(damage(part.read_bytes()))
    segmented.clear()
    with pytest.warns(CacheWarning, match=part.name):
        assert tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path) == expected
    assert len(segmented) == len(expected)  # nothing was read from the damaged file
    assert (tmp_path / f".corrupt-{part.name}").exists()
    monkeypatch.setattr(T, "_segment_units", no_segmentation)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path) == expected


def test_cache_files_are_written_whole(seed_docs, tmp_path):
    tokenize_corpus(seed_docs, cache_dir=tmp_path)
    (tmp_path / ".tmp-0123.parquet").write_bytes(b"PAR1 half a file")  # a writer that died
    (part,) = tmp_path.glob("part-*.parquet")
    assert pq.read_table(part).num_rows == len(seed_docs)
    assert read_tokens(tmp_path)["tokens"].tolist() == tokenize_corpus(seed_docs, keep_punct=True)


class _Interrupted(list):
    """Documents that raise KeyboardInterrupt (as Ctrl-C would) after ``n`` of them."""

    def __init__(self, docs, n):
        super().__init__(docs)
        self.n = n

    def __iter__(self):
        for number, doc in enumerate(list.__iter__(self)):
            if number == self.n:
                raise KeyboardInterrupt
            yield doc


def test_an_interrupted_run_leaves_a_cache_the_next_run_uses(seed_docs, tmp_path, segmented):
    with pytest.raises(KeyboardInterrupt):
        tokenize_corpus(_Interrupted(seed_docs, 3), cache_dir=tmp_path, batch_size=1)
    expected = tokenize_corpus(seed_docs)
    segmented.clear()
    assert tokenize_corpus(seed_docs, cache_dir=tmp_path) == expected
    assert sorted(segmented) == sorted(text for _, text in text_units(seed_docs[3:]))


# ------------------------------------------------------------------------ Dask


def test_dask_on_a_local_cluster_writes_what_the_local_path_writes(tmp_path, monkeypatch):
    distributed = pytest.importorskip("dask.distributed")
    from corpus_tools.distributed import tokenize_folder

    docs = read_corpus()
    local = tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path / "local")
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster),
    ):
        report = tokenize_folder(seeds_dir(), tmp_path / "dask", npartitions=2, unit="paragraph")
    assert report["error"].isna().all()
    assert report["doc_id"].tolist() == [doc.doc_id for doc in docs]

    def rows(folder: Path) -> list[dict]:
        return sorted(pq.read_table(folder).to_pylist(), key=lambda r: (r["doc_id"], r["unit"]))

    assert rows(tmp_path / "dask") == rows(tmp_path / "local")
    # The Dask output is a cache for the local path: nothing is segmented again.
    monkeypatch.setattr(T, "_segment_units", no_segmentation)
    assert tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path / "dask") == local


def test_normalize_is_idempotent_on_the_seeds(seed_docs):
    # tokenize_corpus skips the second normalisation that tokenize_texts does.
    for _, text in text_units(seed_docs):
        assert normalize_text(text) == text


def test_a_long_single_line_document_is_segmented_whole():
    # Scraped pages sometimes come as one line of hundreds of kilobytes.
    sentence = "Bộ Chính trị họp ở Hà Nội, thông qua Quy định 205-QĐ/TW về công tác cán bộ. "
    line = sentence * 3_000  # about 230,000 characters, no line break
    tokens = tokenize_corpus([line, "Ban Bí thư họp."], keep_punct=True)
    assert tokens[0] == T._reference_tokenize_texts([line], keep_punct=True)[0]
    assert len(tokens[0]) == 3_000 * len(tokenize_corpus([sentence], keep_punct=True)[0])
    assert tokens[1] == ["Ban_Bí_thư", "họp", "."]
