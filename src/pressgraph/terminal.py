"""What untrusted text may send to a terminal.

Article text, titles, outlets, file names, URLs and WARC bytes are written by others. A
terminal obeys some of the characters they may hold: ESC starts a sequence that can clear
the screen (``ESC[2J``), plant a link (OSC 8) or set the window title (``ESC]0``); the C1
controls (U+0080-U+009F) are the same sequences in one character (U+009B is CSI); a line
break forges a line; a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069)
reorders what is shown after it. None of them is ever needed to read a press article.

So every such character is *made visible*, never silently dropped: it becomes the escape
Python would write for it (``\\n``, ``\\t``, ``\\x1b``, ``\\x9b``, ``\\u202e``), so what was
there can still be seen, and the result is one line that moves nothing. Backslashes are
kept as they are (a Windows path stays readable): the escapes are for a person to read,
not to be decoded. Lone surrogates (how Python keeps the undecodable bytes of a file name)
are escaped too, as they cannot be encoded for the terminal at all.

Prose (an evidence sentence, a snippet, a Markdown report) is read, not inspected: its line
breaks and tabs are layout, so with ``prose=True`` a run of them is one space first.

This module is pure (no rich); :mod:`pressgraph.cli.console` applies it to everything the
command line prints, and :func:`pressgraph.report.escape_md` to Markdown.
"""

from __future__ import annotations

import re

#: Past the C0 controls (U+0000-U+001F): DEL, the C1 controls, the Arabic letter mark, the
#: left-to-right and right-to-left marks, the line and paragraph separators, the bidi
#: embeddings and overrides, the bidi isolates, and lone surrogates.
_OTHERS = r"\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"

_UNSAFE = re.compile(rf"[\x00-\x1f{_OTHERS}]")

#: The same but the line feed: what a text laid out in lines (a table, a report) keeps.
_UNSAFE_BUT_NEWLINE = re.compile(rf"[\x00-\x09\x0b-\x1f{_OTHERS}]")

#: Layout whitespace in prose: tab, line feed, vertical tab, form feed, carriage return,
#: next line, line and paragraph separators.
_LAYOUT = re.compile(r"[\t\n\x0b\x0c\r\x85\u2028\u2029]+")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str | None, *, prose: bool = False) -> str:
    """``text`` as one line a terminal only displays: every control character, bidi control
    and lone surrogate becomes its visible escape (``\\x1b``, ``\\u202e``, ``\\n``).

    ``prose=True`` first turns each run of line breaks and tabs into one space, for text
    whose line breaks are layout (evidence sentences, snippets) rather than part of a name.
    """
    text = text or ""
    if prose:
        text = _LAYOUT.sub(" ", text)
    return _UNSAFE.sub(_visible, text)


def terminal_lines(text: str | None) -> str:
    """Like :func:`terminal_text`, but line feeds are kept: for text whose lines were laid
    out by pressgraph (a table, a report), where everything else is still escaped."""
    return _UNSAFE_BUT_NEWLINE.sub(_visible, text or "")


def is_terminal_safe(text: str) -> bool:
    """Whether ``text`` holds nothing :func:`terminal_lines` would escape (a fast path)."""
    return _UNSAFE_BUT_NEWLINE.search(text) is None


def unsafe_characters(text: str, *, keep_newlines: bool = False) -> list[tuple[int, str]]:
    """Where :func:`terminal_text` (``keep_newlines``: :func:`terminal_lines`) escapes a
    character of ``text``, and the escape: for who must move offsets into the text along
    (the styles of a rich text)."""
    pattern = _UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE
    return [(m.start(), _visible(m)) for m in pattern.finditer(text)]
