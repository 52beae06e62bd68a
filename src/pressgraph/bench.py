"""Throughput benchmark: bare spaCy parsing against the full pipeline, 1 and 2 processes.

The same articles go through four configurations, each in a fresh Python process so that
neither timings nor peak memory mix:

============  ==============================================================================
``spacy``     ``nlp.pipe`` over the texts, grouped per language (``n_process`` = workers):
              the floor no pipeline built on the same spaCy model can beat
``pipeline``  :func:`pressgraph.pipeline.run` (ingest, parse, extract, store) into a fresh
              temporary SQLite file, with ``workers`` processes
============  ==============================================================================

Models are loaded and warmed up on a few articles before the clock starts; load time is
reported apart. Throughput is wall-clock; tokens are those of the spaCy ``Doc`` (counted by
the ``spacy`` runs, the same count for every configuration).

Peak memory is the peak, sampled every 0.2 s, of the summed PSS (proportional set size,
``/proc/PID/smaps_rollup``) of the configuration's process and its worker processes: pages
that forked workers share with their parent are counted once. Where ``/proc`` has no PSS,
it is the upper bound ``ru_maxrss`` of the main process plus ``workers x`` the largest
worker's (``RUSAGE_CHILDREN``); both ``ru_maxrss`` figures are reported too.

The core is pure (:func:`select_articles`, :func:`summarise`); the harness
(:func:`measure`, and :func:`child_main` behind ``python -m pressgraph.bench``) is thin.
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pressgraph.errors import PressgraphError
from pressgraph.model import Document
from pressgraph.pipeline import BATCH_SIZE

__all__ = [
    "DEFAULT_LIMIT",
    "BenchReport",
    "Measurement",
    "Selection",
    "corpus_folders",
    "language_support",
    "measure",
    "run",
    "select",
    "select_articles",
    "summarise",
    "write_articles",
]

log = logging.getLogger(__name__)

#: Articles measured when no ``--limit`` is given: a few minutes on 2 cores.
DEFAULT_LIMIT = 400
#: Processes measured besides 1 when no ``--workers`` is given.
DEFAULT_WORKERS = 2
KINDS: tuple[str, ...] = ("spacy", "pipeline")
#: Articles parsed (untimed) once the models are loaded, before the clock starts.
WARM_UP = 8
#: Targets: pipeline / bare spaCy throughput, 2-process / 1-process pipeline, peak memory.
TARGET_RATIO = 0.70
TARGET_SPEEDUP = 1.6
TARGET_PEAK_MB = 2048.0
#: Seconds between two samples of the memory of a configuration's processes.
MEMORY_SAMPLING = 0.2
MEMORY_METHOD = (
    "each configuration in a fresh process; peak MB = peak of the summed PSS of the process "
    "and its workers, sampled every 0.2 s (shared pages counted once); where PSS is not "
    "available, ru_maxrss(main) + workers x ru_maxrss(largest worker), an upper bound"
)


# -- pure core -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """The articles measured, and what was left out of the inputs and why."""

    articles: tuple[tuple[str, Document], ...]  # (language, document), in measuring order
    excluded: dict[str, int] = field(default_factory=dict)  # language -> articles left out
    reasons: dict[str, str] = field(default_factory=dict)  # language -> why
    unreadable: tuple[str, ...] = ()  # one line per input that could not be read
    duplicates: int = 0

    @property
    def languages(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for lang, _ in self.articles:
            counts[lang] = counts.get(lang, 0) + 1
        return counts


def select_articles(
    items: Iterable[Document | PressgraphError],
    *,
    language_of: Callable[[Document], str],
    unsupported: Callable[[str], str | None],
    limit: int,
) -> Selection:
    """Pick up to ``limit`` distinct documents of supported languages, taking languages in
    turn (so a limit gives a mix, whatever order the inputs come in).

    ``items`` are documents or :class:`PressgraphError` (unreadable inputs, counted);
    ``unsupported(lang)`` says why a language cannot be measured, or None.
    """
    per_lang: dict[str, list[Document]] = {}
    excluded: dict[str, int] = {}
    reasons: dict[str, str] = {}
    seen: set[str] = set()
    unreadable: list[str] = []
    duplicates = 0
    for item in items:
        if isinstance(item, PressgraphError):
            unreadable.append(str(item))
            continue
        if item.id in seen:
            duplicates += 1
            continue
        seen.add(item.id)
        lang = language_of(item)
        if lang not in per_lang and lang not in reasons:
            reason = unsupported(lang)
            if reason is None:
                per_lang[lang] = []
            else:
                reasons[lang] = reason
        if lang in reasons:
            excluded[lang] = excluded.get(lang, 0) + 1
        else:
            per_lang[lang].append(item)
    picked: list[tuple[str, Document]] = []
    queues = {lang: iter(docs) for lang, docs in per_lang.items()}
    while queues and len(picked) < limit:
        for lang in list(queues):
            doc = next(queues[lang], None)
            if doc is None:
                del queues[lang]
            elif len(picked) < limit:
                picked.append((lang, doc))
    return Selection(tuple(picked), excluded, reasons, tuple(unreadable), duplicates)


@dataclass(frozen=True)
class Measurement:
    """What one configuration's process reports (raw: counts, seconds, KiB)."""

    kind: str
    workers: int
    articles: int
    seconds: float
    cpu_seconds: float
    load_seconds: float
    rss_self_kib: int
    rss_children_kib: int
    pss_peak_kib: int = 0  # 0: not measured (no /proc)
    tokens: int = 0  # counted by ``spacy`` runs only
    stored: int = 0  # ``pipeline`` runs only
    rejected: int = 0
    claims: int = 0


