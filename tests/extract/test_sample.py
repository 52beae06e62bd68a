"""End to end on the bundled sample article: its complete fact list, and sound offsets.

``tests/data/sample_facts.json`` holds the 20 gold facts of the article (copied from the
evaluation set) and the gold entities with their aliases: a claim's party matches a gold
party when it names the same entity (case- and accent-insensitively, aliases mapped to the
entity's name).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from pressgraph.model import SYMMETRIC_TYPES, Claim, Extraction

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD = json.loads((DATA / "sample_facts.json").read_text(encoding="utf-8"))


def _norm(name: str | None) -> str | None:
    if name is None:
        return None
    s = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in s if not unicodedata.combining(ch)).split())


CANONICAL = {
    _norm(a): _norm(e["name"]) for e in GOLD["entities"] for a in [e["name"], *e["aliases"]]
}


def _entity(name: str | None) -> str | None:
    key = _norm(name)
    return CANONICAL.get(key, key) if key is not None else None


@pytest.fixture(scope="module")
def sample(extract_fr: Callable[[str], Extraction]) -> Extraction:
    path = (
        resources.files("pressgraph") / "data" / "samples" / "microsoft-openai-partenariat.fr.txt"
    )
    return extract_fr(path.read_text(encoding="utf-8"))


def _matches(claim: Claim, fact: dict[str, Any]) -> bool:
    if claim.type != fact["type"]:
        return False
    got = (_entity(claim.subject), _entity(claim.object))
    want = (_entity(fact["subject"]), _entity(fact.get("object")))
    if fact["type"] in SYMMETRIC_TYPES:
        if sorted(got, key=str) != sorted(want, key=str):
            return False
    elif got != want:
        return False
    if "amount" in fact and (
        claim.amount is None
        or abs(claim.amount - fact["amount"]) > 0.02 * fact["amount"]
        or claim.currency != fact["currency"]
    ):
        return False
    if "percent" in fact and (claim.percent is None or abs(claim.percent - fact["percent"]) > 0.5):
        return False
    return all(
        key not in fact or (getattr(claim, key) or "")[:4] == fact[key][:4]
        for key in ("date", "until")
    )


def _describe(c: Claim) -> str:
    gold = c.to_gold()
    gold.pop("evidence")
    return json.dumps(gold, ensure_ascii=False)


def test_complete_fact_list(sample: Extraction) -> None:
    claims = list(sample.claims)
    assert len(GOLD["facts"]) == 20
    unmatched = list(range(len(claims)))
    missing = []
    for fact in GOLD["facts"]:
        i = next((i for i in unmatched if _matches(claims[i], fact)), None)
        if i is None:
            missing.append(fact)
            continue
        unmatched.remove(i)
        claim = claims[i]
        assert claim.modality == fact["modality"], (fact, _describe(claim))
        assert [_entity(s) for s in claim.source_names()] == [
            _entity(s) for s in fact["sources"]
        ], (fact, _describe(claim))
        for key in ("role", "value"):
            if key in fact:
                assert getattr(claim, key) == fact[key], (fact, _describe(claim))
    extra = [_describe(claims[i]) for i in unmatched]
    assert not missing and not extra, f"missing: {missing}\nextra: {extra}"


def test_offsets(sample: Extraction) -> None:
    text = sample.document.text
    assert sample.claims
    for claim in sample.claims:
        assert claim.evidence
        assert claim.evidence == text[claim.evidence_start : claim.evidence_end]
        assert claim.document == sample.document.id
        roles = [a.role for a in claim.arguments]
        assert roles[0] == "subject"
        for arg in claim.arguments:
            assert text[arg.start : arg.end] == arg.text, (claim.type, arg)
        if claim.amount is not None:
            assert "amount" in roles
        if claim.until is not None:
            assert "until" in roles
    for mention in sample.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_entities(sample: Extraction) -> None:
    types = {e.name: e.type for e in sample.entities}
    for name in (
        "Microsoft",
        "OpenAI",
        "SoftBank",
        "Oracle",
        "CoreWeave",
        "Anthropic",
        "xAI",
        "Financial Times",
        "Les Echos",
        "L'Usine Digitale",
        "Mac4Ever",
    ):
        assert types.get(name) == "ORG", name
    for name in ("Satya Nadella", "Sam Altman"):
        assert types.get(name) == "PERSON", name
    assert types.get("Stargate") == "PRODUCT"
