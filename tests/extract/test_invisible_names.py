"""NUL and invisible characters never inside entity names (issue 12).

Hostile text goes through the real pipeline into a store: no stored name, alias, key,
mention or source holds a format or control character, "Micro\\u200bsoft" resolves with
"Microsoft", and every offset still points at what the article wrote. Real cases from
``../shared/corpus``: "Jimmy Wales\\u200f" (fr-wikinews-2017-05-03-001), "Renaud
Joubert\\u200f" (fr-wikinews-2018-12-27-001), "Ronald Tran Ba \\u200b\\u200bHuy"
(fr-wikinews-2017-03-24-001).
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from pressgraph import pipeline, query
from pressgraph.names import clean_name, entity_key, resolution_key
from pressgraph.store import open_store


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Micro\u200bsoft", "Microsoft"),  # zero-width space
        ("Micro\u200csoft", "Microsoft"),  # zero-width non-joiner
        ("Intel\u200d Corp", "Intel Corp"),  # zero-width joiner
        ("Open\u2060AI", "OpenAI"),  # word joiner
        ("\ufeffNvidia", "Nvidia"),  # byte order mark
        ("Nade\u00adlla", "Nadella"),  # soft hyphen
        ("Jimmy Wales\u200f", "Jimmy Wales"),  # right-to-left mark
        ("Ama\u200ezon", "Amazon"),  # left-to-right mark
        ("\u202eGoogle\u202c", "Google"),  # right-to-left override, pop
        ("Les\u2066 Echos\u2069", "Les Echos"),  # isolates
        ("Alpha\x00bet", "Alphabet"),  # NUL
        ("Re\x07nault", "Renault"),  # BEL (C0)
        ("Air\x7fbus", "Airbus"),  # DEL
        ("Sie\x9bmens", "Siemens"),  # CSI (C1)
        ("Ronald Tran Ba \u200b\u200bHuy", "Ronald Tran Ba Huy"),
        ("Banque\tde France", "Banque de France"),  # a control that separates words
        ("Caisse\x85d'Epargne", "Caisse d'Epargne"),  # next line (C1), a separator too
        ("Société Générale", "Société Générale"),  # nothing to clean
        ("Sam\u00a0Altman", "Sam\u00a0Altman"),  # a no-break space is a space, not a control
    ],
)
def test_clean_name(written: str, name: str) -> None:
    assert clean_name(written) == name


def test_keys_ignore_invisible_characters() -> None:
    assert entity_key("Micro\u200bsoft Corp") == entity_key("Microsoft") == "microsoft"
    assert resolution_key("l'assureur A\u00adI\u200bG") == "aig"


def _invisible(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in ("Cf", "Cc")]


ARTICLES = [
    {
        "id": "hostile-1",
        "language": "en",
        "title": "Deal",
        "text": "Micro\u200bsoft Corp said on Monday it had agreed to buy Acti\u2060vision "
        "Blizzard Inc for 69 billion dlrs. Satya Nade\u00adlla, chief executive of "
        "Microsoft, said the deal would close next year.\n\nThe \u202eGoogle\u202c unit "
        "Alpha\x00bet Inc declined to comment. \ufeffNvidia Corp and Intel\u200d Corp were "
        "not involved. Shares of Micro\u200csoft rose 2 pct.",
    },
    {
        "id": "hostile-2",
        "language": "en",
        "title": "Deal 2",
        "text": "Microsoft Corp said it would invest 10 billion dlrs in OpenAI, the startup "
        "behind ChatGPT. Microsoft said the investment would be made over several years. "
        "Sam Alt\u200bman, chief of Open\u2060AI, welcomed the deal. Ama\u200ezon Inc "
        "declined to comment.",
    },
    {
        "id": "hostile-3",
        "language": "fr",
        "title": "Accord",
        "text": "Le groupe Re\u200bnault a annoncé la cession de sa participation dans "
        "Nis\u00adsan pour deux milliards d'euros, selon Les\u2066 Echos\u2069. Le "
        "constructeur Re\x07nault précise que l'opération sera conclue en 2025.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    dump = tmp / "hostile.jsonl"
    dump.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with open_store(tmp / "db.sqlite") as store:
        report = pipeline.run([dump], store)
        assert report.rejected == [] and len(report.stored) == 3
        microsoft = query.find_entity(store, "Microsoft")
        assert microsoft is not None
        # "Micro\u200bsoft" resolves with "Microsoft", whichever way it is asked
        assert query.find_entity(store, "Micro\u200bsoft Corp") == microsoft
        assert query.find_entity(store, "Micro\u200csoft") == microsoft
    return tmp / "db.sqlite"


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_no_stored_name_holds_an_invisible_character(db: Path) -> None:
    stored = {
        "entities": "SELECT name FROM entities",
        "aliases": "SELECT alias FROM aliases",
        "keys": "SELECT key FROM entity_keys UNION ALL SELECT key FROM aliases",
        "local entities": "SELECT name FROM local_entities",
        "mentions": "SELECT text FROM mentions",
        "sources": "SELECT name FROM claim_sources",
    }
    found = {
        table: [(text, _invisible(text)) for (text,) in _rows(db, sql) if _invisible(str(text))]
        for table, sql in stored.items()
    }
    assert found == dict.fromkeys(stored, [])
    local = [
        n
        for (names,) in _rows(db, "SELECT names FROM local_entities")
        for n in json.loads(str(names))
    ]
    assert local and [n for n in local if _invisible(n)] == []
    names = {name for (name,) in _rows(db, "SELECT name FROM entities")}
    assert {"Microsoft Corp", "Activision Blizzard Inc", "Satya Nadella", "Alphabet Inc"} <= names
    assert {"Nvidia Corp", "Intel Corp", "Sam Altman", "OpenAI", "Renault", "Nissan"} <= names
    assert not any("Micro" in n and n != "Microsoft Corp" for n in names)


def test_one_microsoft_across_the_articles(db: Path) -> None:
    documents = _rows(
        db,
        "SELECT DISTINCT d.external_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " JOIN documents d ON d.id = m.document_id WHERE e.name = 'Microsoft Corp'",
    )
    assert sorted(d for (d,) in documents) == ["hostile-1", "hostile-2"]


def test_offsets_still_point_at_what_the_article_wrote(db: Path) -> None:
    texts = dict(_rows(db, "SELECT id, text FROM documents"))
    mentions = _rows(db, "SELECT document_id, start, end, text, kind FROM mentions")
    assert mentions
    for doc, start, end, text, kind in mentions:
        written = str(texts[doc])[int(str(start)) : int(str(end))]
        if kind == "name":
            assert clean_name(written) == text, (written, text)
        assert " ".join(clean_name(written).split()) == " ".join(str(text).split())
    claims = _rows(
        db, "SELECT document_id, evidence, evidence_start, evidence_end, arguments FROM claims"
    )
    assert claims
    for doc, evidence, start, end, arguments in claims:
        assert str(texts[doc])[int(str(start)) : int(str(end))] == evidence
        for argument in json.loads(str(arguments)):
            written = str(texts[doc])[argument["start"] : argument["end"]]
            assert clean_name(written) == argument["text"], (written, argument)
    sources = _rows(db, "SELECT c.document_id, s.name, s.start, s.end FROM claim_sources s"
                    " JOIN claims c ON c.id = s.claim_id WHERE s.start IS NOT NULL")  # fmt: skip
    for doc, name, start, end in sources:
        written = str(texts[doc])[int(str(start)) : int(str(end))]
        assert clean_name(written) == name, (written, name)
