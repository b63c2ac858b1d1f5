"""The fast named-entity tagger gives underthesea.ner's tags, word for word."""

from __future__ import annotations

import unicodedata

import pytest

from corpus_tools import normalize_text
from corpus_tools.extract import tagger
from corpus_tools.extract.tagger import load_tagger, reference_tag_entities, tag_entities

LINES = [
    "",
    "   ",
    "Hà Nội",
    "Ông Putin ca ngợi những thành tựu vĩ đại của Liên Xô",
    "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ "
    "chức Trung ương phát biểu chỉ đạo Hội nghị.",
    "Theo Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị, 19/19 chỉ tiêu đạt 100 %.",
    "Chủ tịch La Liga Javier Tebas và HLV Park Hang-seo (Hàn Quốc) gặp nhau tại TP.HCM.",
    unicodedata.normalize("NFD", "Bà Nguyễn Thị Hoà nói: “Đội tuyển Thái Lan mạnh”."),
    "a",
    "1 2 3 ... !!!",
]


@pytest.mark.parametrize("line", LINES)
def test_tags_are_underthesea_tags(line):
    assert tag_entities(line) == reference_tag_entities(line)


@pytest.mark.parametrize("step", ["pos", "chunk", "ner"])
def test_features_are_underthesea_features(step):
    """Every prefix of a line, from no word to all: the line's edges (BOS, EOS) reach
    every template."""
    from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
    from underthesea.pipeline.ner.model_crf import CRFNERPredictor
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    predictor = {
        "pos": CRFPOSTagPredictor,
        "chunk": CRFChunkingPredictor,
        "ner": CRFNERPredictor,
    }[step].Instance()
    fast = tagger._step(predictor)
    tagged = reference_tag_entities(
        "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, phát biểu tại Hội nghị hôm qua."
    )
    for n in range(len(tagged) + 1):
        rows = {
            "pos": [(word, "X") for word, *_ in tagged[:n]],
            "chunk": [(word, pos, "X") for word, pos, *_ in tagged[:n]],
            "ner": [(word, pos, chunk, "X") for word, pos, chunk, _ in tagged[:n]],
        }[step]
        expected = predictor.transformer.transform([rows])[0][0] if rows else []
        assert fast.features(rows) == expected, n


@pytest.mark.slow
def test_every_line_of_the_seeds(seed_docs):
    lines = {line for doc in seed_docs for line in normalize_text(doc.text).split("\n")}
    for line in sorted(lines):
        assert tag_entities(line) == reference_tag_entities(line), line


def test_a_tagger_that_disagrees_is_not_used(monkeypatch):
    class Wrong(tagger._Tagger):
        def __call__(self, line):
            return [(word, pos, chunk, "O") for word, pos, chunk, _ in super().__call__(line)]

    monkeypatch.setattr(tagger, "_Tagger", Wrong)
    monkeypatch.setattr(tagger, "_tagger", None)
    with pytest.warns(RuntimeWarning, match="underthesea.ner itself"):
        chosen = load_tagger()
    assert chosen is reference_tag_entities
    assert tag_entities("Ông Putin thăm Liên Xô")[1][3] == "B-PER"
    monkeypatch.setattr(tagger, "_tagger", None)
    monkeypatch.undo()
    assert isinstance(load_tagger(), tagger._Tagger)
