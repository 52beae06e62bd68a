"""The PostgreSQL store itself: opening by URL, its schema and migrations, read-only
sessions, errors in one line, and every command with ``--db postgresql://...`` giving what
it gives on SQLite (the store tests run on both backends: ``store_target``)."""

from __future__ import annotations

import contextlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from pressgraph.cli import app, sample_paths
from pressgraph.errors import ConfigError, SearchError, StoreError
from pressgraph.model import Document, Entity, Extraction, Mention
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import Store, is_database_url, open_readonly, open_store

runner = CliRunner()


def _extraction(text: str = "Acme Corp signed an agreement with Globex SA.") -> Extraction:
    names = ("Acme Corp", "Globex SA")
    mentions = tuple(
        Mention(n, text.index(n), text.index(n) + len(n), n, "ORG", "name") for n in names
    )
    doc = Document.from_text(text, language="en", source="t.txt")
    return Extraction(doc, "en", tuple(Entity(n, "ORG") for n in names), mentions, ())


def test_a_url_opens_a_postgres_store_with_the_latest_schema(pg_url: str) -> None:
    from pressgraph.store.postgres import PostgresStore
    from pressgraph.store.postgres.migrations import latest_version

    assert is_database_url(pg_url) and not is_database_url(Path("postgresql:/x"))
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore) and isinstance(store, Store)
        assert store.add(_extraction(), RESOLUTION)
        assert not store.add(_extraction(), RESOLUTION)  # the same article, once
        rows = store._conn.execute("SELECT version FROM migrations").fetchall()
        assert [r[0] for r in rows] == [latest_version()] == [7]
    with open_store(pg_url) as store:  # reopening migrates nothing again
        assert len(store._conn.execute("SELECT * FROM migrations").fetchall()) == 1
        assert store.stats()["documents"] == 1


def test_a_read_only_session_reads_and_refuses_writes(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.add(_extraction(), RESOLUTION)
    with open_readonly(pg_url) as store:
        assert [e["name"] for e in store.entities()] == ["Acme Corp", "Globex SA"]
        with pytest.raises(StoreError, match="read-only transaction") as refused:
            store.add(_extraction("Globex SA bought Acme Corp at last."), RESOLUTION)
        assert store.cannot_write(refused.value)


def test_read_only_on_an_empty_database_says_so(pg_url: str) -> None:
    with pytest.raises(StoreError, match="not a pressgraph database"):
        open_readonly(pg_url)


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as failed:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/nowhere")
    message = str(failed.value)
    assert "s3cret" not in message and "\n" not in message
    assert message.startswith("postgresql://someone:***@127.0.0.1:1/nowhere: cannot open")


def test_without_psycopg_one_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(ConfigError, match=re.escape("pip install 'pressgraph[postgres]'")):
        open_store("postgresql://someone@127.0.0.1:1/nowhere")


def _normalised(output: str) -> Any:
    data = json.loads(output)
    text = json.dumps(data, sort_keys=True)
    return re.sub(r'"ingested_at": "[^"]*"', "", text)


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, postgres: Any) -> tuple[str, str]:
    """The bundled samples ingested into a SQLite file and a PostgreSQL database."""
    db = str(tmp_path_factory.mktemp("both") / "graph.db")
    url = str(postgres.new_database())
    for target in (db, url):
        paths = [str(p) for p in sample_paths()]
        result = runner.invoke(app, ["ingest", *paths, "--db", target])
        assert result.exit_code == 0, result.output
    return db, url


@pytest.mark.parametrize(
    "args",
    [
        ["entities", "--format", "json"],
        ["entities", "--show", "OpenAI", "--format", "json"],
        ["facts", "--format", "json"],
        ["report", "OpenAI", "--format", "json"],
        ["report", "Microsoft", "--with", "OpenAI", "--as-of", "2024-01-01", "--format", "json"],
        ["timeline", "OpenAI", "--format", "json"],
    ],
)
def test_every_read_gives_what_sqlite_gives(both: tuple[str, str], args: list[str]) -> None:
    db, url = both
    on_sqlite = runner.invoke(app, [*args, "--db", db])
    on_postgres = runner.invoke(app, [*args, "--db", url])
    assert on_sqlite.exit_code == on_postgres.exit_code == 0, on_postgres.output
    assert _normalised(on_postgres.output) == _normalised(on_sqlite.output)


