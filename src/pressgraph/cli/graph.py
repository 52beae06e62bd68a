"""Commands that build the graph and read it: ingest, extract, entities, facts, report,
timeline, search, demo.

The pipeline, the store and the readers (spaCy, httpx, trafilatura, numpy) are imported
inside the commands that use them, so that ``pressgraph --help`` loads none of them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import typer
from rich.markup import escape
from rich.progress import ProgressColumn, Task
from rich.table import Column, Table
from rich.text import Text

from pressgraph.cli.app import (
    DbOption,
    app,
    db_path,
    err,
    existing_db,
    out,
    print_json,
    print_jsonl,
    print_plain,
    rejected,
)
from pressgraph.cli.console import cell, prose
from pressgraph.cli.progress import Progress
from pressgraph.errors import ConfigError, PressgraphError
from pressgraph.model import FACT_TYPES
from pressgraph.terminal import terminal_text

if TYPE_CHECKING:
    from pressgraph import query
    from pressgraph.ingest import IngestOptions
    from pressgraph.pipeline import RunReport
    from pressgraph.store import SQLiteStore

T = TypeVar("T")


class _RateColumn(ProgressColumn):
    """Articles per second since the start (stored, skipped and rejected alike)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if not task.completed or elapsed <= 0:
            return Text("")
        return Text(f"{task.completed / elapsed:.1f} articles/s", style="progress.data.speed")


def _summary(result: RunReport, seconds: float, db: Path) -> str:
    """The end-of-ingest line: counts, claims, stories joined, time and, when something was
    stored, the throughput."""
    n = len(result.stored) + len(result.skipped) + len(result.rejected)
    joined = f", {result.reprints} joined an earlier story" if result.reprints else ""
    rate = f" ({n / seconds:.1f} articles/s)" if result.stored and seconds > 0 else ""
    return (
        f"stored {len(result.stored)} document(s) ({result.claims} claims{joined}), "
        f"skipped {len(result.skipped)}, rejected {len(result.rejected)} in {seconds:.1f} s"
        f"{rate} -> {db}"
    )


