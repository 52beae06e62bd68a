"""Commands that build the graph and read it: ingest, extract, entities, facts, report,
timeline, search, demo."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.markdown import Markdown
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from pressgraph import pipeline, query, report
from pressgraph.cli.app import (
    DbOption,
    app,
    db_path,
    err,
    fail,
    out,
    print_json,
    print_plain,
    rejected,
)
from pressgraph.cli.console import cell, prose
from pressgraph.errors import ConfigError, PressgraphError
from pressgraph.ingest import DEFAULT_MAX_BYTES, IngestOptions, read_url_list
from pressgraph.ingest.fetch import FetchPolicy
from pressgraph.store import Store, open_store
from pressgraph.terminal import terminal_text

T = TypeVar("T")


class _RateColumn(ProgressColumn):
    """Articles per second since the start (stored, skipped and rejected alike)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} articles/s", style="progress.data.speed")


def _summary(result: pipeline.RunReport, seconds: float, db: Path) -> str:
    """The end-of-ingest line: counts, claims, stories joined, time and throughput."""
    n = len(result.stored) + len(result.skipped) + len(result.rejected)
    joined = f", {result.reprints} joined an earlier story" if result.reprints else ""
    return (
        f"stored {len(result.stored)} document(s) ({result.claims} claims{joined}), "
        f"skipped {len(result.skipped)}, rejected {len(result.rejected)} in {seconds:.1f} s "
        f"({n / seconds if seconds > 0 else 0.0:.1f} articles/s) -> {db}"
    )


