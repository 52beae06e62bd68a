"""Full-text search of a PostgreSQL store: ``tsvector`` rows ranked by ``ts_rank``.

SQLite searches with FTS5 and its ``unicode61 remove_diacritics`` tokenizer; PostgreSQL's
``unaccent`` is an extension a database may not have, so the folding is done here, in
Python, the same way on both sides of a search: :func:`fold` decomposes the text (NFKD),
drops the accents, lower-cases it and turns everything but letters and digits into spaces.
What reaches ``to_tsvector('simple', ...)`` is then plain words, so PostgreSQL's parser
gives exactly those words as lexemes (with their positions: a word typed with punctuation,
"AT&T", is the phrase ``at <-> t``).

The rows are written by the store inside its write transactions, as SQLite's triggers do:
``documents_search`` with each document (title weighted ``A``, text ``B``),
``entities_search`` for every entity whose name or aliases a transaction changed (name
``A``, name aliases ``B``; entities known only by a description are left out, as in
SQLite). Rows go with their document or entity (``ON DELETE CASCADE``).

Results have the shape of SQLite's (:class:`~pressgraph.store.search.SearchResults`);
scores are ``ts_rank`` (higher is better), not bm25, so the two backends may order equally
relevant hits differently. A document's snippet is cut here from its text: the window of
:data:`~pressgraph.store.search.SNIPPET_TOKENS` words holding the most matched words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from pressgraph.model import Document
from pressgraph.store.connection import CHUNK
from pressgraph.store.reads import StoreReads
from pressgraph.store.search import (
    DOCUMENT,
    ELLIPSIS,
    SNIPPET_TOKENS,
    DocumentHit,
    EntityHit,
    SearchError,
    SearchResults,
    Segment,
    is_prefix,
    query_words,
    search_type,
)

__all__ = ["PgSearch", "fold", "snippet", "ts_query"]

#: ``ts_rank`` weights of D, C, B, A: a match in the title (name) counts more than in the
#: text (aliases), as the bm25 weights of SQLite's search.
DOCUMENT_WEIGHTS = "{0, 0, 0.25, 1}"
ENTITY_WEIGHTS = "{0, 0, 0.5, 1}"

#: Words of a snippet before its first matched word (when the window allows).
LEAD = 4

_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Text as the search index reads it: accents dropped, lower case, every character
    that is not a letter or a digit a space."""
    out = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue
        out.append(char if char.isalnum() else " ")
    return "".join(out).lower()


def _terms(text: str) -> tuple[list[list[str]], str | None]:
    """The folded tokens of each word typed, and the prefix the last token is (or None)."""
    words = query_words(text)
    groups = [fold(word).split() for word in words]
    groups = [g for g in groups if g]
    if not groups:
        raise SearchError("nothing to search for: give a name or words (letters or digits)")
    prefix = groups[-1][-1] if is_prefix(words[-1]) else None
    return groups, prefix


def ts_query(text: str) -> str:
    """The ``to_tsquery('simple', ...)`` text of what a person typed: every word required
    (a word of several tokens a phrase), the last one a prefix when it is long enough. The
    tokens are letters and digits only, so no input is a tsquery syntax error."""
    groups, prefix = _terms(text)
    parts = []
    for n, tokens in enumerate(groups):
        quoted = [f"'{t}'" for t in tokens]
        if prefix is not None and n == len(groups) - 1:
            quoted[-1] += ":*"
        parts.append("(" + " <-> ".join(quoted) + ")")
    return " & ".join(parts)


def _matcher(text: str) -> Callable[[str], bool]:
    groups, prefix = _terms(text)
    exact = {t for tokens in groups for t in tokens}

    def matches(word: str) -> bool:
        folded = "".join(fold(word).split())
        return folded in exact or (prefix is not None and folded.startswith(prefix))

    return matches


def snippet(
    text: str, matches: Callable[[str], bool], size: int = SNIPPET_TOKENS
) -> tuple[Segment, ...]:
    """The window of ``size`` words of ``text`` holding the most matched words, as
    segments (matched words marked), with an ellipsis where text was cut."""
    tokens = [(m.start(), m.end(), matches(m.group())) for m in _TOKEN.finditer(text)]
    if not tokens:
        return (Segment(text, False),) if text else ()
    hits = [int(t[2]) for t in tokens]
    best, count = 0, sum(hits[:size])
    best_count = count
    for first in range(1, max(1, len(tokens) - size + 1)):
        count += hits[first + size - 1] - hits[first - 1]
        if count > best_count:
            best, best_count = first, count
    inside = [n for n in range(best, min(len(tokens), best + size)) if hits[n]]
    if inside:  # a few words of context before the first match, as FTS5 does
        best = max(0, min(inside[0] - LEAD, inside[-1] - size + 1, len(tokens) - size))
    last = min(len(tokens), best + size)
    out: list[Segment] = []
    start = 0 if best == 0 else tokens[best][0]
    end = len(text) if last == len(tokens) else tokens[last - 1][1]
    if best > 0:
        out.append(Segment(ELLIPSIS, False))
    position = start
    for token_start, token_end, matched in tokens[best:last]:
        if matched:
            if token_start > position:
                out.append(Segment(text[position:token_start], False))
            out.append(Segment(text[token_start:token_end], True))
            position = token_end
    if end > position:
        out.append(Segment(text[position:end], False))
    if last < len(tokens):
        out.append(Segment(ELLIPSIS, False))
    # adjacent plain pieces as one segment, as FTS5's marked text splits
    merged: list[Segment] = []
    for segment in out:
        if merged and not segment.match and not merged[-1].match:
            merged[-1] = Segment(merged[-1].text + segment.text, False)
        else:
            merged.append(segment)
    return tuple(merged)


