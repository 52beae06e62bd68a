"""The tables behind duplicates and stories: canonical URLs, MinHash signatures, LSH bands.

Functions of an open connection, called inside the caller's transaction (by
:meth:`SQLiteStore.add <pressgraph.store.sqlite.SQLiteStore.add>` and by migration 3); the
similarity itself is pure, in :mod:`pressgraph.resolve.dedup`.
"""

from __future__ import annotations

import sqlite3

from pressgraph.resolve.dedup import (
    MARGIN,
    THRESHOLD,
    canonical_url,
    jaccard,
    shingles,
    signature,
    similarity,
)

__all__ = ["MAX_CANDIDATES", "index_document", "stored_duplicate"]

#: Stored documents compared with a new one at most (those sharing the most bands first).
MAX_CANDIDATES = 50


def stored_duplicate(conn: sqlite3.Connection, doc_id: str, url: str | None) -> str | None:
    """The id of the stored document that is the same article (same id, or same canonical
    URL), or None."""
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
        return doc_id
    key = canonical_url(url)
    if key is None:
        return None
    row = conn.execute("SELECT document_id FROM document_urls WHERE url = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def index_document(conn: sqlite3.Connection, doc_id: str, text: str, url: str | None) -> str:
    """Record the URL, signature and bands of the stored document ``doc_id`` and return its
    story: the story of the most similar stored document at :data:`THRESHOLD` or above
    (the earliest stored on a tie), else ``doc_id`` itself. Sets ``documents.story``.

    Candidates share a band; those whose signature is close enough are read back and
    decided on the exact similarity of their shingles."""
    key = canonical_url(url)
    if key is not None:
        conn.execute(
            "INSERT OR IGNORE INTO document_urls (url, document_id) VALUES (?, ?)", (key, doc_id)
        )
    own = shingles(text)
    sig = signature(own)
    story = doc_id
    if sig.linkable:
        bands = sig.bands()
        marks = ",".join("?" * len(bands))
        rows = conn.execute(
            "SELECT s.document_id, s.signature, coalesce(d.story, d.id), d.rowid"
            f" FROM (SELECT document_id, count(*) AS shared FROM story_bands WHERE key IN ({marks})"
            "       GROUP BY document_id ORDER BY shared DESC, document_id LIMIT ?) c"
            " JOIN story_signatures s ON s.document_id = c.document_id"
            " JOIN documents d ON d.id = c.document_id",
            [*bands, MAX_CANDIDATES],
        ).fetchall()
        best: tuple[float, int] | None = None
        for candidate, values, candidate_story, rowid in rows:
            if similarity(sig, values) < THRESHOLD - MARGIN:
                continue
            (other,) = conn.execute(
                "SELECT text FROM documents WHERE id = ?", (candidate,)
            ).fetchone()
            score = jaccard(own, shingles(other))
            if score >= THRESHOLD and (best is None or (-score, rowid) < (-best[0], best[1])):
                best, story = (score, rowid), str(candidate_story)
        conn.executemany(
            "INSERT OR IGNORE INTO story_bands (key, document_id) VALUES (?, ?)",
            [(band, doc_id) for band in bands],
        )
    conn.execute(
        "INSERT OR REPLACE INTO story_signatures (document_id, shingles, signature)"
        " VALUES (?, ?, ?)",
        (doc_id, sig.size, sig.values),
    )
    conn.execute("UPDATE documents SET story = ? WHERE id = ?", (story, doc_id))
    return story
