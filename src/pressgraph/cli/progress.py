"""Progress of a long command, on stderr.

On a terminal, a rich live line: what is done, a bar, ``done/total`` and the time left when
the total is known, the time elapsed. Otherwise (a log file, a pipe, CI), no live display:
one plain line every :data:`PLAIN_EVERY` seconds, such as
``ingest: stored 118 skipped 2 rejected 0, 120 done, 14 s`` (no total: a folder or a JSON
Lines file is read as it goes) or ``evaluate-resolution: 120/400 (30%), 14 s, about 33 s
left``.

Both take the same calls (:meth:`Progress.add_task`, :meth:`Progress.update`,
:meth:`Progress.advance`); the live line disappears when the command ends, and the
command prints its own summary.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.progress import Progress as LiveProgress
from rich.text import Text

#: Seconds between two plain progress lines when stderr is not a terminal.
PLAIN_EVERY = 5.0


def duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def time_left(done: float, total: float | None, elapsed: float) -> float | None:
    """Seconds left at the rate so far, or ``None`` when it cannot be told (no total,
    nothing done yet)."""
    if total is None or done <= 0 or elapsed <= 0:
        return None
    return max(0.0, elapsed / done * (total - done))


@dataclass
class _Plain:
    description: str
    total: float | None
    completed: float = 0.0


class _Count(ProgressColumn):
    """``done/total`` when the total is known, else ``done``."""

    def render(self, task: Task) -> Text:
        done = int(task.completed)
        shown = f"{done}/{int(task.total)}" if task.total is not None else f"{done}"
        return Text(shown, style="progress.download")


class _TimeLeft(ProgressColumn):
    """``about 1 min 05 s left`` when the total is known (nothing otherwise)."""

    def render(self, task: Task) -> Text:
        left = time_left(task.completed, task.total, task.elapsed or 0.0)
        if left is None or task.finished:
            return Text("")
        return Text(f"about {duration(left)} left", style="progress.remaining")


class Progress:
    """Progress on ``console`` (stderr): live on a terminal, plain lines otherwise.

    ``label`` names the command (``ingest``); ``columns`` adds columns to the live display
    (the rate of ingest); ``quiet`` shows nothing. ``every`` (default :data:`PLAIN_EVERY`)
    and ``clock`` are for tests.
    """

    def __init__(
        self,
        label: str,
        console: Console,
        *,
        quiet: bool = False,
        columns: tuple[ProgressColumn, ...] = (),
        every: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.console = console
        self.quiet = quiet
        self.every = PLAIN_EVERY if every is None else every
        self.clock = clock
        self.live: LiveProgress | None = None
        if not quiet and console.is_terminal:
            self.live = LiveProgress(
                TextColumn(f"[bold]{label}[/bold]"), TextColumn("{task.description}", markup=False),
                BarColumn(), _Count(), *columns, TimeElapsedColumn(), _TimeLeft(),
                console=console, transient=True,
            )  # fmt: skip
        self._tasks: list[_Plain] = []
        self._started = clock()
        self._printed = self._started

    def __enter__(self) -> Progress:
        self._started = self._printed = self.clock()
        if self.live is not None:
            self.live.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.live is not None:
            self.live.stop()

    def add_task(self, description: str = "", total: float | None = None) -> int:
        self._tasks.append(_Plain(description, total))
        if self.live is not None:
            self.live.add_task(description, total=total)
        return len(self._tasks) - 1

    def advance(self, task: int, amount: float = 1) -> None:
        self.update(task, advance=amount)

    def update(
        self,
        task: int,
        *,
        completed: float | None = None,
        advance: float | None = None,
        total: float | None = None,
        description: str | None = None,
    ) -> None:
        state = self._tasks[task]
        if completed is not None:
            state.completed = completed
        if advance is not None:
            state.completed += advance
        if total is not None:
            state.total = total
        if description is not None:
            state.description = description
        if self.live is not None:
            kwargs: dict[str, Any] = {
                "completed": state.completed,
                "description": state.description,
            }
            if total is not None:
                kwargs["total"] = total
            self.live.update(self.live.task_ids[task], **kwargs)
        elif not self.quiet:
            now = self.clock()
            if now - self._printed >= self.every:
                self._printed = now
                self.console.print(Text(self.line(state, now - self._started)))

    def line(self, state: _Plain, elapsed: float) -> str:
        """The plain progress line of ``state`` after ``elapsed`` seconds."""
        done = int(state.completed)
        if state.total:
            count = f"{done}/{int(state.total)} ({state.completed / state.total:.0%})"
        else:
            count = f"{done} done"
        parts = [state.description, count] if state.description else [count]
        parts.append(duration(elapsed))
        left = time_left(state.completed, state.total, elapsed)
        if left is not None:
            parts.append(f"about {duration(left)} left")
        return f"{self.label}: " + ", ".join(parts)