class PgSearch(StoreReads):
    """Ranked full-text search of a PostgreSQL store, and the writes that keep its rows."""

    # -- keeping the rows (inside the store's write transactions) --------------------------

    def index_document(self, doc: Document) -> None:
        self._conn.execute(
            "INSERT INTO documents_search (document_id, terms) VALUES (?,"
            " setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B'))"
            " ON CONFLICT (document_id) DO UPDATE SET terms = excluded.terms",
            (doc.id, fold(doc.title or ""), fold(doc.text)),
        )

    def index_entities(self, entity_ids: Iterable[int]) -> None:
        ids = sorted(set(entity_ids))
        for first in range(0, len(ids), CHUNK):
            chunk = ids[first : first + CHUNK]
            marks = ",".join("?" * len(chunk))
            self._conn.execute(f"DELETE FROM entities_search WHERE entity_id IN ({marks})", chunk)
            names: dict[int, list[str]] = {}
            for entity_id, name in self._conn.execute(
                f"SELECT id, name FROM entities WHERE id IN ({marks}) AND key NOT LIKE '%@%'",
                chunk,
            ):
                names[int(entity_id)] = [name, ""]
            if not names:
                continue
            for entity_id, alias in self._conn.execute(
                f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks})"
                " AND kind = 'name' ORDER BY rowid",
                chunk,
            ):
                if int(entity_id) in names:
                    names[int(entity_id)][1] += " " + fold(alias)
            self._conn.executemany(
                "INSERT INTO entities_search (entity_id, terms) VALUES (?,"
                " setweight(to_tsvector('simple', ?), 'A')"
                " || setweight(to_tsvector('simple', ?), 'B'))",
                [(eid, fold(name), aliases) for eid, (name, aliases) in names.items()],
            )

    # -- searching ---------------------------------------------------------------------------

    def search(
        self, text: str, *, type: str | None = None, limit: int = 20, offset: int = 0
    ) -> SearchResults:
        """Entities (by name and aliases) and documents (by title and text) that contain
        every word of ``text`` (accents and case folded), best first (see
        :meth:`pressgraph.store.search.StoreSearch.search`)."""
        kind = search_type(type)
        if limit < 1 or offset < 0:
            raise SearchError(f"limit must be at least 1 and offset at least 0 ({limit}, {offset})")
        query = ts_query(text)
        matches = _matcher(text)
        with self._errors("searching"):
            entities = (
                ()
                if kind == DOCUMENT
                else self._search_entities(query, matches, kind, limit, offset)
            )
            documents = (
                ()
                if kind not in (None, DOCUMENT)
                else self._search_documents(query, matches, limit, offset)
            )
        return SearchResults(text, query, kind, limit, offset, entities, documents)

    def _search_entities(
        self,
        query: str,
        matches: Callable[[str], bool],
        type_: str | None,
        limit: int,
        offset: int,
    ) -> tuple[EntityHit, ...]:
        rows = self._conn.execute(
            f"SELECT e.id, ts_rank('{ENTITY_WEIGHTS}', s.terms, q) AS score"
            " FROM to_tsquery('simple', ?) AS q"
            " JOIN entities_search s ON s.terms @@ q JOIN entities e ON e.id = s.entity_id"
            + (" WHERE e.type = ?" if type_ else "")
            + " ORDER BY score DESC, e.id LIMIT ? OFFSET ?",
            (query, *([type_] if type_ else []), limit, offset),
        ).fetchall()
        ids = [int(r[0]) for r in rows]
        details = self._entities_by_id(ids)
        keys = self._keys()
        hits = []
        for row in rows:
            entity = details[int(row[0])]
            names = [entity["name"], *keys.name_aliases(entity["id"])]
            matched = {n: None for n in names if any(matches(w) for w in _TOKEN.findall(n))}
            hits.append(EntityHit.of(entity, matched, float(row[1])))
        return tuple(hits)

    def _search_documents(
        self, query: str, matches: Callable[[str], bool], limit: int, offset: int
    ) -> tuple[DocumentHit, ...]:
        rows = self._conn.execute(
            "SELECT d.id, d.title, d.outlet, d.published, d.url, d.language, d.text,"
            f" ts_rank('{DOCUMENT_WEIGHTS}', s.terms, q) AS score"
            " FROM to_tsquery('simple', ?) AS q"
            " JOIN documents_search s ON s.terms @@ q JOIN documents d ON d.id = s.document_id"
            " ORDER BY score DESC, d.id LIMIT ? OFFSET ?",
            (query, limit, offset),
        ).fetchall()
        return tuple(
            DocumentHit(
                id=r["id"],
                title=r["title"],
                outlet=r["outlet"],
                published=r["published"],
                url=r["url"],
                language=r["language"],
                snippet=snippet(r["text"], matches),
                score=float(r["score"]),
            )
            for r in rows
        )
