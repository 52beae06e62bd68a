"""The SQLite store: schema, one transaction per document, resolution, read side; entity keys."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from pressgraph.errors import StoreError
from pressgraph.model import Argument, Claim, Document, Entity, Extraction, Mention, Source
from pressgraph.names import entity_key, is_description, legal_suffixes
from pressgraph.query import claims, entity_details, find_entity
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import Store, open_store
from pressgraph.store.migrations import MIGRATIONS, apply_migrations, latest_version
from pressgraph.store.sqlite import claim_id

TEXT_1 = (
    "Microsoft Corp. a investi 13 milliards de dollars dans OpenAI, selon le Financial Times, "
    "relayé par Les Echos. L'assureur AIG a démenti toute participation."
)
TEXT_2 = (
    "Microsoft envisagerait de céder une partie de sa participation dans OpenAI, selon "
    "L'Usine Digitale. L'assureur Axa n'a pas commenté."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def mention(text: str, part: str, entity: str, type_: str, kind: str = "name") -> Mention:
    start, end = span(text, part)
    return Mention(text=part, start=start, end=end, entity=entity, type=type_, kind=kind)  # type: ignore[arg-type]


def claim(doc: Document, sentence: str, **fields: object) -> Claim:
    start, end = span(doc.text, sentence)
    return Claim(
        document=doc.id, evidence=sentence, evidence_start=start, evidence_end=end, **fields
    )  # type: ignore[arg-type]


def extraction_1() -> Extraction:
    doc = Document.from_text(
        TEXT_1,
        title="Microsoft investit dans OpenAI",
        outlet="Le Monde",
        url="https://example.org/1",
        published="2023-01-23",
        language="fr",
        source="a.txt",
        external_id="doc-1",
    )
    sentence = TEXT_1[: TEXT_1.index("Echos.") + len("Echos.")]
    amount_start, amount_end = span(TEXT_1, "13 milliards de dollars")
    return Extraction(
        document=doc,
        language="fr",
        entities=(
            Entity("Microsoft Corp.", "ORG"),
            Entity("OpenAI", "ORG"),
            Entity("Financial Times", "ORG"),
            Entity("AIG", "ORG", aliases=("l'assureur",)),
        ),
        mentions=(
            mention(TEXT_1, "Microsoft Corp.", "Microsoft Corp.", "ORG"),
            mention(TEXT_1, "OpenAI", "OpenAI", "ORG"),
            mention(TEXT_1, "Financial Times", "Financial Times", "ORG"),
            mention(TEXT_1, "L'assureur", "AIG", "ORG", kind="description"),
            mention(TEXT_1, "AIG", "AIG", "ORG"),
        ),
        claims=(
            claim(
                doc,
                sentence,
                type="investment",
                subject="Microsoft Corp.",
                object="OpenAI",
                amount=13e9,
                currency="USD",
                sources=(
                    Source("Financial Times", "source", *span(TEXT_1, "Financial Times")),
                    Source("Les Echos", "relay", *span(TEXT_1, "Les Echos")),
                ),
                arguments=(
                    Argument("subject", "Microsoft Corp.", *span(TEXT_1, "Microsoft Corp.")),
                    Argument("amount", "13 milliards de dollars", amount_start, amount_end),
                ),
            ),
        ),
    )


def extraction_2() -> Extraction:
    doc = Document.from_text(TEXT_2, title="Microsoft pourrait céder", source="b.jsonl:2")
    sentence = TEXT_2[: TEXT_2.index("Digitale.") + len("Digitale.")]
    return Extraction(
        document=doc,
        language="fr",
        entities=(
            Entity("Microsoft", "PRODUCT", aliases=("Microsoft Corporation",)),
            Entity("OpenAI", "ORG"),
            Entity("Axa", "ORG", aliases=("l'assureur",)),
            Entity("l'assureur", "ORG"),
        ),
        mentions=(
            mention(TEXT_2, "Microsoft", "Microsoft", "ORG"),
            mention(TEXT_2, "OpenAI", "OpenAI", "ORG"),
            mention(TEXT_2, "L'assureur", "l'assureur", "ORG", kind="description"),
        ),
        claims=(
            claim(
                doc,
                sentence,
                type="divestment",
                subject="Microsoft",
                object="OpenAI",
                modality="hedged",
                sources=(
                    Source("L'Usine Digitale", "source"),
                    Source("Reuters", "relay"),
                    Source("Boursorama", "relay"),
                ),
            ),
        ),
    )


@pytest.fixture
def store(store_target: str | Path) -> Iterator[Store]:
    with open_store(store_target) as opened:
        yield opened


# -- opening and migrating -------------------------------------------------------------------


def test_open_creates_file_with_wal_foreign_keys_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    with open_store(path) as store:
        assert path.exists()
        assert store.pragma("journal_mode") == "wal"
        assert store.pragma("foreign_keys") == 1
        assert store.pragma("busy_timeout") > 0
        assert store.pragma("user_version") == latest_version() == 7
        assert isinstance(store, Store)
        assert store.stats() == dict.fromkeys(
            [
                "documents",
                "entities",
                "aliases",
                "mentions",
                "claims",
                "claim_sources",
                "local_entities",
            ],
            0,
        )
    conn = sqlite3.connect(path)
    versions = conn.execute("SELECT version, name FROM migrations").fetchall()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert versions == [
        (1, "_m001_initial"),
        (2, "_m002_local_entities"),
        (3, "_m003_stories"),
        (4, "_m004_search"),
        (5, "_m005_rekey"),
        (6, "_m006_owners"),
        (7, "_m007_changes"),
    ]
    assert {"documents", "entities", "aliases", "mentions", "claims", "claim_sources"} <= tables
    assert {"local_entities", "entity_keys", "entity_corrections"} <= tables
    assert {"document_urls", "story_signatures", "story_bands"} <= tables
    assert {"documents_fts", "entities_fts"} <= tables
    assert {"aliases_key", "claims_subject", "claims_object", "claims_type"} <= indexes
    assert {"mentions_entity", "documents_external_id", "documents_url"} <= indexes


def test_migrations_are_idempotent_on_reopen(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    with open_store(path) as store:
        assert store.add(extraction_1(), RESOLUTION)
        before = store.stats()
    with open_store(path) as store:
        assert store.stats() == before
        assert store.pragma("user_version") == latest_version()
    conn = sqlite3.connect(path, isolation_level=None)
    assert apply_migrations(conn) == []
    assert conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        open_store(path)


def test_open_errors_name_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "graph.db"
    with pytest.raises(StoreError, match=r"no-such-folder/graph\.db: cannot open database"):
        open_store(missing)
    not_db = tmp_path / "notes.db"
    not_db.write_bytes(b"this is not a database, just some text " * 50)
    with pytest.raises(StoreError, match=r"notes\.db: cannot open database \(file is not a"):
        open_store(not_db)


# -- writing ---------------------------------------------------------------------------------


def test_add_and_read_back(store: Store) -> None:
    ext = extraction_1()
    assert not store.has_document(ext.document.id)
    assert store.add(ext, RESOLUTION) is True
    assert store.has_document(ext.document.id)
    (got,) = store.claims()
    assert got["type"] == "investment"
    assert got["subject"] == "Microsoft Corp."
    assert got["object"] == "OpenAI"
    assert got["amount"] == 13e9
    assert got["currency"] == "USD"
    for key in ("percent", "date", "until", "role", "value"):
        assert got[key] is None
    assert got["modality"] == "asserted"
    assert got["evidence"] == ext.claims[0].evidence
    assert TEXT_1[got["evidence_start"] : got["evidence_end"]] == got["evidence"]
    assert got["arguments"] == [
        {"role": "subject", "text": "Microsoft Corp.", "start": 0, "end": 15},
        {"role": "amount", "text": "13 milliards de dollars", "start": 26, "end": 49},
    ]
    assert [{k: s[k] for k in ("name", "kind")} for s in got["sources"]] == [
        {"name": "Financial Times", "kind": "source"},
        {"name": "Les Echos", "kind": "relay"},
    ]
    # the source resolves to the stored entity of that name; the relay is not an entity here
    assert got["sources"][0]["entity_id"] == find_entity(store, "Financial Times")["id"]
    assert got["sources"][1]["entity_id"] is None
    assert got["document"] == ext.document.id
    assert got["title"] == "Microsoft investit dans OpenAI"
    assert got["outlet"] == "Le Monde"
    assert got["url"] == "https://example.org/1"
    assert got["published"] == "2023-01-23"
    assert got["source"] == "a.txt"
    (doc,) = store.documents()
    assert doc["id"] == ext.document.id
    assert doc["external_id"] == "doc-1"
    assert doc["claims"] == 1 and doc["mentions"] == 5
    full = store.document(ext.document.id)
    assert full is not None and full["text"] == TEXT_1


def test_source_order_is_preserved(store: Store) -> None:
    store.add(extraction_2(), RESOLUTION)
    (got,) = store.claims()
    assert [s["name"] for s in got["sources"]] == ["L'Usine Digitale", "Reuters", "Boursorama"]
    assert [s["kind"] for s in got["sources"]] == ["source", "relay", "relay"]
    assert got["modality"] == "hedged"


def test_source_linked_to_entity_when_known(store: Store) -> None:
    store.add(extraction_1(), RESOLUTION)
    rows = store._conn.execute(
        "SELECT cs.name, e.name FROM claim_sources cs LEFT JOIN entities e ON e.id = cs.entity_id"
        " ORDER BY cs.position"
    ).fetchall()
    assert [tuple(r) for r in rows] == [("Financial Times", "Financial Times"), ("Les Echos", None)]


def test_readding_same_document_changes_nothing(store: Store) -> None:
    assert store.add(extraction_1(), RESOLUTION) is True
    before = store.stats()
    assert store.add(extraction_1(), RESOLUTION) is False
    assert store.stats() == before


def test_entities_resolve_across_documents_by_key(store: Store) -> None:
    store.add(extraction_1(), RESOLUTION)
    store.add(extraction_2(), RESOLUTION)
    microsoft = find_entity(store, "Microsoft")
    assert microsoft is not None
    assert find_entity(store, "MICROSOFT CORPORATION") == microsoft
    assert microsoft["name"] == "Microsoft Corp."  # the first name stays
    assert microsoft["type"] == "ORG"  # the first type stays
    assert microsoft["aliases"] == ["Microsoft Corp.", "Microsoft", "Microsoft Corporation"]
    assert microsoft["mentions"] == 2 and microsoft["claims"] == 2
    openai = find_entity(store, "OpenAI")
    assert openai is not None and openai["claims"] == 2
    assert [c["document"] for c in claims(store, entity="microsoft corp")] == [
        extraction_1().document.id,
        extraction_2().document.id,
    ]
    assert store.stats()["claims"] == 2


def test_descriptions_do_not_resolve_across_documents(store: Store) -> None:
    store.add(extraction_1(), RESOLUTION)
    store.add(extraction_2(), RESOLUTION)
    names = {e["name"]: e for e in store.entities()}
    # "l'assureur" is AIG in one article, Axa in another, and a bare entity in the second.
    assert {"AIG", "Axa", "l'assureur"} <= set(names)
    assert names["AIG"]["id"] != names["Axa"]["id"] != names["l'assureur"]["id"]
    assert "l'assureur" in names["AIG"]["aliases"] and "l'assureur" in names["Axa"]["aliases"]
    assert find_entity(store, "l'assureur") is None
    assert names["l'assureur"]["key"].startswith("assureur@")
    assert names["AIG"]["mentions"] == 2


def test_claim_party_missing_from_entities_is_created(store: Store) -> None:
    ext = extraction_1()
    doc = ext.document
    extra = claim(
        doc,
        "L'assureur AIG a démenti toute participation.",
        type="stake",
        subject="American International Group",
        object="OpenAI",
        modality="negated",
        subject_type="ORG",
    )
    assert store.add(
        Extraction(doc, "fr", ext.entities, ext.mentions, (*ext.claims, extra)), RESOLUTION
    )
    created = find_entity(store, "American International Group")
    assert created is not None
    assert created["type"] == "ORG" and created["claims"] == 1
    assert [c["modality"] for c in store.claims(type="stake")] == ["negated"]


def test_failing_add_rolls_back_the_whole_document(store: Store) -> None:
    store.add(extraction_2(), RESOLUTION)
    before = store.stats()
    ext = extraction_1()
    bad = replace(ext.claims[0], modality="rumoured")
    with pytest.raises(
        StoreError,
        match=r"storing document .* \(a\.txt\) failed \((CHECK|new row .* check constraint)",
    ):
        store.add(Extraction(ext.document, "fr", ext.entities, ext.mentions, (bad,)), RESOLUTION)
    assert store.stats() == before
    assert not store.has_document(ext.document.id)
    assert find_entity(store, "Financial Times") is None
    assert store.add(ext, RESOLUTION) is True  # the store is still usable


@pytest.mark.parametrize(
    "error", [sqlite3.OperationalError("disk I/O error"), ValueError("disk I/O error")]
)
def test_error_in_the_middle_rolls_back(
    store: Store, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def boom(*args: object) -> None:
        raise error

    monkeypatch.setattr(store, "_insert_claim", boom)
    with pytest.raises(StoreError, match="disk I/O error") as info:
        store.add(extraction_1(), RESOLUTION)
    assert info.value.__cause__ is error
    assert set(store.stats().values()) == {0}


def test_evidence_outside_the_text_is_refused(store: Store) -> None:
    ext = extraction_1()
    bad = Claim(document=ext.document.id, type="ipo", subject="OpenAI", evidence_end=10_000)
    with pytest.raises(StoreError, match="outside the text"):
        store.add(Extraction(ext.document, "fr", ext.entities, ext.mentions, (bad,)), RESOLUTION)
    assert set(store.stats().values()) == {0}


def test_claim_of_another_document_is_refused(store: Store) -> None:
    ext = extraction_1()
    bad = Claim(document="other", type="ipo", subject="OpenAI")
    with pytest.raises(StoreError, match="belongs to document other"):
        store.add(Extraction(ext.document, "fr", ext.entities, ext.mentions, (bad,)), RESOLUTION)


def test_identical_claims_are_stored_once(store: Store) -> None:
    ext = extraction_1()
    store.add(
        Extraction(ext.document, "fr", ext.entities, ext.mentions, ext.claims * 2), RESOLUTION
    )
    assert store.stats()["claims"] == 1


def test_foreign_keys_cascade_from_documents(store: Store) -> None:
    ext = extraction_1()
    store.add(ext, RESOLUTION)
    store._conn.execute("DELETE FROM documents WHERE id = ?", (ext.document.id,))
    stats = store.stats()
    assert stats["mentions"] == stats["claims"] == stats["claim_sources"] == 0
    with pytest.raises(store.driver_errors):  # type: ignore[attr-defined]
        store._conn.execute(
            'INSERT INTO mentions (document_id, entity_id, start, "end", text, kind)'
            " VALUES ('nope', 1, 0, 1, 'x', 'name')"
        )


# -- reading ---------------------------------------------------------------------------------


def test_claim_filters(store: Store) -> None:
    store.add(extraction_1(), RESOLUTION)
    store.add(extraction_2(), RESOLUTION)
    assert [c["type"] for c in claims(store, entity="OpenAI", type="divestment")] == ["divestment"]
    assert len(claims(store, entity="OpenAI", with_="Microsoft")) == 2
    assert len(claims(store, with_="Microsoft Corp")) == 2
    assert claims(store, entity="OpenAI", with_="Axa") == []
    assert claims(store, entity="Nobody") == []
    assert store.claims(type="ipo") == []
    assert [c["published"] for c in store.claims()] == ["2023-01-23", None]


# -- entity keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Microsoft Corp.", "microsoft"),
        ("Microsoft", "microsoft"),
        ("MICROSOFT CORPORATION", "microsoft"),
        ("L\u2019Oréal S.A.", "oreal"),
        ("l'assureur", "assureur"),
        ("Les Echos", "echos"),
        ("La Walt Disney Company", "walt disney"),
        ("The Walt Disney Co.", "walt disney"),
        ("Hydro-Québec", "hydro quebec"),
        ("Groupe SM", "groupe sm"),
        ("Mitsubishi UFJ Financial Group", "mitsubishi ufj financial group"),
        ("Koninklijke Philips N.V.", "koninklijke philips"),
        ("Foo Holdings Co., Ltd.", "foo holdings"),
        ("AT&T Inc", "at&t"),
        ("McDonald\u2019s   Corp", "mcdonald's"),
        ("SA", "sa"),
        ("Volkswagen AG", "volkswagen"),
        ("Siemens GmbH", "siemens"),
    ],
)
def test_entity_key(name: str, key: str) -> None:
    assert entity_key(name) == key


def test_legal_suffixes_loaded_once_from_data() -> None:
    assert legal_suffixes() is legal_suffixes()
    assert ("inc",) in legal_suffixes() and ("nv",) in legal_suffixes()
    assert ("group",) not in legal_suffixes()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("l'assureur", True),
        ("L\u2019assureur", True),
        ("la firme californienne", True),
        ("Ce groupe", True),
        ("the company", True),
        ("eBay", False),
        ("AIG", False),
        ("Le Monde", False),
        ("L'Oréal", False),
        ("gouvernement du Québec", False),
    ],
)
def test_is_description(name: str, expected: bool) -> None:
    assert is_description(name) is expected


def test_description_named_entity_resolves_by_its_name_alias(store: Store) -> None:
    store.add(extraction_1(), RESOLUTION)
    ext = extraction_2()
    entities = (*ext.entities[:2], Entity("L'assureur", "ORG", aliases=("AIG",)))
    store.add(Extraction(ext.document, "fr", entities, ext.mentions, ext.claims), RESOLUTION)
    aig = find_entity(store, "AIG")
    assert aig is not None and aig["name"] == "AIG"
    assert "L'assureur" in aig["aliases"]
    assert aig["mentions"] == 3  # "L'assureur" of the second article is AIG there


def test_migration_2_gives_old_rows_local_entities_and_keys(tmp_path: Path) -> None:
    """A database written by schema 1 keeps every row and resolves by its names after
    migration 2."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    MIGRATIONS[0][1](conn)
    conn.execute("INSERT INTO migrations VALUES (1, '_m001_initial', '2026-01-01')")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO documents (id, text, ingested_at) VALUES ('d1', 'Acme Corp owns Beta.', 'x')"
    )
    conn.execute(
        "INSERT INTO entities (id, key, name, type) VALUES (1, 'acme', 'Acme Corp', 'ORG')"
    )
    conn.execute("INSERT INTO entities (id, key, name, type) VALUES (2, 'beta', 'Beta', 'ORG')")
    conn.execute("INSERT INTO aliases VALUES (1, 'Acme Corp', 'acme', 'name')")
    conn.execute(
        "INSERT INTO mentions (document_id, entity_id, start, end, text, kind)"
        " VALUES ('d1', 1, 0, 9, 'Acme Corp', 'name')"
    )
    conn.execute(
        "INSERT INTO claims (id, document_id, type, subject_id, object_id, modality, evidence,"
        " evidence_start, evidence_end)"
        " VALUES ('c1', 'd1', 'stake', 1, 2, 'asserted', 'Acme Corp owns Beta.', 0, 20)"
    )
    conn.close()
    with open_store(path) as store:
        assert store.pragma("user_version") == latest_version()
        assert store.stats()["local_entities"] == 2
        assert find_entity(store, "ACME Corporation")["id"] == 1
        (row,) = claims(store, entity="Beta")
        assert row["subject_local"] is not None and row["object_local"] is not None
        assert entity_details(store, "Acme")["documents"][0]["document"] == "d1"


