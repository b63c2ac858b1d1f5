"""Scale benchmark: segmentation throughput, workers, the token cache, TF-IDF and topics.

    python benchmarks/scale.py [--sizes 1000 10000 100000] [--workdir DIR]
                               [--sample N] [--unseen GOLD.conllu]

For each size it builds a corpus of that many news articles of about 3,200 characters by
recombining, reproducibly, the real sentences of the seeds (``read_corpus()`` and
``text_units(..., unit="sentence")``): a headline and paragraphs of two to five
sentences. It writes them as ``.txt`` files, reads them back with ``read_corpus`` and
prints, measured in the same run:

* per-core throughput of ``tokenize_corpus(n_jobs=1)`` against plain
  ``underthesea.word_tokenize`` run line by line on the same (normalised) lines, as a
  ratio, and whether its output equals the reference segmenter's (underthesea's own
  featuriser and tagger);
* ``n_jobs=2`` against ``n_jobs=1``, as a speedup (workers started and their model
  loaded before timing; the start-up is printed beside it);
* a cached re-run against the uncached run that filled the cache, as a speedup (on the
  sample with fresh caches, and once on the whole corpus);
* full segmentation of the corpus with two workers, and that time scaled to 100,000
  articles;
* time and peak memory (peak resident set of a fresh process) of TF-IDF plus a k=20
  MiniBatchNMF topic model on the cached tokens: streamed into the vectorizer, and
  through ``fit_topics`` on token lists held in memory.

The CPU speed of a shared virtual machine drifts (here by up to 1.8 times for ten
seconds at a time), so each ratio is measured in ``--rounds`` pairs of runs taken back to
back, in alternating order, and printed as the median with its range.

Throughput ratios use the first ``--sample`` articles (default 1,000). Recombined
sentences repeat their word n-grams far more than real news does, and the segmenter
remembers n-gram weights, so the ratio on this corpus overstates real text; pass
``--unseen`` a CoNLL-U file (e.g. the UD Vietnamese dev set) to also measure it on
sentences the process has never seen.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import compose_article, seed_sentences

from corpus_tools import (
    iter_corpus,
    iter_tokens,
    load_stopwords,
    read_corpus,
    text_units,
    tokenize_corpus,
)
from corpus_tools.segment.decoder import load_fast_decoder
from corpus_tools.segment.tokens import reference_tokenize_texts

ARTICLE_CHARS = 3_200
SEED = 20_240_501


# ------------------------------------------------------------------------- the corpus


def build_corpus(size: int, folder: Path, sentences: list[str], *, seed: int = SEED) -> int:
    """Write ``size`` recombined articles to ``folder``; return the number of characters.

    Plain files of a headline and blank-line separated paragraphs, every one near
    ``ARTICLE_CHARS``; ``make_corpus.py`` writes the layout of real collections instead.
    """
    rng = random.Random(seed)
    headlines = [s.rstrip(".!?…") for s in sentences if 20 <= len(s) <= 160]
    draw = lambda k: rng.choices(sentences, k=k)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for number in range(size):
        paragraphs = compose_article(rng, headlines, draw, target_chars=ARTICLE_CHARS)
        text = "\n\n".join(paragraphs) + "\n"
        (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


# ------------------------------------------------------------------------- the machine


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def print_machine() -> None:
    from joblib import cpu_count

    print("machine")
    print(f"  cores: {os.cpu_count()} logical, {cpu_count()} usable by joblib")
    print(f"  RAM: {_ram_gib():.1f} GiB")
    print(f"  CPU: {_cpu_model()}")
    print(f"  python {platform.python_version()} on {platform.platform()}")
    names = [
        "corpus_tools",
        "underthesea",
        "underthesea_core",
        "numpy",
        "scikit-learn",
        "pyarrow",
        "joblib",
        "dask",
    ]
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} (not installed)")
    print("  " + ", ".join(found))


# ------------------------------------------------------------------------- measurements


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def paired(first, second, rounds: int) -> tuple[float, float, float, list]:
    """Time ``first()`` and ``second()`` back to back ``rounds`` times, alternating which
    goes first; return the median, lowest and highest of ``time(first) / time(second)``,
    and the results of each function's first run."""
    ratios, results = [], []
    for number in range(rounds):
        order = (first, second) if number % 2 == 0 else (second, first)
        seconds = {}
        for function in order:
            seconds[function], result = timed(function)
            if number == 0:
                results.append(result)
        ratios.append(seconds[first] / seconds[second])
    return statistics.median(ratios), min(ratios), max(ratios), results


