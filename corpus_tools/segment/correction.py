"""Correct the model's word boundaries with what the UD Vietnamese treebank teaches.

underthesea's model was trained on VLSP 2013. On the UD_Vietnamese-VTB treebank it
joins a given name with the verb after it ("Phú chọn"), splits words it has in its own
dictionary ("trở về", "vụ án") and is misled by a capital at the start of a sentence. A
logistic regression, learnt from the treebank's train split by
``benchmarks/learn_segmentation.py``, rescores each boundary between two syllables
(pieces made of letters only) from:

* the model's own decision (Viterbi) and its begin margin (emission scores of "begins a
  word" minus "inside a word", :meth:`~corpus_tools.segment.crf.FastCRF.decode`);
* the letter case of the two syllables (lower, title, upper) and whether the first one
  opens a sentence;
* whether the pair is a word of underthesea's dictionary;
* how often the pair was one word and how often two in the train split (syllables
  lowercase and normalised, so the counts hold whatever the input's tone placement,
  Unicode form or Ð).

A boundary is a word beginning when its score is positive. Boundaries next to digits,
Roman numerals, punctuation or codes keep the model's decision. The weights and the pair counts are
package data, ``data/vtb_syllable_pairs.txt`` (CC BY-SA 4.0, derived from
UD_Vietnamese-VTB; notice in ``data/LICENSE-vtb-syllable-pairs.txt``). Internal API:
:mod:`corpus_tools.segment.decoder` uses it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .crf import model_dictionary

__all__ = [
    "PAIRS_FILE",
    "BoundaryModel",
    "BoundaryScorer",
    "boundary_features",
    "boundary_scores",
    "load_boundary_model",
    "load_boundary_scorer",
    "piece_shape",
    "read_boundary_model",
]

PAIRS_FILE = "vtb_syllable_pairs.txt"
"""The package data file that holds the learnt weights and syllable-pair counts."""

SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "(", "-", "–", "…", "..."})
"""Pieces after which the next syllable opens a sentence (or a quote, or a clause)."""

SYLLABLE_SHAPES = frozenset({"lower", "title", "upper"})
"""Shapes of pieces made of letters only; boundaries between two of them are rescored."""

_SMOOTHING = 0.5
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_NOT_LETTER = re.compile(r"[\W\d_]")
_ROMAN = re.compile(r"(?=[IVXL])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})").fullmatch


@lru_cache(maxsize=1 << 16)
def piece_shape(piece: str) -> str:
    """Return a piece's shape: lower, title, upper, roman, digit, punct or mixed.

    A Roman numeral from I to XCIX ("XII", "IV", but not "C" or "D") is a number, not
    a syllable: the boundary before it keeps the model's decision, as next to digits
    ("Đại_hội_XII", "quý_IV"; the UD treebank splits them, this package does not).

    Examples
    --------
    >>> [piece_shape(p) for p in ("họp", "Hà", "UBND", "2024", ".", "205-QĐ/TW", "XIII")]
    ['lower', 'title', 'upper', 'digit', 'punct', 'mixed', 'roman']
    """
    if _ROMAN(piece):
        return "roman"
    if not _LETTER.search(piece):
        return "digit" if _DIGIT.search(piece) else "punct"
    if _NOT_LETTER.search(piece):
        return "mixed"
    if piece.islower():
        return "lower"
    if piece[0].isupper() and (len(piece) == 1 or piece[1:].islower()):
        return "title"
    return "upper" if piece.isupper() else "mixed"


Pairs = dict[tuple[str, str], tuple[int, int]]


def boundary_features(
    pieces: Sequence[str],
    lowered: Sequence[str],
    begins: Sequence[bool],
    margins: Sequence[float],
    j: int,
    pairs: Pairs,
    dictionary: set[str] | frozenset[str],
) -> dict[str, float] | None:
    """The features of the boundary before piece ``j``, or None if it is not rescored.

    ``pieces`` are a line's pieces as written, ``lowered`` the same lowercased,
    ``begins`` and ``margins`` the model's (:meth:`~corpus_tools.segment.crf.FastCRF.decode`),
    ``pairs`` maps a lowercase syllable pair to how often it was (one word, two words).

    Examples
    --------
    >>> features = boundary_features(
    ...     ["Phú", "chọn"], ["phú", "chọn"], [True, False], [4.0, -1.5], 1, {}, set()
    ... )
    >>> features["shapes=title,lower"], features["viterbi"], features["margin"]
    (1.0, 0.0, -1.5)
    """
    left, right = piece_shape(pieces[j - 1]), piece_shape(pieces[j])
    if left not in SYLLABLE_SHAPES or right not in SYLLABLE_SHAPES:
        return None
    features = {
        "viterbi": 1.0 if begins[j] else 0.0,
        "margin": margins[j],
        f"shapes={left},{right}": 1.0,
        "in_dictionary": 1.0 if f"{lowered[j - 1]} {lowered[j]}" in dictionary else 0.0,
    }
    if j == 1 or lowered[j - 2] in SENTENCE_OPENERS:
        features["sentence_start"] = 1.0
    counts = pairs.get((lowered[j - 1], lowered[j]))
    if counts:
        features |= _pair_features(*counts)
    return features


class BoundaryModel(NamedTuple):
    """The learnt weights (by feature name, with ``"intercept"``) and pair counts."""

    weights: dict[str, float]
    pairs: Pairs


def read_boundary_model(text: str) -> BoundaryModel:
    """Parse the data file: ``weight NAME VALUE`` and ``pair LEFT RIGHT INSIDE BETWEEN``
    lines, tab-separated; lines starting with ``#`` are comments.

    Examples
    --------
    >>> read_boundary_model("# c\\nweight\\tintercept\\t-0.5\\npair\\ttrở\\tvề\\t7\\t0\\n")
    BoundaryModel(weights={'intercept': -0.5}, pairs={('trở', 'về'): (7, 0)})
    """
    weights: dict[str, float] = {}
    pairs: Pairs = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, *fields = line.split("\t")
        if kind == "weight" and len(fields) == 2:
            weights[fields[0]] = float(fields[1])
        elif kind == "pair" and len(fields) == 4:
            pairs[(fields[0], fields[1])] = (int(fields[2]), int(fields[3]))
        else:
            raise ValueError(f"{PAIRS_FILE}: cannot read line {line!r}")
    return BoundaryModel(weights, pairs)


@lru_cache(maxsize=1)
def load_boundary_model() -> BoundaryModel:
    """The boundary model shipped as package data (:data:`PAIRS_FILE`)."""
    path = resources.files("corpus_tools").joinpath("data", PAIRS_FILE)
    return read_boundary_model(path.read_text(encoding="utf-8"))


class BoundaryScorer(NamedTuple):
    """:class:`BoundaryModel` with each feature's weight looked up once."""

    by_shapes: dict[tuple[str, str], float]  # intercept + weight of the shape pair
    viterbi: float
    margin: float
    in_dictionary: float
    sentence_start: float
    by_pair: dict[tuple[str, str], float]  # the weighted pair features, summed
    dictionary: set[str]  # underthesea's


