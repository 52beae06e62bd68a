"""Money and percent recognisers, driven by case tables (one case per line).

``tests/data/quantities_{fr,en}.jsonl``: a positive case names the expected quantity by its
``span`` (the first occurrence of that string in ``text``) with ``kind``, ``value``,
``currency`` and ``approximate``; a negative case has ``"expect": []`` and, optionally, a
``kind`` to restrict what must not be found. Adding a case is adding a line.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from pressgraph.extract.quantities import find_money, find_percents, find_quantities
from pressgraph.model import Quantity

DATA = Path(__file__).resolve().parent.parent / "data"


def _cases() -> list[Any]:
    cases = []
    for lang in ("fr", "en"):
        path = DATA / f"quantities_{lang}.jsonl"
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                cases.append(pytest.param(lang, case, id=f"{lang}-{lineno}"))
    return cases


def _found(lang: str, case: dict[str, Any]) -> list[Quantity]:
    kind = case.get("kind")
    if kind == "money":
        return find_money(case["text"], lang)
    if kind == "percent":
        return find_percents(case["text"], lang)
    return find_quantities(case["text"], lang)


@pytest.mark.parametrize(("lang", "case"), _cases())
def test_quantity_case(lang: str, case: dict[str, Any]) -> None:
    text = case["text"]
    found = _found(lang, case)
    for q in found:
        assert text[q.start : q.end] == q.text
    if "expect" in case:
        assert [(q.kind, q.text) for q in found] == case["expect"]
        return
    start = text.index(case["span"])
    end = start + len(case["span"])
    match = [q for q in found if (q.start, q.end) == (start, end)]
    assert match, f"{case['span']!r} not found in {[q.text for q in found]}"
    q = match[0]
    assert q.kind == case["kind"]
    assert math.isclose(q.value, case["value"], rel_tol=1e-9)
    assert q.currency == case.get("currency")
    assert q.approximate is case.get("approximate", False)


def test_quantities_sorted_and_disjoint() -> None:
    text = (
        "MUFG allait acheter 9,9% des actions au prix unitaire de 25,25 dollars, soit trois "
        "milliards de dollars, et environ 20% du capital."
    )
    found = find_quantities(text, "fr")
    assert [q.text for q in found] == ["9,9%", "25,25 dollars", "trois milliards de dollars", "20%"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_exact_values() -> None:
    (q,) = find_money("une transaction évaluée à 66,1 milliards de dollars", "fr")
    assert q.value == 66_100_000_000.0
    (q,) = find_money("an offer of 1.5 billion dlrs", "en")
    assert q.value == 1_500_000_000.0


def test_language_codes() -> None:
    assert find_money("13 milliards de dollars", "fr-FR")[0].value == 13e9
    assert find_money("146.6 mln stg", "en_GB")[0].currency == "GBP"