def test_search_finds_the_same_entities_and_documents(both: tuple[str, str]) -> None:
    db, url = both
    for words in ("openai", "Microsoft", "societe", "Micro"):
        found = [
            json.loads(runner.invoke(app, ["search", words, "--format", "json", "--db", t]).output)
            for t in (db, url)
        ]
        sqlite, postgres = found
        assert [e["name"] for e in postgres["entities"]] == [e["name"] for e in sqlite["entities"]]
        assert {d["id"] for d in postgres["documents"]} == {d["id"] for d in sqlite["documents"]}
        for hit in postgres["documents"]:
            assert any(s["match"] for s in hit["snippet"]) or words.lower() in (
                (hit["title"] or "").lower()
            )


def test_prefix_accents_and_hostile_queries(pg_url: str) -> None:
    text = "La Société Générale a racheté Airbus. AT&T aussi."
    names = ("Société Générale", "Airbus", "AT&T")
    mentions = tuple(
        Mention(n, text.index(n), text.index(n) + len(n), n, "ORG", "name") for n in names
    )
    doc = Document.from_text(text, language="fr", source="t.txt", title="Société Générale")
    with open_store(pg_url) as store:
        store.add(Extraction(doc, "fr", tuple(Entity(n, "ORG") for n in names), mentions, ()),
                  RESOLUTION)  # fmt: skip
        assert [e.name for e in store.search("societe generale").entities] == ["Société Générale"]
        assert [e.name for e in store.search("Airb").entities] == ["Airbus"]
        assert [e.name for e in store.search("at&t").entities] == ["AT&T"]
        for hostile in ("'", "a:*", "!(", "a & | b", '"x" OR y', "\\", "NEAR(a b)"):
            with contextlib.suppress(SearchError):  # a clean error, never a tsquery one
                store.search(hostile)
        snippet = store.search("generale").documents[0].snippet
        assert [s.text for s in snippet if s.match] == ["Générale"]


def test_merge_split_env_export_and_serve(
    both: tuple[str, str], postgres: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _, url = both
    copy = str(postgres.new_database())
    paths = [str(p) for p in sample_paths()]
    monkeypatch.setenv("PRESSGRAPH_DB", copy)
    assert runner.invoke(app, ["ingest", *paths]).exit_code == 0
    merged = runner.invoke(app, ["entities", "--merge", "OpenAI", "Microsoft"])
    assert merged.exit_code == 0, merged.output
    shown = json.loads(
        runner.invoke(app, ["entities", "--show", "OpenAI", "--format", "json"]).output
    )
    assert "Microsoft" in {d["names"][0] for d in shown["documents"]} | set(shown["aliases"])
    split = runner.invoke(app, ["entities", "--split", "OpenAI", "Microsoft"])
    assert split.exit_code == 0, split.output
    out = tmp_path / "graph.jsonld"
    exported = runner.invoke(app, ["export", "--format", "jsonld", "--out", str(out)])
    assert exported.exit_code == 0 and "OpenAI" in out.read_text(encoding="utf-8")
    from pressgraph.web.app import create_app

    client = TestClient(create_app(url, host="127.0.0.1"), base_url="http://127.0.0.1")
    page = client.get("/entity/OpenAI", params={"format": "json"})
    assert page.status_code == 200 and "OpenAI" in page.text
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("Société Générale", "('societe') & ('generale':*)"),
        ("AT&T", "('at' <-> 't')"),
        ("airb", "('airb':*)"),
        ("SG ab", "('sg') & ('ab')"),
        ("l'assureur 'x' OR y", "('l' <-> 'assureur') & ('x') & ('or') & ('y')"),
    ],
)
def test_what_is_typed_is_tokens_of_a_tsquery(typed: str, query: str) -> None:
    from pressgraph.store.postgres.search import ts_query

    assert ts_query(typed) == query


def test_folding_and_snippets() -> None:
    from pressgraph.store.postgres.search import fold, snippet

    assert fold("Société Générale, l'ŒUVRE_x") == "societe generale  l œuvre x"
    words = " ".join(f"w{n}" for n in range(60))
    text = words + " Générale " + words
    cut = snippet(text, lambda w: fold(w) == "generale")
    assert cut[0].text.startswith("\u2026") and cut[-1].text.endswith("\u2026")
    assert [s.text for s in cut if s.match] == ["Générale"]
    assert snippet("short Airbus text", lambda w: w == "Airbus")[0].text == "short "
