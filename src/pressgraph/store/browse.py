"""Reads for browsing a store page by page (the web UI): the entities named by the most
claims, the latest documents, one document's claims and its story.

Every list is one ``LIMIT ... OFFSET`` query with a count beside it, so a page costs its
size, not the store's.
"""

from __future__ import annotations

from typing import Any

from pressgraph.store.reads import StoreReads

__all__ = ["StoreBrowse"]

#: The claims of one document, in text order (the columns of :meth:`StoreReads.claims`).
_DOCUMENT_CLAIMS = (
    "SELECT c.id, c.document_id AS document, c.type, s.name AS subject, c.subject_id,"
    " o.name AS object, c.object_id, c.amount, c.currency, c.percent, c.date, c.until,"
    " c.role, c.value, c.modality, c.evidence, c.evidence_start, c.evidence_end,"
    " c.amount_kind, c.previous_amount, c.previous_percent"
    " FROM claims c JOIN entities s ON s.id = c.subject_id"
    " LEFT JOIN entities o ON o.id = c.object_id"
    " WHERE c.document_id = ? ORDER BY c.evidence_start, c.evidence_end, c.id"
)

#: Claims per entity, either side (a claim of an entity with itself counts once).
_RANKED = (
    "SELECT id, count(*) AS claims FROM ("
    " SELECT subject_id AS id FROM claims"
    " UNION ALL SELECT object_id FROM claims"
    "  WHERE object_id IS NOT NULL AND object_id != subject_id"
    ") AS sides GROUP BY id"
)


class StoreBrowse(StoreReads):
    """Paged reads of a store (see the module docstring)."""

    def count_ranked_entities(self) -> int:
        """Entities that at least one claim names."""
        with self._errors("counting entities"):
            return int(
                self._conn.execute(f"SELECT count(*) FROM ({_RANKED}) AS ranked").fetchone()[0]
            )

    def top_entities(self, *, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """Entities named by the most claims first (then by name): each with its type,
        aliases, and document, mention and claim counts (as :meth:`StoreReads.entities`)."""
        with self._errors("reading entities"):
            ranked = self._conn.execute(
                f"SELECT r.id FROM ({_RANKED}) r JOIN entities e ON e.id = r.id"
                " ORDER BY r.claims DESC, e.name, e.id LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
            ids = [int(row[0]) for row in ranked]
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            rows = {e["id"]: e for e in self._entity_rows(f"WHERE e.id IN ({marks})", ids)}
        return [rows[i] for i in ids]

    def count_documents(self) -> int:
        with self._errors("counting documents"):
            return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def latest_documents(self, *, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """Documents newest first (publication date, else ingest date), without their text;
        each with its claim count."""
        with self._errors("reading documents"):
            rows = self._conn.execute(
                "SELECT d.id, d.title, d.outlet, d.url, d.published, d.language, d.ingested_at,"
                " d.story, (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims"
                " FROM documents d"
                " ORDER BY coalesce(d.published, substr(d.ingested_at, 1, 10)) DESC,"
                " d.ingested_at DESC, d.id LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [dict(row) for row in rows]

    def document_claims(self, doc_id: str) -> list[dict[str, Any]]:
        """The claims read in one document, in text order, each with its attribution chain
        (``sources``: name, kind, entity id)."""
        with self._errors("reading claims"):
            claims = [dict(row) for row in self._conn.execute(_DOCUMENT_CLAIMS, (doc_id,))]
            sources = self._sources([c["id"] for c in claims])
        for claim in claims:
            claim["sources"] = sources.get(claim["id"], [])
        return claims

    def story_documents(
        self, story: str, *, exclude: str | None = None, limit: int, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """The documents of a story (near-duplicates: the same article in other outlets),
        oldest first, without ``exclude``; and how many there are in all."""
        with self._errors("reading documents"):
            total = self._conn.execute(
                f"SELECT count(*) FROM documents WHERE story = ? AND id {self.dialect.is_not} ?",
                (story, exclude),
            ).fetchone()[0]
            rows = self._conn.execute(
                "SELECT id, title, outlet, url, published, language, ingested_at FROM documents"
                f" WHERE story = ? AND id {self.dialect.is_not} ?"
                " ORDER BY published IS NULL, published, ingested_at, id LIMIT ? OFFSET ?",
                (story, exclude, limit, offset),
            ).fetchall()
        return [dict(row) for row in rows], int(total)
