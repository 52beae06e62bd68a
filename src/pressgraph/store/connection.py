"""The one connection of a SQLite store: its errors, pragmas and transactions.

Every ``sqlite3`` error is raised as :class:`~pressgraph.errors.StoreError` naming the
database and the reason; each write is one ``BEGIN IMMEDIATE`` ... ``COMMIT`` transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Self, TypeVar

from pressgraph.errors import StoreError

__all__ = ["CHUNK", "Connection"]

T = TypeVar("T")

#: Ids bound in one ``IN (...)`` list at most.
CHUNK = 500


class Connection:
    """A store's SQLite connection (autocommit mode: transactions are opened here)."""

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        self._conn = conn
        self.name = name

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.name}: {action} failed ({exc})") from exc

    def pragma(self, name: str) -> Any:
        """The value of ``PRAGMA name`` (``journal_mode``, ``foreign_keys``, ``user_version``)."""
        if not name.isidentifier():
            raise StoreError(f"{self.name}: invalid pragma name {name!r}")
        with self._errors(f"PRAGMA {name}"):
            return self._conn.execute(f"PRAGMA {name}").fetchone()[0]

    def _transaction(self, action: str, work: Callable[[], T]) -> T:
        """Run ``work`` in one ``BEGIN IMMEDIATE`` transaction, rolled back on any error; an
        error that is not a :class:`StoreError` is raised as one naming ``action``."""
        conn = self._conn
        with self._errors(action):
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = work()
            except (sqlite3.Error, StoreError):
                conn.execute("ROLLBACK")
                raise
            except Exception as exc:
                conn.execute("ROLLBACK")
                raise StoreError(
                    f"{self.name}: {action} failed ({type(exc).__name__}: {exc})"
                ) from exc
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return result
