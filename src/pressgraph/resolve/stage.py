"""The resolution stage: which stored entity each name of a document is, and which story
the document belongs to. The pipeline runs it before anything of the document is written
but its row: ``store.add(extraction, RESOLUTION)``.

It decides, the store writes. Every lookup goes through the store's
:class:`~pressgraph.store.protocol.WriteIndex` (indexed key lookups only: the cost of a
document does not grow with the store), and what it decides is handed back as plain writes
(entities, keys, aliases, document entities, owners, the story) and as the
:class:`~pressgraph.store.protocol.DocumentRefs` of the mentions and claims the store then
writes. The store runs the stage inside its write transaction, so what it read is still
true when it writes (see :mod:`pressgraph.store.protocol` on concurrent ingests).

Resolution of one entity (:func:`resolve_entity`): the corrections people made (a merged
name always joins its entity; a split name never joins its old one), then the plan of
:func:`~pressgraph.resolve.entities.lookup_plan`, then a misspelling of one stored name,
else a new entity. Descriptions ("l'assureur") never resolve across documents: an entity
known only by them gets a key scoped to its document (``assureur@<document id>``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from pressgraph.model import Entity, Extraction
from pressgraph.names import is_description, resolution_key
from pressgraph.resolve.dedup import canonical_url
from pressgraph.resolve.entities import blocking_keys, lookup_plan, ticker_key
from pressgraph.resolve.lookup import corrections, find, misspelt, plan_decision
from pressgraph.resolve.stories import find_story
from pressgraph.store.protocol import ClaimRefs, DocumentRefs, EntityRef, WriteIndex

__all__ = [
    "DEFAULT_ENTITY_TYPE",
    "RESOLUTION",
    "DocumentEntities",
    "Resolution",
    "add_names",
    "alias_key",
    "resolve_document",
    "resolve_entity",
]

logger = logging.getLogger(__name__)

#: Entity type given to a claim's party that the extraction did not list as an entity.
DEFAULT_ENTITY_TYPE = "ORG"


def alias_key(name: str) -> str:
    """The key an alias is stored under: a ticker's own ("ticker:md"), else the name's."""
    return ticker_key(name) or resolution_key(name)


def _folded(text: str) -> str:
    """A mention's text as names are compared: case folded, one space between words."""
    return " ".join(text.split()).casefold()


class DocumentEntities:
    """The document entities of one document's names, filled while it is resolved."""

    def __init__(self, descriptions: set[str]) -> None:
        self.descriptions = {_folded(d) for d in descriptions}
        self.by_name: dict[str, int] = {}
        self.by_fold: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        #: local entity id -> stored entity id
        self.entity_of: dict[int, int] = {}

    def is_description(self, name: str) -> bool:
        return _folded(name) in self.descriptions or is_description(name)

    def add(self, name: str, local_id: int) -> None:
        self.by_name.setdefault(name, local_id)
        self.by_fold.setdefault(name.casefold(), local_id)
        if not self.is_description(name):
            self.by_key.setdefault(resolution_key(name), local_id)

    def get(self, name: str) -> int | None:
        found = self.by_name.get(name) or self.by_fold.get(name.casefold())
        if found is None and not self.is_description(name):
            found = self.by_key.get(resolution_key(name))
        return found

    def ref(self, local_id: int) -> EntityRef:
        return EntityRef(local_id, self.entity_of[local_id])


def add_names(
    index: WriteIndex,
    entity_id: int,
    name: str,
    aliases: Sequence[str],
    descriptions: Sequence[str],
    barred: set[str],
) -> None:
    """Give an entity the blocking keys and aliases of one document's entity (keys in
    ``barred``, split off by a person, left out); a key first stored as a weaker kind
    becomes a name when a document says so."""
    person = index.entity_type(entity_id) == "PERSON"
    index.add_keys(
        entity_id,
        [
            (key, kind)
            for key, kind in blocking_keys(name, aliases, descriptions, person=person)
            if key not in barred
        ],
    )
    index.add_aliases(
        entity_id,
        [
            (n, alias_key(n), "description" if n in descriptions else "name")
            for n in dict.fromkeys((name, *aliases))
            if alias_key(n) not in barred
        ],
    )


