"""The default store: one SQLite file, one writer connection, one transaction per document.

The connection runs in autocommit mode and opens its transactions itself (``BEGIN
IMMEDIATE`` ... ``COMMIT``), with ``journal_mode=WAL`` (readers never block the writer),
``foreign_keys=ON`` and a ``busy_timeout``. Every ``sqlite3`` error is raised as
:class:`~pressgraph.errors.StoreError` naming the database and the reason.

Which stored entity a document's name is, and which story the document joins, is decided
by the resolution stage the caller passes to :meth:`SQLiteStore.add`
(:mod:`pressgraph.resolve.stage`); the store runs it inside the document's transaction,
hands it a :class:`~pressgraph.store.index.SQLiteIndex` of that transaction, and writes
the mentions and claims with the entities it decided. The first name and the first type an
entity was stored with are kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from pressgraph.errors import StoreError
from pressgraph.model import Claim, Document, Extraction
from pressgraph.store.browse import StoreBrowse
from pressgraph.store.index import SQLiteIndex
from pressgraph.store.migrations import apply_migrations, latest_version
from pressgraph.store.protocol import ClaimRefs, DocumentRefs, Resolver, WriteIndex
from pressgraph.store.search import StoreSearch

__all__ = [
    "BUSY_TIMEOUT_MS",
    "SQLiteStore",
    "claim_id",
    "database_broken",
    "open_readonly",
    "open_store",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5_000
_CLAIM_ATTRIBUTES = ("amount", "currency", "percent", "date", "until", "role", "value")
_CHANGE_ATTRIBUTES = ("amount_kind", "previous_amount", "previous_percent")


def claim_id(claim: Claim, document_id: str) -> str:
    """Stable id of a claim: a hash of its document, type, parties, attributes, modality and
    evidence start, so the same statement read again gets the same id."""
    parts: list[object] = [document_id, claim.type, claim.subject, claim.object]
    parts += [getattr(claim, key) for key in _CLAIM_ATTRIBUTES]
    parts += [claim.modality, claim.evidence_start]
    # Read later than the rest: only in the hash when they say more than a total, so the
    # ids of claims stored before them do not change.
    parts += [
        f"{key}={getattr(claim, key)}"
        for key in _CHANGE_ATTRIBUTES
        if getattr(claim, key) not in (None, "total")
    ]
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


#: SQLite errors of the database itself (locked, full, read-only, corrupt), not of one
#: document's data: :class:`sqlite3.DatabaseError` itself and these subclasses.
_DATABASE_ERRORS = (sqlite3.OperationalError, sqlite3.InternalError)


def database_broken(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says the SQLite database cannot be written at
    all, rather than that one document's data was refused."""
    cause: BaseException | None = exc
    while cause is not None:
        if type(cause) is sqlite3.DatabaseError or isinstance(cause, _DATABASE_ERRORS):
            return True
        cause = cause.__cause__
    return False


def _check_extraction(extraction: Extraction, store: str) -> None:
    """Refuse an extraction whose claims or mentions do not point into its document."""
    doc = extraction.document
    size = len(doc.text)
    for mention in extraction.mentions:
        if not 0 <= mention.start <= mention.end <= size:
            raise StoreError(
                f"{store}: document {doc.id}: mention {mention.text!r} "
                f"[{mention.start}:{mention.end}] is outside the text ({size} characters)"
            )
    for claim in extraction.claims:
        if claim.document != doc.id:
            raise StoreError(
                f"{store}: document {doc.id}: claim {claim.type} of {claim.subject!r} belongs to "
                f"document {claim.document}"
            )
        if not 0 <= claim.evidence_start <= claim.evidence_end <= size:
            raise StoreError(
                f"{store}: document {doc.id}: claim {claim.type} of {claim.subject!r} has evidence "
                f"[{claim.evidence_start}:{claim.evidence_end}] outside the text "
                f"({size} characters)"
            )


