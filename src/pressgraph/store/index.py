"""The key index of a store: the reads and writes the resolution stage makes
(:class:`~pressgraph.store.protocol.KeyIndex`, :class:`~pressgraph.store.protocol.WriteIndex`).

Plain SQL, no decision: which entity a name joins, which keys a name gives and what a
correction moves are decided in :mod:`pressgraph.resolve`. :class:`SQLIndex` works on
the store's connection inside a transaction the store opened; its driver errors are
turned into :class:`~pressgraph.errors.StoreError` by that transaction. The SQL is the
portable subset of SQLite and PostgreSQL (:mod:`pressgraph.store.dialect`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pressgraph.store.connection import CHUNK
from pressgraph.store.dialect import SQLITE, DBConnection, Dialect
from pressgraph.store.protocol import LocalEntityRow, StoryCandidate

__all__ = ["SQLIndex", "SQLKeys", "entity_rows"]


def entity_rows(
    conn: DBConnection, where: str = "", params: Sequence[Any] = (), dialect: Dialect = SQLITE
) -> list[dict[str, Any]]:
    """Entities as the read side gives them: id, key, name, type, owner, products,
    aliases, and their mention, document and claim counts."""
    products = dialect.json_array.format(expr="p.name", order="p.id")
    rows = conn.execute(
        "SELECT e.id, e.key, e.name, e.type,"
        " (SELECT o.name FROM entities o WHERE o.id = e.owner_id) AS owner,"
        f" (SELECT {products} FROM entities p WHERE p.owner_id = e.id)"
        " AS products,"
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
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for entity_id, alias in conn.execute(
            f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks}) ORDER BY rowid",
            chunk,
        ):
            aliases[entity_id].append(alias)
    for entity in entities:
        entity["aliases"] = aliases[entity["id"]]
        entity["products"] = json.loads(entity["products"] or "[]")
    return entities


class SQLKeys:
    """The :class:`~pressgraph.store.protocol.KeyIndex` reads, on one connection."""

    def __init__(self, conn: DBConnection, dialect: Dialect = SQLITE) -> None:
        self._conn = conn
        self._dialect = dialect

    def corrections_for(self, keys: Sequence[str]) -> list[tuple[str, str, int]]:
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return [
            (str(action), str(key), int(entity_id))
            for action, key, entity_id in self._conn.execute(
                f"SELECT action, key, entity_id FROM entity_corrections WHERE key IN ({marks})"
                " ORDER BY id",
                list(keys),
            )
        ]

    def entities_with_key(self, key: str, kinds: Sequence[str]) -> list[tuple[int, str]]:
        marks = ",".join("?" * len(kinds))
        rows = self._conn.execute(
            "SELECT k.entity_id, e.type FROM entity_keys k"
            " JOIN entities e ON e.id = k.entity_id"
            f" WHERE k.key = ? AND k.kind IN ({marks})",
            (key, *kinds),
        ).fetchall()
        return [(int(eid), str(etype)) for eid, etype in rows]

    def name_keys_between(
        self, low: str, high: str, shortest: int, longest: int, limit: int
    ) -> list[tuple[str, int, str]]:
        rows = self._conn.execute(
            "SELECT k.key, k.entity_id, e.type FROM entity_keys k"
            " JOIN entities e ON e.id = k.entity_id"
            " WHERE k.key >= ? AND k.key < ? AND k.kind = 'name'"
            " AND length(k.key) BETWEEN ? AND ? LIMIT ?",
            (low, high, shortest, longest, limit),
        ).fetchall()
        return [(str(key), int(eid), str(etype)) for key, eid, etype in rows]

    def has_key_of_words(self, entity_id: int) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM entity_keys WHERE entity_id = ? AND key LIKE '% %' LIMIT 1",
            (entity_id,),
        ).fetchone()
        return row is not None

    def name_aliases(self, entity_id: int) -> list[str]:
        return [
            str(alias)
            for (alias,) in self._conn.execute(
                "SELECT alias FROM aliases WHERE entity_id = ? AND kind = 'name'", (entity_id,)
            )
        ]

    def entity_type(self, entity_id: int) -> str | None:
        row = self._conn.execute("SELECT type FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return None if row is None else str(row[0])

    def entity_by_key(self, key: str) -> int | None:
        row = self._conn.execute("SELECT id FROM entities WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])


class SQLIndex(SQLKeys):
    """The :class:`~pressgraph.store.protocol.WriteIndex` of one write transaction."""

    # -- entities, keys and aliases ----------------------------------------------------

    def new_entity(self, key: str, name: str, type: str) -> int:
        # the key column is unique: a second entity under one key (the same name with an
        # incompatible type, or a split) gets key#2, key#3...
        candidate, n = key, 1
        while self._conn.execute("SELECT 1 FROM entities WHERE key = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{key}#{n}"
        cursor = self._conn.execute(
            "INSERT INTO entities (key, name, type) VALUES (?, ?, ?) RETURNING id",
            (candidate, name, type),
        )
        return int(cursor.fetchone()[0])

    def add_keys(self, entity_id: int, keys: Sequence[tuple[str, str]]) -> None:
        block = [(key, kind, entity_id) for key, kind in keys]
        self._conn.executemany(
            "INSERT INTO entity_keys (key, kind, entity_id) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            block,
        )
        self._conn.executemany(
            "UPDATE entity_keys SET kind = 'name' WHERE key = ? AND entity_id = ?",
            [(key, eid) for key, kind, eid in block if kind == "name"],
        )

    def add_aliases(self, entity_id: int, aliases: Sequence[tuple[str, str, str]]) -> None:
        self._conn.executemany(
            "INSERT INTO aliases (entity_id, alias, key, kind) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            [(entity_id, alias, key, kind) for alias, key, kind in aliases],
        )

    def add_local_entity(
        self, document_id: str, name: str, type: str, names: Sequence[str], entity_id: int, how: str
    ) -> int:
        cursor = self._conn.execute(
            "INSERT INTO local_entities (document_id, name, type, names, entity_id, how)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (document_id, name, type, json.dumps(list(names), ensure_ascii=False), entity_id, how),
        )
        return int(cursor.fetchone()[0])

    def set_owner(self, product_id: int, owner_id: int) -> None:
        self._conn.execute(
            "UPDATE entities SET owner_id = ? WHERE id = ? AND owner_id IS NULL",
            (owner_id, product_id),
        )

    # -- stories -------------------------------------------------------------------------

    def story_candidates(self, bands: Sequence[int], limit: int) -> list[StoryCandidate]:
        marks = ",".join("?" * len(bands))
        rows = self._conn.execute(
            "SELECT s.document_id, s.signature, coalesce(d.story, d.id), d.rowid"
            f" FROM (SELECT document_id, count(*) AS shared FROM story_bands WHERE key IN ({marks})"
            "       GROUP BY document_id ORDER BY shared DESC, document_id LIMIT ?) c"
            " JOIN story_signatures s ON s.document_id = c.document_id"
            " JOIN documents d ON d.id = c.document_id",
            [*bands, limit],
        ).fetchall()
        return [StoryCandidate(str(d), bytes(sig), str(story), int(r)) for d, sig, story, r in rows]

    def document_text(self, document_id: str) -> str:
        (text,) = self._conn.execute(
            "SELECT text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return str(text)

    def set_story(
        self,
        document_id: str,
        url_key: str | None,
        shingles: int,
        signature: bytes,
        bands: Sequence[int],
        story: str,
    ) -> None:
        conn = self._conn
        if url_key is not None:
            conn.execute(
                "INSERT INTO document_urls (url, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (url_key, document_id),
            )
        conn.executemany(
            "INSERT INTO story_bands (key, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(band, document_id) for band in bands],
        )
        conn.execute(
            "INSERT INTO story_signatures (document_id, shingles, signature) VALUES (?, ?, ?)"
            " ON CONFLICT (document_id) DO UPDATE"
            " SET shingles = excluded.shingles, signature = excluded.signature",
            (document_id, shingles, signature),
        )
        conn.execute("UPDATE documents SET story = ? WHERE id = ?", (story, document_id))

    # -- corrections ---------------------------------------------------------------------

    def local_entities_of(self, entity_id: int) -> list[LocalEntityRow]:
        return [
            LocalEntityRow(int(i), str(d), str(n), str(t), tuple(json.loads(names)), int(e))
            for i, d, n, t, names, e in self._conn.execute(
                "SELECT id, document_id, name, type, names, entity_id FROM local_entities"
                " WHERE entity_id = ? ORDER BY id",
                (entity_id,),
            )
        ]

    def split_keys_of(self, entity_id: int) -> set[str]:
        return {
            str(key)
            for (key,) in self._conn.execute(
                "SELECT key FROM entity_corrections WHERE action = 'split' AND entity_id = ?",
                (entity_id,),
            )
        }

    def clear_names(self, entity_id: int) -> None:
        self._conn.execute("DELETE FROM entity_keys WHERE entity_id = ?", (entity_id,))
        self._conn.execute("DELETE FROM aliases WHERE entity_id = ?", (entity_id,))

    def absorb(self, target: int, source: int, how: str) -> None:
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
            "INSERT INTO entity_keys (key, kind, entity_id)"
            " SELECT key, kind, ? FROM entity_keys WHERE entity_id = ? ON CONFLICT DO NOTHING",
            (target, source),
        )
        conn.execute(
            "INSERT INTO aliases (entity_id, alias, key, kind)"
            " SELECT ?, alias, key, kind FROM aliases WHERE entity_id = ? ORDER BY alias"
            " ON CONFLICT DO NOTHING",
            (target, source),
        )
        # its products become the target's (and the target, if it was one, owns itself: none)
        conn.execute(
            "UPDATE entities SET owner_id = CASE WHEN id = ? THEN NULL ELSE ? END"
            " WHERE owner_id = ?",
            (target, target, source),
        )
        conn.execute("DELETE FROM entity_keys WHERE entity_id = ?", (source,))
        conn.execute("DELETE FROM aliases WHERE entity_id = ?", (source,))
        conn.execute("DELETE FROM entities WHERE id = ?", (source,))

    def move_local_entities(self, local_ids: Sequence[int], target: int, how: str) -> None:
        conn = self._conn
        for start in range(0, len(local_ids), CHUNK):
            chunk = list(local_ids[start : start + CHUNK])
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"UPDATE local_entities SET entity_id = ?, how = ? WHERE id IN ({marks})",
                (target, how, *chunk),
            )
            for table, local, column in (("claims", "subject_local", "subject_id"),
                                         ("claims", "object_local", "object_id"),
                                         ("mentions", "local_id", "entity_id"),
                                         ("claim_sources", "local_id", "entity_id")):  # fmt: skip
                conn.execute(
                    f"UPDATE {table} SET {column} = ? WHERE {local} IN ({marks})",
                    (target, *chunk),
                )

    def mentions_of_local(self, local_id: int) -> list[tuple[int, str]]:
        return [
            (int(mid), str(text))
            for mid, text in self._conn.execute(
                "SELECT id, text FROM mentions WHERE local_id = ?", (local_id,)
            )
        ]

    def set_local_names(self, local_id: int, names: Sequence[str]) -> None:
        self._conn.execute(
            "UPDATE local_entities SET names = ? WHERE id = ?",
            (json.dumps(list(names), ensure_ascii=False), local_id),
        )

    def move_mentions(self, mention_ids: Sequence[int], local_id: int, entity_id: int) -> None:
        self._conn.executemany(
            "UPDATE mentions SET local_id = ?, entity_id = ? WHERE id = ?",
            [(local_id, entity_id, mid) for mid in mention_ids],
        )

    def add_correction(self, action: str, key: str, entity_id: int, name: str) -> None:
        self._conn.execute(
            "INSERT INTO entity_corrections (action, key, entity_id, name, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (action, key, entity_id, name, datetime.now(UTC).isoformat(timespec="seconds")),
        )

    def entity_row(self, entity_id: int) -> dict[str, Any]:
        return entity_rows(self._conn, "WHERE e.id = ?", (entity_id,), self._dialect)[0]
