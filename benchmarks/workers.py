"""When do worker processes pay off? One worker against two, from a fresh process.

    python benchmarks/workers.py [--sizes 25 50 100 200 400 1000] [--rounds 3]
                                 [--corpus FOLDER]

Each measurement runs ``tokenize_corpus(docs, n_jobs=N, progress=False)`` with no cache
in a fresh Python process, on the first articles of a synthetic corpus
(``benchmarks/make_corpus.py``, written to a temporary folder unless ``--corpus`` names
one), and times that call alone. A fresh process is what ``corpus-tools run`` and a
notebook kernel start from: with one worker the process loads the model itself; with two
it starts two worker processes, each of which loads it. Rounds alternate the order of
the two runs, and each size prints the median and range of both times and of their
ratio, with the characters segmented.

``corpus_tools.segment.runner.CHARS_PER_WORKER`` (how much text each worker must get
before ``n_jobs=-1`` starts workers at all) is set from the size where two workers
start to win; the runner's docstring gives the measurement.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys, time
from corpus_tools import iter_corpus, tokenize_corpus
folder, n, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
docs = [doc for _, doc in zip(range(n), iter_corpus(folder))]
started = time.perf_counter()
tokenize_corpus(docs, n_jobs=jobs, progress=False)
seconds = time.perf_counter() - started
chars = sum(len(doc.text) + len(doc.title or "") for doc in docs)
print(json.dumps({"seconds": seconds, "chars": chars}))
"""


def measure(folder: Path, n: int, jobs: int) -> dict[str, float]:
    """Time one fresh-process call; returns ``{"seconds": …, "chars": …}``."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(n), str(jobs)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200, 400, 1000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="corpus-tools-workers-") as tmp:
        folder = args.corpus
        if folder is None:
            folder = Path(tmp) / "corpus"
            subprocess.run(
                [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(folder),
                 "--articles", str(max(args.sizes))],
                check=True, capture_output=True, cwd=ROOT,
            )  # fmt: skip
        print("articles  characters  1 worker (s)       2 workers (s)      2 vs 1 (ratio)")
        for n in args.sizes:
            times: dict[int, list[float]] = {1: [], 2: []}
            chars = 0.0
            for round_ in range(args.rounds):
                for jobs in (1, 2) if round_ % 2 == 0 else (2, 1):
                    result = measure(folder, n, jobs)
                    times[jobs].append(result["seconds"])
                    chars = result["chars"]
            ratios = [two / one for one, two in zip(times[1], times[2], strict=True)]
            print(
                f"{n:8d}  {int(chars):10,d}  {spread(times[1]):17s}  {spread(times[2]):17s}"
                f"  {spread(ratios)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
