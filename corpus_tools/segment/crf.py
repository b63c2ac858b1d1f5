"""underthesea's word-segmentation CRF, decoded with per-n-gram weight lookups.

underthesea turns every syllable into 43 feature strings (in Rust), copies them to Python
and back, and looks each one up in the model: about two thirds of its time. The features
of a syllable depend only on the n-grams (n = 1, 2, 3) around it, and news repeats its
n-grams, so :class:`FastCRF` looks each n-gram's feature weights up once per process and
keeps them in arrays. Emission scores are summed in the model's feature order and Viterbi
decoding repeats underthesea_core's arithmetic step by step, so the tags are the same,
bit for bit (checked by :func:`corpus_tools.segment.decoder.load_fast_decoder` when it
loads, and by the tests). :meth:`FastCRF.decode` also gives each syllable's begin
margin (its emission scores' difference), which the learnt correction uses;
:func:`feature_margins` computes the same from underthesea's own feature strings for the
reference path. Internal API: :mod:`corpus_tools.segment.decoder` uses it.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy

__all__ = ["FastCRF", "feature_margins", "load_dictionary", "model_dictionary", "model_dir"]

_MODEL_NAME = "ws_crf_vlsp2013_20230727"
_TEMPLATE = re.compile(r"T\[(-?\d)(?:,(-?\d))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")
_UNIGRAM_FUNCTIONS = ("lower", "isdigit", "istitle", "is_in_dict")
_MEMO_LIMITS = {1: 200_000, 2: 500_000, 3: 500_000}
"""The n-grams whose weights a process keeps; past any limit it starts again empty."""


@lru_cache(maxsize=1)
def _margins_by_feature() -> dict[str, float]:
    labels, state, _ = _read_crfsuite(model_dir() / "models.bin")
    begin, inside = labels.index("B-W"), labels.index("I-W")
    return {attr: weights[begin] - weights[inside] for attr, weights in state.items()}


def feature_margins(features: Sequence[Sequence[str]]) -> list[float]:
    """Begin margins (see :meth:`FastCRF.decode`) from underthesea's own feature strings.

    ``features`` holds one list of ``"T[0]=…"`` strings per syllable, as underthesea's
    featuriser gives them. Internal API: the reference decoder uses it.
    """
    margins = _margins_by_feature()
    get = margins.get
    return [sum(get(feature, 0.0) for feature in syllable) for syllable in features]


@lru_cache(maxsize=4)
def load_dictionary(directory: Path) -> set[str]:
    """The words (lowercase, syllables joined by spaces) of a model's dictionary, read
    once per process."""
    import joblib

    return joblib.load(directory / "dictionary.bin")


def model_dictionary() -> set[str]:
    """The words of underthesea's word-segmentation dictionary (:func:`load_dictionary`)."""
    return load_dictionary(model_dir())


def model_dir() -> Path:
    """The folder of underthesea's word-segmentation model."""
    from underthesea.pipeline import word_tokenize as underthesea_word_tokenize

    return Path(underthesea_word_tokenize.__file__).parent / "models" / _MODEL_NAME


def _read_crfsuite(path: Path) -> tuple[list[str], dict[str, list[float]], list[list[float]]]:
    """Read a CRFsuite model file: labels, state weights by attribute, transition weights.

    Weights are kept as underthesea_core keeps them: state weights of magnitude at most
    1e-10 are dropped, and a later feature for the same pair replaces an earlier one.
    """
    data = path.read_bytes()
    header = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    magic, size, kind, _, _, n_labels, n_attrs, off_features, off_labels, off_attrs = header[:10]
    if magic != b"lCRF" or kind != b"FOMC" or size != len(data):
        raise ValueError(f"{path}: not a CRFsuite model file")

    def strings(offset: int, count: int) -> list[str]:
        magic, _, _, _, n_backward, off_backward = struct.unpack_from("<4sIIIII", data, offset)
        if magic != b"CQDB" or n_backward < count:
            raise ValueError(f"{path}: damaged string table at offset {offset}")
        out = []
        entries = struct.unpack_from(f"<{count}I", data, offset + off_backward)
        for number, entry in enumerate(entries):
            stored, length = struct.unpack_from("<II", data, offset + entry)
            if entry == 0 or stored != number:
                raise ValueError(f"{path}: string {number} is missing or out of order")
            key = data[offset + entry + 8 : offset + entry + 8 + length]
            out.append(key.split(b"\0", 1)[0].decode("utf-8"))
        return out

    labels, attrs = strings(off_labels, n_labels), strings(off_attrs, n_attrs)
    if len(set(attrs)) != len(attrs):
        raise ValueError(f"{path}: repeated attribute names")
    magic, _, n_features = struct.unpack_from("<4sII", data, off_features)
    if magic != b"FEAT":
        raise ValueError(f"{path}: no feature table")
    state: dict[str, list[float]] = {}
    transitions = [[0.0] * n_labels for _ in range(n_labels)]
    start = off_features + 12
    for feature, source, target, weight in struct.iter_unpack(
        "<IIId", data[start : start + 20 * n_features]
    ):
        if feature == 0:
            row = state.setdefault(attrs[source], [0.0] * n_labels)
            row[target] = weight if abs(weight) > 1e-10 else 0.0
        elif feature == 1:
            transitions[source][target] = weight
    return labels, state, transitions


