"""Migration 7: amount kinds and changes of level. Shipped: never edit."""

from __future__ import annotations

import sqlite3

__all__ = ["_m007_changes"]


_SCHEMA_7 = (
    # What a claim's amount counts: 'total', 'per_share' or 'per_unit' (model.AmountKind);
    # NULL for claims stored before it was read, whose kind is unknown.
    "ALTER TABLE claims ADD COLUMN amount_kind TEXT"
    " CHECK (amount_kind IN ('total', 'per_share', 'per_unit'))",
    # The level a change started from ("to 7.7 pct from 6.3 pct": percent 7.7, previous 6.3).
    "ALTER TABLE claims ADD COLUMN previous_amount REAL",
    "ALTER TABLE claims ADD COLUMN previous_percent REAL",
)


def _m007_changes(conn: sqlite3.Connection) -> None:
    """Claims say what their amount counts and the former level of a change; claims stored
    before keep NULL there (read again to fill them)."""
    for statement in _SCHEMA_7:
        conn.execute(statement)
