"""Entities of 400 real articles (the first 200 of each file of ``../shared/corpus``: French
Wikinews, Reuters-21578 "acq"), ingested as a user would: every stored name obeys the
rules of how names are written, and a company named without any fact can be found.

The articles are read from ``../shared/corpus`` (never copied here); without it these tests
fail (the ``shared_corpus`` fixture of ``conftest.py``), unless
``PRESSGRAPH_ALLOW_MISSING_SHARED=1``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressgraph import pipeline, query
from pressgraph.lang import lexicon
from pressgraph.names import entity_key, is_legal_suffix
from pressgraph.store import SQLiteStore, open_store

PER_FILE = 200


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Iterator[SQLiteStore]:
    tmp = tmp_path_factory.mktemp("corpus")
    articles = tmp / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for name in ("wikinews-fr.jsonl", "reuters-acq-en.jsonl"):
            with (shared_corpus / name).open(encoding="utf-8") as lines:
                out.writelines(itertools.islice(lines, PER_FILE))
    with open_store(tmp / "corpus.db") as opened:
        report = pipeline.run([articles], opened, workers=2)
        assert len(report.stored) == 2 * PER_FILE, report.rejected[:3]
        yield opened


_GENERIC = frozenset(entity_key(w) for lang in ("fr", "en") for w in lexicon(lang).not_entities)
#: A full stop that ends a name belongs to an abbreviation: initials ("N.V.", "L.P."), a
#: legal form ("Corp."), "Jr.".
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){1,4}$|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros|Cie)\.$")
_STRAY_NUMBER = re.compile(r"\s(?:\d{1,3}(?:,\d{3})+|\d+p|\d{5,})$")
_GRAMMAR = frozenset(
    {"all", "the", "of", "by", "to", "a", "an", "in", "le", "la", "les", "de", "du", "des"}
)

#: The rules, each a name and the test a stored name must pass.
RULES = {
    "not a legal form alone ('Co', 'Inc', 'SA')": lambda n: (
        not all(is_legal_suffix(w) for w in n.split())
    ),
    "not a generic word ('État', 'CEO', 'Internet')": lambda n: entity_key(n) not in _GENERIC,
    "one space between words": lambda n: n == " ".join(n.split()),
    "no trailing punctuation but an abbreviation's full stop": lambda n: (
        not re.search(r"[,;:\-–(/&]$", n) and (not n.endswith(".") or bool(_ABBREVIATION.search(n)))
    ),
    "parentheses balanced": lambda n: n.count("(") == n.count(")"),
    "no number glued at the end ('Qintex 900,000', '700p')": lambda n: not _STRAY_NUMBER.search(n),
    "two letters or digits at least, one a letter": lambda n: (
        any(c.isalpha() for c in n) and sum(c.isalnum() for c in n) >= 2
    ),
    "no grammar word first ('all Rexnord Inc')": lambda n: n.split()[0] not in _GRAMMAR,
}


def _stored_names(store: SQLiteStore) -> Iterator[tuple[dict[str, object], str]]:
    """Every entity's name and 'name' aliases; entities scoped to one document (a
    description: "le gouvernement") and assets named by the article's words ("its Bass
    shoe division", lower case) are what the article wrote, and left out."""
    conn = store._conn  # the test reads the tables directly
    kinds = {
        (eid, alias): kind
        for eid, alias, kind in conn.execute("SELECT entity_id, alias, kind FROM aliases")
    }
    for entity in store.entities():
        if "@" in str(entity["key"]):
            continue
        name = str(entity["name"])
        if entity["type"] == "PRODUCT" and not name[:1].isupper():
            continue
        yield entity, name
        for alias in entity["aliases"]:  # type: ignore[attr-defined]
            if kinds.get((entity["id"], alias)) == "name" and alias != name:
                yield entity, alias


def test_every_stored_name_obeys_the_rules(store: SQLiteStore) -> None:
    broken = [
        f"{name!r} ({rule})"
        for _, name in _stored_names(store)
        for rule, ok in RULES.items()
        if not ok(name)
    ]
    assert not broken, f"{len(broken)} names break a rule: {broken[:20]}"


def test_companies_and_people_without_a_fact_are_stored(store: SQLiteStore) -> None:
    entities = store.entities()
    assert len(entities) > 1000  # organisations and people of 400 articles
    without = [e for e in entities if e["claims"] == 0 and "@" not in str(e["key"])]
    assert len(without) > 0.6 * len(entities)
    assert {e["type"] for e in without} >= {"ORG", "PERSON"}
    # fr-wikinews-2016-03-04-001 names Airbus (an Airbus A319 and a drone), no deal
    airbus = query.entity(store, "Airbus")
    assert airbus["claims"] == 0 and airbus["documents"] >= 1
    d = query.dossier(store, "Airbus")
    assert d.facts == [] and d.mentioned_in
    assert any(hit.name == "Airbus" for hit in query.search(store, "Airbus").entities)
    docs = query.search(store, "Airbus").documents
    assert "fr-wikinews-2016-03-04-001" in {
        store.document(h.id)["external_id"]  # type: ignore[index]
        for h in docs
    }


def test_tickers_are_aliases_not_entities(store: SQLiteStore) -> None:
    entities = store.entities()
    with_ticker = [e for e in entities if any(a.startswith("<") for a in e["aliases"])]
    assert len(with_ticker) >= 30
    names = {str(e["name"]) for e in entities}
    assert not {"SKFR ST", "SMBS ST", "SKBS ST"} & names
    # one ticker, one company, across articles
    tickers: dict[str, set[int]] = {}
    for e in with_ticker:
        for a in e["aliases"]:
            if a.startswith("<"):
                tickers.setdefault(a, set()).add(int(e["id"]))
    assert all(len(ids) == 1 for ids in tickers.values()), {
        t: ids for t, ids in tickers.items() if len(ids) > 1
    }


def test_search_results_are_json_ready(store: SQLiteStore) -> None:
    result = query.search(store, "Securities and Exchange Commission")
    assert result.entities and result.entities[0].name == "Securities and Exchange Commission"
    json.dumps([h.name for h in result.entities])
