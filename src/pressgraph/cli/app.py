"""The ``pressgraph`` Typer application, its global options and the shell's helpers: where
output and errors go (one error, one line on stderr, exit status 1).

Whatever goes to a person goes through here: the two consoles (:data:`out`, :data:`err`),
:func:`print_plain`, :func:`rejected`, :func:`fail` and the log handler. Each shows
control characters and bidi controls from articles, file names and URLs as visible escapes
(:mod:`pressgraph.terminal`). JSON (:func:`print_json`, ``--format json``) is data for
programs and keeps the text as it is (JSON escapes C0 controls itself)."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from pressgraph.cli.console import SafeConsole
from pressgraph.terminal import terminal_lines, terminal_text

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help=(
        "Read press articles and build a sourced, time-aware graph of companies, people and deals."
    ),
)


#: stdout and stderr: every text printed, from any command, goes through a SafeConsole.
out = SafeConsole()


err = SafeConsole(stderr=True, soft_wrap=True, one_line=True)  # one error, one line


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


def print_plain(text: str) -> None:
    """Text laid out by pressgraph (a Markdown report, an evaluation table) on stdout: its
    lines kept, every control character in it shown as an escape (see
    :mod:`pressgraph.terminal`)."""
    sys.stdout.write(terminal_lines(text))


def _line(label: str, message: str) -> None:
    # One line on stderr: the message (a file name, a URL, a reason) never parsed as markup.
    err.print(Text.assemble((label, "red"), " ", terminal_text(message)))


def rejected(detail: str) -> None:
    """The ``rejected:`` line of an input that could not be read or extracted."""
    _line("rejected:", detail)


def fail(exc: BaseException) -> None:
    """One line on stderr and exit status 1 (``--debug``: the traceback)."""
    if State.debug:
        raise exc
    _line("error:", str(exc))
    raise typer.Exit(1)


class _TerminalFormatter(logging.Formatter):
    """Log lines name files and URLs: shown escaped, one line each (a traceback keeps its
    lines)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        return terminal_text(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:  # noqa: N802
        return terminal_lines(super().formatException(ei))


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
) -> None:
    State.debug = debug
    handler = logging.StreamHandler()
    handler.setFormatter(_TerminalFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler])


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``pressgraph`` script."""
    return app(args=argv)
