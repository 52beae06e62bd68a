"""Duplicate and near-duplicate documents: canonical URLs, MinHash signatures, LSH bands.

Pure functions; :mod:`pressgraph.resolve.stories` decides a new document's story with them
against the store's index.

*The same article* is the same text (:func:`pressgraph.model.content_id`) or the same
:func:`canonical_url`. *The same story* (a wire story reprinted with small edits by
several outlets) is a Jaccard similarity of at least :data:`THRESHOLD` between the sets of
:data:`SHINGLE`-word shingles of the two texts (lower case, accents folded, punctuation
dropped), estimated from :data:`NUM_PERM` MinHash values::

    text --words--> shingles --hash--> uint64 --NUM_PERM hash functions, min--> signature
    signature --BANDS bands of ROWS values, each hashed--> band keys (the blocking index)

Two documents are compared only when they share a band key (locality-sensitive hashing):
with 32 bands of 3 values, a pair at similarity 0.5 shares one with probability 0.99, a
pair at 0.2 with probability 0.23 (then turned down), so the cost of one new document is a
few indexed lookups, whatever the number of stored documents. The estimate (standard error
about 0.05) only screens the candidates: those it puts within :data:`MARGIN` of the
threshold are decided on the exact :func:`jaccard` of their shingles.
Texts of fewer than :data:`MIN_SHINGLES` shingles are too short to tell a reprint from a
coincidence and are never linked.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

__all__ = [
    "BANDS",
    "MARGIN",
    "MIN_SHINGLES",
    "NUM_PERM",
    "ROWS",
    "SHINGLE",
    "THRESHOLD",
    "Signature",
    "canonical_url",
    "jaccard",
    "shingles",
    "signature",
    "similarity",
]

#: Words per shingle.
SHINGLE = 3
#: MinHash values per signature (= BANDS * ROWS).
NUM_PERM = 96
BANDS = 32
ROWS = 3
#: Estimated Jaccard similarity from which two texts are one story.
THRESHOLD = 0.5
#: Candidates estimated at THRESHOLD - MARGIN or above are compared exactly.
MARGIN = 0.15
#: Fewer shingles than this (about 20 words): never linked.
MIN_SHINGLES = 20

_WORD = re.compile(r"\w+")


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """The NUM_PERM hash functions ``(a * x + b) mod 2**64 >> 32``: fixed, derived from their
    index (not from a random generator), so signatures never change between versions."""
    a = [_hash64(b"pressgraph-minhash-a%d" % i) | 1 for i in range(NUM_PERM)]
    b = [_hash64(b"pressgraph-minhash-b%d" % i) for i in range(NUM_PERM)]
    return np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64)


_A, _B = _coefficients()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The set of ``size``-word shingles of ``text`` (case, accents and punctuation folded)."""
    words = _WORD.findall(_fold(text))
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's MinHash signature (NUM_PERM uint32 values) and its number of shingles."""

    values: bytes
    size: int

    @property
    def linkable(self) -> bool:
        return self.size >= MIN_SHINGLES

    def bands(self) -> list[int]:
        """The blocking keys: one signed 64-bit hash per band (band index included)."""
        keys = []
        width = ROWS * 4
        for band in range(BANDS):
            chunk = self.values[band * width : (band + 1) * width]
            key = _hash64(bytes([band]) + chunk)
            keys.append(key - (1 << 64) if key >= 1 << 63 else key)  # SQLite INTEGER
        return keys


def signature(text: str | set[str]) -> Signature:
    """The MinHash signature of ``text``'s shingles, or of a set of shingles (all ones for
    a text without any)."""
    found = shingles(text) if isinstance(text, str) else text
    if not found:
        return Signature(np.full(NUM_PERM, 0xFFFFFFFF, dtype="<u4").tobytes(), 0)
    x = np.fromiter((_hash64(s.encode("utf-8")) for s in found), dtype=np.uint64, count=len(found))
    with np.errstate(over="ignore"):
        hashed = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    values = hashed.min(axis=0).astype("<u4")
    return Signature(values.tobytes(), len(found))


def similarity(a: Signature | bytes, b: Signature | bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    va = np.frombuffer(a.values if isinstance(a, Signature) else a, dtype="<u4")
    vb = np.frombuffer(b.values if isinstance(b, Signature) else b, dtype="<u4")
    return float(np.count_nonzero(va == vb)) / NUM_PERM


def jaccard(a: set[str], b: set[str]) -> float:
    """The exact Jaccard similarity of two sets of shingles (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


#: Query parameters that track a click, not the page: dropped from canonical URLs.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|xtor|at_medium|at_campaign)$", re.I)


def canonical_url(url: str | None) -> str | None:
    """``url`` as a key for "the same article": scheme and host lower case, ``http`` as
    ``https``, no ``www.``, default port, fragment or tracking parameters, no trailing
    slash; other query parameters kept, sorted. None for an empty URL."""
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
