"""The former level of a change, as a claim of its own.

A stored claim may say that a value moved ("raised its stake in X to 7.7 pct from 6.3 pct":
percent 7.7, ``previous_percent`` 6.3; "raised its offer to 92.50 dlrs a share from 80
dlrs": amount 92.50 per share, ``previous_amount`` 80). The former level was a fact too,
the one the change ends: :func:`previous_claims` gives, for each such claim, a claim of the
former level (``change_of`` names the claim it comes from), which fact resolution groups
with what other articles said of that level and marks superseded by the change's fact
(:func:`pressgraph.resolve.facts.build_facts`).

The former level of a state (a stake, a valuation) held, whatever the change's modality
("will bring its stake to 25 pct from the present 3.5 pct"): it is asserted. That of a deal
(an offer raised) has the deal's modality, asserted when the change is denied ("denied it
raised its offer to 5.5 billion from 4.3 billion" leaves the first offer standing).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pressgraph.model import CHANGING_STATES

__all__ = ["PREVIOUS_SUFFIX", "previous_claims"]

#: Appended to a claim's id to make the id of the claim of its former level.
PREVIOUS_SUFFIX = "~previous"


def previous_claims(claims: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A claim of the former level for every claim (dicts as the store gives them) that
    carries one."""
    out = []
    for claim in claims:
        amount, percent = claim.get("previous_amount"), claim.get("previous_percent")
        if amount is None and percent is None:
            continue
        before = dict(claim)
        before.update(
            id=f"{claim['id']}{PREVIOUS_SUFFIX}",
            change_of=claim["id"],
            previous_amount=None,
            previous_percent=None,
        )
        if amount is not None:
            before["amount"] = amount
        if percent is not None:
            before["percent"] = percent
        if claim["type"] in CHANGING_STATES or claim["modality"] == "negated":
            before["modality"] = "asserted"
        out.append(before)
    return out
