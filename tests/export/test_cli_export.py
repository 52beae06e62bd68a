"""``pressgraph export`` end to end (CliRunner), and its bad inputs: one line each."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from pressgraph.cli import app

runner = CliRunner()


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _flat(text: str) -> str:
    """Click's usage error as one line (rich draws it in a box, wrapped)."""
    return " ".join(text.replace("│", " ").split())


def test_graphml_goes_to_stdout_without_out(graph_db: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "graphml", "--db", str(graph_db)])
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(io.BytesIO(result.stdout_bytes), force_multigraph=True)
    assert "OpenAI" in {d["name"] for _, d in g.nodes(data=True)}


def test_entity_restricts_the_export(graph_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "openai.graphml"
    args = ["export", "--format", "graphml", "--entity", "OpenAI", "--out", str(out)]
    result = runner.invoke(app, [*args, "--db", str(graph_db)])
    assert result.exit_code == 0, result.output
    assert "exported" in result.stderr and str(out) in result.stderr
    g = nx.read_graphml(out, force_multigraph=True)
    names = {n: d["name"] for n, d in g.nodes(data=True)}
    openai = next(n for n, name in names.items() if name == "OpenAI")
    products = {n for n, d in g.nodes(data=True) if d.get("owner") == "OpenAI"}
    for source, target in g.edges():
        assert {source, target} & ({openai} | products), (names[source], names[target])
    assert "Norvala Energy" not in names.values()


@pytest.mark.parametrize("fmt", ["csv", "parquet", "neo4j"])
def test_folder_formats_write_into_out(graph_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "new" / fmt
    result = runner.invoke(
        app, ["export", "--format", fmt, "--out", str(out), "--db", str(graph_db)]
    )
    assert result.exit_code == 0, result.output
    assert {p.suffix for p in out.iterdir()} == {".csv" if fmt != "parquet" else ".parquet"}
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staged file left
    if fmt == "neo4j":
        assert "neo4j-admin database import full" in result.stderr


def test_unknown_format_exits_2(graph_db: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xml", "--db", str(graph_db)])
    assert result.exit_code == 2
    assert "'xml' is not one of 'graphml', 'neo4j', 'jsonld', 'csv', 'parquet'" in _flat(
        result.output
    )


def test_folder_format_needs_out(graph_db: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--db", str(graph_db)])
    assert result.exit_code == 2
    assert "--format csv writes several files: give a folder" in _flat(result.output)


def test_missing_database_is_one_line_and_not_created(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = runner.invoke(app, ["export", "--format", "jsonld", "--db", str(db)])
    assert result.exit_code == 1
    assert _lines(result.stderr) == [
        f"error: {db}: no database there (no such file); `pressgraph ingest` makes one"
    ]
    assert not db.exists()


def test_unknown_entity_is_one_line(graph_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonld"
    args = ["export", "--format", "jsonld", "--entity", "Nobody Corp", "--out", str(out)]
    result = runner.invoke(app, [*args, "--db", str(graph_db)])
    assert result.exit_code == 1
    assert _lines(result.stderr) == ["error: no entity named 'Nobody Corp' in the store"]
    assert not out.exists()


def test_missing_pyarrow_names_the_extra(
    graph_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    out = tmp_path / "pq"
    result = runner.invoke(
        app, ["export", "--format", "parquet", "--out", str(out), "--db", str(graph_db)]
    )
    assert result.exit_code == 1
    assert _lines(result.stderr) == [
        "error: --format parquet needs pyarrow: pip install 'pressgraph[export]'"
    ]
    assert not out.exists()


def test_a_file_where_a_folder_is_needed(graph_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "file.txt"
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(
        app, ["export", "--format", "csv", "--out", str(out), "--db", str(graph_db)]
    )
    assert result.exit_code == 1
    assert _lines(result.stderr) == [
        f"error: {out}: --format csv writes several files: --out must be a folder"
    ]
    assert out.read_text(encoding="utf-8") == "keep me"


def test_export_is_documented() -> None:
    root = Path(__file__).parents[2]
    assert "`pressgraph export" in (root / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "### Exports" in (root / "README.md").read_text(encoding="utf-8")


def test_the_commands_formats_are_the_exporters() -> None:
    from typing import get_args

    from pressgraph import export as exports
    from pressgraph.cli import export as command

    assert list(get_args(command.Format)) == list(exports.FORMATS)
    assert set(command.FOLDER_FORMATS) == exports.FOLDER_FORMATS
