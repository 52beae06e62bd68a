"""A pressgraph store in a PostgreSQL database, for several writers and readers at once.

:class:`PostgresStore` is the SQLite store's logic (:class:`~pressgraph.store.base.SQLStore`:
the same SQL, the same resolution stage inside the write transaction) on a psycopg
connection, with its own schema (:mod:`~pressgraph.store.postgres.migrations`) and search
(:mod:`~pressgraph.store.postgres.search`).

**Writers.** Every write transaction (a document, a merge, a split) first takes one
transaction-level advisory lock, :data:`WRITE_LOCK`: resolution reads the entities, keys
and stories and writes against what it read, as under SQLite's ``BEGIN IMMEDIATE``, so
several ``pressgraph ingest`` processes, on one machine or many, never create one entity
twice, and a document's duplicate check and insert are one step (its id and canonical URL
are also unique keys). Parsing and extraction, where the time goes, run outside the lock,
in parallel. One lock cannot deadlock; a transaction that still fails with a
serialisation failure or a deadlock is run again whole. The lock is released by
``COMMIT``, ``ROLLBACK`` or the end of the session, so a killed writer holds nothing.

**Readers** take no lock: PostgreSQL's MVCC shows each query the last committed state,
never blocked by a writer. :func:`open_postgres` with ``readonly=True`` opens a session
whose transactions are read-only (``default_transaction_read_only``), as ``serve`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pressgraph.errors import StoreError
from pressgraph.model import Document
from pressgraph.store.base import SQLStore
from pressgraph.store.dialect import POSTGRES
from pressgraph.store.index import SQLIndex
from pressgraph.store.postgres.connection import PgConnection, import_psycopg
from pressgraph.store.postgres.migrations import applied_versions, apply_migrations, latest_version
from pressgraph.store.postgres.search import PgSearch
from pressgraph.store.targets import display_name

__all__ = ["WRITE_LOCK", "PostgresStore", "open_postgres"]

#: The advisory lock key every write transaction takes first ("pressgraph writes").
WRITE_LOCK = 0x70726573_73677277
#: SQLSTATEs worth running a transaction again: serialization_failure, deadlock_detected.
_RETRYABLE = ("40001", "40P01")
#: SQLSTATE classes that say the database cannot be written at all: insufficient
#: resources (disk full), operator intervention (shutdown), system errors, a read-only
#: transaction, missing privileges.
_BROKEN_CLASSES = ("53", "57", "58", "XX")
_BROKEN = ("25006", "42501")


class PgIndex(SQLIndex):
    """The :class:`~pressgraph.store.protocol.WriteIndex` of a PostgreSQL transaction: the
    shared SQL, plus the entities whose names changed (their search rows are rebuilt before
    the commit)."""

    def __init__(self, conn: Any) -> None:
        super().__init__(conn, POSTGRES)
        self.touched: set[int] = set()

    def new_entity(self, key: str, name: str, type: str) -> int:
        entity_id = super().new_entity(key, name, type)
        self.touched.add(entity_id)
        return entity_id

    def add_aliases(self, entity_id: int, aliases: Sequence[tuple[str, str, str]]) -> None:
        super().add_aliases(entity_id, aliases)
        self.touched.add(entity_id)

    def clear_names(self, entity_id: int) -> None:
        super().clear_names(entity_id)
        self.touched.add(entity_id)

    def absorb(self, target: int, source: int, how: str) -> None:
        super().absorb(target, source, how)
        self.touched.add(target)


class PostgresStore(PgSearch, SQLStore):
    """A pressgraph store in a PostgreSQL database
    (:class:`~pressgraph.store.protocol.Store`). Open it with :func:`open_postgres`."""

    dialect = POSTGRES

    def __init__(self, conn: PgConnection, name: str) -> None:
        super().__init__(conn, name)
        self.driver_errors = (import_psycopg().Error,)

    def __repr__(self) -> str:
        return f"PostgresStore({self.name!r})"

    def _begin_write(self) -> None:
        self._conn.execute("BEGIN")
        self._conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))

    def _retryable(self, exc: BaseException) -> bool:
        return getattr(exc, "sqlstate", None) in _RETRYABLE

    def _index(self) -> PgIndex:
        return PgIndex(self._conn)

    def _written(self, index: SQLIndex) -> None:
        if isinstance(index, PgIndex) and index.touched:
            self.index_entities(index.touched)

    def _insert_document(self, doc: Document) -> None:
        super()._insert_document(doc)
        self.index_document(doc)

    def cannot_write(self, exc: BaseException) -> bool:
        """Whether ``exc`` (or what caused it) says the database cannot be written at all:
        the connection is gone, the disk is full, the server shuts down, the session is
        read-only or lacks privileges."""
        psycopg = import_psycopg()
        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, psycopg.OperationalError | psycopg.InterfaceError):
                return True
            state = getattr(cause, "sqlstate", None) or ""
            if state in _BROKEN or state[:2] in _BROKEN_CLASSES:
                return True
            cause = cause.__cause__
        return False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def open_postgres(url: str, *, readonly: bool = False) -> PostgresStore:
    """Open (and migrate, unless ``readonly``) the PostgreSQL store at ``url``
    (``postgresql://USER@HOST:PORT/DB``). The database must exist. Usable as a context
    manager."""
    psycopg = import_psycopg()
    name = display_name(url)
    options = {"options": "-c default_transaction_read_only=on"} if readonly else {}
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10, **options)
    except psycopg.Error as exc:
        raise StoreError(f"{name}: cannot open database ({_one_line(exc)})") from exc
    conn = PgConnection(raw)
    try:
        if readonly:
            _check_version(conn, name)
        else:
            apply_migrations(conn, (psycopg.Error,), name=name)
    except psycopg.Error as exc:
        conn.close()
        raise StoreError(f"{name}: cannot open database ({_one_line(exc)})") from exc
    except BaseException:
        conn.close()
        raise
    return PostgresStore(conn, name)


def _check_version(conn: PgConnection, name: str) -> None:
    applied = applied_versions(conn)
    version = max(applied) if applied else 0
    if version == latest_version():
        return
    if version == 0:
        raise StoreError(f"{name}: not a pressgraph database (no schema)")
    if version > latest_version():
        raise StoreError(
            f"{name}: schema version {version} is newer than this pressgraph knows "
            f"({latest_version()}); upgrade pressgraph"
        )
    raise StoreError(
        f"{name}: schema version {version} is older than this pressgraph's "
        f"({latest_version()}); open it once for writing (`pressgraph entities --db URL`)"
        " to migrate it"
    )
