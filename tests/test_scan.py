"""Reading the corpus once per run: the token cache it fills, the documents it summarises."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import documents_table, read_corpus, tokenize_corpus
from corpus_tools.errors import CorpusError
from corpus_tools.groups import document_label
from corpus_tools.scan import (
    CorpusSummary,
    scan_corpus,
    scan_in_child,
    write_documents,
)
from corpus_tools.segment import runner as segment_runner


def write_corpus(folder: Path, n: int = 3) -> Path:
    for number in range(n):
        sub = folder / ("the_thao" if number % 2 else "thoi_su")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"news_{number:03d}.txt").write_text(
            f"Hội nghị cán bộ lần thứ {number + 1}\n"
            "Ngày 03/02/2021, Bộ Chính trị họp về công tác cán bộ.\n"
            f"Ban Bí thư chỉ đạo {number + 2} tỉnh ủy thực hiện.\n",
            encoding="utf-8",
        )
    return folder


def test_scan_corpus_counts_words_and_fills_the_cache_for_both_units(
    tmp_path, monkeypatch, seed_docs
):
    source = write_corpus(tmp_path / "corpus")
    cache = tmp_path / "tokens"
    summary = scan_corpus(source, cache_dir=cache, progress=False)
    docs = read_corpus(source)
    assert summary.documents == 3
    assert summary.table["doc_id"].tolist() == [doc.doc_id for doc in docs]
    assert summary.table["words"].tolist() == [len(t) for t in tokenize_corpus(docs)]
    assert summary.words == sum(summary.table["words"])
    assert list(summary.table.columns[:2]) == ["doc_id", "label"]
    # the id as written, "_" kept (was "(the thao/news 001)")
    assert summary.table["label"].str.contains(r"\(the_thao/news_001\)$").sum() == 1
    expected = {unit: tokenize_corpus(docs, unit=unit) for unit in ("document", "paragraph")}

    def no_segmentation(texts, user_words):
        raise AssertionError("the notebooks segmented again what the run had segmented")

    monkeypatch.setattr(segment_runner, "segment_units", no_segmentation)
    for unit, tokens in expected.items():
        assert tokenize_corpus(docs, unit=unit, cache_dir=cache, n_jobs=-1) == tokens
    assert tokenize_corpus(docs, cache_dir=cache, lowercase=True, keep_punct=True)


def test_scan_corpus_reads_and_normalises_the_corpus_once(tmp_path, monkeypatch):
    from corpus_tools import normalize, scan
    from corpus_tools.segment import runner, units

    source = write_corpus(tmp_path / "corpus")
    reads, normalised = [], []
    read, normalise = scan.iter_corpus, normalize.normalize_text

    def counting_read(*args, **kwargs):
        reads.append(args)
        return read(*args, **kwargs)

    def counting_normalise(text, *args, **kwargs):
        normalised.append(text)
        return normalise(text, *args, **kwargs)

    monkeypatch.setattr(scan, "iter_corpus", counting_read)
    monkeypatch.setattr(runner, "normalize_text", counting_normalise)
    monkeypatch.setattr(units, "normalize_text", counting_normalise)
    summary = scan_corpus(source, cache_dir=tmp_path / "tokens", progress=False)
    assert summary.documents == 3
    assert len(reads) == 1  # was 2: a second pass joined the documents
    assert len(normalised) == 3  # one per document


def test_scan_corpus_refuses_two_documents_with_one_id(tmp_path):
    table = tmp_path / "bai.csv"
    table.write_text("id,text\na,Hà Nội họp.\na,Huế mưa.\n", encoding="utf-8")
    with pytest.raises(Exception, match="'a'"):
        scan_corpus(table, cache_dir=tmp_path / "tokens", progress=False)


def test_write_documents_writes_every_row(tmp_path, seed_docs):
    table = documents_table(seed_docs)
    table.insert(1, "label", [document_label(d.doc_id, d.title) for d in seed_docs])
    table["words"] = 1
    summary = CorpusSummary(None, table)
    path = write_documents(summary, tmp_path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read Vietnamese
    assert pd.read_csv(path, encoding="utf-8-sig")["doc_id"].tolist() == [
        doc.doc_id for doc in seed_docs
    ]


@pytest.mark.slow
def test_the_scan_runs_in_a_child_and_brings_back_its_summary_or_its_error(tmp_path):
    source = write_corpus(tmp_path / "corpus")
    summary = scan_in_child(source, cache_dir=tmp_path / "tokens", n_jobs=1)
    assert summary.table.equals(
        scan_corpus(source, cache_dir=tmp_path / "t2", progress=False).table
    )
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match=r"holds no \.txt files"):
        scan_in_child(tmp_path / "empty", cache_dir=tmp_path / "tokens")
