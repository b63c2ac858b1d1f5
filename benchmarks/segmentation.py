"""Score word segmentation against CoNLL-U gold: corpus_tools.tokenize vs plain underthesea.

    python benchmarks/segmentation.py GOLD.conllu [--limit N] [--no-diff]

Each gold sentence is turned into its syllables (the gold words' forms, split on
spaces), joined by spaces, and segmented. Predicted and gold words are compared as
sets of spans over the sentence's non-space characters (span precision, recall, F1);
the recall of multi-syllable gold words is printed beside them, and so is throughput
in syllables per second.

Systems: plain ``underthesea.word_tokenize``; the same without its token normalisation
(the raw model); ``tokenize`` with its defaults, without user words, without the
learnt boundary correction (the model as ``tokenize`` feeds it), with user words gated
by the corrected model, and with joined codes split back ("32 - CT / TW" is one token
for ``tokenize``, five words in the gold: this row splits such a token again where the
input had spaces, as the VLSP 2013 gold does); pyvi if it is installed. ``tokenize`` is
also run on the file rewritten in each tone-mark placement ("hòa" and "hoà" styles):
its output must not depend on how the input was typed, and the run checks it.

The diff lists every stretch of a sentence where ``tokenize`` and the raw model
segment differently, with its cause, found by running the pipeline in stages:
normalisation (joined codes and dates, tone placement, other), the learnt correction,
user words. Each stretch says which side the gold agrees with; the counts close it.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_tools.normalize import normalize_text, place_tone_marks
from corpus_tools.segment import decoder, token_to_text, tokenize
from corpus_tools.segment.decoder import segmenter_form

Span = tuple[int, int]
Segmenter = Callable[[str], list[str]]
SEPARATORS = "/-–"


def read_conllu(path: Path) -> list[list[str]]:
    """Return each sentence's gold words (FORM, which holds spaces inside a word)."""
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(words)
            words = []
        elif not line.startswith("#"):
            columns = line.split("\t")
            if "-" in columns[0] or "." in columns[0]:
                continue  # multiword-token ranges and empty nodes
            words.append(columns[1])
    if words:
        sentences.append(words)
    return sentences


def spans(words: Sequence[str], reference: str) -> list[Span]:
    """Spans of ``words`` over the non-space characters of ``reference``.

    When a system changed characters (underthesea's own normalisation rewrites some
    tokens), its characters are aligned to the reference's first.
    """
    produced = "".join("".join(word.split()) for word in words)
    if produced == reference:
        mapping = list(range(len(produced) + 1))
    else:
        matcher = difflib.SequenceMatcher(None, produced, reference, autojunk=False)
        mapping = [0] * (len(produced) + 1)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            for k in range(i1, i2 + 1):
                mapping[k] = j1 + min(k - i1, j2 - j1) if tag != "delete" else j1
        mapping[len(produced)] = len(reference)
    out, position = [], 0
    for word in words:
        length = len("".join(word.split()))
        out.append((mapping[position], mapping[position + length]))
        position += length
    return out


def score(sentences: list[list[str]], segment: Segmenter) -> dict[str, float]:
    true_positive = predicted = gold = multi_gold = multi_found = syllables = 0
    elapsed = 0.0
    for words in sentences:
        text = " ".join(words)
        reference = "".join(text.split())
        started = time.perf_counter()
        output = segment(text)
        elapsed += time.perf_counter() - started
        gold_list = spans(words, reference)
        gold_spans = set(gold_list)
        predicted_spans = set(spans(output, reference))
        true_positive += len(gold_spans & predicted_spans)
        predicted += len(predicted_spans)
        gold += len(gold_spans)
        multi = {span for span, word in zip(gold_list, words, strict=True) if " " in word.strip()}
        multi_gold += len(multi)
        multi_found += len(multi & predicted_spans)
        syllables += len(text.split())
    precision = true_positive / predicted
    recall = true_positive / gold
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
        "multi_recall": multi_found / multi_gold,
        "syllables_per_s": syllables / elapsed,
    }


# ---------------------------------------------------------------------------------------
# The systems.
# ---------------------------------------------------------------------------------------


def plain_underthesea(text: str) -> list[str]:
    from underthesea import word_tokenize

    return word_tokenize(text)


