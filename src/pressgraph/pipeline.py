"""The pipeline, composed in one place: ingest -> nlp -> extract -> resolve -> store.

:func:`run` reads inputs, parses the documents that are not stored yet (in batches, with
``nlp.pipe``), extracts their claims, and stores each document in its own transaction,
resolved by the resolution stage (:data:`pressgraph.resolve.stage.RESOLUTION`: its story
and the stored entity of each name), which the store runs inside that transaction.
Each document passes each stage in isolation (:mod:`pressgraph.isolation`): whatever goes
wrong with one, reading, parsing, extracting or storing it, is one ``rejected`` line of the
returned :class:`RunReport` naming it, and the run goes on with the others. A text longer
than one parse is parsed and extracted in parts (:mod:`pressgraph.extract.parts`).

With ``workers > 1``, batches are parsed and extracted in a pool of worker processes
(:func:`extract_parsed` is pure, so an :class:`Extraction` crosses the pool as is) while
the calling process alone writes to the store. At most ``2 * workers`` batches are in
flight, so memory does not grow with the number of inputs, and results come back in input
order, so the store ends up the same whatever the number of workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pressgraph import nlp
from pressgraph.errors import ConfigError, ExtractionError, IngestError, PressgraphError
from pressgraph.extract import extract_in_parts, extract_parsed
from pressgraph.ingest import IngestOptions, iter_documents
from pressgraph.isolation import attempt, rejection
from pressgraph.lang import LANGUAGES, lexicon
from pressgraph.lang.detect import document_language
from pressgraph.model import Document, Extraction
from pressgraph.resolve.dedup import canonical_url
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store.protocol import Store

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

#: Documents parsed together (one ``nlp.pipe`` call per language in a batch). 32 parses
#: 5-10% faster than 16 with ``fr_core_news_md``, as fast as 64, and keeps a pool's last
#: batches small, so no worker is left alone with a long tail.
BATCH_SIZE = 32

#: Ids and URLs remembered by :func:`run` to skip a duplicate before it is parsed. Only
#: the latest are kept (memory must not grow with the corpus): those still in flight are
#: among them, and a duplicate of an older one is found in the store, or refused by it.
RECENT = 4096

#: Seconds between two checks, in a pool worker, that the process that started it lives.
ORPHAN_CHECK_SECONDS = 0.5

#: Called after each input: (event, detail) with event in stored, skipped, rejected.
Progress = Callable[[str, str], None]


@dataclass
class RunReport:
    """What a run did: ids stored, ids already there, and one line per rejected input."""

    stored: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    claims: int = 0
    #: Documents stored as a near-duplicate of an earlier one (joined its story).
    reprints: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected


class Recent:
    """A set that keeps only the ``size`` keys added last."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._keys: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def update(self, keys: Iterable[str]) -> None:
        for key in keys:
            self._keys[key] = None
        while len(self._keys) > self.size:
            self._keys.popitem(last=False)


def language_of(doc: Document) -> str:
    """The language ``doc`` is in: the one it declares when pressgraph reads it, else the
    one its text is in (:func:`pressgraph.lang.detect.document_language`), maybe one that
    pressgraph does not read."""
    return document_language(doc.language, doc.text).language


def _readable_language(doc: Document) -> str:
    """The language ``doc`` is read in; an :class:`IngestError` naming it and the language
    found when pressgraph does not read that language."""
    found = document_language(doc.language, doc.text)
    if not found.supported:
        raise IngestError(
            source_of(doc), f"{found}, not one pressgraph reads ({', '.join(LANGUAGES)})"
        )
    return found.language


def extract_batch(docs: Sequence[Document]) -> list[Extraction | IngestError]:
    """Parse and extract one batch, grouped per language (one ``nlp.pipe`` per language);
    the results in the order of ``docs``, so that what is stored does not depend on how a
    stream was cut into batches (by a pool here, by Ray Data in :mod:`pressgraph.ray_engine`).

    Each document is parsed and extracted in isolation (:mod:`pressgraph.isolation`): a
    language without a pipeline or a lexicon, a parse or an extraction that fails give an
    :class:`IngestError` in the result instead of an extraction, and the others are read;
    so does a document in a language pressgraph does not read (:func:`_readable_language`).
    A text longer than one parse is read in parts (:func:`_extract_long`). Module-level and
    pure but for the per-process model cache, so a process pool can map it.
    """
    results: list[Extraction | IngestError | None] = [None] * len(docs)
    by_lang: dict[str, list[int]] = {}  # language -> positions of its documents in ``docs``
    for i, d in enumerate(docs):
        lang = attempt(source_of(d), "parsing", partial(_readable_language, d))
        if isinstance(lang, IngestError):
            results[i] = lang
        else:
            by_lang.setdefault(lang, []).append(i)
    for lang, positions in by_lang.items():
        group = [docs[i] for i in positions]
        try:
            pipe = nlp.load(lang)
            lexicon(lang)
        except PressgraphError as exc:
            reason = f"language {lang!r} not supported: {exc}"
            outcome: list[Extraction | IngestError] = [
                IngestError(source_of(d), reason) for d in group
            ]
        else:
            outcome = _extract_group(pipe, lang, group)
        for i, result in zip(positions, outcome, strict=True):
            results[i] = result
    return [r for r in results if r is not None]


