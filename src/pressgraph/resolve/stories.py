"""Which story a new document belongs to: the decision of :mod:`pressgraph.resolve.dedup`
run against a store's :class:`~pressgraph.store.protocol.WriteIndex`.

Candidates are the stored documents sharing a MinHash band with the new one (at most
:data:`MAX_CANDIDATES`, those sharing the most bands first); those whose signature is
close enough are read back and decided on the exact similarity of their shingles.
"""

from __future__ import annotations

from pressgraph.resolve.dedup import MARGIN, THRESHOLD, jaccard, shingles, signature, similarity
from pressgraph.store.protocol import WriteIndex

__all__ = ["MAX_CANDIDATES", "find_story"]

#: Stored documents compared with a new one at most (those sharing the most bands first).
MAX_CANDIDATES = 50


def find_story(index: WriteIndex, doc_id: str, text: str, url_key: str | None) -> str:
    """Record the URL key, signature and bands of the stored document ``doc_id`` and return
    its story: the story of the most similar stored document at :data:`THRESHOLD` or above
    (the earliest stored on a tie), else ``doc_id`` itself."""
    own = shingles(text)
    sig = signature(own)
    story = doc_id
    bands: list[int] = []
    if sig.linkable:
        bands = sig.bands()
        best: tuple[float, int] | None = None
        for candidate in index.story_candidates(bands, MAX_CANDIDATES):
            if similarity(sig, candidate.signature) < THRESHOLD - MARGIN:
                continue
            score = jaccard(own, shingles(index.document_text(candidate.document_id)))
            if score >= THRESHOLD and (
                best is None or (-score, candidate.order) < (-best[0], best[1])
            ):
                best, story = (score, candidate.order), candidate.story
    index.set_story(doc_id, url_key, sig.size, sig.values, bands, story)
    return story
