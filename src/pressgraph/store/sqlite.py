"""The default store: one SQLite file, one writer connection, one transaction per document.

The connection runs in autocommit mode and opens its transactions itself (``BEGIN
IMMEDIATE`` ... ``COMMIT``), with ``journal_mode=WAL`` (readers never block the writer),
``foreign_keys=ON`` and a ``busy_timeout``. Every ``sqlite3`` error is raised as
:class:`~pressgraph.errors.StoreError` naming the database and the reason.

Which stored entity a document's name is, and which story the document joins, is decided
by the resolution stage the caller passes to :meth:`SQLiteStore.add`
(:mod:`pressgraph.resolve.stage`); the store runs it inside the document's transaction,
hands it a :class:`~pressgraph.store.index.SQLIndex` of that transaction, and writes
the mentions and claims with the entities it decided. The first name and the first type an
entity was stored with are kept.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from pressgraph.errors import StoreError
from pressgraph.store.base import SQLStore, claim_id
from pressgraph.store.migrations import apply_migrations, latest_version
from pressgraph.store.search import StoreSearch

__all__ = [
    "BUSY_TIMEOUT_MS",
    "SQLiteStore",
    "claim_id",
    "database_broken",
    "open_readonly",
    "open_store",
]

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5_000


#: SQLite errors of the database itself (locked, full, read-only, corrupt), not of one
#: document's data: :class:`sqlite3.DatabaseError` itself and these subclasses.
_DATABASE_ERRORS = (sqlite3.OperationalError, sqlite3.InternalError)


def database_broken(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says the SQLite database cannot be written at
    all, rather than that one document's data was refused."""
    cause: BaseException | None = exc
    while cause is not None:
        if type(cause) is sqlite3.DatabaseError or isinstance(cause, _DATABASE_ERRORS):
            return True
        cause = cause.__cause__
    return False


class SQLiteStore(StoreSearch, SQLStore):
    """A pressgraph store in one SQLite file (:class:`~pressgraph.store.protocol.Store`).
    Open it with :func:`open_store` (or :func:`open_readonly`, as the web UI does).

    Its layers, each a module: :class:`~pressgraph.store.connection.Connection` (errors,
    transactions), :class:`~pressgraph.store.reads.StoreReads` (rows and key lookups),
    :class:`~pressgraph.store.search.StoreSearch` (full-text search, whose indexes triggers
    keep: migration 4), :class:`~pressgraph.store.browse.StoreBrowse` (paged reads) and
    :class:`~pressgraph.store.index.SQLiteIndex` (the writes of the resolution stage);
    writing documents is here.
    """

    def __repr__(self) -> str:
        return f"SQLiteStore({self.name!r})"

    def cannot_write(self, exc: BaseException) -> bool:
        """Whether ``exc`` says this store cannot be written at all (:func:`database_broken`)."""
        return database_broken(exc)


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


def open_readonly(path: str | Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> SQLiteStore:
    """Open the existing store at ``path`` for reading only (SQLite URI ``mode=ro``: no
    write can happen through it, not even a migration), as the web UI does.

    A missing file, a file that is not a pressgraph store, or one whose schema is older or
    newer than this pressgraph's raises :class:`StoreError` saying so. Usable as a context
    manager.
    """
    name = str(path)
    if not Path(name).is_file():
        raise StoreError(
            f"{name}: no such database (create it with `pressgraph ingest` or `pressgraph demo`)"
        )
    uri = Path(name).resolve().as_uri() + "?mode=ro"
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=busy_timeout_ms / 1000,
            check_same_thread=False,
        )  # fmt: skip
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise StoreError(f"{name}: cannot open database ({exc})") from exc
    if version != latest_version():
        conn.close()
        if version == 0:
            raise StoreError(f"{name}: not a pressgraph database (no schema)")
        if version > latest_version():
            raise StoreError(
                f"{name}: schema version {version} is newer than this pressgraph knows "
                f"({latest_version()}); upgrade pressgraph"
            )
        raise StoreError(
            f"{name}: schema version {version} is older than this pressgraph's "
            f"({latest_version()}); open it once for writing (`pressgraph entities --db {name}`)"
            " to migrate it"
        )
    return SQLiteStore(conn, name)
