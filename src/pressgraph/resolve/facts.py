"""Claims become facts: grouping, independent sources, and what is current.

The pure core of fact resolution, run on the claims the store holds about an entity or a
pair (so its cost follows the size of that dossier, not of the store). A *claim* is what
one document says; a *fact* is every claim that says the same thing.

Same fact
    Same type, same parties (either order for partnerships and negotiations), and
    attributes that do not disagree: amounts within :data:`AMOUNT_TOLERANCE` in the same
    currency, percentages within :data:`PERCENT_TOLERANCE` points, dates where one is a
    prefix of the other ("2019" and "2019-03"), equal ``until``, ``role`` and ``value``. A
    claim that leaves an attribute out agrees with any value of it. Amounts of different
    kinds (a deal's total, a price per share, per unit: ``amount_kind``) are different
    facts, never in conflict: "53 dlrs a share" and "a total of 3.4 billion dlrs" are both
    true. Modality is not part of what a fact is: a deal "planned" in January and
    "asserted" in March is one fact whose modality is that of its latest report.

Independent sources
    A claim's *original source* is the first ``source`` link of its attribution chain
    ("selon le journal A, relayé par le journal B": A; B only relays) when it is named
    ("the companies said" names no one), else its document's story when near-duplicate
    documents of the fact share it, else its outlet, else its document. Claims of one fact whose
    evidence sentences are near-identical (:data:`COPY_SIMILARITY`, sentences of
    :data:`COPY_MIN_CHARS` or more) in different documents are one wire story reprinted:
    one source. ``independent_sources`` counts the distinct original sources.

Two time axes
    Valid time: the fact's ``date`` / ``until``. Report time: the publication date of each
    claim's document; the ingest date when the document has none, marked
    (``reported_from_ingest``).

Status
    ``current``, ``superseded`` or ``conflicting``. Facts of one *scope* — the same kind of
    statement about the same parties — are ordered by period (valid date, else first
    report; periods within :data:`SAME_PERIOD_DAYS` days or prefix-equal are one period).
    For kinds that evolve (a valuation, a stake, an access right's term, a role...) a
    newer fact supersedes an older one, which stays in the history naming what replaced
    it; two different values in one period conflict, side by side. A fact only *planned*
    ("will hold 35 %") never supersedes a stated one, but is superseded by any newer fact.
    For events (an investment, an acquisition, a sale) each dated deal stands on its own;
    two amounts of one kind for the same deal conflict. A fact both asserted and negated
    in its latest period by different sources is conflicting.

Changes
    A claim that moves a value ("raised its stake to 7.7 pct from 6.3 pct") also stands for
    its former level (:mod:`pressgraph.resolve.changes`): the fact of that level is
    superseded by the change's fact, in its period too, rather than conflicting with it —
    unless it was reported later than the change, or the change is denied, or only planned
    for a state.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pressgraph.model import SYMMETRIC_TYPES
from pressgraph.resolve.changes import previous_claims
from pressgraph.resolve.sources import (
    COPY_SIMILARITY,
    count_sources,
    original_source,
)

__all__ = [
    "AMOUNT_TOLERANCE",
    "COPY_SIMILARITY",
    "PERCENT_TOLERANCE",
    "SAME_PERIOD_DAYS",
    "Fact",
    "build_facts",
    "reported_on",
]

AMOUNT_TOLERANCE = 0.05
PERCENT_TOLERANCE = 0.5
SAME_PERIOD_DAYS = 31
ATTRIBUTES = ("amount", "currency", "amount_kind", "percent", "date", "until", "role", "value")

#: Kinds of statement that change over time: the newest replaces the older, and the
#: attribute that changes.
EVOLVING: Mapping[str, str] = {
    "valuation": "amount",
    "stake": "percent",
    "access_right": "until",
    "revenue_share": "percent",
    "legal_form": "value",
    "leadership": "role",
    "ipo": "date",
}
#: Deals that happen once: each stands alone; two amounts for one deal conflict.
EVENTS: frozenset[str] = frozenset({"investment", "acquisition", "divestment"})


@dataclass
class Fact:
    """One fact and every claim that reports it (see the module docstring)."""

    id: str
    type: str
    subject: str
    subject_id: int
    object: str | None
    object_id: int | None
    attributes: dict[str, Any]
    modality: str
    claims: list[dict[str, Any]]
    status: str = "current"
    superseded_by: list[str] = field(default_factory=list)
    conflicts_with: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    independent_sources: int = 0
    first_reported: str | None = None
    last_reported: str | None = None
    reported_from_ingest: bool = False

    def head(self) -> dict[str, Any]:
        """What the fact says: id, type, parties and attributes (no status, no claims)."""
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "subject": self.subject,
            "object": self.object,
        }
        out.update({key: self.attributes.get(key) for key in ATTRIBUTES})
        return out

    def to_dict(self) -> dict[str, Any]:
        out = self.head()
        out.update(
            modality=self.modality,
            status=self.status,
            superseded_by=self.superseded_by,
            conflicts_with=self.conflicts_with,
            first_reported=self.first_reported,
            last_reported=self.last_reported,
            reported_from_ingest=self.reported_from_ingest,
            sources=self.sources,
            independent_sources=self.independent_sources,
            claims=[_claim_view(c) for c in self.claims],
        )
        return out


# -- time ----------------------------------------------------------------------------------


def reported_on(claim: Mapping[str, Any]) -> tuple[str, bool]:
    """When a claim was reported: its document's publication date, else its ingest date
    (second value True)."""
    published = claim.get("published")
    if published:
        return str(published), False
    return str(claim.get("ingested_at") or "")[:10], True


def _as_date(value: str) -> date | None:
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def same_period(a: str, b: str) -> bool:
    """Prefix-equal ("2024" and "2024-06-01"), or within :data:`SAME_PERIOD_DAYS` days."""
    if _dates_agree(a, b):
        return True
    da, db = _as_date(a), _as_date(b)
    if da is None or db is None or len(a) < 7 or len(b) < 7:
        return False
    return abs((da - db).days) <= SAME_PERIOD_DAYS


# -- same fact -----------------------------------------------------------------------------


def _close(a: float | None, b: float | None, relative: float, absolute: float) -> bool:
    if a is None or b is None:
        return True
    return abs(a - b) <= max(relative * max(abs(a), abs(b)), absolute)


def _text_agrees(a: Any, b: Any) -> bool:
    return a is None or b is None or str(a).casefold() == str(b).casefold()


def attributes_agree(a: Mapping[str, Any], b: Mapping[str, Any], skip: Iterable[str] = ()) -> bool:
    """True when no attribute of ``a`` disagrees with ``b`` (a missing one agrees)."""
    skipped = set(skip)
    checks = {
        "amount": lambda: (
            _close(a.get("amount"), b.get("amount"), AMOUNT_TOLERANCE, 0.0)
            and _text_agrees(a.get("currency"), b.get("currency"))
        ),
        "percent": lambda: _close(a.get("percent"), b.get("percent"), 0.0, PERCENT_TOLERANCE),
        "date": lambda: _dates_agree(a.get("date"), b.get("date")),
        "until": lambda: _dates_agree(a.get("until"), b.get("until")),
        "amount_kind": lambda: _text_agrees(a.get("amount_kind"), b.get("amount_kind")),
        "role": lambda: _text_agrees(a.get("role"), b.get("role")),
        "value": lambda: _text_agrees(a.get("value"), b.get("value")),
    }
    return all(check() for name, check in checks.items() if name not in skipped)


def _parties(claim: Mapping[str, Any]) -> tuple[Any, Any]:
    subject, obj = claim["subject_id"], claim.get("object_id")
    if claim["type"] in SYMMETRIC_TYPES and obj is not None and obj < subject:
        return obj, subject
    return subject, obj


def _specificity(claim: Mapping[str, Any]) -> int:
    return sum(claim.get(key) is not None for key in ATTRIBUTES)


def _merge_attributes(claims: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Each attribute from the most precise claim that gives it (longest date)."""
    out: dict[str, Any] = {}
    for key in ATTRIBUTES:
        values = [c[key] for c in claims if c.get(key) is not None]
        if not values:
            out[key] = None
        elif key in ("date", "until"):
            out[key] = max(values, key=lambda v: len(str(v)))
        else:
            out[key] = values[0]
    return out


