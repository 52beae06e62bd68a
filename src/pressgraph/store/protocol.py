"""What a store is, for everyone who uses one: the :class:`Store` protocol, and the narrow
indexes the resolution stage reads and writes through.

The pipeline, the queries, the reports and the corrections are typed against these
protocols, never against a backend: :class:`~pressgraph.store.sqlite.SQLiteStore` and
:class:`~pressgraph.store.postgres.PostgresStore` implement them, on SQL written once
(:mod:`pressgraph.store.base`); what differs between the dialects is in
:mod:`pressgraph.store.dialect` and inside each backend (its connection, search, locks).

Resolution (:mod:`pressgraph.resolve.stage`) decides; the store reads and writes keys and
rows. The decisions need the store's current state, and two processes may write one store
at once, so the store runs the stage *inside its write transaction*:
:meth:`Store.add` opens the transaction (for SQLite, ``BEGIN IMMEDIATE``: the one writer
lock; for PostgreSQL, an advisory lock taken first), inserts the document, and calls the
:class:`Resolver` it is given with a :class:`WriteIndex` of that transaction. Whatever the
stage reads through the index is what it writes against: no other writer can add an entity
between its lookup and its insert, so two concurrent ingests of one name never create two
entities. Corrections run the same way (:meth:`Store.write`). The store itself imports
nothing from :mod:`pressgraph.resolve` (``tests/store/test_layers.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from pressgraph.model import Extraction

if TYPE_CHECKING:  # search.py reads through the index types defined here
    from pressgraph.store.search import SearchResults

__all__ = [
    "ClaimRefs",
    "DocumentRefs",
    "EntityRef",
    "KeyIndex",
    "LocalEntityRow",
    "Resolver",
    "Store",
    "StoryCandidate",
    "WriteIndex",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A name of a document resolved: its document entity (``local_entities``) and the
    stored entity it belongs to."""

    local_id: int
    entity_id: int


@dataclass(frozen=True, slots=True)
class ClaimRefs:
    """A claim's parties, and for each link of its attribution chain the entity it names
    (``local_id`` None when the document does not list it; ``entity_id`` None when no
    stored entity has the name)."""

    subject: EntityRef
    object: EntityRef | None
    sources: tuple[tuple[int | None, int | None], ...]


@dataclass(frozen=True, slots=True)
class DocumentRefs:
    """What resolution hands the store for one document: one :class:`EntityRef` per mention
    and one :class:`ClaimRefs` per claim, in the extraction's order."""

    mentions: tuple[EntityRef, ...]
    claims: tuple[ClaimRefs, ...]


@dataclass(frozen=True, slots=True)
class StoryCandidate:
    """A stored document that shares a band with a new one: its id, MinHash signature,
    story and the order it was stored in."""

    document_id: str
    signature: bytes
    story: str
    order: int


@dataclass(frozen=True, slots=True)
class LocalEntityRow:
    """One document's entity as stored: what the document called it."""

    id: int
    document_id: str
    name: str
    type: str
    names: tuple[str, ...]
    entity_id: int


class KeyIndex(Protocol):
    """The reads resolution makes: indexed lookups by key, never a scan of every entity."""

    def corrections_for(self, keys: Sequence[str]) -> list[tuple[str, str, int]]:
        """``(action, key, entity_id)`` of the merges and splits recorded for ``keys``,
        oldest first."""
        ...

    def entities_with_key(self, key: str, kinds: Sequence[str]) -> list[tuple[int, str]]:
        """``(entity_id, type)`` of the entities holding ``key`` as one of ``kinds``."""
        ...

    def name_keys_between(
        self, low: str, high: str, shortest: int, longest: int, limit: int
    ) -> list[tuple[str, int, str]]:
        """``(key, entity_id, type)`` of the ``name`` keys ``low <= key < high`` of
        ``shortest`` to ``longest`` characters, at most ``limit``."""
        ...

    def has_key_of_words(self, entity_id: int) -> bool:
        """Whether one of the entity's keys has several words."""
        ...

    def name_aliases(self, entity_id: int) -> list[str]:
        """The entity's aliases of kind ``name``, in the order they were stored."""
        ...

    def entity_type(self, entity_id: int) -> str | None: ...

    def entity_by_key(self, key: str) -> int | None:
        """The entity whose own ``key`` column is ``key``."""
        ...


