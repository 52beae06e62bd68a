"""Duplicates and stories in the store: the same article (text or URL) is stored once; a
near-duplicate joins the story of the document it copies, and counts as one source."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressgraph.model import Claim, Document, Entity, Extraction
from pressgraph.resolve.dedup import canonical_url
from pressgraph.resolve.facts import build_facts
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import Store, open_store
from pressgraph.store.migrations import MIGRATIONS

TEXTS = json.loads((Path(__file__).parents[1] / "data" / "stories.json").read_text("utf-8"))[
    "texts"
]
WIRE, REPRINT, OTHER = TEXTS["wire"], TEXTS["reprint"], TEXTS["other"]


def stake(text: str, evidence: str, outlet: str, url: str | None = None) -> Extraction:
    """A document reporting Renault's 20% stake in Verkor, with ``evidence`` as the claim."""
    doc = Document.from_text(text, outlet=outlet, url=url, published="2024-03-03", language="en")
    start = text.index(evidence)
    claim = Claim(
        document=doc.id, type="stake", subject="Renault", object="Verkor", percent=20.0,
        evidence=evidence, evidence_start=start, evidence_end=start + len(evidence),
    )  # fmt: skip
    entities = (Entity("Renault", "ORG"), Entity("Verkor", "ORG"))
    return Extraction(document=doc, language="en", entities=entities, mentions=(), claims=(claim,))


def wire() -> Extraction:
    return stake(
        WIRE, WIRE[: WIRE.index("France.") + 7], "Reuters", "https://reuters.example/verkor"
    )


def reprint() -> Extraction:
    return stake(REPRINT, "Renault buys into Verkor.", "Les Echos", "https://lesechos.example/a")


def other() -> Extraction:
    evidence = "the carmaker is paying 150 million euros for a 20% stake"
    return stake(OTHER, evidence, "Le Monde", "https://lemonde.example/b")


@pytest.fixture
def store(store_target: str | Path) -> Iterator[Store]:
    with open_store(store_target) as s:
        yield s


def test_a_reprint_joins_the_story_of_the_wire(store: Store) -> None:
    first, second, third = wire(), reprint(), other()
    for extraction in (first, second, third):
        assert store.add(extraction, RESOLUTION)
    stories = {d["id"]: d["story"] for d in store.documents()}
    assert stories == {
        first.document.id: first.document.id,
        second.document.id: first.document.id,
        third.document.id: third.document.id,
    }
    assert store.story_of(second.document.id) == first.document.id


def test_a_story_counts_as_one_source(store: Store) -> None:
    store.add(wire(), RESOLUTION)
    store.add(reprint(), RESOLUTION)
    (fact,) = build_facts(store.claims())
    assert fact.independent_sources == 1 and len(fact.claims) == 2
    store.add(other(), RESOLUTION)
    (fact,) = build_facts(store.claims())
    assert fact.independent_sources == 2 and len(fact.claims) == 3


def test_the_same_url_with_another_text_is_the_same_article(store: Store) -> None:
    first = wire()
    updated = stake(OTHER, "the carmaker is paying 150 million euros for a 20% stake", "Reuters",
                    "http://www.reuters.example/verkor/?utm_source=rss#top")  # fmt: skip
    assert store.add(first, RESOLUTION)
    assert (
        store.stored_as(updated.document.id, canonical_url(updated.document.url))
        == first.document.id
    )
    assert not store.add(updated, RESOLUTION)
    assert store.stats()["documents"] == 1
    assert store.stored_as(other().document.id, canonical_url(other().document.url)) is None


def test_migration_3_gives_stored_documents_their_story(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for _, migration in MIGRATIONS[:2]:  # a database of the previous release
        migration(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")  # fmt: skip
    conn.executemany("INSERT INTO migrations VALUES (?, ?, '')", [(1, "a"), (2, "b")])
    docs = [e.document for e in (wire(), reprint(), other())]
    conn.executemany(
        "INSERT INTO documents (id, url, text, ingested_at) VALUES (?, ?, ?, '')",
        [(d.id, d.url, d.text) for d in docs],
    )
    conn.close()
    with open_store(path) as store:
        stories = [d["story"] for d in sorted(store.documents(), key=lambda d: docs.index(
            next(x for x in docs if x.id == d["id"])))]  # fmt: skip
        assert stories == [docs[0].id, docs[0].id, docs[2].id]
        assert (
            store.stored_as(Document.from_text("updated").id, canonical_url(docs[1].url))
            == docs[1].id
        )
