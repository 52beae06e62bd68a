"""Each export read back by a real consumer (networkx, pyarrow, the csv module, PyLD), on a
store the real pipeline built (``graph_db`` in tests/conftest.py): counts against the store,
the founding article's $260bn valuation with its chain, and hostile names intact."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.parquet as pq
import pytest
from lxml import etree
from pyld import jsonld

from pressgraph import query, report
from pressgraph.export import Graph, read_graph, render, write
from pressgraph.export.graphml import xml_text
from pressgraph.export.jsonld import VOCAB
from pressgraph.export.neo4j import FILES, import_command
from pressgraph.resolve.facts import build_facts
from pressgraph.store import SQLiteStore, open_store

HOSTILE_NAME = 'Évil "Q" <b>&amp;</b>\nCorp\t\r\x00\x01\x1b[2J\x7f\u202e'
HOSTILE_OTHER = 'Ømega; Inc, "B" & <C>'
SCHEMA = "https://schema.org/"


@pytest.fixture(scope="module")
def store(graph_db: Path) -> Iterator[SQLiteStore]:
    with open_store(graph_db) as opened:
        yield opened


@pytest.fixture(scope="module")
def graph(store: SQLiteStore) -> Graph:
    return read_graph(store)


@pytest.fixture(scope="module")
def openai(store: SQLiteStore) -> Graph:
    return read_graph(store, "OpenAI")


def _valuation(facts: list[dict[str, Any]], amount_key: str = "amount") -> dict[str, Any]:
    (found,) = [
        f for f in facts if f["type"] == "valuation" and f.get(amount_key) == pytest.approx(2.6e11)
    ]
    return found


# -- what is exported ---------------------------------------------------------------------------


def test_the_graph_holds_every_entity_fact_and_claim(store: SQLiteStore, graph: Graph) -> None:
    stats = store.stats()
    assert len(graph.entities) == stats["entities"]
    assert len(graph.facts) == len(build_facts(store.claims()))
    stored = [c for _, c in graph.claims() if not c.get("change_of")]
    assert len(stored) == stats["claims"]
    assert len(graph.documents) == stats["documents"]  # every test article has a claim
    assert len({f.id for f in graph.facts}) == len(graph.facts)


def test_one_entity_is_its_dossier(store: SQLiteStore, openai: Graph) -> None:
    dossier = report.to_json(query.dossier(store, "OpenAI"))
    assert {f.id for f in openai.facts} == {f["id"] for f in dossier["facts"]}
    names = {e["name"] for e in openai.entities}
    assert {"OpenAI", "Microsoft", "Financial Times", "Les Echos"} <= names
    assert "Norvala Energy" not in names and HOSTILE_NAME not in names
    touched = {f.subject_id for f in openai.facts} | {f.object_id for f in openai.facts}
    assert touched - {None} <= {e["id"] for e in openai.entities}


# -- GraphML ------------------------------------------------------------------------------------


def test_graphml_reads_back_in_networkx(graph: Graph, tmp_path: Path) -> None:
    path = write(graph, "graphml", tmp_path / "g.graphml").files[0]
    etree.parse(str(path))  # well-formed XML
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == len(graph.entities)
    assert g.number_of_edges() == len(graph.facts)
    # The edge ids are the fact ids (networkx keys the edges of a multigraph by them).
    assert {key for _, _, key in g.edges(keys=True)} == {f.id for f in graph.facts}
    edges = [{"id": key, **data} for _, _, key, data in g.edges(keys=True, data=True)]
    assert all(e["id"] == e["fact_id"] for e in edges)
    valuation = _valuation(edges)
    assert valuation["currency"] == "USD" and isinstance(valuation["amount"], float)
    assert valuation["status"] == "current" and valuation["unary"] is True
    assert "Financial Times" in json.loads(valuation["sources"])
    assert "Financial Times, relayed by Les Echos" in json.loads(valuation["attributions"])
    assert valuation["first_reported"] and valuation["last_reported"]
    superseded = [e for e in edges if e["type"] == "valuation" and e["status"] == "superseded"]
    assert superseded and valuation["id"] in json.loads(superseded[0]["superseded_by"])
    nodes = {data["name"]: data for _, data in g.nodes(data=True)}
    assert nodes["OpenAI"]["type"] == "ORG" and "OpenAI" in json.loads(nodes["OpenAI"]["aliases"])
    assert isinstance(nodes["OpenAI"]["documents"], int)


def test_graphml_keeps_hostile_names(graph: Graph) -> None:
    data = render(graph, "graphml")["pressgraph.graphml"]
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    names = {d["name"] for _, d in g.nodes(data=True)}
    # What XML 1.0 can hold is kept as it is (quotes, markup, line feed, tab, carriage
    # return, DEL, bidi); what it forbids (NUL, SOH, ESC) is written as a visible escape.
    assert xml_text(HOSTILE_NAME) == 'Évil "Q" <b>&amp;</b>\nCorp\t\r\\x00\\x01\\x1b[2J\x7f\u202e'
    assert xml_text(HOSTILE_NAME) in names and HOSTILE_OTHER in names
    assert "Zeta Corp" in names  # read by the real pipeline, its ESC dropped
    (deal,) = [d for _, _, d in g.edges(data=True) if d["subject"] == xml_text(HOSTILE_NAME)]
    assert deal["object"] == HOSTILE_OTHER and deal["amount"] == 5e6
    # Lists are JSON, whose escapes (\u001b) keep every character exactly.
    chain = json.loads(deal["attribution_chains"])[0]
    assert [link["name"] for link in chain] == ['Les "Échos" <&>\n', "Relay\x1bR; two"]


# -- CSV ----------------------------------------------------------------------------------------


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_reads_back_with_the_csv_module(
    store: SQLiteStore, graph: Graph, tmp_path: Path
) -> None:
    written = write(graph, "csv", tmp_path / "csv")
    assert sorted(p.name for p in written.files) == ["claims.csv", "entities.csv", "facts.csv"]
    entities, facts, claims = (
        _csv(tmp_path / "csv" / f"{n}.csv") for n in ("entities", "facts", "claims")
    )
    assert len(entities) == store.stats()["entities"]
    assert len(facts) == len(graph.facts)
    assert len([c for c in claims if not c["change_of"]]) == store.stats()["claims"]
    assert {c["fact_id"] for c in claims} == {f["fact_id"] for f in facts}
    typed = [{**f, "amount": float(f["amount"]) if f["amount"] else None} for f in facts]
    valuation = _valuation(typed)
    assert "Financial Times" in json.loads(valuation["sources"])
    assert json.loads(valuation["attributions"]) == ["Financial Times, relayed by Les Echos"]
    (claim,) = [c for c in claims if c["fact_id"] == valuation["fact_id"]]
    chain = json.loads(claim["attribution_chain"])
    assert [(link["name"], link["kind"]) for link in chain] == [
        ("Financial Times", "source"),
        ("Les Echos", "relay"),
    ]
    assert claim["attribution"] == "Financial Times, relayed by Les Echos"
    assert claim["modality"] == "asserted" and claim["document_id"]
    start, end = int(claim["evidence_start"]), int(claim["evidence_end"])
    text = store.document(claim["document_id"])["text"]  # type: ignore[index]
    assert text[start:end] == claim["evidence"] and "260" in claim["evidence"]
    assert claim["reported_from_ingest"] == "true"  # the sample article has no date


def test_csv_keeps_hostile_names_exactly(graph: Graph, tmp_path: Path) -> None:
    write(graph, "csv", tmp_path)
    entities = _csv(tmp_path / "entities.csv")
    names = {e["name"] for e in entities}
    assert HOSTILE_NAME in names and HOSTILE_OTHER in names and "Zeta Corp" in names
    other = next(e for e in entities if e["name"] == HOSTILE_OTHER)
    assert json.loads(other["aliases"]) == [HOSTILE_OTHER, "Ømega; Inc"]
    claims = _csv(tmp_path / "claims.csv")
    (deal,) = [c for c in claims if c["subject"] == HOSTILE_NAME]
    assert deal["title"] == 'Deal "of" <the> year & more\nline two\x1b[2J'
    assert (
        deal["outlet"] == 'The "Wire" <&>' and deal["url"] == "https://example.com/deal?a=1&b=<2>"
    )
    assert deal["attribution"] == 'Les "Échos" <&>\n, relayed by Relay\x1bR; two'
    pipeline_made = [c for c in claims if c["object"] == "Zeta Corp"]
    assert pipeline_made and pipeline_made[0]["outlet"] == 'Le "Monde" <i>&</i>\x07'


# -- Parquet ------------------------------------------------------------------------------------


def test_parquet_reads_back_in_pyarrow(store: SQLiteStore, graph: Graph, tmp_path: Path) -> None:
    write(graph, "parquet", tmp_path)
    entities = pq.read_table(tmp_path / "entities.parquet")
    facts = pq.read_table(tmp_path / "facts.parquet")
    claims = pq.read_table(tmp_path / "claims.parquet")
    assert entities.num_rows == store.stats()["entities"]
    assert facts.num_rows == len(graph.facts)
    assert claims.num_rows == sum(len(f.claims) for f in graph.facts)
    assert str(facts.schema.field("amount").type) == "double"
    assert str(facts.schema.field("independent_sources").type) == "int64"
    assert str(entities.schema.field("aliases").type) == "list<element: string>"
    rows = facts.to_pylist()
    valuation = _valuation(rows)
    assert "Financial Times" in valuation["sources"]
    ids = {e["name"]: e["entity_id"] for e in entities.to_pylist()}
    assert valuation["attribution_chains"] == [
        [
            {"name": "Financial Times", "kind": "source", "entity_id": ids["Financial Times"]},
            {"name": "Les Echos", "kind": "relay", "entity_id": ids["Les Echos"]},
        ]
    ]
    names = set(entities.column("name").to_pylist())
    assert HOSTILE_NAME in names and HOSTILE_OTHER in names
    deal = next(r for r in claims.to_pylist() if r["subject"] == HOSTILE_NAME)
    assert deal["attribution_chain"][1]["name"] == "Relay\x1bR; two"
    assert deal["published"] == "2025-02-03" and deal["reported_from_ingest"] is False


# -- JSON-LD ------------------------------------------------------------------------------------


def _offline(url: str, options: dict[str, Any] | None = None) -> Any:
    raise AssertionError(f"the JSON-LD processor tried to fetch {url}")


def _values(node: dict[str, Any], term: str) -> list[Any]:
    return [v.get("@value", v.get("@id", v)) for v in node.get(term, [])]


def test_jsonld_expands_offline_with_schema_org_types(graph: Graph) -> None:
    document = json.loads(render(graph, "jsonld")["pressgraph.jsonld"])
    assert isinstance(document["@context"], dict)  # inline: nothing to fetch
    expanded = jsonld.expand(document, {"documentLoader": _offline})
    nodes = expanded  # a top-level @graph alone expands to its nodes
    by_type: dict[str, list[dict[str, Any]]] = {}
    for node in nodes:
        for type_ in node.get("@type", []):
            by_type.setdefault(type_, []).append(node)
    entities = sum(
        len(by_type.get(SCHEMA + t, [])) for t in ("Organization", "Person", "Product", "Place")
    )
    assert entities == len(graph.entities)
    assert len(by_type[SCHEMA + "Person"]) >= 2  # Sam Altman, Satya Nadella
    assert len(by_type[SCHEMA + "NewsArticle"]) == len(graph.documents)
    facts = by_type[SCHEMA + "Claim"]
    assert len(facts) == len(graph.facts)
    assert all("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement" in f["@type"] for f in facts)
    reports = [r for f in facts for r in f[VOCAB + "report"]]
    assert len(reports) == sum(len(f.claims) for f in graph.facts)

    def amount(fact: dict[str, Any]) -> float | None:
        money = fact.get(VOCAB + "amount")
        return money[0][SCHEMA + "value"][0]["@value"] if money else None

    (valuation,) = [
        f for f in facts if _values(f, VOCAB + "factType") == ["valuation"] and amount(f) == 2.6e11
    ]
    assert _values(valuation, "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate") == [
        VOCAB + "valuation"
    ]
    assert "Financial Times" in _values(valuation, VOCAB + "originalSource")
    cited = _values(valuation, SCHEMA + "citation")
    assert cited and all(c.startswith("urn:pressgraph:document:") for c in cited)
    (claim,) = valuation[VOCAB + "report"]
    chain = claim[VOCAB + "attribution"][0]["@list"]
    assert [
        (_values(link, SCHEMA + "name")[0], _values(link, VOCAB + "kind")[0]) for link in chain
    ] == [
        ("Financial Times", "source"),
        ("Les Echos", "relay"),
    ]
    names = {n for node in nodes for n in _values(node, SCHEMA + "name")}
    assert HOSTILE_NAME in names and HOSTILE_OTHER in names


def test_jsonld_context_defines_every_term(graph: Graph) -> None:
    """A term missing from the context would be dropped by expansion, silently."""
    used: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            used.update(k for k in value if not k.startswith("@"))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    document = json.loads(render(graph, "jsonld")["pressgraph.jsonld"])
    walk(document["@graph"])
    assert used and used <= set(document["@context"])


def test_jsonld_file_is_utf8_json(graph: Graph, tmp_path: Path) -> None:
    path = write(graph, "jsonld", tmp_path / "out.jsonld").files[0]
    document = json.loads(path.read_text(encoding="utf-8"))
    assert len(document["@graph"]) == len(graph.entities) + len(graph.documents) + len(graph.facts)


# -- Neo4j --------------------------------------------------------------------------------------


def test_neo4j_files_have_the_import_headers(
    store: SQLiteStore, graph: Graph, tmp_path: Path
) -> None:
    write(graph, "neo4j", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(name for _, name in FILES)
    files = {name: _csv(tmp_path / name) for _, name in FILES}
    headers = {name: list(rows[0]) for name, rows in files.items()}
    assert (
        headers["entities.csv"][0] == "entity_id:ID(Entity)" and ":LABEL" in headers["entities.csv"]
    )
    assert "aliases:string[]" in headers["entities.csv"]
    assert headers["articles.csv"][0] == "document_id:ID(Article)"
    assert headers["claims.csv"][0] == "claim_id:ID(Claim)"
    assert headers["facts.csv"][:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert {"amount:double", "independent_sources:long", "sources:string[]"} <= set(
        headers["facts.csv"]
    )
    assert headers["claim_articles.csv"] == [":START_ID(Claim)", ":END_ID(Article)", ":TYPE"]
    # Every relationship ends on nodes of the files (what the importer checks).
    ids = {
        "Entity": {r["entity_id:ID(Entity)"] for r in files["entities.csv"]},
        "Article": {r["document_id:ID(Article)"] for r in files["articles.csv"]},
        "Claim": {r["claim_id:ID(Claim)"] for r in files["claims.csv"]},
    }
    for name in ("facts.csv", "claim_articles.csv", "claim_entities.csv"):
        for row in files[name]:
            start = next(k for k in row if k.startswith(":START_ID"))
            end = next(k for k in row if k.startswith(":END_ID"))
            assert row[start] in ids[start[10:-1]] and row[end] in ids[end[8:-1]], (name, row)
    assert len(ids["Entity"]) == store.stats()["entities"]
    assert len(files["facts.csv"]) == len(graph.facts)
    assert len(ids["Claim"]) == sum(len(f.claims) for f in graph.facts)
    valuation = next(
        r
        for r in files["facts.csv"]
        if r[":TYPE"] == "VALUATION" and r["amount:double"] and float(r["amount:double"]) == 2.6e11
    )
    assert "Financial Times" in valuation["sources:string[]"].split(";")
    assert valuation[":START_ID(Entity)"] == valuation[":END_ID(Entity)"]
    labels = {r["name"]: r[":LABEL"].split(";") for r in files["entities.csv"]}
    assert labels["OpenAI"] == ["Entity", "Organization"] and labels["Sam Altman"] == [
        "Entity",
        "Person",
    ]
    other = next(r for r in files["entities.csv"] if r["name"] == HOSTILE_OTHER)
    # The array delimiter inside an item is written as U+FF1B (the importer has no escape).
    assert other["aliases:string[]"].split(";") == ['Ømega\uff1b Inc, "B" & <C>', "Ømega\uff1b Inc"]
    assert HOSTILE_NAME in labels
    sources = [r for r in files["claim_entities.csv"] if r[":TYPE"] in ("SOURCE", "RELAY")]
    assert {r[":TYPE"] for r in sources} == {"SOURCE", "RELAY"}


def test_neo4j_command_is_documented() -> None:
    root = Path(__file__).parents[2]
    command = import_command("export")
    for doc in (root / "docs" / "export.md", root / "README.md"):
        assert command in doc.read_text(encoding="utf-8"), doc