@dataclass(frozen=True)
class Row:
    """The figures of one configuration."""

    kind: str
    workers: int
    articles: int
    tokens: int
    seconds: float
    articles_per_s: float
    tokens_per_s: float
    cpu_seconds: float
    cores_used: float  # cpu_seconds / seconds: below ``workers``, the machine was busy
    load_seconds: float
    peak_mb: float  # sampled PSS peak of all processes, else the ru_maxrss upper bound
    peak_main_mb: float  # ru_maxrss of the main process
    peak_worker_mb: float  # ru_maxrss of the largest worker process
    vs_spacy: float | None  # pipeline / bare spaCy throughput with the same workers
    stored: int
    rejected: int
    claims: int


@dataclass(frozen=True)
class Target:
    """One target with its measured value."""

    name: str
    value: float
    threshold: float
    higher_is_better: bool
    caveat: str | None = None  # why the figure may not say what it should

    @property
    def passed(self) -> bool:
        if self.higher_is_better:
            return self.value >= self.threshold
        return self.value < self.threshold


@dataclass(frozen=True)
class BenchReport:
    """Every figure of a bench run."""

    rows: tuple[Row, ...]
    targets: tuple[Target, ...]
    speedups: dict[str, float]  # kind -> throughput with the most processes / with 1
    selection: dict[str, Any]
    notes: tuple[str, ...]
    control_speedup: float | None = None
    #: kind -> ``workers x`` CPU seconds with 1 process / with ``workers``: the speed-up an
    #: idle machine would allow, given the extra CPU the processes cost (tail not counted).
    cpu_bound_speedups: dict[str, float] = field(default_factory=dict)

    def row(self, kind: str, workers: int) -> Row:
        return next(r for r in self.rows if r.kind == kind and r.workers == workers)

    def to_json(self) -> dict[str, Any]:
        return {
            "selection": self.selection,
            "configurations": [asdict(r) for r in self.rows],
            "ratios": {
                str(r.workers): r.vs_spacy for r in self.rows if r.vs_spacy is not None
            },
            "speedups": self.speedups,
            "control_speedup": self.control_speedup,
            "cpu_bound_speedups": self.cpu_bound_speedups,
            "targets": [{**asdict(t), "passed": t.passed} for t in self.targets],
            "memory": MEMORY_METHOD,
            "notes": list(self.notes),
        }


def _per_second(count: float, seconds: float) -> float:
    return count / seconds if seconds > 0 else 0.0


def _peak_kib(m: Measurement) -> int:
    if m.pss_peak_kib:
        return m.pss_peak_kib
    return m.rss_self_kib + (m.workers * m.rss_children_kib if m.workers > 1 else 0)