class WriteIndex(KeyIndex, Protocol):
    """The writes resolution hands the store, inside one of its write transactions."""

    def new_entity(self, key: str, name: str, type: str) -> int:
        """Create an entity under ``key`` (``key#2``, ``key#3``... when taken); its id."""
        ...

    def add_keys(self, entity_id: int, keys: Sequence[tuple[str, str]]) -> None:
        """Give the entity blocking keys ``(key, kind)``; a key it has as a weaker kind
        becomes a ``name``."""
        ...

    def add_aliases(self, entity_id: int, aliases: Sequence[tuple[str, str, str]]) -> None:
        """Give the entity aliases ``(alias, key, kind)`` it does not have yet."""
        ...

    def add_local_entity(
        self, document_id: str, name: str, type: str, names: Sequence[str], entity_id: int, how: str
    ) -> int:
        """Record one document's entity and how it was resolved; its id."""
        ...

    def set_owner(self, product_id: int, owner_id: int) -> None:
        """Make ``owner_id`` the owner of ``product_id`` unless it has one."""
        ...

    def story_candidates(self, bands: Sequence[int], limit: int) -> list[StoryCandidate]:
        """Stored documents sharing a band with ``bands``, most shared bands first."""
        ...

    def document_text(self, document_id: str) -> str: ...

    def set_story(
        self,
        document_id: str,
        url_key: str | None,
        shingles: int,
        signature: bytes,
        bands: Sequence[int],
        story: str,
    ) -> None:
        """Record a document's canonical URL, signature, bands and story."""
        ...

    # corrections

    def local_entities_of(self, entity_id: int) -> list[LocalEntityRow]: ...

    def split_keys_of(self, entity_id: int) -> set[str]:
        """The keys people split off the entity (never to join it again)."""
        ...

    def clear_names(self, entity_id: int) -> None:
        """Delete the entity's keys and aliases (before they are rebuilt)."""
        ...

    def absorb(self, target: int, source: int, how: str) -> None:
        """Move everything of entity ``source`` to ``target`` and delete ``source``."""
        ...

    def move_local_entities(self, local_ids: Sequence[int], target: int, how: str) -> None:
        """Move document entities, with their claims, mentions and sources, to ``target``."""
        ...

    def mentions_of_local(self, local_id: int) -> list[tuple[int, str]]:
        """``(mention id, text)`` of one document entity's mentions."""
        ...

    def set_local_names(self, local_id: int, names: Sequence[str]) -> None: ...

    def move_mentions(self, mention_ids: Sequence[int], local_id: int, entity_id: int) -> None: ...

    def add_correction(self, action: str, key: str, entity_id: int, name: str) -> None: ...

    def entity_row(self, entity_id: int) -> dict[str, Any]:
        """The entity as :meth:`Store.entities` gives it."""
        ...


class Resolver(Protocol):
    """The resolution stage as a store runs it, inside its write transaction."""

    def url_key(self, url: str | None) -> str | None:
        """The key of "the same article" for a URL (None without one)."""
        ...

    def resolve(self, extraction: Extraction, index: WriteIndex) -> DocumentRefs:
        """Decide the story and the stored entity of every name of ``extraction`` (whose
        document row is written), writing keys and entities through ``index``."""
        ...


@runtime_checkable
class Store(KeyIndex, Protocol):
    """What the pipeline writes to and the read side (query, report, export, web) reads
    from. Entities are read by id: a name a person typed is resolved first
    (:func:`pressgraph.resolve.lookup.find`, through the :class:`KeyIndex` reads)."""

    name: str

    # writing

    def stored_as(self, document_id: str, url_key: str | None) -> str | None:
        """The id of the stored document that is the same article (same id, or same
        canonical URL key), or None."""
        ...

    def add(self, extraction: Extraction, resolver: Resolver) -> bool:
        """Store one document in one transaction, resolved by ``resolver`` inside it; False,
        changing nothing, when the same article is stored."""
        ...

    def write(self, action: str, work: Callable[[WriteIndex], T]) -> T:
        """Run ``work`` in one write transaction (rolled back on any error)."""
        ...

    def cannot_write(self, exc: BaseException) -> bool:
        """Whether an error of this store (or what caused it) says it cannot be written at
        all (locked, full, read-only, corrupt: every later document would fail alike),
        rather than that one document was refused. The backend's driver errors are known
        only to the backend."""
        ...

    # reading

    def has_document(self, doc_id: str) -> bool: ...

    def story_of(self, doc_id: str) -> str | None: ...

    def documents(self) -> list[dict[str, Any]]: ...

    def document(self, doc_id: str) -> dict[str, Any] | None: ...

    def entities(self) -> list[dict[str, Any]]: ...

    def entity(self, entity_id: int) -> dict[str, Any] | None: ...

    def entity_details(self, entity_id: int) -> dict[str, Any]: ...

    def claims(
        self, *, entity: int | None = None, with_: int | None = None, type: str | None = None
    ) -> list[dict[str, Any]]: ...

    def mentioned_in(
        self, entity: int, with_: int | None = None, *, limit: int = 50
    ) -> list[dict[str, Any]]: ...

    def names_in_documents(self, external_ids: Sequence[str]) -> list[dict[str, Any]]: ...

    def corrections(self) -> list[dict[str, Any]]: ...

    def search(
        self, text: str, *, type: str | None = None, limit: int = 20, offset: int = 0
    ) -> SearchResults: ...

    def stats(self) -> dict[str, int]: ...

    # browsing: paged reads of the web UI (``store/browse.py``)

    def count_ranked_entities(self) -> int: ...

    def top_entities(self, *, limit: int, offset: int = 0) -> list[dict[str, Any]]: ...

    def count_documents(self) -> int: ...

    def latest_documents(self, *, limit: int, offset: int = 0) -> list[dict[str, Any]]: ...

    def document_claims(self, doc_id: str) -> list[dict[str, Any]]: ...

    def story_documents(
        self, story: str, *, exclude: str | None = None, limit: int, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]: ...

    def close(self) -> None: ...
