"""The ``pressgraph`` Typer application, its global options and the shell's helpers: where
output and errors go (one error, one line on stderr, exit status 1)."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help=(
        "Read press articles and build a sourced, time-aware graph of companies, people and deals."
    ),
)


out = Console()


err = Console(stderr=True, soft_wrap=True)  # one error, one line


DEFAULT_DB = "pressgraph.db"


DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite file (default: $PRESSGRAPH_DB or ./pressgraph.db)."),
]


class State:
    debug = False


def db_path(path: Path | None) -> Path:
    return path or Path(os.environ.get("PRESSGRAPH_DB") or DEFAULT_DB)


def print_json(data: Any) -> None:
    """One indented JSON object on stdout (``--format json`` of evaluate and bench)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


#: C0 and C1 control characters, DEL, and the Unicode bidirectional controls (embeddings,
#: overrides, isolates, marks), which can move or hide what a terminal shows; line and
#: paragraph separators too.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+"
)


def terminal_text(text: str | None) -> str:
    """Article-derived text made safe to print: every run of control characters (a line
    break, a tab, an escape sequence, a bidi override) becomes one space. Print it as a
    :class:`rich.text.Text`, or through :func:`rich.markup.escape` in markup."""
    return _UNPRINTABLE.sub(" ", text or "")


def fail(exc: BaseException) -> None:
    if State.debug:
        raise exc
    err.print(f"[red]error:[/red] {escape(str(exc))}")
    raise typer.Exit(1)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
) -> None:
    State.debug = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``pressgraph`` script."""
    return app(args=argv)
