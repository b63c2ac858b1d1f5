"""Segment a corpus: batches in this process or in worker processes, a cache, failures.

Pure per-document functions run in batches, in this process or in joblib's loky worker
processes (each loads the model once), and their results are put back in input order.
A document that fails, or kills its worker, is found by running its batch again one
document at a time, and is reported by its id.
"""

from __future__ import annotations

import itertools
import logging
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import BrokenExecutor, Executor, Future
from typing import TYPE_CHECKING, Any

from ..errors import CacheWarning, SegmentationError, SkippedDocumentsWarning
from ..io import Document
from ..normalize import normalize_text
from ..types import OnError, Unit
from ..validation import ON_ERROR, UNITS, check_choice, check_positive_int
from . import workers as processes
from .cache import TokenCache, doc_key, unit_key
from .decoder import segment_units
from .isolation import Failure, isolated
from .runs import RunRecorder
from .tokens import word_filter
from .units import Corpus, corpus_documents, document_source, document_units, split_units
from .wordlists import resolve_user_words
from .workers import worker_count

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = [
    "CorpusRun",
    "cache_paragraphs_and_documents",
    "iter_tokens",
    "tokenize_corpus",
    "work_sources",
    "work_units",
]

logger = logging.getLogger("corpus_tools")


def _segment_sources(
    sources: Sequence[str], unit: Unit, user_words: tuple[str, ...]
) -> list[list[list[str]]]:
    """Each document's units, word-segmented: the pure per-document function."""
    units = [document_units(source, unit) for source in sources]
    words = iter(segment_units([text for texts in units for text in texts], user_words))
    return [[next(words) for _ in texts] for texts in units]


def work_sources(sources: list[str], unit: Unit, user_words: tuple[str, ...]) -> list:
    """Segment documents' texts into units and words, :func:`isolated`. Internal API."""
    return isolated(_segment_sources, sources, unit, user_words)


def work_units(texts: list[str], user_words: tuple[str, ...]) -> list:
    """Segment normalised units into words, :func:`isolated`. Internal API."""
    return isolated(segment_units, texts, user_words)


class _Doc:
    __slots__ = (
        "doc_id",
        "doc_key",
        "failure",
        "unit_keys",
        "whole_key",
        "whole_unit_key",
        "words",
    )

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.doc_key: bytes | None = None
        self.unit_keys: list[bytes] = []
        # With join_documents: the whole document's keys; the unit key only if it is to
        # be stored (not yet cached).
        self.whole_key: bytes | None = None
        self.whole_unit_key: bytes | None = None
        # None: not known yet; a list of each unit's words, None for a unit still to segment
        self.words: list[Any] | None = None
        self.failure: str | None = None


class _Batch:
    """Documents in input order and the work that completes them."""

    __slots__ = ("args", "docs", "function", "future", "items", "results", "targets")

    def __init__(self) -> None:
        self.docs: list[_Doc] = []
        self.function: Callable[..., list] | None = None
        self.items: list[str] = []
        self.args: tuple = ()
        self.targets: list[list[tuple[_Doc, int | None]]] = []  # where each item's result goes
        self.future: Future[list] | None = None
        self.results: list | None = None