def source_of(doc: Document) -> str:
    """How a document is named in a rejected line: where it was read, else its id."""
    return doc.source or doc.id


def _extract_group(
    pipe: Language, lang: str, group: Sequence[Document]
) -> list[Extraction | IngestError]:
    """The extraction of each document of one language, in order; errors in place."""
    limit = nlp.part_limit(pipe)
    parses = nlp.parse_each(pipe, [d.text for d in group if len(d.text) <= limit])
    results: list[Extraction | IngestError] = []
    for d in group:
        if len(d.text) > limit:
            results.append(_extract_long(pipe, lang, d))
            continue
        doc = next(parses)
        if isinstance(doc, Exception):
            results.append(rejection(source_of(d), doc, "parsing"))
        else:
            results.append(
                attempt(source_of(d), "extraction", partial(extract_parsed, d, doc, lang))
            )
    return results


def _extract_long(pipe: Language, lang: str, doc: Document) -> Extraction | IngestError:
    """A text longer than one parse, parsed and extracted part by part
    (:func:`pressgraph.nlp.parse_parts`, :func:`pressgraph.extract.extract_in_parts`)."""
    log.info(
        "%s: %d characters, read in parts of at most %d",
        source_of(doc),
        len(doc.text),
        nlp.part_limit(pipe),
    )
    return attempt(
        source_of(doc),
        "extraction",
        lambda: extract_in_parts(doc, nlp.parse_parts(pipe, doc.text), lang),
    )


def _batches(
    items: Iterable[Document | PressgraphError], batch_size: int
) -> Iterator[list[Document] | PressgraphError]:
    """Group documents in batches of ``batch_size``; errors pass through as they come."""
    batch: list[Document] = []
    for item in items:
        if isinstance(item, PressgraphError):
            yield item
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def pool_context() -> multiprocessing.context.BaseContext:
    """``fork`` where there is one: workers inherit the pipelines the parent has loaded."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _exit_when_orphaned(parent: int) -> None:
    """Pool worker initializer: end the worker once ``parent`` is gone. A parent killed with
    SIGKILL cannot stop its workers, which would otherwise wait for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="pressgraph-orphan-watch", daemon=True).start()


