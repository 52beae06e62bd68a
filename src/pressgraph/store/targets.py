"""Which store a ``--db`` value (or ``$PRESSGRAPH_DB``) names: a SQLite file, or a
PostgreSQL database given by its URL (``postgresql://USER@HOST:PORT/DB``, or
``postgres://``). The PostgreSQL backend, and psycopg, are imported only for a URL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pressgraph.store.sqlite import SQLiteStore
from pressgraph.store.sqlite import open_readonly as _sqlite_readonly
from pressgraph.store.sqlite import open_store as _sqlite_store

if TYPE_CHECKING:
    from pressgraph.store.postgres import PostgresStore

__all__ = ["URL_SCHEMES", "display_name", "is_database_url", "open_readonly", "open_store"]

URL_SCHEMES = ("postgresql://", "postgres://")

_PASSWORD = re.compile(r"(://[^:@/]*):[^@/]*@")


def display_name(target: str) -> str:
    """The store as messages show it: a URL without its password."""
    return _PASSWORD.sub(r"\1:***@", target)


def is_database_url(target: str | Path) -> bool:
    """Whether ``target`` is a PostgreSQL URL rather than a file."""
    return isinstance(target, str) and target.lower().startswith(URL_SCHEMES)


def open_store(target: str | Path, **options: int) -> SQLiteStore | PostgresStore:
    """Open (creating and migrating it if needed) the store ``target`` names: a SQLite
    file (see :func:`pressgraph.store.sqlite.open_store`, ``busy_timeout_ms``) or a
    PostgreSQL URL (the database must exist; its tables are created)."""
    if is_database_url(target):
        from pressgraph.store.postgres import open_postgres

        return open_postgres(str(target))
    return _sqlite_store(target, **options)


def open_readonly(target: str | Path, **options: int) -> SQLiteStore | PostgresStore:
    """Open an existing store for reading only (SQLite ``mode=ro``; PostgreSQL read-only
    transactions), as the web UI does."""
    if is_database_url(target):
        from pressgraph.store.postgres import open_postgres

        return open_postgres(str(target), readonly=True)
    return _sqlite_readonly(target, **options)