def raw_underthesea(text: str) -> list[str]:
    """underthesea's model on the text as typed: no token normalisation."""
    from underthesea import word_tokenize

    return word_tokenize(text, use_token_normalize=False)


def ours(
    *, user_words: tuple[str, ...] | None = None, correction: bool = True, gate: float = math.inf
) -> Segmenter:
    """``tokenize`` (keep_punct=True) with the decoder's switches set as given."""

    def segment(text: str) -> list[str]:
        saved = decoder.LEARNT_CORRECTION, decoder.USER_WORD_CONFIDENCE
        decoder.LEARNT_CORRECTION, decoder.USER_WORD_CONFIDENCE = correction, gate
        try:
            tokens = tokenize(text, keep_punct=True, user_words=user_words)
        finally:
            decoder.LEARNT_CORRECTION, decoder.USER_WORD_CONFIDENCE = saved
        return [token_to_text(t) for t in tokens]

    return segment


def split_codes_back(text: str, words: list[str]) -> list[str]:
    """Split each word holding "/", "-" or "–" again where ``text`` had white space.

    Normalisation joins "32 - CT / TW" into "32-CT/TW"; gold in the VLSP convention
    keeps five words. Characters map one for one, since normalisation deletes none.

    Examples
    --------
    >>> split_codes_back("Quy định 32 - CT / TW", ["Quy định", "32-CT/TW"])
    ['Quy định', '32', '-', 'CT', '/', 'TW']
    """
    cuts, position = set(), 0
    for chunk in text.split():
        position += len(chunk)
        cuts.add(position)
    out, position = [], 0
    for word in words:
        joined = "".join(word.split())
        end = position + len(joined)
        inner = sorted(k for k in cuts if position < k < end)
        if inner and any(c in joined for c in SEPARATORS):
            bounds = [position, *inner, end]
            out += [joined[a - position : b - position] for a, b in itertools.pairwise(bounds)]
        else:
            out.append(word)
        position = end
    return out


def with_codes_split_back(segment: Segmenter) -> Segmenter:
    return lambda text: split_codes_back(text, segment(text))


def pyvi_segmenter() -> Segmenter | None:
    try:
        from pyvi import ViTokenizer
    except ImportError:
        return None
    return lambda text: [w.replace("_", " ") for w in ViTokenizer.tokenize(text).split()]


# ---------------------------------------------------------------------------------------
# The diff: where tokenize and the raw model differ, and why.
# ---------------------------------------------------------------------------------------

STAGES = (
    ("model as tokenize feeds it", ours(user_words=(), correction=False)),
    ("learnt correction", ours(user_words=())),
    ("user words", ours()),
)

_SEPARATOR = "[" + "".join(map(re.escape, SEPARATORS)) + "]"
_CODE_OR_DATE = re.compile(rf"\w{_SEPARATOR}|{_SEPARATOR}\w")


def _inside(span_list: list[Span], a: int, b: int) -> list[Span]:
    return [span for span in span_list if a <= span[0] and span[1] <= b]


def _show(words: list[str], span_list: list[Span], a: int, b: int) -> str:
    return " / ".join(w for w, s in zip(words, span_list, strict=True) if a <= s[0] and s[1] <= b)


def diff_sentence(words: list[str]) -> list[dict]:
    """The stretches where ``tokenize`` and the raw model disagree, with their causes."""
    text = " ".join(words)
    reference = "".join(text.split())
    raw = raw_underthesea(text)
    outputs = [segment(text) for _, segment in STAGES]
    raw_spans = spans(raw, reference)
    stage_spans = [spans(output, reference) for output in outputs]
    final = stage_spans[-1]
    if set(raw_spans) == set(final):
        return []
    gold_spans = spans(words, reference)
    syllables = spans(text.split(), reference)
    edges = [{p for span in s for p in span} for s in (raw_spans, final)]
    common = sorted(edges[0] & edges[1])
    found = []
    for a, b in itertools.pairwise(common):
        before, after = _inside(raw_spans, a, b), _inside(final, a, b)
        if before == after:
            continue
        causes = []
        previous = before
        for (name, _), stage in zip(STAGES, stage_spans, strict=True):
            now = _inside(stage, a, b)
            if now != previous:
                if name == "model as tokenize feeds it":
                    chunk = reference[a:b]
                    typed = [
                        s
                        for s, span in zip(text.split(), syllables, strict=True)
                        if a <= span[0] < b
                    ]
                    if _CODE_OR_DATE.search(chunk) and len(after) < len(before):
                        name = "joined codes/dates"
                    elif any(segmenter_form(normalize_text(s)) != s for s in typed):
                        name = "tone placement"
                    else:
                        name = "other normalisation"
                causes.append(name)
            previous = now
        gold = _inside(gold_spans, a, b)
        gold_covers = {p for s in gold for p in s} >= {a, b}
        found.append(
            {
                "cause": " + ".join(causes) or "other normalisation",
                "raw": _show(raw, raw_spans, a, b),
                "ours": _show(outputs[-1], final, a, b),
                "gold": _show(words, gold_spans, a, b) if gold_covers else "(crosses)",
                "right": "tokenize"
                if gold_covers and after == gold
                else "underthesea"
                if gold_covers and before == gold
                else "neither",
            }
        )
    return found


