"""Writing an export: one file (or stdout) for GraphML and JSON-LD, a folder of files for
Neo4j, CSV and Parquet. Files are written beside their destination and renamed into place
once all are written, so a failed export leaves no half-written file behind."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pressgraph.errors import ConfigError, ExportError
from pressgraph.export.graph import Graph
from pressgraph.export.rows import TABLES, tables

__all__ = ["FOLDER_FORMATS", "FORMATS", "Written", "render", "write"]

#: Every format, and the name of its file when it is one file.
FORMATS: Mapping[str, str | None] = {
    "graphml": "pressgraph.graphml",
    "neo4j": None,
    "jsonld": "pressgraph.jsonld",
    "csv": None,
    "parquet": None,
}
FOLDER_FORMATS = frozenset(f for f, name in FORMATS.items() if name is None)


@dataclass(frozen=True)
class Written:
    """What an export wrote: its files (empty for stdout) and what they hold."""

    files: list[Path]
    entities: int
    facts: int
    claims: int


def _graphml(graph: Graph) -> dict[str, bytes]:
    from pressgraph.export.graphml import to_graphml

    return {"pressgraph.graphml": to_graphml(graph)}


def _jsonld(graph: Graph) -> dict[str, bytes]:
    from pressgraph.export.jsonld import to_jsonld

    text = json.dumps(to_jsonld(graph), ensure_ascii=False, indent=2) + "\n"
    return {"pressgraph.jsonld": text.encode("utf-8")}


def _neo4j(graph: Graph) -> dict[str, bytes]:
    from pressgraph.export.neo4j import neo4j_files

    return {name: text.encode("utf-8") for name, text in neo4j_files(graph).items()}


def _csv(graph: Graph) -> dict[str, bytes]:
    from pressgraph.export.tables import csv_text

    rows = tables(graph)
    return {
        f"{name}.csv": csv_text(rows[name], columns).encode("utf-8") for name, columns in TABLES
    }


def _parquet(graph: Graph) -> dict[str, bytes]:
    from pressgraph.export.tables import arrow_table, require_pyarrow

    pa = require_pyarrow()
    rows = tables(graph)
    out = {}
    for name, columns in TABLES:
        sink = pa.BufferOutputStream()
        pa.parquet.write_table(arrow_table(rows[name], columns), sink)
        out[f"{name}.parquet"] = sink.getvalue().to_pybytes()
    return out


_RENDER: Mapping[str, Callable[[Graph], dict[str, bytes]]] = {
    "graphml": _graphml,
    "neo4j": _neo4j,
    "jsonld": _jsonld,
    "csv": _csv,
    "parquet": _parquet,
}


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return fmt


def render(graph: Graph, fmt: str) -> dict[str, bytes]:
    """File name -> content of the export of ``graph`` in ``fmt``."""
    return _RENDER[check_format(fmt)](graph)


def _destinations(fmt: str, out: Path, names: list[str]) -> list[Path]:
    single = FORMATS[fmt]
    if single is not None:
        return [out / single] if out.is_dir() else [out]
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: --format {fmt} writes several files: --out must be a folder")
    return [out / name for name in names]


def write(graph: Graph, fmt: str, out: Path) -> Written:
    """Write the export of ``graph`` to ``out`` (a file, or a folder created if needed)."""
    files = render(graph, fmt)
    targets = _destinations(fmt, out, list(files))
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
        staged: list[tuple[str, Path]] = []
        try:
            for target, content in zip(targets, files.values(), strict=True):
                handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
                staged.append((temp, target))
                with os.fdopen(handle, "wb") as stream:
                    stream.write(content)
            for temp, target in staged:
                os.replace(temp, target)
        finally:
            for temp, _ in staged:
                if os.path.exists(temp):
                    os.unlink(temp)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write the export ({exc.strerror or exc})") from exc
    return Written(targets, len(graph.entities), len(graph.facts), count_claims(graph))


def count_claims(graph: Graph) -> int:
    return sum(len(f.claims) for f in graph.facts)
