"""Runs: read_tokens returns what one run wrote, never a mix of runs."""

from __future__ import annotations

import warnings

import pytest

from corpus_tools.errors import CacheWarning, CorpusError
from corpus_tools.io import Document
from corpus_tools.segment import iter_tokens, read_tokens, text_units, tokenize_corpus
from corpus_tools.segment.cache import TokenCache, doc_key

from .helpers import Interrupted


def _rows(table):
    return list(zip(table["doc_id"], table["unit_index"], table["tokens"], strict=True))


def _run(docs, folder, **options):
    return tokenize_corpus(docs, cache_dir=folder, keep_punct=True, progress=False, **options)


def test_a_changed_text_loses_its_old_units(tmp_path):
    before = Document(doc_id="a", paragraphs=("Hội nghị khai mạc. Đại biểu dự họp.",))
    _run([before], tmp_path, unit="sentence")
    _run([Document(doc_id="a", paragraphs=("Bộ Chính trị họp.",))], tmp_path, unit="sentence")
    assert _rows(read_tokens(tmp_path)) == [("a", 0, ["Bộ_Chính_trị", "họp", "."])]


def test_identical_texts_with_different_ids_both_come_back(tmp_path):
    _run(["Hà Nội", "Hà Nội", "Đà Nẵng"], tmp_path)
    table = read_tokens(tmp_path)
    assert _rows(table) == [("0", 0, ["Hà_Nội"]), ("1", 0, ["Hà_Nội"]), ("2", 0, ["Đà_Nẵng"])]
    table.loc[0, "tokens"].append("x")  # rows do not share one list
    assert table.loc[1, "tokens"] == ["Hà_Nội"]


def test_renamed_ids_do_not_return_the_old_ids(tmp_path):
    def docs(*pairs):
        return [Document(doc_id=doc_id, paragraphs=(text,)) for doc_id, text in pairs]

    _run(docs(("a", "Hà Nội"), ("b", "Bộ Chính trị họp.")), tmp_path)
    _run(docs(("y", "Bộ Chính trị họp."), ("x", "Hà Nội")), tmp_path)
    assert read_tokens(tmp_path)["doc_id"].tolist() == ["y", "x"]


def test_a_smaller_run_returns_only_its_documents(seed_docs, tmp_path):
    _run(seed_docs, tmp_path, unit="paragraph")
    _run(seed_docs[:2], tmp_path, unit="paragraph")
    expected = [doc_id for doc_id, _ in text_units(seed_docs[:2], unit="paragraph")]
    assert read_tokens(tmp_path)["doc_id"].tolist() == expected


def test_rows_come_in_the_run_order_with_every_unit(seed_docs, tmp_path):
    docs = list(reversed(seed_docs))
    tokens = _run(docs, tmp_path, unit="paragraph")
    table = read_tokens(tmp_path)
    assert table["doc_id"].tolist() == [doc_id for doc_id, _ in text_units(docs, unit="paragraph")]
    assert table["tokens"].tolist() == tokens
    assert str(table["unit_index"].dtype) == "int32"


def test_doc_ids_choose_documents_of_the_run_in_that_order(tmp_path):
    _run({"a": "Hà Nội", "b": "Bộ Chính trị họp.", "c": ""}, tmp_path)
    assert read_tokens(tmp_path, doc_ids=["b", "a"])["doc_id"].tolist() == ["b", "a"]
    assert read_tokens(tmp_path, doc_ids=["c"])["tokens"].tolist() == [[]]
    with pytest.raises(CorpusError, match=r"no document with the id\(s\) \['z'\]"):
        read_tokens(tmp_path, doc_ids=["a", "z"])
    with pytest.raises(TypeError, match="one string"):
        read_tokens(tmp_path, doc_ids="a")


