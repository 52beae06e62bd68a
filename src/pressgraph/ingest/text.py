"""Plain text and Markdown articles: a pure ``parse_text(text) -> Document``.

The document text is rebuilt as paragraphs joined by a blank line (``"\\n\\n"``); lines
inside a paragraph keep their ``"\\n"``. The title line is always a paragraph of its own,
so a heading is never glued to the sentence after it. In Markdown, headings of every level
are paragraphs of their own without their ``#`` marks, thematic breaks are dropped, and
emphasis, inline code, links and images keep only their text. Nothing else is rewritten.
"""

from __future__ import annotations

import re

from pressgraph.errors import IngestError
from pressgraph.model import Document

__all__ = ["parse_text", "strip_inline_markdown"]

_ATX_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?)(?:[ \t]+#+)?)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)$")
_THEMATIC_BREAK = re.compile(r"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BLOCK_PREFIX = re.compile(r"^(?:>[ \t]?)+|^(?:[-*+]|\d{1,3}[.)])[ \t]+")

# Order matters: images before links, strong before emphasis.
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
)


def strip_inline_markdown(line: str) -> str:
    """Keep the text of emphasis, inline code, links and images (``**x**`` -> ``x``)."""
    for pattern, repl in _INLINE_RULES:
        line = pattern.sub(repl, line)
    return line


def _markdown_blocks(lines: list[str]) -> tuple[list[list[str]], str | None]:
    """Paragraphs of a Markdown text and its first level-1 heading."""
    blocks: list[list[str]] = []
    current: list[str] = []
    title: str | None = None

    def flush() -> None:
        if current:
            blocks.append(current.copy())
            current.clear()

    for raw in lines:
        line = raw.strip()
        heading = _ATX_HEADING.match(line)
        if heading:
            flush()
            text = strip_inline_markdown(heading.group(2) or "").strip()
            if text:
                blocks.append([text])
                if title is None and len(heading.group(1)) == 1:
                    title = text
            continue
        if _SETEXT_UNDERLINE.match(line) and len(current) == 1:
            text = current.pop()
            blocks.append([text])
            if title is None and line.startswith("="):
                title = text
            continue
        if _THEMATIC_BREAK.match(line):
            flush()
            continue
        line = strip_inline_markdown(_BLOCK_PREFIX.sub("", line)).strip()
        if line:
            current.append(line)
        else:
            flush()
    flush()
    return blocks, title


def _plain_blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in lines:
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def parse_text(text: str, *, source: str, markdown: bool, language: str | None = None) -> Document:
    """Turn the decoded text of a ``.txt`` or ``.md`` file into a :class:`Document`.

    The title is the first line (in Markdown: the first ``# `` heading, else the first
    line). Raises :class:`IngestError` when no text is left.
    """
    lines = text.split("\n")
    if markdown:
        blocks, title = _markdown_blocks(lines)
    else:
        blocks, title = _plain_blocks(lines), None
    if not blocks:
        raise IngestError(source, "no text")
    if title is None:
        first = blocks[0]
        title = first[0]
        if len(first) > 1:
            blocks[0:1] = [[first[0]], first[1:]]
    body = "\n\n".join("\n".join(block) for block in blocks)
    return Document.from_text(body, title=title, source=source, language=language)
