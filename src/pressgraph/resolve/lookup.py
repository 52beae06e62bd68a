"""Finding stored entities by indexed key lookups: the decisions of
:mod:`pressgraph.resolve.entities` run against a store's
:class:`~pressgraph.store.protocol.KeyIndex`.

Used by the resolution stage (:mod:`pressgraph.resolve.stage`) for a document's entities
and by the read side for a name a person typed (:func:`find`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pressgraph.names import has_legal_suffix, resolution_key
from pressgraph.resolve.entities import (
    MISSPELLING_MIN_LETTERS,
    Candidate,
    Lookup,
    choose,
    misspelling,
    query_plan,
)
from pressgraph.store.protocol import KeyIndex

__all__ = ["Corrections", "corrections", "find", "misspelt", "plan_decision"]

#: Name keys read at most when looking for a misspelling.
MISSPELLING_CANDIDATES = 5000

#: Merges (key -> the entity it always joins) and splits ((key, entity) pairs that never join).
Corrections = tuple[dict[str, int], set[tuple[str, int]]]


def corrections(index: KeyIndex, keys: Sequence[str]) -> Corrections:
    """The merges and splits people recorded for ``keys``; a later correction of a key
    undoes an earlier one."""
    merges: dict[str, int] = {}
    splits: set[tuple[str, int]] = set()
    for action, key, entity_id in index.corrections_for(keys):
        if action == "merge":
            merges[key] = entity_id
            splits.discard((key, entity_id))
        else:
            splits.add((key, entity_id))
            if merges.get(key) == entity_id:
                del merges[key]
    return merges, splits


def spelled(index: KeyIndex, entity_id: int) -> bool:
    """True unless the entity is known only by a bare acronym: a long name already joined
    it (it has a key of several words), or it has a name of its own with a legal form
    ("SCM Corp" is a company's name, not an abbreviation)."""
    if index.has_key_of_words(entity_id):
        return True
    return any(has_legal_suffix(n) for n in index.name_aliases(entity_id))


def plan_decision(
    index: KeyIndex, plan: Sequence[Lookup], type_: str | None, splits: set[tuple[str, int]]
) -> tuple[int | None, str]:
    """The entity the first deciding step of ``plan`` finds, and the step's name."""
    for step in plan:
        candidates = [
            Candidate(eid, etype)
            for eid, etype in index.entities_with_key(step.key, step.kinds)
            if (step.key, eid) not in splits
            and (step.how != "spelled acronym" or not spelled(index, eid))
        ]
        found = choose(step, type_, candidates)
        if found is not None:
            return found, step.how
    return None, "new"


def misspelt(
    index: KeyIndex, key: str, type_: str, splits: set[tuple[str, int]]
) -> tuple[int | None, str]:
    """The one stored entity whose name ``key`` misspells (or is misspelt by:
    :func:`~pressgraph.resolve.entities.misspelling`), among the names of the same initial
    and about the same length (an indexed range of keys)."""
    if type_ not in ("ORG", "PERSON") or len(key) < MISSPELLING_MIN_LETTERS:
        return None, "new"
    rows = index.name_keys_between(
        key[0], chr(ord(key[0]) + 1), len(key) - 2, len(key) + 2, MISSPELLING_CANDIDATES
    )
    person = type_ == "PERSON"
    found = {
        eid
        for other, eid, etype in rows
        if (etype == "PERSON") == person
        and (key, eid) not in splits
        and misspelling(key, other, person=person)
    }
    return (found.pop(), "misspelling") if len(found) == 1 else (None, "new")


def find(index: KeyIndex, name: str, aliases: Sequence[str] = ()) -> int | None:
    """The stored entity a name (with aliases) resolves to, or None; no type check.

    For names people type ("acme corp": lower case is not a description) and the names of
    attribution chains."""
    keys = [resolution_key(n) for n in (name, *aliases)]
    merges, splits = corrections(index, keys)
    for key in keys:
        if key in merges:
            return merges[key]
    plan = [Lookup(key, ("name",), False, "name") for key in keys]
    found, _ = plan_decision(index, [*plan, *query_plan(name)], None, splits)
    return found
