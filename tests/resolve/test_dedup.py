"""Near-duplicate detection: a wire story and its edited reprint are one story; two stories
on the same deal are not. Cases in ``tests/data/stories.json`` (texts written for the test)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pressgraph.resolve.dedup import (
    BANDS,
    THRESHOLD,
    canonical_url,
    jaccard,
    shingles,
    signature,
    similarity,
)

CASES = json.loads((Path(__file__).parents[1] / "data" / "stories.json").read_text("utf-8"))
TEXTS: dict[str, str] = CASES["texts"]
WIRE = TEXTS["wire"]


@pytest.mark.parametrize("case", CASES["pairs"], ids=lambda c: f"{c['a']}-{c['b']}")
def test_same_story(case: dict[str, Any]) -> None:
    a, b = signature(TEXTS[case["a"]]), signature(TEXTS[case["b"]])
    assert a.linkable and b.linkable
    assert (similarity(a, b) >= THRESHOLD) is case["same_story"], case["why"]
    exact = jaccard(shingles(TEXTS[case["a"]]), shingles(TEXTS[case["b"]]))
    assert (exact >= THRESHOLD) is case["same_story"], case["why"]
    if case["same_story"]:  # found by blocking: they share a band
        assert set(a.bands()) & set(b.bands())


def test_signatures_are_stable_and_fold_case_and_accents() -> None:
    assert signature(WIRE) == signature(WIRE)
    assert shingles("Élysée: la SOCIÉTÉ générale") == shingles("elysee la societe Generale")
    assert similarity(signature(WIRE.upper()), signature(WIRE)) == 1.0
    assert len(signature(WIRE).bands()) == BANDS


def test_short_texts_are_never_linked() -> None:
    short = "Orange rachète la start-up Sensity pour 50 millions d'euros."
    assert not signature(short).linkable
    assert signature("").size == 0


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://www.Example.com/a/b/", "https://example.com/a/b"),
        ("http://example.com/a/b?utm_source=rss&id=3#top", "https://example.com/a/b?id=3"),
        ("https://example.com:443/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com:8080/a", "https://example.com:8080/a"),
        ("", None),
        (None, None),
    ],
)
def test_canonical_url(url: str | None, canonical: str | None) -> None:
    assert canonical_url(url) == canonical
