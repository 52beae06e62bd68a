"""Unnamed sources ("people familiar with the matter", "analysts") stay words on the claim
that cites them: they are never entities. A named source ("BP said") is one."""

from __future__ import annotations

from collections.abc import Callable

from pressgraph.model import Extraction

# Invented sentences, in the wire's way of citing unnamed sources.
TEXT = (
    "Harwell Foods Inc agreed to buy Bexley Dairies Ltd for 300 mln dlrs, people "
    "familiar with the matter said. Garrow Steel Corp bought 15 pct of Tillman Wire Co, "
    "analysts said. Harwell Foods said it expects to close the deal in May."
)


def test_unnamed_sources_are_not_entities(rules_en: Callable[[str], Extraction]) -> None:
    found = rules_en(TEXT)
    names = {e.name for e in found.entities}
    sources = {s.name for c in found.claims for s in c.sources}
    assert "people familiar with the matter" in sources
    assert "analysts" in sources
    assert "people familiar with the matter" not in names
    assert "analysts" not in names
    assert {"Bexley Dairies Ltd", "Garrow Steel Corp", "Tillman Wire Co"} <= names
