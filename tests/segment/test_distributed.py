"""Segmenting on Dask writes the token dataset that the local path writes and reads."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from corpus_tools.errors import CorpusError, SegmentationError
from corpus_tools.io import read_corpus
from corpus_tools.paths import seeds_dir
from corpus_tools.segment import read_tokens, tokenize_corpus
from corpus_tools.segment import runner as segment_runner

from .helpers import no_segmentation

dask = pytest.importorskip("dask")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("corpus_tools.segment.distributed")


@pytest.fixture
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


def test_a_bag_of_mappings_is_written_and_failures_reported(tmp_path, synchronous):
    import dask.bag as db

    records = [
        {"doc_id": "a", "title": "Tin", "text": "Bộ Chính trị họp.\nHà Nội"},
        {"doc_id": "b", "text": "Ban Bí thư \ud800 họp"},  # a lone surrogate fails
        {"doc_id": "c", "text": ""},
    ]
    bag = db.from_sequence(records, npartitions=2)
    report = distributed.tokenize_bag(bag, tmp_path, unit="paragraph", on_error="skip")
    assert list(report.columns) == ["doc_id", "units", "error"]
    assert report["doc_id"].tolist() == ["a", "b", "c"]
    assert report["units"].tolist() == [3, 0, 0]
    assert report["error"].isna().tolist() == [True, False, True]
    table = read_tokens(tmp_path)
    assert table["doc_id"].tolist() == ["a", "a", "a"]
    assert table["tokens"].tolist() == [["Tin"], ["Bộ_Chính_trị", "họp", "."], ["Hà_Nội"]]
    with pytest.raises(SegmentationError, match="1 document"):
        distributed.tokenize_bag(bag, tmp_path / "again", unit="paragraph")


def test_bad_options_are_named(tmp_path):
    import dask.bag as db

    bag = db.from_sequence(["x.txt"])
    with pytest.raises(CorpusError, match="unit must be"):
        distributed.tokenize_bag(bag, tmp_path, unit="chapter")
    with pytest.raises(CorpusError, match="on_error must be"):
        distributed.tokenize_bag(bag, tmp_path, on_error="ignore")


@pytest.mark.slow
def test_dask_on_a_local_cluster_writes_what_the_local_path_writes(tmp_path, monkeypatch):
    cluster_module = pytest.importorskip("dask.distributed")

    docs = read_corpus()
    local = tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path / "local")
    with (
        cluster_module.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        cluster_module.Client(cluster),
    ):
        report = distributed.tokenize_folder(
            seeds_dir(), tmp_path / "dask", npartitions=2, unit="paragraph"
        )
    assert report["error"].isna().all()
    assert report["doc_id"].tolist() == [doc.doc_id for doc in docs]

    def rows(folder: Path) -> list[dict]:
        return sorted(pq.read_table(folder).to_pylist(), key=lambda r: (r["doc_id"], r["unit"]))

    assert rows(tmp_path / "dask") == rows(tmp_path / "local")
    # Both record their run: read_tokens gives the same table, in the corpus order.
    assert read_tokens(tmp_path / "dask").equals(read_tokens(tmp_path / "local"))
    # The Dask output is a cache for the local path: nothing is segmented again.
    monkeypatch.setattr(segment_runner, "segment_units", no_segmentation)
    assert tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path / "dask") == local


@pytest.mark.filterwarnings("ignore:The inplace keyword:DeprecationWarning")
def test_a_bag_run_is_recorded_so_read_tokens_returns_it(tmp_path, synchronous):
    import dask.bag as db

    first = [{"doc_id": "a", "text": "Hà Nội"}, {"doc_id": "b", "text": "Bộ Chính trị họp."}]
    distributed.tokenize_bag(db.from_sequence(first, npartitions=2), tmp_path)
    renamed = [{"doc_id": "y", "text": "Bộ Chính trị họp."}, {"doc_id": "x", "text": "Hà Nội"}]
    distributed.tokenize_bag(db.from_sequence(renamed, npartitions=2), tmp_path)
    assert read_tokens(tmp_path)["doc_id"].tolist() == ["y", "x"]
    from corpus_tools.segment import list_runs

    runs = list_runs(tmp_path)
    assert runs["complete"].all() and runs["writer"].tolist() == ["distributed.tokenize_bag"] * 2
    # Dataset readers see only the part files (which hold both runs), not the manifests.
    assert sorted(pq.read_table(tmp_path).column("doc_id").to_pylist()) == ["a", "b", "x", "y"]
    assert len(dask.dataframe.read_parquet(tmp_path).compute()) == 4


def test_a_failed_bag_run_is_not_recorded_as_complete(tmp_path, synchronous):
    import dask.bag as db

    bag = db.from_sequence([{"doc_id": "a", "text": "Ban Bí thư \ud800 họp"}])
    with pytest.raises(SegmentationError):
        distributed.tokenize_bag(bag, tmp_path)
    with pytest.raises(CorpusError, match="no run that wrote here finished"):
        read_tokens(tmp_path)


def test_bag_mappings_without_an_id_or_a_text_are_reported(tmp_path, synchronous):
    import dask.bag as db

    records = [{"text": "Hà Nội"}, {"doc_id": "b", "text": None}, {"doc_id": "c", "text": 5}]
    report = distributed.tokenize_bag(
        db.from_sequence(records, npartitions=2), tmp_path, on_error="skip"
    )
    assert report["error"].str.contains("no doc_id|no text|must be a str").all()
    assert report["units"].tolist() == [0, 0, 0]


def test_a_frame_row_without_text_is_reported_not_read_as_nan(tmp_path, synchronous):
    import dask.dataframe as dd
    import pandas as pd

    frame = pd.DataFrame(
        {"mã bài": ["a", "b", None], "nội dung": ["Hà Nội", None, "Huế"], "tựa": [None, "T", "U"]}
    )
    report = distributed.tokenize_dataframe(
        dd.from_pandas(frame, npartitions=2),
        tmp_path,
        text_column="nội dung",
        id_column="mã bài",
        title_column="tựa",
        on_error="skip",
    )
    assert list(report.columns) == ["doc_id", "units", "error"]
    assert report["units"].tolist() == [1, 0, 0]
    assert report["error"].isna().tolist() == [True, False, False]
    assert _rows(read_tokens(tmp_path)) == [("a", ["Hà_Nội"])]


def _rows(table):
    return list(zip(table["doc_id"], table["tokens"], strict=True))


def test_an_empty_out_dir_is_an_error(synchronous):
    import dask.bag as db

    with pytest.raises(CorpusError, match="out_dir is empty"):
        distributed.tokenize_bag(db.from_sequence([{"doc_id": "a", "text": "Huế"}]), "")


def test_a_folder_read_takes_any_case_and_skips_hidden_files(tmp_path, synchronous):
    corpus = tmp_path / "corpus"
    (corpus / ".ipynb_checkpoints").mkdir(parents=True)
    text = "Tin mới\nBộ Chính trị họp ở Hà Nội ngày hôm qua để bàn công tác cán bộ.\n"
    (corpus / "a.TXT").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    (corpus / ".ipynb_checkpoints" / "b-checkpoint.txt").write_text(text, encoding="utf-8")
    (corpus / "._b.txt").write_bytes(b"\x00\x05\x16\x07")  # macOS resource fork
    report = distributed.tokenize_folder(corpus, tmp_path / "out")
    assert report["doc_id"].tolist() == ["a", "b"]
    assert report["error"].isna().all()
    assert read_tokens(tmp_path / "out")["doc_id"].tolist() == ["a", "b"]


def test_entries_named_like_documents_that_are_not_files_are_named(tmp_path, synchronous):
    corpus = tmp_path / "corpus"
    (corpus / "folder.txt").mkdir(parents=True)
    (corpus / "a.txt").write_text("Hà Nội", encoding="utf-8")
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    os.mkfifo(corpus / "pipe.txt")
    named = r"3 entry.*dangling\.txt: a broken.*folder\.txt: a folder"
    with pytest.raises(CorpusError, match=named):
        distributed.tokenize_folder(corpus, tmp_path / "out")
    report = distributed.tokenize_folder(corpus, tmp_path / "out", on_error="skip")
    assert report["doc_id"].tolist() == ["a", "dangling", "folder", "pipe"]
    assert report["error"].isna().tolist() == [True, False, False, False]


def test_an_empty_or_missing_source_is_an_error(tmp_path, synchronous, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("Huế", encoding="utf-8")
    with pytest.raises(CorpusError, match="source is empty"):
        distributed.tokenize_folder("", tmp_path / "out")
    with pytest.raises(CorpusError, match="no such folder"):
        distributed.tokenize_folder(tmp_path / "nowhere", tmp_path / "out")
