"""Learn the boundary correction (corpus_tools/segment/correction.py) from a CoNLL-U train split.

    python benchmarks/learn_segmentation.py TRAIN.conllu [--out FILE] [--folds 5] [--C 0.1]

Each gold sentence is normalised, cut into pieces and decoded by underthesea's model as
``tokenize`` does; every boundary between two syllables becomes one example, labelled
by the gold segmentation. Its pair counts are taken from the other folds (contiguous
blocks of sentences), so the regression learns how far counts from unseen text can be
trusted; the file written holds the counts of the whole split. The regression
(scikit-learn, L2, ``C``) is fitted once, on all folds. Check the result on the dev
split with ``benchmarks/segmentation.py``, never on the split it learnt from.

The output is derived from UD_Vietnamese-VTB (CC BY-SA 4.0): it carries the notice.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from segmentation import read_conllu

from corpus_tools.normalize import normalize_text
from corpus_tools.segment.correction import (
    PAIRS_FILE,
    SYLLABLE_SHAPES,
    boundary_features,
    piece_shape,
)
from corpus_tools.segment.crf import model_dictionary
from corpus_tools.segment.decoder import (
    fast_pretokenize,
    load_fast_decoder,
    segmenter_form,
)

HEADER = """\
# Syllable pairs and boundary weights learnt from the train split of UD_Vietnamese-VTB
# {source} by benchmarks/learn_segmentation.py (folds={folds}, C={C}).
# UD_Vietnamese-VTB: Nguyen Thi Luong, Ha My Linh, Le Hong Phuong, Nguyen Thi Minh Huyen;
# from the VLSP Viet Treebank (Nguyen et al. 2009). Licensed under CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); this file is an adaptation of it
# (counts of how often two syllables formed one word or two, and weights fitted to its
# word segmentation) and is shared under the same licence. See LICENSE-vtb-syllable-pairs.txt.
# Lines: weight NAME VALUE | pair LEFT RIGHT TIMES-ONE-WORD TIMES-TWO-WORDS (tab-separated).
"""


def sentences_with_gold(path: Path) -> list[dict]:
    """Decode each gold sentence as ``tokenize`` does; keep pieces, tags, margins, gold."""
    crf = load_fast_decoder()
    if crf is None:
        raise SystemExit("the fast decoder cannot read this underthesea model")
    out = []
    for words in read_conllu(path):
        line = normalize_text(" ".join(words))
        spans = [(s, e) for s, e, _ in fast_pretokenize(line)]
        if not spans or "\n" in line:
            continue
        pieces = [line[s:e] for s, e in spans]
        starts, position = set(), 0
        for word in words:
            starts.add(position)
            position += len("".join(word.split()))
        # Normalisation only changes white space and swaps characters one for one, so a
        # piece's offset among non-space characters is the same in the gold.
        before = [0]
        for character in line:
            before.append(before[-1] + (not character.isspace()))
        if before[-1] != position:
            continue
        offsets = [before[s] for s, _ in spans]
        ((begins, margins),) = crf.decode([[segmenter_form(p) for p in pieces]])
        gold = [offset in starts for offset in offsets]
        out.append({"pieces": pieces, "begins": begins, "margins": margins, "gold": gold})
    return out


def pair_counts(sentences: list[dict]) -> dict[tuple[str, str], tuple[int, int]]:
    """How often each pair of syllables was one word and how often two, in the gold."""
    inside: Counter = Counter()
    between: Counter = Counter()
    for sentence in sentences:
        pieces, gold = sentence["pieces"], sentence["gold"]
        for j in range(1, len(pieces)):
            if {piece_shape(pieces[j - 1]), piece_shape(pieces[j])} <= SYLLABLE_SHAPES:
                key = (pieces[j - 1].lower(), pieces[j].lower())
                (between if gold[j] else inside)[key] += 1
    return {key: (inside[key], between[key]) for key in inside.keys() | between.keys()}


def examples(sentences: list[dict], pairs, dictionary) -> tuple[list[dict], list[int]]:
    features, labels = [], []
    for sentence in sentences:
        pieces = sentence["pieces"]
        lowered = [piece.lower() for piece in pieces]
        for j in range(1, len(pieces)):
            found = boundary_features(
                pieces, lowered, sentence["begins"], sentence["margins"], j, pairs, dictionary
            )
            if found is not None:
                features.append(found)
                labels.append(1 if sentence["gold"][j] else 0)
    return features, labels


def main(argv: list[str] | None = None) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("train", type=Path, help="the CoNLL-U train split")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "corpus_tools" / "data" / PAIRS_FILE,
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, default=0.1, help="inverse L2 strength")
    args = parser.parse_args(argv)

    sentences = sentences_with_gold(args.train)
    dictionary = model_dictionary()
    k = args.folds
    blocks = [sentences[i * len(sentences) // k : (i + 1) * len(sentences) // k] for i in range(k)]
    features: list[dict] = []
    labels: list[int] = []
    for i, block in enumerate(blocks):
        others = [s for j, other in enumerate(blocks) if j != i for s in other]
        found, gold = examples(block, pair_counts(others), dictionary)
        features += found
        labels += gold
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=args.C, max_iter=5000)
    model.fit(vectorizer.fit_transform(features), labels)
    weights = {"intercept": float(model.intercept_[0])}
    weights |= dict(zip(vectorizer.feature_names_, map(float, model.coef_[0]), strict=True))
    pairs = pair_counts(sentences)

    source = args.train.name
    commit = args.train.parent / "SOURCE_COMMIT"
    if commit.exists():
        source += f", commit {commit.read_text().strip()[:12]}"
    lines = [HEADER.format(source=f"({source})", folds=k, C=args.C)]
    lines += [f"weight\t{name}\t{value:.6f}\n" for name, value in sorted(weights.items())]
    lines += [f"pair\t{a}\t{b}\t{n}\t{m}\n" for (a, b), (n, m) in sorted(pairs.items())]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(
        f"{len(sentences)} sentences, {len(labels)} syllable boundaries, "
        f"{len(pairs)} pairs -> {args.out}"
    )
    for name, value in sorted(weights.items(), key=lambda item: -abs(item[1])):
        print(f"  {name:<28}{value:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