def _pair_features(inside: int, between: int) -> dict[str, float]:
    return {
        "pair_log_odds": math.log((inside + _SMOOTHING) / (between + _SMOOTHING)),
        "pair_seen": 1.0,
        "pair_log_count": math.log1p(inside + between),
    }


@lru_cache(maxsize=1)
def load_boundary_scorer() -> BoundaryScorer:
    """The boundary model with each feature's weight looked up once, built once.

    Internal API: building it takes a tenth of a second, so the decoder builds it
    when it loads the model rather than on the first line it segments.
    """
    weights, pairs = load_boundary_model()
    weight = weights.get
    intercept = weight("intercept", 0.0)
    by_pair = {
        key: sum(weight(name, 0.0) * value for name, value in _pair_features(*counts).items())
        for key, counts in pairs.items()
    }
    return BoundaryScorer(
        {
            (a, b): intercept + weight(f"shapes={a},{b}", 0.0)
            for a in SYLLABLE_SHAPES
            for b in SYLLABLE_SHAPES
        },
        weight("viterbi", 0.0),
        weight("margin", 0.0),
        weight("in_dictionary", 0.0),
        weight("sentence_start", 0.0),
        by_pair,
        model_dictionary(),
    )


def boundary_scores(
    pieces: Sequence[str], begins: Sequence[bool], margins: Sequence[float]
) -> list[float | None]:
    """Score each boundary of a line: positive means a word begins at that piece.

    Entry ``j`` scores the boundary before piece ``j``; it is None for ``j = 0`` and
    where either side is not a syllable (the model's decision then stands). The score
    is the intercept plus the weighted :func:`boundary_features`, summed in one pass.

    Examples
    --------
    >>> scores = boundary_scores(["Phú", "chọn"], [True, False], [4.0, -1.5])
    >>> scores[0] is None, scores[1] > 0
    (True, True)
    """
    scorer = load_boundary_scorer()
    by_shapes, by_pair, memo = scorer.by_shapes, scorer.by_pair, _pair_memo
    if len(memo) > _PAIR_MEMO_LIMIT:
        memo.clear()
    shapes = [piece_shape(piece) for piece in pieces]
    lowered = [piece.lower() for piece in pieces]
    scores: list[float | None] = [None] * len(pieces)
    for j in range(1, len(pieces)):
        score = by_shapes.get((shapes[j - 1], shapes[j]))
        if score is None:
            continue
        pair = (lowered[j - 1], lowered[j])
        known = memo.get(pair)
        if known is None:  # what the pair itself says: its counts and the dictionary
            known = memo[pair] = by_pair.get(pair, 0.0) + (
                scorer.in_dictionary if f"{pair[0]} {pair[1]}" in scorer.dictionary else 0.0
            )
        score += known + scorer.margin * margins[j]
        if begins[j]:
            score += scorer.viterbi
        if j == 1 or lowered[j - 2] in SENTENCE_OPENERS:
            score += scorer.sentence_start
        scores[j] = score
    return scores


_PAIR_MEMO_LIMIT = 500_000
_pair_memo: dict[tuple[str, str], float] = {}
