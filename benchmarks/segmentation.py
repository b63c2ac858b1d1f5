"""Score word segmentation against CoNLL-U gold: corpus_tools.tokenize vs plain underthesea.

    python benchmarks/segmentation.py GOLD.conllu [--limit N] [--segmenter-style old|new]

Each gold sentence is turned into its syllables (the gold words' forms, split on
spaces), joined by spaces, and segmented. Predicted and gold words are compared as
sets of spans over the sentence's non-space characters (span precision, recall, F1);
the recall of multi-syllable gold words is printed beside them, and so is throughput
in syllables per second. Every system runs three times: on the file as it is, and on
the file rewritten with each tone-mark placement ("hòa" and "hoà" styles), since the
result must not depend on how the input was typed.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_tools.normalize import place_tone_marks
from corpus_tools.segment import decoder, token_to_text, tokenize


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


def spans(words: Sequence[str], reference: str) -> list[tuple[int, int]]:
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


def score(sentences: list[list[str]], segment: Callable[[str], list[str]]) -> dict[str, float]:
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


def plain_underthesea(text: str) -> list[str]:
    from underthesea import word_tokenize

    return word_tokenize(text)


def corpus_tools_tokenize(text: str) -> list[str]:
    return [token_to_text(t) for t in tokenize(text, keep_punct=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path, help="a CoNLL-U file with gold word segmentation")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument(
        "--segmenter-style",
        choices=("old", "new"),
        default=None,
        help="override corpus_tools.segment.decoder.SEGMENTER_TONE_STYLE (fed to the model)",
    )
    parser.add_argument("--no-user-words", action="store_true", help="tokenize with user_words=()")
    args = parser.parse_args(argv)
    if args.segmenter_style:
        decoder.SEGMENTER_TONE_STYLE = args.segmenter_style
    sentences = read_conllu(args.gold)[: args.limit]
    ours = corpus_tools_tokenize
    if args.no_user_words:

        def ours(text: str) -> list[str]:
            tokens = tokenize(text, keep_punct=True, user_words=())
            return [token_to_text(t) for t in tokens]

    plain_underthesea("warm up")
    ours("warm up")
    n_syllables = sum(len(" ".join(words).split()) for words in sentences)
    print(f"gold: {args.gold} ({len(sentences)} sentences, {n_syllables} syllables)")
    print(
        f"corpus_tools feeds the model the {decoder.SEGMENTER_TONE_STYLE!r} tone placement; "
        f"user words: {'none' if args.no_user_words else 'bundled Party terms'}"
    )
    header = f"{'system':<28}{'input':<14}{'P':>8}{'R':>8}{'F1':>8}{'multi-R':>9}{'syll/s':>9}"
    print(header)
    print("-" * len(header))
    for label, rewrite in (
        ("as is", lambda words: words),
        ("'hòa' style", lambda words: [place_tone_marks(w, style="old") for w in words]),
        ("'hoà' style", lambda words: [place_tone_marks(w, style="new") for w in words]),
    ):
        rewritten = [rewrite(words) for words in sentences]
        for name, system in (
            ("underthesea.word_tokenize", plain_underthesea),
            ("corpus_tools.tokenize", ours),
        ):
            result = score(rewritten, system)
            print(
                f"{name:<28}{label:<14}{result['precision']:>8.4f}{result['recall']:>8.4f}"
                f"{result['f1']:>8.4f}{result['multi_recall']:>9.4f}{result['syllables_per_s']:>9.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
