"""Migration 4: full-text search (pure SQL). Shipped: never edit."""

from __future__ import annotations

import sqlite3

__all__ = ["_m004_search"]


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
