"""Full-text search (migration 4, ``store/search.py``): entities by name and alias,
articles by title and text, ranked; hostile queries; indexes kept right by merges, splits,
deletes and upgrades."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressgraph import pipeline, query
from pressgraph.cli import sample_paths
from pressgraph.model import Claim, Document, Entity, Extraction, Mention
from pressgraph.resolve.corrections import merge_entities, split_entity
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import Store, open_store
from pressgraph.store.migrations import MIGRATIONS, latest_version
from pressgraph.store.search import SearchError, Segment, match_expression, segments

SOCGEN = (
    "Société Générale cède sa filiale marocaine au groupe Saham pour 745 millions d'euros. "
    "La banque, surnommée SocGen, poursuit le recentrage de ses activités en Afrique engagé "
    "par son directeur général Slawomir Krupa."
)
AIRBUS = (
    "Airbus said on Tuesday that IndiGo had ordered 500 A320neo jets, the largest single order "
    "in the history of commercial aviation. Airbus shares rose 2 pct in Paris, and analysts "
    "said the order secured Airbus production lines well into the next decade."
)
BOEING = (
    "Boeing Co said on Wednesday that Kelly Ortberg would become its chief executive, as the "
    "planemaker tries to recover from safety crises that have cost it market share to its "
    "European rival Airbus."
)


def article(
    text: str,
    title: str,
    language: str,
    *entities: Entity,
    outlet: str | None = None,
    claim: tuple[str, str, str] | None = None,
) -> Extraction:
    """The extraction of a real-looking article: each entity's names are mentioned where the
    text has them; ``claim`` (type, subject, object) is read from the first sentence."""
    doc = Document.from_text(
        text, title=title, language=language, outlet=outlet, published="2024-10-01"
    )
    mentions = []
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            start = text.find(name)
            if start >= 0:
                mentions.append(Mention(name, start, start + len(name), entity.name, entity.type))
    claims = []
    if claim is not None:
        sentence = text[: text.index(". ") + 1]
        type_, subject, object_ = claim
        claims.append(
            Claim(
                document=doc.id,
                type=type_,
                subject=subject,
                object=object_,
                evidence=sentence,
                evidence_start=0,
                evidence_end=len(sentence),
            )
        )
    return Extraction(doc, language, entities, tuple(mentions), tuple(claims))


def socgen() -> Extraction:
    return article(
        SOCGEN,
        "Société Générale cède sa filiale marocaine",
        "fr",
        Entity("Société Générale", "ORG", aliases=("SocGen", "la banque")),
        Entity("Saham", "ORG"),
        Entity("Slawomir Krupa", "PERSON"),
        outlet="Les Echos",
        claim=("leadership", "Slawomir Krupa", "Société Générale"),
    )


def airbus() -> Extraction:
    return article(
        AIRBUS,
        "Airbus wins record order from IndiGo",
        "en",
        Entity("Airbus", "ORG"),
        Entity("IndiGo", "ORG"),
        outlet="Reuters",
        claim=("supplier", "IndiGo", "Airbus"),
    )


def boeing() -> Extraction:
    return article(
        BOEING,
        "Boeing names new chief executive",
        "en",
        Entity("Boeing Co", "ORG"),
        Entity("Kelly Ortberg", "PERSON"),
        Entity("Airbus", "ORG"),
    )


@pytest.fixture
def store(store_target: str | Path) -> Iterator[Store]:
    with open_store(store_target) as opened:
        for extraction in (socgen(), airbus(), boeing()):
            assert opened.add(extraction, RESOLUTION)
        yield opened


def names(found: query.SearchResults) -> list[str]:
    return [e.name for e in found.entities]


def titles(found: query.SearchResults) -> list[str | None]:
    return [d.title for d in found.documents]


# -- the query expression (pure) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Airbus", '"Airbus"*'),
        ("societe generale", '"societe" "generale"*'),
        ("AT&T", '"AT&T"'),  # the last word "T" is too short to be a prefix
        ('say "hi"', '"say" """hi"""'),
        ("NEAR( a OR b", '"NEAR(" "a" "OR" "b"'),
        ("'; DROP TABLE documents; --", '"DROP" "TABLE" "documents;"'),
        ("Air\u00adbus\u202e", '"Airbus"*'),  # format characters are not part of a word
        ("tab\there\x00nul", '"tab" "here" "nul"*'),
    ],
)
def test_match_expression_quotes_every_word(text: str, expression: str) -> None:
    assert match_expression(text) == expression


@pytest.mark.parametrize("text", ["", "   ", '"', "*", "-", "- * ( ) ^ :", "\x00"])
def test_nothing_to_search_for_is_one_clear_error(text: str) -> None:
    with pytest.raises(SearchError, match="nothing to search for"):
        match_expression(text)


def test_too_many_words_is_one_clear_error() -> None:
    assert match_expression("Airbus " * 32).count('"Airbus"') == 32
    with pytest.raises(SearchError, match=r"too many words to search for \(33; at most 32\)"):
        match_expression("Airbus " * 33)


def test_segments_split_marked_text() -> None:
    assert segments("\u2026a <b> c <d>", "<", ">") == (
        Segment("\u2026a ", False),
        Segment("b", True),
        Segment(" c ", False),
        Segment("d", True),
    )
    assert segments(None, "<", ">") == ()


# -- searching -------------------------------------------------------------------------------


def test_a_name_finds_its_entity_and_the_documents(store: Store) -> None:
    found = store.search("Airbus")
    assert names(found) == ["Airbus"]
    (hit,) = found.entities
    assert hit.type == "ORG" and hit.matched == ("Airbus",)
    assert hit.documents == 2 and hit.claims == 1 and hit.mentions == 2
    assert set(titles(found)) == {
        "Airbus wins record order from IndiGo",
        "Boeing names new chief executive",
    }


def test_ranking_puts_the_more_relevant_document_first(store: Store) -> None:
    # Airbus in the title and three times in the text, against once in passing.
    found = store.search("airbus")
    assert titles(found) == [
        "Airbus wins record order from IndiGo",
        "Boeing names new chief executive",
    ]
    assert found.documents[0].score > found.documents[1].score


def test_accents_and_case_do_not_matter(store: Store) -> None:
    found = store.search("SOCIETE generale")
    assert names(found) == ["Société Générale"]
    assert found.entities[0].matched == ("Société Générale",)
    assert titles(found) == ["Société Générale cède sa filiale marocaine"]
    (doc,) = found.documents
    assert doc.outlet == "Les Echos" and doc.published == "2024-10-01"
    assert [s.text for s in doc.snippet if s.match] == ["Société", "Générale"]


def test_an_alias_finds_the_entity(store: Store) -> None:
    found = store.search("socgen")
    assert names(found) == ["Société Générale"]
    assert found.entities[0].matched == ("SocGen",)
    assert "SocGen" in found.entities[0].aliases


def test_descriptions_do_not_make_an_entity_answer(store: Store) -> None:
    # "la banque" is a description alias of Société Générale: the text finds it, the
    # entity index does not.
    found = store.search("banque")
    assert names(found) == []
    assert titles(found) == ["Société Générale cède sa filiale marocaine"]


def test_prefix_of_the_last_word(store: Store) -> None:
    assert names(store.search("Slawomir Kru")) == ["Slawomir Krupa"]
    assert names(store.search("Kr")) == []  # too short to be a prefix


def test_type_limit_and_offset(store: Store) -> None:
    assert store.search("Airbus", type="document").entities == ()
    only_people = store.search("Ortberg", type="person")
    assert names(only_people) == ["Kelly Ortberg"] and only_people.documents == ()
    assert store.search("Ortberg", type="ORG").entities == ()
    first = store.search("airbus", limit=1)
    second = store.search("airbus", limit=1, offset=1)
    assert titles(first) + titles(second) == titles(store.search("airbus"))
    with pytest.raises(SearchError, match="unknown search type 'company'"):
        store.search("Airbus", type="company")
    with pytest.raises(SearchError, match="limit must be at least 1"):
        store.search("Airbus", limit=0)


@pytest.mark.parametrize(
    "text",
    ['"', "*", "NEAR(", "-", "OR", "'; DROP TABLE documents; --", 'Airbus" OR "x', "a:b",
     "title:Airbus", "^Airbus", "Airbus NOT", "(Airbus", "Airbus*", "\\", "%_", "\x00Airbus",
     "x" * 5000, "Airbus " * 32],
)  # fmt: skip
def test_hostile_queries_give_results_or_a_clean_error(store: Store, text: str) -> None:
    try:
        found = query.search(store, text)
    except SearchError:
        return
    assert isinstance(found, query.SearchResults)
    assert store.stats()["documents"] == 3  # nothing dropped


def test_operators_typed_are_words(store: Store) -> None:
    assert titles(store.search("Airbus OR Saham")) == []  # "or" is a word no text has
    assert names(store.search("title:Airbus")) == []
    assert "Airbus wins record order from IndiGo" in titles(store.search("(Airbus"))


def test_snippet_markers_cannot_be_forged_by_the_text(tmp_path: Path) -> None:
    text = "Nvidia \x02 gagne \x03 du terrain face à AMD, selon <b>Reuters</b> [bold]."
    with open_store(tmp_path / "g.db") as store:
        store.add(article(text, "Nvidia", "fr", Entity("Nvidia", "ORG")), RESOLUTION)
        (doc,) = store.search("nvidia").documents
    assert [s for s in doc.snippet if s.match] == [Segment("Nvidia", True)]
    assert "".join(s.text for s in doc.snippet) == text


def test_bundled_samples_search(tmp_path: Path) -> None:
    """The demo's articles, read by the real pipeline: names find entities and articles in
    both languages."""
    with open_store(tmp_path / "demo.db") as store:
        pipeline.run([str(p) for p in sample_paths()], store)
        found = store.search("microsoft")
        assert found.entities[0].name == "Microsoft" and found.entities[0].documents == 2
        assert {d.language for d in found.documents} == {"en", "fr"}
        assert names(store.search("satya nadella", type="PERSON")) == ["Satya Nadella"]
        (fr,) = store.search("renegocient").documents  # "renégocient", the French title
        assert fr.language == "fr"


# -- keeping the indexes right ---------------------------------------------------------------


def test_merge_and_split_keep_the_entity_index_right(store: Store) -> None:
    store.add(
        article(
            "Société Générale Maroc a confirmé l'accord avec Saham. SG Maroc restera cotée.",
            "SG Maroc confirme",
            "fr",
            Entity("SG Maroc", "ORG", aliases=("Société Générale Maroc",)),
        ),
        RESOLUTION,
    )
    assert names(store.search("SG Maroc")) == ["SG Maroc"]
    merge_entities(store, "Société Générale", "SG Maroc")
    found = store.search("maroc")
    assert names(found) == ["Société Générale"]
    assert set(found.entities[0].matched) == {"SG Maroc", "Société Générale Maroc"}
    assert found.entities[0].documents == 2
    table = "entities_fts" if _backend(store) == "sqlite" else "entities_search"
    assert store._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(
        store.entities()
    )

    split_entity(store, "Société Générale", "SG Maroc")
    assert names(store.search("SG Maroc")) == ["SG Maroc"]
    assert names(store.search("socgen")) == ["Société Générale"]
    split = store.search("SG Maroc").entities[0]
    assert split.documents == 1 and "SocGen" not in split.aliases
    _check_entity_index(store)


def _backend(store: Store) -> str:
    return str(store.dialect.name)  # type: ignore[attr-defined]


def _check_entity_index(store: Store) -> None:
    """Every indexed entity row is what a rebuild from ``entities`` and ``aliases`` gives."""
    conn = store._conn
    if _backend(store) != "sqlite":  # PostgreSQL: one tsvector row per named entity
        indexed_ids = {r[0] for r in conn.execute("SELECT entity_id FROM entities_search")}
        assert indexed_ids == {e["id"] for e in store.entities() if "@" not in e["key"]}
        return
    conn.execute("INSERT INTO entities_fts (entities_fts, rank) VALUES ('integrity-check', 0)")
    indexed = {
        r[0]: (r[1], sorted((r[2] or "").split("\x1e")))
        for r in conn.execute("SELECT rowid, name, aliases FROM entities_fts")
    }
    expected = {
        e["id"]: (
            e["name"],
            sorted(
                a
                for (a,) in conn.execute(
                    "SELECT alias FROM aliases WHERE entity_id = ? AND kind = 'name'", (e["id"],)
                )
            )
            or [""],
        )
        for e in store.entities()
        if "@" not in e["key"]
    }
    assert indexed == expected


def test_deleted_documents_leave_the_index(store: Store) -> None:
    doc_id = airbus().document.id
    store._conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    assert titles(store.search("airbus")) == ["Boeing names new chief executive"]
    if _backend(store) == "sqlite":
        store._conn.execute(
            "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_vacuum_keeps_document_search(tmp_path: Path) -> None:
    """The document index is keyed by the implicit rowid of ``documents``: VACUUM keeps it."""
    with open_store(tmp_path / "graph.db") as store:
        for extraction in (socgen(), airbus(), boeing()):
            assert store.add(extraction, RESOLUTION)
        _vacuum_keeps_document_search(store)


def _vacuum_keeps_document_search(store: Store) -> None:
    store._conn.execute("DELETE FROM documents WHERE id = ?", (socgen().document.id,))
    before = store.search("airbus").to_dict()
    store._conn.execute("VACUUM")
    assert store.search("airbus").to_dict()["documents"] == before["documents"]
    store._conn.execute(
        "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)"
    )


def test_migration_4_indexes_a_version_3_database(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    for version, migration in MIGRATIONS[:3]:
        migration(conn)
        conn.execute(
            "INSERT INTO migrations VALUES (?, ?, '2026-01-01')", (version, migration.__name__)
        )
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO documents (id, title, outlet, text, ingested_at) VALUES"
        " ('d1', 'Airbus wins record order', 'Reuters', ?, 'x'),"
        " ('d2', 'Société Générale cède sa filiale', NULL, ?, 'x')",
        (AIRBUS, SOCGEN),
    )
    conn.execute("INSERT INTO entities (id, key, name, type) VALUES (1, 'airbus', 'Airbus', 'ORG')")
    conn.execute(
        "INSERT INTO entities (id, key, name, type)"
        " VALUES (2, 'societe generale', 'Société Générale', 'ORG')"
    )
    conn.execute("INSERT INTO aliases VALUES (2, 'SocGen', 'socgen', 'name')")
    conn.close()
    with open_store(path) as store:
        assert store.pragma("user_version") == latest_version()
        assert [d.id for d in store.search("airbus").documents] == ["d1"]
        assert names(store.search("airbus")) == ["Airbus"]
        assert names(store.search("socgen")) == ["Société Générale"]
        assert [d.id for d in store.search("societe generale").documents] == ["d2"]
        # rows written after the upgrade are indexed as they are written
        store.add(boeing(), RESOLUTION)
        assert [d.id for d in store.search("airbus").documents][-1] == boeing().document.id
        _check_entity_index(store)
