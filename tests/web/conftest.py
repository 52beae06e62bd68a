"""Databases for the web UI tests, built once per session by the real pipeline from the
bundled sample articles (what ``pressgraph demo`` stores), and an article written to attack
the web UI: markup, event handlers and ``javascript:`` URLs in its text, title, outlet, URL,
entity names, attribution chain and evidence.

The attack comes in two ways, both the store's real write path: :data:`HOSTILE_JSONL` goes
through the whole pipeline (``pressgraph ingest``; NER keeps no markup in names, so its
entities are ordinary), and :func:`hostile_extraction` is stored with ``SQLiteStore.add``
so that entity names and chains hold the payloads too.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pressgraph import pipeline
from pressgraph.cli import sample_paths
from pressgraph.model import Claim, Document, Entity, Extraction, Mention, Source
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import open_store

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"

#: Entity names holding the payloads.
ATTACKER = f"Evil {SCRIPT} Corp"
TARGET = f"{IMG} Holdings"
LINKED = f'<a href="{JS_URL}">Linked</a> SA'
RELAY = f"{IMG} Wire"

_SENTENCES = (
    f"{ATTACKER} agreed to acquire {TARGET} for $2 billion, according to the Financial Times,"
    f" relayed by {RELAY}.",
    f"{LINKED} signed a partnership with {ATTACKER}; more at {JS_URL} and"
    f" <a href='{JS_URL}'>here</a>.",
)
TEXT = f"{SCRIPT} headline {IMG}\n\n" + "\n\n".join(_SENTENCES) + "\n"


def hostile_extraction() -> Extraction:
    """A hand-made extraction of :data:`TEXT` (offsets computed, so the store accepts it)."""
    doc = Document.from_text(
        TEXT,
        title=f"{SCRIPT} Evil Corp buys {IMG}",
        outlet=f"{IMG} Daily",
        url=JS_URL.replace("1", "document.cookie"),  # not the ingested one's: no duplicate
        published="2026-01-05",
        language="en",
        source="hostile.jsonl:1",
        external_id="hostile-extraction",
    )

    def span(sentence: str) -> tuple[int, int]:
        start = TEXT.index(sentence)
        return start, start + len(sentence)

    def mentions(name: str, type_: str = "ORG") -> list[Mention]:
        found, at = [], TEXT.find(name)
        while at >= 0:
            found.append(Mention(name, at, at + len(name), name, type_))
            at = TEXT.find(name, at + 1)
        return found

    (s1, e1), (s2, e2) = span(_SENTENCES[0]), span(_SENTENCES[1])
    claims = (
        Claim(
            document=doc.id,
            type="acquisition",
            subject=ATTACKER,
            object=TARGET,
            amount=2e9,
            currency="USD",
            amount_kind="total",
            sources=(Source("Financial Times"), Source(RELAY, "relay")),
            evidence=_SENTENCES[0],
            evidence_start=s1,
            evidence_end=e1,
        ),
        Claim(
            document=doc.id,
            type="partnership",
            subject=LINKED,
            object=ATTACKER,
            evidence=_SENTENCES[1],
            evidence_start=s2,
            evidence_end=e2,
        ),
    )
    names = (ATTACKER, TARGET, LINKED, RELAY)
    return Extraction(
        document=doc,
        language="en",
        entities=tuple(Entity(n, "ORG") for n in names),
        mentions=tuple(m for n in names for m in mentions(n)),
        claims=claims,
    )


#: The same payloads as JSON lines for ``pressgraph ingest`` (a different text, so a
#: second document), then a reprint of that article by another outlet (a near-duplicate:
#: the same story).
_INGESTED_TEXT = (
    f"Globex Industries buys Initech {SCRIPT}\n\n"
    "Globex Industries said on Monday it had agreed to acquire Initech, a maker of office"
    f" software based in Austin, for $2 billion {IMG}, according to the Financial Times."
    " The deal, approved by both boards, is expected to close in the second quarter,"
    f" subject to regulatory approval. Read more at {JS_URL} or"
    f' <a href="{JS_URL}">here</a>.\n'
)
HOSTILE_JSONL = "".join(
    json.dumps(row) + "\n"
    for row in (
        {
            "id": "hostile-ingested",
            "language": "en",
            "date": "2026-01-06",
            "title": f"{SCRIPT} Globex Industries buys Initech {IMG}",
            "outlet": f"{IMG} Wire",
            "url": JS_URL,
            "text": _INGESTED_TEXT,
        },
        {
            "id": "hostile-reprint",
            "language": "en",
            "date": "2026-01-07",
            "title": "Globex Industries to buy Initech (reprint)",
            "outlet": "Reprint Daily",
            "text": _INGESTED_TEXT.replace("Read more", "(Reprinted by Reprint Daily.) More"),
        },
    )
)


@dataclass(frozen=True)
class Hostile:
    """The payloads, for tests to look for."""

    script: str = SCRIPT
    img: str = IMG
    js_url: str = JS_URL
    attacker: str = ATTACKER
    target: str = TARGET
    linked: str = LINKED
    relay: str = RELAY
    jsonl: str = HOSTILE_JSONL
    extraction: Callable[[], Extraction] = hostile_extraction


@pytest.fixture(scope="session")
def hostile() -> Hostile:
    return Hostile()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database: the bundled samples ingested by ``pipeline.run``."""
    db = tmp_path_factory.mktemp("web") / "demo.db"
    with open_store(db) as store:
        report = pipeline.run([str(p) for p in sample_paths()], store)
    assert report.stored and not report.rejected
    return db


@pytest.fixture(scope="session")
def hostile_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database plus the hostile article (ingested) and its hand-made extraction."""
    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "hostile.db"
    with open_store(demo_db) as store:  # a checkpointed copy: the WAL folded in
        store.pragma("wal_checkpoint")
    shutil.copy(demo_db, db)
    source = folder / "hostile.jsonl"
    source.write_text(HOSTILE_JSONL, encoding="utf-8")
    with open_store(db) as store:
        report = pipeline.run([str(source)], store)
        assert report.stored and not report.rejected
        assert store.add(hostile_extraction(), RESOLUTION)
    return db