class CorpusRun:
    """One run of :func:`iter_tokens` over a corpus; calling it yields ``(doc_id, tokens)``.

    Internal API. ``work_sources`` and ``work_units`` are the functions a batch is sent
    to (:func:`work_sources`, :func:`work_units`); the tests replace them to make a
    worker process die. With a negative ``n_jobs``, batches are prepared ahead until
    the text still to segment shows how many workers pay off
    (:func:`~corpus_tools.segment.workers.workers_for`).

    With ``unit="document"`` and a cache, a document whose every line is cached as a
    unit of its own (as a ``unit="paragraph"`` run leaves them) is joined from those
    lines' words, not segmented again: segmentation never crosses a line break, so a
    text's words are its lines' words in order. A ``unit="paragraph"`` run with
    ``join_documents`` stores those joined words itself, as it goes, and records a run
    of each unit (:func:`cache_paragraphs_and_documents`).
    """

    def __init__(
        self,
        *,
        unit: Unit,
        include_title: bool,
        user_words: tuple[str, ...],
        keep: Callable[[list[str]], list[str]],
        workers: int,
        cache_dir: str | os.PathLike[str] | None,
        on_error: OnError,
        batch_size: int,
        n_jobs: int | None = None,
        join_documents: bool = False,
    ) -> None:
        if join_documents and (unit != "paragraph" or cache_dir is None):
            raise ValueError("join_documents needs unit='paragraph' and a cache_dir")
        self.unit, self.include_title, self.user_words = unit, include_title, user_words
        self.keep, self.workers, self.on_error = keep, workers, on_error
        self.n_jobs = n_jobs  # negative: choose ``workers`` from the work (workers_for)
        self.batch_size = batch_size
        self.cache = None if cache_dir is None else TokenCache(cache_dir)
        self.recorder = self.whole_recorder = None
        if self.cache is not None:
            self.recorder = RunRecorder(
                self.cache.path, writer="tokenize_corpus", unit=unit, include_title=include_title
            )
        if join_documents:
            self.whole_recorder = RunRecorder(
                self.cache.path,  # type: ignore[union-attr]  # checked above
                writer="tokenize_corpus",
                unit="document",
                include_title=include_title,
            )
        self.skipped: list[tuple[str, str]] = []
        self.work_sources: Callable[..., list] = work_sources
        self.work_units: Callable[..., list] = work_units

    # -- preparing a batch in this process -----------------------------------------------
    def prepare(self, numbered: list[tuple[int, Document | str]]) -> _Batch:
        batch = _Batch()
        sources: list[str] = []
        for number, doc in numbered:
            doc_id, source = document_source(number, doc, self.include_title)
            state = _Doc(doc_id)
            batch.docs.append(state)
            if self.cache is None:
                sources.append(source)
                batch.targets.append([(state, None)])
                continue
            try:
                state.doc_key = doc_key(source, self.unit, self.user_words)
                cached = self.cache.get_doc(state.doc_key)
                if self.whole_recorder is not None:
                    state.whole_key = doc_key(source, "document", self.user_words)
                    if cached is not None and self.cache.has_doc(state.whole_key):
                        state.words = cached
                        continue
                elif cached is not None:
                    state.words = cached
                    continue
                text = normalize_text(source)
                if state.whole_key is not None:
                    state.whole_unit_key = unit_key(text, self.user_words)
                if cached is not None:
                    state.words = cached
                    continue
                texts = split_units(text, self.unit)
                state.unit_keys = [unit_key(text, self.user_words) for text in texts]
            except Exception as error:  # reported by doc id
                state.failure = f"{type(error).__name__}: {error}"
                continue
            state.words = [self.cache.get_unit(key) for key in state.unit_keys]
            if self.unit == "document" and state.words[0] is None:
                state.words[0] = self.joined_lines(texts[0])
            seen: dict[bytes, int] = {}
            for position, (key, text) in enumerate(zip(state.unit_keys, texts, strict=True)):
                if state.words[position] is None:
                    if key not in seen:
                        seen[key] = len(batch.items)
                        batch.items.append(text)
                        batch.targets.append([])
                    batch.targets[seen[key]].append((state, position))
        if self.cache is None:
            batch.function, batch.items, batch.args = (
                self.work_sources,
                sources,
                (self.unit, self.user_words),
            )
        elif batch.items:
            batch.function, batch.args = self.work_units, (self.user_words,)
        return batch

    def joined_lines(self, text: str) -> list[str] | None:
        """A text's words joined from its lines' cached words, or None if one is not cached."""
        assert self.cache is not None, "only the cache path looks lines up"
        words: list[str] = []
        for line in filter(None, text.split("\n")):
            found = self.cache.get_unit(unit_key(line, self.user_words))
            if found is None:
                return None
            words.extend(found)
        return words

    def batches(self, docs: Iterable[Document | str]) -> Iterator[_Batch]:
        numbered = enumerate(docs)
        while chunk := list(itertools.islice(numbered, self.batch_size)):
            yield self.prepare(chunk)

    def choose_workers(self, batches: Iterator[_Batch]) -> list[_Batch]:
        """Set ``workers`` from the work ahead; return the batches read to see it."""
        if self.n_jobs is None or self.n_jobs > 0:
            return []
        ceiling = self.workers
        ahead: list[_Batch] = []
        chars = 0
        for batch in batches:
            ahead.append(batch)
            chars += sum(map(len, batch.items))
            if chars >= ceiling * processes.CHARS_PER_WORKER:
                break
        self.workers = processes.workers_for(chars, self.n_jobs)
        return ahead

    # -- running it ---------------------------------------------------------------------
    def submit(self, batch: _Batch, executor: Executor | None) -> None:
        if batch.function is None or not batch.items:
            batch.results = []
        elif executor is None:
            batch.results = batch.function(batch.items, *batch.args)
        else:
            batch.future = executor.submit(batch.function, batch.items, *batch.args)

    def results(self, batch: _Batch) -> list:
        if batch.results is None:
            assert batch.future is not None, "submit() sets a future or the results"
            try:
                batch.results = batch.future.result()
            except BrokenExecutor:
                batch.results = self.rerun_alone(batch)
        return batch.results

    def rerun_alone(self, batch: _Batch) -> list:
        """A worker died: run the batch alone, then each item alone, to find the culprit.

        (Every batch in flight when a worker dies fails with it, whichever one killed it.)
        """
        assert batch.function is not None, "only batches with work are submitted"
        if len(batch.items) > 1:
            try:
                executor = processes.worker_pool(self.workers)
                return executor.submit(batch.function, batch.items, *batch.args).result()
            except BrokenExecutor:
                pass
        out = []
        for item in batch.items:
            try:
                future = processes.worker_pool(self.workers).submit(
                    batch.function, [item], *batch.args
                )
                out.extend(future.result())
            except BrokenExecutor as error:
                reason = str(error).strip().split("\n")[0]
                out.append(Failure(f"its worker process died ({reason})"))
        return out

    def finish(self, batch: _Batch) -> Iterator[tuple[str, list[str]]]:
        for result, targets in zip(self.results(batch), batch.targets, strict=True):
            for state, position in targets:
                if isinstance(result, Failure):
                    state.failure = state.failure or result.message
                elif position is None:
                    state.words = result
                else:
                    assert state.words is not None, "a cached document's list is filled in"
                    state.words[position] = result
        for state in batch.docs:
            if state.failure is not None:
                self.fail(state)
                continue
            assert state.words is not None, "every item of a document that did not fail ran"
            if self.cache is not None and state.unit_keys:
                assert state.doc_key is not None, "unit keys are made after the document's"
                self.cache.add(state.doc_id, state.doc_key, state.unit_keys, state.words)
            elif self.cache is not None and state.words == [] and state.doc_key is not None:
                self.cache.add(state.doc_id, state.doc_key, [], [])
            if state.whole_unit_key is not None:
                assert self.cache is not None and state.whole_key is not None, "join_documents"
                joined = [word for words in state.words for word in words]
                self.cache.add(state.doc_id, state.whole_key, [state.whole_unit_key], [joined])
            if self.recorder is not None:
                # doc_key is None only without a cache, and then there is no recorder.
                self.recorder.add(state.doc_id, state.doc_key)  # type: ignore[arg-type]
            if self.whole_recorder is not None:
                self.whole_recorder.add(state.doc_id, state.whole_key)  # type: ignore[arg-type]
            for words in state.words:
                yield state.doc_id, self.keep(words)

    def fail(self, state: _Doc) -> None:
        if self.on_error == "raise":
            raise SegmentationError(
                f"document {state.doc_id!r} could not be segmented: {state.failure}; "
                "pass on_error='skip' to go on without it"
            )
        logger.warning("skipped document %r: %s", state.doc_id, state.failure)
        self.skipped.append((state.doc_id, state.failure or ""))

    def record(self, *, start: bool = False, complete: bool = False) -> None:
        """Write the run's manifest at its start or end; a failed write stops the cache.

        The end is recorded only if every token was written: otherwise the manifest of
        the start stays, which says the run did not finish.
        """
        for recorder in (self.recorder, self.whole_recorder):
            if recorder is None or self.cache is None or self.cache.failed is not None:
                continue
            try:
                if start:
                    recorder.start()
                else:
                    recorder.finish(complete=complete, skipped=len(self.skipped))
            except Exception as error:  # OSError, or an id the manifest cannot hold
                if start:
                    self.cache.fail(error)
                    return
                message = (
                    f"{recorder.path}: could not record this run ({error}); its tokens "
                    "are cached, but read_tokens will not return this run"
                )
                logger.warning(message)
                warnings.warn(message, CacheWarning, stacklevel=3)

    def __call__(
        self, docs: Iterable[Document | str], *, progress: bool
    ) -> Iterator[tuple[str, list[str]]]:
        bar = _progress_bar(docs, progress)
        window: deque[_Batch] = deque()
        completed = False
        try:
            self.record(start=True)
            batches = self.batches(docs)
            ahead = self.choose_workers(batches)
            executor = processes.worker_pool(self.workers) if self.workers > 1 else None
            in_flight = 2 * self.workers
            for batch in itertools.chain(ahead, batches):
                self.submit(batch, executor)
                window.append(batch)
                while window and (
                    len(window) > in_flight or window[0].future is None or window[0].future.done()
                ):
                    batch = window.popleft()
                    yield from self.finish(batch)
                    bar.update(len(batch.docs))
            while window:
                batch = window.popleft()
                yield from self.finish(batch)
                bar.update(len(batch.docs))
            completed = True
        finally:
            for batch in window:
                if batch.future is not None:
                    batch.future.cancel()
            if self.cache is not None:
                self.cache.flush()
                self.record(complete=completed)
            bar.close()
        if self.skipped:
            warnings.warn(SkippedDocumentsWarning(self.skipped), stacklevel=3)


