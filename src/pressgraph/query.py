"""The read side: entities, facts, dossiers and timelines.

Facts are built when asked (:func:`pressgraph.resolve.facts.build_facts`) from the claims
about the entity or pair, so an answer costs the size of that dossier, not of the store,
and ``as_of`` is exact: the facts, statuses and sources the press had given by that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# NotFound and SearchError live in errors.py with every error class; they stay importable
# from here.
from pressgraph.errors import ConfigError, NotFound, SearchError, StoreError
from pressgraph.resolve.facts import Fact, build_facts, reported_on
from pressgraph.resolve.lookup import find
from pressgraph.store.protocol import Store
from pressgraph.store.search import SearchResults, Segment

__all__ = [
    "Dossier",
    "NotFound",
    "SearchError",
    "SearchResults",
    "Segment",
    "document",
    "claims",
    "dossier",
    "entity",
    "entity_details",
    "facts",
    "latest_documents",
    "find_entity",
    "parse_as_of",
    "search",
    "story",
    "timeline",
    "top_entities",
]

_ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True)
class Dossier:
    """What the store knows about an entity, or about a pair of entities."""

    entity: dict[str, Any]
    other: dict[str, Any] | None
    facts: list[Fact] = field(default_factory=list)
    as_of: str | None = None
    #: Documents that name the entity (or both) without a fact about it: "also mentioned in".
    mentioned_in: list[dict[str, Any]] = field(default_factory=list)

    def by_status(self, status: str) -> list[Fact]:
        return [f for f in self.facts if f.status == status]


def parse_as_of(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; anything else is one clear error."""
    if value is None:
        return None
    value = value.strip()
    if not _ISO.match(value):
        raise ConfigError(f"--as-of {value!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def find_entity(store: Store, name: str) -> dict[str, Any] | None:
    """The entity a name resolves to (:func:`pressgraph.resolve.lookup.find`), or None."""
    found = find(store, name)
    return None if found is None else store.entity(found)


def entity(store: Store, name: str) -> dict[str, Any]:
    found = find_entity(store, name)
    if found is None:
        raise NotFound(f"no entity named {name!r} in the store")
    return found


def entity_details(store: Store, name: str) -> dict[str, Any]:
    """One entity with, for each document that names it, what the document called it and
    how resolution decided, and its keys (``entities --show``)."""
    found = find(store, name)
    if found is None:
        raise StoreError(f"{store.name}: no entity named {name!r}")
    return store.entity_details(found)


def claims(
    store: Store,
    *,
    entity: str | None = None,
    with_: str | None = None,
    type: str | None = None,
) -> list[dict[str, Any]]:
    """Stored claims (see :meth:`pressgraph.store.Store.claims`), ``entity`` and ``with_``
    given by name; an unknown name matches nothing."""
    ids: list[int | None] = []
    for name in (entity, with_):
        found = None if name is None else find(store, name)
        if name is not None and found is None:
            return []
        ids.append(found)
    return store.claims(entity=ids[0], with_=ids[1], type=type)


def facts(
    store: Store, *, entity_name: str | None = None, type_: str | None = None
) -> list[dict[str, Any]]:
    """Stored claims, optionally about one entity and of one type."""
    if entity_name is not None:
        entity(store, entity_name)
    return claims(store, entity=entity_name, type=type_)


def document(store: Store, doc_id: str) -> dict[str, Any]:
    """One stored document, text included, with its claims in text order (``claims``)."""
    found = store.document(doc_id)
    if found is None:
        raise NotFound(f"no document {doc_id!r} in the store")
    return {**found, "claims": store.document_claims(doc_id)}


def story(
    store: Store, doc: dict[str, Any], *, limit: int = 20, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """The other documents of ``doc``'s story (its near-duplicates), oldest first, one page
    of them; and how many there are."""
    return store.story_documents(doc["story"] or doc["id"], exclude=doc["id"], limit=limit,
                                 offset=offset)  # fmt: skip


def top_entities(
    store: Store, *, limit: int = 20, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of the entities named by the most claims, and how many claims name any."""
    return store.top_entities(limit=limit, offset=offset), store.count_ranked_entities()


def latest_documents(
    store: Store, *, limit: int = 20, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of documents, newest first, and how many there are."""
    return store.latest_documents(limit=limit, offset=offset), store.count_documents()


def search(
    store: Store,
    text: str,
    *,
    type_: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Entities and documents matching ``text``, best first (the CLI's ``search`` and the
    web UI's); see :meth:`pressgraph.store.search.StoreSearch.search`. What cannot be
    searched (nothing typed, an unknown type) raises :class:`SearchError`."""
    return store.search(text, type=type_, limit=limit, offset=offset)


def dossier(
    store: Store, name: str, with_: str | None = None, *, as_of: str | None = None
) -> Dossier:
    """The facts of ``name``, or of the relationship between ``name`` and ``with_``, as
    reported by ``as_of`` (every report when None)."""
    as_of = parse_as_of(as_of)
    main = entity(store, name)
    other = entity(store, with_) if with_ else None
    other_id = None if other is None else int(other["id"])
    rows = store.claims(entity=int(main["id"]), with_=other_id)
    mentioned = [
        m
        for m in store.mentioned_in(int(main["id"]), other_id)
        if as_of is None or (m["published"] or "")[: len(as_of)] <= as_of
    ]
    return Dossier(main, other, build_facts(rows, as_of=as_of), as_of, mentioned)


def timeline(d: Dossier) -> list[dict[str, Any]]:
    """The dated sequence of a dossier, in date order: for each fact, when it holds (its
    date, its end) and each day it was reported (with that day's claims)."""
    events: list[dict[str, Any]] = []
    for fact in d.facts:
        if fact.attributes.get("date"):
            events.append({"date": fact.attributes["date"], "axis": "valid", "fact": fact})
        if fact.attributes.get("until"):
            events.append({"date": fact.attributes["until"], "axis": "until", "fact": fact})
        days: dict[tuple[str, bool], list[dict[str, Any]]] = {}
        for claim in fact.claims:
            days.setdefault(reported_on(claim), []).append(claim)
        for (day, from_ingest), claims in days.items():
            axis = "ingested" if from_ingest else "reported"
            events.append({"date": day, "axis": axis, "fact": fact, "claims": claims})
    order = {"valid": 0, "reported": 1, "ingested": 2, "until": 3}
    return sorted(events, key=lambda e: (e["date"], order[e["axis"]], e["fact"].id))