def summarise(
    measurements: Sequence[Measurement],
    selection: dict[str, Any],
    notes: Sequence[str] = (),
    control_speedup: float | None = None,
) -> BenchReport:
    """Figures, ratios, speed-ups and targets from the raw measurements of a run.

    ``control_speedup`` is how much faster busy loops ran with as many processes as the
    multi-process configurations than with one, on the machine at the time: what speed-up
    the machine could show at all.
    """
    tokens = max((m.tokens for m in measurements if m.kind == "spacy"), default=0)
    spacy_rate = {m.workers: _per_second(m.articles, m.seconds) for m in measurements
                  if m.kind == "spacy"}  # fmt: skip
    rows = []
    for m in measurements:
        rate = _per_second(m.articles, m.seconds)
        bare = spacy_rate.get(m.workers)
        rows.append(
            Row(
                kind=m.kind,
                workers=m.workers,
                articles=m.articles,
                tokens=tokens,
                seconds=round(m.seconds, 3),
                articles_per_s=round(rate, 2),
                tokens_per_s=round(_per_second(tokens, m.seconds), 1),
                cpu_seconds=round(m.cpu_seconds, 2),
                cores_used=round(_per_second(m.cpu_seconds, m.seconds), 2),
                load_seconds=round(m.load_seconds, 2),
                peak_mb=round(_peak_kib(m) / 1024, 1),
                peak_main_mb=round(m.rss_self_kib / 1024, 1),
                peak_worker_mb=round(m.rss_children_kib / 1024, 1),
                vs_spacy=round(rate / bare, 3) if m.kind != "spacy" and bare else None,
                stored=m.stored,
                rejected=m.rejected,
                claims=m.claims,
            )
        )
    rate_of = {(r.kind, r.workers): r.articles_per_s for r in rows}
    most = max((r.workers for r in rows), default=1)
    speedups = {
        kind: round(_per_second(rate_of[(kind, most)], rate_of[(kind, 1)]), 3)
        for kind in KINDS
        if most > 1 and (kind, 1) in rate_of and (kind, most) in rate_of
    }
    cpu_of = {(r.kind, r.workers): r.cpu_seconds for r in rows}
    cpu_bounds = {
        kind: round(most * _per_second(cpu_of[(kind, 1)], cpu_of[(kind, most)]), 2)
        for kind in speedups
    }
    targets = [
        Target(f"pipeline >= {TARGET_RATIO:.0%} of bare spaCy ({r.workers} process"
               f"{'es' if r.workers > 1 else ''})", r.vs_spacy, TARGET_RATIO, True)
        for r in rows if r.vs_spacy is not None
    ]  # fmt: skip
    if "pipeline" in speedups and most == 2:
        caveat = None
        if control_speedup is not None and control_speedup < TARGET_SPEEDUP:
            caveat = (f"not measurable now: {most} busy loops ran only {control_speedup:.2f}x "
                      f"as fast as 1 on this machine (other processes hold the CPUs)")  # fmt: skip
        targets.append(
            Target(f"pipeline 2 processes >= {TARGET_SPEEDUP}x 1 process",
                   speedups["pipeline"], TARGET_SPEEDUP, True, caveat)
        )  # fmt: skip
    if rows:
        peak = max(r.peak_mb for r in rows)
        name = f"peak memory < {TARGET_PEAK_MB:.0f} MB"
        targets.append(Target(name, peak, TARGET_PEAK_MB, False))
    notes = [*notes, *contention_notes(rows)]
    notes += [
        f"{kind}: CPU seconds with {most} processes / with 1 = {most / x:.2f}, so on an idle "
        f"machine its speed-up would be at most {x:.2f}x"
        for kind, x in cpu_bounds.items()
    ]
    if control_speedup is not None:
        notes.append(
            f"control: {most} busy-loop processes ran {control_speedup:.2f}x as fast as 1 "
            f"just before the {most}-process runs (an idle machine gives ~{most}x)"
        )
    return BenchReport(
        tuple(rows), tuple(targets), speedups, selection, tuple(notes), control_speedup,
        cpu_bounds,
    )  # fmt: skip


#: Share of its processes' cores a run must get for its speed-up to mean something.
FAIR_SHARE = 0.75


