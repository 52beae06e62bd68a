"""Entity names as the press writes them, driven by case tables.

``tests/data/entities_en.jsonl`` and ``entities_fr.jsonl``: each case gives ``text``, the
entities the name stage must find (``names``: ``[name, type]``, the type checked when given)
and names that must name no entity of the document (``absent``: neither an entity's name
nor one of its spellings); ``single_cluster_for`` names a word whose spellings all belong to one
entity. Adding a case is adding a line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pressgraph import nlp
from pressgraph.extract.entities import cluster_names, find_names
from pressgraph.lang import lexicon

DATA = Path(__file__).resolve().parent.parent / "data"


def _cases() -> list[Any]:
    cases = []
    for lang in ("en", "fr"):
        path = DATA / f"entities_{lang}.jsonl"
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                cases.append(pytest.param(lang, json.loads(line), id=f"{lang}-{lineno}"))
    return cases


@pytest.mark.parametrize(("lang", "case"), _cases())
def test_entity_names(lang: str, case: dict[str, Any]) -> None:
    text = case["text"]
    doc = nlp.load(lang)(text)
    clusters, _ = cluster_names(doc, find_names(doc, lexicon(lang), text))
    found = {c.name: c.label for c in clusters}
    spellings = {a for c in clusters for a in c.aliases} | set(found)
    for name, *label in case.get("names", []):
        assert name in found, (name, found)
        if label:
            assert found[name] == label[0], (name, found)
    for name in case.get("absent", []):
        assert name not in spellings, (name, found)
    if "single_cluster_for" in case:  # every spelling with this word is one entity's
        word = case["single_cluster_for"]
        owners = [c.name for c in clusters if any(word in a.split() for a in c.aliases)]
        assert len(owners) == 1, owners
