"""The token cache: a Parquet dataset keyed by content, read back, rebuilt when damaged."""

from __future__ import annotations

import errno
import os
import warnings
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from corpus_tools.errors import CacheWarning, CorpusError
from corpus_tools.segment import cache as cache_module
from corpus_tools.segment import (
    iter_tokens,
    load_stopwords,
    load_user_words,
    read_tokens,
    text_units,
    tokenize_corpus,
)
from corpus_tools.segment import runner as segment_runner
from corpus_tools.segment.cache import (
    SEGMENTER_MODULES,
    TokenCache,
    doc_key,
    segmenter_version,
    unit_key,
)
from corpus_tools.segment.decoder import segment_units

from .helpers import Interrupted, no_segmentation, reference


def test_a_cache_hit_does_not_segment(seed_docs, tmp_path, monkeypatch, segmented):
    first = tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path)
    assert len(segmented) == len(first) > 0
    monkeypatch.setattr(segment_runner, "segment_units", no_segmentation)
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
    assert list(table.columns) == ["doc_id", "unit_index", "tokens"]
    assert table["tokens"].tolist() == tokens
    assert table["doc_id"].tolist() == [d for d, _ in text_units(seed_docs, unit="paragraph")]


def test_an_empty_folder_reads_as_an_empty_table(tmp_path):
    table = read_tokens(tmp_path)
    assert list(table.columns) == ["doc_id", "unit_index", "tokens"]
    assert len(table) == 0 and str(table["unit_index"].dtype) == "int32"


def test_a_cache_remembers_documents_and_units_by_key(tmp_path):
    texts = ["Bộ Chính trị họp.", "Hà Nội"]
    words = segment_units(texts, ())
    key = doc_key("\n".join(texts), "paragraph", ())
    unit_keys = [unit_key(text, ()) for text in texts]
    with TokenCache(tmp_path) as cache:
        cache.add("a", key, unit_keys, words)
        cache.add("empty", doc_key("", "paragraph", ()), [], [])
    cache = TokenCache(tmp_path)
    assert cache.get_doc(key) == words
    assert cache.get_doc(doc_key("", "paragraph", ())) == []
    assert cache.get_doc(doc_key("khác", "paragraph", ())) is None
    assert [cache.get_unit(k) for k in unit_keys] == words
    assert (cache.hits, cache.misses) == (2, 1)
    # TokenCache records no run: read_tokens reads such a folder only by ids.
    assert read_tokens(tmp_path, doc_ids=["a", "empty"])["doc_id"].tolist() == ["a", "a"]


def test_keys_depend_on_what_decides_the_words():
    assert len(doc_key("Họp.", "document", ())) == 16
    assert doc_key("Họp.", "document", ()) != doc_key("Họp.", "paragraph", ())
    assert doc_key("Họp.", "document", ()) != doc_key("Họp.", "document", ("Hà Nội",))
    # A unit's key holds only the user words that could occur in it.
    assert unit_key("Họp.", ()) == unit_key("Họp.", ("Hà Nội",))
    assert unit_key("Ở HÀ NỘI", ()) != unit_key("Ở HÀ NỘI", ("Hà Nội",))
    assert len(segmenter_version()) == 16
    names = {module.__name__ for module in SEGMENTER_MODULES}
    assert {"corpus_tools.normalize", "corpus_tools.segment.decoder"} <= names


def _unit_key_as_first_written(text, user_words):
    """unit_key as it was first written (word by word, syllable memo): the reference."""
    from corpus_tools.segment.cache import _blake, _encode, _unit_hasher, _user_word_syllables

    relevant, folded, present = [], text.casefold(), {}
    for word, syllables in _user_word_syllables(user_words):
        if all(
            present[s] if s in present else present.setdefault(s, s in folded) for s in syllables
        ):
            relevant.append(_encode(word))
    return _blake(_encode(text), *relevant, base=_unit_hasher()).digest()


def test_unit_keys_are_those_existing_caches_hold(seed_docs):
    user_words = load_user_words()
    units = [text for _, text in text_units(seed_docs, unit="paragraph")]
    units += ["", "Ở HÀ NỘI", "ban chấp hành trung ương", "Bộ Chính trị" * 3]
    for words in (user_words, (), ("Hà Nội", "chạy chức")):
        assert [unit_key(t, words) for t in units] == [
            _unit_key_as_first_written(t, words) for t in units
        ]


@pytest.mark.slow
def test_casefold_never_loses_a_lowercase_match(every_character):
    # unit_key relies on this to decide which user words can occur in a unit.
    assert all(c.lower().casefold() == c.casefold() for c in every_character)


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
    monkeypatch.setattr(segment_runner, "segment_units", no_segmentation)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path) == expected


