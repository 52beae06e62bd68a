"""The hand rules' constructions, driven by case tables (one sentence or snippet per line).

The hand rules propose candidates with their own claims; the trained scorer decides (it is
measured by cross-validation, ``tests/test_quality_floors.py``). These cases check what the
rules read, with the scorer that keeps exactly their claims (``RULES_ONLY``).

``tests/data/facts_fr.jsonl`` and ``facts_en.jsonl``: each case gives ``text`` and the facts it
must yield (``expect``). A fact is found when some claim has the same type, subject and object, and
every attribute the case gives: ``amount`` and ``previous_amount`` within 2 %, ``currency``,
``amount_kind``, ``percent`` and ``previous_percent`` within 0.5 points (``null``: not
carried), ``date``/``until`` same year, ``role``, ``value``, ``modality`` and ``sources``
(the ordered list of names). With ``"exact": true`` no other claim may be extracted; an empty
``expect`` with ``exact`` is a negative case. Adding a case is adding a line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pressgraph.model import SYMMETRIC_TYPES, Claim, Extraction

DATA = Path(__file__).resolve().parent.parent / "data"


def _cases(lang: str = "fr") -> list[Any]:
    path = DATA / f"facts_{lang}.jsonl"
    cases = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            cases.append(pytest.param(json.loads(line), id=f"{lang}-{lineno}"))
    return cases


def matches(claim: Claim, fact: dict[str, Any]) -> bool:
    """True when ``claim`` says ``fact`` (type, parties and every attribute ``fact`` gives)."""
    if claim.type != fact["type"]:
        return False
    parties = (claim.subject, claim.object)
    wanted = (fact["subject"], fact.get("object"))
    if fact["type"] in SYMMETRIC_TYPES:
        if sorted(parties, key=str) != sorted(wanted, key=str):
            return False
    elif parties != wanted:
        return False
    for key, tolerance in (
        ("amount", 0.02),
        ("previous_amount", 0.02),
        ("percent", None),
        ("previous_percent", None),
    ):
        if key not in fact:
            continue
        got, want = getattr(claim, key), fact[key]
        if want is None or got is None:
            if got != want:  # null: the claim must not carry it
                return False
        elif abs(got - want) > (tolerance * want if tolerance else 0.5):
            return False
    for key in ("date", "until"):
        if key in fact and (getattr(claim, key) or "")[:4] != fact[key][:4]:
            return False
    for key in ("currency", "amount_kind", "role", "value", "modality"):
        if key in fact and getattr(claim, key) != fact[key]:
            return False
    return not ("sources" in fact and claim.source_names() != fact["sources"])


def _show(claims: tuple[Claim, ...]) -> str:
    out = []
    for c in claims:
        gold = c.to_gold()
        gold.pop("evidence")
        out.append(json.dumps(gold, ensure_ascii=False))
    return "\n".join(out) or "(no claims)"


@pytest.mark.parametrize("case", _cases())
def test_fact_case(case: dict[str, Any], rules_fr: Callable[[str], Extraction]) -> None:
    claims = rules_fr(case["text"]).claims
    used: set[int] = set()
    for fact in case["expect"]:
        found = next((i for i, c in enumerate(claims) if i not in used and matches(c, fact)), None)
        assert found is not None, f"missing {fact}\namong:\n{_show(claims)}"
        used.add(found)
    if case.get("exact"):
        extra = tuple(c for i, c in enumerate(claims) if i not in used)
        assert not extra, f"unexpected claims:\n{_show(extra)}"


@pytest.mark.parametrize("case", _cases("en"))
def test_fact_case_en(case: dict[str, Any], rules_en: Callable[[str], Extraction]) -> None:
    test_fact_case(case, rules_en)
