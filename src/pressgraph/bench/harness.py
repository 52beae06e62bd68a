"""The thin shell of ``pressgraph bench``: read the inputs, run every configuration in a
fresh ``python -m pressgraph.bench.harness`` process, time it and sample its memory.

The parent process (:func:`run`) writes the selected articles to a temporary JSON Lines
file; each child (:func:`child_main`) loads the models, warms up on a few articles, then
times one configuration and reports JSON lines on stdout: ``{"done": n}`` as it goes, then
``{"measurement": {...}}`` (or ``{"error": "..."}``).
"""

from __future__ import annotations

import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pressgraph.bench import (
    DEFAULT_LIMIT,
    DEFAULT_WORKERS,
    KINDS,
    RAY_KIND,
    BenchReport,
    Measurement,
    Selection,
    describe_selection,
    fastest,
    select_articles,
    selection_notes,
    summarise,
)
from pressgraph.errors import PressgraphError
from pressgraph.model import Document
from pressgraph.pipeline import BATCH_SIZE

__all__ = ["child_main", "control_speedup", "corpus_folders", "measure", "run", "select"]

#: Articles parsed (untimed) once the models are loaded, before the clock starts.
WARM_UP = 8
#: Seconds between two samples of the memory of a configuration's processes.
MEMORY_SAMPLING = 0.2

#: Called as articles are measured: (configuration label, articles done, articles in all).
Progress = Callable[[str, int, int], None]


def select(paths: Sequence[str | Path], limit: int = DEFAULT_LIMIT) -> Selection:
    """Read ``paths`` and pick the articles to measure; raise when none can be measured."""
    from pressgraph.ingest import iter_documents
    from pressgraph.pipeline import language_of

    selection = select_articles(
        iter_documents(paths), language_of=language_of, unsupported=language_support, limit=limit
    )
    if not selection.articles:
        reasons = [f"{lang}: {why}" for lang, why in selection.reasons.items()]
        reasons += selection.unreadable
        raise PressgraphError(
            f"no article to measure in a supported language ({'; '.join(reasons) or 'none read'})"
        )
    return selection


def run(
    paths: Sequence[str | Path],
    selection: Selection,
    *,
    limit: int = DEFAULT_LIMIT,
    workers: int = DEFAULT_WORKERS,
    repeat: int = 1,
    progress: Progress | None = None,
    debug: bool = False,
    engine: str = "local",
) -> BenchReport:
    """Measure every configuration on the articles of ``selection`` (read from ``paths``
    with ``limit``), with 1 and ``workers`` processes, each in a fresh process; with
    ``repeat > 1``, the configurations are run that many times in turn and the fastest run
    of each is kept (the one other processes disturbed least). ``engine="ray"`` measures
    the Ray Data engine too, with 1 and ``workers`` CPUs (one actor each)."""
    kinds = (*KINDS, RAY_KIND) if engine == "ray" else KINDS
    notes = selection_notes(selection, paths, os.getloadavg()[0], os.cpu_count() or 1)
    total = len(selection.articles)
    measurements = []
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.jsonl"
        write_articles(selection, articles)
        control: list[float] = []
        for turn in range(1, repeat + 1):
            for n in sorted({1, workers}):
                if n > 1:
                    control.append(control_speedup(n))
                for kind in kinds:
                    label = f"{kind} x{n}" + (f" ({turn}/{repeat})" if repeat > 1 else "")

                    def report(done: int, label: str = label) -> None:
                        if progress is not None:
                            progress(label, done, total)

                    measurements.append(measure(kind, n, articles, on_progress=report, debug=debug))
    notes.append(f"load average when the run ended: {os.getloadavg()[0]:.2f}")
    if engine == "ray":
        notes.append(
            "ray: Ray Data engine, 1 actor per CPU, timed from its first batch written to its "
            "last article (Ray's start, the actors' model load and that batch in 'load s'); "
            "CPU and memory include Ray's own processes"
        )
    if repeat > 1:
        notes.append(f"each configuration run {repeat} times in turn; the fastest run is shown")
    return summarise(
        fastest(measurements), describe_selection(selection, limit), notes,
        max(control) if control else None,
    )  # fmt: skip


def corpus_folders(cwd: Path | None = None) -> list[Path]:
    """The shared unlabelled corpus, if present: ``../shared/corpus`` from the current
    folder, else ``shared/corpus`` next to the repository this package is in."""
    import pressgraph

    here = (cwd or Path.cwd()) / ".." / "shared" / "corpus"
    repo = Path(pressgraph.__file__).resolve().parents[2]  # <repo>/src/pressgraph/__init__.py
    beside_repo = repo.parent / "shared" / "corpus"
    for folder in (here, beside_repo):
        if folder.is_dir():
            return [folder.resolve()]
    return []