def _names_only(text: str, *entities: Entity) -> Extraction:
    doc = Document.from_text(text, language="en")
    return Extraction(document=doc, language="en", entities=entities, mentions=(), claims=())


def test_acronyms_join_once_and_two_letters_never(store: Store) -> None:
    store.add(_names_only("a", Entity("AIG", "ORG")), RESOLUTION)
    store.add(_names_only("b", Entity("American International Group", "ORG")), RESOLUTION)
    aig = find_entity(store, "AIG")
    assert find_entity(store, "American International Group")["id"] == aig["id"]
    # another long name with the same initials does not join an acronym already spelled
    store.add(_names_only("c", Entity("Allied Insurance Group", "ORG")), RESOLUTION)
    assert find_entity(store, "Allied Insurance Group")["id"] != aig["id"]
    # two letters are never enough
    store.add(_names_only("d", Entity("BP", "ORG")), RESOLUTION)
    store.add(_names_only("e", Entity("Bregman Partners", "ORG")), RESOLUTION)
    assert find_entity(store, "Bregman Partners")["id"] != find_entity(store, "BP")["id"]
    # a bare short name does not merge documents, but answers a query when it is unambiguous
    store.add(
        _names_only("f", Entity("Fichtel und Sachs AG", "ORG", aliases=("Sachs",))), RESOLUTION
    )
    store.add(_names_only("g", Entity("Sachs", "ORG")), RESOLUTION)
    assert entity_details(store, "Fichtel und Sachs")["documents"][0]["how"] == "new"
    assert len(entity_details(store, "Fichtel und Sachs")["documents"]) == 1


