"""Within-document merging: repeated mentions of one fact are one claim.

Two claims of one document merge when they have the same type and parties (either order
for symmetric types) and no attribute in conflict (amounts of one kind, percent, the former
levels of a change, date, until). The merged claim keeps the union of attributes (a deal's
total rather than its price per share) and the modality of the first mention (a lede says
"est en passe d'acheter"; later shorthand, "le groupe racheté", does not undo it; a negated
claim never merges with a positive one of another sentence); between mentions of the same
modality, the one stating more gives the evidence and sources.

One sentence states a fact or its negation, not both: when two readings of one sentence
give a fact and its negation ("its former chairman X" read with and without "former"; "the
49 pct of Y that it does not already own" and "Y, its unit"), the negation, which a reading
found written, is what the sentence states, and the two collapse into the negated claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pressgraph.model import SYMMETRIC_TYPES, Claim

_ATTRS = ("amount", "currency", "percent", "date", "until", "role", "value")
#: An amount and what goes with it: taken together from one mention.
_MONEY = ("amount", "currency", "amount_kind", "previous_amount")
_OTHER = ("percent", "previous_percent", "date", "until", "role", "value")


def _parties(c: Claim) -> tuple[str, str | None] | frozenset[str | None]:
    if c.type in SYMMETRIC_TYPES:
        return frozenset((c.subject, c.object))
    return (c.subject, c.object)


def _detail(c: Claim) -> int:
    """How much a mention states: its attributes and its parties named on their own."""
    return sum(getattr(c, k) is not None for k in _ATTRS)


def _apart(x: float | None, y: float | None, tolerance: float) -> bool:
    return x is not None and y is not None and abs(x - y) > tolerance


def _conflict(a: Claim, b: Claim) -> bool:
    if (
        a.amount is not None
        and b.amount is not None
        and (a.amount_kind or "total") == (b.amount_kind or "total")
        and (
            _apart(a.amount, b.amount, 0.02 * max(a.amount, b.amount))
            or a.currency != b.currency
            or _apart(a.previous_amount, b.previous_amount, 0.02 * max(a.amount, b.amount))
        )
    ):
        return True
    if _apart(a.percent, b.percent, 0.5) or _apart(a.previous_percent, b.previous_percent, 0.5):
        return True
    for key in ("date", "until"):
        x, y = getattr(a, key), getattr(b, key)
        if x is not None and y is not None and x[:4] != y[:4]:
            return True
    return False


def _combine(keep: Claim, other: Claim) -> Claim:
    updates = {
        k: getattr(other, k)
        for k in _OTHER
        if getattr(keep, k) is None and getattr(other, k) is not None
    }
    if other.amount is not None and (
        keep.amount is None
        or ((keep.amount_kind or "total") != "total" and (other.amount_kind or "total") == "total")
    ):
        updates.update({k: getattr(other, k) for k in _MONEY})  # a total over a unit price
    roles = set(updates) | ({"previous_amount"} if "amount" in updates else set())
    args = tuple(a for a in keep.arguments if a.role not in roles) + tuple(
        a for a in other.arguments if a.role in roles
    )
    return replace(keep, arguments=args, **updates)


def _same_fact(a: Claim, b: Claim) -> bool:
    return a.type == b.type and _parties(a) == _parties(b) and not _conflict(a, b)


def _key(c: Claim) -> tuple[str, tuple[str, str | None] | frozenset[str | None]]:
    """What two claims of one fact share (merging keeps it): their type and parties. Claims
    are compared only within a key, not pair by pair across the document."""
    return (c.type, _parties(c))


def collapse_negations(claims: Sequence[Claim]) -> list[Claim]:
    """A fact and its negation read in one sentence become the negated claim (see the module
    docstring), in the place of the first."""
    out: list[Claim] = []
    groups: dict[tuple[object, ...], list[int]] = {}
    for claim in claims:
        group = groups.setdefault((claim.evidence_start, *_key(claim)), [])
        for i in group:
            seen = out[i]
            # the group shares the evidence sentence and the fact's key
            if (seen.modality == "negated") != (claim.modality == "negated") and _same_fact(
                seen, claim
            ):
                negated, stated = (seen, claim) if seen.modality == "negated" else (claim, seen)
                out[i] = _combine(negated, stated)
                break
        else:
            group.append(len(out))
            out.append(claim)
    return out


def merge_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Merge the repeated claims of one document, keeping the order of first mention."""
    out: list[Claim] = []
    groups: dict[tuple[object, ...], list[int]] = {}
    for claim in collapse_negations(claims):
        group = groups.setdefault((claim.modality == "negated", *_key(claim)), [])
        for i in group:
            seen = out[i]  # negated or not as the claim: the group's key says so
            if not _same_fact(seen, claim):
                continue
            if claim.modality == seen.modality and _detail(claim) > _detail(seen):
                out[i] = _combine(claim, seen)  # the better-stated mention gives the evidence
            else:
                out[i] = _combine(seen, claim)
            break
        else:
            group.append(len(out))
            out.append(claim)
    return out
