"""Schema migrations, applied in order, each in one transaction.

Like ``sqlite_utils.migrations``: a migration is a plain function of a connection,
registered in :data:`MIGRATIONS` under a version number; the versions applied are recorded
in the ``migrations`` table and ``PRAGMA user_version`` is kept in step, so a database says
which schema it has. To change the schema, append a new ``(version, function)``: never edit
one that has shipped.

The connection must be in autocommit mode (``isolation_level=None``): this module opens
and closes the transactions itself.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from pressgraph.errors import StoreError
from pressgraph.store.stories import index_document

__all__ = ["MIGRATIONS", "apply_migrations", "latest_version"]

logger = logging.getLogger(__name__)

Migration = Callable[[sqlite3.Connection], None]

_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""

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


_SCHEMA_3 = (
    """
    CREATE TABLE document_urls (
        url TEXT PRIMARY KEY,           -- resolve.dedup.canonical_url: one document per URL
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
    ) WITHOUT ROWID
    """,
    "CREATE INDEX document_urls_document ON document_urls(document_id)",
    """
    CREATE TABLE story_signatures (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        shingles INTEGER NOT NULL,      -- number of word shingles of the text
        signature BLOB NOT NULL         -- MinHash values, little-endian uint32 (resolve.dedup)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE story_bands (
        key INTEGER NOT NULL,           -- hash of one band of the signature (LSH blocking)
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (key, document_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX story_bands_document ON story_bands(document_id)",
    "CREATE INDEX documents_story ON documents(story)",
)


def _m003_stories(conn: sqlite3.Connection) -> None:
    """Duplicates and stories: canonical URLs, MinHash signatures and their LSH bands;
    stored documents are indexed in the order they were stored, and given their story."""
    for statement in _SCHEMA_3:
        conn.execute(statement)
    ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY rowid")]
    for doc_id in ids:  # the same code as at ingest
        row = conn.execute("SELECT text, url FROM documents WHERE id = ?", (doc_id,)).fetchone()
        index_document(conn, doc_id, row[0], row[1])


#: Folds case and accents ("societe generale" finds "Société Générale"); letters and digits
#: are the tokens, everything else separates them.
_TOKENIZE = "unicode61 remove_diacritics 2"

#: The searchable text of one entity: its name and its *name* aliases (descriptions such as
#: "the company" would make every entity answer "company"), separated by a control
#: character the tokenizer treats as a separator and search splits on. Entities known only
#: by a description (keys scoped to one document, ``...@<document>``) are not indexed.
_ENTITY_ROW = """
    DELETE FROM entities_fts WHERE rowid = {id};
    INSERT INTO entities_fts (rowid, name, aliases)
        SELECT e.id, e.name,
               (SELECT group_concat(replace(a.alias, char(30), ' '), char(30)) FROM aliases a
                WHERE a.entity_id = e.id AND a.kind = 'name')
        FROM entities e WHERE e.id = {id} AND e.key NOT LIKE '%@%';
"""

_SCHEMA_4 = (
    f"""
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='{_TOKENIZE}'
    )
    """,
    """
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END
    """,
    """
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END
    """,
    f"CREATE VIRTUAL TABLE entities_fts USING fts5(name, aliases, tokenize='{_TOKENIZE}')",
    f"""
    CREATE TRIGGER entities_fts_insert AFTER INSERT ON entities BEGIN
        {_ENTITY_ROW.format(id="new.id")}
    END
    """,
    f"""
    CREATE TRIGGER entities_fts_update AFTER UPDATE ON entities BEGIN
        DELETE FROM entities_fts WHERE rowid = old.id;
        {_ENTITY_ROW.format(id="new.id")}
    END
    """,
    """
    CREATE TRIGGER entities_fts_delete AFTER DELETE ON entities BEGIN
        DELETE FROM entities_fts WHERE rowid = old.id;
    END
    """,
    f"""
    CREATE TRIGGER aliases_fts_insert AFTER INSERT ON aliases BEGIN
        {_ENTITY_ROW.format(id="new.entity_id")}
    END
    """,
    f"""
    CREATE TRIGGER aliases_fts_delete AFTER DELETE ON aliases BEGIN
        {_ENTITY_ROW.format(id="old.entity_id")}
    END
    """,
    f"""
    CREATE TRIGGER aliases_fts_update AFTER UPDATE ON aliases BEGIN
        {_ENTITY_ROW.format(id="old.entity_id")}
        {_ENTITY_ROW.format(id="new.entity_id")}
    END
    """,
)


def _m004_search(conn: sqlite3.Connection) -> None:
    """Full-text search (``pressgraph search``, :mod:`pressgraph.store.search`): FTS5 indexes
    of the documents' titles and texts and of the entities' names and aliases, kept in step
    by triggers, so every writer (ingest, merges, splits, rekeys, a cascade from a deleted
    document) keeps them right without knowing they exist. The rows already stored are
    indexed here.

    ``documents_fts`` is an *external-content* table on ``documents``, keyed by its rowid:
    the article texts are the bulk of a database and are not stored twice, yet ``snippet()``
    and ``highlight()`` still work (they read the text back from ``documents``; a
    contentless table cannot give snippets). Documents are never edited in place (their id
    is a hash of the text), only inserted and deleted, which the triggers follow. The rowid
    of ``documents`` is implicit (its key is the text id); SQLite keeps rowids through
    ``VACUUM`` (a test checks it) and ``INSERT INTO documents_fts(documents_fts)
    VALUES('rebuild')`` rebuilds the index from ``documents`` should they ever drift.

    ``entities_fts`` holds its own content, one row per entity keyed by ``entities.id`` (an
    ``INTEGER PRIMARY KEY``, stable): the name and every name alias in one row, so one
    entity is one hit, ranked once. The names are short, so the copy costs little.
    """
    for statement in _SCHEMA_4:
        conn.execute(statement)
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
    conn.execute(
        "INSERT INTO entities_fts (rowid, name, aliases)"
        " SELECT e.id, e.name, (SELECT group_concat(replace(a.alias, char(30), ' '), char(30))"
        "   FROM aliases a WHERE a.entity_id = e.id AND a.kind = 'name')"
        " FROM entities e WHERE e.key NOT LIKE '%@%'"
    )


_SCHEMA_7 = (
    # What a claim's amount counts: 'total', 'per_share' or 'per_unit' (model.AmountKind);
    # NULL for claims stored before it was read, whose kind is unknown.
    "ALTER TABLE claims ADD COLUMN amount_kind TEXT"
    " CHECK (amount_kind IN ('total', 'per_share', 'per_unit'))",
    # The level a change started from ("to 7.7 pct from 6.3 pct": percent 7.7, previous 6.3).
    "ALTER TABLE claims ADD COLUMN previous_amount REAL",
    "ALTER TABLE claims ADD COLUMN previous_percent REAL",
)


def _m007_changes(conn: sqlite3.Connection) -> None:
    """Claims say what their amount counts and the former level of a change; claims stored
    before keep NULL there (read again to fill them)."""
    for statement in _SCHEMA_7:
        conn.execute(statement)


#: Every migration, in the order it is applied. Append only.
def _m005_rekey(conn: sqlite3.Connection) -> None:
    """Resolution keys rebuilt for issue 11's merges: link words and the plural of company
    words left out ("Banco de Santander" = "Banco Santander", "RMJ Holdings" = "RMJ
    Holding"), tickers keyed apart ("<MD>": ``ticker:md``), people's surnames and names
    without middle initials as short keys. Every entity's keys, every alias's key and every
    correction's key are rebuilt from the names its documents gave it, with the code that
    keys new documents."""
    import json

    from pressgraph.names import is_description, resolution_key
    from pressgraph.resolve.entities import blocking_keys, ticker_key

    corrections = conn.execute("SELECT id, name FROM entity_corrections").fetchall()
    conn.executemany(
        "UPDATE entity_corrections SET key = ? WHERE id = ?",
        [(resolution_key(name), cid) for cid, name in corrections],
    )
    aliases = conn.execute("SELECT rowid, alias FROM aliases").fetchall()
    conn.executemany(
        "UPDATE aliases SET key = ? WHERE rowid = ?",
        [(ticker_key(a) or resolution_key(a), rowid) for rowid, a in aliases],
    )
    barred: dict[int, set[str]] = {}
    for key, entity_id in conn.execute(
        "SELECT key, entity_id FROM entity_corrections WHERE action = 'split'"
    ):
        barred.setdefault(int(entity_id), set()).add(key)
    conn.execute("DELETE FROM entity_keys")
    types = dict(conn.execute("SELECT id, type FROM entities").fetchall())
    rows = conn.execute(
        "SELECT l.entity_id, l.name, l.names FROM local_entities l"
        " JOIN entities e ON e.id = l.entity_id WHERE e.key NOT LIKE '%@%' ORDER BY l.id"
    ).fetchall()
    for entity_id, name, names in rows:
        all_names = list(dict.fromkeys([name, *json.loads(names)]))
        descriptions = [n for n in all_names if is_description(n)]
        keys = blocking_keys(
            name, all_names[1:], descriptions, person=types.get(entity_id) == "PERSON"
        )
        block = [(k, kind, entity_id) for k, kind in keys if k not in barred.get(entity_id, ())]
        conn.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, kind, entity_id) VALUES (?, ?, ?)", block
        )
        conn.executemany(
            "UPDATE entity_keys SET kind = 'name' WHERE key = ? AND entity_id = ?",
            [(k, eid) for k, kind, eid in block if kind == "name"],
        )


