"""Migration 3: duplicates and stories. Shipped: never edit.

Stored documents are indexed by the code below, frozen as it was when this migration
shipped (``pressgraph.resolve.dedup``: canonical URLs, shingles, MinHash signatures and
bands; ``pressgraph.store.stories.index_document``), so a later change to how ingest finds
stories cannot change what this migration does to an old database.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

__all__ = ["_m003_stories"]

_SCHEMA_3 = (
    """
    CREATE TABLE document_urls (
        url TEXT PRIMARY KEY,           -- resolve.dedup.canonical_url: one document per URL
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
    ) WITHOUT ROWID
    """,
    "CREATE INDEX document_urls_document ON document_urls(document_id)",
    """
    CREATE TABLE story_signatures (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        shingles INTEGER NOT NULL,      -- number of word shingles of the text
        signature BLOB NOT NULL         -- MinHash values, little-endian uint32 (resolve.dedup)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE story_bands (
        key INTEGER NOT NULL,           -- hash of one band of the signature (LSH blocking)
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (key, document_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX story_bands_document ON story_bands(document_id)",
    "CREATE INDEX documents_story ON documents(story)",
)


# -- resolve/dedup.py, as shipped ----------------------------------------------------------

_SHINGLE = 3
_NUM_PERM = 96
_BANDS = 32
_ROWS = 3
_THRESHOLD = 0.5
_MARGIN = 0.15
_MIN_SHINGLES = 20
_MAX_CANDIDATES = 50
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|xtor|at_medium|at_campaign)$", re.I)


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


_A = np.array([_hash64(b"pressgraph-minhash-a%d" % i) | 1 for i in range(_NUM_PERM)], np.uint64)
_B = np.array([_hash64(b"pressgraph-minhash-b%d" % i) for i in range(_NUM_PERM)], np.uint64)


def _shingles(text: str) -> set[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    words = _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)))
    return {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def _signature(found: set[str]) -> bytes:
    if not found:
        return np.full(_NUM_PERM, 0xFFFFFFFF, dtype="<u4").tobytes()
    x = np.fromiter((_hash64(s.encode("utf-8")) for s in found), dtype=np.uint64, count=len(found))
    with np.errstate(over="ignore"):
        hashed = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return bytes(hashed.min(axis=0).astype("<u4").tobytes())


def _bands(values: bytes) -> list[int]:
    keys = []
    width = _ROWS * 4
    for band in range(_BANDS):
        key = _hash64(bytes([band]) + values[band * width : (band + 1) * width])
        keys.append(key - (1 << 64) if key >= 1 << 63 else key)
    return keys


def _similarity(a: bytes, b: bytes) -> float:
    va, vb = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(va == vb)) / _NUM_PERM


def _jaccard(a: set[str], b: set[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _canonical_url(url: str | None) -> str | None:
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or ""
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k))  # fmt: skip
    return urlunsplit((scheme, host, path, urlencode(query), ""))


# -- store/stories.py, as shipped ---------------------------------------------------------


def _index_document(conn: sqlite3.Connection, doc_id: str, text: str, url: str | None) -> None:
    """Record the URL, signature and bands of ``doc_id`` and set its story: the story of the
    most similar stored document at the threshold or above, else itself."""
    key = _canonical_url(url)
    if key is not None:
        conn.execute(
            "INSERT OR IGNORE INTO document_urls (url, document_id) VALUES (?, ?)", (key, doc_id)
        )
    own = _shingles(text)
    values = _signature(own)
    story = doc_id
    if len(own) >= _MIN_SHINGLES:
        bands = _bands(values)
        marks = ",".join("?" * len(bands))
        rows = conn.execute(
            "SELECT s.document_id, s.signature, coalesce(d.story, d.id), d.rowid"
            f" FROM (SELECT document_id, count(*) AS shared FROM story_bands WHERE key IN ({marks})"
            "       GROUP BY document_id ORDER BY shared DESC, document_id LIMIT ?) c"
            " JOIN story_signatures s ON s.document_id = c.document_id"
            " JOIN documents d ON d.id = c.document_id",
            [*bands, _MAX_CANDIDATES],
        ).fetchall()
        best: tuple[float, int] | None = None
        for candidate, other_values, candidate_story, rowid in rows:
            if _similarity(values, other_values) < _THRESHOLD - _MARGIN:
                continue
            (other,) = conn.execute(
                "SELECT text FROM documents WHERE id = ?", (candidate,)
            ).fetchone()
            score = _jaccard(own, _shingles(other))
            if score >= _THRESHOLD and (best is None or (-score, rowid) < (-best[0], best[1])):
                best, story = (score, rowid), str(candidate_story)
        conn.executemany(
            "INSERT OR IGNORE INTO story_bands (key, document_id) VALUES (?, ?)",
            [(band, doc_id) for band in bands],
        )
    conn.execute(
        "INSERT OR REPLACE INTO story_signatures (document_id, shingles, signature)"
        " VALUES (?, ?, ?)",
        (doc_id, len(own), values),
    )
    conn.execute("UPDATE documents SET story = ? WHERE id = ?", (story, doc_id))


# -- the migration ------------------------------------------------------------------------


def _m003_stories(conn: sqlite3.Connection) -> None:
    """Duplicates and stories: canonical URLs, MinHash signatures and their LSH bands;
    stored documents are indexed in the order they were stored, and given their story."""
    for statement in _SCHEMA_3:
        conn.execute(statement)
    ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY rowid")]
    for doc_id in ids:  # the code ingest ran when this migration shipped (below)
        row = conn.execute("SELECT text, url FROM documents WHERE id = ?", (doc_id,)).fetchone()
        _index_document(conn, doc_id, row[0], row[1])
