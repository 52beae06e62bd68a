"""psycopg 3, behind the connection the shared SQL expects.

:class:`PgConnection` runs the store's portable SQL (``?`` placeholders, see
:mod:`pressgraph.store.dialect`) on a psycopg connection in autocommit mode (the store
opens its transactions itself), and gives rows that read like ``sqlite3.Row``: by position,
by column name, and ``dict(row)``. psycopg is imported here only, when a PostgreSQL URL is
opened: ``pip install 'pressgraph[postgres]'``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pressgraph.errors import ConfigError
from pressgraph.store.dialect import pyformat

if TYPE_CHECKING:
    import psycopg

__all__ = ["PgConnection", "Row", "import_psycopg"]


def import_psycopg() -> Any:
    """The psycopg module, or one clear error naming the extra that installs it."""
    try:
        import psycopg
    except ImportError as exc:
        raise ConfigError(
            "a postgresql:// database needs psycopg 3: pip install 'pressgraph[postgres]'"
        ) from exc
    return psycopg


class Row(tuple[Any, ...]):
    """A result row read by position or by column name (like ``sqlite3.Row``)."""

    _names: tuple[str, ...] = ()

    def keys(self) -> tuple[str, ...]:
        return self._names

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = tuple(column.name for column in cursor.description or ())

    def make(values: Sequence[Any]) -> Row:
        row = Row(values)
        row._names = names
        return row

    return make


class PgConnection:
    """A psycopg connection running the store's shared SQL."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.raw = conn

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        cursor = self.raw.cursor(row_factory=_row_factory)
        cursor.execute(pyformat(sql), parameters if parameters else None)
        return cursor

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        cursor = self.raw.cursor(row_factory=_row_factory)
        rows = list(parameters)
        if rows:
            cursor.executemany(pyformat(sql), rows)
        return cursor

    def close(self) -> None:
        self.raw.close()
