"""Many articles, one graph: dated articles on one deal (French and English, a relay, a wire
reprint, a contradiction, a supersession, several spellings), ingested for real."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pressgraph import pipeline, query
from pressgraph.cli import app
from pressgraph.query import entity_details, find_entity
from pressgraph.store import SQLiteStore, open_store

DATA = Path(__file__).parent.parent / "data" / "multi"
NORVALA = DATA / "norvala.jsonl"
ALIASES = DATA / "aliases.jsonl"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("multi") / "graph.db"
    with open_store(path) as store:
        report = pipeline.run([NORVALA, ALIASES], store)
    assert len(report.stored) == 9 and not report.rejected
    return path


@pytest.fixture()
def store(db: Path) -> Any:
    with open_store(db) as s:
        yield s


def facts_of(store: SQLiteStore, name: str, with_: str | None = None, as_of: str | None = None,
             type_: str | None = None) -> list[Any]:  # fmt: skip
    d = query.dossier(store, name, with_, as_of=as_of)
    return [f for f in d.facts if type_ is None or f.type == type_]


def test_spellings_of_one_company_are_one_entity(store: SQLiteStore) -> None:
    veltrix = find_entity(store, "Veltrix Industries")
    assert veltrix is not None
    for name in ("Veltrix Industries SA", "Veltrix Industries Inc.", "VELTRIX INDUSTRIES"):
        assert find_entity(store, name)["id"] == veltrix["id"]
    assert {"Veltrix Industries SA", "Veltrix Industries Inc"} <= set(veltrix["aliases"])
    assert veltrix["documents"] == 4


def test_acronym_and_descriptor_join_the_full_name(store: SQLiteStore) -> None:
    aig = find_entity(store, "American International Group")
    assert aig is not None and "AIG" in aig["aliases"]
    assert find_entity(store, "AIG")["id"] == aig["id"]
    assert find_entity(store, "l'assureur AIG")["id"] == aig["id"]
    assert aig["documents"] == 2
    details = entity_details(store, "AIG")
    # whichever came first, the other joined it by its acronym
    assert {d["how"] for d in details["documents"]} in (
        {"new", "acronym"},
        {"new", "spelled acronym"},
    )


def test_companies_sharing_a_word_are_not_merged(store: SQLiteStore) -> None:
    fichtel = find_entity(store, "Fichtel und Sachs AG")
    sachs = find_entity(store, "Sachs AG")
    assert fichtel is not None and sachs is not None and fichtel["id"] != sachs["id"]
    assert "Sachs" in fichtel["aliases"]  # the article's own short form is kept


def test_same_fact_reported_by_several_articles(store: SQLiteStore) -> None:
    (investment,) = facts_of(store, "Norvala Energy", "Veltrix Industries", type_="investment")
    assert investment.attributes["amount"] == 500e6 and investment.attributes["currency"] == "EUR"
    assert len(investment.claims) == 3  # Les Echos, Reuters, and the Reuters reprint
    assert {c["outlet"] for c in investment.claims} == {"Les Echos", "Reuters", "MarketWire Daily"}
    # the reprint of the wire story is no independent source
    assert investment.independent_sources == 2
    assert investment.first_reported == "2024-03-04" and investment.last_reported == "2024-03-05"


def test_relayed_source_is_the_original(store: SQLiteStore) -> None:
    valuations = facts_of(store, "Norvala Energy", type_="valuation", as_of="2024-03-10")
    (first,) = valuations
    assert first.attributes["amount"] == 4e9 and first.status == "current"
    assert first.sources == ["Financial Times"] and first.independent_sources == 1
    chain = first.to_dict()["claims"][0]["attribution"]
    assert chain == [
        {"name": "Financial Times", "kind": "source"},
        {"name": "Les Echos", "kind": "relay"},
    ]


def test_contradiction_is_kept_side_by_side(store: SQLiteStore) -> None:
    valuations = facts_of(store, "Norvala Energy", type_="valuation", as_of="2024-12-31")
    assert sorted((f.attributes["amount"], f.status) for f in valuations) == [
        (4e9, "conflicting"),
        (6e9, "conflicting"),
    ]
    four, six = sorted(valuations, key=lambda f: f.attributes["amount"])
    assert four.conflicts_with == [six.id] and six.sources == ["Bloomberg"]


def test_newer_facts_supersede_older_ones(store: SQLiteStore) -> None:
    stakes = {
        f.attributes["percent"]: f
        for f in facts_of(store, "Norvala Energy", "Veltrix Industries", type_="stake")
    }
    assert stakes[35.0].status == "current"
    assert stakes[20.0].status == "superseded" and stakes[20.0].superseded_by == [stakes[35.0].id]
    access = {
        f.attributes["until"]: f
        for f in facts_of(store, "Veltrix Industries", type_="access_right")
    }
    assert access["2035"].status == "current" and access["2030"].status == "superseded"
    valuations = {
        f.attributes["amount"]: f.status
        for f in facts_of(store, "Norvala Energy", type_="valuation")
    }
    assert valuations == {4e9: "superseded", 6e9: "superseded", 9e9: "current"}


def test_as_of_answers_what_the_press_had_reported(store: SQLiteStore) -> None:
    assert facts_of(store, "Norvala Energy", as_of="2024-03-01") == []
    early = facts_of(store, "Norvala Energy", "Veltrix Industries", as_of="2024-06")
    stakes = [(f.attributes["percent"], f.status) for f in early if f.type == "stake"]
    assert stakes == [(20.0, "current")]
    assert [f.attributes["until"] for f in early if f.type == "access_right"] == ["2030"]


def test_report_json_and_timeline_from_the_command_line(db: Path) -> None:
    result = runner.invoke(app, ["report", "Norvala Energy", "--with", "Veltrix Industries SA",
                                 "--as-of", "2025-12-31", "--format", "json",
                                 "--db", str(db)])  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["entity"] == "Norvala Energy" and data["with"] == "Veltrix Industries SA"
    assert data["as_of"] == "2025-12-31"
    statuses = {
        (f["type"], f["percent"] or f["until"] or f["amount"]): f["status"] for f in data["facts"]
    }
    assert statuses[("stake", 35.0)] == "current" and statuses[("stake", 20.0)] == "superseded"
    for fact in data["facts"]:
        assert {"type", "subject", "object", "amount", "currency", "percent", "date", "until",
                "role", "value", "modality", "status", "first_reported", "last_reported",
                "sources", "independent_sources", "claims"} <= set(fact)  # fmt: skip
        for c in fact["claims"]:
            assert {"document", "outlet", "published", "sources", "evidence"} <= set(c)
    timeline = runner.invoke(
        app, ["timeline", "Norvala Energy", "--format", "json", "--db", str(db)]
    )
    assert timeline.exit_code == 0, timeline.output
    rows = json.loads(timeline.stdout)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {"valid", "reported", "until"} <= {r["axis"] for r in rows}
    bad = runner.invoke(app, ["report", "Norvala Energy", "--as-of", "last week", "--db", str(db)])
    # a usage error, before the database is read (exit status 2)
    assert bad.exit_code == 2 and "--as-of" in bad.output and "Traceback" not in bad.output


def _rows(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        tables = ("documents", "entities", "claims", "local_entities", "entity_keys")
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def test_corrections_survive_reingest(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert runner.invoke(app, ["ingest", str(ALIASES), "--db", str(db)]).exit_code == 0
    merged = runner.invoke(
        app, ["entities", "--merge", "Fichtel und Sachs AG", "Sachs AG", "--db", str(db)]
    )
    assert merged.exit_code == 0, merged.output
    split = runner.invoke(
        app, ["entities", "--split", "American International Group", "AIG", "--db", str(db)]
    )
    assert split.exit_code == 0, split.output
    with open_store(db) as store:
        assert find_entity(store, "Sachs AG")["id"] == find_entity(store, "Fichtel und Sachs")["id"]
        assert (
            find_entity(store, "AIG")["id"]
            != find_entity(store, "American International Group")["id"]
        )
    before = _rows(db)
    # the same ingest again changes nothing
    assert runner.invoke(app, ["ingest", str(ALIASES), "--db", str(db)]).exit_code == 0
    assert _rows(db) == before
    # new articles follow the corrections
    later = tmp_path / "later.jsonl"
    later.write_text(
        json.dumps({"id": "later-1", "language": "en", "date": "1987-05-04", "outlet": "Reuters",
                    "text": "Dresdner Bank AG owns 15 pct of Sachs AG, the bank said."}) + "\n"
        + json.dumps({"id": "later-2", "language": "en", "date": "2008-10-01", "outlet": "Reuters",
                      "text": "AIG owns 59 percent of Transatlantic Holdings, the insurer said "
                              "on Wednesday."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    assert runner.invoke(app, ["ingest", str(later), "--db", str(db)]).exit_code == 0
    with open_store(db) as store:
        fichtel = find_entity(store, "Fichtel und Sachs AG")
        assert fichtel["documents"] == 3 and "Sachs AG" in fichtel["aliases"]
        aig = entity_details(store, "AIG")
        assert aig["name"] == "AIG" and len(aig["documents"]) == 2
        assert "AIG" not in find_entity(store, "American International Group")["aliases"]
        kinds = [c["action"] for c in store.corrections()]
    assert kinds[-1] == "split" and "merge" in kinds
    listed = runner.invoke(app, ["entities", "--corrections", "--format", "json", "--db", str(db)])
    assert [c["action"] for c in json.loads(listed.stdout)] == kinds


def test_correction_errors_are_one_line(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    runner.invoke(app, ["ingest", str(ALIASES), "--db", str(db)])
    for args in (["--merge", "Nobody Corp", "Sachs AG"], ["--split", "Sachs AG", "Nothing"],
                 ["--merge", "Sachs AG", "Sachs"]):  # fmt: skip
        result = runner.invoke(app, ["entities", *args, "--db", str(db)])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1
