"""The pipeline, composed in one place: ingest -> nlp -> extract -> store.

:func:`run` reads inputs, parses the documents that are not stored yet (in batches, with
``nlp.pipe``), extracts their claims and stores each document in its own transaction.
Bad inputs are reported through the returned :class:`RunReport` and never stop the run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pressgraph import nlp
from pressgraph.errors import IngestError, PressgraphError
from pressgraph.extract import detect_language, extract_parsed
from pressgraph.ingest import iter_documents
from pressgraph.lang import lexicon
from pressgraph.model import Document, Extraction
from pressgraph.store import SQLiteStore

log = logging.getLogger(__name__)

#: Called after each input: (event, detail) with event in stored, skipped, rejected.
Progress = Callable[[str, str], None]


@dataclass
class RunReport:
    """What a run did: ids stored, ids already there, and one line per rejected input."""

    stored: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    claims: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected


def _language(doc: Document) -> str:
    return doc.language if doc.language in nlp.MODELS else detect_language(doc.text)


def extract_documents(
    items: Iterable[Document | PressgraphError], *, batch_size: int = 16
) -> Iterator[Extraction | PressgraphError]:
    """Parse and extract documents, batching per language; errors in ``items`` and errors
    of extraction are yielded, never raised, so one bad input does not stop a stream."""
    batch: list[Document] = []

    def flush() -> Iterator[Extraction | PressgraphError]:
        by_lang: dict[str, list[Document]] = {}
        for d in batch:
            by_lang.setdefault(_language(d), []).append(d)
        for lang, docs in by_lang.items():
            try:
                pipe = nlp.load(lang)
                lexicon(lang)
            except PressgraphError as exc:
                for d in docs:
                    yield IngestError(d.source or d.id, f"language {lang!r} not supported: {exc}")
                continue
            for d, parsed in zip(docs, pipe.pipe(d.text for d in docs), strict=True):
                try:
                    yield extract_parsed(d, parsed, lang)
                except Exception as exc:  # one bad document must not stop the run
                    log.debug("extraction failed", exc_info=True)
                    yield IngestError(d.source or d.id, f"extraction failed: {exc}")
        batch.clear()

    for item in items:
        if isinstance(item, PressgraphError):
            yield item
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()


def run(
    paths: Sequence[str | Path],
    store: SQLiteStore,
    *,
    progress: Progress | None = None,
    max_bytes: int | None = None,
) -> RunReport:
    """Ingest ``paths`` into ``store``. Re-running on the same inputs changes nothing."""
    report = RunReport()
    notify = progress or (lambda event, detail: None)

    def fresh() -> Iterator[Document | PressgraphError]:
        kwargs = {"max_bytes": max_bytes} if max_bytes else {}
        seen: set[str] = set()
        for item in iter_documents(paths, **kwargs):
            if isinstance(item, PressgraphError):
                yield item
            elif item.id in seen or store.has_document(item.id):
                report.skipped.append(item.id)
                notify("skipped", item.source or item.id)
            else:
                seen.add(item.id)
                yield item

    for result in extract_documents(fresh()):
        if isinstance(result, PressgraphError):
            report.rejected.append(str(result))
            notify("rejected", str(result))
            continue
        if store.add(result):
            report.stored.append(result.document.id)
            report.claims += len(result.claims)
            notify("stored", result.document.source or result.document.id)
        else:
            report.skipped.append(result.document.id)
            notify("skipped", result.document.source or result.document.id)
    return report


def extract_paths(paths: Sequence[str | Path]) -> Iterator[Extraction | PressgraphError]:
    """Extraction without a database: every input, streamed in order; errors yielded."""
    return extract_documents(iter_documents(paths))