def language_support(lang: str) -> str | None:
    """Why ``lang`` cannot be measured (no pipeline, model or lexicon), or None."""
    import importlib.util

    from pressgraph import nlp
    from pressgraph.lang import lexicon

    try:
        lexicon(lang)
    except PressgraphError as exc:
        return str(exc)
    model = nlp.MODELS.get(lang)
    if model is None:
        return f"no spaCy pipeline for language {lang!r}"
    if importlib.util.find_spec(model) is None:
        return f"spaCy pipeline {model!r} is not installed"
    return None


def write_articles(selection: Selection, path: Path) -> None:
    """The selected articles as JSON Lines (language resolved), for every configuration."""
    with path.open("w", encoding="utf-8") as f:
        for lang, d in selection.articles:
            record = {
                "id": d.external_id or d.id, "title": d.title, "date": d.published,
                "outlet": d.outlet, "url": d.url, "language": lang, "text": d.text,
            }  # fmt: skip
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def measure(
    kind: str,
    workers: int,
    articles: Path,
    *,
    on_progress: Callable[[int], None] | None = None,
    debug: bool = False,
) -> Measurement:
    """Run one configuration in a fresh ``python -m pressgraph.bench.harness`` process."""
    import pressgraph

    env = dict(os.environ)
    package_root = str(Path(pressgraph.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    config = json.dumps({"kind": kind, "workers": workers, "articles": str(articles),
                         "debug": debug})  # fmt: skip
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pressgraph.bench.harness", config],
            stdout=subprocess.PIPE, stderr=stderr, text=True, env=env,
        )  # fmt: skip
        result: dict[str, Any] = {}
        for line in proc.stdout or ():
            try:
                message = json.loads(line)
            except ValueError:  # something else printed on stdout: not ours
                continue
            if "done" in message and on_progress is not None:
                on_progress(message["done"])
            result.update({k: v for k, v in message.items() if k != "done"})
        proc.wait()
        stderr.seek(0)
        errors = stderr.read()
    if proc.returncode != 0 or "measurement" not in result:
        reason = result.get("error") or f"exit status {proc.returncode}"
        detail = f"\n{errors}" if debug and errors else ""
        raise PressgraphError(f"bench {kind} with {workers} process(es) failed: {reason}{detail}")
    return Measurement(**result["measurement"])


def _pss_kib(pid: int) -> int:
    """Proportional set size of ``pid`` in KiB (0 if it is gone or /proc says nothing)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _processes() -> dict[int, tuple[int, int]]:
    """Every process: pid -> (parent pid, CPU clock ticks used), from ``/proc/*/stat``."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            found[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _descendants(pid: int, table: dict[int, tuple[int, int]]) -> list[int]:
    """The children of ``pid``, their children and so on (a Ray run's actors are children
    of its raylet, which is a child of this process)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        kids = [p for p, (ppid, _) in table.items() if ppid == parent]
        found += kids
        todo += kids
    return found


class _MemorySampler(threading.Thread):
    """Samples the summed PSS of this process and its descendants until stopped, and the
    CPU time each descendant was last seen to have used."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self.ticks: dict[int, int] = {}  # descendant pid -> CPU clock ticks, last seen
        self._stop_event = threading.Event()

    def sample(self) -> None:
        me = os.getpid()
        table = _processes()
        kin = _descendants(me, table)
        total = sum(_pss_kib(pid) for pid in [me, *kin])
        self.peak_kib = max(self.peak_kib, total)
        self.ticks.update({pid: table[pid][1] for pid in kin})

    def descendants_cpu(self) -> float:
        """CPU seconds of the descendants seen (to the last sample before each ended)."""
        return sum(self.ticks.values()) / os.sysconf("SC_CLK_TCK")

    def run(self) -> None:
        while not self._stop_event.wait(MEMORY_SAMPLING):
            self.sample()

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        self.sample()
        return self.peak_kib if os.path.exists("/proc/self/smaps_rollup") else 0


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


#: Loop iterations of the control (about 0.5 s of one core).
CONTROL_LOOPS = 5_000_000


def control_speedup(workers: int, loops: int = CONTROL_LOOPS) -> float:
    """How much faster ``workers`` busy-loop processes get through ``workers`` loops than
    one process through one loop each: the speed-up this machine allows right now."""
    from concurrent.futures import ProcessPoolExecutor

    from pressgraph.pipeline import pool_context

    with ProcessPoolExecutor(max_workers=workers, mp_context=pool_context()) as pool:
        list(pool.map(_spin, [1] * workers))  # processes started before the clock
        started = time.perf_counter()
        _spin(loops)
        one = time.perf_counter() - started
        started = time.perf_counter()
        list(pool.map(_spin, [loops] * workers))
        many = time.perf_counter() - started
    return round(workers * one / many, 2) if many > 0 else 0.0


def _emit(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _timed_spacy(docs: Sequence[Document], workers: int) -> Iterator[int]:
    """Parse every text with bare ``nlp.pipe``, grouped per language; yield token counts."""
    from pressgraph import nlp

    by_lang: dict[str, list[str]] = {}
    for d in docs:
        by_lang.setdefault(d.language or "", []).append(d.text)
    for lang, texts in by_lang.items():
        pipe = nlp.load(lang)
        for parsed in pipe.pipe(texts, batch_size=BATCH_SIZE, n_process=workers):
            yield len(parsed)


def _run_configuration(kind: str, workers: int, articles: Path) -> dict[str, Any]:
    """Load and warm up, then time one configuration; the figures of :class:`Measurement`."""
    from pressgraph import nlp, pipeline
    from pressgraph.ingest import iter_documents
    from pressgraph.store import open_store

    if kind == RAY_KIND:
        return _run_ray(workers, articles)
    docs = [d for d in iter_documents([articles]) if not isinstance(d, PressgraphError)]
    started = time.perf_counter()
    for lang in sorted({d.language or "" for d in docs}):
        nlp.load(lang)
    load_seconds = time.perf_counter() - started
    # Untimed warm-up: the first-use caches of spaCy (and of extraction, for the pipeline).
    if kind == "spacy":
        sum(_timed_spacy(docs[:WARM_UP], 1))
    else:
        pipeline.extract_batch(docs[:WARM_UP])
    figures: dict[str, Any] = {}
    sampler = _MemorySampler()
    sampler.start()
    cpu0, started = time.process_time(), time.perf_counter()
    if kind == "spacy":
        tokens = 0
        for done, count in enumerate(_timed_spacy(docs, workers), start=1):
            tokens += count
            _emit({"done": done})
        figures = {"articles": len(docs), "tokens": tokens}
    else:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
            done = 0

            def progress(event: str, detail: str) -> None:
                nonlocal done
                done += 1
                _emit({"done": done})

            report = pipeline.run([articles], store, workers=workers, progress=progress)
        n = len(report.stored) + len(report.rejected) + len(report.skipped)
        figures = {"articles": n, "stored": len(report.stored), "rejected": len(report.rejected),
                   "claims": report.claims}  # fmt: skip
    seconds = time.perf_counter() - started
    pss_peak = sampler.stop()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu0 + children.ru_utime + children.ru_stime
    return {
        "kind": kind, "workers": workers, "seconds": seconds, "cpu_seconds": cpu,
        "load_seconds": load_seconds,
        "rss_self_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_children_kib": children.ru_maxrss, "pss_peak_kib": pss_peak, **figures,
    }  # fmt: skip


def _run_ray(workers: int, articles: Path) -> dict[str, Any]:
    """The Ray Data engine on ``workers`` CPUs (one actor each), into a fresh SQLite file.

    Timed from the moment the first batch (:data:`BATCH_SIZE` articles) is written to the
    last article: Ray's start, the actors' start and model load and the first batch are
    ``load_seconds``. CPU time, over the same span, is this process's and its descendants'
    (Ray's processes and actors, sampled)."""
    from functools import partial

    from pressgraph import ray_engine
    from pressgraph.store import open_readonly, open_store

    sampler = _MemorySampler()
    sampler.start()
    started = time.perf_counter()
    ray_engine.connect(cpus=workers)
    try:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
            times: list[float] = []
            cpu_at_first_batch = 0.0

            def progress(event: str, detail: str) -> None:
                nonlocal cpu_at_first_batch
                times.append(time.perf_counter())
                if len(times) == BATCH_SIZE:  # the clock starts: so does the CPU count
                    sampler.sample()
                    cpu_at_first_batch = time.process_time() + sampler.descendants_cpu()
                _emit({"done": len(times)})

            report = ray_engine.run(
                [articles], store, workers=workers, progress=progress,
                reader=partial(open_readonly, Path(tmp) / "bench.db"),
            )  # fmt: skip
        sampler.sample()
        cpu_at_end = time.process_time() + sampler.descendants_cpu()
    finally:
        ray_engine.disconnect()
    pss_peak = sampler.stop()
    if len(times) <= BATCH_SIZE:
        raise PressgraphError(f"bench ray: {len(times)} articles, too few to time after a batch")
    timed = times[BATCH_SIZE - 1 :]
    return {
        "kind": RAY_KIND, "workers": workers, "seconds": timed[-1] - timed[0],
        "cpu_seconds": cpu_at_end - cpu_at_first_batch,
        "load_seconds": timed[0] - started,
        "rss_self_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_children_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        "pss_peak_kib": pss_peak, "articles": len(timed) - 1, "stored": len(report.stored),
        "rejected": len(report.rejected), "claims": report.claims,
    }  # fmt: skip


def child_main(argv: Sequence[str]) -> int:
    """``python -m pressgraph.bench.harness CONFIG``: measure one configuration, report JSON lines
    on stdout (``{"done": n}`` as it goes, then ``{"measurement": {...}}``)."""
    config = json.loads(argv[0])
    logging.basicConfig(level=logging.DEBUG if config.get("debug") else logging.WARNING)
    try:
        figures = _run_configuration(config["kind"], config["workers"], Path(config["articles"]))
    except Exception as exc:  # reported to the parent as one line; traceback on stderr
        traceback.print_exc()
        _emit({"error": str(exc) or type(exc).__name__})
        return 1
    _emit({"measurement": figures})
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
