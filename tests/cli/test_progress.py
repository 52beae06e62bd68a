"""Progress on stderr: a total and the time left where the total is known, plain lines every
few seconds off a terminal, no rate for a run that stored nothing; and extract reading URLs
the way ingest does (issue 13)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from pressgraph.cli import app
from pressgraph.cli import progress as progress_module
from pressgraph.cli.inputs import _summary
from pressgraph.cli.progress import Progress, duration, time_left
from pressgraph.pipeline import RunReport

runner = CliRunner()


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=terminal, width=200), buffer


def test_off_a_terminal_one_plain_line_every_few_seconds() -> None:
    console, buffer = _console(terminal=False)
    clock = Clock()
    with Progress("evaluate-resolution", console, every=5.0, clock=clock) as bar:
        task = bar.add_task("", total=400)
        for _ in range(100):
            clock.now += 0.125  # 100 documents in 12.5 s: lines at 5 s and 10 s
            bar.advance(task)
    lines = buffer.getvalue().splitlines()
    assert lines == [
        "evaluate-resolution: 40/400 (10%), 5 s, about 45 s left",
        "evaluate-resolution: 80/400 (20%), 10 s, about 40 s left",
    ]
    assert "\x1b" not in buffer.getvalue()  # no live display, no cursor moves


def test_without_a_total_no_time_left_is_guessed() -> None:
    console, buffer = _console(terminal=False)
    clock = Clock()
    with Progress("ingest", console, every=5.0, clock=clock) as bar:
        task = bar.add_task("", total=None)
        clock.now += 6
        bar.update(task, advance=3, description="stored 2 skipped 1 rejected 0")
    assert buffer.getvalue() == "ingest: stored 2 skipped 1 rejected 0, 3 done, 6 s\n"


def test_quiet_shows_nothing() -> None:
    console, buffer = _console(terminal=False)
    clock = Clock()
    with Progress("ingest", console, quiet=True, every=0, clock=clock) as bar:
        task = bar.add_task("", total=3)
        clock.now += 10
        bar.advance(task)
    assert buffer.getvalue() == ""


def test_on_a_terminal_a_live_line_with_total_and_time_left() -> None:
    console, _ = _console(terminal=True)
    with Progress("bench", console) as bar:
        assert bar.live is not None
        task = bar.add_task("pipeline 1 process", total=400)
        bar.update(task, completed=100)
        live_task = bar.live.tasks[0]
        assert (live_task.completed, live_task.total) == (100, 400)
        shown = [str(column.render(live_task)) for column in bar.live.columns[3:4]]
        assert shown == ["100/400"]


@pytest.mark.parametrize(
    ("done", "total", "elapsed", "left"),
    [(0, 10, 5.0, None), (5, None, 5.0, None), (5, 10, 5.0, 5.0), (10, 10, 3.0, 0.0)],
)
def test_time_left(done: int, total: int | None, elapsed: float, left: float | None) -> None:
    assert time_left(done, total, elapsed) == left


@pytest.mark.parametrize(
    ("seconds", "shown"), [(4.4, "4 s"), (65, "1 min 05 s"), (3725, "1 h 02 min")]
)
def test_duration(seconds: float, shown: str) -> None:
    assert duration(seconds) == shown


def test_no_rate_for_a_run_that_stored_nothing() -> None:
    nothing = RunReport(skipped=["a", "b"], rejected=["c: empty file"])
    line = _summary(nothing, 2.0, Path("g.db"))
    assert "articles/s" not in line and line.startswith("stored 0 document(s)")
    some = RunReport(stored=["a"], skipped=["b"], claims=3)
    assert "(1.0 articles/s)" in _summary(some, 2.0, Path("g.db"))


def test_ingest_off_a_terminal_prints_plain_progress_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "PLAIN_EVERY", 0.0)  # a line at each document
    for i in range(3):
        (tmp_path / f"empty{i}.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "g.db")])
    assert result.exit_code == 1  # three empty files: rejected
    lines = result.output.splitlines()
    assert "ingest: stored 0 skipped 0 rejected 3, 3 done, 0 s" in lines
    assert lines[-1].startswith("stored 0 document(s)") and "articles/s" not in lines[-1]
    assert "\x1b" not in result.output


ARTICLE = """<!doctype html><html lang="en"><head><title>Boeing buys Hughes</title></head>
<body><article><h1>Boeing buys Hughes</h1>
<p>Boeing Co said on Monday it agreed to acquire Hughes Aircraft Co for 300 mln dlrs,
a company spokesman said.</p>
<p>The acquisition is expected to close in the second quarter, the company said.</p>
</article></body></html>"""


def test_extract_reads_a_url_like_ingest(local_site: Any, tmp_path: Path) -> None:
    url = local_site.serve("/boeing.html", ARTICLE)
    refused = runner.invoke(app, ["extract", url])  # loopback: refused unless allowed
    assert refused.exit_code == 1 and "rejected:" in refused.output and url in refused.output
    assert refused.stdout == ""
    allowed = runner.invoke(app, ["extract", url, "--allow-private"])
    assert allowed.exit_code == 0, allowed.output
    line = json.loads(allowed.stdout)
    facts = {(f["type"], f["subject"], f["object"]) for f in line["facts"]}
    assert ("acquisition", "Boeing Co", "Hughes Aircraft Co") in facts
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{url}\n/etc/passwd\n", encoding="utf-8")
    from_file = runner.invoke(app, ["extract", "--urls", str(listing), "--allow-private"])
    assert from_file.exit_code == 1  # the local path of the list is refused, the URL read
    assert "not an http(s) URL: '/etc/passwd'" in from_file.output
    assert json.loads(from_file.stdout)["facts"] == line["facts"]
