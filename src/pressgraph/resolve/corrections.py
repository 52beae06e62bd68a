"""Corrections of entity resolution: ``entities --merge`` and ``--split``, decided here
and written by the store in one transaction; recorded, so that every later document
follows them (:func:`pressgraph.resolve.lookup.corrections`)."""

from __future__ import annotations

from typing import Any

from pressgraph.errors import StoreError
from pressgraph.names import is_description, resolution_key
from pressgraph.resolve.lookup import find
from pressgraph.resolve.stage import add_names
from pressgraph.store.protocol import KeyIndex, LocalEntityRow, Store, WriteIndex

__all__ = ["merge_entities", "rekey", "split_entity"]


def _entity_or_fail(index: KeyIndex, store: str, name: str) -> int:
    found = find(index, name)
    if found is None:
        raise StoreError(f"{store}: no entity named {name!r}")
    return found


def rekey(index: WriteIndex, entity_id: int) -> None:
    """Rebuild an entity's blocking keys and aliases from its documents' entities."""
    splits = index.split_keys_of(entity_id)
    index.clear_names(entity_id)
    for row in index.local_entities_of(entity_id):
        all_names = list(dict.fromkeys([row.name, *row.names]))
        descriptions = [n for n in all_names if is_description(n)]
        add_names(index, entity_id, row.name, all_names[1:], descriptions, splits)


def _correct(index: WriteIndex, action: str, name: str, entity_id: int) -> None:
    index.add_correction(action, resolution_key(name), entity_id, name)


def merge_entities(store: Store, keep: str, other: str) -> dict[str, Any]:
    """Make ``other`` the same entity as ``keep``: its documents, claims, mentions, names
    and keys move to ``keep``. Recorded, so every later document that names ``other``
    joins ``keep`` too. Returns the merged entity."""

    def work(index: WriteIndex) -> dict[str, Any]:
        target = _entity_or_fail(index, store.name, keep)
        source = _entity_or_fail(index, store.name, other)
        if target == source:
            raise StoreError(f"{store.name}: {keep!r} and {other!r} are already one entity")
        names = index.name_aliases(source)
        index.absorb(target, source, "merged")
        for name in dict.fromkeys([other, *names]):
            _correct(index, "merge", name, target)
        return index.entity_row(target)

    return store.write(f"merging {other!r} into {keep!r}", work)


def split_entity(store: Store, name: str, alias: str) -> dict[str, Any]:
    """Take ``alias`` out of the entity ``name``: only what was written with that alias
    moves to a new entity named ``alias``. A document whose entity goes by ``alias`` moves
    whole (its claims and mentions); a document that used ``alias`` as one more name for
    the entity ("Viacom ... the Redstone group") keeps its entity, its claims and its other
    mentions, and only the mentions written ``alias`` move. Recorded, so no later document
    joins ``alias`` to ``name`` again; both stay findable. Returns the new entity."""

    def work(index: WriteIndex) -> dict[str, Any]:
        source = _entity_or_fail(index, store.name, name)
        key = resolution_key(alias)
        rows = index.local_entities_of(source)
        whole = [r for r in rows if resolution_key(r.name) == key]
        partial = [
            r for r in rows if r not in whole and key in {resolution_key(n) for n in r.names}
        ]
        if not whole and not partial:
            raise StoreError(f"{store.name}: no document calls {name!r} {alias!r}")
        if len(whole) == len(rows):
            raise StoreError(
                f"{store.name}: every document that names {name!r} calls it {alias!r}; "
                "nothing would be left to split from"
            )
        type_ = index.entity_type(source) or "ORG"
        target = index.new_entity(key, alias, type_)
        index.move_local_entities([r.id for r in whole], target, "split")
        for row in partial:
            _split_mentions(index, row, key, alias, target)
        _correct(index, "split", alias, source)
        rekey(index, source)
        rekey(index, target)
        return index.entity_row(target)

    return store.write(f"splitting {alias!r} from {name!r}", work)


def _split_mentions(
    index: WriteIndex, row: LocalEntityRow, key: str, alias: str, target: int
) -> None:
    """Give one document a new document entity for ``alias`` (in entity ``target``) and
    move to it the mentions of ``row``'s document entity written with that alias."""
    written = [n for n in row.names if resolution_key(n) == key]
    kept = [n for n in row.names if resolution_key(n) != key]
    local_id = index.add_local_entity(
        row.document_id, written[0] if written else alias, row.type, written or [alias], target,
        "split",
    )  # fmt: skip
    index.set_local_names(row.id, kept)
    moved = [mid for mid, text in index.mentions_of_local(row.id) if resolution_key(text) == key]
    index.move_mentions(moved, local_id, target)
