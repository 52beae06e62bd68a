"""The data model: frozen dataclasses shared by every stage.

A *claim* is what one document says (one evidence sentence, one modality, one attribution
chain); a *fact* (see :mod:`pressgraph.resolve`) groups the claims that say the same thing
across documents. Every claim is sourced by construction: it keeps the id of its document
and the character offsets of its evidence sentence and of each argument.

Two time axes: ``Claim.date`` / ``Claim.until`` say when the fact holds (valid time, as
precise as the text says: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); the publication date of
the claim's document (``Document.published``) says when it was reported.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from types import MappingProxyType
from typing import Any, Literal

Modality = Literal["asserted", "hedged", "planned", "negated"]
MODALITIES: tuple[str, ...] = ("asserted", "hedged", "planned", "negated")
EntityType = Literal["ORG", "PERSON", "PRODUCT", "PLACE"]
#: Who a link of an attribution chain is: the one who says it, or one who relays it.
SourceKind = Literal["source", "relay"]
#: Attributes a claim may carry besides its parties.
Attribute = Literal["amount", "currency", "percent", "date", "until", "role", "value"]
#: What an amount counts: a deal's total, a price per share, or a price per unit of
#: something else ("4.50 stg each"). Only amounts of one kind can disagree.
AmountKind = Literal["total", "per_share", "per_unit"]
AMOUNT_KINDS: tuple[str, ...] = ("total", "per_share", "per_unit")


@dataclass(frozen=True, slots=True)
class FactType:
    """One fact type: the roles of its parties, the entity types that fill them, and the
    attributes pressgraph reads for it."""

    name: str
    #: The role of the subject ("investor", "buyer", "person").
    subject: str
    #: The role of the object ("investee"), or None for a type that has no object.
    object: str | None
    #: The entity type of the subject: a person leads or founds, an organisation does deals.
    subject_type: EntityType = "ORG"
    #: The entity type of the object (None when there is no object).
    object_type: EntityType | None = "ORG"
    #: The two parties play the same role: the order of subject and object is free.
    symmetric: bool = False
    #: The attributes a claim of this type carries when the text gives them.
    attributes: frozenset[Attribute] = frozenset()
    #: A person may be a party as well as an organisation (an investor, a seller, a holder).
    person_party: bool = False


def _schema(*types: FactType) -> dict[str, FactType]:
    return {t.name: t for t in types}


_MONEY: frozenset[Attribute] = frozenset({"amount", "currency"})

#: Every fact type, in the order of ``shared/eval/README.md`` (reports list facts so).
FACT_SCHEMA: Mapping[str, FactType] = MappingProxyType(
    _schema(
        FactType(
            "investment",
            "investor",
            "investee",
            attributes=_MONEY | {"date"},
            person_party=True,
        ),
        FactType(
            "acquisition",
            "buyer",
            "company or asset bought",
            attributes=_MONEY | {"percent", "date"},
            person_party=True,
        ),
        FactType(
            "divestment",
            "seller",
            "company whose shares or unit are sold",
            attributes=_MONEY | {"percent", "date"},
            person_party=True,
        ),
        FactType(
            "stake",
            "holder",
            "company held",
            attributes=frozenset({"percent"}),
            person_party=True,
        ),
        FactType(
            "valuation",
            "company",
            None,
            object_type=None,
            attributes=_MONEY | {"date"},
        ),
        FactType(
            "partnership",
            "party",
            "party",
            symmetric=True,
            attributes=frozenset({"date"}),
        ),
        FactType(
            "access_right",
            "who gets access",
            "who grants it",
            attributes=frozenset({"until"}),
        ),
        FactType("revenue_share", "who receives the share", "who pays it"),
        FactType(
            "leadership",
            "person",
            "organisation",
            subject_type="PERSON",
            attributes=frozenset({"role"}),
        ),
        FactType("founder", "person", "organisation", subject_type="PERSON"),
        FactType("infrastructure", "organisation", "facility", object_type="PRODUCT"),
        FactType("supplier", "customer", "supplier"),
        FactType(
            "legal_form",
            "organisation",
            None,
            object_type=None,
            attributes=frozenset({"value"}),
        ),
        FactType("ipo", "company", None, object_type=None, attributes=frozenset({"date"})),
        FactType("negotiation", "party", "party", symmetric=True),
    )
)

#: The fact types, in report order.
FACT_TYPES: tuple[str, ...] = tuple(FACT_SCHEMA)
#: States that a change moves from one level to another ("raised its stake to 7.7 pct from
#: 6.3 pct"): their former level was itself a fact, the one the change ends.
CHANGING_STATES: frozenset[str] = frozenset({"stake", "valuation"})
#: Fact types whose two parties play the same role (order free).
SYMMETRIC_TYPES: frozenset[str] = frozenset(t.name for t in FACT_SCHEMA.values() if t.symmetric)
#: Fact types with no object.
UNARY_TYPES: frozenset[str] = frozenset(t.name for t in FACT_SCHEMA.values() if t.object is None)


def types_with(attribute: Attribute) -> frozenset[str]:
    """The fact types that carry ``attribute`` ("amount": investment, acquisition...)."""
    return frozenset(t.name for t in FACT_SCHEMA.values() if attribute in t.attributes)


def content_id(text: str) -> str:
    """Content-hash id of a document: the same text always gets the same id."""
    norm = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Document:
    """One article, as read from a file, a JSONL line or a page."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, when the article was published
    language: str | None = None  # "fr", "en"; None = detect
    source: str | None = None  # where it was read from (path, path:line, URL)
    external_id: str | None = None  # the id the input gave it, if any

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> Document:
        return cls(id=content_id(text), text=text, **meta)


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of a document's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in a document (a name, a description or a pronoun)."""

    text: str
    start: int
    end: int
    entity: str  # canonical name of the entity within the document
    type: str  # ORG, PERSON, PRODUCT, PLACE
    kind: Literal["name", "description", "pronoun"] = "name"


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity as one document knows it: its best name, its type and its other names."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    #: For a product, brand or platform: the name of the entity that owns it, an entity
    #: of the same document ("Y" of "X's Y cloud": "X").
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalised amount of money, a percentage or a count found in text."""

    kind: Literal["money", "percent"]
    value: float
    start: int
    end: int
    text: str
    currency: str | None = None
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date or period found in text, normalised to ISO (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)."""

    value: str
    start: int
    end: int
    text: str
    role: Literal["point", "until", "since"] = "point"