class _Pool:
    """The process pool of a run, made anew when a worker process dies (a pool that lost a
    worker takes no more work)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=pool_context(),
            initializer=_exit_when_orphaned,
            initargs=(os.getpid(),),
        )

    def renew(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()

    def alone(self, doc: Document) -> Extraction | IngestError:
        """``doc`` read in a worker on its own: a document that kills its worker (a crash
        in native code, the memory killer) is rejected, and the pool made anew."""
        try:
            [result] = self.executor.submit(extract_batch, [doc]).result()
            return result
        except BrokenProcessPool:
            self.renew()
            return ExtractionError(source_of(doc), "extraction failed: its worker process died")


def _extract_in_pool(
    items: Iterable[Document | PressgraphError], batch_size: int, workers: int
) -> Iterator[Extraction | PressgraphError]:
    """:func:`extract_batch` over a pool of ``workers`` processes, in order, bounded.

    When a worker dies, every batch in flight is lost with the pool: their documents are
    read again one at a time in a new pool (:meth:`_Pool.alone`), so the one that killed
    its worker is rejected and the others are read."""
    pool = _Pool(workers)
    pending: deque[tuple[list[Document], Future[list[Extraction | IngestError]]]] = deque()

    def oldest() -> Iterator[Extraction | IngestError]:
        batch, future = pending.popleft()
        try:
            yield from future.result()
            return
        except BrokenProcessPool:
            lost = [batch, *(b for b, _future in pending)]
            pending.clear()
        log.warning("a worker process died: reading its %d batch(es) again", len(lost))
        pool.renew()
        for doc in (d for b in lost for d in b):
            yield pool.alone(doc)

    try:
        for batch in _batches(items, batch_size):
            if isinstance(batch, PressgraphError):
                yield batch
                continue
            try:
                pending.append((batch, pool.executor.submit(extract_batch, batch)))
            except BrokenProcessPool:  # died since the last result: the next one says so
                pending.append((batch, _broken_future()))
            if len(pending) >= 2 * workers:
                yield from oldest()
        while pending:
            yield from oldest()
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


def _broken_future() -> Future[list[Extraction | IngestError]]:
    future: Future[list[Extraction | IngestError]] = Future()
    future.set_exception(BrokenProcessPool("the pool lost a worker"))
    return future


def extract_documents(
    items: Iterable[Document | PressgraphError],
    *,
    batch_size: int = BATCH_SIZE,
    workers: int = 1,
) -> Iterator[Extraction | PressgraphError]:
    """Parse and extract documents, batching per language; errors in ``items`` and errors
    of extraction are yielded, never raised, so one bad input does not stop a stream.

    ``workers > 1`` parses and extracts in that many processes (see the module docstring).
    """
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    if workers > 1:
        results = _extract_in_pool(items, batch_size, workers)
    else:
        results = _extract_here(items, batch_size)
    for result in results:
        if isinstance(result, IngestError) and result.details:
            log.debug("%s\n%s", result, result.details.rstrip())  # shown with --debug
        yield result


def _extract_here(
    items: Iterable[Document | PressgraphError], batch_size: int
) -> Iterator[Extraction | PressgraphError]:
    """:func:`extract_batch` in this process, batch after batch; errors pass through."""
    for batch in _batches(items, batch_size):
        if isinstance(batch, PressgraphError):
            yield batch
        else:
            yield from extract_batch(batch)


def run(
    paths: Sequence[str | Path],
    store: Store,
    *,
    progress: Progress | None = None,
    max_bytes: int | None = None,
    workers: int = 1,
    ingest: IngestOptions | None = None,
) -> RunReport:
    """Ingest ``paths`` (files, folders, URLs) into ``store``. Re-running on the same
    inputs changes nothing.

    Every document goes through every stage in isolation (:mod:`pressgraph.isolation`):
    what fails on one (reading it, parsing, extracting, storing it) is one line of
    ``RunReport.rejected`` naming it, and the run goes on. Only a store that cannot be
    written at all (:meth:`~pressgraph.store.Store.cannot_write`) stops the run.
    ``workers > 1`` parses and extracts in that many processes; this process alone writes.
    ``ingest`` sets how inputs are read and fetched (``max_bytes`` overrides its cap).
    """
    report = RunReport()
    notify = progress or (lambda event, detail: None)

    def reject(error: PressgraphError) -> None:
        report.rejected.append(str(error))
        notify("rejected", str(error))

    def fresh() -> Iterator[Document | PressgraphError]:
        seen = Recent(RECENT)
        for item in iter_documents(paths, max_bytes=max_bytes or None, options=ingest):
            if isinstance(item, PressgraphError):
                yield item
                continue
            keys = attempt(source_of(item), "reading", partial(document_keys, item))
            if isinstance(keys, IngestError):
                yield keys
                continue
            stored = _is_stored(store, item, keys, seen)
            if isinstance(stored, IngestError):
                yield stored
            elif stored:
                report.skipped.append(item.id)
                notify("skipped", source_of(item))
            else:
                seen.update(keys)
                yield item

    for result in extract_documents(fresh(), workers=workers):
        if isinstance(result, PressgraphError):
            reject(result)
            continue
        added = store_extraction(store, result)
        if isinstance(added, IngestError):
            reject(added)
        elif added:
            report.stored.append(result.document.id)
            report.claims += len(result.claims)
            if store.story_of(result.document.id) != result.document.id:
                report.reprints += 1
            notify("stored", source_of(result.document))
        else:
            report.skipped.append(result.document.id)
            notify("skipped", source_of(result.document))
    return report


def document_keys(doc: Document) -> list[str]:
    """What makes two documents the same article: their id, their canonical URL."""
    return [doc.id, *filter(None, [canonical_url(doc.url)])]


def _is_stored(store: Store, doc: Document, keys: list[str], seen: Recent) -> bool | IngestError:
    """Whether ``doc`` was read earlier in the run or is in the store already."""
    if any(k in seen for k in keys):
        return True
    try:
        return store.stored_as(doc.id, canonical_url(doc.url)) is not None
    except Exception as exc:
        if store.cannot_write(exc):
            raise
        return rejection(source_of(doc), exc, "storing")


def store_extraction(store: Store, extraction: Extraction) -> bool | IngestError:
    """Resolve and store one document in its own transaction: whether it was new, or the
    error that stands for it (the transaction rolled back: nothing of it is written, nothing
    already stored is touched). A store that cannot be written at all is raised: every
    document after it would fail the same way."""
    try:
        return store.add(extraction, RESOLUTION)
    except Exception as exc:
        if store.cannot_write(exc):
            raise
        return rejection(source_of(extraction.document), exc, "storing")


def extract_paths(
    paths: Sequence[str | Path], *, options: IngestOptions | None = None
) -> Iterator[Extraction | PressgraphError]:
    """Extraction without a database: every input (files, folders, URLs, read as
    :func:`run` reads them with ``options``), streamed in order; errors yielded."""
    return extract_documents(iter_documents(paths, options=options))
