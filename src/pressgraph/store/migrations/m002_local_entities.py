"""Migration 2: each document's own entities, blocking keys and corrections (pure SQL).
Shipped: never edit."""

from __future__ import annotations

import sqlite3

__all__ = ["_m002_local_entities"]


_SCHEMA_2 = (
    """
    CREATE TABLE local_entities (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL,             -- the entity's name in that document
        type TEXT NOT NULL,
        names TEXT NOT NULL DEFAULT '[]',   -- JSON: the name and every alias the document used
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        how TEXT NOT NULL DEFAULT 'new' -- the resolution decision: new, name, acronym,
                                        --   spelled acronym, short form, merged, split
    )
    """,
    "CREATE INDEX local_entities_entity ON local_entities(entity_id)",
    "CREATE INDEX local_entities_document ON local_entities(document_id)",
    """
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('name', 'initials', 'short')),
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (key, entity_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX entity_keys_entity ON entity_keys(entity_id)",
    """
    CREATE TABLE entity_corrections (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
        key TEXT NOT NULL,              -- entity_key of the name the correction is about
        entity_id INTEGER NOT NULL,     -- merge: the entity the name always joins;
                                        -- split: the entity the name never joins again
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX entity_corrections_key ON entity_corrections(key)",
    "ALTER TABLE claims ADD COLUMN subject_local INTEGER REFERENCES local_entities(id)",
    "ALTER TABLE claims ADD COLUMN object_local INTEGER REFERENCES local_entities(id)",
    "ALTER TABLE mentions ADD COLUMN local_id INTEGER REFERENCES local_entities(id)",
    "ALTER TABLE claim_sources ADD COLUMN local_id INTEGER REFERENCES local_entities(id)",
    # Near-duplicate documents (the same wire story in two outlets) share a story id.
    "ALTER TABLE documents ADD COLUMN story TEXT",
    "CREATE INDEX documents_published ON documents(published)",
    "CREATE INDEX claims_subject_local ON claims(subject_local)",
    "CREATE INDEX claims_object_local ON claims(object_local)",
    "CREATE INDEX mentions_local ON mentions(local_id)",
)


def _m002_local_entities(conn: sqlite3.Connection) -> None:
    """Each document's own entities (what merges and splits move), blocking keys, and the
    corrections people made; existing rows are given one local entity per document and
    entity, and the keys of their names."""
    for statement in _SCHEMA_2:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO local_entities (document_id, name, type, names, entity_id, how)"
        " SELECT DISTINCT x.document_id, e.name, e.type, json_array(e.name), e.id, 'name' FROM ("
        "   SELECT document_id, entity_id FROM mentions"
        "   UNION SELECT document_id, subject_id FROM claims"
        "   UNION SELECT document_id, object_id FROM claims WHERE object_id IS NOT NULL"
        " ) x JOIN entities e ON e.id = x.entity_id"
    )
    local = (
        "(SELECT l.id FROM local_entities l"
        " WHERE l.document_id = {t}.document_id AND l.entity_id = {t}.{c})"
    )
    conn.execute(f"UPDATE mentions SET local_id = {local.format(t='mentions', c='entity_id')}")
    conn.execute(f"UPDATE claims SET subject_local = {local.format(t='claims', c='subject_id')}")
    conn.execute(f"UPDATE claims SET object_local = {local.format(t='claims', c='object_id')}")
    conn.execute(
        "INSERT OR IGNORE INTO entity_keys (key, kind, entity_id)"
        " SELECT key, 'name', id FROM entities WHERE key NOT LIKE '%@%'"
    )
    conn.execute(
        "INSERT OR IGNORE INTO entity_keys (key, kind, entity_id)"
        " SELECT key, 'name', entity_id FROM aliases WHERE kind = 'name'"
    )
