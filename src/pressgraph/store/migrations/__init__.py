"""Schema migrations, applied in order, each in one transaction.

Like ``sqlite_utils.migrations``: a migration is a plain function of a connection,
registered in :data:`MIGRATIONS` under a version number; the versions applied are recorded
in the ``migrations`` table and ``PRAGMA user_version`` is kept in step, so a database says
which schema it has. To change the schema, append a new ``(version, function)``: never edit
one that has shipped.

One module per migration (``m001_initial`` ... ``m007_changes``). A shipped migration
calls no live code: what it needs of pressgraph is frozen inside its module as it was
when the migration shipped (migration 3's story indexing and MinHash, migration 5's
resolution keys and their word lists), so changing the ingest code later cannot change
what an old migration does to an old database. These modules import nothing from
pressgraph but each other and :mod:`pressgraph.errors` (``tests/store/test_migrations.py``
checks it). When live code that a migration copied changes in a way old databases must
follow, that is a new migration (a new frozen copy), never an edit of the old one.

The connection must be in autocommit mode (``isolation_level=None``): this module opens
and closes the transactions itself.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from pressgraph.errors import StoreError
from pressgraph.store.migrations.m001_initial import _m001_initial
from pressgraph.store.migrations.m002_local_entities import _m002_local_entities
from pressgraph.store.migrations.m003_stories import _m003_stories
from pressgraph.store.migrations.m004_search import _m004_search
from pressgraph.store.migrations.m005_rekey import _m005_rekey
from pressgraph.store.migrations.m006_owners import _m006_owners
from pressgraph.store.migrations.m007_changes import _m007_changes

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
