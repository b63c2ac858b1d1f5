"""The CRF model read from its file: underthesea's tags, bit for bit, from a memo."""

from __future__ import annotations

import shutil

import pytest

from corpus_tools.segment.crf import FastCRF, feature_margins, model_dir
from corpus_tools.segment.decoder import load_model

FEEDS = [
    ["Bộ", "Chính", "trị", "họp", "ở", "Hà", "Nội", "."],
    ["BAN", "CHẤP", "HÀNH", "TRUNG", "ƯƠNG"],
    [],
    ["ở"],
    ["GDP", "tăng", "7,08", "%", "từ", "2011", "205-QĐ/TW", "__"],
]


@pytest.fixture(scope="module")
def crf():
    return FastCRF(model_dir())


def underthesea_begins(feeds):
    model = load_model()
    features = model.featurizer.process([[[s] for s in feed] for feed in feeds])
    return [[tag != "I-W" for tag in model.estimator.tag(f)] if f else [] for f in features]


def test_model_dir_holds_the_model_files():
    assert {"models.bin", "features.bin", "dictionary.bin"} <= {
        path.name for path in model_dir().iterdir()
    }


def test_begins_equal_underthesea_tags_and_the_memo_changes_nothing(crf):
    expected = underthesea_begins(FEEDS)
    assert crf.begins(FEEDS) == expected
    assert crf.begins(FEEDS) == expected  # every n-gram now from memory
    assert crf.begins(FEEDS[::-1]) == expected[::-1]


def test_begins_of_nothing(crf):
    assert crf.begins([]) == []
    assert crf.begins([[], []]) == [[], []]


def test_a_file_that_is_not_a_crfsuite_model_is_refused(tmp_path):
    for name in ("features.bin", "dictionary.bin"):
        shutil.copy(model_dir() / name, tmp_path / name)
    (tmp_path / "models.bin").write_bytes(bytes(48))
    with pytest.raises(ValueError, match="not a CRFsuite model file"):
        FastCRF(tmp_path)


def test_decode_gives_the_tags_and_underthesea_feature_margins(crf):
    model = load_model()
    features = model.featurizer.process([[[s] for s in feed] for feed in FEEDS])
    decoded = crf.decode(FEEDS)
    assert [begins for begins, _ in decoded] == underthesea_begins(FEEDS)
    for (_, margins), line_features in zip(decoded, features, strict=True):
        assert margins == pytest.approx(feature_margins(line_features), abs=1e-9)
    # A margin is what the features say: positive where the model is sure a word begins.
    assert decoded[0][1][0] > 0 and decoded[0][1][2] < 0  # Bộ | Chính trị: "trị" is inside