def _progress_bar(docs: Iterable[object], progress: bool) -> tqdm:
    from tqdm import tqdm

    total = len(docs) if isinstance(docs, Sized) else None
    return tqdm(total=total, unit="doc", desc="tokenize", disable=not progress, delay=1.0)


def iter_tokens(
    docs: Corpus,
    *,
    unit: Unit = "document",
    include_title: bool = True,
    lowercase: bool = False,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    user_words: Iterable[str] | None = None,
    n_jobs: int | None = 1,
    cache_dir: str | os.PathLike[str] | None = None,
    on_error: OnError = "raise",
    progress: bool = True,
    batch_size: int = 64,
) -> Iterator[tuple[str, list[str]]]:
    """Tokenize documents one batch at a time; yield ``(doc_id, tokens)`` for each unit.

    Takes the arguments of :func:`tokenize_corpus` and yields its token lists, in the
    same order, each with the id of its document, while reading ``docs`` lazily: with
    :func:`~corpus_tools.io.iter_corpus` neither the texts nor the tokens of a large
    corpus are ever all in memory. Plain strings get ids ``"0"``, ``"1"``, …; a mapping
    of id → text gives its keys as ids. With ``cache_dir``, the run is recorded as
    complete only if it is iterated to the end.

    Examples
    --------
    >>> list(iter_tokens(["Ban Bí thư họp.", "Cấp ủy các cấp"], lowercase=True))
    [('0', ['ban_bí_thư', 'họp']), ('1', ['cấp_ủy', 'các', 'cấp'])]
    """
    docs = corpus_documents(docs)
    check_choice(unit, "unit", UNITS)
    check_choice(on_error, "on_error", ON_ERROR)
    batch_size = check_positive_int(batch_size, "batch_size")
    run = CorpusRun(
        unit=unit,
        include_title=include_title,
        user_words=resolve_user_words(user_words),
        keep=word_filter(
            lowercase=lowercase,
            stopwords=stopwords,
            keep_punct=keep_punct,
            keep_numbers=keep_numbers,
        ),
        workers=worker_count(n_jobs),
        cache_dir=cache_dir,
        on_error=on_error,
        batch_size=batch_size,
        n_jobs=n_jobs,
    )
    return run(docs, progress=progress)


