"""Commands that measure pressgraph: bench (throughput, memory, scaling) and
evaluate-resolution (pairwise precision and recall of entity resolution against labelled
name pairs)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.markup import escape
from rich.table import Table

from pressgraph import bench
from pressgraph.cli.app import State, app, err, out, print_json, print_plain, rejected
from pressgraph.cli.graph import TableOrJson, sample_paths
from pressgraph.cli.progress import Progress
from pressgraph.errors import ConfigError


def _bench_table(result: bench.BenchReport) -> None:
    sel = result.selection
    languages = ", ".join(f"{n} {lang}" for lang, n in sel["languages"].items())
    table = Table(
        "run", "proc", "articles", "tokens", "s", "cores", "art/s", "tok/s", "vs spaCy",
        "peak MB", "load s", title=f"pressgraph bench: {sel['articles']} articles ({languages})",
    )  # fmt: skip
    for r in result.rows:
        name = {"spacy": "spaCy", "ray": "ray"}.get(r.kind, "pipeline")
        ratio = "" if r.vs_spacy is None else f"{r.vs_spacy:.0%}"
        table.add_row(
            name, str(r.workers), str(r.articles), str(r.tokens), f"{r.seconds:.1f}",
            f"{r.cores_used:.2f}", f"{r.articles_per_s:.1f}", f"{r.tokens_per_s:.0f}", ratio,
            f"{r.peak_mb:.0f}",
            f"{r.load_seconds:.1f}",
        )  # fmt: skip
    out.print(table)
    out.print(
        "spaCy: bare nlp.pipe; pipeline: ingest + extract + store (fresh SQLite file)"
        + ("; ray: the same on the Ray Data engine, proc = CPUs = actors" if any(
            r.kind == "ray" for r in result.rows) else "")
    )  # fmt: skip
    most = max(r.workers for r in result.rows)
    for kind, x in result.speedups.items():
        out.print(f"{kind}: {most} processes / 1 process = {x:.2f}x")
    for t in result.targets:
        mark = "[green]PASS[/green]" if t.passed else "[red]FAIL[/red]"
        caveat = f" [yellow]({escape(t.caveat)})[/yellow]" if t.caveat else ""
        out.print(f"{mark} {escape(t.name)}: {t.value:.2f}{caveat}")
    for note in result.notes:
        out.print(f"[dim]{escape(note)}[/dim]")


def _bench_incremental(
    inputs: list[str], limit: int | None, workers: int, window: int, keep_db: Path | None, fmt: str
) -> None:
    from pressgraph.bench.scaling import run_incremental

    with Progress("bench --incremental", err) as bar:
        task = bar.add_task("ingest", total=None)
        result = run_incremental(
            inputs, limit=limit, workers=workers, window=window, keep_db=keep_db,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )  # fmt: skip
    if fmt == "json":
        print_json(result)
        return
    title = (
        f"pressgraph bench --incremental: {result['articles']} articles, "
        f"{workers} process(es), {result['articles_per_s']} articles/s"
    )
    table = Table("per article", f"first {window}", f"last {window}", "last / first", title=title)
    rows = (
        ("ingest", "ingest_ms_per_article", "ingest (wall ms)"),
        ("store", "store_cpu_ms_per_article", "resolve + store (CPU ms)"),
    )
    for key, field, label in rows:
        ms = result[field]
        table.add_row(label, f"{ms['first']}", f"{ms['last']}", f"{result['ratio'][key]:.2f}")
    out.print(table)
    mark = "[green]PASS[/green]" if result["passed"] else "[red]FAIL[/red]"
    out.print(f"{mark} last / first <= {result['target']} for both")
    res = result["resolution"]
    out.print(
        f"resolution: {res['local_entities']} document entities -> {res['entities']} entities "
        f"({res['entities_in_several_documents']} in several documents); resolved by "
        + ", ".join(f"{k} {v}" for k, v in sorted(res["resolved_by"].items()))
    )


def _bench_sizes(inputs: list[str], fmt: str) -> None:
    from pressgraph.bench.sizes import run_sizes

    result = run_sizes(inputs, progress=lambda what: err.print(f"bench --sizes: {what}"))
    if fmt == "json":
        print_json(result)
        return
    out.print(
        f"{result['characters']:,} characters of {result['language']} articles, parsed once in "
        f"{result['parse_s']:.2f} s ({result['parse_s_per_10k']:.3f} s per 10k)"
    )
    for row in result["sizes"]:
        out.print(
            f"read as {row['documents']:>4} document(s) of <= {row['size']:>9,} characters: "
            f"extract {row['extract_s']:.2f} s ({row['extract_s_per_10k']:.3f} s per 10k)"
        )
    verdict = "pass" if result["passed"] else "FAIL"
    target = result["target"]
    out.print(f"ratio largest / smallest: {result['ratio']} (target < {target}: {verdict})")


@app.command("bench")
def bench_cmd(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH", help="Files or folders (default: bundled samples + ../shared/corpus)."
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            min=1,
            metavar="N",
            help=f"Articles measured at most (default {bench.DEFAULT_LIMIT}; --incremental: all).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, metavar="N", help="Processes compared with 1 (1: only 1)."
        ),
    ] = bench.DEFAULT_WORKERS,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat", min=1, metavar="N", help="Runs of each configuration; the fastest kept."
        ),
    ] = 1,
    fmt: TableOrJson = "table",
    incremental: Annotated[
        bool,
        typer.Option(
            "--incremental",
            help="Ingest every article; compare the cost per article of the first and last"
            " --window.",
        ),
    ] = False,
    sizes: Annotated[
        bool,
        typer.Option(
            "--sizes",
            help="Extraction seconds per 10k characters on one text of 10k, 100k and 1M"
            " characters (concatenated English articles); the largest / smallest ratio.",
        ),
    ] = False,
    window: Annotated[
        int,
        typer.Option(
            "--window", min=1, metavar="N", help="With --incremental: articles per window."
        ),
    ] = 500,
    keep_db: Annotated[
        Path | None,
        typer.Option(
            "--keep-db",
            metavar="FILE",
            help="With --incremental: keep the database built, at this new path.",
        ),
    ] = None,
    engine: Annotated[
        Literal["local", "ray"],
        typer.Option(
            "--engine",
            help="ray: also measure the Ray Data engine with 1 and --workers CPUs, next to the"
            " local engine (pip install 'pressgraph\\[ray]').",
        ),
    ] = "local",
) -> None:
    """Throughput of bare spaCy vs the full pipeline, 1 and 2 processes, peak memory;
    with --incremental, whether ingest slows down as the graph grows."""
    from pressgraph.bench import harness

    corpus = [] if paths else harness.corpus_folders()
    if not paths and not corpus:
        err.print("[yellow]note:[/yellow] ../shared/corpus not found: bundled samples only")
    inputs = [str(p) for p in paths or sample_paths() + corpus]
    if engine == "ray" and (sizes or incremental):
        raise ConfigError("--engine ray measures throughput: not with --sizes or --incremental")
    if sizes:
        _bench_sizes(inputs, fmt)
        return
    if incremental:
        _bench_incremental(inputs, limit, workers, window, keep_db, fmt)
        return
    limit = limit or bench.DEFAULT_LIMIT
    selection = harness.select(inputs, limit)
    with Progress("bench", err) as bar:
        tasks: dict[str, int] = {}

        def progress(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done)

        result = harness.run(
            inputs, selection, limit=limit, workers=workers, repeat=repeat,
            progress=progress, debug=State.debug, engine=engine,
        )  # fmt: skip
    if fmt == "json":
        print_json(result.to_json())
    else:
        _bench_table(result)


#: Where ``evaluate-resolution`` finds its pairs when none are given (from the repository).
DEFAULT_PAIRS = Path("tests") / "data" / "resolution" / "pairs.jsonl"


@app.command("evaluate-resolution")
def evaluate_resolution(
    pairs: Annotated[
        Path,
        typer.Argument(
            metavar="PAIRS",
            help="Labelled name pairs (JSON lines; default: the repository's set).",
        ),
    ] = DEFAULT_PAIRS,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            metavar="DIR",
            help="Folder of the corpus JSONL files (default: ../shared/corpus).",
        ),
    ] = None,
    fmt: TableOrJson = "table",
    errors: Annotated[
        bool, typer.Option("--errors", help="List every wrong pair (false and missed merges).")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, metavar="N", help="Processes that parse and extract.")
    ] = 1,
    keep_db: Annotated[
        Path | None,
        typer.Option(
            "--keep-db", metavar="FILE", help="Build the store at this new path and keep it."
        ),
    ] = None,
) -> None:
    """Pairwise precision and recall of entity resolution: ingest the pairs' articles into a
    fresh store, then check which names it stored as one entity."""
    from pressgraph.bench import harness
    from pressgraph.evaluate import resolution as res

    labelled = res.load_pairs(pairs)
    folders = [corpus] if corpus else harness.corpus_folders()
    if not folders:
        raise ConfigError("../shared/corpus not found: give --corpus DIR")
    if keep_db is not None and keep_db.exists():
        raise ConfigError(f"{keep_db}: already exists (--keep-db wants a new path)")
    with Progress("evaluate-resolution", err) as bar:
        task = bar.add_task("ingest", total=len(res.pair_documents(labelled)))
        report, failures = res.measure_corpus(
            labelled, folders[0], workers=workers, db=keep_db,
            progress=lambda event, detail: bar.advance(task),
        )  # fmt: skip
    for line in failures:
        rejected(line)
    if fmt == "json":
        print_json(report.to_json())
    else:
        print_plain(res.render_table(report) + "\n")
    if errors:
        print_plain(res.render_errors(report) + "\n")