@dataclass(frozen=True, slots=True)
class Source:
    """One link of an attribution chain: who says it (``source``) or who relays it (``relay``)."""

    name: str
    kind: SourceKind = "source"
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Argument:
    """Where an argument of a claim stands in the text."""

    #: subject, object, amount, percent, previous_amount, previous_percent, date, until,
    #: role, value
    role: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """What one document says about a deal: one typed, sourced, time-stamped statement."""

    document: str
    type: str
    subject: str
    object: str | None = None
    amount: float | None = None
    currency: str | None = None
    percent: float | None = None
    date: str | None = None
    until: str | None = None
    role: str | None = None
    value: str | None = None
    modality: str = "asserted"
    #: What ``amount`` counts (:data:`AmountKind`); set with the amount.
    amount_kind: str | None = None
    #: The level the claim's amount or percentage moved from ("to 7.7 pct from 6.3 pct":
    #: one claim of 7.7 whose previous percent is 6.3, not two claims that conflict).
    previous_amount: float | None = None
    previous_percent: float | None = None
    sources: tuple[Source, ...] = ()
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    arguments: tuple[Argument, ...] = field(default=())
    subject_type: str | None = None
    object_type: str | None = None

    def source_names(self) -> list[str]:
        return [s.name for s in self.sources]

    def to_gold(self) -> dict[str, Any]:
        """The claim in the shape of a gold fact of ``shared/eval`` (attributes left out when
        unset), with what the gold format has no field for: the amount's kind and the former
        level of a change."""
        out: dict[str, Any] = {"type": self.type, "subject": self.subject}
        if self.object is not None:
            out["object"] = self.object
        for key in (
            "amount",
            "currency",
            "amount_kind",
            "percent",
            "previous_amount",
            "previous_percent",
            "date",
            "until",
            "role",
            "value",
        ):
            val = getattr(self, key)
            if val is not None:
                if key in ("amount", "previous_amount") and float(val).is_integer():
                    val = int(val)
                out[key] = val
        out["modality"] = self.modality
        out["sources"] = self.source_names()
        out["evidence"] = self.evidence
        return out

    def previous_state(self) -> Claim | None:
        """The former level of a changed state as a claim of its own ("raised its stake to
        7.7 pct from 6.3 pct": the 6.3 pct stake it held), stated as a fact whatever the
        change's modality ("will bring its stake to 25 pct from the present 3.5 pct"); None
        for a claim that is no change of a state (:data:`CHANGING_STATES`)."""
        if self.type not in CHANGING_STATES or (
            self.previous_amount is None and self.previous_percent is None
        ):
            return None
        return replace(
            self,
            amount=self.previous_amount if self.previous_amount is not None else self.amount,
            percent=self.previous_percent if self.previous_percent is not None else self.percent,
            previous_amount=None,
            previous_percent=None,
            modality="asserted",
        )

    def gold_facts(self) -> list[dict[str, Any]]:
        """The claim as the gold format writes it: a change of a state is two facts, the
        level reached and the former level (:meth:`previous_state`)."""
        before = self.previous_state()
        return [self.to_gold()] + ([before.to_gold()] if before is not None else [])

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extraction read from one document."""

    document: Document
    language: str
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