def resolve_entity(index: WriteIndex, entity: Entity, doc_id: str, local: DocumentEntities) -> int:
    """Resolve one entity of a document against the store; returns its document entity's
    id (recorded in ``local``). The entity's blocking keys and aliases are added to the
    stored entity it joins (or the one created for it)."""
    all_names = list(dict.fromkeys((entity.name, *entity.aliases)))
    descriptions = [n for n in all_names if local.is_description(n)]
    names = [n for n in all_names if n not in descriptions]
    how = "new"
    if names:
        keys = list(dict.fromkeys(resolution_key(n) for n in names))
        merges, splits = corrections(index, keys)
        found = next((merges[k] for k in keys if k in merges), None)
        if found is not None:
            how = "merged"
        else:
            plan = lookup_plan(
                entity.name, entity.aliases, descriptions, person=entity.type == "PERSON"
            )
            found, how = plan_decision(index, plan, entity.type, splits)
        if found is None:
            found, how = misspelt(index, keys[0], entity.type, splits)
        if found is None:
            found = index.new_entity(keys[0], entity.name, entity.type)
        barred = {key for key, eid in splits if eid == found}
    else:
        key = f"{resolution_key(entity.name)}@{doc_id}"
        found = index.entity_by_key(key)
        if found is None:
            found = index.new_entity(key, entity.name, entity.type)
        barred = set()
    add_names(index, found, entity.name, entity.aliases, descriptions, barred)
    local_id = index.add_local_entity(doc_id, entity.name, entity.type, all_names, found, how)
    local.entity_of[local_id] = found
    return local_id


def resolve_document(extraction: Extraction, index: WriteIndex) -> DocumentRefs:
    """Resolve every name of ``extraction`` (whose document row is written): its story,
    its entities in order, their owners, then the mentions' and the claims' names the
    extraction did not list as entities (created as entities of their own), then the
    names of attribution chains (looked up, never created)."""
    doc = extraction.document
    find_story(index, doc.id, doc.text, canonical_url(doc.url))
    local = DocumentEntities({m.text for m in extraction.mentions if m.kind != "name"})
    for entity in extraction.entities:
        local_id = resolve_entity(index, entity, doc.id, local)
        for name in (entity.name, *entity.aliases):
            local.add(name, local_id)

    def local_for(name: str, type_: str | None) -> EntityRef:
        found = local.get(name)
        if found is None:
            logger.debug("%s: %r is not an entity of the extraction", doc.id, name)
            found = resolve_entity(index, Entity(name, type_ or DEFAULT_ENTITY_TYPE), doc.id, local)
            local.add(name, found)
        return local.ref(found)

    for entity in extraction.entities:
        # whose product it is, when the document says so; the first owner an article gave
        # stays (a later article cannot move a product silently)
        if entity.owner is not None:
            product, owner = local.get(entity.name), local.get(entity.owner)
            if product is not None and owner is not None:
                pid, oid = local.entity_of[product], local.entity_of[owner]
                if pid != oid:
                    index.set_owner(pid, oid)
    mentions = tuple(local_for(m.entity, m.type) for m in extraction.mentions)
    claims = []
    for claim in extraction.claims:
        subject = local_for(claim.subject, claim.subject_type)
        obj = None if claim.object is None else local_for(claim.object, claim.object_type)
        sources = []
        for source in claim.sources:
            lid = local.get(source.name)
            sources.append(
                (lid, local.entity_of[lid] if lid is not None else find(index, source.name))
            )
        claims.append(ClaimRefs(subject, obj, tuple(sources)))
    return DocumentRefs(mentions, tuple(claims))


class Resolution:
    """The resolution stage as a store runs it (:class:`~pressgraph.store.protocol.Resolver`)."""

    def url_key(self, url: str | None) -> str | None:
        return canonical_url(url)

    def resolve(self, extraction: Extraction, index: WriteIndex) -> DocumentRefs:
        return resolve_document(extraction, index)


#: The stage, stateless: ``store.add(extraction, RESOLUTION)``.
RESOLUTION = Resolution()
