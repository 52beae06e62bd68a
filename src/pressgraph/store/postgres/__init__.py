"""The PostgreSQL store (``--db postgresql://USER@HOST:PORT/DB``), for teams: several
writers and readers on one database. Needs psycopg 3: ``pip install
'pressgraph[postgres]'``; nothing here is imported until such a URL is opened."""

from __future__ import annotations

from pressgraph.store.postgres.store import PostgresStore, open_postgres

__all__ = ["PostgresStore", "open_postgres"]
