"""Entity resolution in the store: a document's entities join stored entities by indexed
key lookups (:func:`pressgraph.resolve.entities.lookup_plan`), after the corrections people
made; their blocking keys and aliases are added as they are stored."""

from __future__ import annotations

import json
from collections.abc import Sequence

from pressgraph.errors import StoreError
from pressgraph.model import Entity
from pressgraph.names import has_legal_suffix, is_description, resolution_key
from pressgraph.resolve.entities import (
    MISSPELLING_MIN_LETTERS,
    Candidate,
    Lookup,
    blocking_keys,
    choose,
    lookup_plan,
    misspelling,
    query_plan,
    ticker_key,
)
from pressgraph.store.connection import Connection

__all__ = ["DocumentEntities", "EntityResolution"]


def _alias_key(name: str) -> str:
    """The key an alias is stored under: a ticker's own ("ticker:md"), else the name's."""
    return ticker_key(name) or resolution_key(name)


def _folded(text: str) -> str:
    """A mention's text as names are compared: case folded, one space between words."""
    return " ".join(text.split()).casefold()


class DocumentEntities:
    """The entity ids of one document's names, filled while the document is written."""

    def __init__(self, descriptions: set[str]) -> None:
        self.descriptions = {_folded(d) for d in descriptions}
        self.by_name: dict[str, int] = {}
        self.by_fold: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        #: local entity id -> stored entity id
        self.entity_of: dict[int, int] = {}

    def is_description(self, name: str) -> bool:
        return _folded(name) in self.descriptions or is_description(name)

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


class EntityResolution(Connection):
    """Finding, creating and naming the stored entity of a document's entity."""

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
        self,
        plan: Sequence[Lookup],
        type_: str | None,
        splits: set[tuple[str, int]],
    ) -> tuple[int | None, str]:
        """The entity the first deciding step of ``plan`` finds."""
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

    def _misspelt(
        self, key: str, type_: str, splits: set[tuple[str, int]]
    ) -> tuple[int | None, str]:
        """The one stored entity whose name ``key`` misspells (or is misspelt by:
        :func:`~pressgraph.resolve.entities.misspelling`), among the names of the same
        initial and about the same length (an indexed range of ``entity_keys``)."""
        if type_ not in ("ORG", "PERSON") or len(key) < MISSPELLING_MIN_LETTERS:
            return None, "new"
        rows = self._conn.execute(
            "SELECT k.key, k.entity_id, e.type FROM entity_keys k"
            " JOIN entities e ON e.id = k.entity_id"
            " WHERE k.key >= ? AND k.key < ? AND k.kind = 'name'"
            " AND length(k.key) BETWEEN ? AND ? LIMIT 5000",
            (key[0], chr(ord(key[0]) + 1), len(key) - 2, len(key) + 2),
        ).fetchall()
        person = type_ == "PERSON"
        found = {
            int(eid)
            for other, eid, etype in rows
            if (etype == "PERSON") == person
            and (key, int(eid)) not in splits
            and misspelling(key, other, person=person)
        }
        return (found.pop(), "misspelling") if len(found) == 1 else (None, "new")

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

    def _resolve(self, entity: Entity, doc_id: str, local: DocumentEntities) -> int:
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
                plan = lookup_plan(
                    entity.name, entity.aliases, descriptions, person=entity.type == "PERSON"
                )
                found, how = self._plan_decision(plan, entity.type, splits)
            if found is None:
                found, how = self._misspelt(keys[0], entity.type, splits)
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
        row = conn.execute("SELECT type FROM entities WHERE id = ?", (entity_id,)).fetchone()
        person = row is not None and row[0] == "PERSON"
        block = [
            (key, kind, entity_id)
            for key, kind in blocking_keys(name, aliases, descriptions, person=person)
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
                (entity_id, n, _alias_key(n), "description" if n in descriptions else "name")
                for n in dict.fromkeys((name, *aliases))
                if _alias_key(n) not in barred
            ],
        )

    def _entity_or_fail(self, name: str) -> int:
        found = self._find(name)
        if found is None:
            raise StoreError(f"{self.name}: no entity named {name!r}")
        return found
