"""Time one ``corpus-tools run`` as a user starts it, with its peak memory and figure sizes.

    python benchmarks/run_corpus.py [--interval 0.25] -- run --corpus DIR --out OUT [...]

Everything after ``--`` goes to ``corpus-tools`` unchanged. While the run goes on, the
resident memory (RSS) of the run and of every process below it (segmentation workers,
notebook kernels, the processes they start) is summed every ``--interval`` seconds;
the largest sum is printed as the peak over all processes. Summed RSS counts pages that
processes share (the Python libraries) once per process, so it overstates what the
machine needs; it is the number to hold against a memory target. Then it prints the
wall time, the exit status, and the largest figure written to OUT: width and height in
inches, from the PNGs (200 dpi, ``corpus_tools.plots.style.DPI``).

Example, on the synthetic corpus of ``make_corpus.py``::

    python benchmarks/make_corpus.py /tmp/corpus3000 --articles 3000
    python benchmarks/run_corpus.py -- run --corpus /tmp/corpus3000 --out /tmp/out3000 \\
        --folder-field category --group-by category
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import psutil
from PIL import Image

from corpus_tools.plots.style import DPI


def tree_rss(process: psutil.Process) -> int:
    """Bytes resident in ``process`` and every process below it, summed."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:  # it ended while we looked
            pass
    return total


def figure_sizes(out_dir: Path) -> list[tuple[str, float, float]]:
    """Each PNG of ``out_dir`` as (name, width in inches, height in inches)."""
    sizes = []
    for path in sorted(out_dir.glob("[0-9][0-9]_*.png")):
        with Image.open(path) as image:
            sizes.append((path.name, image.width / DPI, image.height / DPI))
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between samples")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="corpus-tools arguments")
    args = parser.parse_args(argv)
    command = [a for a in args.command if a != "--"] if args.command[:1] == ["--"] else args.command
    if "--out" not in command:
        parser.error("pass --out OUT to corpus-tools, so the figures can be measured")
    out_dir = Path(command[command.index("--out") + 1])
    started = time.perf_counter()
    runner = subprocess.Popen([sys.executable, "-m", "corpus_tools.cli", *command])
    watched = psutil.Process(runner.pid)
    peak = 0
    while runner.poll() is None:
        peak = max(peak, tree_rss(watched) if runner.poll() is None else 0)
        time.sleep(args.interval)
    wall = time.perf_counter() - started
    print(f"\nexit status {runner.returncode}; wall {wall:.1f} s ({wall / 60:.2f} min)")
    print(f"peak RSS over all processes (summed): {peak / 2**30:.2f} GiB")
    sizes = figure_sizes(out_dir)
    if sizes:
        widest = max(sizes, key=lambda size: size[1])
        tallest = max(sizes, key=lambda size: size[2])
        print(f"{len(sizes)} figures; widest {widest[0]} {widest[1]:.2f} in, "
              f"tallest {tallest[0]} {tallest[2]:.2f} in")  # fmt: skip
    return runner.returncode


if __name__ == "__main__":
    sys.exit(main())
