"""Untrusted text never drives the terminal (issue 12).

One hostile article (its title, outlet and text hold ESC[2J, an OSC 8 link, an ESC]0 window
title, a C1 CSI and bidi overrides), in a file whose name holds an escape, a bidi override
and a line feed, is ingested once; then every command that shows it runs under a real
pseudo-terminal, and the bytes the terminal receives are checked: no escape, C1 control,
bell, bare carriage return or bidi control, and the text still there in escaped form.
"""

from __future__ import annotations

import fcntl
import io
import json
import logging
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

import pressgraph
from pressgraph.cli.app import _TerminalFormatter
from pressgraph.cli.console import SafeConsole, safe_text
from pressgraph.evaluate.render import render_errors
from pressgraph.evaluate.scoring import EvalReport
from pressgraph.report import escape_md
from pressgraph.terminal import terminal_lines, terminal_text

CLEAR = "\x1b[2J"
LINK = "\x1b]8;;http://evil\x07"
WINDOW_TITLE = "\x1b]0;pwned\x07"
CSI = "\x9b31m"
RLO, PDF, LRI = "\u202e", "\u202c", "\u2066"

ARTICLE = {
    "id": "hostile-1",
    "language": "fr",
    "date": "2024-05-02",
    "title": f"Renault{CLEAR} rachète {LINK}cliquez\x1b]8;;\x07 Ampere{RLO}",
    "outlet": f"Le Monde{WINDOW_TITLE}{CSI}{LRI}",
    "text": (
        f"Renault a racheté Ampere{CLEAR} pour 2 milliards d'euros{LINK}, a annoncé le "
        f"groupe{WINDOW_TITLE} le 2 mai 2024.\n\nLa société Ampere{CSI} appartient désormais "
        f"à Renault{RLO}.{PDF}"
    ),
}

#: A line feed in a file name must not forge a second ``rejected:`` line.
FILE_NAME = f"evil{CLEAR}{RLO}\nrejected: forged.jsonl"

#: How the escapes look once made visible (a backslash, then the code).
SHOWN_CLEAR = r"\x1b[2J"
SHOWN_TITLE = r"\x1b]0;pwned\x07"
SHOWN_LINK = r"\x1b]8;;http://evil\x07"
SHOWN_CSI = r"\x9b31m"
SHOWN_RLO = r"\u202e"
SHOWN_NAME = r"evil\x1b[2J\u202e\nrejected: forged.jsonl"

BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}

#: The styles rich itself writes on a colour terminal (Select Graphic Rendition).
SGR = re.compile(r"\x1b\[[0-9;]*m")

