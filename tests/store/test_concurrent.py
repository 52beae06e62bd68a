"""Two processes writing one store at once keep one entity per name (SQLite, PostgreSQL).

The resolution stage runs inside the store's write transaction (SQLite's ``BEGIN
IMMEDIATE``, PostgreSQL's advisory write lock, see :mod:`pressgraph.store.protocol`): a
writer's lookups and the entities it creates are one atomic step, so the second writer
finds what the first created instead of creating it again.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from pressgraph.model import Document, Entity, Extraction, Mention
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import is_database_url, open_store

#: Names every document gives, in several spellings (one entity each, whatever the order).
SHARED = (("Acme Corp", "Acme Corporation"), ("Globex SA", "GLOBEX"), ("Initech Inc", "Initech"))


def _extraction(n: int) -> Extraction:
    spellings = [pair[n % 2] for pair in SHARED]
    own = f"Company Number{n} Holdings"
    text = f"Article {n}: " + ", ".join([*spellings, own]) + " signed an agreement."
    mentions = []
    for name in (*spellings, own):
        start = text.index(name)
        mentions.append(Mention(name, start, start + len(name), name, "ORG", "name"))
    doc = Document.from_text(text, language="en", source=f"doc{n}", external_id=f"doc{n}")
    entities = tuple(Entity(name, "ORG") for name in (*spellings, own))
    return Extraction(doc, "en", entities, tuple(mentions), ())


def _write(db: str | Path, order: list[int]) -> None:
    options = {} if is_database_url(db) else {"busy_timeout_ms": 60_000}
    with open_store(db, **options) as store:
        for n in order:
            store.add(_extraction(n), RESOLUTION)


def test_two_writers_at_once_create_no_duplicate_entity(store_target: str | Path) -> None:
    db = store_target
    open_store(db).close()  # migrated once, before the writers start
    docs = list(range(60))
    context = multiprocessing.get_context("fork")
    writers = [
        context.Process(target=_write, args=(db, docs)),
        context.Process(target=_write, args=(db, docs[::-1])),
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)
        assert writer.exitcode == 0
    with open_store(db) as store:
        assert store.stats()["documents"] == len(docs)
        keys = sorted(e["key"] for e in store.entities())
        assert not [k for k in keys if "#" in k], keys  # no second entity under one key
        assert len(keys) == len(SHARED) + len(docs)
        # every document's shared names joined the same three entities
        shared = {e["id"] for e in store.entities() if not e["name"].startswith("Company Number")}
        assert len(shared) == len(SHARED)
        assert all(e["documents"] == len(docs) for e in store.entities() if e["id"] in shared)
