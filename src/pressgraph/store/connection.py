"""The one connection of a store: its errors, pragmas and transactions.

Every driver error (``sqlite3``, or psycopg's for PostgreSQL) is raised as
:class:`~pressgraph.errors.StoreError` naming the database and the reason; each write is
one transaction (SQLite: ``BEGIN IMMEDIATE`` ... ``COMMIT``). A backend says what differs
through its :class:`~pressgraph.store.dialect.Dialect` and three hooks: its driver's error
classes, what a write transaction takes first (PostgreSQL: an advisory lock), and which
errors are worth running the whole transaction again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Self, TypeVar

from pressgraph.errors import StoreError
from pressgraph.store.dialect import SQLITE, DBConnection, Dialect

__all__ = ["CHUNK", "Connection"]

T = TypeVar("T")

#: Ids bound in one ``IN (...)`` list at most.
CHUNK = 500
#: Times a write transaction is run again after a retryable error (a deadlock or
#: serialisation failure another writer caused), before the error is raised.
RETRIES = 5


class Connection:
    """A store's connection (autocommit mode: transactions are opened here)."""

    dialect: Dialect = SQLITE
    #: The driver's error classes, raised as :class:`StoreError`.
    driver_errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(self, conn: DBConnection, name: str) -> None:
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
        except self.driver_errors as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise StoreError(f"{self.name}: {action} failed ({reason})") from exc

    def pragma(self, name: str) -> Any:
        """The value of ``PRAGMA name`` (``journal_mode``, ``foreign_keys``, ``user_version``)."""
        if not name.isidentifier():
            raise StoreError(f"{self.name}: invalid pragma name {name!r}")
        with self._errors(f"PRAGMA {name}"):
            return self._conn.execute(f"PRAGMA {name}").fetchone()[0]

    def _begin_write(self) -> None:
        """Open a write transaction (and take what it needs first)."""
        self._conn.execute(self.dialect.begin)

    def _retryable(self, exc: BaseException) -> bool:
        """Whether running the whole transaction again may succeed (SQLite: never, its
        writer lock is taken before anything is read)."""
        return False

    def _transaction(self, action: str, work: Callable[[], T]) -> T:
        """Run ``work`` in one write transaction, rolled back on any error (and run again,
        whole, after a retryable one); an error that is not a :class:`StoreError` is
        raised as one naming ``action``."""
        conn = self._conn
        with self._errors(action):
            for attempt in range(RETRIES + 1):
                self._begin_write()
                try:
                    result = work()
                except self.driver_errors as exc:
                    conn.execute("ROLLBACK")
                    if attempt < RETRIES and self._retryable(exc):
                        continue
                    raise
                except StoreError:
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
                try:
                    conn.execute("COMMIT")
                except self.driver_errors as exc:
                    if attempt < RETRIES and self._retryable(exc):
                        continue
                    raise
                return result
        raise StoreError(f"{self.name}: {action} failed (retried {RETRIES} times)")
