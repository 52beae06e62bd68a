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
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FACT_TYPES: tuple[str, ...] = (
    "investment",
    "acquisition",
    "divestment",
    "stake",
    "valuation",
    "partnership",
    "access_right",
    "revenue_share",
    "leadership",
    "founder",
    "infrastructure",
    "supplier",
    "legal_form",
    "ipo",
    "negotiation",
)
#: Fact types whose two parties play the same role (order free).
SYMMETRIC_TYPES: frozenset[str] = frozenset({"partnership", "negotiation"})
#: Fact types with no object.
UNARY_TYPES: frozenset[str] = frozenset({"valuation", "legal_form", "ipo"})

Modality = Literal["asserted", "hedged", "planned", "negated"]
MODALITIES: tuple[str, ...] = ("asserted", "hedged", "planned", "negated")
EntityType = Literal["ORG", "PERSON", "PRODUCT", "PLACE"]
#: Who a link of an attribution chain is: the one who says it, or one who relays it.
SourceKind = Literal["source", "relay"]


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

    role: str  # subject, object, amount, percent, date, until, role, value
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
        unset)."""
        out: dict[str, Any] = {"type": self.type, "subject": self.subject}
        if self.object is not None:
            out["object"] = self.object
        for key in ("amount", "currency", "percent", "date", "until", "role", "value"):
            val = getattr(self, key)
            if val is not None:
                if key == "amount" and float(val).is_integer():
                    val = int(val)
                out[key] = val
        out["modality"] = self.modality
        out["sources"] = self.source_names()
        out["evidence"] = self.evidence
        return out

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