class SQLiteStore(StoreSearch, StoreBrowse):
    """A pressgraph store in one SQLite file (:class:`~pressgraph.store.protocol.Store`).
    Open it with :func:`open_store` (or :func:`open_readonly`, as the web UI does).

    Its layers, each a module: :class:`~pressgraph.store.connection.Connection` (errors,
    transactions), :class:`~pressgraph.store.reads.StoreReads` (rows and key lookups),
    :class:`~pressgraph.store.search.StoreSearch` (full-text search, whose indexes triggers
    keep: migration 4), :class:`~pressgraph.store.browse.StoreBrowse` (paged reads) and
    :class:`~pressgraph.store.index.SQLiteIndex` (the writes of the resolution stage);
    writing documents is here.
    """

    def __repr__(self) -> str:
        return f"SQLiteStore({self.name!r})"

    def cannot_write(self, exc: BaseException) -> bool:
        """Whether ``exc`` says this store cannot be written at all (:func:`database_broken`)."""
        return database_broken(exc)

    def has_document(self, doc_id: str) -> bool:
        with self._errors("reading documents"):
            row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,))
            return row.fetchone() is not None

    def stored_as(self, document_id: str, url_key: str | None) -> str | None:
        """The id of the stored document that is the same article (the same id, or the
        same canonical URL key), or None."""
        with self._errors("reading documents"):
            return self._stored_as(document_id, url_key)

    def _stored_as(self, document_id: str, url_key: str | None) -> str | None:
        conn = self._conn
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone():
            return document_id
        if url_key is None:
            return None
        row = conn.execute("SELECT document_id FROM document_urls WHERE url = ?", (url_key,))
        found = row.fetchone()
        return None if found is None else str(found[0])

    def story_of(self, doc_id: str) -> str | None:
        """The story id of a stored document: the id of the first stored document of the
        same story (itself when it has no earlier near-duplicate), or None."""
        with self._errors("reading documents"):
            row = self._conn.execute("SELECT story FROM documents WHERE id = ?", (doc_id,))
            found = row.fetchone()
        return None if found is None else found[0]

    def write(self, action: str, work: Callable[[WriteIndex], T]) -> T:
        """Run ``work`` with the index of one ``BEGIN IMMEDIATE`` transaction, rolled back
        on any error (raised as :class:`StoreError` naming ``action``)."""
        return self._transaction(action, lambda: work(SQLiteIndex(self._conn)))

    def add(self, extraction: Extraction, resolver: Resolver) -> bool:
        """Store one document and everything read from it, in one transaction.

        Returns False, and changes nothing, when the document is already stored (the same
        text, or the same canonical URL: see :meth:`stored_as`). Inside the transaction,
        once the document row is written, ``resolver`` decides its story and the stored
        entity of each of its names (:mod:`pressgraph.resolve.stage`); the mentions and
        claims are written with them. On any error the whole document is rolled back and
        :class:`StoreError` is raised.
        """
        doc = extraction.document
        _check_extraction(extraction, self.name)
        url_key = resolver.url_key(doc.url)

        def work() -> bool:
            duplicate = self._stored_as(doc.id, url_key)
            if duplicate is not None:
                logger.debug("%s: document %s already stored as %s", self.name, doc.id, duplicate)
                return False  # nothing written: the commit changes nothing
            self._insert_document(doc)
            self._write(extraction, resolver.resolve(extraction, SQLiteIndex(self._conn)))
            return True

        return self._transaction(f"storing document {doc.id} ({doc.source or 'no source'})", work)

    def _write(self, extraction: Extraction, refs: DocumentRefs) -> None:
        doc = extraction.document
        if len(refs.mentions) != len(extraction.mentions) or len(refs.claims) != len(
            extraction.claims
        ):
            raise StoreError(f"{self.name}: document {doc.id}: resolution does not match it")
        self._conn.executemany(
            "INSERT INTO mentions (document_id, entity_id, local_id, start, end, text, kind)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (doc.id, ref.entity_id, ref.local_id, m.start, m.end, m.text, m.kind)
                for m, ref in zip(extraction.mentions, refs.mentions, strict=True)
            ],
        )
        seen: set[str] = set()
        for claim, parties in zip(extraction.claims, refs.claims, strict=True):
            cid = claim_id(claim, doc.id)
            if cid in seen:
                logger.debug("%s: duplicate claim %s skipped", doc.id, cid)
                continue
            seen.add(cid)
            self._insert_claim(cid, claim, doc.id, parties)

    def _insert_document(self, doc: Document) -> None:
        self._conn.execute(
            "INSERT INTO documents (id, external_id, title, outlet, url, published, language,"
            " source, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.external_id,
                doc.title,
                doc.outlet,
                doc.url,
                doc.published,
                doc.language,
                doc.source,
                doc.text,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def _insert_claim(self, cid: str, claim: Claim, doc_id: str, parties: ClaimRefs) -> None:
        arguments = [
            {"role": a.role, "text": a.text, "start": a.start, "end": a.end}
            for a in claim.arguments
        ]
        obj = parties.object
        self._conn.execute(
            "INSERT INTO claims (id, document_id, type, subject_id, object_id, subject_local,"
            " object_local, amount, currency, percent, date, until, role, value, modality,"
            " evidence, evidence_start, evidence_end, arguments, amount_kind, previous_amount,"
            " previous_percent)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                cid,
                doc_id,
                claim.type,
                parties.subject.entity_id,
                None if obj is None else obj.entity_id,
                parties.subject.local_id,
                None if obj is None else obj.local_id,
                claim.amount,
                claim.currency,
                claim.percent,
                claim.date,
                claim.until,
                claim.role,
                claim.value,
                claim.modality,
                claim.evidence,
                claim.evidence_start,
                claim.evidence_end,
                json.dumps(arguments, ensure_ascii=False),
                claim.amount_kind,
                claim.previous_amount,
                claim.previous_percent,
            ),
        )
        self._conn.executemany(
            "INSERT INTO claim_sources (claim_id, position, name, kind, entity_id, local_id,"
            " start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    cid,
                    position,
                    source.name,
                    source.kind,
                    entity_id,
                    local_id,
                    source.start,
                    source.end,
                )
                for position, (source, (local_id, entity_id)) in enumerate(
                    zip(claim.sources, parties.sources, strict=True)
                )
            ],  # fmt: skip
        )


