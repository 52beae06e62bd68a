"""Migration 1: documents, entities and aliases, mentions, claims and their attribution
chains. Shipped: never edit."""

from __future__ import annotations

import sqlite3

__all__ = ["_m001_initial"]


_SCHEMA_1 = (
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,            -- content hash of the text (model.content_id)
        external_id TEXT,               -- the id the input gave it
        title TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,                 -- ISO date (YYYY, YYYY-MM, YYYY-MM-DD) or NULL
        language TEXT,
        source TEXT,                    -- path, path:line or URL it was read from
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL       -- ISO datetime, UTC
    )
    """,
    """
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT UNIQUE NOT NULL,       -- names.entity_key(name), or key@document
        name TEXT NOT NULL,             -- the first name it was stored under
        type TEXT NOT NULL              -- ORG, PERSON, PRODUCT, PLACE: the first type wins
    )
    """,
    """
    CREATE TABLE aliases (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        key TEXT NOT NULL,              -- entity_key(alias)
        kind TEXT NOT NULL DEFAULT 'name' CHECK (kind IN ('name', 'description')),
        UNIQUE (entity_id, alias)
    )
    """,
    "CREATE INDEX aliases_key ON aliases(key)",
    """
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('name', 'description', 'pronoun')),
        CHECK (0 <= start AND start <= end)
    )
    """,
    "CREATE INDEX mentions_entity ON mentions(entity_id)",
    "CREATE INDEX mentions_document ON mentions(document_id)",
    """
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,            -- hash of document, type, parties, attributes, evidence
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        subject_id INTEGER NOT NULL REFERENCES entities(id),
        object_id INTEGER REFERENCES entities(id),
        amount REAL,
        currency TEXT,
        percent REAL,
        date TEXT,                      -- valid time: when the fact holds (ISO, as precise
        until TEXT,                     --   as the text says)
        role TEXT,
        value TEXT,
        modality TEXT NOT NULL
            CHECK (modality IN ('asserted', 'hedged', 'planned', 'negated')),
        evidence TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        arguments TEXT NOT NULL DEFAULT '[]',  -- JSON list of {role, text, start, end}
        CHECK (0 <= evidence_start AND evidence_start <= evidence_end)
    )
    """,
    "CREATE INDEX claims_subject ON claims(subject_id)",
    "CREATE INDEX claims_object ON claims(object_id)",
    "CREATE INDEX claims_type ON claims(type)",
    "CREATE INDEX claims_document ON claims(document_id)",
    """
    CREATE TABLE claim_sources (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,      -- 0 = the first link of the attribution chain
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('source', 'relay')),
        entity_id INTEGER REFERENCES entities(id),
        start INTEGER,
        end INTEGER,
        PRIMARY KEY (claim_id, position)
    )
    """,
    "CREATE INDEX documents_external_id ON documents(external_id)",
    "CREATE INDEX documents_url ON documents(url)",
)


def _m001_initial(conn: sqlite3.Connection) -> None:
    """Documents, entities and aliases, mentions, claims and their attribution chains."""
    for statement in _SCHEMA_1:
        conn.execute(statement)