def plain_underthesea(lines: list[str]) -> list[list[str]]:
    from underthesea import word_tokenize

    return [word_tokenize(line) for line in lines]


def _peak_rss_bytes() -> int:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not the parent's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def topic_step(folder: str, cache_dir: str, mode: str) -> dict[str, float]:
    """TF-IDF and a k=20 MiniBatchNMF on the cached tokens of ``folder`` (run in a child)."""
    from sklearn.decomposition import MiniBatchNMF

    from corpus_tools import fit_topics
    from corpus_tools.features import make_vectorizer

    reading = 0.0

    def units():
        nonlocal reading
        stream = iter_tokens(
            iter_corpus(folder),
            cache_dir=cache_dir,
            lowercase=True,
            stopwords=load_stopwords(),
            keep_numbers=False,
            progress=False,
        )
        while True:
            start = time.perf_counter()
            try:
                _, tokens = next(stream)
            except StopIteration:
                reading += time.perf_counter() - start
                return
            reading += time.perf_counter() - start
            yield tokens

    start = time.perf_counter()
    if mode == "stream":
        # fit_topics' settings for "minibatch_nmf", on a matrix built from a stream.
        vectorizer = make_vectorizer(weighting="tfidf", min_df=2, max_df=0.5, sublinear_tf=True)
        matrix = vectorizer.fit_transform(units())
        tfidf = time.perf_counter() - start
        terms = matrix.shape[1]
        MiniBatchNMF(
            n_components=20, init="nndsvda", batch_size=1024, max_iter=200, random_state=0
        ).fit(matrix)
    else:
        tokens = list(units())
        tfidf = time.perf_counter() - start
        terms = len(fit_topics(tokens, k=20, method="minibatch_nmf").vocabulary)
    total = time.perf_counter() - start
    return {
        "total": total,
        "reading": reading,
        "tfidf": tfidf,
        "terms": terms,
        "peak": _peak_rss_bytes(),
    }


