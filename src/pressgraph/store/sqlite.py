"""The default store: one SQLite file, one writer connection, one transaction per document.

The connection runs in autocommit mode and opens its transactions itself (``BEGIN
IMMEDIATE`` ... ``COMMIT``), with ``journal_mode=WAL`` (readers never block the writer),
``foreign_keys=ON`` and a ``busy_timeout``. Every ``sqlite3`` error is raised as
:class:`~pressgraph.errors.StoreError` naming the database and the reason.

Entity resolution across documents is by :func:`~pressgraph.names.entity_key`:
an entity of a new document joins the stored entity whose key, or one of whose *name*
aliases' keys, equals the key of its name or of one of its name aliases. The first name and
the first type an entity was stored with are kept. Descriptions (``"l'assureur"``: all
lower case, or only ever mentioned as a description or a pronoun) are stored as aliases of
kind ``description`` and never resolve across documents; an entity known only by a
description gets a key scoped to its document (``"assureur@<document id>"``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from pressgraph.errors import StoreError
from pressgraph.model import Claim, Document, Entity, Extraction
from pressgraph.store.browse import StoreBrowse
from pressgraph.store.corrections import EntityCorrections
from pressgraph.store.migrations import apply_migrations, latest_version
from pressgraph.store.resolution import DocumentEntities
from pressgraph.store.search import StoreSearch
from pressgraph.store.stories import index_document, stored_duplicate

__all__ = ["BUSY_TIMEOUT_MS", "SQLiteStore", "claim_id", "open_readonly", "open_store"]

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5_000
#: Entity type given to a claim's party that the extraction did not list as an entity.
DEFAULT_ENTITY_TYPE = "ORG"
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


class SQLiteStore(EntityCorrections, StoreSearch, StoreBrowse):
    """A pressgraph store in one SQLite file. Open it with :func:`open_store`.

    Its layers, each a module: :class:`~pressgraph.store.connection.Connection` (errors,
    transactions), :class:`~pressgraph.store.resolution.EntityResolution`,
    :class:`~pressgraph.store.reads.StoreReads`,
    :class:`~pressgraph.store.corrections.EntityCorrections`,
    :class:`~pressgraph.store.search.StoreSearch` (full-text search, whose indexes triggers
    keep: migration 4) and :class:`~pressgraph.store.browse.StoreBrowse` (paged reads);
    writing documents is here.
    """

    def __repr__(self) -> str:
        return f"SQLiteStore({self.name!r})"

    def has_document(self, doc_id: str) -> bool:
        with self._errors("reading documents"):
            row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,))
            return row.fetchone() is not None

    def duplicate_of(self, doc: Document) -> str | None:
        """The id of the stored document that is the same article as ``doc`` (the same
        text, or the same canonical URL), or None."""
        with self._errors("reading documents"):
            return stored_duplicate(self._conn, doc.id, doc.url)

    def story_of(self, doc_id: str) -> str | None:
        """The story id of a stored document: the id of the first stored document of the
        same story (itself when it has no earlier near-duplicate), or None."""
        with self._errors("reading documents"):
            row = self._conn.execute("SELECT story FROM documents WHERE id = ?", (doc_id,))
            found = row.fetchone()
        return None if found is None else found[0]

    def add(self, extraction: Extraction) -> bool:
        """Store one document and everything read from it, in one transaction.

        Returns False, and changes nothing, when the document is already stored (the same
        text, or the same canonical URL: see :meth:`duplicate_of`). A near-duplicate of a
        stored document joins its story (:mod:`pressgraph.store.stories`). On any error the
        whole document is rolled back and :class:`StoreError` is raised.
        """
        doc = extraction.document
        _check_extraction(extraction, self.name)

        def work() -> bool:
            duplicate = stored_duplicate(self._conn, doc.id, doc.url)
            if duplicate is not None:
                logger.debug("%s: document %s already stored as %s", self.name, doc.id, duplicate)
                return False  # nothing written: the commit changes nothing
            self._write(extraction)
            return True

        return self._transaction(f"storing document {doc.id} ({doc.source or 'no source'})", work)

    def _write(self, extraction: Extraction) -> None:
        doc = extraction.document
        self._insert_document(doc)
        local = DocumentEntities({m.text for m in extraction.mentions if m.kind != "name"})
        for entity in extraction.entities:
            local_id = self._resolve(entity, doc.id, local)
            for name in (entity.name, *entity.aliases):
                local.add(name, local_id)

        def local_for(name: str, type_: str | None) -> int:
            found = local.get(name)
            if found is None:
                logger.debug("%s: %r is not an entity of the extraction", doc.id, name)
                found = self._resolve(Entity(name, type_ or DEFAULT_ENTITY_TYPE), doc.id, local)
                local.add(name, found)
            return found

        for entity in extraction.entities:
            self._link_owner(entity, local)
        rows = []
        for m in extraction.mentions:
            lid = local_for(m.entity, m.type)
            rows.append((doc.id, local.entity_of[lid], lid, m.start, m.end, m.text, m.kind))
        self._conn.executemany(
            "INSERT INTO mentions (document_id, entity_id, local_id, start, end, text, kind)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        seen: set[str] = set()
        for claim in extraction.claims:
            cid = claim_id(claim, doc.id)
            if cid in seen:
                logger.debug("%s: duplicate claim %s skipped", doc.id, cid)
                continue
            seen.add(cid)
            subject = local_for(claim.subject, claim.subject_type)
            obj = None if claim.object is None else local_for(claim.object, claim.object_type)
            self._insert_claim(cid, claim, doc.id, subject, obj, local)

    def _link_owner(self, entity: Entity, local: DocumentEntities) -> None:
        """Record whose product ``entity`` is, when the document says so; the first owner
        an article gave stays (a later article cannot move a product silently)."""
        if entity.owner is None:
            return
        product, owner = local.get(entity.name), local.get(entity.owner)
        if product is None or owner is None:
            return
        pid, oid = local.entity_of[product], local.entity_of[owner]
        if pid != oid:
            self._conn.execute(
                "UPDATE entities SET owner_id = ? WHERE id = ? AND owner_id IS NULL", (oid, pid)
            )

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
        index_document(self._conn, doc.id, doc.text, doc.url)

    def _insert_claim(
        self,
        cid: str,
        claim: Claim,
        doc_id: str,
        subject: int,
        obj: int | None,
        local: DocumentEntities,
    ) -> None:
        arguments = [
            {"role": a.role, "text": a.text, "start": a.start, "end": a.end}
            for a in claim.arguments
        ]
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
                local.entity_of[subject],
                None if obj is None else local.entity_of[obj],
                subject,
                obj,
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
        rows = []
        for position, source in enumerate(claim.sources):
            lid = local.get(source.name)
            entity_id = local.entity_of[lid] if lid is not None else self._find(source.name)
            rows.append(
                (cid, position, source.name, source.kind, entity_id, lid, source.start, source.end)
            )
        self._conn.executemany(
            "INSERT INTO claim_sources (claim_id, position, name, kind, entity_id, local_id,"
            " start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
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