def _ingest(
    paths: list[Path] | list[str],
    db: Path,
    quiet: bool = False,
    workers: int = 1,
    options: IngestOptions | None = None,
) -> RunReport:
    from pressgraph import pipeline
    from pressgraph.store import open_store

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

        return pipeline.run(
            [str(p) for p in paths], store, progress=progress, workers=workers, ingest=options
        )


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
        int, typer.Option("--workers", min=1, metavar="N", help="Processes that parse and extract.")
    ] = 1,
    urls: UrlsOption = None,
    follow: FollowOption = False,
    allow_private: AllowPrivateOption = False,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Read articles into the database; already stored articles are skipped."""
    options = _read_options(max_bytes, follow, allow_private)
    inputs, refused = _inputs(paths, urls)
    started = time.perf_counter()
    result = _ingest(inputs, db_path(db), workers=workers, options=options)
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


def _read(db: Path | None, read: Callable[[SQLiteStore], T]) -> T:
    """Run one read against the database, which must exist (reading never creates one)."""
    from pressgraph.store import open_store

    with open_store(existing_db(db)) as store:
        return read(store)


TableOrJson = Annotated[Literal["table", "json"], typer.Option("--format", help="table or json.")]


@app.command()
def entities(
    merge: Annotated[
        tuple[str, str] | None,
        typer.Option("--merge", metavar="KEEP OTHER", help="Make OTHER the same entity as KEEP."),
    ] = None,
    split: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--split", metavar="NAME ALIAS", help="Take ALIAS out of NAME, as its own entity."
        ),
    ] = None,
    show: Annotated[
        str | None, typer.Option("--show", metavar="NAME", help="One entity, with its documents.")
    ] = None,
    corrections: Annotated[
        bool, typer.Option("--corrections", help="List the merges and splits made.")
    ] = False,
    fmt: TableOrJson = "table",
    db: DbOption = None,
) -> None:
    """List stored entities with their aliases; correct a merge or a split.

    Corrections are kept in the database: documents ingested later follow them."""
    if merge or split:

        def correct(store: SQLiteStore) -> dict[str, Any]:
            if merge:
                return store.merge_entities(*merge)
            assert split is not None
            return store.split_entity(*split)

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
        one = _read(db, lambda store: store.entity_details(show))
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


def _fact_type(value: str | None) -> str | None:
    """``--type`` of facts: one of the fact types of the schema (a usage error otherwise)."""
    if value is not None and value not in FACT_TYPES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(FACT_TYPES)}")
    return value


@app.command()
def facts(
    entity: Annotated[
        str | None,
        typer.Option("--entity", metavar="NAME", help="Only facts about this entity."),
    ] = None,
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            callback=_fact_type,
            help="Only facts of this type (" + ", ".join(FACT_TYPES) + ").",
        ),
    ] = None,
    fmt: Annotated[
        Literal["table", "json", "jsonl"],
        typer.Option("--format", help="table, json (one list) or jsonl (one fact a line)."),
    ] = "table",
    db: DbOption = None,
) -> None:
    """List stored facts (claims), with modality, sources, evidence, and the date, outlet
    and document of each."""
    from pressgraph import query, report

    rows = _read(db, lambda store: query.facts(store, entity_name=entity, type_=type_))
    if fmt == "jsonl":
        print_jsonl(rows)
        return
    if fmt == "json":
        print_json(rows)
        return
    table = Table("fact", "modality", Column("date", no_wrap=True), "outlet", "document",
                  "sources", "evidence", show_lines=True)  # fmt: skip
    for r in rows:
        sources = ", ".join(s["name"] for s in r.get("sources") or [])
        document = r.get("title") or (r.get("document") or "")[:12]
        table.add_row(cell(report.fact_line(r)), r["modality"], r.get("published") or "no date",
                      cell(r.get("outlet") or ""), cell(document), cell(sources),
                      prose(r["evidence"]))  # fmt: skip
    out.print(table)


def _print_dossier(d: query.Dossier, fmt: str) -> None:
    from rich.markdown import Markdown

    from pressgraph import report

    if fmt == "json":
        print_json(report.to_json(d))
    elif fmt == "md":
        print_plain(report.to_markdown(d))
    else:
        out.print(Markdown(report.to_markdown(d)))


def _as_of(value: str | None) -> str | None:
    """``--as-of``: a date as YYYY, YYYY-MM or YYYY-MM-DD (a usage error otherwise)."""
    if value is None:
        return None
    from pressgraph.query import parse_as_of

    try:
        return parse_as_of(value)
    except ConfigError:
        raise typer.BadParameter(
            f"{value!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        callback=_as_of,
        help="Only what the press had reported by this date (YYYY[-MM[-DD]]).",
    ),
]


NameArgument = Annotated[str, typer.Argument(metavar="NAME", help="Entity name or alias.")]


WithOption = Annotated[
    str | None,
    typer.Option("--with", metavar="NAME", help="A second entity: what links the two."),
]


@app.command("report")
def report_cmd(
    name: NameArgument,
    with_: WithOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        Literal["md", "json", "term"] | None,
        typer.Option(
            "--format",
            help="md (Markdown), json, or term (rendered Markdown); default: term on a"
            " terminal, md otherwise.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """The dossier of an entity or a pair: current, conflicting and superseded facts, each
    with its sources and evidence, and the timeline."""
    from pressgraph import query

    d = _read(db, lambda store: query.dossier(store, name, with_, as_of=as_of))
    _print_dossier(d, fmt or ("term" if out.is_terminal else "md"))


@app.command()
def timeline(
    name: NameArgument,
    with_: WithOption = None,
    as_of: AsOfOption = None,
    fmt: TableOrJson = "table",
    db: DbOption = None,
) -> None:
    """The dated sequence of an entity or a pair: when each fact holds (valid time) and
    when each article reported it (report time)."""
    from pressgraph import query, report

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


#: ``search --type``: the entity types (any case), or documents.
SEARCH_TYPES = ("ORG", "PERSON", "PRODUCT", "PLACE", "document")


def _search_type(value: str | None) -> str | None:
    """``--type`` of search, in any case (``org``, ``Document``); a usage error otherwise."""
    if value is None:
        return None
    for choice in SEARCH_TYPES:
        if value.strip().lower() in (choice.lower(), choice.lower() + "s"):
            return choice
    raise typer.BadParameter(f"{value!r} is not one of {', '.join(SEARCH_TYPES)}")


@app.command()
def search(
    text: Annotated[
        str,
        typer.Argument(metavar="TEXT", help="Words or a name; accents and case do not matter."),
    ],
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            callback=_search_type,
            help="ORG, PERSON, PRODUCT, PLACE (entities only) or document.",
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", min=1, metavar="N", help="Entities and documents shown, each."),
    ] = 20,
    fmt: TableOrJson = "table",
    db: DbOption = None,
) -> None:
    """Find entities (by name and alias) and articles (by title and text), best first,
    with the matched words in a snippet of each article."""
    from pressgraph import query

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
    fmt: Annotated[
        Literal["term", "md", "json"], typer.Option("--format", help="term, md or json.")
    ] = "term",
    name: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Entity of the dossier shown (default: samples/demo.json)."
        ),
    ] = None,
    with_: Annotated[
        str | None, typer.Option("--with", metavar="NAME", help="Second entity of the dossier.")
    ] = None,
) -> None:
    """Ingest the bundled sample articles, then show the dossier of a relationship."""
    from pressgraph import query
    from pressgraph.store import open_store

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
    _print_dossier(d, fmt)
