"""The Ray Data engine (``pressgraph ingest --engine ray``) stores what the local engine
stores: on 200 corpus articles (100 English Reuters, 100 French Wikinews) and one bad
input, the same database, row for row, and the same ``rejected:`` line; run again, it
stores nothing new; killed and run again, it ends as one uninterrupted run.

Ray runs in local mode, started once for the module (``ray.init(num_cpus=2)`` through
:func:`pressgraph.ray_engine.connect`) and shut down at its end.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import pressgraph
from pressgraph import pipeline, ray_engine
from pressgraph.cli import app
from pressgraph.errors import ConfigError
from pressgraph.store import open_readonly, open_store

SRC = Path(pressgraph.__file__).resolve().parents[1]
PER_LANGUAGE = 100
TIMESTAMPS = {"ingested_at", "applied_at", "created_at"}


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[Any]:
    """Ray on this machine, 2 CPUs, for the whole module."""
    import ray

    assert ray_engine.connect(cpus=2), "a Ray was already running in the test process"
    try:
        yield ray
    finally:
        ray_engine.disconnect()


@pytest.fixture(scope="module")
def inputs(shared_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """100 English then 100 French corpus articles, and a binary file between them."""
    folder = tmp_path_factory.mktemp("ray-inputs")
    paths = []
    for name in ("reuters-acq-en.jsonl", "wikinews-fr.jsonl"):
        with (shared_corpus / name).open(encoding="utf-8") as f:
            lines = [next(f) for _ in range(PER_LANGUAGE)]
        path = folder / name
        path.write_text("".join(lines), encoding="utf-8")
        paths.append(str(path))
    bad = folder / "bad.txt"
    bad.write_bytes(b"not an article\x00\x01\x02")
    return [paths[0], str(bad), paths[1]]


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (documents, entities, mentions, claims, stories...),
    timestamps left out, in a stable order."""
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for table in sorted(tables):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            kept = ", ".join(f'"{c}"' for c in columns if c not in TIMESTAMPS)
            out[table] = con.execute(f"SELECT {kept} FROM {table} ORDER BY {kept}").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def local_run(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    db = tmp_path_factory.mktemp("local") / "local.db"
    with open_store(db) as store:
        report = pipeline.run(inputs, store)
    return db, report


@pytest.fixture(scope="module")
def ray_run(
    ray_cluster: Any, inputs: list[str], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Any, list[tuple[str, str]]]:
    db = tmp_path_factory.mktemp("ray") / "ray.db"
    events: list[tuple[str, str]] = []
    with open_store(db) as store:
        report = ray_engine.run(
            inputs, store, workers=2, reader=partial(open_readonly, db),
            progress=lambda event, detail: events.append((event, detail)),
        )  # fmt: skip
    return db, report, events


def count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def ingest(inputs: list[str], db: Path) -> subprocess.Popen[bytes]:
    """``pressgraph ingest --engine ray --workers 2`` in a process of its own (its own Ray)."""
    cmd = [sys.executable, "-m", "pressgraph", "ingest", "--engine", "ray", "--workers", "2",
           *inputs, "--db", str(db)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


#: Ray's agents, which leave in their own time (a few minutes) once their raylet is gone.
AGENTS = ("ray::DashboardAgent", "ray::RuntimeEnvAgent")


def session_processes(session: int) -> list[str]:
    """The command lines of the processes left in the session ``session``."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text(errors="replace")
            cmdline = Path(f"/proc/{entry.name}/cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(cmdline.replace(b"\0", b" ").decode(errors="replace").strip())
    return found


def ray_ends(session: int, seconds: float = 60) -> list[str]:
    """What is left of the session ``session`` (the command's Ray: its head, raylet,
    actors) after ``seconds``, Ray's agents aside; then every process left in it, agents
    too, is killed (the test started them)."""
    deadline = time.monotonic() + seconds
    left = session_processes(session)
    while time.monotonic() < deadline:
        left = [p for p in session_processes(session) if not p.startswith(AGENTS)]
        if not left:
            break
        time.sleep(0.5)
    for entry in os.scandir("/proc"):
        try:
            if entry.name.isdigit() and os.getsid(int(entry.name)) == session:
                os.kill(int(entry.name), signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return left


def test_a_killed_run_resumes_to_the_same_database(
    inputs: list[str], local_run: tuple[Path, Any], tmp_path: Path
) -> None:
    """Runs first, before this module starts its own Ray: the command starts another."""
    db = tmp_path / "resumed.db"
    killed = ingest(inputs, db)
    deadline = time.monotonic() + 300
    while count(db) < 40:
        assert killed.poll() is None, killed.communicate()[1].decode()
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)
    os.kill(killed.pid, signal.SIGKILL)  # the driver only, as `kill -9 PID` does
    killed.wait()
    assert ray_ends(killed.pid) == [], "Ray's processes outlived the killed ingest"
    stored_before = count(db)
    assert 40 <= stored_before < 2 * PER_LANGUAGE, "killed too late to test resuming"
    again = ingest(inputs, db)
    _, stderr = again.communicate(timeout=600)
    assert again.returncode == 1, stderr.decode()  # the bad input
    assert f"stored {2 * PER_LANGUAGE - stored_before} document(s)" in stderr.decode()
    assert f"skipped {stored_before}, rejected 1" in stderr.decode()
    assert dump(db) == dump(local_run[0])
    assert ray_ends(again.pid, seconds=10) == [], "Ray's processes outlived the ingest"


def test_ray_workers_run_this_checkout(ray_cluster: Any) -> None:
    @ray_cluster.remote(num_cpus=0)
    def where() -> str:
        import pressgraph

        return str(Path(pressgraph.__file__).resolve())

    assert ray_cluster.get(where.remote()) == str(Path(pressgraph.__file__).resolve())


def test_same_graph_as_the_local_engine(
    local_run: tuple[Path, Any], ray_run: tuple[Path, Any, list[tuple[str, str]]]
) -> None:
    (local_db, local), (db, report, events) = local_run, ray_run
    assert len(report.stored) == 2 * PER_LANGUAGE
    assert report.stored == local.stored  # in input order
    assert report.claims == local.claims > 0
    assert report.reprints == local.reprints
    got, want = dump(db), dump(local_db)
    assert got.keys() == want.keys()
    for table in ("documents", "entities", "claims"):
        assert len(want[table]) > 0, table
    for table in want:
        assert got[table] == want[table], table
    # progress: one event per input document, in order, and the bad input once
    assert [e for e, _ in events].count("stored") == 2 * PER_LANGUAGE
    assert [d for e, d in events if e == "rejected"] == report.rejected


def test_a_bad_input_is_reported_as_by_the_local_engine(
    local_run: tuple[Path, Any], ray_run: tuple[Path, Any, list[tuple[str, str]]]
) -> None:
    (_, local), (_, report, _) = local_run, ray_run
    assert len(report.rejected) == 1 and "bad.txt: binary content" in report.rejected[0]
    assert report.rejected == local.rejected


def test_run_again_stores_nothing_new(
    ray_run: tuple[Path, Any, list[tuple[str, str]]], inputs: list[str]
) -> None:
    db, _, _ = ray_run
    before = dump(db)
    with open_store(db) as store:
        again = ray_engine.run(inputs, store, workers=2, reader=partial(open_readonly, db))
    assert again.stored == [] and again.claims == 0
    assert len(again.skipped) == 2 * PER_LANGUAGE
    assert len(again.rejected) == 1
    assert dump(db) == before


def test_ingest_command_with_the_ray_engine(ray_cluster: Any, tmp_path: Path) -> None:
    """``pressgraph ingest --engine ray``: the progress, rejected and summary lines of the
    local engine (Ray is already running in this process: the command uses it)."""
    source = tmp_path / "few.jsonl"
    source.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": f"d{i}",
                    "language": "en",
                    "text": f"Orange said on Monday it had "
                    f"agreed to buy Verkor {i} for {10 + i} million euros.",
                }
            )  # fmt: skip
            for i in range(3)
        )
        + "\n{not json\n",
        encoding="utf-8",
    )
    db = tmp_path / "g.db"
    result = CliRunner().invoke(
        app, ["ingest", "--engine", "ray", "--workers", "1", str(source), "--db", str(db)]
    )
    assert result.exit_code == 1, result.output
    assert "rejected: " in result.output and "few.jsonl:4" in result.output
    assert "stored 3 document(s)" in result.output and "rejected 1" in result.output
    assert "INFO" not in result.output and "WARNING" not in result.output


def test_address_needs_the_ray_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["ingest", "--address", "auto", "x.txt", "--db", str(tmp_path / "g.db")]
    )
    assert result.exit_code == 1
    assert "--address names a Ray cluster: it needs --engine ray" in result.output


def test_without_ray_one_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray raises ImportError
    with pytest.raises(ConfigError, match=r"pip install 'pressgraph\[ray\]'"):
        ray_engine.connect(cpus=1)


def test_urls_are_fetched_and_refused_as_by_the_local_engine(
    ray_cluster: Any, local_site: Any, tmp_path: Path
) -> None:
    """URLs are read in one Ray task (one fetcher: robots.txt and politeness per host), a
    page and a missing page give what the local engine gives."""
    from pressgraph.ingest import IngestOptions
    from pressgraph.ingest.fetch import FetchPolicy

    page = (Path(__file__).parent / "data" / "web" / "article-fr.html").read_bytes()
    urls = [local_site.serve("/news/one", page), local_site.url("/news/missing")]
    policy = FetchPolicy(timeout=2.0, min_interval=0.0, allowed_networks=("127.0.0.1/32",))
    options = IngestOptions(fetch=policy)
    reports = []
    for engine in (pipeline, ray_engine):
        with open_store(tmp_path / f"{engine.__name__}.db") as store:
            reports.append(engine.run(urls, store, ingest=options))
    local, ray = reports
    assert len(ray.stored) == 1 and ray.stored == local.stored
    assert len(ray.rejected) == 1 and ray.rejected == local.rejected
    assert "/news/missing" in ray.rejected[0]