def _m006_owners(conn: sqlite3.Connection) -> None:
    """Products, brands and platforms linked to the entity that owns them ("Y" of "X's
    Y cloud"): a fact about the product shows in the owner's dossier."""
    conn.execute("ALTER TABLE entities ADD COLUMN owner_id INTEGER REFERENCES entities(id)")
    conn.execute("CREATE INDEX entities_owner ON entities(owner_id)")


MIGRATIONS: tuple[tuple[int, Migration], ...] = (
    (1, _m001_initial),
    (2, _m002_local_entities),
    (3, _m003_stories),
    (4, _m004_search),
    (5, _m005_rekey),
    (6, _m006_owners),
    (7, _m007_changes),
)


def latest_version() -> int:
    return MIGRATIONS[-1][0]


def _applied(conn: sqlite3.Connection) -> set[int]:
    conn.execute(_MIGRATIONS_TABLE)
    return {row[0] for row in conn.execute("SELECT version FROM migrations")}


def apply_migrations(conn: sqlite3.Connection, *, name: str = "database") -> list[int]:
    """Apply the migrations ``conn`` lacks, in order; return the versions applied.

    Each migration runs in its own transaction with its ``migrations`` row and the new
    ``user_version``; a failing one is rolled back and raised as :class:`StoreError`.
    """
    if conn.in_transaction:
        raise StoreError(f"{name}: cannot migrate inside an open transaction")
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if user_version > latest_version():
        raise StoreError(
            f"{name}: schema version {user_version} is newer than this pressgraph knows "
            f"({latest_version()}); upgrade pressgraph"
        )
    applied = _applied(conn)
    done: list[int] = []
    for version, migration in MIGRATIONS:
        if version in applied:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, migration.__name__, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {int(version)}")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{name}: migration {version} failed ({exc})") from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        logger.info("%s: applied migration %d (%s)", name, version, migration.__name__)
        done.append(version)
    return done
