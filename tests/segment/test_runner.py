"""The corpus runner: order, ids, worker processes and documents that fail."""

from __future__ import annotations

import logging
import os
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pytest

from corpus_tools.errors import CorpusError, SegmentationError, SkippedDocumentsWarning
from corpus_tools.segment import (
    iter_tokens,
    list_runs,
    load_user_words,
    read_tokens,
    text_units,
    tokenize,
    tokenize_corpus,
)
from corpus_tools.segment import runner as segment_runner
from corpus_tools.segment import workers as segment_workers
from corpus_tools.segment.isolation import Failure, isolated
from corpus_tools.segment.runner import (
    CorpusRun,
    cache_paragraphs_and_documents,
    work_sources,
)
from corpus_tools.segment.tokens import word_filter
from corpus_tools.segment.workers import CHARS_PER_WORKER, release_workers, workers_for

from .helpers import no_segmentation, reference


def test_tokenize_corpus_keeps_order_and_empty_documents():
    tokens = tokenize_corpus(["Ban Bí thư họp.", "", "Cấp ủy các cấp"], lowercase=True)
    assert tokens == [["ban_bí_thư", "họp"], [], ["cấp_ủy", "các", "cấp"]]


def test_tokenize_corpus_equals_tokenize_one_by_one(seed_docs):
    batched = tokenize_corpus(seed_docs, batch_size=2)
    assert batched == [tokenize(f"{doc.title or ''}\n{doc.text}") for doc in seed_docs]
    bodies = tokenize_corpus(seed_docs, include_title=False)
    assert bodies == [tokenize(doc.text) for doc in seed_docs]


@pytest.mark.parametrize("unit", ["document", "paragraph", "sentence"])
def test_units_align_with_tokens(seed_docs, unit):
    units = text_units(seed_docs, unit=unit)
    tokens = tokenize_corpus(seed_docs, unit=unit)
    assert len(units) == len(tokens)
    assert tokens == [tokenize(text) for _, text in units]


def test_empty_documents_and_nfd_input(tmp_path):
    nfd = unicodedata.normalize("NFD", "Hòa bình ở Hà Nội")
    docs = ["", "Hòa bình ở Hà Nội", nfd, "   \n  "]
    expected = reference(docs, unit="paragraph")
    assert tokenize_corpus(docs, unit="paragraph") == expected
    assert tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path) == expected
    assert tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path) == expected
    assert tokenize_corpus([""]) == [[]]


def test_iter_tokens_streams_ids_with_tokens(seed_docs):
    pairs = list(iter_tokens(iter(seed_docs), unit="paragraph", batch_size=2))
    ids = [doc_id for doc_id, _ in text_units(seed_docs, unit="paragraph")]
    assert [doc_id for doc_id, _ in pairs] == ids
    assert [tokens for _, tokens in pairs] == tokenize_corpus(seed_docs, unit="paragraph")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("unit", "chapter", "unit must be 'document', 'paragraph' or 'sentence'"),
        ("on_error", "ignore", "on_error must be 'raise' or 'skip'"),
        ("batch_size", 0, "batch_size must be a whole number of at least 1"),
        ("n_jobs", 0, "n_jobs must be a positive or negative int"),
    ],
)
def test_bad_options_are_named(option, value, message):
    with pytest.raises(CorpusError, match=message):
        tokenize_corpus(["Họp."], **{option: value})


def test_isolated_finds_the_item_that_fails():
    def invert(items):
        return [1 / item for item in items]

    assert isolated(invert, [1, 2]) == [1.0, 0.5]
    assert isolated(invert, [1, 0, 2]) == [
        1.0,
        Failure("ZeroDivisionError: division by zero"),
        0.5,
    ]

    def interrupted(items):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        isolated(interrupted, [1, 2])


# ------------------------------------------------------------------------ workers


@pytest.mark.slow
def test_parallel_output_equals_serial_output(seed_docs):
    serial = tokenize_corpus(seed_docs, unit="paragraph", lowercase=True)
    parallel = tokenize_corpus(seed_docs, unit="paragraph", lowercase=True, n_jobs=2, batch_size=1)
    assert parallel == serial
    assert serial == reference(seed_docs, unit="paragraph", lowercase=True)


