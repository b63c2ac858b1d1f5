"""benchmarks/make_corpus.py: the synthetic corpus in the layout of real collections."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from corpus_tools import read_corpus

ROOT = Path(__file__).resolve().parent.parent
FILE_NAME = re.compile(r"news_(?P<category>[a-z]+)_\d+\.txt")
DATE_FORMS = {
    "%Y%m%d": r"\d{8}",
    "%Y-%m-%d": r"\d{4}-\d{2}-\d{2}",
    "%d/%m/%Y": r"\d{2}/\d{2}/\d{4}",
}


@pytest.fixture(scope="module")
def make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks/make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(make_corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic") / "corpus"
    make_corpus.main([str(folder), "--articles", "30", "--seed", "0"])
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def test_layout_is_category_folders_of_news_files_with_header_lines(corpus):
    files = sorted(corpus.rglob("*.txt"))
    assert len(files) == 30
    assert len({file.parent for file in files}) == 10
    for file in files:
        assert file.parent.parent == corpus
        name = FILE_NAME.fullmatch(file.name)
        assert name, file.name
        assert name["category"] == file.parent.name
        lines = unicodedata.normalize("NFC", file.read_text(encoding="utf-8")).split("\n")
        assert lines[0] == f"# doc_id = {file.stem}"
        assert re.fullmatch(rf"# url = https://\S+/{file.parent.name}/[a-z0-9-]+\.html", lines[1])
        assert re.fullmatch(r"# date = \S+", lines[2])
        body = [line for line in lines[3:] if line and not line.startswith("# ")]
        assert len(body) >= 2, file.name  # a title line or a title header, then paragraphs
        assert lines[-1] == ""  # ends with a newline


def test_dates_come_in_three_formats_within_the_range(corpus):
    found = set()
    for file in corpus.rglob("*.txt"):
        value = file.read_text(encoding="utf-8").split("\n")[2].removeprefix("# date = ")
        form = next(f for f, pattern in DATE_FORMS.items() if re.fullmatch(pattern, value))
        assert dt.date(2020, 1, 1) <= dt.datetime.strptime(value, form).date()
        found.add(form)
    assert len(found) == 3


def test_files_vary_as_scraped_collections_do(corpus):
    texts = [file.read_text(encoding="utf-8") for file in corpus.rglob("*.txt")]
    assert any("\n# title = " in text for text in texts)
    assert any("\nBẠN CÓ THỂ QUAN TÂM\n" in text for text in texts)


def test_same_seed_gives_the_same_bytes(make_corpus, corpus, tmp_path):
    make_corpus.main([str(tmp_path / "again"), "--articles", "30", "--seed", "0"])
    assert files_of(tmp_path / "again") == files_of(corpus)


def test_read_corpus_reads_every_article(corpus):
    docs = read_corpus(corpus)
    assert len(docs) == 30
    assert all(doc.text.strip() for doc in docs)


def test_without_shared_data_it_uses_the_seeds_and_says_so(make_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(make_corpus, "DEFAULT_UD", (tmp_path / "missing.conllu",))
    summary = make_corpus.write_corpus(tmp_path / "out", articles=12, categories=3)
    assert summary.files == 12
    assert any("seeds' 117 sentences only" in note for note in summary.notes)


def test_refuses_a_folder_that_is_not_empty(make_corpus, tmp_path):
    (tmp_path / "old.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit, match="not empty"):
        make_corpus.write_corpus(tmp_path, articles=3)


@pytest.mark.parametrize(
    ("tokenised", "printed"),
    [
        ("xã có 68 tổ , mỗi tổ 40 gia đình .", "Xã có 68 tổ, mỗi tổ 40 gia đình."),
        ('anh nói : " Coi bộ nhỏ lắm ! " .', 'Anh nói: "Coi bộ nhỏ lắm!".'),
        ("phí LBKT 1.150 usd RBKT tăng 90 % ...", "Phí (1.150 usd) tăng 90%..."),
        ('đất nước nữa đấy " .', 'Đất nước nữa đấy".'),
        ("", ""),
    ],
)
def test_detokenize_joins_treebank_punctuation(make_corpus, tokenised, printed):
    assert make_corpus.detokenize(tokenised) == printed
