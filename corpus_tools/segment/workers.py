"""Worker processes for segmentation: how many pay off, the pool, and stopping them.

The corpus runner (:mod:`corpus_tools.segment.runner`) sends batches to joblib's loky
processes, which each load the model once and are kept for the next call.
"""

from __future__ import annotations

from concurrent.futures import Executor

from ..errors import CorpusError

__all__ = ["CHARS_PER_WORKER", "release_workers", "worker_count", "worker_pool", "workers_for"]

CHARS_PER_WORKER = 1_500_000
"""Characters to segment per worker process below which ``n_jobs=-1`` starts fewer.

Two workers start from 3 million characters (about 750 news articles). On an idle
2-core machine two workers start and load their models in 1.4 s and then segment 2.0
times as fast as one process, which loads the model in about 0.7 s and segments about
0.7 million characters a second: one process needs ``0.7 + C / 0.7e6`` s, two
``1.4 + C / 1.4e6`` s, equal at C = 1 million characters; at 3 million two take 0.7
times as long. On a busy machine the break-even moves out (``benchmarks/workers.py``,
results in ``benchmarks/results/`` and the README's "Large corpora"): no threshold
promises a speed-up that other work takes away, but small corpora, and whatever the
cache holds, stay in one process.
"""


def worker_count(n_jobs: int | None) -> int:
    """The workers ``n_jobs`` asks for (joblib's rule: -1 every core). Internal API."""
    from joblib import cpu_count

    if n_jobs is None:
        return 1
    if not isinstance(n_jobs, int) or n_jobs == 0:
        raise CorpusError(f"n_jobs must be a positive or negative int, not {n_jobs!r}")
    return n_jobs if n_jobs > 0 else max(cpu_count() + 1 + n_jobs, 1)


def workers_for(n_chars: int, n_jobs: int | None) -> int:
    """How many worker processes segment ``n_chars`` characters; 1 means this process.

    A positive ``n_jobs`` is taken as it is (``None`` is 1). A negative one is a ceiling
    (``-1``: every core, ``-2``: all but one, as in joblib), lowered so that each worker
    gets at least :data:`CHARS_PER_WORKER` characters: on a small corpus, starting
    workers and loading their models takes longer than the segmentation they share.
    Internal API: the corpus runner calls it with the characters still to segment.

    Examples
    --------
    >>> workers_for(50_000, 2), workers_for(50_000, -1), workers_for(0, None)
    (2, 1, 1)
    """
    workers = worker_count(n_jobs)
    if n_jobs is None or n_jobs > 0:
        return workers
    return max(1, min(workers, n_chars // CHARS_PER_WORKER))


def release_workers() -> None:
    """Stop the worker processes that :func:`tokenize_corpus` keeps for its next call.

    Workers keep their loaded model for five idle minutes; a program that has finished
    segmenting (``corpus-tools run`` before its notebooks, or after Ctrl-C) frees their
    memory at once. Calling it when no worker runs does nothing.
    """
    global _pool
    pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, kill_workers=True)  # type: ignore[call-arg]  # loky's own


_pool: Executor | None = None
"""The last executor :func:`worker_pool` returned, for :func:`release_workers`."""


def worker_pool(workers: int) -> Executor:
    """joblib's loky executor: reused between calls, so workers keep their loaded model.

    Internal API: the runner sends batches to it.
    """
    from joblib.externals.loky import get_reusable_executor

    global _pool
    _pool = get_reusable_executor(max_workers=workers, timeout=300)
    return _pool
