"""``pressgraph search`` end to end: real articles ingested by the command line, then
searched in both formats; hostile queries and hostile article text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressgraph.cli import app
from pressgraph.model import Document, Entity, Extraction
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import open_store
from pressgraph.terminal import terminal_text

runner = CliRunner()

ARTICLES = {
    "airbus.en.txt": (
        "Airbus wins record order from IndiGo\n\n"
        "Airbus said on Tuesday that IndiGo had ordered 500 A320neo jets, the largest single "
        "order in the history of commercial aviation. Airbus shares rose 2 pct in Paris, and "
        "analysts said the order secured Airbus production lines well into the next decade.\n"
    ),
    "boeing.en.txt": (
        "Boeing names new chief executive\n\n"
        "Boeing Co said on Wednesday that Kelly Ortberg would become its chief executive, as "
        "the planemaker tries to recover from safety crises that have cost it market share to "
        "its European rival Airbus.\n"
    ),
    "socgen.fr.txt": (
        "Société Générale cède sa filiale marocaine\n\n"
        "Société Générale a annoncé lundi la cession de sa filiale marocaine au groupe Saham "
        "pour 745 millions d'euros, selon Les Echos. La banque poursuit le recentrage de ses "
        "activités en Afrique engagé par son directeur général Slawomir Krupa.\n"
    ),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "graph.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def search(db: Path, *args: str) -> tuple[int, str]:
    """Exit code and output of ``pressgraph search --db DB ARGS``, on a terminal wide enough
    that no table cell wraps."""
    result = runner.invoke(app, ["search", "--db", str(db), *args], env={"COLUMNS": "300"})
    return result.exit_code, result.output


def test_search_json_shape_and_ranking(db: Path) -> None:
    code, output = search(db, "airbus", "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    assert set(data) == {"query", "match", "type", "limit", "offset", "entities", "documents"}
    assert data["query"] == "airbus" and data["match"] == '"airbus"*' and data["limit"] == 20
    titles = [d["title"] for d in data["documents"]]
    assert titles == ["Airbus wins record order from IndiGo", "Boeing names new chief executive"]
    for doc in data["documents"]:
        assert set(doc) == {"id", "title", "outlet", "published", "url", "language", "snippet",
                            "score"}  # fmt: skip
        assert all(set(part) == {"text", "match"} for part in doc["snippet"])
        assert [p["text"] for p in doc["snippet"] if p["match"]][0] == "Airbus"
    for entity in data["entities"]:
        assert set(entity) == {"id", "name", "type", "aliases", "matched", "documents",
                               "claims", "mentions", "score"}  # fmt: skip


def test_search_table_finds_accented_names_without_accents(db: Path) -> None:
    code, output = search(db, "societe generale")
    assert code == 0, output
    assert "Société Générale cède sa filiale marocaine" in output
    assert "Airbus" not in output


def test_search_an_entity_by_type(db: Path) -> None:
    code, output = search(db, "krupa", "--type", "PERSON", "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    assert [e["name"] for e in data["entities"]] == ["Slawomir Krupa"]
    assert data["documents"] == [] and data["type"] == "PERSON"
    code, output = search(db, "airbus", "--type", "document", "--limit", "1", "--format", "json")
    assert [d["title"] for d in json.loads(output)["documents"]] == [
        "Airbus wins record order from IndiGo"
    ]


@pytest.mark.parametrize(
    "text", ['"', "*", "NEAR(", "x -", "OR", "'; DROP TABLE documents; --", "a AND (b", "-"]
)
def test_hostile_queries_exit_cleanly(db: Path, text: str) -> None:
    code, output = search(db, text)
    assert code in (0, 1) and "Traceback" not in output
    if code == 1:
        assert output.startswith("error: nothing to search for") and output.count("\n") == 1


def test_a_search_for_nothing_is_a_one_line_error(db: Path) -> None:
    code, output = search(db, "  ")
    assert code == 1 and output.startswith("error: nothing to search for")
    assert output.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["Airbus", "--type", "company"], ["ORG", "PERSON", "PRODUCT", "PLACE", "document"]),
        (["Airbus", "--format", "xml"], ["table", "json"]),
    ],
)
def test_an_unknown_type_or_format_is_a_usage_error(
    db: Path, args: list[str], allowed: list[str]
) -> None:
    code, output = search(db, *args)
    assert code == 2 and "Traceback" not in output
    assert all(repr(value) in output or value in output for value in allowed), output


def test_search_types_in_any_case(db: Path) -> None:
    code, output = search(db, "airbus", "--type", "org", "--format", "json")
    assert code == 0 and json.loads(output)["documents"] == []
    code, output = search(db, "airbus", "--type", "Documents", "--format", "json")
    assert code == 0 and json.loads(output)["entities"] == []


def test_a_query_that_starts_with_a_dash(db: Path) -> None:
    code, output = search(db, "--", "-Airbus")
    assert code == 0 and "Airbus wins record order from IndiGo" in output


def test_nothing_found_says_so(db: Path) -> None:
    code, output = search(db, "Zeppelin")
    assert code == 0 and output.strip() == "nothing matches 'Zeppelin'"


def test_article_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    text = (
        "Nvidia [bold red]gagne[/] du terrain \x1b[31mface à AMD\x1b[0m, "
        "selon \u202eSRETUER\u202c :thumbs_up: [link=http://x]ici[/link]."
    )
    db = tmp_path / "g.db"
    with open_store(db) as store:
        doc = Document.from_text(text, title="Nvidia [i]et\x07 AMD", outlet="Le \x9bMonde")
        store.add(Extraction(doc, "fr", (Entity("Nvidia [x]", "ORG"),), (), ()), RESOLUTION)
    code, output = search(db, "nvidia")
    assert code == 0, output
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "👍"):
        assert bad not in output
    # markup, emoji codes and links are shown as written; escapes and bidi controls visibly
    shown = r"Nvidia [bold red]gagne[/] du terrain \x1b[31mface à AMD\x1b[0m, selon"
    assert shown + r" \u202eSRETUER\u202c :thumbs_up: [link=http://x]ici[/link]." in output
    assert "Nvidia [x]" in output and r"Nvidia [i]et\x07 AMD" in output
    assert r"Le \x9bMonde" in output


def test_terminal_text_shows_control_characters() -> None:
    assert terminal_text("a\x1b[31mb\u202ec\nd") == r"a\x1b[31mb\u202ec\nd"
    assert terminal_text("a\nb\tc", prose=True) == "a b c"
    assert terminal_text(None) == ""
    assert terminal_text("Société Générale") == "Société Générale"
