"""Full-text search over entity names and aliases and over article titles and texts.

The indexes are FTS5 tables kept in step by triggers (migration 4,
:func:`pressgraph.store.migrations._m004_search`); this module only reads them. The
pure part turns what a person typed into an FTS5 expression that cannot be a syntax error
(:func:`match_expression`) and splits FTS5's marked text into segments
(:func:`segments`); :class:`StoreSearch` runs the two ranked queries.

Results are data, never markup: a snippet is a tuple of :class:`Segment` (text, matched),
so each renderer (the terminal, the web UI) escapes the text its own way. The match
markers are a random token drawn per search, so no article text can forge one.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from pressgraph.errors import SearchError
from pressgraph.store.reads import StoreReads

__all__ = [
    "DOCUMENT",
    "ENTITY_TYPES",
    "DocumentHit",
    "EntityHit",
    "SearchError",
    "SearchResults",
    "Segment",
    "StoreSearch",
    "is_prefix",
    "match_expression",
    "query_words",
    "search_type",
    "segments",
]

#: The ``type`` that asks for documents only; the entity types ask for entities only.
DOCUMENT = "document"
ENTITY_TYPES = ("ORG", "PERSON", "PRODUCT", "PLACE")
#: Words of a query at most: each is one phrase the index must find.
MAX_WORDS = 32
#: The last word is matched as a prefix ("Airb" finds "Airbus") from this many letters on;
#: shorter prefixes would match a large part of the vocabulary.
PREFIX_MIN = 3
#: Tokens around the matched words in a document's snippet.
SNIPPET_TOKENS = 24
ELLIPSIS = "\u2026"
#: Separates an entity's aliases in ``entities_fts.aliases`` (migration 4: ``char(30)``).
ALIAS_SEPARATOR = "\x1e"
#: bm25 weights of the columns: a match in the title (name) counts more than in the text
#: (aliases).
DOCUMENT_WEIGHTS = (4.0, 1.0)
ENTITY_WEIGHTS = (2.0, 1.0)

_SPACES = re.compile(r"\s+")
_WORD_END = re.compile(r"[^\W_]+$")


class Segment(NamedTuple):
    """A piece of text, and whether it is a word the search matched."""

    text: str
    match: bool


@dataclass(frozen=True)
class EntityHit:
    """An entity whose name or aliases match; ``matched`` lists those that do."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    matched: tuple[str, ...]
    documents: int
    claims: int
    mentions: int
    score: float  # -bm25: higher is more relevant

    @classmethod
    def of(cls, entity: dict[str, Any], matched: Iterable[str], score: float) -> EntityHit:
        """The hit of an entity row (:meth:`StoreReads._entity_rows`)."""
        return cls(
            id=entity["id"],
            name=entity["name"],
            type=entity["type"],
            aliases=tuple(entity["aliases"]),
            matched=tuple(matched),
            documents=entity["documents"],
            claims=entity["claims"],
            mentions=entity["mentions"],
            score=score,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "matched": list(self.matched),
            "documents": self.documents,
            "claims": self.claims,
            "mentions": self.mentions,
            "score": self.score,
        }


@dataclass(frozen=True)
class DocumentHit:
    """A document whose title or text matches, with a snippet of its text."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    language: str | None
    snippet: tuple[Segment, ...]
    score: float  # -bm25: higher is more relevant

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "language": self.language,
            "snippet": [{"text": s.text, "match": s.match} for s in self.snippet],
            "score": self.score,
        }


@dataclass(frozen=True)
class SearchResults:
    """The entities and the documents a query finds, each kind ranked by bm25 (scores of
    the two kinds are not comparable, so they are not interleaved)."""

    query: str
    match: str  # the FTS5 expression that was run
    type: str | None
    limit: int
    offset: int
    entities: tuple[EntityHit, ...]
    documents: tuple[DocumentHit, ...]

    def __bool__(self) -> bool:
        return bool(self.entities or self.documents)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "match": self.match,
            "type": self.type,
            "limit": self.limit,
            "offset": self.offset,
            "entities": [e.to_dict() for e in self.entities],
            "documents": [d.to_dict() for d in self.documents],
        }


def _printable(text: str) -> str:
    """NFC text whose control characters are spaces and whose format characters (soft
    hyphens, bidi controls) are gone: a NUL would end the FTS5 expression early, and
    neither kind is part of a word."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif category != "Cf":
            out.append(char)
    return "".join(out)


def query_words(text: str) -> list[str]:
    """The words of what a person typed that have a letter or digit; raises
    :class:`SearchError` when there is none, or too many."""
    words = [w for w in _SPACES.split(_printable(text)) if any(c.isalnum() for c in w)]
    if not words:
        raise SearchError("nothing to search for: give a name or words (letters or digits)")
    if len(words) > MAX_WORDS:
        raise SearchError(f"too many words to search for ({len(words)}; at most {MAX_WORDS})")
    return words


def is_prefix(word: str) -> bool:
    """Whether the last word typed is searched as a prefix (its last letters or digits are
    :data:`PREFIX_MIN` or more)."""
    last = _WORD_END.search(word)
    return last is not None and len(last.group()) >= PREFIX_MIN