SRC = str(Path(pressgraph.__file__).resolve().parents[1])

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def run_in_pty(*args: str | Path, term: str = "dumb", timeout: float = 120) -> str:
    """``python -m pressgraph ARGS`` with stdin, stdout and stderr on a pseudo-terminal of
    200 columns: what the terminal received, decoded as UTF-8 (strictly: a lone C1 byte
    fails here)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    drop = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    # rich takes a dumb terminal for 80 x 25 unless told both
    env.update(PYTHONPATH=SRC, TERM=term, COLUMNS="200", LINES="50", PYTHONIOENCODING="utf-8")
    cmd = [sys.executable, "-m", "pressgraph", *map(str, args)]
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    received = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the last writer closed the terminal
                break
            if not chunk:
                break
            received += chunk
        else:
            proc.kill()
            raise AssertionError(f"{cmd} still running after {timeout} s")
        proc.wait(timeout=10)
    finally:
        os.close(master)
    return bytes(received).decode("utf-8")


def assert_inert(output: str) -> None:
    """Nothing in ``output`` is a control a terminal would obey (but line ends)."""
    assert "\x1b" not in output, output
    assert not [c for c in output if "\x80" <= c <= "\x9f"], output
    assert not BIDI & set(output), output
    assert "\x07" not in output and "\x00" not in output, output
    assert "\r" not in output.replace("\r\n", ""), output  # nothing rewrites a line


@dataclass(frozen=True)
class Hostile:
    source: Path
    db: Path
    ingested: str  # what ``ingest`` showed


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / FILE_NAME
    source.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n{not json\n", "utf-8")
    db = folder / "g.db"
    yield Hostile(source, db, run_in_pty("ingest", source, "--db", db))


def test_ingest_shows_a_rejected_line_escaped_on_one_line(hostile: Hostile) -> None:
    assert_inert(hostile.ingested)
    rejected = [line for line in hostile.ingested.splitlines() if "rejected:" in line]
    assert len(rejected) == 1, hostile.ingested
    assert rejected[0].startswith(f"rejected: {hostile.source.parent}/{SHOWN_NAME}:2: invalid JSON")
    assert "stored 1 document(s)" in hostile.ingested


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["report", "Renault", "--format", "term"],
         [SHOWN_CLEAR, SHOWN_TITLE, SHOWN_LINK, SHOWN_CSI, SHOWN_RLO]),
        (["report", "Renault", "--format", "md"], [r"\\x1b\[2J", r"\\x9b31m", r"\\u202e"]),
        (["facts"], [SHOWN_CLEAR, SHOWN_CSI]),
        (["entities"], ["Renault"]),
        (["entities", "--show", "Renault"], [SHOWN_CLEAR, SHOWN_TITLE]),
        (["timeline", "Renault"], [SHOWN_TITLE, r"\u2066"]),
        (["search", "Renault"], [SHOWN_CLEAR, SHOWN_TITLE, SHOWN_CSI, SHOWN_RLO]),
    ],
    ids=["report-term", "report-md", "facts", "entities", "entity", "timeline", "search"],
)  # fmt: skip
def test_reading_commands_show_escapes_not_send_them(
    hostile: Hostile, args: list[str], shown: list[str]
) -> None:
    output = run_in_pty(*args, "--db", hostile.db)
    assert_inert(output)
    for text in shown:
        assert text in output, (text, output)


def test_extract_table_and_its_rejected_line(hostile: Hostile) -> None:
    output = run_in_pty("extract", "--format", "table", hostile.source)
    assert_inert(output)
    assert "hostile-1" in output and "Renault" in output
    rejected = [line for line in output.splitlines() if "rejected:" in line]
    assert len(rejected) == 1, output
    assert rejected[0].startswith(f"rejected: {hostile.source.parent}/{SHOWN_NAME}:2: invalid JSON")


def test_an_error_line_names_a_hostile_path_on_one_line(tmp_path: Path) -> None:
    db = tmp_path / f"no{CLEAR}\nerror: forged" / "g.db"
    output = run_in_pty("facts", "--db", db)
    assert_inert(output)
    assert output.count("\n") == 1 and output.startswith(rf"error: {tmp_path}/no\x1b[2J\nerror:")


def test_a_colour_terminal_gets_only_the_styles_of_rich(hostile: Hostile) -> None:
    output = run_in_pty("report", "Renault", "--format", "term", "--db", hostile.db, term="xterm")
    assert SGR.search(output), "rich styles a colour terminal"
    assert_inert(SGR.sub("", output))
    assert SHOWN_CLEAR in SGR.sub("", output)


# The pieces, in process.


def test_terminal_text_makes_every_control_visible() -> None:
    hostile = f"a{CLEAR}b{RLO}c\nd\x85e\tf{LRI}g\x00h\x7f\u2028\udcff\r"
    shown = r"a\x1b[2Jb\u202ec\nd\x85e\tf\u2066g\x00h\x7f\u2028\udcff\r"
    assert terminal_text(hostile) == shown
    assert terminal_text(None) == ""
    ordinary = "Société Générale, 日本, 👩\u200d💻, C:\\Users"  # ZWJ is not a control
    assert terminal_text(ordinary) == ordinary


def test_prose_turns_layout_into_spaces_and_shows_the_rest() -> None:
    assert terminal_text("a\r\n\tb\u2029c\x1bd", prose=True) == r"a b c\x1bd"
    assert terminal_lines("a\nb\tc\x9b") == "a\nb\\tc\\x9b"


def test_safe_text_keeps_styles_around_escapes() -> None:
    text = Text.from_markup(f"[bold]a{CLEAR}b[/bold] [red]{RLO}c[/red]")
    safe = safe_text(text)
    assert safe.plain == r"a\x1b[2Jb \u202ec"
    assert [(s.start, s.end, str(s.style)) for s in safe.spans] == [
        (0, 9, "bold"),
        (10, 17, "red"),
    ]
    assert safe_text(Text("a\nb"), one_line=True).plain == r"a\nb"
    assert safe_text(Text("a\nb")).plain == "a\nb"


class _RawSegments:
    """A renderable that yields raw segments, which no Text escaping sees."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(f"raw{CLEAR}{WINDOW_TITLE}\n")


def test_safe_console_escapes_whatever_it_is_given() -> None:
    buffer = io.StringIO()
    console = SafeConsole(file=buffer, force_terminal=True, color_system="standard", width=120)
    table = Table("markup cell", "text cell")
    table.add_row(f"[bold]x{CLEAR}[/bold]", Text(f"y{CSI}"))
    console.print(table)
    console.print(f"[red]line{LINK}[/red]", Text(f"{RLO}z"))
    console.print(_RawSegments())
    output = buffer.getvalue()
    assert "\x1b[1m" in output  # markup styles survive
    shown = SGR.sub("", output)
    assert_inert(shown)
    for text in (SHOWN_CLEAR, SHOWN_LINK, SHOWN_RLO, SHOWN_TITLE, r"y\x9b"):
        assert text in shown, (text, shown)


def test_markdown_escapes_controls() -> None:
    md = escape_md(f"Le Monde{WINDOW_TITLE}\n# forged{RLO}")
    assert md == r"Le Monde\\x1b\]0;pwned\\x07 \# forged\\u202e"


def test_log_lines_are_escaped_and_one_line() -> None:
    formatter = _TerminalFormatter("%(levelname)s %(name)s: %(message)s")
    record = logging.LogRecord(
        "pressgraph.ingest", logging.WARNING, __file__, 1, "%s: not valid UTF-8", (FILE_NAME,), None
    )
    assert formatter.format(record) == f"WARNING pressgraph.ingest: {SHOWN_NAME}: not valid UTF-8"


def test_evaluation_errors_stay_one_line_each() -> None:
    report = EvalReport(
        errors=[
            {
                "article": f"a{CLEAR}\n== forged",
                "type": "acquisition",
                "kind": "missed",
                "fact": {"type": "acquisition", "subject": f"X{RLO}", "object": "Y\nZ"},
                "evidence": f"text{CSI}",
            }
        ]
    )
    shown = render_errors(report)
    assert_inert(shown)
    assert shown.startswith(r"== a\x1b[2J\n== forged") and shown.count("\n") == 3
