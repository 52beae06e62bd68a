"""The original sources of a fact: who says it, not who copied it.

A claim's original source is the first named ``source`` link of its attribution chain
("selon le journal A, relayé par le journal B": A), else, for documents of one story (a wire
story reprinted), the story, else the outlet, else the document. An unattributed claim
whose evidence is a near copy of an earlier one from another document
(:data:`COPY_SIMILARITY`, on evidence of :data:`COPY_MIN_CHARS` characters or more) is the
same source reprinted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from pressgraph.names import is_description, resolution_key

__all__ = ["COPY_MIN_CHARS", "COPY_SIMILARITY", "count_sources", "original_source"]

#: Evidence this similar (rapidfuzz ratio, 0-100) in two documents is one text reprinted.
COPY_SIMILARITY = 90.0
#: Shorter evidence is not compared: two outlets may well write "X owns 20% of Y" alike.
COPY_MIN_CHARS = 60


def _named_source(claim: Mapping[str, Any]) -> dict[str, Any] | None:
    """The first ``source`` link of the claim's chain when it names someone; an unnamed one
    ("the companies", "des sources proches du dossier") identifies no original source."""
    for link in claim.get("sources") or []:
        if link.get("kind", "source") == "source":
            return None if is_description(link["name"]) else dict(link)
    return None


def original_source(
    claim: Mapping[str, Any], shared: frozenset[str] = frozenset()
) -> tuple[str, str]:
    """(key, display name) of the claim's original source (see the module docstring);
    ``shared``: the stories that several documents of the fact belong to."""
    link = _named_source(claim)
    if link is not None:
        entity_id = link.get("entity_id")
        key = (
            f"entity:{entity_id}"
            if entity_id is not None
            else f"name:{resolution_key(link['name'])}"
        )
        return key, link["name"]
    if claim.get("story") in shared:
        return f"story:{claim['story']}", claim.get("outlet") or claim.get("title") or "?"
    if claim.get("outlet"):
        return f"outlet:{resolution_key(claim['outlet'])}", claim["outlet"]
    return f"document:{claim['document']}", claim.get("title") or claim.get("source") or claim[
        "document"
    ]


def _attributed(claim: Mapping[str, Any]) -> bool:
    return _named_source(claim) is not None


def count_sources(
    claims: Sequence[dict[str, Any]], reported_on: Callable[[Mapping[str, Any]], tuple[str, bool]]
) -> tuple[list[str], int]:
    """The original sources of a fact's claims (display names) and how many there are,
    ``reported_on`` giving each claim's report date (the earliest copy of a wire story is
    its source)."""
    documents: dict[str, set[str]] = {}
    for claim in claims:
        if claim.get("story"):
            documents.setdefault(claim["story"], set()).add(claim["document"])
    shared = frozenset(story for story, docs in documents.items() if len(docs) > 1)
    chosen: list[tuple[int, tuple[str, str]]] = []
    for i in sorted(range(len(claims)), key=lambda i: reported_on(claims[i])[0]):
        claim = claims[i]
        key = original_source(claim, shared)
        if not _attributed(claim):
            for j, earlier in chosen:
                other = claims[j]
                if (
                    not _attributed(other)
                    and other["document"] != claim["document"]
                    and min(len(claim.get("evidence") or ""), len(other.get("evidence") or ""))
                    >= COPY_MIN_CHARS
                    and fuzz.ratio(claim.get("evidence") or "", other.get("evidence") or "")
                    >= COPY_SIMILARITY
                ):
                    key = earlier  # the same wire story, reprinted
                    break
        chosen.append((i, key))
    names: dict[str, str] = {}
    for _, (source_key, name) in chosen:
        names.setdefault(source_key, name)
    return list(names.values()), len(names)