def test_acronym_evidence_against_a_merge(store: Store) -> None:
    store.add(_names_only("h", Entity("Federated Department Stores Inc", "ORG")), RESOLUTION)
    # an article that names the entity in full as well says which one its acronym is
    store.add(
        _names_only("i", Entity("Forces démocratiques syriennes", "ORG", aliases=("FDS",))),
        RESOLUTION,
    )
    assert (
        find_entity(store, "Forces démocratiques syriennes")["id"]
        != find_entity(store, "Federated Department Stores")["id"]
    )
    # a company's own name with a legal form is no abbreviation to spell
    store.add(_names_only("j", Entity("SCM Corp", "ORG")), RESOLUTION)
    store.add(_names_only("k", Entity("Siebel Capital Management Inc", "ORG")), RESOLUTION)
    assert (
        find_entity(store, "Siebel Capital Management")["id"]
        != find_entity(store, "SCM Corp")["id"]
    )
    # organisations only; names made only of legal forms identify nothing
    store.add(_names_only("l", Entity("IBM", "PRODUCT")), RESOLUTION)
    store.add(_names_only("m", Entity("International Business Machines", "ORG")), RESOLUTION)
    assert (
        find_entity(store, "IBM")["id"]
        != find_entity(store, "International Business Machines")["id"]
    )
    store.add(_names_only("n", Entity("Co Inc", "ORG")), RESOLUTION)
    store.add(_names_only("o", Entity("Co Inc", "ORG")), RESOLUTION)
    assert len([e for e in store.entities() if e["name"] == "Co Inc"]) == 2


