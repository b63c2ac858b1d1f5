"""Segmenting on Dask writes the token dataset that the local path writes and reads."""

from __future__ import annotations

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
    # The Dask output is a cache for the local path: nothing is segmented again.
    monkeypatch.setattr(segment_runner, "segment_units", no_segmentation)
    assert tokenize_corpus(docs, unit="paragraph", cache_dir=tmp_path / "dask") == local
