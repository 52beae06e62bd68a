"""Duplicates at ingest, and resuming: a real ``pressgraph ingest`` killed with SIGKILL and
run again ends with the same database as one uninterrupted run.

The articles are generated here (short English deal stories from sentence templates, with
exact copies, edited reprints and a page fetched twice under one URL), so the test needs
no corpus and runs in about half a minute on two cores.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import pressgraph
from pressgraph.pipeline import run
from pressgraph.store import open_store

BUYERS = [
    "Renault", "Orange", "Sanofi", "Danone", "Thales", "Safran", "Vinci", "Kering", "Engie",
    "Capgemini", "Michelin", "Airbus", "Alstom", "Veolia", "Publicis", "Carrefour", "Bouygues",
    "Legrand", "Valeo", "Schneider Electric", "Siemens", "Philips", "Unilever", "Nestle",
]  # fmt: skip
TARGETS = [
    "Verkor", "Sensity", "Brightwave", "Cobalt Robotics", "Lumio", "Quantix", "Helios Grid",
    "Mistral Pay", "Nordwind", "Sparkle Bio", "Tandem Health", "Orbital Foods", "Kappa Data",
    "Pixelion", "Greenhaul", "Aquafin", "Botanic Labs", "Corvid Systems", "Dune Analytics",
    "Everpath", "Finch Mobility", "Gridline", "Hyperloop Fret", "Ivory Cloud", "Juno Care",
]  # fmt: skip
LEADS = [
    "{b} said on {d} it had agreed to buy {t} for {m} million {c}.",
    "{b} has acquired {t}, a start-up based in {p}, for {m} million {c}, the company said on {d}.",
    "{b} will take a {s}% stake in {t} for {m} million {c}, it said on {d}.",
    "{b} invested {m} million {c} in {t}, the two companies announced on {d}.",
    "{t} said on {d} that {b} had agreed to buy a {s}% stake in it for {m} million {c}.",
]
MORE = [
    "The deal values {t} at {v} million {c} and is expected to close in the {q} quarter.",
    "{t} was founded in {y} in {p} and employs {e} people.",
    "The transaction still needs the approval of competition authorities in {p}.",
    "Shares in {b} rose {r}% in early trading after the announcement.",
    "Analysts at {a} said the price was high but the fit was good.",
    "{b} has been looking for acquisitions in {sector} since last year.",
    "The chief executive of {t} will join the management board of {b}.",
    "{b} did not say how it would finance the purchase.",
    "It is the {n} deal of its kind in {sector} this year, according to {a}.",
    "{t} makes software for {sector} companies and sells it in {k} countries.",
]
PLACES = ["Lyon", "Berlin", "Madrid", "Boston", "Toronto", "Milan", "Oslo", "Lisbon", "Austin"]
SECTORS = ["logistics", "batteries", "health care", "payments", "retail", "energy", "farming"]
BANKS = ["Jefferies", "Bernstein", "Oddo BHF", "Kepler Cheuvreux", "Berenberg", "Bryan Garnier"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> dict[str, Any]:
    """Article ``i``: a lead and four other sentences, all chosen and filled from ``i``."""
    rng = random.Random(i)
    fill = {
        "b": rng.choice(BUYERS), "t": rng.choice(TARGETS), "d": rng.choice(DAYS),
        "m": rng.randint(5, 900), "c": rng.choice(["euros", "dollars"]), "s": rng.randint(5, 49),
        "v": rng.randint(1000, 9000), "q": rng.choice(["first", "second", "third", "fourth"]),
        "y": rng.randint(1995, 2022), "p": rng.choice(PLACES), "e": rng.randint(20, 4000),
        "r": rng.randint(1, 9), "a": rng.choice(BANKS), "sector": rng.choice(SECTORS),
        "n": rng.choice(["third", "fifth", "largest"]), "k": rng.randint(3, 40),
    }  # fmt: skip
    sentences = [rng.choice(LEADS), *rng.sample(MORE, 4)]
    text = " ".join(s.format(**fill) for s in sentences)
    return {
        "id": f"a{i}",
        "language": "en",
        "title": f"{fill['b']} and {fill['t']}",
        "outlet": rng.choice(["Reuters", "AFP", "Bloomberg", "Les Echos"]),
        "url": f"https://news.example/{i}",
        "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "text": text,
    }


def corpus(n: int) -> list[dict[str, Any]]:
    """``n`` articles, then copies: every 10th again (same text, other id and URL), every
    7th reprinted by another outlet (a first line added, a word changed), and every 25th
    fetched again under its URL with an updated last sentence."""
    items = [article(i) for i in range(n)]
    for i in range(0, n, 10):
        items.append({**items[i], "id": f"copy{i}", "url": f"https://copy.example/{i}"})
    for i in range(3, n, 7):
        base = items[i]
        text = f"{base['title']}: the deal. " + base["text"].replace(" said ", " stated ", 1)
        items.append({**base, "id": f"reprint{i}", "outlet": "Le Temps", "text": text,
                      "url": f"https://reprint.example/{i}"})  # fmt: skip
    for i in range(5, n, 25):
        base = items[i]
        text = base["text"] + " Updated with comment from the company."
        url = base["url"].replace("https://", "http://www.") + "/?utm_source=rss"
        items.append({**base, "id": f"update{i}", "text": text, "url": url})
    return items


def write_corpus(path: Path, n: int) -> list[dict[str, Any]]:
    items = corpus(n)
    lines = [json.dumps(item) for item in items]
    lines.insert(n // 2, "{not json")  # one rejected line, in the middle
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return items


TIMESTAMPS = {"ingested_at", "applied_at", "created_at"}


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, timestamps left out, in a stable order."""
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


