"""Migration 6: owners of products. Shipped: never edit."""

from __future__ import annotations

import sqlite3

__all__ = ["_m006_owners"]


def _m006_owners(conn: sqlite3.Connection) -> None:
    """Products, brands and platforms linked to the entity that owns them ("Y" of "X's
    Y cloud"): a fact about the product shows in the owner's dossier."""
    conn.execute("ALTER TABLE entities ADD COLUMN owner_id INTEGER REFERENCES entities(id)")
    conn.execute("CREATE INDEX entities_owner ON entities(owner_id)")
