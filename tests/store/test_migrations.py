"""Shipped migrations call no live code, and migrating an old database gives what it gave
when they shipped.

``tests/data/migrations/v2_migrated.json`` is the dump of :func:`old_database` migrated to
the latest schema by the code as it was before the migrations were frozen (commit f00ff29,
where migration 3 called ``store.stories.index_document`` and migration 5 the live key
functions). Regenerate it only for a new migration, never to make a change of an old one
pass.
"""

from __future__ import annotations

import ast
import json
import sqlite3
from pathlib import Path
from typing import Any

from pressgraph.store import migrations
from pressgraph.store.migrations import MIGRATIONS, apply_migrations

DATA = Path(__file__).parent.parent / "data" / "migrations"
PACKAGE = Path(migrations.__file__).parent
#: What a migration module may import from pressgraph: its own package (the frozen
#: migrations) and the exception tree (no behaviour of its own).
ALLOWED = ("pressgraph.store.migrations", "pressgraph.errors")


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports (at any depth: a function's own imports too)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.append(f"pressgraph.store.migrations.{node.module or ''}".rstrip("."))
            else:
                found.append(node.module or "")
    return found


def test_migrations_import_nothing_live_from_pressgraph() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= len(MIGRATIONS) + 1
    for path in modules:
        live = [
            name
            for name in _imports(path)
            if (name == "pressgraph" or name.startswith("pressgraph."))
            and not any(name == a or name.startswith(a + ".") for a in ALLOWED)
        ]
        assert live == [], f"{path.name} imports live code: {live}"


def test_the_import_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from pressgraph.names import resolution_key\n")
    assert _imports(module) == ["pressgraph.names"]


# -- an old database ---------------------------------------------------------------------

_WIRE = (
    "The board of Norvala Energy approved on Monday the purchase of a minority stake in the"
    " wind turbine maker Veltrix Industries for about 420 million euros, according to people"
    " close to the talks, who added that the regulator still has to clear the deal before the"
    " end of the year and that the two groups will then share their research centres."
)
_REPRINT = _WIRE.replace("on Monday", "on Monday evening").replace("about", "nearly")
_OTHER = (
    "Le groupe américain American International Group a annoncé mardi la cession de sa filiale"
    " d'assurance vie à un consortium mené par Banco de Santander et RMJ Holdings, pour un"
    " montant qui n'a pas été communiqué, une opération attendue depuis plusieurs mois par les"
    " analystes du secteur financier européen."
)

#: (id, url, text, title)
_DOCUMENTS = (
    ("d1", "http://www.example.com/news/norvala?utm_source=x", _WIRE, "Norvala buys"),
    ("d2", "https://wire.example.org/a/1/", _REPRINT, "Norvala buys (wire)"),
    ("d3", None, _OTHER, "AIG cède"),
    ("d4", "https://example.com/short", "Too short to be a story.", None),
)

#: (id, key as an older version stored it, name, type)
_ENTITIES = (
    (1, "norvala energy", "Norvala Energy", "ORG"),
    (2, "veltrix industries", "Veltrix Industries", "ORG"),
    (3, "american international group", "American International Group", "ORG"),
    (4, "banco de santander", "Banco de Santander SA", "ORG"),
    (5, "rmj holdings", "RMJ Holdings Corp", "ORG"),
    (6, "martin t sosnoff", "Martin T. Sosnoff", "PERSON"),
    (7, "assureur@d3", "l'assureur", "ORG"),
    (8, "rmj holdings#2", "RMJ Holdings", "ORG"),
)

#: (entity id, alias, kind)
_ALIASES = (
    (1, "Norvala Energy", "name"),
    (1, "Norvala", "name"),
    (2, "Veltrix Industries", "name"),
    (2, "<VLX>", "name"),
    (3, "American International Group", "name"),
    (3, "AIG", "name"),
    (3, "l'assureur AIG", "name"),
    (4, "Banco de Santander SA", "name"),
    (5, "RMJ Holdings Corp", "name"),
    (6, "Martin T. Sosnoff", "name"),
    (6, "M. Sosnoff", "name"),
    (7, "l'assureur", "description"),
    (8, "RMJ Holdings", "name"),
)

#: (document, entity id, names the document used)
_LOCALS = (
    ("d1", 1, ["Norvala Energy", "Norvala"]),
    ("d1", 2, ["Veltrix Industries", "<VLX>"]),
    ("d2", 1, ["Norvala Energy"]),
    ("d2", 2, ["Veltrix Industries", "NYSE: VLX"]),
    ("d3", 3, ["American International Group", "AIG", "l'assureur AIG"]),
    ("d3", 4, ["Banco de Santander SA"]),
    ("d3", 5, ["RMJ Holdings Corp", "RMJ Holdings"]),
    ("d3", 6, ["Martin T. Sosnoff", "M. Sosnoff"]),
    ("d3", 7, ["l'assureur"]),
    ("d4", 8, ["RMJ Holdings"]),
)


def old_database(path: Path) -> sqlite3.Connection:
    """A database of schema version 2 (the release before stories), with rows an older
    pressgraph wrote: keys computed by older rules, a split and a merge recorded."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    for version, migration in MIGRATIONS[:2]:
        migration(conn)
        conn.execute(
            "INSERT INTO migrations VALUES (?, ?, '2026-01-01')", (version, migration.__name__)
        )
    conn.execute("PRAGMA user_version = 2")
    conn.executemany(
        "INSERT INTO documents (id, external_id, title, outlet, url, published, language,"
        " source, text, ingested_at) VALUES (?, ?, ?, 'Outlet', ?, '2026-01-0' || ?, 'en',"
        " 'old.jsonl', ?, '2026-01-01T00:00:00+00:00')",
        [(d, d, title, url, n, text) for n, (d, url, text, title) in enumerate(_DOCUMENTS, 1)],
    )
    conn.executemany("INSERT INTO entities (id, key, name, type) VALUES (?, ?, ?, ?)", _ENTITIES)
    conn.executemany(
        "INSERT INTO aliases (entity_id, alias, key, kind) VALUES (?, ?, lower(?), ?)",
        [(e, alias, alias, kind) for e, alias, kind in _ALIASES],
    )
    for doc, entity_id, names in _LOCALS:
        conn.execute(
            "INSERT INTO local_entities (document_id, name, type, names, entity_id, how)"
            " SELECT ?, ?, type, ?, id, 'name' FROM entities WHERE id = ?",
            (doc, names[0], json.dumps(names), entity_id),
        )
    conn.executemany(
        "INSERT INTO entity_keys (key, kind, entity_id) VALUES (?, 'name', ?)",
        [(key, i) for i, key, _, _ in _ENTITIES if "@" not in key],
    )
    conn.executemany(
        "INSERT INTO entity_corrections (action, key, entity_id, name, created_at)"
        " VALUES (?, lower(?), ?, ?, '2026-01-02')",
        [("split", "RMJ Holdings", 5, "RMJ Holdings"), ("merge", "Norvala", 1, "Norvala")],
    )
    conn.execute(
        "INSERT INTO mentions (document_id, entity_id, start, end, text, kind, local_id)"
        " SELECT l.document_id, l.entity_id, 0, 4, l.name, 'name', l.id FROM local_entities l"
    )
    conn.execute(
        "INSERT INTO claims (id, document_id, type, subject_id, object_id, subject_local,"
        " object_local, percent, modality, evidence, evidence_start, evidence_end)"
        " VALUES ('c1', 'd1', 'stake', 1, 2, 1, 2, 12.5, 'asserted', 'The board', 0, 9)"
    )
    return conn


def dump(conn: sqlite3.Connection) -> dict[str, Any]:
    """The tables a migration writes, as sorted lists (the dates of applying left out)."""
    tables = {
        "entities": "SELECT id, key, name, type, owner_id FROM entities",
        "aliases": "SELECT entity_id, alias, key, kind FROM aliases",
        "entity_keys": "SELECT key, kind, entity_id FROM entity_keys",
        "entity_corrections": "SELECT action, key, entity_id, name FROM entity_corrections",
        "local_entities": "SELECT id, document_id, name, names, entity_id, how FROM local_entities",
        "documents": "SELECT id, story FROM documents",
        "document_urls": "SELECT url, document_id FROM document_urls",
        "story_signatures": "SELECT document_id, shingles, hex(signature) FROM story_signatures",
        "story_bands": "SELECT key, document_id FROM story_bands",
        "entities_fts": "SELECT rowid, name, aliases FROM entities_fts",
        "documents_fts": "SELECT rowid, title FROM documents_fts",
        "claims": "SELECT id, amount_kind, previous_amount, previous_percent FROM claims",
        "migrations": "SELECT version, name FROM migrations",
    }
    out: dict[str, Any] = {
        table: sorted(
            (list(row) for row in conn.execute(sql)), key=lambda r: json.dumps(r, default=str)
        )
        for table, sql in tables.items()
    }
    out["user_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
    return out


def test_an_old_database_migrates_as_it_did_when_the_migrations_shipped(tmp_path: Path) -> None:
    conn = old_database(tmp_path / "old.db")
    assert apply_migrations(conn) == [version for version, _ in MIGRATIONS[2:]]
    expected = json.loads((DATA / "v2_migrated.json").read_text(encoding="utf-8"))
    got = json.loads(json.dumps(dump(conn)))
    for table in expected:
        assert got[table] == expected[table], table
    assert got.keys() == expected.keys()
    # the reprint joined the wire story's; the short text has none but its own
    stories = dict(conn.execute("SELECT id, story FROM documents"))
    assert stories == {"d1": "d1", "d2": "d1", "d3": "d3", "d4": "d4"}


if __name__ == "__main__":  # writes the expected dump: python tests/store/test_migrations.py
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        db = old_database(Path(folder) / "old.db")
        apply_migrations(db)
        DATA.mkdir(parents=True, exist_ok=True)
        (DATA / "v2_migrated.json").write_text(
            json.dumps(dump(db), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
