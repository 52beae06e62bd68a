"""CSV and Parquet: the tables of :mod:`pressgraph.export.rows`, one file each.

CSV (RFC 4180 as Python's :mod:`csv` writes it: UTF-8, comma, double quotes doubled,
``\\r\\n`` between rows, fields with line breaks quoted): an empty cell is a missing value,
booleans are ``true``/``false``, lists and chains are JSON arrays (so a name holding a
comma or a semicolon stays one item). Parquet (pyarrow, imported when used): the same
columns with their types, lists as list columns, chains as lists of structs.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from pressgraph.errors import ConfigError

__all__ = ["arrow_table", "csv_text", "require_pyarrow"]

_LISTS = {"strs", "ints", "chain", "chains", "arguments"}


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind in _LISTS:
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    return str(value)


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> str:
    """One CSV file: a header row of column names, then one row per item."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([_cell(row.get(name), kind) for name, kind in columns])
    return buffer.getvalue()


def require_pyarrow() -> Any:
    """The ``pyarrow`` module, or one clear error naming the extra that installs it."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401 (the writer is a submodule)
    except ImportError as exc:
        raise ConfigError(
            "--format parquet needs pyarrow: pip install 'pressgraph[export]'"
        ) from exc
    return pyarrow


def _arrow_type(pa: Any, kind: str) -> Any:
    link = pa.struct([("name", pa.string()), ("kind", pa.string()), ("entity_id", pa.int64())])
    argument = pa.struct(
        [("role", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
    )
    return {
        "str": pa.string(),
        "float": pa.float64(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "strs": pa.list_(pa.string()),
        "ints": pa.list_(pa.int64()),
        "chain": pa.list_(link),
        "chains": pa.list_(pa.list_(link)),
        "arguments": pa.list_(argument),
    }[kind]


def arrow_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> Any:
    """One ``pyarrow.Table`` with an explicit schema (so an empty table keeps its types)."""
    pa = require_pyarrow()
    schema = pa.schema([(name, _arrow_type(pa, kind)) for name, kind in columns])
    data = {name: [row.get(name) for row in rows] for name, _ in columns}
    return pa.table(data, schema=schema)