def count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def workers_end(group: int, seconds: float = 10) -> bool:
    """Whether every process of the session ``group`` ends within ``seconds`` (else they
    are killed, so none outlives the test)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    os.killpg(group, signal.SIGKILL)
    return False


def ingest(source: Path, db: Path, workers: int) -> subprocess.Popen[bytes]:
    src = str(Path(pressgraph.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src}
    cmd = [sys.executable, "-m", "pressgraph", "ingest", str(source), "--db", str(db),
           "--workers", str(workers)]  # fmt: skip
    return subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


@pytest.mark.usefixtures("extract_en")  # the English pipeline loads (and is installed)
def test_a_killed_ingest_resumes_to_the_same_database(tmp_path: Path) -> None:
    n = 240
    source = tmp_path / "articles.jsonl"
    items = write_corpus(source, n)
    whole, resumed = tmp_path / "whole.db", tmp_path / "resumed.db"

    killed = ingest(source, resumed, workers=2)
    deadline = time.monotonic() + 120
    while count(resumed) < n // 3:
        assert killed.poll() is None, killed.communicate()[1].decode()
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)
    os.kill(killed.pid, signal.SIGKILL)  # the main process only, as `kill -9 PID` does
    killed.wait()
    assert workers_end(killed.pid), "the pool workers outlived the killed ingest"
    stored_before = count(resumed)
    assert n // 3 <= stored_before < n, "killed too late to test resuming"
    uninterrupted = ingest(source, whole, workers=1)
    again = ingest(source, resumed, workers=2)
    for proc in (uninterrupted, again):
        _, stderr = proc.communicate(timeout=180)
        assert proc.returncode == 1, stderr.decode()  # the one broken line
        assert "rejected 1" in stderr.decode()

    got, want = dump(resumed), dump(whole)
    assert got.keys() == want.keys()
    for table in want:
        assert got[table] == want[table], table
    # what was in the input: the originals and the reprints stored, copies skipped
    reprints = sum(1 for i in range(3, n, 7))
    assert len(want["documents"]) == n + reprints
    assert len(want["document_urls"]) == n + reprints
    assert len(items) == n + reprints + len(range(0, n, 10)) + len(range(5, n, 25))


@pytest.mark.usefixtures("extract_en")
def test_duplicates_are_skipped_and_reprints_join_their_story(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    n = 30
    write_corpus(source, n)
    with open_store(tmp_path / "g.db") as store:
        report = run([source], store)
        docs = store.documents()
    reprints = len(range(3, n, 7))
    copies, updates = len(range(0, n, 10)), len(range(5, n, 25))
    assert len(report.stored) == n + reprints and len(report.rejected) == 1
    assert len(report.skipped) == copies + updates
    assert report.reprints == reprints
    by_url = {d["url"]: d for d in docs}
    for i in range(3, n, 7):
        original, reprint = (
            by_url[f"https://news.example/{i}"],
            by_url[f"https://reprint.example/{i}"],
        )
        assert reprint["story"] == original["story"] == original["id"]
    assert len({d["story"] for d in docs}) == n
