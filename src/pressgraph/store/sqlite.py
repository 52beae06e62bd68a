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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from pressgraph.errors import StoreError
from pressgraph.model import Claim, Document, Entity, Extraction
from pressgraph.names import has_legal_suffix, is_description, resolution_key
from pressgraph.resolve.entities import (
    Candidate,
    Lookup,
    blocking_keys,
    choose,
    lookup_plan,
    query_plan,
)
from pressgraph.store.migrations import apply_migrations
from pressgraph.store.stories import index_document, stored_duplicate

__all__ = ["BUSY_TIMEOUT_MS", "SQLiteStore", "claim_id", "open_store"]

logger = logging.getLogger(__name__)
T = TypeVar("T")

BUSY_TIMEOUT_MS = 5_000
#: Entity type given to a claim's party that the extraction did not list as an entity.
DEFAULT_ENTITY_TYPE = "ORG"
_TABLES = (
    "documents",
    "entities",
    "aliases",
    "mentions",
    "claims",
    "claim_sources",
    "local_entities",
)
_CLAIM_ATTRIBUTES = ("amount", "currency", "percent", "date", "until", "role", "value")
_CHUNK = 500


def claim_id(claim: Claim, document_id: str) -> str:
    """Stable id of a claim: a hash of its document, type, parties, attributes, modality and
    evidence start, so the same statement read again gets the same id."""
    parts: list[object] = [document_id, claim.type, claim.subject, claim.object]
    parts += [getattr(claim, key) for key in _CLAIM_ATTRIBUTES]
    parts += [claim.modality, claim.evidence_start]
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


class _DocumentEntities:
    """The entity ids of one document's names, filled while the document is written."""

    def __init__(self, descriptions: set[str]) -> None:
        self.descriptions = {d.casefold() for d in descriptions}
        self.by_name: dict[str, int] = {}
        self.by_fold: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        #: local entity id -> stored entity id
        self.entity_of: dict[int, int] = {}

    def is_description(self, name: str) -> bool:
        return name.casefold() in self.descriptions or is_description(name)

    def add(self, name: str, entity_id: int) -> None:
        self.by_name.setdefault(name, entity_id)
        self.by_fold.setdefault(name.casefold(), entity_id)
        if not self.is_description(name):
            self.by_key.setdefault(resolution_key(name), entity_id)

    def get(self, name: str) -> int | None:
        found = self.by_name.get(name) or self.by_fold.get(name.casefold())
        if found is None and not self.is_description(name):
            found = self.by_key.get(resolution_key(name))
        return found


