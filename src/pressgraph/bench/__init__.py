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

This package is the pure core: which articles to measure (:func:`select_articles`) and the
figures, ratios and targets of a run (:func:`summarise`). :mod:`pressgraph.bench.harness`
is the thin shell that runs and times the configurations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pressgraph.errors import PressgraphError
from pressgraph.model import Document

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_WORKERS",
    "BenchReport",
    "Measurement",
    "Row",
    "Selection",
    "Target",
    "fastest",
    "select_articles",
    "summarise",
]

#: Articles measured when no ``--limit`` is given: a few minutes on 2 cores.
DEFAULT_LIMIT = 400
#: Processes measured besides 1 when no ``--workers`` is given.
DEFAULT_WORKERS = 2
KINDS: tuple[str, ...] = ("spacy", "pipeline")
#: ``bench --engine ray`` measures this kind too: :func:`pressgraph.ray_engine.run`, timed
#: once its first batch is written (Ray's start and the actors' model load excluded).
RAY_KIND = "ray"
#: Targets: pipeline / bare spaCy throughput, 2-process / 1-process pipeline, peak memory.
TARGET_RATIO = 0.70
TARGET_SPEEDUP = 1.6
TARGET_PEAK_MB = 2048.0
MEMORY_METHOD = (
    "each configuration in a fresh process; peak MB = peak of the summed PSS of the process "
    "and its workers, sampled every 0.2 s (shared pages counted once); where PSS is not "
    "available, ru_maxrss(main) + workers x ru_maxrss(largest worker), an upper bound"
)


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
            "ratios": {str(r.workers): r.vs_spacy for r in self.rows if r.vs_spacy is not None},
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
        for kind in (*KINDS, RAY_KIND)
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
        for r in rows if r.vs_spacy is not None and r.kind == "pipeline"
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
    local = [r for r in rows if r.kind != RAY_KIND]  # Ray's own processes are not ours
    if local:
        peak = max(r.peak_mb for r in local)
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


def fastest(measurements: Sequence[Measurement]) -> list[Measurement]:
    """The fastest measurement of each configuration, in the order configurations first ran."""
    best: dict[tuple[str, int], Measurement] = {}
    for m in measurements:
        key = (m.kind, m.workers)
        if key not in best or m.seconds < best[key].seconds:
            best[key] = m
    return list(best.values())
