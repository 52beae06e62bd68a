"""The text of a parsed document, read once.

spaCy's ``Doc.text`` joins every token each time it is read; the extractors read the text
per sentence and per name, which made extraction time grow with the square of the length.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on first use and kept in the Doc's ``user_data``."""
    text = doc.user_data.get("pressgraph_text")
    if text is None:
        text = doc.user_data["pressgraph_text"] = doc.text
    return text  # type: ignore[no-any-return]


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """The text of ``doc[start:end]``, read from the document's text (no span built)."""
    last = doc[end - 1]
    return doc_text(doc)[doc[start].idx : last.idx + len(last.text)]


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _whole_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    ok = not (before and (_word_char(before) or before in "'’"))
    if ok and after:
        if _word_char(after):
            ok = False
        elif after in "'’":
            nxt = text[end + 2] if end + 2 < len(text) else ""
            ok = text[end + 1 : end + 2] == "s" and not (nxt and _word_char(nxt))
    return ok


def whole_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` is written in ``text`` as whole words: preceded by neither a letter nor
    an apostrophe, followed by neither a letter nor an apostrophe, but the possessive "'s"
    is fine. (A plain search: one regular expression per name would be compiled anew for
    every document.)"""
    out = []
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        if _whole_at(text, start, end):
            out.append((start, end))
        start = text.find(name, start + 1)
    return out


_WORD = re.compile(r"\w+")  # \w is exactly _word_char: str.isalnum() or "_"


class WordIndex:
    """Where each word (a run of word characters) of ``text`` starts: whole occurrences of
    many names found without one search of the whole text per name."""

    def __init__(self, text: str):
        self.text = text
        self.starts: dict[str, list[int]] = {}
        for m in _WORD.finditer(text):
            self.starts.setdefault(m.group(), []).append(m.start())

    def whole_occurrences(self, name: str) -> list[tuple[int, int]]:
        """:func:`whole_occurrences` of ``name`` in the text."""
        first = _WORD.match(name)
        if first is None:  # a name not starting with a word: searched in full
            return whole_occurrences(self.text, name)
        # A whole occurrence starts a word of the text, and that word is the name's first.
        text, n = self.text, len(name)
        return [
            (s, s + n)
            for s in self.starts.get(first.group(), ())
            if text.startswith(name, s) and _whole_at(text, s, s + n)
        ]