class FastCRF:
    """underthesea's word-segmentation CRF, decoded with per-n-gram weight lookups."""

    def __init__(self, model_dir: Path) -> None:
        import joblib
        import numpy as np
        from underthesea_core import CRFFeaturizer

        self._np = np
        labels, state, transitions = _read_crfsuite(model_dir / "models.bin")
        if sorted(labels) != ["B-W", "I-W"]:
            raise ValueError(f"unexpected labels {labels}")
        self._inside = labels.index("I-W")
        self._transitions = transitions
        syntaxes = joblib.load(model_dir / "features.bin")
        self._dictionary = load_dictionary(model_dir)
        # Each template: (offset of its first syllable, n, function).
        self._templates: list[tuple[int, int, str | None]] = []
        for syntax in syntaxes:
            found = _TEMPLATE.fullmatch(syntax)
            if found is None:
                raise ValueError(f"unsupported feature template {syntax!r}")
            first = int(found[1])
            n = (int(found[2]) if found[2] else first) - first + 1
            if not 1 <= n <= 3 or (found[3] == "isdigit" and n > 1):
                raise ValueError(f"unsupported feature template {syntax!r}")
            self._templates.append((first, n, found[3]))
        weights_by_syntax: dict[str, dict[str, list[float]]] = {s: {} for s in syntaxes}
        for attr, weights in state.items():
            syntax, _, value = attr.partition("=")
            if syntax in weights_by_syntax:
                weights_by_syntax[syntax][value] = weights
        self._weights = [weights_by_syntax[s] for s in syntaxes]
        # The unigram functions come from underthesea_core itself; an n-gram's are built
        # from its syllables' (the Rust code joins syllables with a space first, and
        # lower-casing, title case and the dictionary lookup all split at that space).
        self._unigram_featurizer = CRFFeaturizer(
            [f"T[0].{name}" for name in _UNIGRAM_FUNCTIONS], self._dictionary
        )
        self._by_n = {n: [j for j, t in enumerate(self._templates) if t[1] == n] for n in (1, 2, 3)}
        self._column = [self._by_n[t[1]].index(j) for j, t in enumerate(self._templates)]
        self._row_parts = {n: self._prepare_rows(templates) for n, templates in self._by_n.items()}
        self._reset()

    def _prepare_rows(self, templates: list[int]) -> tuple:
        """For n-grams of one length: the True/False functions used, a row of weights for
        each combination of their values, and the weights by text and by lowercase text."""
        np = self._np
        functions = [self._templates[j][2] for j in templates]
        flags = [f for f in ("isdigit", "istitle", "is_in_dict") if f in functions]
        base = np.zeros((1 << len(flags), len(templates), 2))
        for code in range(1 << len(flags)):
            for column, (j, function) in enumerate(zip(templates, functions, strict=True)):
                if function in flags:
                    value = "True" if code >> flags.index(function) & 1 else "False"
                    base[code, column] = self._weights[j].get(value, (0.0, 0.0))
        by_text: dict[str, list] = {}  # text -> [(column, weights)]; so for lowercase text
        by_lower: dict[str, list] = {}
        for column, (j, function) in enumerate(zip(templates, functions, strict=True)):
            if function in (None, "lower"):
                patches = by_text if function is None else by_lower
                for value, weights in self._weights[j].items():
                    patches.setdefault(value, []).append((column, weights))
        # Each text's columns and their weights, ready to be copied into a batch of rows
        # at once (the columns of texts and of lowercase texts are different templates).
        packed = [
            {
                value: ([column for column, _ in found], [weights for _, weights in found])
                for value, found in patches.items()
            }
            for patches in (by_text, by_lower)
        ]
        return flags, base, packed

    def _reset(self) -> None:
        """Forget every n-gram; rows 0 and 1 of each table hold BOS and EOS."""
        np = self._np
        self._ids: dict[int, dict] = {1: {}, 2: {}, 3: {}}
        self._syllables: dict[str, tuple[str, bool]] = {}  # syllable -> (lower, title case)
        self._tables = {}
        for n, templates in self._by_n.items():
            table = np.zeros((4096, len(templates), 2))
            for k, j in enumerate(templates):
                table[0, k] = self._weights[j].get("BOS", (0.0, 0.0))
                table[1, k] = self._weights[j].get("EOS", (0.0, 0.0))
            self._tables[n] = table
        self._counts = {1: 2, 2: 2, 3: 2}

    def _learn(self, n: int, grams: list) -> None:
        """Add the weight rows of n-grams not seen before.

        A row starts as the weights its True/False features give (one precomputed row
        per combination) and then takes the weights of its text and lowercase text.
        """
        np = self._np
        flags, base, patches = self._row_parts[n]
        codes: list[int] = []
        texts: list[tuple[str, str]] = []
        if n == 1:
            # Templates T[0].* see one syllable only: all of them go in as one "sentence".
            (features,) = self._unigram_featurizer.process([[list(gram) for gram in grams]])
            for (syllable,), found in zip(grams, features, strict=True):
                values = dict(f.split("=", 1) for f in found)
                lower = values["T[0].lower"]
                self._syllables[syllable] = (lower, values["T[0].istitle"] == "True")
                texts.append((syllable, lower))
                codes.append(
                    sum(1 << i for i, f in enumerate(flags) if values[f"T[0].{f}"] == "True")
                )
        else:
            syllables, dictionary = self._syllables, self._dictionary
            title_bit = 1 << flags.index("istitle") if "istitle" in flags else 0
            dict_bit = 1 << flags.index("is_in_dict") if "is_in_dict" in flags else 0
            append_text, append_code = texts.append, codes.append
            # An n-gram is title case if all its syllables are, and looked up in the
            # dictionary lowercase (written out for n = 2 and 3: most grams are new).
            if n == 2:
                for a, b in grams:
                    lower_a, title_a = syllables[a]
                    lower_b, title_b = syllables[b]
                    lower = f"{lower_a} {lower_b}"
                    code = dict_bit if lower in dictionary else 0
                    if title_a and title_b:
                        code |= title_bit
                    append_text((f"{a} {b}", lower))
                    append_code(code)
            else:  # n == 3
                for a, b, c in grams:
                    lower_a, title_a = syllables[a]
                    lower_b, title_b = syllables[b]
                    lower_c, title_c = syllables[c]
                    lower = f"{lower_a} {lower_b} {lower_c}"
                    code = dict_bit if lower in dictionary else 0
                    if title_a and title_b and title_c:
                        code |= title_bit
                    append_text((f"{a} {b} {c}", lower))
                    append_code(code)
        rows = base[np.asarray(codes, dtype=np.int64)]
        by_text, by_lower = patches
        at_row: list[int] = []
        at_column: list[int] = []
        weights: list = []
        get_text, get_lower = by_text.get, by_lower.get
        for number, (text, lower) in enumerate(texts):
            found = get_text(text)
            if found is not None:
                at_row += [number] * len(found[0])
                at_column += found[0]
                weights += found[1]
            found = get_lower(lower)
            if found is not None:
                at_row += [number] * len(found[0])
                at_column += found[0]
                weights += found[1]
        if weights:
            rows[at_row, at_column] = weights
        count, table = self._counts[n], self._tables[n]
        end = count + len(rows)
        if end > len(table):
            grown = np.zeros((max(end, 2 * len(table)), *table.shape[1:]))
            grown[:count] = table[:count]
            self._tables[n] = table = grown
        table[count:end] = rows
        keys = grams if n > 1 else [gram[0] for gram in grams]
        self._ids[n].update(zip(keys, range(count, end), strict=True))
        self._counts[n] = end

    def begins(self, feeds: Sequence[Sequence[str]]) -> list[list[bool]]:
        """For each line's syllables, whether each one begins a word."""
        e0, e1, bounds = self.emissions(feeds)
        return [self._viterbi(e0, e1, a, b) for a, b in bounds]

    def decode(self, feeds: Sequence[Sequence[str]]) -> list[tuple[list[bool], list[float]]]:
        """For each line: whether each syllable begins a word, and its begin margin.

        A syllable's margin is its emission score for "begins a word" minus that for
        "inside a word": what the model's features alone say, before the transitions.
        """
        e0, e1, bounds = self.emissions(feeds)
        begin, inside = (e1, e0) if self._inside == 0 else (e0, e1)
        return [
            (
                self._viterbi(e0, e1, a, b),
                [x - y for x, y in zip(begin[a:b], inside[a:b], strict=True)],
            )
            for a, b in bounds
        ]

    def emissions(
        self, feeds: Sequence[Sequence[str]]
    ) -> tuple[list[float], list[float], list[tuple[int, int]]]:
        """The emission scores of labels 0 and 1 for all lines' syllables, end to end, and
        each line's ``(start, end)`` in them."""
        np = self._np
        if any(self._counts[n] > limit for n, limit in _MEMO_LIMITS.items()):
            self._reset()
        tokens = [syllable for feed in feeds for syllable in feed]
        total = len(tokens)
        bounds = []
        position = 0
        for feed in feeds:
            bounds.append((position, position + len(feed)))
            position += len(feed)
        if total == 0:
            return [], [], bounds
        lengths = np.fromiter((b - a for a, b in bounds), np.int64, len(bounds))
        starts = np.repeat(np.fromiter((a for a, _ in bounds), np.int64, len(bounds)), lengths)
        ends = starts + np.repeat(lengths, lengths)
        grams: dict[int, numpy.ndarray] = {}
        for n in (1, 2, 3):
            if n == 1:
                keys: list = tokens
            else:
                keys = []
                for a, b in bounds:
                    if b - a >= n:
                        slices = (tokens[a + i : b - n + 1 + i] for i in range(n))
                        keys.extend(zip(*slices, strict=True))
                    keys.extend([None] * min(n - 1, b - a))  # runs past the line's end
            ids = self._ids[n]
            new = [key for key in dict.fromkeys(keys) if key is not None and key not in ids]
            if new:
                self._learn(n, new if n > 1 else [(s,) for s in new])
            get = ids.get
            grams[n] = np.fromiter((get(key, 1) for key in keys), np.int64, total)
        # underthesea_core: a template whose first syllable is before the line is BOS,
        # one that runs past its end is EOS.
        here = np.arange(total)
        rows_by_shift: dict[tuple[int, int], numpy.ndarray] = {}
        score0, score1 = np.zeros(total), np.zeros(total)  # labels 0 and 1
        for j, (first, n, _) in enumerate(self._templates):
            rows = rows_by_shift.get((first, n))
            if rows is None:
                there = here + first
                inside = (there >= starts) & (there < ends)
                rows = np.where(there < starts, 0, 1)
                rows[inside] = grams[n][there[inside]]
                rows_by_shift[(first, n)] = rows
            table, column = self._tables[n], self._column[j]
            score0 += table[rows, column, 0]
            score1 += table[rows, column, 1]
        return score0.tolist(), score1.tolist(), bounds

    def _viterbi(self, e0: list[float], e1: list[float], a: int, b: int) -> list[bool]:
        """underthesea_core's Viterbi for two labels: the same operations in the same order.

        ``e0`` and ``e1`` are the emission scores of labels 0 and 1 for the syllables
        ``a`` to ``b``; ties go to the lower label, as in Rust. Returns word beginnings.
        """
        if a == b:
            return []
        (t00, t01), (t10, t11) = self._transitions
        s0, s1 = e0[a], e1[a]
        back = []
        for position in range(a + 1, b):
            x0, x1 = s0 + t00, s1 + t10
            n0, p0 = (x1, 1) if x1 > x0 else (x0, 0)
            x0, x1 = s0 + t01, s1 + t11
            n1, p1 = (x1, 1) if x1 > x0 else (x0, 0)
            s0, s1 = n0 + e0[position], n1 + e1[position]
            back.append((p0, p1))
        label = 1 if s1 > s0 else 0
        labels = [label]
        for p0, p1 in reversed(back):
            label = p1 if label else p0
            labels.append(label)
        inside = self._inside
        return [label != inside for label in reversed(labels)]
