"""Several ``pressgraph ingest`` processes writing one PostgreSQL database at once.

Four writers on overlapping slices of ``../shared/corpus`` (in opposite orders) give the
documents, stories and claims of one run over their union, and exactly the documents,
entities, claims and facts of one run in the order they committed, with no error line; a
writer killed with SIGKILL mid-run leaves only whole documents, and a second run
completes the rest (see the locking notes of :mod:`pressgraph.store.postgres.store`).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
#: Articles in the pool; each writer takes WINDOW of them, starting STEP after the last.
POOL, WINDOW, STEP, WRITERS = 80, 40, 14, 4


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC), "PRESSGRAPH_DB": ""}


def _ingest(path: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pressgraph", "ingest", str(path), "--db", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )


def _run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pressgraph", *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _dump(url: str, *, with_types: bool = False) -> dict[str, Any]:
    """The database, normalised: what does not depend on which writer stored what first
    (ids, ingest times) is left out; entities are the sets of document names they hold
    (``with_types``: and the entity types, when the documents were stored in one order)."""
    import psycopg

    with psycopg.connect(url) as conn:
        docs = sorted(r[0] for r in conn.execute("SELECT id FROM documents"))
        stories: dict[str, list[str]] = {}
        for doc, story in conn.execute("SELECT id, story FROM documents"):
            stories.setdefault(story, []).append(doc)
        groups: dict[int, list[str]] = {}
        for entity_id, doc, name in conn.execute(
            "SELECT entity_id, document_id, name FROM local_entities"
        ):
            groups.setdefault(entity_id, []).append(f"{doc}:{name}")
        members = {e: "|".join(sorted(names)) for e, names in groups.items()}
        types = dict(conn.execute("SELECT id, type FROM entities").fetchall())
        claims = sorted(
            (cid, members.get(s, str(s)), members.get(o, "") if o else "", mod)
            for cid, s, o, mod in conn.execute(
                "SELECT id, subject_id, object_id, modality FROM claims"
            )
        )
        sources = conn.execute("SELECT count(*) FROM claim_sources").fetchone()[0]
        mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
        keys = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE key LIKE '%#%') FROM entities"
        ).fetchone()
    return {
        "documents": docs,
        "stories": sorted(sorted(v) for v in stories.values()),
        # an entity's type, like its name, is the first it was stored with, which depends on
        # which writer stored first: entities are the document names they hold
        "entities": sorted(members.values()),
        "types": sorted(types.values()) if with_types else None,
        "claims": claims,
        "sources": sources,
        "mentions": mentions,
        "entity_rows": keys[0],
        "second_keys": keys[1],
    }


def _members(url: str) -> dict[int, str]:
    """Each entity as the names documents gave it (``document:name|...``)."""
    import psycopg

    groups: dict[int, list[str]] = {}
    with psycopg.connect(url) as conn:
        for entity_id, doc, name in conn.execute(
            "SELECT entity_id, document_id, name FROM local_entities"
        ):
            groups.setdefault(entity_id, []).append(f"{doc}:{name}")
    return {e: "|".join(sorted(names)) for e, names in groups.items()}


def _facts(url: str) -> list[Any]:
    """``pressgraph facts`` of the database, without row ids and what names the run. An
    entity's name is the first a document gave it, which depends on which writer stored
    first: entities are named by the document names they hold."""
    members = _members(url)
    out = _run("facts", "--format", "jsonl", "--db", url)
    facts = []
    for line in out.splitlines():
        fact = json.loads(line)
        fact["subject"] = members.get(fact["subject_id"], fact["subject"])
        fact["object"] = members.get(fact["object_id"], fact["object"])
        for source in fact["sources"]:
            source["name"] = members.get(source["entity_id"], source["name"])
        facts.append(_without_ids(fact))
    return sorted(facts, key=lambda f: json.dumps(f, sort_keys=True))


#: What says which run stored a claim: the input line, when, and the story's first document
#: (the stories themselves are compared by :func:`_dump`).
_RUN_FIELDS = ("ingested_at", "source", "story")


def _without_ids(data: Any) -> Any:
    if isinstance(data, dict):
        return {
            k: _without_ids(v)
            for k, v in data.items()
            if not ("id" in k or k.endswith("_local") or k in _RUN_FIELDS)
        }
    if isinstance(data, list):
        return [_without_ids(v) for v in data]
    return data


@pytest.fixture(scope="module")
def pool(shared_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    lines = (shared_corpus / "reuters-acq-en.jsonl").read_text(encoding="utf-8").splitlines()
    return lines[:POOL]


@pytest.fixture(scope="module")
def reference(pool: list[str], postgres: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """One run over the whole pool."""
    folder = tmp_path_factory.mktemp("reference")
    (folder / "all.jsonl").write_text("\n".join(pool) + "\n", encoding="utf-8")
    url = str(postgres.new_database())
    _run("ingest", str(folder / "all.jsonl"), "--db", url)
    return url


def test_four_writers_at_once_give_what_one_run_gives(
    pool: list[str], reference: str, postgres: Any, tmp_path: Path
) -> None:
    url = str(postgres.new_database())
    _run("entities", "--db", url)  # migrated once (writers racing to migrate is tested below)
    writers = []
    for n in range(WRITERS):
        part = pool[n * STEP : n * STEP + WINDOW]
        if n % 2:
            part = part[::-1]
        path = tmp_path / f"part{n}.jsonl"
        path.write_text("\n".join(part) + "\n", encoding="utf-8")
        writers.append(_ingest(path, url))
    for writer in writers:
        _, stderr = writer.communicate(timeout=600)
        assert writer.returncode == 0, stderr
        lines = [line for line in stderr.splitlines() if line.startswith(("error", "rejected"))]
        assert not lines, stderr
    got, expected = _dump(url, with_types=True), _dump(reference)
    assert len(expected["documents"]) == POOL
    # the documents, their stories and their claims are what one run over the union stores
    for what in ("documents", "stories"):
        assert got[what] == expected[what], what
    assert {c[0] for c in got["claims"]} == {c[0] for c in expected["claims"]}
    # and everything, entities included, is what one run stores when it reads the articles
    # in the order the writers committed them (resolution depends on that order: an entity
    # keeps the first name and type it was stored with, an acronym joins the one entity
    # that has it at the time)
    serial = _one_run_in_commit_order(url, pool, postgres, tmp_path)
    assert got == _dump(serial, with_types=True)
    assert _facts(url) == _facts(serial)


def _one_run_in_commit_order(url: str, pool: list[str], postgres: Any, folder: Path) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        # rowid is drawn when the row is inserted, under the write lock: the commit order
        order = [r[0] for r in conn.execute("SELECT external_id FROM documents ORDER BY rowid")]
    by_id = {json.loads(line)["id"]: line for line in pool}
    path = folder / "serial.jsonl"
    path.write_text("\n".join(by_id[i] for i in order) + "\n", encoding="utf-8")
    serial = str(postgres.new_database())
    _run("ingest", str(path), "--db", serial)
    return serial


def test_writers_racing_to_create_the_schema(postgres: Any) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from pressgraph.store import open_store

    url = str(postgres.new_database())

    def open_once(_: int) -> int:
        with open_store(url) as store:
            return store.stats()["documents"]

    with ThreadPoolExecutor(4) as pool_:
        assert list(pool_.map(open_once, range(4))) == [0, 0, 0, 0]


def test_a_killed_writer_loses_nothing_committed(
    pool: list[str], reference: str, postgres: Any, tmp_path: Path
) -> None:
    import psycopg

    url = str(postgres.new_database())
    path = tmp_path / "all.jsonl"
    path.write_text("\n".join(pool) + "\n", encoding="utf-8")
    writer = _ingest(path, url)
    stored = 0
    deadline = time.monotonic() + 300
    with psycopg.connect(url, autocommit=True) as conn:
        while stored < 15 and time.monotonic() < deadline and writer.poll() is None:
            time.sleep(0.2)
            found = conn.execute("SELECT to_regclass('documents') IS NOT NULL").fetchone()[0]
            if found:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=60)
    assert stored > 0
    killed, expected = _dump(url), _dump(reference)
    assert 0 < len(killed["documents"]) < POOL, "the writer was not killed mid-run"
    # every stored document is whole: its claims are those of the same document in one run
    whole = {c[0] for c in expected["claims"]}
    assert {c[0] for c in killed["claims"]} <= whole
    per_doc = _per_document(reference)
    assert _per_document(url) == {d: per_doc[d] for d in killed["documents"]}
    # a second run stores the rest and ends as one uninterrupted run
    _run("ingest", str(path), "--db", url)
    assert _dump(url, with_types=True) == _dump(reference, with_types=True)


def _per_document(url: str) -> dict[str, tuple[int, int, int]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return {
            doc: (mentions, claims, local)
            for doc, mentions, claims, local in conn.execute(
                "SELECT d.id, (SELECT count(*) FROM mentions m WHERE m.document_id = d.id),"
                " (SELECT count(*) FROM claims c WHERE c.document_id = d.id),"
                " (SELECT count(*) FROM local_entities l WHERE l.document_id = d.id)"
                " FROM documents d"
            )
        }
