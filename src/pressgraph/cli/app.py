"""The ``pressgraph`` Typer application, its global options and the shell's helpers: where
output and errors go (one error, one line on stderr, exit status 1).

Whatever goes to a person goes through here: the two consoles (:data:`out`, :data:`err`),
:func:`print_plain`, :func:`rejected`, the ``error:`` line and the log handler. Each shows
control characters and bidi controls from articles, file names and URLs as visible escapes
(:mod:`pressgraph.terminal`). JSON (:func:`print_json`, ``--format json``) is data for
programs and keeps the text as it is (JSON escapes C0 controls itself).

Errors: a command raises; it does not catch. Every command runs through
:meth:`_Group.invoke`, the one place where a :class:`~pressgraph.errors.PressgraphError`
becomes one ``error:`` line and exit status 1 (``--debug``: the traceback). A bad option
value (an unknown ``--format``) is a usage error, exit status 2, before the command runs.

This module, like every module of the command line, imports no heavy library (spaCy, the
web readers, numpy, scikit-learn) at import time: ``pressgraph --help`` and ``--version``
load none of them; each command imports what it uses when it runs.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from pressgraph._version import __version__
from pressgraph.cli.console import SafeConsole
from pressgraph.errors import PressgraphError, StoreError
from pressgraph.terminal import terminal_lines, terminal_text

#: stdout and stderr: every text printed, from any command, goes through a SafeConsole.
out = SafeConsole()


err = SafeConsole(stderr=True, soft_wrap=True, one_line=True)  # one error, one line


DEFAULT_DB = "pressgraph.db"


class State:
    debug = False


# Help without Python type names. Typer shows a parameter's Python type (``<list[str]>``,
# ``<bool>``, ``<str,str>``) in the help; pressgraph's parameters name their values with a
# metavar (``PATH``, ``NAME``, ``FILE``) or a list of choices (``<table|json>``), and flags
# show nothing. A parameter without a metavar shows the name of its kind of value
# (``TEXT``, ``INTEGER``, ``PATH``). The two classes below only change what the help shows
# for a parameter; the commands and the group give their parameters these classes when
# asked for them.

#: Typer's names of Python types in a help, and what the help shows instead.
_VALUE_NAMES = {
    "str": "TEXT",
    "int": "INTEGER",
    "float": "FLOAT",
    "bool": "BOOLEAN",
    "path": "PATH",
    "Path": "PATH",
    "file": "FILE",
    "directory": "DIRECTORY",
    "datetime": "DATETIME",
    "UUID": "UUID",
    "int range": "INTEGER",
    "float range": "FLOAT",
}


def _value_name(label: str | None) -> str | None:
    """``<list[str]>`` -> ``TEXT...``, ``<str,str>`` -> ``TEXT TEXT``, ``<int>`` ->
    ``INTEGER``; choices (``<table|json>``) and metavars are kept."""
    if not label or not (label.startswith("<") and ">" in label):
        return label
    inner, _, rest = label[1:].partition(">")
    many = inner.startswith("list[") and inner.endswith("]")
    parts = (inner[5:-1] if many else inner).split(",")
    if not all(part in _VALUE_NAMES for part in parts):
        return label
    return " ".join(_VALUE_NAMES[part] for part in parts) + ("..." if many else "") + rest


class _Option(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None  # a flag takes no value: nothing to show
        return _value_name(super().display_type_rich(ctx))


class _Argument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        if self.metavar is not None:
            return None  # the name column already shows the metavar
        return _value_name(super().display_type_rich(ctx))


def _help_classes(params: list[Any]) -> list[Any]:
    """``params`` with their help-only classes (same state, one overridden method)."""
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = _Option
        elif type(param) is TyperArgument:
            param.__class__ = _Argument
    return params


class _Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _help_classes(super().get_params(ctx))


def error_line(exc: BaseException) -> None:
    """The one ``error:`` line of an error that stops a command."""
    _line("error:", str(exc))


class _Group(TyperGroup):
    """The ``pressgraph`` group: every command runs through :meth:`invoke`."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _help_classes(super().get_params(ctx))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PressgraphError as exc:
            if State.debug:
                raise  # the traceback
            error_line(exc)
            raise typer.Exit(1) from None


class _App(typer.Typer):
    """A Typer application whose commands show no Python type names in their help."""

    def command(self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or _Command, **kwargs)


app = _App(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    help=(
        "Read press articles and build a sourced, time-aware graph of companies, people and deals."
    ),
)


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="FILE|URL",
        help=(
            "SQLite file, or PostgreSQL database as postgresql://USER@HOST:PORT/DB"
            " (default: $PRESSGRAPH_DB or ./pressgraph.db)."
        ),
    ),
]

#: A store: a SQLite file, or the URL of a PostgreSQL database.
Target = Path | str


def db_path(given: str | Path | None) -> Target:
    """The store a command uses: ``--db``, else ``$PRESSGRAPH_DB``, else ./pressgraph.db; a
    ``postgresql://`` URL stays a URL, anything else is a file."""
    from pressgraph.store.targets import is_database_url

    chosen = given or os.environ.get("PRESSGRAPH_DB") or DEFAULT_DB
    if is_database_url(str(chosen)):
        return str(chosen)
    return Path(chosen)


def db_name(target: Target) -> str:
    """The store as messages show it (a URL without its password)."""
    from pressgraph.store.targets import display_name

    return display_name(str(target))


def existing_db(given: str | Path | None) -> Target:
    """The database a read command opens: a file must be there (reading never creates
    one); a PostgreSQL URL is checked by connecting to it."""
    found = db_path(given)
    if isinstance(found, str):
        return found
    if not found.is_file():
        where = "no such file" if not found.exists() else "not a file"
        raise StoreError(f"{found}: no database there ({where}); `pressgraph ingest` makes one")
    return found


def print_json(data: Any) -> None:
    """One indented JSON object on stdout (``--format json`` of evaluate and bench)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_jsonl(rows: Any) -> None:
    """One JSON object per line on stdout (``--format jsonl``)."""
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


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


class _TerminalFormatter(logging.Formatter):
    """Log lines name files and URLs: shown escaped, one line each (a traceback keeps its
    lines)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        return terminal_text(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:  # noqa: N802
        return terminal_lines(super().formatException(ei))


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pressgraph {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    State.debug = debug
    handler = logging.StreamHandler()
    handler.setFormatter(_TerminalFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler])


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``pressgraph`` script (errors: see :meth:`_Group.invoke`)."""
    return app(args=argv, prog_name="pressgraph")
