"""``pressgraph bench --incremental``: does ingesting article n+1 cost the same at n = 100
and at n = 3,000?

Every article of the inputs is ingested into a fresh SQLite file, in a seeded random order
(so the first and the last articles are the same mix of languages and lengths), with
parsing and extraction in ``workers`` processes and resolution and writing in this one.
Two figures per article, compared between the first and the last ``window`` articles:

- *ingest*: wall time per article over the window (what a user waits for), counted from
  the first article stored (starting the process pool is not per-article work);
- *store*: CPU time of resolving and writing one article (entity resolution by blocking
  keys, the part whose cost could grow with the store). CPU time of this process, not wall
  time: the worker processes (and anything else on the machine) compete for the same
  cores, and that contention is no cost of the store.

The target is ``last / first <= 1.3`` for both. The resolution figures (entities, how each
document's entity was resolved) describe the graph the corpus gives.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import mean
from typing import Any

from pressgraph.errors import PressgraphError
from pressgraph.lang import LANGUAGES
from pressgraph.model import Document

__all__ = ["TARGET_RATIO", "run_incremental"]

TARGET_RATIO = 1.3
DEFAULT_WINDOW = 500


def _documents(paths: Sequence[str | Path], limit: int | None, seed: int) -> list[Document]:
    from pressgraph.ingest import iter_documents

    seen: set[str] = set()
    docs = []
    for item in iter_documents(paths):
        if isinstance(item, Document) and item.id not in seen:
            seen.add(item.id)
            docs.append(item)
    random.Random(seed).shuffle(docs)
    return docs[:limit] if limit else docs


def resolution_summary(db: Path) -> dict[str, Any]:
    """Entities after resolution, and how each document's entities were resolved."""
    con = sqlite3.connect(db)
    try:
        how = dict(con.execute("SELECT how, count(*) FROM local_entities GROUP BY how").fetchall())
        multi = con.execute(
            "SELECT count(*) FROM (SELECT entity_id FROM local_entities GROUP BY entity_id"
            " HAVING count(DISTINCT document_id) > 1)"
        ).fetchone()[0]
        return {
            "documents": con.execute("SELECT count(*) FROM documents").fetchone()[0],
            "local_entities": sum(how.values()),
            "entities": con.execute("SELECT count(*) FROM entities").fetchone()[0],
            "entities_in_several_documents": multi,
            "resolved_by": how,
            "claims": con.execute("SELECT count(*) FROM claims").fetchone()[0],
        }
    finally:
        con.close()


def run_incremental(
    paths: Sequence[str | Path],
    *,
    limit: int | None = None,
    workers: int = 2,
    window: int = DEFAULT_WINDOW,
    seed: int = 0,
    keep_db: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Ingest the articles of ``paths`` one after the other and compare the cost per
    article of the first and the last ``window`` (see the module docstring)."""
    from pressgraph import nlp
    from pressgraph.pipeline import extract_documents
    from pressgraph.resolve.stage import RESOLUTION
    from pressgraph.store import open_store

    docs = _documents(paths, limit, seed)
    for lang in sorted({d.language for d in docs if d.language} | set(LANGUAGES)):
        if lang in nlp.MODELS:
            nlp.load(lang)  # before the clock: the workers inherit the loaded pipelines
    if len(docs) < 2 * window:
        raise PressgraphError(
            f"--incremental needs at least {2 * window} articles (found {len(docs)}); "
            "point it at ../shared/corpus or lower the window"
        )
    with tempfile.TemporaryDirectory(prefix="pressgraph-incr-") as tmp:
        db = keep_db or Path(tmp) / "graph.db"
        if db.exists():
            raise PressgraphError(f"{db}: already exists; --keep-db needs a new file")
        stamps: list[float] = []
        store_s: list[float] = []
        rejected = 0
        with open_store(db) as store:
            start = time.perf_counter()
            for item in extract_documents(docs, workers=workers):
                if isinstance(item, PressgraphError):
                    rejected += 1
                else:
                    t0 = time.process_time()
                    store.add(item, RESOLUTION)
                    store_s.append(time.process_time() - t0)
                stamps.append(time.perf_counter())
                if progress is not None:
                    progress(len(stamps), len(docs))
        total = stamps[-1] - start
        n = len(stamps)
        # from the first article out: the pool's start and first batch are no ingest cost
        first_wall = (stamps[window] - stamps[0]) / window
        last_wall = (stamps[-1] - stamps[n - window - 1]) / window
        first_store = mean(store_s[:window])
        last_store = mean(store_s[-window:])
        summary = resolution_summary(db)
    ratios = {"ingest": last_wall / first_wall, "store": last_store / first_store}
    return {
        "articles": n,
        "rejected": rejected,
        "workers": workers,
        "window": window,
        "seed": seed,
        "seconds": round(total, 1),
        "articles_per_s": round(n / total, 2),
        "ingest_ms_per_article": {
            "first": round(first_wall * 1000, 1),
            "last": round(last_wall * 1000, 1),
        },
        "store_cpu_ms_per_article": {
            "first": round(first_store * 1000, 2),
            "last": round(last_store * 1000, 2),
        },
        "ratio": {k: round(v, 2) for k, v in ratios.items()},
        "target": TARGET_RATIO,
        "passed": all(v <= TARGET_RATIO for v in ratios.values()),
        "resolution": summary,
        "db": str(keep_db) if keep_db else None,
    }
