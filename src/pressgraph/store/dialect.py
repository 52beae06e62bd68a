"""What differs between the SQL of the two backends, in one place.

The store's SQL (:mod:`~pressgraph.store.reads`, :mod:`~pressgraph.store.index`,
:mod:`~pressgraph.store.browse`, :mod:`~pressgraph.store.sqlite`) is written once, in the
portable subset SQLite and PostgreSQL share: ``?`` placeholders (``:name`` for named ones),
``INSERT ... ON CONFLICT``, ``RETURNING``, quoted ``"end"``, aliased subqueries. What is not
shared is a :class:`Dialect` field, named by what it does; the PostgreSQL connection
(:mod:`pressgraph.store.postgres.connection`) rewrites the placeholders with
:func:`pyformat`. Full-text search is not SQL text that differs but two designs (FTS5,
``tsvector``): each backend has its own search module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

__all__ = ["POSTGRES", "SQLITE", "Cursor", "DBConnection", "Dialect", "pyformat"]


class Cursor(Protocol):
    """What the store reads from a query's result (``sqlite3.Cursor``, or psycopg's)."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class DBConnection(Protocol):
    """The connection the shared SQL runs on: ``sqlite3.Connection``, or
    :class:`~pressgraph.store.postgres.connection.PgConnection`. Rows are read by position
    and by column name, and ``dict(row)`` gives the named columns."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Dialect:
    """The SQL fragments that differ between backends."""

    name: str
    #: Opens a write transaction (SQLite: take the one writer lock now).
    begin: str
    #: ``{expr}``, ``{order}``: the JSON array text of ``expr`` over a group's rows.
    json_array: str
    #: ``IS NOT`` for "not equal, NULL being a value".
    is_not: str


SQLITE = Dialect(
    name="sqlite",
    begin="BEGIN IMMEDIATE",
    json_array="json_group_array({expr})",
    is_not="IS NOT",
)

POSTGRES = Dialect(
    name="postgresql",
    begin="BEGIN",
    json_array="json_agg({expr} ORDER BY {order})::text",
    is_not="IS DISTINCT FROM",
)

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=512)
def pyformat(sql: str) -> str:
    """The shared SQL with psycopg's placeholders: ``?`` -> ``%s``, ``:name`` ->
    ``%(name)s``, a literal ``%`` doubled. The shared SQL has no ``?`` nor ``:`` inside a
    string literal."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%").replace("?", "%s"))
