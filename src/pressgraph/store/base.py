"""Writing documents, shared by the SQL backends: the duplicate check, the document row,
the resolution stage run inside the transaction, then the mentions and claims.

The SQL is the portable subset of SQLite and PostgreSQL (:mod:`pressgraph.store.dialect`);
what a backend adds (its connection, transactions, search, what its errors mean) is in
:mod:`pressgraph.store.sqlite` and :mod:`pressgraph.store.postgres`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from pressgraph.errors import StoreError
from pressgraph.model import Claim, Document, Extraction
from pressgraph.store.browse import StoreBrowse
from pressgraph.store.index import SQLIndex
from pressgraph.store.protocol import ClaimRefs, DocumentRefs, Resolver, WriteIndex

__all__ = ["SQLStore", "check_extraction", "claim_id"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

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


def check_extraction(extraction: Extraction, store: str) -> None:
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


class SQLStore(StoreBrowse):
    """Documents written and read back on a SQL connection (the shared part of
    :class:`~pressgraph.store.sqlite.SQLiteStore` and
    :class:`~pressgraph.store.postgres.PostgresStore`)."""

    def _index(self) -> SQLIndex:
        """The :class:`~pressgraph.store.protocol.WriteIndex` of the open transaction."""
        return SQLIndex(self._conn, self.dialect)

    def _written(self, index: SQLIndex) -> None:
        """Called inside a write transaction after its work, before it commits (a backend
        that keeps derived rows in Python brings them up to date here)."""

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
        """Run ``work`` with the index of one write transaction, rolled back on any error
        (raised as :class:`StoreError` naming ``action``)."""

        def run() -> T:
            index = self._index()
            result = work(index)
            self._written(index)
            return result

        return self._transaction(action, run)

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
        check_extraction(extraction, self.name)
        url_key = resolver.url_key(doc.url)

        def work() -> bool:
            duplicate = self._stored_as(doc.id, url_key)
            if duplicate is not None:
                logger.debug("%s: document %s already stored as %s", self.name, doc.id, duplicate)
                return False  # nothing written: the commit changes nothing
            self._insert_document(doc)
            index = self._index()
            self._write(extraction, resolver.resolve(extraction, index))
            self._written(index)
            return True

        return self._transaction(f"storing document {doc.id} ({doc.source or 'no source'})", work)

    def _write(self, extraction: Extraction, refs: DocumentRefs) -> None:
        doc = extraction.document
        if len(refs.mentions) != len(extraction.mentions) or len(refs.claims) != len(
            extraction.claims
        ):
            raise StoreError(f"{self.name}: document {doc.id}: resolution does not match it")
        self._conn.executemany(
            'INSERT INTO mentions (document_id, entity_id, local_id, start, "end", text, kind)'
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
            ' start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
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
