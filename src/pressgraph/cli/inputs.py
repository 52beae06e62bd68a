"""Commands that read articles: ingest (into the database) and extract (without one),
from the same inputs (files, folders, URLs, ``--urls FILE``) with the same safety rules.

The pipeline and the readers (spaCy, httpx, trafilatura, numpy) are imported inside the
commands, so that ``pressgraph --help`` loads none of them.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.markup import escape
from rich.progress import ProgressColumn, Task
from rich.text import Text

from pressgraph.cli.app import (
    DbOption,
    Target,
    app,
    db_name,
    db_path,
    err,
    out,
    print_jsonl,
    rejected,
)
from pressgraph.cli.console import cell
from pressgraph.cli.progress import Progress
from pressgraph.errors import ConfigError, PressgraphError
from pressgraph.terminal import terminal_text

if TYPE_CHECKING:
    from pressgraph.ingest import IngestOptions
    from pressgraph.pipeline import RunReport

#: Where ``ingest`` parses and extracts: here (and in worker processes), or on Ray Data.
Engine = Literal["local", "ray"]


class _RateColumn(ProgressColumn):
    """Articles per second since the start (stored, skipped and rejected alike)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if not task.completed or elapsed <= 0:
            return Text("")
        return Text(f"{task.completed / elapsed:.1f} articles/s", style="progress.data.speed")


def _summary(result: RunReport, seconds: float, db: Target) -> str:
    """The end-of-ingest line: counts, claims, stories joined, time and, when something was
    stored, the throughput."""
    n = len(result.stored) + len(result.skipped) + len(result.rejected)
    joined = f", {result.reprints} joined an earlier story" if result.reprints else ""
    rate = f" ({n / seconds:.1f} articles/s)" if result.stored and seconds > 0 else ""
    return (
        f"stored {len(result.stored)} document(s) ({result.claims} claims{joined}), "
        f"skipped {len(result.skipped)}, rejected {len(result.rejected)} in {seconds:.1f} s"
        f"{rate} -> {db_name(db)}"
    )


def ingest_paths(
    paths: list[Path] | list[str],
    db: Target,
    quiet: bool = False,
    workers: int | None = None,
    options: IngestOptions | None = None,
    engine: Engine = "local",
    address: str | None = None,
) -> RunReport:
    """Ingest ``paths`` into the database ``db`` (created if needed) with progress on
    stderr and a ``rejected:`` line for each input that could not be stored (``ingest``,
    ``demo``). ``engine="ray"`` runs it on Ray Data (:mod:`pressgraph.ray_engine`): on this
    machine with ``workers`` CPUs, or on the cluster at ``address``."""
    from pressgraph import pipeline
    from pressgraph.store import open_readonly, open_store

    if address and engine != "ray":
        raise ConfigError("--address names a Ray cluster: it needs --engine ray")

    # No total: a folder, a JSON Lines file or a feed is read as it goes.
    with (
        open_store(db) as store,
        Progress("ingest", err, quiet=quiet, columns=(_RateColumn(),)) as bar,
    ):
        task = bar.add_task("", total=None)
        counts = {"stored": 0, "skipped": 0, "rejected": 0}

        def progress(event: str, detail: str) -> None:
            counts[event] += 1
            if event == "rejected":
                rejected(detail)
            bar.update(task, advance=1, description=" ".join(f"{k} {v}" for k, v in counts.items()))

        inputs = [str(p) for p in paths]
        if engine == "ray":
            from pressgraph import ray_engine

            return ray_engine.run(
                inputs, store, progress=progress, workers=workers, address=address,
                ingest=options, reader=partial(open_readonly, db),
            )  # fmt: skip
        return pipeline.run(inputs, store, progress=progress, workers=workers or 1, ingest=options)


# The inputs of ingest and extract: read the same way, with the same safety rules.

InputsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH|URL",
        help="Files, folders or http(s) URLs (.txt .md .jsonl .json .html .xml/.rss/.atom"
        " .warc, and their .gz).",
    ),
]
UrlsOption = Annotated[
    Path | None,
    typer.Option("--urls", metavar="FILE", help="File of http(s) URLs to fetch, one a line."),
]
FollowOption = Annotated[
    bool, typer.Option("--follow", help="Fetch the link of each feed entry as the article.")
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Allow fetching private, loopback and link-local addresses."
    ),
]
MaxBytesOption = Annotated[
    int | None,
    typer.Option(
        "--max-bytes",
        min=1,
        metavar="N",
        help="Size cap of a file, page or inflated archive, in bytes (default 20,000,000).",
    ),
]


def _read_options(max_bytes: int | None, follow: bool, allow_private: bool) -> IngestOptions:
    from pressgraph.ingest import DEFAULT_MAX_BYTES, IngestOptions
    from pressgraph.ingest.fetch import FetchPolicy

    cap = max_bytes or DEFAULT_MAX_BYTES
    return IngestOptions(
        max_bytes=cap, follow=follow, fetch=FetchPolicy(max_bytes=cap, allow_private=allow_private)
    )


def _inputs(paths: list[str] | None, urls: Path | None) -> tuple[list[str], list[str]]:
    """The inputs named on the command line and in ``--urls FILE`` (http(s) URLs only
    there), and the lines of that file refused (one ``rejected:`` line each)."""
    from pressgraph.ingest import read_url_list

    listed = read_url_list(urls) if urls else []
    refused = [str(item) for item in listed if isinstance(item, PressgraphError)]
    inputs = [*(paths or []), *(item for item in listed if isinstance(item, str))]
    if not inputs and not refused:
        raise ConfigError("nothing to read: give files, folders, URLs or --urls FILE")
    for line in refused:
        rejected(line)
    return inputs, refused


@app.command()
def ingest(
    paths: InputsArgument = None,
    db: DbOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            metavar="N",
            help="Processes that parse and extract (default 1); --engine ray: CPUs and actors"
            " (default: every CPU of this machine, or of the cluster).",
        ),
    ] = None,
    urls: UrlsOption = None,
    follow: FollowOption = False,
    allow_private: AllowPrivateOption = False,
    max_bytes: MaxBytesOption = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this process and --workers processes; ray: Ray Data, on this machine"
            " or the cluster at --address (pip install 'pressgraph\\[ray]').",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            metavar="ADDRESS",
            help="With --engine ray: the Ray cluster to join (HOST:PORT of its head, or auto).",
        ),
    ] = None,
) -> None:
    """Read articles into the database; already stored articles are skipped."""
    options = _read_options(max_bytes, follow, allow_private)
    inputs, refused = _inputs(paths, urls)
    started = time.perf_counter()
    result = ingest_paths(
        inputs, db_path(db), workers=workers, options=options, engine=engine, address=address
    )
    result.rejected[:0] = refused
    err.print(escape(_summary(result, time.perf_counter() - started, db_path(db))))
    if not result.ok:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: InputsArgument = None,
    fmt: Annotated[
        Literal["jsonl", "table"],
        typer.Option("--format", help="jsonl (one line per article) or table."),
    ] = "jsonl",
    urls: UrlsOption = None,
    follow: FollowOption = False,
    allow_private: AllowPrivateOption = False,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Extract facts without a database: one JSON line per article.

    Reads what ingest reads (files, folders, gold .json files, http(s) URLs), the same way."""
    from pressgraph import pipeline, report

    options = _read_options(max_bytes, follow, allow_private)
    inputs, refused = _inputs(paths, urls)
    failed = bool(refused)
    for item in pipeline.extract_paths(inputs, options=options):
        if isinstance(item, PressgraphError):
            rejected(str(item))
            failed = True
            continue
        doc = item.document
        facts = [c.to_gold() for c in item.claims]
        if fmt == "jsonl":
            print_jsonl([{"id": doc.external_id or doc.id, "facts": facts}])
        else:
            out.print(cell(doc.external_id or doc.title or doc.id), style="bold")
            for f in facts:
                shown = terminal_text(report.fact_line(f))
                out.print(Text.assemble("  ", shown, "  ", (f["modality"], "dim")))
    if failed:
        raise typer.Exit(1)