def cache_paragraphs_and_documents(
    docs: Corpus,
    *,
    cache_dir: str | os.PathLike[str],
    n_jobs: int | None = -1,
    progress: bool = True,
) -> Iterator[tuple[str, list[str]]]:
    """``iter_tokens(docs, unit="paragraph", cache_dir=cache_dir)`` that caches each whole
    document's words too.

    The whole document's words are its paragraphs' words in order (segmentation never
    crosses a line break), stored as the run goes, with a run recorded for each unit:
    a later call with either unit reads the cache, and the corpus is read and
    normalised once. Internal API: ``corpus-tools run`` scans the corpus with it.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> list(cache_paragraphs_and_documents(["Hà Nội\\nBộ Chính trị họp."], cache_dir=folder))
    [('0', ['Hà_Nội']), ('0', ['Bộ_Chính_trị', 'họp'])]
    >>> tokenize_corpus(["Hà Nội\\nBộ Chính trị họp."], cache_dir=folder, n_jobs=-1)
    [['Hà_Nội', 'Bộ_Chính_trị', 'họp']]
    """
    run = CorpusRun(
        unit="paragraph",
        include_title=True,
        user_words=resolve_user_words(None),
        keep=word_filter(),
        workers=worker_count(n_jobs),
        cache_dir=cache_dir,
        on_error="raise",
        batch_size=64,
        n_jobs=n_jobs,
        join_documents=True,
    )
    return run(corpus_documents(docs), progress=progress)


