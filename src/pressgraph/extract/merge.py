"""Within-document merging: repeated mentions of one fact are one claim.

Two claims of one document merge when they have the same type and parties (either order
for symmetric types) and no attribute in conflict (amount, percent, date, until). The
merged claim keeps the union of attributes and the modality of the first mention (a lede
says "est en passe d'acheter"; later shorthand, "le groupe racheté", does not undo it; a
negated claim never merges with a positive one); between mentions of the same modality,
the one stating more gives the evidence and sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pressgraph.model import SYMMETRIC_TYPES, Claim

_ATTRS = ("amount", "currency", "percent", "date", "until", "role", "value")


def _parties(c: Claim) -> tuple[str, str | None] | frozenset[str | None]:
    if c.type in SYMMETRIC_TYPES:
        return frozenset((c.subject, c.object))
    return (c.subject, c.object)


def _detail(c: Claim) -> int:
    """How much a mention states: its attributes and its parties named on their own."""
    return sum(getattr(c, k) is not None for k in _ATTRS)


def _conflict(a: Claim, b: Claim) -> bool:
    if (
        a.amount is not None
        and b.amount is not None
        and (abs(a.amount - b.amount) > 0.02 * max(a.amount, b.amount) or a.currency != b.currency)
    ):
        return True
    if a.percent is not None and b.percent is not None and abs(a.percent - b.percent) > 0.5:
        return True
    for key in ("date", "until"):
        x, y = getattr(a, key), getattr(b, key)
        if x is not None and y is not None and x[:4] != y[:4]:
            return True
    return False


def _combine(keep: Claim, other: Claim) -> Claim:
    updates = {
        k: getattr(other, k)
        for k in _ATTRS
        if getattr(keep, k) is None and getattr(other, k) is not None
    }
    if "amount" in updates and keep.currency is None:
        updates["currency"] = other.currency
    if keep.amount is not None:
        updates.pop("currency", None)
    args = keep.arguments + tuple(a for a in other.arguments if a.role in updates)
    return replace(keep, arguments=args, **updates)


def merge_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Merge the repeated claims of one document, keeping the order of first mention."""
    out: list[Claim] = []
    for claim in claims:
        for i, seen in enumerate(out):
            if seen.type != claim.type or _parties(seen) != _parties(claim):
                continue
            if (seen.modality == "negated") != (claim.modality == "negated"):
                continue
            if _conflict(seen, claim):
                continue
            if claim.modality == seen.modality and _detail(claim) > _detail(seen):
                out[i] = _combine(claim, seen)  # the better-stated mention gives the evidence
            else:
                out[i] = _combine(seen, claim)
            break
        else:
            out.append(claim)
    return out