def test_an_interrupted_run_is_not_taken_as_complete(seed_docs, tmp_path):
    from corpus_tools.segment import list_runs

    _run({"cũ": "Hà Nội"}, tmp_path)
    docs = {doc.doc_id: doc.text for doc in seed_docs}
    with pytest.raises(KeyboardInterrupt):
        _run(Interrupted(list(docs.values()), 3), tmp_path, batch_size=1)
    runs = list_runs(tmp_path)
    assert runs["complete"].tolist() == [True, False]
    assert runs["documents"].tolist() == [1, 3]
    # By default: the latest complete run, with a warning naming the unfinished one.
    unfinished = runs["run"].iloc[1]
    with pytest.warns(CacheWarning, match=unfinished):
        assert read_tokens(tmp_path)["doc_id"].tolist() == ["cũ"]
    # Named, the unfinished run gives the documents it finished.
    assert read_tokens(tmp_path, run=unfinished)["doc_id"].tolist() == ["0", "1", "2"]
    # Finishing the run makes it the latest; no warning about the older unfinished run.
    _run(list(docs.values()), tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_tokens(tmp_path)["doc_id"].drop_duplicates().tolist() == [
            str(number) for number in range(len(docs))
        ]


def test_with_no_complete_run_read_tokens_says_how_to_finish_one(seed_docs, tmp_path):
    with pytest.raises(KeyboardInterrupt):
        _run(Interrupted([doc.text for doc in seed_docs], 2), tmp_path, batch_size=1)
    with pytest.raises(CorpusError, match="no run that wrote here finished"):
        read_tokens(tmp_path)
    with pytest.raises(CorpusError, match="holds no run 'nope'"):
        read_tokens(tmp_path, run="nope")


def test_a_consumer_that_stops_early_leaves_an_incomplete_run(tmp_path):
    from corpus_tools.segment import list_runs

    tokens = iter_tokens(["Hà Nội", "Đà Nẵng", "Huế"], cache_dir=tmp_path, batch_size=1)
    assert next(tokens) == ("0", ["Hà_Nội"])
    tokens.close()
    assert list_runs(tmp_path)["complete"].tolist() == [False]


def test_a_folder_without_runs_is_read_only_by_ids(tmp_path):
    # As a cache written before runs were recorded: part files, no manifest.
    key = doc_key("Hà Nội", "document", ())
    with TokenCache(tmp_path) as cache:
        cache.add("a", key, [b"k" * 16], [["Hà_Nội"]])
        cache.add("b", doc_key("Huế", "document", ()), [b"l" * 16], [["Huế"]])
    with pytest.raises(CorpusError, match="no record of the runs"):
        read_tokens(tmp_path)
    assert _rows(read_tokens(tmp_path, doc_ids=["b", "a"])) == [
        ("b", 0, ["Huế"]),
        ("a", 0, ["Hà_Nội"]),
    ]
    with TokenCache(tmp_path) as cache:  # "a" again, with another text
        cache.add("a", doc_key("Hà Nội mới", "document", ()), [b"m" * 16], [["Hà_Nội", "mới"]])
    with pytest.raises(CorpusError, match="more than one text"):
        read_tokens(tmp_path, doc_ids=["a"])
    with pytest.raises(CorpusError, match="no document with the id"):
        read_tokens(tmp_path, doc_ids=["z"])


def test_missing_tokens_are_an_error_not_a_gap(seed_docs, tmp_path):
    _run(seed_docs, tmp_path)
    (part,) = tmp_path.glob("part-*.parquet")
    part.write_bytes(part.read_bytes()[:100])
    with pytest.warns(CacheWarning, match=part.name), pytest.raises(CorpusError, match="missing"):
        read_tokens(tmp_path)


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no such folder"):
        read_tokens(tmp_path / "nowhere")


def test_list_runs_needs_a_folder(tmp_path):
    from corpus_tools.segment import list_runs

    with pytest.raises(CorpusError, match="no such folder"):
        list_runs(tmp_path / "nowhere")
    assert list(list_runs(tmp_path).columns) == [
        "run",
        "complete",
        "started",
        "finished",
        "writer",
        "unit",
        "include_title",
        "documents",
        "skipped",
    ]


def test_skipped_documents_are_not_in_the_run(tmp_path):
    from corpus_tools.errors import SkippedDocumentsWarning
    from corpus_tools.segment import list_runs

    with pytest.warns(SkippedDocumentsWarning):
        _run(["Hà Nội", "Ban Bí thư \ud800 họp", "Huế"], tmp_path, on_error="skip")
    assert read_tokens(tmp_path)["doc_id"].tolist() == ["0", "2"]
    assert list_runs(tmp_path)[["documents", "skipped"]].values.tolist() == [[2, 1]]
