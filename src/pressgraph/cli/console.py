"""The consoles the command line prints through, which no text they print can drive.

Everything rich prints goes through :meth:`rich.console.Console.render`, and every string
it prints (a line, a table cell given as markup) through
:meth:`~rich.console.Console.render_str`. :class:`SafeConsole` hooks both, so whatever a
command prints (a table, a rendered Markdown report, a progress line) is made safe in one
place rather than at each call:

* a string is escaped before its markup is parsed, a :class:`~rich.text.Text` by
  :func:`safe_text` before it is wrapped (its styles kept);
* every segment that comes out is checked again, so a renderable that yields raw segments
  cannot slip a control character through either. rich's own escape sequences (styles,
  cursor moves of a progress bar) are added later, when segments are written, and are
  untouched.

A line feed is layout on stdout (a cell or a report line may wrap); on the error console,
which prints one message a line, it is escaped too, so a file name cannot forge a line.
Call sites still give article text as :func:`cell` (one line) or :func:`prose`: a name in
a table then stays on one line, and its column is measured on what will be shown (rich
measures a cell before rendering it).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Span, Text

from pressgraph.terminal import (
    is_terminal_safe,
    terminal_lines,
    terminal_text,
    unsafe_characters,
)


def safe_text(text: Text, *, one_line: bool = False) -> Text:
    """``text`` with what :func:`~pressgraph.terminal.terminal_lines` (``one_line``:
    :func:`~pressgraph.terminal.terminal_text`) escapes escaped, and its spans moved along:
    the styles of markup survive, and an escape takes the style of the character it shows.
    """
    plain = text.plain
    found = unsafe_characters(plain, keep_newlines=not one_line)
    if not found:
        return text
    positions = [p for p, _ in found]
    # shifts[k]: how much longer the first k escapes made the text.
    shifts = [0, *accumulate(len(escape) - 1 for _, escape in found)]

    def moved(offset: int) -> int:
        return offset + shifts[bisect_left(positions, offset)]

    result = text.copy()
    result.plain = terminal_text(plain) if one_line else terminal_lines(plain)
    result.spans = [Span(moved(s.start), moved(s.end), s.style) for s in text.spans]
    return result


class SafeConsole(Console):
    """A :class:`rich.console.Console` that shows control characters, bidi controls and
    lone surrogates as visible escapes (``\\x1b``, ``\\u202e``) instead of sending them.

    ``one_line`` (the error console): a line feed in printed text is shown as ``\\n``.
    """

    def __init__(self, *, one_line: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.one_line = one_line
        self._escape = terminal_text if one_line else terminal_lines

    def render_str(self, text: str, **kwargs: Any) -> Text:
        # Escaped before markup is parsed, or rich would drop a bell or a carriage return
        # unseen; an escape ends in a letter or digit, so it never escapes a ``[``.
        return super().render_str(self._escape(text), **kwargs)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        if isinstance(renderable, Text):
            renderable = safe_text(renderable, one_line=self.one_line)
        for segment in super().render(renderable, options):
            if segment.control or is_terminal_safe(segment.text):
                yield segment
            else:  # a renderable that yielded raw segments: escaped, line feeds kept
                yield Segment(terminal_lines(segment.text), segment.style)


def cell(value: object) -> Text:
    """A name, title, outlet, file name or URL as a table cell or a line: one line, shown
    as written (never parsed as markup), every control character visible."""
    return Text(terminal_text(None if value is None else str(value)))


def prose(value: object) -> Text:
    """A sentence or snippet of an article: its line breaks and tabs are spaces, every other
    control character visible."""
    return Text(terminal_text(None if value is None else str(value), prose=True))
