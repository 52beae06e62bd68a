"""What an export holds: entities, facts (with their claims) and the articles they cite.

Read through the public read side only: the store's claims, made into facts by
:func:`pressgraph.resolve.facts.build_facts` exactly as a dossier makes them (same ids,
statuses and sources as ``pressgraph report``), and the store's entities and documents.
Everything after :func:`read_graph` is pure: the format modules turn a :class:`Graph` into
rows, nodes and edges.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pressgraph import query
from pressgraph.resolve.facts import Fact, build_facts
from pressgraph.store import Store

__all__ = ["Graph", "chain_text", "clean", "read_graph"]


@dataclass(frozen=True)
class Graph:
    """Entities (store rows), facts (each with its claims) and cited documents (store rows,
    without their text); ``entity`` is the name the export was restricted to, if any."""

    entities: list[dict[str, Any]]
    facts: list[Fact]
    documents: list[dict[str, Any]]
    entity: str | None = None

    def claims(self) -> Iterator[tuple[Fact, dict[str, Any]]]:
        """Every claim with its fact, fact by fact. A claim of a former level (``change_of``:
        "raised its stake to 7.7% from 6.3%" also says 6.3% held) is derived, not stored."""
        for fact in self.facts:
            for claim in fact.claims:
                yield fact, claim

    def document_by_id(self) -> dict[str, dict[str, Any]]:
        return {d["id"]: d for d in self.documents}


def read_graph(store: Store, entity: str | None = None) -> Graph:
    """The whole graph, or (``entity`` given) that entity's facts, as its dossier has them,
    with the entities those facts touch (parties and named sources) and the entity itself.
    An unknown name raises :class:`~pressgraph.errors.NotFound`."""
    main = query.entity(store, entity) if entity is not None else None
    claims = store.claims(entity=main["id"] if main is not None else None)
    facts = build_facts(claims)
    entities = store.entities()
    if main is not None:
        touched = {main["id"]}
        for fact in facts:
            touched.add(fact.subject_id)
            if fact.object_id is not None:
                touched.add(fact.object_id)
            for claim in fact.claims:
                touched.update(
                    link["entity_id"]
                    for link in claim.get("sources") or []
                    if link.get("entity_id") is not None
                )
        entities = [e for e in entities if e["id"] in touched]
    cited = {c["document"] for c in claims}
    documents = [d for d in store.documents() if d["id"] in cited]
    return Graph(entities, facts, documents, main["name"] if main else None)


# -- values shared by the formats ------------------------------------------------------------


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(value: str) -> str:
    """``value`` with each lone surrogate (which no UTF-8 file can hold, and which a JSON
    line such as ``"\\ud800"`` can bring in) replaced by U+FFFD; anything else kept."""
    return _SURROGATE.sub("\ufffd", value)


def chain_text(claim: Mapping[str, Any]) -> str:
    """A claim's attribution chain as one phrase: "Reuters, relayed by Le Monde"
    (empty when the article says it in its own voice)."""
    parts = []
    for link in claim.get("sources") or []:
        name = str(link["name"])
        parts.append(name if link.get("kind", "source") == "source" else f"relayed by {name}")
    return ", ".join(parts)