def test_cache_files_are_written_whole(seed_docs, tmp_path):
    tokenize_corpus(seed_docs, cache_dir=tmp_path)
    (tmp_path / ".tmp-0123.parquet").write_bytes(b"PAR1 half a file")  # a writer that died
    (part,) = tmp_path.glob("part-*.parquet")
    assert pq.read_table(part).num_rows == len(seed_docs)
    assert read_tokens(tmp_path)["tokens"].tolist() == tokenize_corpus(seed_docs, keep_punct=True)


def test_an_interrupted_run_leaves_a_cache_the_next_run_uses(seed_docs, tmp_path, segmented):
    with pytest.raises(KeyboardInterrupt):
        tokenize_corpus(Interrupted(seed_docs, 3), cache_dir=tmp_path, batch_size=1)
    expected = tokenize_corpus(seed_docs)
    segmented.clear()
    assert tokenize_corpus(seed_docs, cache_dir=tmp_path) == expected
    assert sorted(segmented) == sorted(text for _, text in text_units(seed_docs[3:]))


# ------------------------------------------------------------------ unwritable caches


@pytest.mark.parametrize("where", ["under a file", "a file"])
def test_a_cache_folder_that_cannot_be_written_is_named_before_any_work(tmp_path, segmented, where):
    (tmp_path / "bao.txt").write_text("Hà Nội", encoding="utf-8")
    folder = tmp_path / "bao.txt" / "tokens" if where == "under a file" else tmp_path / "bao.txt"
    with pytest.raises(CorpusError, match=f"{folder}: cannot write a token cache there"):
        tokenize_corpus(["Bộ Chính trị họp."], cache_dir=folder)
    with pytest.raises(CorpusError, match="cache_dir=None"):
        iter_tokens(["Bộ Chính trị họp."], cache_dir=folder)  # at the call, not on first use
    assert segmented == []


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"), PermissionError(errno.EACCES, "denied")],
    ids=["disk full", "permission"],
)
def test_a_failed_write_still_returns_the_tokens(seed_docs, tmp_path, monkeypatch, error):
    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(os, "replace", failing)  # every atomic write fails at its rename
    expected = tokenize_corpus(seed_docs, unit="paragraph")
    with pytest.warns(CacheWarning, match=f"{tmp_path}: could not write the token cache"):
        out = tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path)
    assert out == expected
    assert list(tmp_path.glob("part-*.parquet")) == []
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # no temporary file left


def test_a_write_that_fails_mid_run_is_named_and_the_run_not_recorded(
    seed_docs, tmp_path, monkeypatch
):
    expected = tokenize_corpus(seed_docs, unit="paragraph")
    real = cache_module.atomic_write_bytes

    def full_disk(path, data, **options):  # the manifest is written, token files are not
        if Path(path).name.startswith("part-"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, **options)

    monkeypatch.setattr(cache_module, "atomic_write_bytes", full_disk)
    with pytest.warns(CacheWarning, match=r"part-[0-9a-f]+\.parquet"):  # names the file
        assert tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path) == expected
    with pytest.raises(CorpusError, match="no run that wrote here finished"):
        read_tokens(tmp_path)
    monkeypatch.setattr(cache_module, "atomic_write_bytes", real)
    assert tokenize_corpus(seed_docs, unit="paragraph", cache_dir=tmp_path) == expected
    assert len(read_tokens(tmp_path)) == len(expected)


def test_a_flush_during_the_run_that_fails_stops_the_cache(tmp_path, monkeypatch):
    calls = []

    def failing(directory, rows):
        calls.append(len(rows))
        raise PermissionError(errno.EACCES, "Permission denied", str(directory))

    monkeypatch.setattr(cache_module, "write_part", failing)
    cache = TokenCache(tmp_path, rows_per_part=1)
    with pytest.warns(CacheWarning, match="Permission denied"):
        cache.add("a", doc_key("Hà Nội", "document", ()), [b"k" * 16], [["Hà_Nội"]])
    cache.add("b", doc_key("Huế", "document", ()), [b"l" * 16], [["Huế"]])  # not kept
    cache.flush()
    assert calls == [1]
    assert isinstance(cache.failed, PermissionError)


def test_an_empty_cache_dir_is_not_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CorpusError, match="cache_dir is empty"):
        tokenize_corpus(["Hà Nội"], cache_dir="")
    with pytest.raises(CorpusError, match="path is empty"):
        read_tokens("")
    assert list(tmp_path.iterdir()) == []


def test_rows_the_cache_cannot_store_still_return_the_tokens(tmp_path):
    from corpus_tools.io import Document

    doc = Document(doc_id=7, paragraphs=("Hà Nội",))  # not a str: pyarrow cannot store it
    with pytest.warns(CacheWarning, match="could not write the token cache"):
        assert tokenize_corpus([doc], cache_dir=tmp_path) == [["Hà_Nội"]]
