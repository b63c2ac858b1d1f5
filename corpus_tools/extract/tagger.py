"""underthesea's named-entity tagger, with its features built in linear time.

``underthesea.ner`` runs three CRF models in turn (part of speech, chunks, entities),
each on feature strings built by ``template2features``. That function rebuilds every
column of the whole line for every word and every template, so a line of *n* words costs
*n*² × 80 list copies: on news paragraphs of 70 words, over 90 % of the tagger's time.
:func:`tag_entities` builds the same strings once per line and hands them to the same
models (``underthesea_core.CRFTagger``), so its tags are underthesea's, word for word;
:func:`load_tagger` checks that on a few lines when it loads and falls back to
``underthesea.ner`` if they ever differ (a new underthesea release, say).

Internal API: :mod:`~corpus_tools.extract.people` uses it.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["load_tagger", "reference_tag_entities", "tag_entities"]

Tagged = list[tuple[str, str, str, str]]
"""``(word, part of speech, chunk, entity)`` per word, as ``underthesea.ner`` gives them."""

_TEMPLATE = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?"
)  # underthesea's own template syntax, read the way its tagged_feature.py reads it
_SELF_CHECK_LINES = (
    "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương phát "
    "biểu tại Hội nghị.",
    "Ông Putin ca ngợi những thành tựu vĩ đại của Liên Xô",
    "Theo Quy định 205-QĐ/TW, năm 2020 tỉnh Thái Nguyên có 19/19 chỉ tiêu đạt (100 %).",
    "Hà Nội",
)


@dataclass(frozen=True)
class _Step:
    """One CRF of the chain: its model and its parsed feature templates."""

    model: object
    templates: tuple[tuple[str, int, int | None, int, Callable[[str], object] | None], ...]

    def tags(self, rows: Sequence[tuple[str, ...]]) -> list[str]:
        return list(self.model.tag(self.features(rows)))  # type: ignore[attr-defined]

    def features(self, rows: Sequence[tuple[str, ...]]) -> list[list[str]]:
        """The feature strings of every word, as underthesea's ``word2features`` makes
        them, built template by template: each column of ``rows`` once, each word's
        function values once."""
        n = len(rows)
        if not n:
            return []
        columns = list(zip(*rows, strict=True))
        values: dict[tuple[int, Callable[[str], object] | None], list[object]] = {}
        built = []
        for prefix, index1, index2, column, function in self.templates:
            if index2 is None:
                key = (column, function)
                if key not in values:
                    words = columns[column]
                    values[key] = list(words) if function is None else [function(w) for w in words]
                middle = [f"{prefix}{value}" for value in values[key]]
                last = index1
            else:  # "T[-1,0]": words index1 to index2, joined by spaces
                width = index2 - index1 + 1
                words = columns[column]
                joined = [" ".join(words[j : j + width]) for j in range(n - width + 1)]
                if function is not None:
                    joined = [str(function(word)) for word in joined]
                middle = [f"{prefix}{word}" for word in joined]
                last = index2
            # Word i takes middle[i + index1]; before the line's start BOS, after its end EOS.
            bos = min(n, max(0, -index1))
            kept = max(0, min(n - bos, n - max(last, 0) - bos))
            start = bos + index1
            built.append(
                [f"{prefix}BOS"] * bos
                + middle[start : start + kept]
                + [f"{prefix}EOS"] * (n - bos - kept)
            )
        return [list(features) for features in zip(*built, strict=True)]


def _step(predictor: object) -> _Step:
    from underthesea.pipeline.ner import tagged_feature

    functions: dict[str, Callable[[str], object]] = {
        "lower": tagged_feature.text_lower,
        "istitle": tagged_feature.text_istitle,
        "isallcap": tagged_feature.text_isallcap,
        "isdigit": tagged_feature.text_isdigit,
        "is_in_dict": tagged_feature.text_is_in_dict,
    }
    templates = []
    for syntax in predictor.transformer.template:  # type: ignore[attr-defined]
        found = _TEMPLATE.match(syntax)
        if found is None:
            raise ValueError(f"unknown feature template {syntax!r}")
        index2 = found.group("index2")
        name = found.group("function")
        templates.append(
            (
                f"{syntax}=",
                int(found.group("index1")),
                int(index2) if index2 else None,
                int(found.group("column") or 0),
                functions[name] if name else None,
            )
        )
    return _Step(predictor.model, tuple(templates))  # type: ignore[attr-defined]


class _Tagger:
    """The three CRFs of ``underthesea.ner``, fed features built once per line."""

    def __init__(self) -> None:
        from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
        from underthesea.pipeline.ner.model_crf import CRFNERPredictor
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        self.pos = _step(CRFPOSTagPredictor.Instance())
        self.chunk = _step(CRFChunkingPredictor.Instance())
        self.ner = _step(CRFNERPredictor.Instance())

    def __call__(self, line: str) -> Tagged:
        from underthesea import word_tokenize

        words = word_tokenize(line)
        if not words:
            return []
        pos = self.pos.tags([(word, "X") for word in words])
        chunks = self.chunk.tags([(w, p, "X") for w, p in zip(words, pos, strict=True)])
        rows = list(zip(words, pos, chunks, strict=True))
        entities = self.ner.tags([(*row, "X") for row in rows])
        return [(*row, tag) for row, tag in zip(rows, entities, strict=True)]


_tagger: Callable[[str], Tagged] | None = None
_lock = threading.Lock()


def reference_tag_entities(line: str) -> Tagged:
    """``underthesea.ner(line)``, with its words and tags as tuples (internal API: the
    reference :func:`tag_entities` is checked against).

    Examples
    --------
    >>> reference_tag_entities("Ông Putin thăm Liên Xô")[1]
    ('Putin', 'Np', 'B-NP', 'B-PER')
    """
    from underthesea import ner

    return [tuple(row) for row in ner(line)]


def load_tagger() -> Callable[[str], Tagged]:
    """The tagger :func:`tag_entities` uses, built once per process (internal API).

    The fast tagger is kept only if it tags a few check lines exactly as
    ``underthesea.ner`` does; otherwise, with a warning, ``underthesea.ner`` itself.
    """
    global _tagger
    with _lock:
        if _tagger is None:
            try:
                fast = _Tagger()
                for line in _SELF_CHECK_LINES:
                    if fast(line) != reference_tag_entities(line):
                        raise ValueError(f"its tags differ from underthesea's on {line!r}")
            except Exception as error:  # any failure means: do not use it
                warnings.warn(
                    f"corpus_tools: finding names with underthesea.ner itself, much slower "
                    f"on long lines, because the fast tagger cannot be used: {error}",
                    RuntimeWarning,
                    stacklevel=2,
                )
                _tagger = reference_tag_entities
            else:
                _tagger = fast
        return _tagger


def tag_entities(line: str) -> Tagged:
    """Tag one line as ``underthesea.ner`` does: ``(word, pos, chunk, entity)`` per word.

    Internal API. The CRF models ship inside underthesea's wheel: nothing is downloaded.

    Examples
    --------
    >>> [(word, entity) for word, _, _, entity in tag_entities("Ông Putin thăm Liên Xô")]
    [('Ông', 'O'), ('Putin', 'B-PER'), ('thăm', 'O'), ('Liên Xô', 'B-LOC')]
    """
    return load_tagger()(line)
