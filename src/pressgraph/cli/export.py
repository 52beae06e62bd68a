"""The ``export`` command: the graph (or one entity's part of it) as GraphML, Neo4j import
files, JSON-LD, CSV or Parquet."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.markup import escape

from pressgraph.cli.app import DbOption, app, err, existing_db

#: The formats, as ``pressgraph.export.FORMATS`` names them (checked by a test); folder
#: formats write several files.
Format = Literal["graphml", "neo4j", "jsonld", "csv", "parquet"]
FOLDER_FORMATS = ("neo4j", "csv", "parquet")


def _to_stdout(content: bytes) -> None:
    """Write the document to stdout; a reader that stops early (``| head``) ends it quietly."""
    try:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would report the pipe again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


@app.command("export")
def export_cmd(
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            help="graphml, jsonld (one file), neo4j, csv or parquet (a folder of files).",
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File (graphml, jsonld; default: stdout) or folder (neo4j, csv, parquet).",
        ),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option("--entity", help="Only this entity's facts and the entities they touch."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the graph: entities, facts with their statuses and sources, and each claim
    with its article, evidence and attribution chain."""
    if out is None and fmt in FOLDER_FORMATS:
        raise typer.BadParameter(
            f"--format {fmt} writes several files: give a folder", param_hint="'--out'"
        )
    from pressgraph import export as exports
    from pressgraph.store import open_store

    with open_store(existing_db(db)) as store:
        graph = exports.read_graph(store, entity)
    if out is None:
        (content,) = exports.render(graph, fmt).values()
        _to_stdout(content)
        return
    written = exports.write(graph, fmt, out)
    where = str(out) if fmt in FOLDER_FORMATS else str(written.files[0])
    err.print(
        escape(
            f"exported {written.entities} entities, {written.facts} facts, {written.claims} "
            f"claims ({fmt}) -> {where}"
        )
    )
    if fmt == "neo4j":
        from pressgraph.export.neo4j import import_command

        err.print(escape(f"load with: {import_command(str(out.resolve()))}"), soft_wrap=True)