def _ingest(
    paths: list[Path] | list[str],
    db: Path,
    quiet: bool = False,
    workers: int = 1,
    options: IngestOptions | None = None,
) -> pipeline.RunReport:
    with open_store(db) as store, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
        TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True,
        disable=quiet,
    ) as bar:  # fmt: skip
        task = bar.add_task("", total=None)
        counts = {"stored": 0, "skipped": 0, "rejected": 0}

        def progress(event: str, detail: str) -> None:
            counts[event] += 1
            if event == "rejected":
                rejected(detail)
            bar.update(task, advance=1, description=" ".join(f"{k} {v}" for k, v in counts.items()))

        return pipeline.run(
            [str(p) for p in paths], store, progress=progress, workers=workers, ingest=options
        )


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders or http(s) URLs (.txt .md .jsonl .json .html .xml/.rss/.atom"
            " .warc, and their .gz)."
        ),
    ] = None,
    db: DbOption = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes that parse and extract.")
    ] = 1,
    urls: Annotated[
        Path | None, typer.Option("--urls", help="File of URLs to fetch, one a line.")
    ] = None,
    follow: Annotated[
        bool, typer.Option("--follow", help="Fetch the link of each feed entry as the article.")
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Allow fetching private, loopback and link-local addresses."
        ),
    ] = False,
    max_bytes: Annotated[
        int,
        typer.Option("--max-bytes", min=1, help="Size cap of a file, page or inflated archive."),
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Read articles into the database; already stored articles are skipped."""
    options = IngestOptions(
        max_bytes=max_bytes,
        follow=follow,
        fetch=FetchPolicy(max_bytes=max_bytes, allow_private=allow_private),
    )
    try:
        listed = read_url_list(urls) if urls else []
        refused = [str(item) for item in listed if isinstance(item, PressgraphError)]
        inputs = [*(paths or []), *(item for item in listed if isinstance(item, str))]
        if not inputs and not refused:
            raise ConfigError("nothing to ingest: give files, folders, URLs or --urls FILE")
        for line in refused:
            rejected(line)
        started = time.perf_counter()
        result = _ingest(inputs, db_path(db), workers=workers, options=options)
        result.rejected[:0] = refused
    except PressgraphError as exc:
        fail(exc)
        return
    err.print(escape(_summary(result, time.perf_counter() - started, db_path(db))))
    if not result.ok:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders, including gold .json files.")
    ],
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (one line per article) or table.")
    ] = "jsonl",
) -> None:
    """Extract facts without a database: one JSON line per article."""
    failed = False
    try:
        for item in pipeline.extract_paths([str(p) for p in paths]):
            if isinstance(item, PressgraphError):
                rejected(str(item))
                failed = True
                continue
            doc = item.document
            facts = [c.to_gold() for c in item.claims]
            if fmt == "jsonl":
                line = {"id": doc.external_id or doc.id, "facts": facts}
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            else:
                out.print(cell(doc.external_id or doc.title or doc.id), style="bold")
                for f in facts:
                    shown = terminal_text(report.fact_line(f))
                    out.print(Text.assemble("  ", shown, "  ", (f["modality"], "dim")))
    except PressgraphError as exc:
        fail(exc)
    if failed:
        raise typer.Exit(1)


def _read(db: Path | None, read: Callable[[Store], T]) -> T:
    """Run one read against the database; a PressgraphError becomes one line and exit 1."""
    try:
        with open_store(db_path(db)) as store:
            return read(store)
    except PressgraphError as exc:
        fail(exc)
        raise  # unreachable: fail exits


@app.command()
def entities(
    merge: Annotated[
        tuple[str, str] | None,
        typer.Option("--merge", help="KEEP OTHER: make OTHER the same entity as KEEP."),
    ] = None,
    split: Annotated[
        tuple[str, str] | None,
        typer.Option("--split", help="NAME ALIAS: take ALIAS out of NAME, as its own entity."),
    ] = None,
    show: Annotated[
        str | None, typer.Option("--show", help="One entity, with its documents.")
    ] = None,
    corrections: Annotated[
        bool, typer.Option("--corrections", help="List the merges and splits made.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """List stored entities with their aliases; correct a merge or a split.

    Corrections are kept in the database: documents ingested later follow them."""
    if merge or split:

        def correct(store: Store) -> dict[str, Any]:
            from pressgraph.resolve.corrections import merge_entities, split_entity

            if merge:
                return merge_entities(store, *merge)
            assert split is not None
            return split_entity(store, *split)

        done = _read(db, correct)
        verb = f"merged {merge[1]!r} into" if merge else f"split {split[1]!r} from {split[0]!r} as"  # type: ignore[index]
        err.print(
            f"{escape(verb)} {escape(done['name'])} (aliases: {escape(', '.join(done['aliases']))})"
        )
        return
    if corrections:
        rows = _read(db, lambda store: store.corrections())
        if fmt == "json":
            print_json(rows)
            return
        table = Table("#", "action", "name", "entity", "when")
        for r in rows:
            table.add_row(
                str(r["id"]),
                r["action"],
                cell(r["name"]),
                cell(r["entity"] or "?"),
                r["created_at"],
            )
        out.print(table)
        return
    if show:
        one = _read(db, lambda store: query.entity_details(store, show))
        if fmt == "json":
            print_json(one)
            return
        out.print(Text.assemble((terminal_text(one["name"]), "bold"), f" ({one['type']})"))
        out.print(cell("aliases: " + ", ".join(one["aliases"])))
        table = Table("document", "published", "outlet", "called", "resolved by")
        for r in one["documents"]:
            table.add_row(cell(r["title"] or r["document"][:12]), r["published"] or "",
                          cell(r["outlet"]), cell(", ".join(r["names"])), r["how"])  # fmt: skip
        out.print(table)
        return
    rows = _read(db, lambda store: store.entities())
    if fmt == "json":
        print_json(rows)
        return
    table = Table("entity", "type", "aliases", "documents", "claims")
    for r in rows:
        aliases = ", ".join(a for a in r.get("aliases", []) if a != r["name"])
        table.add_row(cell(r["name"]), r["type"], cell(aliases), str(r.get("documents", "")),
                      str(r.get("claims", "")))  # fmt: skip
    out.print(table)


@app.command()
def facts(
    entity: Annotated[
        str | None, typer.Option("--entity", help="Only facts about this entity.")
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only facts of this type.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    db: DbOption = None,
) -> None:
    """List stored facts (claims), with modality, sources and evidence."""
    rows = _read(db, lambda store: query.facts(store, entity_name=entity, type_=type_))
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    table = Table("fact", "modality", "sources", "evidence", show_lines=True)
    for r in rows:
        sources = ", ".join(s["name"] for s in r.get("sources") or [])
        table.add_row(cell(report.fact_line(r)), r["modality"], cell(sources), prose(r["evidence"]))
    out.print(table)


def _print_dossier(d: query.Dossier, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(
            json.dumps(report.to_json(d), ensure_ascii=False, indent=2, default=str) + "\n"
        )
    elif fmt == "md":
        print_plain(report.to_markdown(d))
    else:
        out.print(Markdown(report.to_markdown(d)))


AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Only what the press had reported by this date (YYYY[-MM[-DD]])."),
]


NameArgument = Annotated[str, typer.Argument(help="Entity name or alias.")]


WithOption = Annotated[
    str | None, typer.Option("--with", help="A second entity: what links the two.")
]


@app.command("report")
def report_cmd(
    name: NameArgument,
    with_: WithOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="md, json, or term (rendered Markdown).")
    ] = "md",
    db: DbOption = None,
) -> None:
    """The dossier of an entity or a pair: current, conflicting and superseded facts, each
    with its sources and evidence, and the timeline."""
    _print_dossier(_read(db, lambda store: query.dossier(store, name, with_, as_of=as_of)), fmt)


@app.command()
def timeline(
    name: NameArgument,
    with_: WithOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """The dated sequence of an entity or a pair: when each fact holds (valid time) and
    when each article reported it (report time)."""
    d = _read(db, lambda store: query.dossier(store, name, with_, as_of=as_of))
    rows = report.timeline_rows(d)
    if fmt == "json":
        print_json(rows)
        return
    table = Table("date", "axis", "fact", "modality", "status", "outlet")
    for r in rows:
        table.add_row(r["date"] or "?", r["axis"], cell(r["fact"]), r["modality"], r["status"],
                      cell(r["outlet"]))  # fmt: skip
    out.print(table)


def _snippet(parts: tuple[query.Segment, ...]) -> Text:
    """A snippet as rich Text (never parsed as markup), matched words highlighted."""
    text = Text()
    for part in parts:
        text.append(terminal_text(part.text, prose=True), style="bold yellow" if part.match else "")
    return text


def _print_search(found: query.SearchResults) -> None:
    if found.entities:
        table = Table("entity", "type", "matched", "documents", "claims")
        for e in found.entities:
            table.add_row(cell(e.name), e.type, cell(", ".join(e.matched)), str(e.documents),
                          str(e.claims))  # fmt: skip
        out.print(table)
    if found.documents:
        table = Table("document", "outlet", "published", "snippet", show_lines=True)
        for d in found.documents:
            table.add_row(cell(d.title or d.id[:12]), cell(d.outlet), d.published or "",
                          _snippet(d.snippet))  # fmt: skip
        out.print(table)
    if not found:
        err.print(Text(f"nothing matches {found.query!r}"))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words or a name; accents and case do not matter.")],
    type_: Annotated[
        str | None,
        typer.Option("--type", help="ORG, PERSON, PRODUCT, PLACE (entities only) or document."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Entities and documents shown, each.")
    ] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Find entities (by name and alias) and articles (by title and text), best first,
    with the matched words in a snippet of each article."""
    if fmt not in ("table", "json"):
        fail(ConfigError(f"--format {fmt!r}: expected table or json"))
    found = _read(db, lambda store: query.search(store, text, type_=type_, limit=limit))
    if fmt == "json":
        print_json(found.to_dict())
        return
    _print_search(found)


def sample_paths() -> list[Path]:
    """The sample articles bundled with the package."""
    folder = resources.files("pressgraph") / "data" / "samples"
    return sorted(
        Path(str(p)) for p in folder.iterdir() if p.name.endswith((".txt", ".md", ".jsonl"))
    )


@app.command()
def demo(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="term, md or json.")] = "term",
    name: Annotated[
        str | None, typer.Option(help="Entity of the dossier shown (default: samples/demo.json).")
    ] = None,
    with_: Annotated[
        str | None, typer.Option("--with", help="Second entity of the dossier.")
    ] = None,
) -> None:
    """Ingest the bundled sample articles, then show the dossier of a relationship."""
    try:
        result = _ingest(sample_paths(), db_path(db), quiet=True)
        err.print(
            f"demo: stored {len(result.stored)} sample article(s), "
            f"{len(result.skipped)} already there -> {db_path(db)}"
        )
        default = json.loads(
            (resources.files("pressgraph") / "data" / "samples" / "demo.json").read_text("utf-8")
        )
        with open_store(db_path(db)) as store:
            d = query.dossier(store, name or default["entity"], with_ or default.get("with"))
    except PressgraphError as exc:
        fail(exc)
        return
    _print_dossier(d, fmt)