def run_child(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(f"child {args} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def unseen_step(path: str, order: str) -> dict[str, float]:
    """Throughput ratio on a CoNLL-U file's sentences, in a process that has seen nothing.

    ``order`` is ``"ours-first"`` or ``"plain-first"``.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from segmentation import read_conllu

    from corpus_tools.normalize import normalize_text

    sentences = [" ".join(words) for words in read_conllu(Path(path))]
    texts = ["\n".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    lines = [line for text in texts for line in normalize_text(text).split("\n")]
    plain_underthesea(["khởi động"])
    load_fast_decoder()
    if order == "plain-first":
        plain, _ = timed(plain_underthesea, lines)
    ours, _ = timed(tokenize_corpus, texts, progress=False)
    if order == "ours-first":
        plain, _ = timed(plain_underthesea, lines)
    syllables = sum(len(line.split()) for line in lines)
    return {"ours": ours, "plain": plain, "syllables": syllables, "lines": len(lines)}


def gib(n: float) -> str:
    return f"{n / 2**30:.2f} GiB"


def run_size(size: int, workdir: Path, sentences: list[str], sample_size: int, rounds: int) -> None:
    print(f"\n=== {size:,} articles ===")
    folder, cache = workdir / f"corpus-{size}", workdir / f"cache-{size}"
    seconds, chars = timed(build_corpus, size, folder, sentences)
    print(f"built {folder} in {seconds:.1f} s: {chars / size:,.0f} characters per article")
    # The ratios come first, with only the sample in memory: a process holding 100,000
    # documents spends more of its time in the garbage collector, plain word_tokenize
    # (which allocates more objects) most of all.
    sample = list(itertools.islice(iter_corpus(folder), sample_size))
    units = [text for _, text in text_units(sample)]
    lines = [line for text in units for line in text.split("\n")]
    syllables = sum(len(line.split()) for line in lines)
    print(f"\nsegmentation, one core, on {len(sample):,} articles ({syllables:,} syllables)")
    plain_underthesea(["khởi động"])  # load both models before timing
    load_fast_decoder()
    # Each round takes the next slice of the sample, so neither side sees a text twice.
    step = -(-len(sample) // rounds)
    slices = [(sample[i : i + step], units[i : i + step]) for i in range(0, len(sample), step)]
    ratios, speeds = [], []
    for number, (docs, texts) in enumerate(slices):
        some_lines = [line for text in texts for line in text.split("\n")]
        seconds = {}
        for name in ("plain", "ours") if number % 2 == 0 else ("ours", "plain"):
            if name == "plain":
                seconds[name], _ = timed(plain_underthesea, some_lines)
            else:
                seconds[name], _ = timed(tokenize_corpus, docs, n_jobs=1, progress=False)
        ratios.append(seconds["plain"] / seconds["ours"])
        speeds.append(sum(len(line.split()) for line in some_lines) / seconds["ours"])
    print(f"  tokenize_corpus(n_jobs=1): {statistics.median(speeds):9,.0f} syllables/s (median)")
    print(
        f"  ratio to plain word_tokenize, line by line: {statistics.median(ratios):.2f} "
        f"(range {min(ratios):.2f}-{max(ratios):.2f} over {len(ratios)} slices; "
        "target >= 1.0, goal 1.3)"
    )
    serial = tokenize_corpus(sample, n_jobs=1, progress=False)
    reference = [
        tokens
        for start in range(0, len(units), 64)
        for tokens in reference_tokenize_texts(units[start : start + 64])
    ]
    same = serial == reference
    del reference
    print(f"  output identical to underthesea's own tagger (the reference path): {same}")

    print("\nworkers")
    # Eight one-article tasks: while one worker loads its model the other takes the next.
    warm_up = ["khởi động"] * 8
    startup, _ = timed(tokenize_corpus, warm_up, n_jobs=2, batch_size=1, progress=False)
    median, low, high, (one, two) = paired(
        functools.partial(tokenize_corpus, sample, n_jobs=1, progress=False),
        functools.partial(tokenize_corpus, sample, n_jobs=2, progress=False),
        rounds,
    )
    print(f"  starting 2 workers, loading their models: {startup:.1f} s (once; not timed below)")
    print(
        f"  speedup of n_jobs=2 over n_jobs=1: {median:.2f} (range {low:.2f}-{high:.2f} "
        f"over {rounds} pairs; target >= 1.8)"
    )
    print(f"  output identical to n_jobs=1: {one == two == serial}")

    print(f"\ntoken cache, n_jobs=1, on the {len(sample):,} articles, {rounds} fresh caches")
    ratios, identical = [], True
    for number in range(rounds):
        fresh = workdir / f"cache-{size}-sample-{number}"
        fill, filled = timed(tokenize_corpus, sample, cache_dir=fresh, progress=False)
        hit, again = timed(tokenize_corpus, sample, cache_dir=fresh, progress=False)
        ratios.append(fill / hit)
        identical = identical and filled == again == serial
    print(
        f"  cached re-run against the uncached run that filled the cache: "
        f"{statistics.median(ratios):.0f} (range {min(ratios):.0f}-{max(ratios):.0f}; "
        "target >= 50)"
    )
    print(f"  output identical: {identical}")
    del sample, serial, one, two, filled, again
    seconds, docs = timed(read_corpus, folder)
    print(f"\nread_corpus: {seconds:.1f} s ({size / seconds:,.0f} articles/s)")

    print(f"\ntoken cache, n_jobs=1, all {size:,} articles, one pair")
    fill_seconds, filled = timed(tokenize_corpus, docs, cache_dir=cache, progress=False)
    hit_seconds, hit = min(
        timed(tokenize_corpus, docs, cache_dir=cache, progress=False) for _ in range(3)
    )
    files = list(cache.glob("part-*.parquet"))
    size_on_disk = sum(f.stat().st_size for f in files)
    print(f"  uncached run, filling the cache: {fill_seconds:.2f} s")
    print(
        f"  cached re-run (best of 3): {hit_seconds:.3f} s "
        f"({len(files)} files, {size_on_disk / 2**20:.1f} MiB)"
    )
    print(f"  speedup: {fill_seconds / hit_seconds:.0f}  (target >= 50)")
    print(f"  output identical: {filled == hit}")
    del filled, hit

    print(f"\nfull segmentation, n_jobs=2, all {size:,} articles")
    full_seconds, _ = timed(tokenize_corpus, docs, n_jobs=2, progress=False)
    per_100k = full_seconds * 100_000 / size / 60
    print(f"  {full_seconds:.1f} s; scaled to 100,000 articles: {per_100k:.1f} min (target <= 35)")
    del docs

    print("\nTF-IDF + k=20 MiniBatchNMF on cached tokens (lowercase, stopwords, no numbers)")
    for mode, label in (("stream", "streamed into the vectorizer"), ("lists", "via fit_topics")):
        step = run_child("--_topic-step", str(folder), str(cache), mode)
        print(
            f"  {label}: {step['total']:.1f} s (of which reading the corpus and cached "
            f"tokens {step['reading']:.1f} s, TF-IDF done at {step['tfidf']:.1f} s, "
            f"{step['terms']:,} terms), peak memory {gib(step['peak'])}"
        )
    print("  (targets on 100,000 articles: <= 5 min, <= 4 GiB; real news has far more terms)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--_topic-step":
        print(json.dumps(topic_step(*sys.argv[2:5])))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--_unseen-step":
        print(json.dumps(unseen_step(sys.argv[2], sys.argv[3])))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--sample", type=int, default=1000, help="articles for the ratios")
    parser.add_argument("--rounds", type=int, default=5, help="pairs of runs per ratio")
    parser.add_argument("--workdir", type=Path, help="where corpora go (default: a temp dir)")
    parser.add_argument("--unseen", type=Path, help="a CoNLL-U file of unseen sentences")
    args = parser.parse_args()

    print_machine()
    sentences = seed_sentences()
    print(f"\nsentence pool: {len(sentences)} sentences of the {len(read_corpus())} seeds")
    if args.unseen:
        steps = [
            run_child("--_unseen-step", str(args.unseen), order)
            for _, order in zip(
                range(args.rounds), itertools.cycle(("ours-first", "plain-first")), strict=False
            )
        ]
        ratios = [step["plain"] / step["ours"] for step in steps]
        first = steps[0]
        print(
            f"\nunseen sentences ({args.unseen.name}, {first['lines']:,} lines, "
            f"{first['syllables']:,} syllables), {len(steps)} fresh processes, one core:\n"
            "  plain word_tokenize "
            f"{statistics.median(first['syllables'] / x['plain'] for x in steps):,.0f} "
            "syllables/s, tokenize_corpus "
            f"{statistics.median(first['syllables'] / x['ours'] for x in steps):,.0f} "
            f"syllables/s (medians); ratio {statistics.median(ratios):.2f} "
            f"(range {min(ratios):.2f}-{max(ratios):.2f})"
        )
    with tempfile.TemporaryDirectory(prefix="corpus-tools-scale-") as temporary:
        workdir = args.workdir or Path(temporary)
        for size in args.sizes:
            run_size(size, workdir, sentences, args.sample, args.rounds)


if __name__ == "__main__":
    main()
