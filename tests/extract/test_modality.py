"""Modality of a fact, read at its trigger: ``tests/data/modality_fr.jsonl`` gives a sentence,
the trigger word (its first occurrence in the parsed sentence) and the expected modality.

Each case is checked twice: directly with :func:`find_modality` on the trigger token, and
through full extraction (the claim whose evidence holds the trigger has that modality).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from pressgraph.extract.modality import find_modality, is_conditional
from pressgraph.lang import lexicon
from pressgraph.model import Extraction

DATA = Path(__file__).resolve().parent.parent / "data"


def _cases() -> list[Any]:
    path = DATA / "modality_fr.jsonl"
    return [
        pytest.param(json.loads(line), id=f"fr-{n}")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    ]


@pytest.mark.parametrize("case", _cases())
def test_find_modality(case: dict[str, Any], fr_nlp: Language) -> None:
    doc = fr_nlp(case["text"])
    token = next((t for t in doc if t.text == case["trigger"]), None)
    assert token is not None, f"trigger {case['trigger']!r} not in {[t.text for t in doc]}"
    assert find_modality(token, token.sent, lexicon("fr")) == case["modality"]


@pytest.mark.parametrize("case", _cases())
def test_claim_modality(case: dict[str, Any], extract_fr: Callable[[str], Extraction]) -> None:
    text = case["text"]
    start = text.index(case["trigger"])
    claims = [c for c in extract_fr(text).claims if c.arguments]
    assert claims, "no claim extracted"
    # The claims of the trigger's sentence: one of them has the expected modality.
    own = [c for c in claims if c.evidence_start <= start < c.evidence_end]
    assert case["modality"] in {c.modality for c in own}, [(c.type, c.modality) for c in own]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Microsoft envisagerait de céder sa participation.", "envisagerait", True),
        ("Microsoft envisageait de céder sa participation.", "envisageait", False),
        ("OpenAI souhaiterait se convertir.", "souhaiterait", True),
        ("OpenAI pourrait se convertir.", "pourrait", True),
        ("OpenAI aurait supprimé le contrôle du conseil.", "aurait", True),
        ("OpenAI préparait son introduction en Bourse.", "préparait", False),
    ],
)
def test_is_conditional(text: str, word: str, expected: bool, fr_nlp: Language) -> None:
    token = next(t for t in fr_nlp(text) if t.text == word)
    assert is_conditional(token, lexicon("fr")) is expected