def match_expression(text: str) -> str:
    """The FTS5 expression of what a person typed: every word a quoted phrase, all of them
    required, the last one a prefix when it is long enough.

    Only the words' letters and digits reach the index (inside double quotes FTS5 reads no
    operator, column filter or ``NEAR``; a double quote is doubled), so no input is an FTS5
    syntax error. A word without a letter or digit is dropped (an empty phrase would match
    nothing); nothing left to search for raises :class:`SearchError`.
    """
    words = query_words(text)
    terms = ['"' + w.replace('"', '""') + '"' for w in words]
    if is_prefix(words[-1]):
        terms[-1] += "*"
    return " ".join(terms)


def segments(marked: str | None, start: str, end: str) -> tuple[Segment, ...]:
    """Split text marked by FTS5 (``snippet()``, ``highlight()``) with the markers ``start``
    and ``end`` into segments; empty pieces are left out."""
    out: list[Segment] = []
    rest = marked or ""
    while rest:
        before, found, after = rest.partition(start)
        if before:
            out.append(Segment(before, False))
        if not found:
            break
        inside, _, rest = after.partition(end)
        if inside:
            out.append(Segment(inside, True))
    return tuple(out)


def _markers() -> tuple[str, str]:
    token = secrets.token_hex(8)
    return f"\x02{token}\x02", f"\x03{token}\x03"


def search_type(type_: str | None) -> str | None:
    if type_ is None:
        return None
    folded = type_.strip()
    if folded.lower() in (DOCUMENT, DOCUMENT + "s"):
        return DOCUMENT
    if folded.upper() in ENTITY_TYPES:
        return folded.upper()
    choices = "|".join((*ENTITY_TYPES, DOCUMENT))
    raise SearchError(f"unknown search type {type_!r}: expected one of {choices}")


class StoreSearch(StoreReads):
    """Ranked full-text search of a store (see the module docstring)."""

    def search(
        self, text: str, *, type: str | None = None, limit: int = 20, offset: int = 0
    ) -> SearchResults:
        """Entities (by name and aliases) and documents (by title and text) that contain
        every word of ``text`` (accents and case folded), best first.

        ``type`` is an entity type (only entities of that type) or ``"document"`` (only
        documents); ``limit`` and ``offset`` page each kind.
        """
        kind = search_type(type)
        if limit < 1 or offset < 0:
            raise SearchError(f"limit must be at least 1 and offset at least 0 ({limit}, {offset})")
        match = match_expression(text)
        with self._errors("searching"):
            entities = () if kind == DOCUMENT else self._search_entities(match, kind, limit, offset)
            documents = (
                () if kind not in (None, DOCUMENT) else self._search_documents(match, limit, offset)
            )
        return SearchResults(text, match, kind, limit, offset, entities, documents)

    def _search_entities(
        self, match: str, type_: str | None, limit: int, offset: int
    ) -> tuple[EntityHit, ...]:
        start, end = _markers()
        rows = self._conn.execute(
            f"SELECT entities_fts.rowid AS id, -bm25(entities_fts, {ENTITY_WEIGHTS[0]},"
            f" {ENTITY_WEIGHTS[1]}) AS score, highlight(entities_fts, 0, ?, ?) AS name,"
            " highlight(entities_fts, 1, ?, ?) AS aliases"
            " FROM entities_fts JOIN entities e ON e.id = entities_fts.rowid"
            " WHERE entities_fts MATCH ?"
            + (" AND e.type = ?" if type_ else "")
            + " ORDER BY score DESC, e.id LIMIT ? OFFSET ?",
            (start, end, start, end, match, *([type_] if type_ else []), limit, offset),
        ).fetchall()
        details = self._entities_by_id([int(r["id"]) for r in rows])
        hits = []
        for row in rows:
            entity = details[int(row["id"])]
            names = [row["name"], *(row["aliases"] or "").split(ALIAS_SEPARATOR)]
            matched = {
                "".join(s.text for s in parts): None
                for parts in (segments(n, start, end) for n in names)
                if any(s.match for s in parts)
            }
            hits.append(EntityHit.of(entity, matched, float(row["score"])))
        return tuple(hits)

    def _search_documents(self, match: str, limit: int, offset: int) -> tuple[DocumentHit, ...]:
        start, end = _markers()
        rows = self._conn.execute(
            "SELECT d.id, d.title, d.outlet, d.published, d.url, d.language,"
            f" -bm25(documents_fts, {DOCUMENT_WEIGHTS[0]}, {DOCUMENT_WEIGHTS[1]}) AS score,"
            f" snippet(documents_fts, 1, ?, ?, ?, {SNIPPET_TOKENS}) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY score DESC, d.id LIMIT ? OFFSET ?",
            (start, end, ELLIPSIS, match, limit, offset),
        ).fetchall()
        return tuple(
            DocumentHit(
                id=r["id"],
                title=r["title"],
                outlet=r["outlet"],
                published=r["published"],
                url=r["url"],
                language=r["language"],
                snippet=segments(r["snippet"], start, end),
                score=float(r["score"]),
            )
            for r in rows
        )
