"""Commands that read the graph: entities, facts, report, timeline, search; and demo
(ingest the bundled samples, then show a dossier).

The store and the query side (numpy among them) are imported inside the commands that use
them, so that ``pressgraph --help`` loads none of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar
from urllib.parse import quote

import typer
from rich.markup import escape
from rich.table import Column, Table
from rich.text import Text

from pressgraph.cli.app import (
    DbOption,
    app,
    db_name,
    db_path,
    err,
    existing_db,
    out,
    print_json,
    print_jsonl,
    print_plain,
)
from pressgraph.cli.console import cell, prose
from pressgraph.cli.inputs import ingest_paths
from pressgraph.errors import ConfigError
from pressgraph.model import FACT_TYPES
from pressgraph.terminal import terminal_text

if TYPE_CHECKING:
    from pressgraph import query
    from pressgraph.store import Store

T = TypeVar("T")


def _read(db: str | None, read: Callable[[Store], T]) -> T:
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
        from pressgraph import query

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
            metavar="NAME", help="Show only this entity's dossier (default: samples/demo.json)."
        ),
    ] = None,
    with_: Annotated[
        str | None, typer.Option("--with", metavar="NAME", help="Second entity of that dossier.")
    ] = None,
) -> None:
    """Ingest the bundled sample articles, then show what they say: the dossiers listed in
    samples/demo.json (an entity's, then a relationship's), and how to browse them."""
    from pressgraph import query, report
    from pressgraph.store import open_store

    path = db_path(db)
    result = ingest_paths(sample_paths(), path, quiet=True)
    err.print(
        f"demo: stored {len(result.stored)} sample article(s), "
        f"{len(result.skipped)} already there -> {path}"
    )
    views: list[tuple[str, str | None]] = [(name, with_)] if name is not None else []
    if not views:
        listed = json.loads(
            (resources.files("pressgraph") / "data" / "samples" / "demo.json").read_text("utf-8")
        )
        views = [(v["entity"], v.get("with")) for v in listed["dossiers"]]
    with open_store(path) as store:
        dossiers = [query.dossier(store, entity, other) for entity, other in views]
    if fmt == "json":
        print_json({"dossiers": [report.to_json(d) for d in dossiers]})
        return
    for d in dossiers:
        _print_dossier(d, fmt)
    first = dossiers[0].entity["name"]
    where = f" --db {db_name(path)}" if db is not None else ""
    command, url = f"pressgraph serve{where}", f"http://127.0.0.1:8000/entity/{quote(first)}"
    if fmt == "md":
        print_plain(f"\nBrowse the same database: `{command}`, then open <{url}>\n")
    else:
        out.print()
        out.print(Text(f"Browse the same database: {command}, then open {url}", style="bold"))