def tokenize_corpus(
    docs: Corpus,
    *,
    unit: Unit = "document",
    include_title: bool = True,
    lowercase: bool = False,
    stopwords: Iterable[str] | None = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    user_words: Iterable[str] | None = None,
    batch_size: int = 64,
    n_jobs: int | None = 1,
    cache_dir: str | os.PathLike[str] | None = None,
    on_error: OnError = "raise",
    progress: bool = True,
) -> list[list[str]]:
    """Tokenize many documents; return one token list per unit, in order.

    The units are those of :func:`~corpus_tools.segment.text_units` with the same
    ``unit`` and ``include_title``, so ``text_units(docs, unit=...)[i]`` is the text
    behind the ``i``-th token list. Other options are those of
    :func:`~corpus_tools.segment.tokenize`, whose output this equals; for large corpora
    see also :func:`iter_tokens`, which streams.

    Parameters
    ----------
    docs : iterable of Document or str, or mapping of str to str
        The documents: :class:`~corpus_tools.io.Document` records, plain texts (their
        ids are ``"0"``, ``"1"``, …), or a mapping of id → text, whose keys become the
        ids. A bare string is not a corpus (:class:`TypeError`): wrap one text as
        ``[text]``.
    batch_size : int
        Documents segmented together (and sent to a worker as one task).
    n_jobs : int
        Worker processes (joblib's loky). Each worker loads the model once (one to a few
        seconds) and keeps it between calls
        (:func:`~corpus_tools.segment.workers.release_workers` stops them). ``-1`` uses
        every core, but only as many workers as the text still to segment repays
        (:func:`~corpus_tools.segment.workers.workers_for`): a small corpus, or one the
        cache already holds, is segmented in this process. The output is the same, in
        the same order, whatever ``n_jobs``.
    cache_dir : str or PathLike, optional
        A folder keeping every unit's words as Parquet
        (:mod:`corpus_tools.segment.cache`): a re-run reads them instead of segmenting.
        It stores words before lowercasing and filtering, so one cache serves every
        ``lowercase``, ``stopwords``, ``keep_punct`` and ``keep_numbers``; changing
        ``user_words`` re-segments only the units that hold an added or removed word; a
        new underthesea or corpus_tools segmenter starts afresh. What is written survives
        an interrupted run. Each run records which documents it had
        (:mod:`corpus_tools.segment.runs`), so
        :func:`~corpus_tools.segment.read_tokens` returns this run's documents and no
        others. A folder that cannot be created or written to raises
        :class:`~corpus_tools.errors.CorpusError` before any work; if a write fails
        during the run (a full disk), the tokens are still returned, with a
        :class:`~corpus_tools.errors.CacheWarning` naming the folder.
    on_error : {"raise", "skip"}
        When a document cannot be segmented (or kills its worker process): raise
        :class:`~corpus_tools.errors.SegmentationError` naming it, or leave its units
        out, log a warning on the ``corpus_tools`` logger and warn
        :class:`~corpus_tools.errors.SkippedDocumentsWarning` listing every skipped id at
        the end. No other document's tokens are lost. With ``n_jobs=1`` (and with
        ``n_jobs=-1`` on little text) the work runs in this process, so only Python
        errors are caught: a crash of the segmenter itself ends the process;
        ``n_jobs=2`` isolates it.
    progress : bool
        Show a tqdm progress bar (on standard error) when the run lasts over a second.

    Examples
    --------
    >>> tokenize_corpus(["Ban Bí thư họp.", "Cấp ủy các cấp"], lowercase=True)
    [['ban_bí_thư', 'họp'], ['cấp_ủy', 'các', 'cấp']]
    """
    return [
        tokens
        for _, tokens in iter_tokens(
            docs,
            unit=unit,
            include_title=include_title,
            lowercase=lowercase,
            stopwords=stopwords,
            keep_punct=keep_punct,
            keep_numbers=keep_numbers,
            user_words=user_words,
            n_jobs=n_jobs,
            cache_dir=cache_dir,
            on_error=on_error,
            progress=progress,
            batch_size=batch_size,
        )
    ]