class SQLiteStore:
    """A pressgraph store in one SQLite file. Open it with :func:`open_store`."""

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        self._conn = conn
        self.name = name

    # -- life cycle ---------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.name!r})"

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.name}: {action} failed ({exc})") from exc

    def pragma(self, name: str) -> Any:
        """The value of ``PRAGMA name`` (``journal_mode``, ``foreign_keys``, ``user_version``)."""
        if not name.isidentifier():
            raise StoreError(f"{self.name}: invalid pragma name {name!r}")
        with self._errors(f"PRAGMA {name}"):
            return self._conn.execute(f"PRAGMA {name}").fetchone()[0]

    # -- write side ---------------------------------------------------------------------

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
        local = _DocumentEntities({m.text for m in extraction.mentions if m.kind != "name"})
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
        local: _DocumentEntities,
    ) -> None:
        arguments = [
            {"role": a.role, "text": a.text, "start": a.start, "end": a.end}
            for a in claim.arguments
        ]
        self._conn.execute(
            "INSERT INTO claims (id, document_id, type, subject_id, object_id, subject_local,"
            " object_local, amount, currency, percent, date, until, role, value, modality,"
            " evidence, evidence_start, evidence_end, arguments)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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

    # -- resolution ---------------------------------------------------------------------

    def _corrections(self, keys: Sequence[str]) -> tuple[dict[str, int], set[tuple[str, int]]]:
        """Merges (key -> the entity it always joins) and splits ((key, entity) pairs that
        never join) people recorded for ``keys``."""
        merges: dict[str, int] = {}
        splits: set[tuple[str, int]] = set()
        if not keys:
            return merges, splits
        marks = ",".join("?" * len(keys))
        for action, key, entity_id in self._conn.execute(
            f"SELECT action, key, entity_id FROM entity_corrections WHERE key IN ({marks})"
            " ORDER BY id",
            list(keys),
        ):
            if action == "merge":
                merges[key] = int(entity_id)
                splits.discard((key, int(entity_id)))
            else:
                splits.add((key, int(entity_id)))
                if merges.get(key) == entity_id:
                    del merges[key]
        return merges, splits

    def _plan_decision(
        self, plan: Sequence[Lookup], type_: str | None, splits: set[tuple[str, int]]
    ) -> tuple[int | None, str]:
        for step in plan:
            marks = ",".join("?" * len(step.kinds))
            rows = self._conn.execute(
                "SELECT k.entity_id, e.type FROM entity_keys k"
                " JOIN entities e ON e.id = k.entity_id"
                f" WHERE k.key = ? AND k.kind IN ({marks})",
                (step.key, *step.kinds),
            ).fetchall()
            candidates = [
                Candidate(int(eid), etype)
                for eid, etype in rows
                if (step.key, int(eid)) not in splits
                and (step.how != "spelled acronym" or not self._spelled(int(eid)))
            ]
            found = choose(step, type_, candidates)
            if found is not None:
                return found, step.how
        return None, "new"

    def _spelled(self, entity_id: int) -> bool:
        """True unless the entity is known only by a bare acronym: a long name already
        joined it (it has a key of several words), or it has a name of its own with a legal
        form ("SCM Corp" is a company's name, not an abbreviation)."""
        row = self._conn.execute(
            "SELECT 1 FROM entity_keys WHERE entity_id = ? AND key LIKE '% %' LIMIT 1",
            (entity_id,),
        ).fetchone()
        if row is not None:
            return True
        names = self._conn.execute(
            "SELECT alias FROM aliases WHERE entity_id = ? AND kind = 'name'", (entity_id,)
        ).fetchall()
        return any(has_legal_suffix(n) for (n,) in names)

    def _find(self, name: str, aliases: Sequence[str] = ()) -> int | None:
        """The stored entity a name (with aliases) resolves to, or None; no type check.

        Used for names people type ("acme corp"): lower case is not a description."""
        keys = [resolution_key(n) for n in (name, *aliases)]
        merges, splits = self._corrections(keys)
        for key in keys:
            if key in merges:
                return merges[key]
        plan = [Lookup(key, ("name",), False, "name") for key in keys]
        found, _ = self._plan_decision([*plan, *query_plan(name)], None, splits)
        return found

    def _new_entity(self, key: str, entity: Entity) -> int:
        """Create an entity; its ``key`` column is unique, so a second entity under one key
        (the same name with an incompatible type, or a split) gets ``key#2``, ``key#3``..."""
        candidate, n = key, 1
        while self._conn.execute("SELECT 1 FROM entities WHERE key = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{key}#{n}"
        cursor = self._conn.execute(
            "INSERT INTO entities (key, name, type) VALUES (?, ?, ?)",
            (candidate, entity.name, entity.type),
        )
        return int(cursor.lastrowid or 0)

    def _resolve(self, entity: Entity, doc_id: str, local: _DocumentEntities) -> int:
        """Resolve one entity of a document against the store; returns its local id.

        The stored entity is found by the plan of :func:`pressgraph.resolve.entities.lookup_plan`
        (indexed key lookups only), after the corrections people made; a new one is created
        when nothing answers. The entity's blocking keys and aliases are added to it."""
        conn = self._conn
        all_names = list(dict.fromkeys((entity.name, *entity.aliases)))
        descriptions = [n for n in all_names if local.is_description(n)]
        names = [n for n in all_names if n not in descriptions]
        how = "new"
        if names:
            keys = list(dict.fromkeys(resolution_key(n) for n in names))
            merges, splits = self._corrections(keys)
            found = next((merges[k] for k in keys if k in merges), None)
            if found is not None:
                how = "merged"
            else:
                plan = lookup_plan(entity.name, entity.aliases, descriptions)
                found, how = self._plan_decision(plan, entity.type, splits)
            if found is None:
                found = self._new_entity(keys[0], entity)
            barred = {key for key, eid in splits if eid == found}
        else:
            key = f"{resolution_key(entity.name)}@{doc_id}"
            row = conn.execute("SELECT id FROM entities WHERE key = ?", (key,)).fetchone()
            found = int(row[0]) if row is not None else self._new_entity(key, entity)
            barred = set()
        self._add_names(found, entity.name, entity.aliases, descriptions, barred)
        cursor = conn.execute(
            "INSERT INTO local_entities (document_id, name, type, names, entity_id, how)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                entity.name,
                entity.type,
                json.dumps(all_names, ensure_ascii=False),
                found,
                how,
            ),
        )
        local_id = int(cursor.lastrowid or 0)
        local.entity_of[local_id] = found
        return local_id

    # -- corrections ----------------------------------------------------------------------

    def _entity_or_fail(self, name: str) -> int:
        found = self._find(name)
        if found is None:
            raise StoreError(f"{self.name}: no entity named {name!r}")
        return found

    def _rekey(self, entity_id: int) -> None:
        """Rebuild an entity's blocking keys and aliases from its documents' entities."""
        conn = self._conn
        splits = {
            key
            for (key,) in conn.execute(
                "SELECT key FROM entity_corrections WHERE action = 'split' AND entity_id = ?",
                (entity_id,),
            )
        }
        conn.execute("DELETE FROM entity_keys WHERE entity_id = ?", (entity_id,))
        conn.execute("DELETE FROM aliases WHERE entity_id = ?", (entity_id,))
        for name, names in conn.execute(
            "SELECT name, names FROM local_entities WHERE entity_id = ? ORDER BY id", (entity_id,)
        ).fetchall():
            all_names = list(dict.fromkeys([name, *json.loads(names)]))
            descriptions = [n for n in all_names if is_description(n)]
            self._add_names(entity_id, name, all_names[1:], descriptions, splits)

    def _add_names(
        self,
        entity_id: int,
        name: str,
        aliases: Sequence[str],
        descriptions: Sequence[str],
        barred: set[str],
    ) -> None:
        """Give an entity the blocking keys and aliases of one document's entity (keys in
        ``barred``, split off by a person, left out); a key first stored as a weaker kind
        becomes a name when a document says so."""
        conn = self._conn
        block = [
            (key, kind, entity_id)
            for key, kind in blocking_keys(name, aliases, descriptions)
            if key not in barred
        ]
        conn.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, kind, entity_id) VALUES (?, ?, ?)", block
        )
        conn.executemany(
            "UPDATE entity_keys SET kind = 'name' WHERE key = ? AND entity_id = ?",
            [(key, eid) for key, kind, eid in block if kind == "name"],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, key, kind) VALUES (?, ?, ?, ?)",
            [
                (entity_id, n, resolution_key(n), "description" if n in descriptions else "name")
                for n in dict.fromkeys((name, *aliases))
                if resolution_key(n) not in barred
            ],
        )

    def _move_locals(self, local_ids: Sequence[int], target: int, how: str) -> None:
        conn = self._conn
        for start in range(0, len(local_ids), _CHUNK):
            chunk = list(local_ids[start : start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"UPDATE local_entities SET entity_id = ?, how = ? WHERE id IN ({marks})",
                (target, how, *chunk),
            )
            conn.execute(
                f"UPDATE claims SET subject_id = ? WHERE subject_local IN ({marks})",
                (target, *chunk),
            )
            conn.execute(
                f"UPDATE claims SET object_id = ? WHERE object_local IN ({marks})", (target, *chunk)
            )
            conn.execute(
                f"UPDATE mentions SET entity_id = ? WHERE local_id IN ({marks})", (target, *chunk)
            )
            conn.execute(
                f"UPDATE claim_sources SET entity_id = ? WHERE local_id IN ({marks})",
                (target, *chunk),
            )

    def _correction(self, action: str, name: str, entity_id: int) -> None:
        self._conn.execute(
            "INSERT INTO entity_corrections (action, key, entity_id, name, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                action,
                resolution_key(name),
                entity_id,
                name,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def _transaction(self, action: str, work: Callable[[], T]) -> T:
        """Run ``work`` in one ``BEGIN IMMEDIATE`` transaction, rolled back on any error; an
        error that is not a :class:`StoreError` is raised as one naming ``action``."""
        conn = self._conn
        with self._errors(action):
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = work()
            except (sqlite3.Error, StoreError):
                conn.execute("ROLLBACK")
                raise
            except Exception as exc:
                conn.execute("ROLLBACK")
                raise StoreError(
                    f"{self.name}: {action} failed ({type(exc).__name__}: {exc})"
                ) from exc
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return result

    def _absorb(self, target: int, source: int, how: str) -> None:
        """Move everything of entity ``source`` to ``target`` and delete ``source``."""
        conn = self._conn
        conn.execute(
            "UPDATE local_entities SET entity_id = ?, how = ? WHERE entity_id = ?",
            (target, how, source),
        )
        for table, column in (("claims", "subject_id"), ("claims", "object_id"),
                              ("mentions", "entity_id"), ("claim_sources", "entity_id"),
                              ("entity_corrections", "entity_id")):  # fmt: skip
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (target, source))
        conn.execute(
            "INSERT OR IGNORE INTO entity_keys (key, kind, entity_id)"
            " SELECT key, kind, ? FROM entity_keys WHERE entity_id = ?",
            (target, source),
        )
        conn.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, key, kind)"
            " SELECT ?, alias, key, kind FROM aliases WHERE entity_id = ?",
            (target, source),
        )
        conn.execute("DELETE FROM entity_keys WHERE entity_id = ?", (source,))
        conn.execute("DELETE FROM aliases WHERE entity_id = ?", (source,))
        conn.execute("DELETE FROM entities WHERE id = ?", (source,))

    def merge_entities(self, keep: str, other: str) -> dict[str, Any]:
        """Make ``other`` the same entity as ``keep``: its documents, claims, mentions,
        names and keys move to ``keep``. Recorded, so every later document that names
        ``other`` joins ``keep`` too. Returns the merged entity."""

        def work() -> dict[str, Any]:
            target, source = self._entity_or_fail(keep), self._entity_or_fail(other)
            if target == source:
                raise StoreError(f"{self.name}: {keep!r} and {other!r} are already one entity")
            names = [
                n
                for (n,) in self._conn.execute(
                    "SELECT alias FROM aliases WHERE entity_id = ? AND kind = 'name'", (source,)
                )
            ]
            self._absorb(target, source, "merged")
            for name in dict.fromkeys([other, *names]):
                self._correction("merge", name, target)
            return self._entity_rows("WHERE e.id = ?", (target,))[0]

        return self._transaction(f"merging {other!r} into {keep!r}", work)

    def split_entity(self, name: str, alias: str) -> dict[str, Any]:
        """Take ``alias`` out of the entity ``name``: the documents that called it so become
        a new entity named ``alias``, with their claims and mentions. Recorded, so no later
        document joins ``alias`` to ``name`` again. Returns the new entity."""

        def work() -> dict[str, Any]:
            source = self._entity_or_fail(name)
            key = resolution_key(alias)
            conn = self._conn
            rows = conn.execute(
                "SELECT id, name, names, type FROM local_entities WHERE entity_id = ?", (source,)
            ).fetchall()
            moved = [
                r["id"]
                for r in rows
                if key in {resolution_key(n) for n in [r["name"], *json.loads(r["names"])]}
            ]
            if not moved:
                raise StoreError(f"{self.name}: no document calls {name!r} {alias!r}")
            if len(moved) == len(rows):
                raise StoreError(
                    f"{self.name}: every document that names {name!r} calls it {alias!r}; "
                    "nothing would be left to split from"
                )
            type_ = conn.execute("SELECT type FROM entities WHERE id = ?", (source,)).fetchone()[0]
            target = self._new_entity(key, Entity(alias, type_))
            self._move_locals(moved, target, "split")
            self._correction("split", alias, source)
            self._rekey(source)
            self._rekey(target)
            return self._entity_rows("WHERE e.id = ?", (target,))[0]

        return self._transaction(f"splitting {alias!r} from {name!r}", work)

    def corrections(self) -> list[dict[str, Any]]:
        """The merges and splits people made, oldest first."""
        with self._errors("reading corrections"):
            rows = self._conn.execute(
                "SELECT c.id, c.action, c.name, c.key, c.entity_id, e.name AS entity, c.created_at"
                " FROM entity_corrections c LEFT JOIN entities e ON e.id = c.entity_id"
                " ORDER BY c.id"
            ).fetchall()
        return [dict(r) for r in rows]

    # -- read side ----------------------------------------------------------------------

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
            row = self._conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else dict(row)

    def _entity_rows(self, where: str = "", params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        rows = self._conn.execute(
            "SELECT e.id, e.key, e.name, e.type,"
            " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,"
            " (SELECT count(DISTINCT l.document_id) FROM local_entities l"
            "  WHERE l.entity_id = e.id) AS documents,"
            " (SELECT count(*) FROM claims c WHERE c.subject_id = e.id)"
            " + (SELECT count(*) FROM claims c WHERE c.object_id = e.id"
            "    AND c.subject_id != e.id) AS claims"
            f" FROM entities e {where} ORDER BY e.id",
            params,
        ).fetchall()
        entities = [dict(row) for row in rows]
        aliases: dict[int, list[str]] = {e["id"]: [] for e in entities}
        ids = list(aliases)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for entity_id, alias in self._conn.execute(
                f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks}) ORDER BY rowid",
                chunk,
            ):
                aliases[entity_id].append(alias)
        for entity in entities:
            entity["aliases"] = aliases[entity["id"]]
        return entities

    def entities(self) -> list[dict[str, Any]]:
        """Every entity: id, key, name, type, aliases, and mention and claim counts."""
        with self._errors("reading entities"):
            return self._entity_rows()

    def find_entity(self, name: str) -> dict[str, Any] | None:
        """The entity a name resolves to (by key, then by name-alias key), or None."""
        with self._errors("reading entities"):
            found = self._find(name)
            if found is None:
                return None
            return self._entity_rows("WHERE e.id = ?", (found,))[0]

    def entity_details(self, name: str) -> dict[str, Any]:
        """One entity with, for each document that names it, what the document called it
        and how resolution decided (new, name, acronym, short form, merged, split)."""
        with self._errors("reading entities"):
            found = self._entity_or_fail(name)
            one = self._entity_rows("WHERE e.id = ?", (found,))[0]
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

    def claims(
        self,
        *,
        entity: str | None = None,
        with_: str | None = None,
        type: str | None = None,
    ) -> list[dict[str, Any]]:
        """Claims with their sources and document, oldest publication first.

        ``entity`` and ``with_`` name entities (resolved like :meth:`find_entity`) on
        either side of the claim; given both, the claim links the two. An unknown name
        matches nothing.
        """
        where: list[str] = []
        params: list[Any] = []
        with self._errors("reading claims"):
            for name in (entity, with_):
                if name is None:
                    continue
                found = self._find(name)
                if found is None:
                    return []
                where.append("(c.subject_id = ? OR c.object_id = ?)")
                params += [found, found]
            if type is not None:
                where.append("c.type = ?")
                params.append(type)
            sql = (
                "SELECT c.id, c.document_id AS document, c.type, s.name AS subject,"
                " c.subject_id, o.name AS object, c.object_id, c.amount, c.currency, c.percent,"
                " c.date, c.until, c.role, c.value, c.modality, c.evidence, c.evidence_start,"
                " c.evidence_end, c.arguments, c.subject_local, c.object_local, d.title, d.outlet,"
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
        for start in range(0, len(claim_ids), _CHUNK):
            chunk = claim_ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for cid, name, kind, entity_id in self._conn.execute(
                "SELECT claim_id, name, kind, entity_id FROM claim_sources"
                f" WHERE claim_id IN ({marks}) ORDER BY claim_id, position",
                chunk,
            ):
                out.setdefault(cid, []).append({"name": name, "kind": kind, "entity_id": entity_id})
        return out


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