def print_diff(sentences: list[list[str]]) -> None:
    rows = [row for words in sentences for row in diff_sentence(words)]
    print(f"\nwhere tokenize and the raw model differ: {len(rows)} stretches")
    for row in sorted(rows, key=lambda r: r["cause"]):
        print(
            f"  [{row['cause']}] underthesea: {row['raw']}  |  tokenize: {row['ours']}  |  "
            f"gold: {row['gold']}  ->  {row['right']}"
        )
    counts = Counter((row["cause"], row["right"]) for row in rows)
    print(f"\n{'cause':<40}{'stretches':>10}{'tokenize right':>16}{'raw right':>11}{'neither':>9}")
    for cause in sorted({row["cause"] for row in rows}):
        n = sum(v for (c, _), v in counts.items() if c == cause)
        print(
            f"{cause:<40}{n:>10}{counts[cause, 'tokenize']:>16}"
            f"{counts[cause, 'underthesea']:>11}{counts[cause, 'neither']:>9}"
        )


# ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path, help="a CoNLL-U file with gold word segmentation")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument("--no-diff", action="store_true", help="print the scores only")
    args = parser.parse_args(argv)
    sentences = read_conllu(args.gold)[: args.limit]

    defaults = ours()
    plain_underthesea("warm up")
    defaults("warm up")
    if not args.no_diff:
        print_diff(sentences)

    n_syllables = sum(len(" ".join(words).split()) for words in sentences)
    print(f"\ngold: {args.gold} ({len(sentences)} sentences, {n_syllables} syllables)")
    print(f"tokenize feeds the model the {decoder.SEGMENTER_TONE_STYLE!r} tone placement")
    systems: list[tuple[str, Segmenter]] = [
        ("underthesea.word_tokenize", plain_underthesea),
        ("  without its normalisation", raw_underthesea),
        ("tokenize (defaults)", defaults),
        ("  codes split back", with_codes_split_back(defaults)),
        ("  user_words=()", ours(user_words=())),
        ("  user words gated (p=0.9)", ours(gate=math.log(9))),
        ("  no learnt correction", ours(correction=False)),
        ("  neither", ours(user_words=(), correction=False)),
    ]
    pyvi = pyvi_segmenter()
    if pyvi is not None:
        systems.append(("pyvi.ViTokenizer", pyvi))
    header = f"{'system':<30}{'P':>8}{'R':>8}{'F1':>8}{'multi-R':>9}{'syll/s':>9}"
    print(header)
    print("-" * len(header))
    for name, system in systems:
        result = score(sentences, system)
        print(
            f"{name:<30}{result['precision']:>8.4f}{result['recall']:>8.4f}"
            f"{result['f1']:>8.4f}{result['multi_recall']:>9.4f}{result['syllables_per_s']:>9.0f}"
        )
    if pyvi is None:
        print("pyvi.ViTokenizer: not installed")

    as_is = [defaults(" ".join(words)) for words in sentences]
    for style, label in (("old", "'hòa'"), ("new", "'hoà'")):
        rewritten = [
            defaults(" ".join(place_tone_marks(w, style=style) for w in words))
            for words in sentences
        ]
        same = sum(x == y for x, y in zip(as_is, rewritten, strict=True))
        print(f"tokenize on the {label} style rewrite: {same}/{len(sentences)} sentences identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
