"""Quality floors, measured where they generalise: 5-fold cross-validation by article over the
labelled sets (``pressgraph evaluate --cv 5 DEV TRAIN``) must not fall below the figures
pinned in ``tests/data/quality_floors.json``; and the shipped scorer is what ``pressgraph
train DEV TRAIN`` builds from them, byte for byte.

The floors may rise (edit the file when extraction improves) but never silently drop: a
change that loses quality fails here, naming the figure. The labelled sets are read from
``$PRESSGRAPH_EVAL_DIR`` (a folder holding ``dev/`` and ``train/``) or from ``../shared/eval``
next to the repository (they are not bundled: the articles are under their own licences);
without them these tests fail (the ``shared_eval`` fixture of ``conftest.py``), unless
``PRESSGRAPH_ALLOW_MISSING_SHARED=1``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pressgraph import train as learning
from pressgraph.evaluate import load_gold
from pressgraph.extract.scorer import packaged_path
from pressgraph.train.examples import Example

FLOORS = json.loads((Path(__file__).resolve().parent / "data" / "quality_floors.json").read_text())


@pytest.fixture(scope="module")
def labelled(shared_eval: Path) -> tuple[list[dict[str, Any]], dict[str, list[Example]]]:
    golds = load_gold(shared_eval / "dev") + load_gold(shared_eval / "train")
    return golds, learning.examples(golds)


@pytest.fixture(scope="module")
def figures(labelled: tuple[list[dict[str, Any]], dict[str, list[Example]]]) -> dict[str, Any]:
    golds, found = labelled
    return learning.cross_validate(golds, found, k=5, seed=0).to_json()


@pytest.mark.parametrize("key", sorted(FLOORS["overall"]))
def test_overall_floor(figures: dict[str, Any], key: str) -> None:
    assert figures[key] >= FLOORS["overall"][key], (
        f"{key} fell to {figures[key]:.3f}, below its floor {FLOORS['overall'][key]:.3f}"
    )


@pytest.mark.parametrize(
    ("lang", "key"),
    [(lang, key) for lang, floors in sorted(FLOORS["per_language"].items()) for key in floors],
)
def test_language_floor(figures: dict[str, Any], lang: str, key: str) -> None:
    got = figures["per_language"][lang][key]
    floor = FLOORS["per_language"][lang][key]
    assert got >= floor, f"{lang} {key} fell to {got:.3f}, below its floor {floor:.3f}"


@pytest.mark.parametrize("key", sorted(FLOORS["candidate_recall"]))
def test_candidate_recall_floor(figures: dict[str, Any], key: str) -> None:
    got = figures["cross_validation"]["candidate_recall"]["all"][key]
    floor = FLOORS["candidate_recall"][key]
    assert got >= floor, f"candidate recall ({key}) fell to {got:.3f}, below {floor:.3f}"


def test_every_fact_type_is_scored(figures: dict[str, Any]) -> None:
    assert set(figures["per_type"]) >= {
        "acquisition",
        "stake",
        "investment",
        "leadership",
        "partnership",
    }


def test_the_shipped_scorer_is_what_train_builds(
    labelled: tuple[list[dict[str, Any]], dict[str, list[Example]]], tmp_path: Path
) -> None:
    golds, found = labelled
    model = learning.train(golds, found, seed=0)
    model.save(tmp_path / "scorer.json")
    shipped = json.loads(packaged_path().read_text(encoding="utf-8"))
    rebuilt = json.loads((tmp_path / "scorer.json").read_text(encoding="utf-8"))
    assert rebuilt["threshold"] == shipped["threshold"]
    assert rebuilt["bias"] == shipped["bias"]
    assert rebuilt["weights"] == shipped["weights"], (
        "the shipped scorer is out of date: run `pressgraph train` on dev and train"
    )
