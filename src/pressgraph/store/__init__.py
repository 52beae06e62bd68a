"""Store: where extractions are kept and read back.

:class:`Store` (:mod:`pressgraph.store.protocol`) is the protocol every backend follows
and everyone else is typed against; :class:`SQLiteStore` (one SQLite file, see
:mod:`pressgraph.store.sqlite`) is the default, and :mod:`pressgraph.store.postgres` the
store of teams (a ``postgresql://`` URL); :func:`open_store` opens either. The schema
and its migrations are in :mod:`pressgraph.store.migrations`. The store decides nothing
about entities: the resolution stage (:mod:`pressgraph.resolve.stage`) does, inside the
store's write transaction, through the narrow :class:`KeyIndex` / :class:`WriteIndex`.
"""

from __future__ import annotations

from pressgraph.store.protocol import KeyIndex, Resolver, Store, WriteIndex
from pressgraph.store.sqlite import SQLiteStore
from pressgraph.store.targets import is_database_url, open_readonly, open_store

__all__ = [
    "KeyIndex",
    "Resolver",
    "SQLiteStore",
    "Store",
    "WriteIndex",
    "is_database_url",
    "open_readonly",
    "open_store",
]