def _crash_on_marker(sources, unit, user_words):
    """A work function whose worker process dies on one document."""
    if any("CRASH" in source for source in sources):
        os._exit(3)
    return work_sources(sources, unit, user_words)


@pytest.mark.slow
def test_a_document_that_kills_its_worker_is_named_and_skipped(seed_docs, caplog):
    docs = [doc.text for doc in seed_docs[:3]]
    docs.insert(1, "Văn bản CRASH này làm tiến trình chết")
    run = CorpusRun(
        unit="document",
        include_title=True,
        user_words=load_user_words(),
        keep=word_filter(lowercase=False, stopwords=None, keep_punct=False, keep_numbers=True),
        workers=2,
        cache_dir=None,
        on_error="skip",
        batch_size=1,
    )
    run.work_sources = _crash_on_marker
    with pytest.warns(SkippedDocumentsWarning) as warned, caplog.at_level(logging.WARNING):
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
    with pytest.warns(SkippedDocumentsWarning) as warned:
        out = tokenize_corpus(docs, n_jobs=n_jobs, on_error="skip", batch_size=3)
    assert out == tokenize_corpus([docs[0], docs[2]])
    assert [doc_id for doc_id, _ in warned[0].message.skipped] == ["1"]
    with pytest.raises(SegmentationError, match="document '1'"):
        tokenize_corpus(docs, n_jobs=n_jobs, batch_size=3)


def test_a_bare_string_is_not_a_corpus(segmented):
    with pytest.raises(TypeError, match="docs is one string, not a corpus"):
        tokenize_corpus("Bộ Chính trị họp")
    with pytest.raises(TypeError, match="docs is one string, not a corpus"):
        iter_tokens("Bộ Chính trị họp")
    assert segmented == []


def test_a_mapping_is_tokenized_by_its_values_with_its_keys_as_ids(tmp_path):
    docs = {"tin-1": "Bộ Chính trị họp.", "tin-2": "Hà Nội"}
    assert tokenize_corpus(docs) == [["Bộ_Chính_trị", "họp"], ["Hà_Nội"]]
    assert list(iter_tokens(docs, cache_dir=tmp_path)) == [
        ("tin-1", ["Bộ_Chính_trị", "họp"]),
        ("tin-2", ["Hà_Nội"]),
    ]


@pytest.mark.parametrize("cache", [False, True])
def test_a_document_that_is_not_a_str_is_a_type_error(tmp_path, cache):
    with pytest.raises(TypeError, match=r"docs\[1\] is NoneType"):
        tokenize_corpus(["Họp.", None], cache_dir=tmp_path if cache else None)


# ------------------------------------------------------------- how many workers (issue 12.4)


def test_a_positive_n_jobs_is_taken_as_it_is_and_a_negative_one_is_a_ceiling(monkeypatch):
    assert workers_for(0, 2) == 2
    assert workers_for(10**9, 1) == 1
    assert workers_for(0, None) == 1
    monkeypatch.setattr(segment_workers, "worker_count", lambda n_jobs: 4)  # 4 cores
    assert workers_for(0, -1) == 1
    assert workers_for(2 * CHARS_PER_WORKER - 1, -1) == 1
    assert workers_for(2 * CHARS_PER_WORKER, -1) == 2
    assert workers_for(100 * CHARS_PER_WORKER, -1) == 4


def test_n_jobs_minus_one_on_a_small_corpus_starts_no_worker(seed_docs, monkeypatch):
    def no_executor(workers):
        raise AssertionError(f"started {workers} worker processes for five short texts")

    monkeypatch.setattr(segment_workers, "worker_pool", no_executor)
    assert tokenize_corpus(seed_docs, n_jobs=-1) == tokenize_corpus(seed_docs)


def test_n_jobs_minus_one_on_much_text_uses_every_core(seed_docs, monkeypatch):
    started: list[int] = []

    def threads(workers):  # threads stand in for worker processes
        started.append(workers)
        return ThreadPoolExecutor(workers)

    expected = tokenize_corpus(seed_docs)
    monkeypatch.setattr(segment_workers, "CHARS_PER_WORKER", 100)
    monkeypatch.setattr(segment_workers, "worker_count", lambda n_jobs: 2)  # 2 cores
    monkeypatch.setattr(segment_workers, "worker_pool", threads)
    assert tokenize_corpus(seed_docs, n_jobs=-1, batch_size=1) == expected
    assert started == [2]


