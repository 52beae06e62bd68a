"""Measured resolution (issue 11): the hand-labelled name pairs of
``tests/data/resolution/pairs.jsonl`` are checked against the corpus they were read from,
their articles are ingested with the normal pipeline, and the pairwise precision and recall
of the stored clustering must not fall below ``tests/data/resolution/floors.json``.

The articles are read from ``../shared/corpus`` (or ``$PRESSGRAPH_CORPUS_DIR``); they are not
in the repository (licences): without them these tests fail (the ``shared_corpus`` fixture of
``conftest.py``), unless ``PRESSGRAPH_ALLOW_MISSING_SHARED=1``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pressgraph.evaluate import resolution as res

DATA = Path(__file__).resolve().parent.parent / "data" / "resolution"
PAIRS = res.load_pairs(DATA / "pairs.jsonl")
FLOORS = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
#: Articles a CI run may ingest for this test (well under a minute on 2 cores).
MAX_ARTICLES = 250


@pytest.fixture(scope="module")
def articles(shared_corpus: Path) -> dict[str, dict[str, Any]]:
    lines = res.corpus_records(shared_corpus, res.pair_documents(PAIRS))
    return {r["id"]: r for r in map(json.loads, lines)}


@pytest.fixture(scope="module")
def figures(shared_corpus: Path, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    report, rejected = res.measure_corpus(PAIRS, shared_corpus)
    assert not rejected
    return report.to_json()


def test_the_set_is_large_balanced_and_in_both_languages() -> None:
    same = sum(p.same for p in PAIRS)
    assert len(PAIRS) >= 300
    assert 0.35 <= same / len(PAIRS) <= 0.6
    languages = {d.split("-", 1)[0] for d in res.pair_documents(PAIRS)}
    assert languages == {"en", "fr"}
    assert len(res.pair_documents(PAIRS)) <= MAX_ARTICLES


def test_the_hard_cases_of_the_issue_are_labelled() -> None:
    labels = {frozenset((p.a, p.b)): p.same for p in PAIRS}
    assert labels[frozenset(("Banco de Santander", "Banco Santander"))] is True
    assert labels[frozenset(("RMJ Holdings Corp", "RMJ Holding Corp"))] is True
    assert labels[frozenset(("Western Emergency Services Inc", "Western Emergency Service Inc"))]
    assert labels[frozenset(("Bell Industries Inc", "Bell Petroleum Services Inc"))] is False
    assert labels[frozenset(("Goldman, Sachs and Co", "Goldman Sachs"))] is True
    assert labels[frozenset(("Fichtel und Sachs AG", "Sachs AG"))] is False
    assert labels[frozenset(("Merrill Lynch Canada Inc", "Merrill Lynch and Co"))] is False


def test_every_name_is_written_in_its_articles(articles: dict[str, dict[str, Any]]) -> None:
    missing = [
        (doc, name)
        for pair in PAIRS
        for doc, name in pair.occurrences()
        if not re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", articles[doc]["text"])
    ]
    assert not missing


def test_no_two_articles_have_one_text(articles: dict[str, dict[str, Any]]) -> None:
    """A second copy would be skipped at ingest, and its names never stored."""
    texts = [a["text"].strip() for a in articles.values()]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("key", sorted(FLOORS["overall"]))
def test_overall_floor(figures: dict[str, Any], key: str) -> None:
    floor = FLOORS["overall"][key]
    assert figures[key] >= floor, f"{key} fell to {figures[key]:.3f}, below its floor {floor:.2f}"


@pytest.mark.parametrize(
    ("lang", "key"),
    [(lang, key) for lang, floors in sorted(FLOORS["per_language"].items()) for key in floors],
)
def test_language_floor(figures: dict[str, Any], lang: str, key: str) -> None:
    got = figures["per_language"][lang][key]
    floor = FLOORS["per_language"][lang][key]
    assert got >= floor, f"{lang} {key} fell to {got:.3f}, below its floor {floor:.2f}"


@pytest.mark.xfail(
    reason="issue 11: the stored clustering does not meet its targets yet (recall)", strict=True
)
def test_issue_targets(figures: dict[str, Any]) -> None:
    target = FLOORS["target"]
    assert figures["precision"] >= target["precision"]
    assert figures["recall"] >= target["recall"]