def test_migration_5_rekeys_entities_stored_with_older_keys(tmp_path: Path) -> None:
    """A database whose keys were made before link words, plurals and tickers were keyed
    (schema 4) finds its entities by the new keys once migrated."""
    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    for version, migration in MIGRATIONS[:4]:
        migration(conn)
        conn.execute("INSERT INTO migrations VALUES (?, ?, '')", (version, migration.__name__))
    conn.execute("PRAGMA user_version = 4")
    conn.execute(
        "INSERT INTO documents (id, text, ingested_at) VALUES ('a', 'a', 'x'), ('b', 'b', 'x')"
    )
    conn.execute(
        "INSERT INTO entities (id, key, name, type) VALUES"
        " (1, 'banco de santander', 'Banco de Santander', 'ORG'),"
        " (2, 'martin t sosnoff', 'Martin T. Sosnoff', 'PERSON')"
    )
    conn.execute(
        "INSERT INTO local_entities (document_id, name, type, names, entity_id) VALUES"
        " ('a', 'Banco de Santander', 'ORG', '[\"Banco de Santander\", \"<STD>\"]', 1),"
        " ('b', 'Martin T. Sosnoff', 'PERSON', '[\"Martin T. Sosnoff\"]', 2)"
    )
    conn.execute(
        "INSERT INTO aliases (entity_id, alias, key, kind) VALUES"
        " (1, 'Banco de Santander', 'banco de santander', 'name'), (1, '<STD>', 'std', 'name'),"
        " (2, 'Martin T. Sosnoff', 'martin t sosnoff', 'name')"
    )
    conn.execute(
        "INSERT INTO entity_keys (key, kind, entity_id) VALUES ('banco de santander', 'name', 1),"
        " ('std', 'name', 1), ('martin t sosnoff', 'name', 2)"
    )
    conn.close()
    with open_store(path) as store:
        assert store.pragma("user_version") == latest_version()
        store.add(_names_only("c", Entity("Banco Santander", "ORG")), RESOLUTION)
        store.add(_names_only("d", Entity("Grupo Santander", "ORG", ("<STD>",))), RESOLUTION)
        store.add(_names_only("e", Entity("Martin Sosnoff", "PERSON")), RESOLUTION)
        assert find_entity(store, "Banco Santander")["documents"] == 3  # type: ignore[index]
        assert find_entity(store, "Martin Sosnoff")["documents"] == 2  # type: ignore[index]
        keys = {k["key"] for k in entity_details(store, "Banco de Santander")["keys"]}
        assert keys == {"banco santander", "ticker:std", "grupo santander"}


