"""Date recognisers, driven by case tables (one case per line).

``tests/data/dates_{fr,en}.jsonl``: a case with ``span`` expects a
:class:`~pressgraph.model.TimeExpr` at the first occurrence of that string in ``text``, with
``value`` and ``role``; a case with ``"expect": []`` expects nothing; a case with
``dateline`` checks :func:`find_dateline` (``null``: no dateline). ``reference`` (optional)
is the publication date. Adding a case is adding a line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pressgraph.extract.dates import find_dateline, find_times

DATA = Path(__file__).resolve().parent.parent / "data"


def _cases() -> list[Any]:
    cases = []
    for lang in ("fr", "en"):
        path = DATA / f"dates_{lang}.jsonl"
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                cases.append(pytest.param(lang, case, id=f"{lang}-{lineno}"))
    return cases


@pytest.mark.parametrize(("lang", "case"), _cases())
def test_date_case(lang: str, case: dict[str, Any]) -> None:
    text = case["text"]
    reference = case.get("reference")
    if "dateline" in case:
        assert find_dateline(text, lang, reference) == case["dateline"]
        return
    found = find_times(text, lang, reference)
    for t in found:
        assert text[t.start : t.end] == t.text
    if "expect" in case:
        assert [(t.value, t.text) for t in found] == case["expect"]
        return
    start = text.index(case["span"])
    end = start + len(case["span"])
    match = [t for t in found if (t.start, t.end) == (start, end)]
    assert match, f"{case['span']!r} not found in {[t.text for t in found]}"
    assert match[0].value == case["value"]
    assert match[0].role == case.get("role", "point")


def test_times_sorted() -> None:
    text = "Établi en 2019, le partenariat court jusqu'en 2030, depuis le 1er janvier 2016."
    found = find_times(text, "fr")
    assert [(t.value, t.role) for t in found] == [
        ("2019", "point"),
        ("2030", "until"),
        ("2016-01-01", "since"),
    ]