def open_store(path: str | Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> SQLiteStore:
    """Open (creating it if needed) and migrate the store at ``path``.

    ``":memory:"`` gives a private in-memory store (no WAL there). The parent folder
    must exist. Usable as a context manager.
    """
    name = str(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(name, isolation_level=None, timeout=busy_timeout_ms / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal" and name != ":memory:":
            logger.warning("%s: journal mode is %s, not wal", name, mode)
        conn.execute("PRAGMA synchronous = NORMAL")
        apply_migrations(conn, name=name)
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise StoreError(f"{name}: cannot open database ({exc})") from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return SQLiteStore(conn, name)


def open_readonly(path: str | Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> SQLiteStore:
    """Open the existing store at ``path`` for reading only (SQLite URI ``mode=ro``: no
    write can happen through it, not even a migration), as the web UI does.

    A missing file, a file that is not a pressgraph store, or one whose schema is older or
    newer than this pressgraph's raises :class:`StoreError` saying so. Usable as a context
    manager.
    """
    name = str(path)
    if not Path(name).is_file():
        raise StoreError(
            f"{name}: no such database (create it with `pressgraph ingest` or `pressgraph demo`)"
        )
    uri = Path(name).resolve().as_uri() + "?mode=ro"
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=busy_timeout_ms / 1000,
            check_same_thread=False,
        )  # fmt: skip
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise StoreError(f"{name}: cannot open database ({exc})") from exc
    if version != latest_version():
        conn.close()
        if version == 0:
            raise StoreError(f"{name}: not a pressgraph database (no schema)")
        if version > latest_version():
            raise StoreError(
                f"{name}: schema version {version} is newer than this pressgraph knows "
                f"({latest_version()}); upgrade pressgraph"
            )
        raise StoreError(
            f"{name}: schema version {version} is older than this pressgraph's "
            f"({latest_version()}); open it once for writing (`pressgraph entities --db {name}`)"
            " to migrate it"
        )
    return SQLiteStore(conn, name)