def test_a_change_and_an_amount_kind_are_stored(tmp_path: Path) -> None:
    """Migration 7: a claim keeps what its amount counts and the former level of a change;
    the claims of a database of schema 3 read NULL there."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    for version, migration in MIGRATIONS[:3]:  # a database of the previous release
        migration(conn)
        conn.execute("INSERT INTO migrations VALUES (?, ?, '')", (version, migration.__name__))
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    text = "Rainbow Corp Ltd said it has lifted its stake in Progressive to 52 pct from 44 pct."
    doc = Document.from_text(text, language="en")
    change = claim(
        doc,
        text,
        type="stake",
        subject="Rainbow Corp Ltd",
        object="Progressive",
        percent=52.0,
        previous_percent=44.0,
    )
    priced = claim(
        doc,
        text,
        type="acquisition",
        subject="Rainbow Corp Ltd",
        object="Progressive",
        amount=4.2,
        currency="NZD",
        amount_kind="per_share",
    )
    ext = Extraction(
        document=doc,
        language="en",
        entities=(Entity("Rainbow Corp Ltd", "ORG"), Entity("Progressive", "ORG")),
        mentions=(),
        claims=(change, priced),
    )
    with open_store(path) as store:
        assert store.pragma("user_version") == latest_version()
        assert store.add(ext, RESOLUTION)
        rows = {r["type"]: r for r in claims(store, entity="Progressive")}
    assert (rows["stake"]["percent"], rows["stake"]["previous_percent"]) == (52.0, 44.0)
    assert rows["stake"]["amount_kind"] is None and rows["stake"]["previous_amount"] is None
    assert (rows["acquisition"]["amount"], rows["acquisition"]["amount_kind"]) == (4.2, "per_share")


def test_claim_ids_of_claims_without_a_change_are_unchanged() -> None:
    doc = Document.from_text("Acme Corp owns Beta.", language="en")
    plain = claim(doc, "Acme Corp owns Beta.", type="stake", subject="Acme Corp", object="Beta")
    total = replace(plain, amount=5.0, currency="USD", amount_kind="total")
    assert claim_id(plain, doc.id) != claim_id(replace(plain, previous_percent=3.0), doc.id)
    assert claim_id(total, doc.id) == claim_id(replace(total, amount_kind=None), doc.id)


def test_a_merge_moves_the_products_of_the_absorbed_entity(store: Store) -> None:
    from pressgraph.resolve.corrections import merge_entities

    store.add(extraction_1(), RESOLUTION)
    store.add(extraction_2(), RESOLUTION)
    ids = {e["name"]: e["id"] for e in store.entities()}
    # Axa owns OpenAI (for the test): merging Axa into Microsoft moves the product
    store.write("owner", lambda index: index.set_owner(ids["OpenAI"], ids["Axa"]))
    merge_entities(store, "Microsoft Corp.", "Axa")
    owned = store.entity(ids["OpenAI"])
    assert owned is not None and owned["owner"] == "Microsoft Corp."
