"""Corrections of entity resolution: ``entities --merge`` and ``--split``, recorded so
that every later document follows them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pressgraph.errors import StoreError
from pressgraph.model import Entity
from pressgraph.names import is_description, resolution_key
from pressgraph.store.connection import CHUNK
from pressgraph.store.reads import StoreReads

__all__ = ["EntityCorrections"]


class EntityCorrections(StoreReads):
    """Merging and splitting stored entities, and the record of those corrections."""

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

    def _move_locals(self, local_ids: Sequence[int], target: int, how: str) -> None:
        conn = self._conn
        for start in range(0, len(local_ids), CHUNK):
            chunk = list(local_ids[start : start + CHUNK])
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
        """Take ``alias`` out of the entity ``name``: only what was written with that alias
        moves to a new entity named ``alias``. A document whose entity goes by ``alias``
        moves whole (its claims and mentions); a document that used ``alias`` as one more
        name for the entity ("Viacom ... the Redstone group") keeps its entity, its claims
        and its other mentions, and only the mentions written ``alias`` move. Recorded, so
        no later document joins ``alias`` to ``name`` again; both stay findable. Returns the
        new entity."""

        def work() -> dict[str, Any]:
            source = self._entity_or_fail(name)
            key = resolution_key(alias)
            conn = self._conn
            rows = conn.execute(
                "SELECT id, document_id, name, names, type FROM local_entities WHERE entity_id = ?",
                (source,),
            ).fetchall()
            whole = [r for r in rows if resolution_key(r["name"]) == key]
            partial = [
                r
                for r in rows
                if r not in whole and key in {resolution_key(n) for n in json.loads(r["names"])}
            ]
            if not whole and not partial:
                raise StoreError(f"{self.name}: no document calls {name!r} {alias!r}")
            if len(whole) == len(rows):
                raise StoreError(
                    f"{self.name}: every document that names {name!r} calls it {alias!r}; "
                    "nothing would be left to split from"
                )
            type_ = conn.execute("SELECT type FROM entities WHERE id = ?", (source,)).fetchone()[0]
            target = self._new_entity(key, Entity(alias, type_))
            self._move_locals([r["id"] for r in whole], target, "split")
            for row in partial:
                self._split_mentions(row, key, alias, target)
            self._correction("split", alias, source)
            self._rekey(source)
            self._rekey(target)
            return self._entity_rows("WHERE e.id = ?", (target,))[0]

        return self._transaction(f"splitting {alias!r} from {name!r}", work)

    def _split_mentions(self, row: Any, key: str, alias: str, target: int) -> None:
        """Give one document a new local entity for ``alias`` (in entity ``target``) and
        move to it the mentions of ``row``'s local entity written with that alias."""
        conn = self._conn
        names = json.loads(row["names"])
        written = [n for n in names if resolution_key(n) == key]
        kept = [n for n in names if resolution_key(n) != key]
        cursor = conn.execute(
            "INSERT INTO local_entities (document_id, name, type, names, entity_id, how)"
            " VALUES (?, ?, ?, ?, ?, 'split')",
            (
                row["document_id"],
                written[0] if written else alias,
                row["type"],
                json.dumps(written or [alias], ensure_ascii=False),
                target,
            ),
        )
        local_id = int(cursor.lastrowid or 0)
        conn.execute(
            "UPDATE local_entities SET names = ? WHERE id = ?",
            (json.dumps(kept, ensure_ascii=False), row["id"]),
        )
        moved = [
            mid
            for mid, text in conn.execute(
                "SELECT id, text FROM mentions WHERE local_id = ?", (row["id"],)
            )
            if resolution_key(text) == key
        ]
        conn.executemany(
            "UPDATE mentions SET local_id = ?, entity_id = ? WHERE id = ?",
            [(local_id, target, mid) for mid in moved],
        )

    def corrections(self) -> list[dict[str, Any]]:
        """The merges and splits people made, oldest first."""
        with self._errors("reading corrections"):
            rows = self._conn.execute(
                "SELECT c.id, c.action, c.name, c.key, c.entity_id, e.name AS entity, c.created_at"
                " FROM entity_corrections c LEFT JOIN entities e ON e.id = c.entity_id"
                " ORDER BY c.id"
            ).fetchall()
        return [dict(r) for r in rows]
