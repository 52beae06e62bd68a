"""`pressgraph demo` tells the founding article's whole story (issue 13), from the bundled
samples read by the real pipeline: OpenAI's dossier, then the Microsoft–OpenAI relationship."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressgraph.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo") / "demo.db"


@pytest.fixture(scope="module")
def demo_md(demo_db: Path) -> str:
    result = runner.invoke(app, ["demo", "--db", str(demo_db), "--format", "md"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def demo_json(demo_db: Path, demo_md: str) -> dict:
    result = runner.invoke(app, ["demo", "--db", str(demo_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _facts(demo_json: dict, index: int) -> list[dict]:
    return demo_json["dossiers"][index]["facts"]


def test_demo_shows_the_entity_then_the_relationship(demo_json: dict) -> None:
    first, second = demo_json["dossiers"]
    assert first["entity"] == "OpenAI" and first["with"] is None
    assert {second["entity"], second["with"]} == {"Microsoft", "OpenAI"}


def test_valuation_with_its_chain(demo_md: str, demo_json: dict) -> None:
    (fact,) = [
        f for f in _facts(demo_json, 0) if f["type"] == "valuation" and f["status"] == "current"
    ]
    assert fact["amount"] == 260e9 and fact["currency"] == "USD"
    (claim,) = fact["claims"]
    assert [(s["name"], s["kind"]) for s in claim["attribution"]] == [
        ("Financial Times", "source"),
        ("Les Echos", "relay"),
    ]
    assert "according to Financial Times, relayed by Les Echos" in demo_md


def test_the_english_samples_valuation_is_history(demo_json: dict) -> None:
    (old,) = [
        f for f in _facts(demo_json, 0) if f["type"] == "valuation" and f["status"] == "superseded"
    ]
    assert old["amount"] == 157e9


def test_plans_partners_infrastructure_and_supplier(demo_json: dict) -> None:
    facts = _facts(demo_json, 0)
    planned = {(f["type"], f.get("value")) for f in facts if f["modality"] == "planned"}
    assert ("legal_form", "public benefit corporation") in planned
    assert ("ipo", None) in planned
    partners = {f["object"] for f in facts if f["type"] == "partnership"}
    assert {"SoftBank", "Oracle", "CoreWeave"} <= partners
    assert ("infrastructure", "Stargate") in {(f["type"], f.get("object")) for f in facts}
    assert any(f["type"] == "supplier" and "Azure" in f["object"] for f in facts)


def test_azure_is_microsofts(demo_json: dict) -> None:
    pair = demo_json["dossiers"][1]
    owner = pair if pair["entity"] == "Microsoft" else None
    assert owner is not None and "Azure" in owner["products"]


def test_the_hedged_stake_sale_and_what_it_trades(demo_md: str, demo_json: dict) -> None:
    (sale,) = [f for f in _facts(demo_json, 1) if f["type"] == "divestment"]
    assert sale["modality"] == "hedged"
    (claim,) = sale["claims"]
    traded = [a["text"] for a in claim["arguments"] if a["role"] == "consideration"]
    assert traded and "droit d'accès" in traded[0] and "2030" in traded[0]
    assert "in exchange for: un droit d'accès" in demo_md


def test_a_refusal_to_comment_asserts_nothing(demo_json: dict) -> None:
    """ "Microsoft ... would not comment on whether it plans to raise its stake" (the English
    sample) raises the stake, unconfirmed: no claim on that sentence is asserted but the
    apposition's role ("led by chief executive Satya Nadella")."""
    raised = []
    for dossier in demo_json["dossiers"]:
        for fact in dossier["facts"]:
            for claim in fact["claims"]:
                if "would not comment" in claim["evidence"] and fact["type"] != "leadership":
                    raised.append((fact["type"], claim["modality"]))
    assert raised and all(modality == "hedged" for _, modality in raised), raised


def test_demo_ends_with_how_to_browse(demo_md: str, demo_db: Path) -> None:
    last = demo_md.strip().splitlines()[-1]
    assert "pressgraph serve" in last and f"--db {demo_db}" in last
    assert "/entity/OpenAI" in last
