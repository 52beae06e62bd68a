"""The read side of a SQLite store: documents, entities and claims with their sources,
and the key lookups of :class:`~pressgraph.store.protocol.KeyIndex`.

Entities are read by id: a name a person typed is first resolved to one
(:func:`pressgraph.resolve.lookup.find`, through the key lookups here).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pressgraph.errors import StoreError
from pressgraph.store.connection import CHUNK, Connection
from pressgraph.store.index import SQLKeys, entity_rows

__all__ = ["StoreReads"]

_TABLES = (
    "documents",
    "entities",
    "aliases",
    "mentions",
    "claims",
    "claim_sources",
    "local_entities",
)


class StoreReads(Connection):
    """Reading documents, entities and claims back."""

    # -- the key index (KeyIndex), outside a write transaction -----------------------------

    def _keys(self) -> SQLKeys:
        return SQLKeys(self._conn, self.dialect)

    def corrections_for(self, keys: Sequence[str]) -> list[tuple[str, str, int]]:
        with self._errors("reading entities"):
            return self._keys().corrections_for(keys)

    def entities_with_key(self, key: str, kinds: Sequence[str]) -> list[tuple[int, str]]:
        with self._errors("reading entities"):
            return self._keys().entities_with_key(key, kinds)

    def name_keys_between(
        self, low: str, high: str, shortest: int, longest: int, limit: int
    ) -> list[tuple[str, int, str]]:
        with self._errors("reading entities"):
            return self._keys().name_keys_between(low, high, shortest, longest, limit)

    def has_key_of_words(self, entity_id: int) -> bool:
        with self._errors("reading entities"):
            return self._keys().has_key_of_words(entity_id)

    def name_aliases(self, entity_id: int) -> list[str]:
        with self._errors("reading entities"):
            return self._keys().name_aliases(entity_id)

    def entity_type(self, entity_id: int) -> str | None:
        with self._errors("reading entities"):
            return self._keys().entity_type(entity_id)

    def entity_by_key(self, key: str) -> int | None:
        with self._errors("reading entities"):
            return self._keys().entity_by_key(key)

    # -- rows ------------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """Row counts per table."""
        with self._errors("counting rows"):
            return {
                table: int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in _TABLES
            }

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document without its text (see :meth:`document`), with its counts."""
        with self._errors("reading documents"):
            rows = self._conn.execute(
                "SELECT d.id, d.external_id, d.title, d.outlet, d.url, d.published, d.language,"
                " d.source, d.ingested_at, d.story, length(d.text) AS length,"
                " (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS mentions,"
                " (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims"
                " FROM documents d ORDER BY d.published IS NULL, d.published, d.ingested_at, d.id"
            ).fetchall()
        return [dict(row) for row in rows]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored document, text included."""
        with self._errors("reading documents"):
            row = self._conn.execute(
                "SELECT id, external_id, title, outlet, url, published, language, source, text,"
                " ingested_at, story FROM documents WHERE id = ?",
                (doc_id,),
            ).fetchone()
        return None if row is None else dict(row)

    def _entity_rows(self, where: str = "", params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return entity_rows(self._conn, where, params, self.dialect)

    def _entities_by_id(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The rows of :meth:`_entity_rows` of these entities, by id (read in chunks)."""
        details: dict[int, dict[str, Any]] = {}
        for first in range(0, len(ids), CHUNK):
            chunk = list(ids[first : first + CHUNK])
            marks = ",".join("?" * len(chunk))
            for entity in self._entity_rows(f"WHERE e.id IN ({marks})", chunk):
                details[entity["id"]] = entity
        return details

    def entities(self) -> list[dict[str, Any]]:
        """Every entity: id, key, name, type, aliases, and mention and claim counts."""
        with self._errors("reading entities"):
            return self._entity_rows()

    def names_in_documents(self, external_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The names stored documents call their entities, for measuring resolution: one row
        ``{document, text, entity_id, via}`` per name mention (``via`` ``mention``) and per
        name or alias of a document's entity (``via`` ``local``); ``document`` is the id the
        input gave the document."""
        rows: list[tuple[str, str, int, str]] = []
        ids = list(dict.fromkeys(external_ids))
        with self._errors("reading names"):
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                marks = ",".join("?" * len(chunk))
                for doc, text, entity_id in self._conn.execute(
                    "SELECT d.external_id, m.text, m.entity_id FROM mentions m"
                    " JOIN documents d ON d.id = m.document_id"
                    f" WHERE d.external_id IN ({marks}) AND m.kind = 'name' ORDER BY m.id",
                    chunk,
                ):
                    rows.append((doc, text, entity_id, "mention"))
                for doc, name, names, entity_id in self._conn.execute(
                    "SELECT d.external_id, l.name, l.names, l.entity_id FROM local_entities l"
                    " JOIN documents d ON d.id = l.document_id"
                    f" WHERE d.external_id IN ({marks}) ORDER BY l.id",
                    chunk,
                ):
                    written = dict.fromkeys([name, *json.loads(names)])
                    rows += [(doc, text, entity_id, "local") for text in written]
        return [{"document": d, "text": t, "entity_id": e, "via": v} for d, t, e, v in rows]

    def entity(self, entity_id: int) -> dict[str, Any] | None:
        """One entity, as :meth:`entities` gives it, or None."""
        with self._errors("reading entities"):
            found = self._entity_rows("WHERE e.id = ?", (entity_id,))
        return found[0] if found else None

    def entity_details(self, entity_id: int) -> dict[str, Any]:
        """One entity with, for each document that names it, what the document called it
        and how resolution decided (new, name, acronym, short form, merged, split), and its
        keys. Raises :class:`~pressgraph.errors.StoreError` when there is no such entity."""
        found = entity_id
        with self._errors("reading entities"):
            entities = self._entity_rows("WHERE e.id = ?", (found,))
            if not entities:
                raise StoreError(f"{self.name}: no entity {entity_id}")
            one = entities[0]
            rows = self._conn.execute(
                "SELECT l.document_id AS document, d.title, d.outlet, d.published, l.names, l.how"
                " FROM local_entities l JOIN documents d ON d.id = l.document_id"
                " WHERE l.entity_id = ? ORDER BY d.published IS NULL, d.published, l.id",
                (found,),
            ).fetchall()
        one["documents"] = [{**dict(r), "names": json.loads(r["names"])} for r in rows]
        one["keys"] = [
            {"key": k, "kind": kind}
            for k, kind in self._conn.execute(
                "SELECT key, kind FROM entity_keys WHERE entity_id = ? ORDER BY kind, key", (found,)
            )
        ]
        return one

    def mentioned_in(
        self, entity: int, with_: int | None = None, *, limit: int = 50
    ) -> list[dict[str, Any]]:
        """Documents that name the entity (and ``with_``, given) without a claim about it
        (or linking the two), newest first: the dossier's "also mentioned in". Each with
        its title, outlet, date, URL and the first mention's text and offsets."""
        found, other = entity, with_
        with self._errors("reading mentions"):
            both = (
                ""
                if other is None
                else (
                    " AND EXISTS (SELECT 1 FROM local_entities l2"
                    " WHERE l2.document_id = d.id AND l2.entity_id = :other)"
                )
            )
            about = (
                "(c.subject_id = :entity OR c.object_id = :entity)"
                if other is None
                else "((c.subject_id = :entity AND c.object_id = :other)"
                " OR (c.subject_id = :other AND c.object_id = :entity))"
            )
            rows = self._conn.execute(
                "SELECT d.id AS document, d.title, d.outlet, d.published, d.url,"
                " (SELECT m.text FROM mentions m WHERE m.document_id = d.id"
                "  AND m.entity_id = :entity AND m.kind = 'name' ORDER BY m.start LIMIT 1)"
                " AS mention,"
                " (SELECT m.start FROM mentions m WHERE m.document_id = d.id"
                "  AND m.entity_id = :entity AND m.kind = 'name' ORDER BY m.start LIMIT 1)"
                " AS start"
                " FROM documents d"
                " WHERE d.id IN (SELECT l.document_id FROM local_entities l"
                "  WHERE l.entity_id = :entity)" + both + ""
                f" AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id AND {about})"
                " ORDER BY d.published IS NULL, d.published DESC, d.ingested_at DESC, d.id"
                " LIMIT :limit",
                {"entity": found, "other": other, "limit": limit},
            ).fetchall()
        return [dict(r) for r in rows]

    def claims(
        self,
        *,
        entity: int | None = None,
        with_: int | None = None,
        type: str | None = None,
    ) -> list[dict[str, Any]]:
        """Claims with their sources and document, oldest publication first.

        ``entity`` and ``with_`` are entity ids, on either side of the claim (or of a claim
        about one of the entity's products); given both, the claim links the two.
        """
        where: list[str] = []
        params: list[Any] = []
        with self._errors("reading claims"):
            for found in (entity, with_):
                if found is None:
                    continue
                # the entity and its products (a fact on "Y" of "X's Y cloud" in X's dossier)
                owned = "(SELECT ? UNION SELECT id FROM entities WHERE owner_id = ?)"
                where.append(f"(c.subject_id IN {owned} OR c.object_id IN {owned})")
                params += [found, found, found, found]
            if type is not None:
                where.append("c.type = ?")
                params.append(type)
            sql = (
                "SELECT c.id, c.document_id AS document, c.type, s.name AS subject,"
                " c.subject_id, o.name AS object, c.object_id, c.amount, c.currency, c.percent,"
                " c.date, c.until, c.role, c.value, c.modality, c.evidence, c.evidence_start,"
                " c.evidence_end, c.arguments, c.subject_local, c.object_local, c.amount_kind,"
                " c.previous_amount, c.previous_percent, d.title, d.outlet,"
                " d.url, d.published, d.source, d.ingested_at, d.story"
                " FROM claims c JOIN entities s ON s.id = c.subject_id"
                " LEFT JOIN entities o ON o.id = c.object_id"
                " JOIN documents d ON d.id = c.document_id"
                + (" WHERE " + " AND ".join(where) if where else "")
                + " ORDER BY d.published IS NULL, d.published, d.ingested_at, d.id,"
                " c.evidence_start, c.id"
            )
            claims = [dict(row) for row in self._conn.execute(sql, params)]
            sources = self._sources([c["id"] for c in claims])
        for claim in claims:
            claim["arguments"] = json.loads(claim["arguments"])
            claim["sources"] = sources.get(claim["id"], [])
        return claims

    def _sources(self, claim_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for start in range(0, len(claim_ids), CHUNK):
            chunk = claim_ids[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            for cid, name, kind, entity_id in self._conn.execute(
                "SELECT claim_id, name, kind, entity_id FROM claim_sources"
                f" WHERE claim_id IN ({marks}) ORDER BY claim_id, position",
                chunk,
            ):
                out.setdefault(cid, []).append({"name": name, "kind": kind, "entity_id": entity_id})
        return out

    def corrections(self) -> list[dict[str, Any]]:
        """The merges and splits people made, oldest first."""
        with self._errors("reading corrections"):
            rows = self._conn.execute(
                "SELECT c.id, c.action, c.name, c.key, c.entity_id, e.name AS entity, c.created_at"
                " FROM entity_corrections c LEFT JOIN entities e ON e.id = c.entity_id"
                " ORDER BY c.id"
            ).fetchall()
        return [dict(r) for r in rows]
