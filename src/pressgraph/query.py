"""The read side: entities, facts, and the relationship between two entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pressgraph.errors import PressgraphError
from pressgraph.store import SQLiteStore


class NotFound(PressgraphError):
    """No stored entity answers to a name."""


@dataclass(frozen=True)
class Dossier:
    """Everything the store knows about an entity, or about a pair of entities."""

    entity: dict[str, Any]
    other: dict[str, Any] | None
    facts: list[dict[str, Any]] = field(default_factory=list)


def entity(store: SQLiteStore, name: str) -> dict[str, Any]:
    found = store.find_entity(name)
    if found is None:
        raise NotFound(f"no entity named {name!r} in the store")
    return found


def facts(
    store: SQLiteStore, *, entity_name: str | None = None, type_: str | None = None
) -> list[dict[str, Any]]:
    """Stored claims, optionally about one entity and of one type."""
    if entity_name is not None:
        entity(store, entity_name)
    return store.claims(entity=entity_name, type=type_)


def dossier(store: SQLiteStore, name: str, with_: str | None = None) -> Dossier:
    """The facts of ``name``, or of the relationship between ``name`` and ``with_``."""
    main = entity(store, name)
    other = entity(store, with_) if with_ else None
    rows = store.claims(entity=name, with_=with_)
    return Dossier(main, other, rows)