@pytest.mark.slow
def test_release_workers_stops_the_kept_workers(seed_docs):
    release_workers()  # none running: nothing to do
    tokenize_corpus(seed_docs[:2], n_jobs=2, batch_size=1)
    pool = segment_workers._pool
    assert pool is not None
    processes = list(pool._processes.values())
    assert processes and all(p.is_alive() for p in processes)
    release_workers()
    assert segment_workers._pool is None
    assert not any(p.is_alive() for p in processes)


# ------------------------------------------------- documents joined from cached paragraphs


def test_documents_are_joined_from_cached_paragraphs_without_segmenting(
    seed_docs, tmp_path, monkeypatch, segmented
):
    tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path)
    assert segmented
    monkeypatch.setattr(segment_runner, "segment_units", no_segmentation)
    parts = len(list(tmp_path.glob("part-*.parquet")))
    joined = tokenize_corpus(seed_docs, cache_dir=tmp_path, keep_punct=True)
    assert joined == reference(seed_docs, keep_punct=True)
    # and stored as documents (one part file more), which a later call reads as they are
    assert len(list(tmp_path.glob("part-*.parquet"))) == parts + 1
    assert tokenize_corpus(seed_docs, cache_dir=tmp_path) == reference(seed_docs)
    assert len(list(tmp_path.glob("part-*.parquet"))) == parts + 1


def test_a_paragraph_run_that_joins_documents_stores_both_in_one_pass(
    seed_docs, tmp_path, monkeypatch
):
    out = list(cache_paragraphs_and_documents(seed_docs, cache_dir=tmp_path, progress=False))
    assert [tokens for _, tokens in out] == reference(seed_docs, unit="paragraph")
    runs = list_runs(tmp_path)
    assert runs["unit"].tolist() == ["paragraph", "document"]
    assert runs["complete"].all() and (runs["documents"] == len(seed_docs)).all()
    # the whole documents come from the cache as they are: not segmented, not joined again
    monkeypatch.setattr(segment_runner, "segment_units", no_segmentation)
    parts = sorted(tmp_path.glob("part-*.parquet"))
    assert tokenize_corpus(seed_docs, cache_dir=tmp_path, keep_punct=True) == reference(
        seed_docs, keep_punct=True
    )
    assert read_tokens(tmp_path)["tokens"].map(list).tolist() == reference(
        seed_docs, keep_punct=True
    )
    # a second scan of the same corpus finds both units cached and writes nothing
    again = list(cache_paragraphs_and_documents(seed_docs, cache_dir=tmp_path, progress=False))
    assert again == out
    assert sorted(tmp_path.glob("part-*.parquet")) == parts


def test_a_paragraph_run_joins_documents_whose_paragraphs_were_cached_before(
    seed_docs, tmp_path, monkeypatch
):
    tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path)
    monkeypatch.setattr(segment_runner, "segment_units", no_segmentation)
    list(cache_paragraphs_and_documents(seed_docs, cache_dir=tmp_path, progress=False))
    assert tokenize_corpus(seed_docs, cache_dir=tmp_path) == reference(seed_docs)


def test_joining_documents_needs_paragraphs_and_a_cache(tmp_path):
    options = dict(
        include_title=True,
        user_words=(),
        keep=word_filter(),
        workers=1,
        on_error="raise",
        batch_size=1,
        join_documents=True,
    )
    with pytest.raises(ValueError, match="join_documents"):
        CorpusRun(unit="sentence", cache_dir=tmp_path, **options)
    with pytest.raises(ValueError, match="join_documents"):
        CorpusRun(unit="paragraph", cache_dir=None, **options)


def test_a_document_with_a_line_not_cached_is_segmented_whole(seed_docs, tmp_path, segmented):
    tokenize_corpus([seed_docs[0].text], unit="paragraph", cache_dir=tmp_path)
    segmented.clear()
    text = seed_docs[0].text + "\nMột dòng mới chưa có trong bộ nhớ đệm."
    assert tokenize_corpus([text], cache_dir=tmp_path) == [tokenize(text)]
    assert len(segmented) == 1  # the whole document, as one unit
