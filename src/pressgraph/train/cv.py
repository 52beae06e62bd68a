"""Article-level cross-validation: how extraction does on articles its scorer never saw.

The labelled articles are dealt into ``k`` folds (seeded); for each fold a scorer is
trained on the other folds exactly as ``pressgraph train`` trains the shipped one (its C and
threshold chosen by cross-validation inside those folds), then extracts the held fold. The
held folds' facts are pooled and scored once with the rules of
:func:`pressgraph.evaluate.score`, overall, per language and per type; candidate recall
(the share of gold facts some candidate could give) is reported next to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pressgraph.errors import ConfigError, GoldError
from pressgraph.evaluate import EvalReport, score
from pressgraph.train.examples import Example, candidate_recall
from pressgraph.train.fit import decide, folds, predict, train

#: Called after each fold: (fold number from 1, number of folds).
FoldProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class CVReport:
    """Pooled scores of the held folds, with the settings each fold's scorer chose."""

    report: EvalReport
    k: int
    seed: int
    candidate_recall: dict[str, Any]
    folds: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out = self.report.to_json()
        out["cross_validation"] = {
            "k": self.k,
            "seed": self.seed,
            "folds": self.folds,
            "candidate_recall": self.candidate_recall,
        }
        return out


def cross_validate(
    golds: Sequence[Mapping[str, Any]],
    by_article: Mapping[str, Sequence[Example]],
    *,
    k: int = 5,
    seed: int = 0,
    progress: FoldProgress | None = None,
) -> CVReport:
    """``k``-fold cross-validation by article of the scorer (see the module docstring)."""
    if k < 2:
        raise ConfigError(f"cross-validation needs at least 2 folds, got {k}")
    ids = [str(g["id"]) for g in golds if str(g["id"]) in by_article]
    if len(ids) < k:
        raise GoldError(f"{k} folds need at least {k} articles, got {len(ids)}")
    predictions: dict[str, list[dict[str, Any]]] = {}
    fold_info: list[dict[str, Any]] = []
    for n, held in enumerate(folds(ids, k, seed), start=1):
        held_set = set(held)
        train_ex = {a: by_article[a] for a in ids if a not in held_set}
        train_golds = [g for g in golds if str(g["id"]) in train_ex]
        model = train(train_golds, train_ex, seed=seed)
        held_ex = {a: by_article[a] for a in held}
        probs = {a: predict(model, exs) for a, exs in held_ex.items()}
        predictions.update(decide(held_ex, probs, model.threshold))
        fold_info.append(
            {
                "fold": n,
                "articles": len(held),
                "c": model.meta.get("c"),
                "threshold": model.threshold,
                "inner_cv_f1": model.meta.get("inner_cv_f1"),
            }
        )
        if progress is not None:
            progress(n, k)
    scored = [g for g in golds if str(g["id"]) in by_article]
    return CVReport(
        report=score(scored, predictions),
        k=k,
        seed=seed,
        candidate_recall=candidate_recall(scored, by_article),
        folds=fold_info,
    )