def _group(claims: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Claims grouped into facts: same type and parties, attributes that agree. The claims of
    former levels come last, and never join the fact of their own change (a change within
    the tolerances is no change)."""
    by_parties: dict[tuple[Any, ...], list[list[dict[str, Any]]]] = {}
    ordered = sorted(
        claims,
        key=lambda c: ("change_of" in c, -_specificity(c), reported_on(c)[0], c["id"]),
    )
    for claim in ordered:
        groups = by_parties.setdefault((claim["type"], *_parties(claim)), [])
        origin = claim.get("change_of")
        own = [g for g in groups if any(c["id"] == origin for c in g)]
        if own and attributes_agree(_merge_attributes(own[0]), claim):
            continue
        for group in groups:
            if attributes_agree(_merge_attributes(group), claim):
                group.append(claim)
                break
        else:
            groups.append([claim])
    return [group for groups in by_parties.values() for group in groups]


# -- status --------------------------------------------------------------------------------


def _period(fact: Fact) -> str:
    if fact.type != "ipo" and fact.attributes.get("date"):
        return str(fact.attributes["date"])
    return fact.first_reported or ""


def _negation_conflict(fact: Fact) -> bool:
    """Asserted (or planned) and negated in the fact's latest period, by different sources."""
    latest = [c for c in fact.claims if same_period(reported_on(c)[0], fact.last_reported or "")]
    negated = {original_source(c)[0] for c in latest if c["modality"] == "negated"}
    stated = {original_source(c)[0] for c in latest if c["modality"] != "negated"}
    return bool(negated and stated and negated != stated)


def _mark_conflicts(facts: Sequence[Fact]) -> None:
    for fact in facts:
        fact.status = "conflicting"
        fact.conflicts_with = [f.id for f in facts if f is not fact]


def _evolving_status(scope: list[Fact]) -> None:
    """Newer replaces older. A stated fact (asserted, hedged, negated) is replaced only by a
    newer stated one; a planned one by any newer fact. Two values in one period conflict."""
    for fact in scope:
        newer = [
            other
            for other in scope
            if other is not fact
            and _period(other) > _period(fact)
            and not same_period(_period(other), _period(fact))
            and (fact.modality == "planned" or other.modality != "planned")
        ]
        if newer:
            fact.status = "superseded"
            newest = max(_period(f) for f in newer)
            fact.superseded_by = [f.id for f in newer if same_period(_period(f), newest)]
    alive = [f for f in scope if f.status != "superseded"]
    for planned in (True, False):
        group = [f for f in alive if (f.modality == "planned") == planned]
        for fact in group:
            rivals = [
                other
                for other in group
                if other is not fact and same_period(_period(other), _period(fact))
            ]
            if rivals:
                fact.status = "conflicting"
                fact.conflicts_with = [f.id for f in rivals]


def _change_status(facts: Sequence[Fact]) -> None:
    """The fact of a former level is superseded by the fact of its change, not in conflict
    with it (see the module docstring)."""
    fact_of = {c["id"]: f for f in facts for c in f.claims}
    claim_of = {c["id"]: c for f in facts for c in f.claims}
    for old in facts:
        for origin in sorted({c["change_of"] for c in old.claims if c.get("change_of")}):
            new, change = fact_of.get(origin), claim_of.get(origin)
            if new is None or change is None or new is old:
                continue
            if change["modality"] == "negated" or (
                old.type in EVOLVING and change["modality"] == "planned"
            ):
                continue
            if _period(old) > _period(new) and not same_period(_period(old), _period(new)):
                continue  # reported again after the change: newer
            old.status = "superseded"
            old.superseded_by = sorted({*old.superseded_by, new.id})
            old.conflicts_with = []
            for other in facts:
                if old.id in other.conflicts_with:
                    other.conflicts_with = [i for i in other.conflicts_with if i != old.id]
                    if other.status == "conflicting" and not other.conflicts_with:
                        other.status = "current"


def _event_status(scope: list[Fact]) -> None:
    for fact in scope:
        rivals = [
            other
            for other in scope
            if other is not fact
            and attributes_agree(fact.attributes, other.attributes, skip=("amount",))
            and fact.attributes.get("amount") is not None
            and other.attributes.get("amount") is not None
            and fact.attributes.get("date") == other.attributes.get("date")
        ]
        if rivals:
            fact.status = "conflicting"
            fact.conflicts_with = [f.id for f in rivals]


def _fact_id(type_: str, parties: tuple[Any, ...], attributes: Mapping[str, Any]) -> str:
    values = [attributes.get(k) for k in ATTRIBUTES if k != "amount_kind"]
    kind = attributes.get("amount_kind")
    if kind not in (None, "total"):  # ids of facts read before kinds stay as they were
        values.append(kind)
    payload = json.dumps([type_, *parties, *values], default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def build_facts(claims: Sequence[dict[str, Any]], *, as_of: str | None = None) -> list[Fact]:
    """Facts from stored claims (dicts as :meth:`SQLiteStore.claims` gives them), with their
    statuses. ``as_of`` (ISO date): only what had been reported by that day."""
    if as_of is not None:
        claims = [c for c in claims if reported_on(c)[0][: len(as_of)] <= as_of]
    facts: list[Fact] = []
    for group in _group([*claims, *previous_claims(claims)]):
        group.sort(key=lambda c: (reported_on(c)[0], c["document"], c.get("evidence_start", 0)))
        first = group[0]
        attributes = _merge_attributes(group)
        reported = [reported_on(c) for c in group]
        last = max(r[0] for r in reported)
        latest = [c for c, r in zip(group, reported, strict=True) if r[0] == last]
        fact = Fact(
            id=_fact_id(first["type"], _parties(first), attributes),
            type=first["type"],
            subject=first["subject"],
            subject_id=first["subject_id"],
            object=first.get("object"),
            object_id=first.get("object_id"),
            attributes=attributes,
            modality=latest[-1]["modality"],
            claims=group,
            first_reported=min(r[0] for r in reported) or None,
            last_reported=last or None,
            reported_from_ingest=min(reported)[1],
        )
        fact.sources, fact.independent_sources = count_sources(group, reported_on)
        facts.append(fact)
    scopes: dict[tuple[Any, ...], list[Fact]] = {}
    for fact in facts:
        parties = _parties(fact.claims[0])
        scopes.setdefault((fact.type, *parties), []).append(fact)
    for (type_, *_), scope in scopes.items():
        if type_ in EVOLVING:
            _evolving_status(scope)
        elif type_ in EVENTS:
            _event_status(scope)
    _change_status(facts)
    for fact in facts:
        if fact.status == "current" and _negation_conflict(fact):
            fact.status = "conflicting"
    return sorted(facts, key=lambda f: (_period(f), f.type, f.id))


def _claim_view(claim: Mapping[str, Any]) -> dict[str, Any]:
    reported, from_ingest = reported_on(claim)
    return {
        "document": claim["document"],
        "title": claim.get("title"),
        "outlet": claim.get("outlet"),
        "url": claim.get("url"),
        "published": claim.get("published"),
        "reported": reported,
        "reported_from_ingest": from_ingest,
        "modality": claim["modality"],
        "amount_kind": claim.get("amount_kind"),
        "previous_amount": claim.get("previous_amount"),
        "previous_percent": claim.get("previous_percent"),
        # On the claim of a former level: the id of the claim whose change it is.
        "change_of": claim.get("change_of"),
        "sources": [link["name"] for link in claim.get("sources") or []],
        "attribution": [
            {"name": link["name"], "kind": link.get("kind", "source")}
            for link in claim.get("sources") or []
        ],
        "evidence": claim.get("evidence"),
        "evidence_start": claim.get("evidence_start"),
        "evidence_end": claim.get("evidence_end"),
        # Where each argument stands in the article ({role, text, start, end}): subject,
        # object, amount, date..., and what the deal is traded for ("consideration").
        "arguments": list(claim.get("arguments") or []),
    }
