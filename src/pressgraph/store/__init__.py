"""Store: where extractions are kept and read back.

:class:`Store` is the protocol every backend follows; :class:`SQLiteStore` (one SQLite
file, see :mod:`pressgraph.store.sqlite`) is the default, opened with :func:`open_store`.
The schema and its migrations are in :mod:`pressgraph.store.migrations`.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from pressgraph.model import Extraction
from pressgraph.store.search import SearchResults
from pressgraph.store.sqlite import SQLiteStore, open_readonly, open_store

__all__ = ["SQLiteStore", "Store", "open_readonly", "open_store"]


@runtime_checkable
class Store(Protocol):
    """What the pipeline writes to and the read side (query, report, web) reads from."""

    def has_document(self, doc_id: str) -> bool: ...

    def add(self, extraction: Extraction) -> bool: ...

    def documents(self) -> list[dict[str, Any]]: ...

    def entities(self) -> list[dict[str, Any]]: ...

    def find_entity(self, name: str) -> dict[str, Any] | None: ...

    def claims(
        self, *, entity: str | None = None, with_: str | None = None, type: str | None = None
    ) -> list[dict[str, Any]]: ...

    def search(
        self, text: str, *, type: str | None = None, limit: int = 20, offset: int = 0
    ) -> SearchResults: ...

    def stats(self) -> dict[str, int]: ...

    def close(self) -> None: ...