def contention_notes(rows: Sequence[Row]) -> list[str]:
    """Warnings for multi-process runs that did not get the cores they asked for."""
    return [
        f"{r.kind} with {r.workers} processes kept only {r.cores_used:.2f} cores busy on "
        f"average: other processes were using the CPUs, so its speed-up is understated"
        for r in rows
        if r.workers > 1 and r.cores_used < FAIR_SHARE * r.workers
    ]


def describe_selection(selection: Selection, limit: int) -> dict[str, Any]:
    """The JSON summary of what was measured and what was left out."""
    return {
        "articles": len(selection.articles),
        "limit": limit,
        "languages": selection.languages,
        "excluded": {
            lang: {"articles": n, "reason": selection.reasons[lang]}
            for lang, n in selection.excluded.items()
        },
        "unreadable_inputs": list(selection.unreadable),
        "duplicates": selection.duplicates,
    }


def selection_notes(
    selection: Selection, inputs: Sequence[str | Path], load_average: float, cpus: int
) -> list[str]:
    """The lines printed under the table: inputs, what was left out, how it was measured."""
    notes = [f"inputs: {', '.join(str(p) for p in inputs)}"]
    notes += [
        f"left out {n} article(s) in {lang!r}: {selection.reasons[lang]}"
        for lang, n in selection.excluded.items()
    ]
    notes += [f"left out unreadable input {line}" for line in selection.unreadable]
    notes += [
        f"memory: {MEMORY_METHOD}",
        "model load time is excluded from the timings (column 'load s')",
        f"load average when the run started: {load_average:.2f} on {cpus} CPUs",
    ]
    return notes


# -- thin I/O shell ------------------------------------------------------------------------

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
) -> BenchReport:
    """Measure every configuration on the articles of ``selection`` (read from ``paths``
    with ``limit``), with 1 and ``workers`` processes, each in a fresh process; with
    ``repeat > 1``, the configurations are run that many times in turn and the fastest run
    of each is kept (the one other processes disturbed least)."""
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
                for kind in KINDS:
                    label = f"{kind} x{n}" + (f" ({turn}/{repeat})" if repeat > 1 else "")

                    def report(done: int, label: str = label) -> None:
                        if progress is not None:
                            progress(label, done, total)

                    measurements.append(
                        measure(kind, n, articles, on_progress=report, debug=debug)
                    )
    if repeat > 1:
        notes.append(f"each configuration run {repeat} times in turn; the fastest run is shown")
    return summarise(
        fastest(measurements), describe_selection(selection, limit), notes,
        max(control) if control else None,
    )  # fmt: skip


def fastest(measurements: Sequence[Measurement]) -> list[Measurement]:
    """The fastest measurement of each configuration, in the order configurations first ran."""
    best: dict[tuple[str, int], Measurement] = {}
    for m in measurements:
        key = (m.kind, m.workers)
        if key not in best or m.seconds < best[key].seconds:
            best[key] = m
    return list(best.values())



def corpus_folders(cwd: Path | None = None) -> list[Path]:
    """The shared unlabelled corpus, if present: ``../shared/corpus`` from the current
    folder, else ``shared/corpus`` next to the repository this package is in."""
    here = (cwd or Path.cwd()) / ".." / "shared" / "corpus"
    beside_repo = Path(__file__).resolve().parents[3] / "shared" / "corpus"
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
    """Run one configuration in a fresh ``python -m pressgraph.bench`` process."""
    import pressgraph

    env = dict(os.environ)
    package_root = str(Path(pressgraph.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    config = json.dumps({"kind": kind, "workers": workers, "articles": str(articles),
                         "debug": debug})  # fmt: skip
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pressgraph.bench", config],
            stdout=subprocess.PIPE, stderr=stderr, text=True, env=env,
        )  # fmt: skip
        result: dict[str, Any] = {}
        for line in proc.stdout or ():
            message = json.loads(line)
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


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from ``/proc/*/stat``)."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            found.append(int(entry.name))
    return found


class _MemorySampler(threading.Thread):
    """Samples the summed PSS of this process and its children until stopped."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self._stop_event = threading.Event()

    def sample(self) -> None:
        me = os.getpid()
        total = sum(_pss_kib(pid) for pid in [me, *_children(me)])
        self.peak_kib = max(self.peak_kib, total)

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


def child_main(argv: Sequence[str]) -> int:
    """``python -m pressgraph.bench CONFIG``: measure one configuration, report JSON lines
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
