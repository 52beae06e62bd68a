"""Fitting the scorer: logistic regression over named features, regularisation strength and
decision threshold chosen by article-level cross-validation inside the training articles.

Why a logistic regression (scikit-learn's ``liblinear``): with a few hundred labelled
facts, cross-validated F1 of gradient-boosted trees (LightGBM) was within noise of it, while
a linear model trains in seconds, is deterministic, and ships as a readable table of
weights that extraction applies without any machine-learning library (see
:mod:`pressgraph.extract.scorer`).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pressgraph.errors import GoldError
from pressgraph.evaluate import score
from pressgraph.extract.merge import merge_claims
from pressgraph.extract.scorer import Model, select
from pressgraph.train.examples import Example

#: Regularisation strengths tried (inverse of the L2 penalty): few labelled facts and many
#: sparse features call for strong regularisation.
C_GRID: tuple[float, ...] = (0.01, 0.03, 0.1)
#: Decision thresholds tried.
THRESHOLDS: tuple[float, ...] = tuple(round(0.05 + 0.025 * i, 3) for i in range(31))
#: Weights smaller than this are left out of the shipped model.
MIN_WEIGHT = 1e-4


@dataclass(frozen=True)
class Fitted:
    weights: dict[str, float]
    bias: float


def folds(ids: Sequence[str], k: int, seed: int) -> list[list[str]]:
    """``ids`` dealt into ``k`` folds after a seeded shuffle of their sorted order."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def fit(examples: Sequence[Example], c: float, seed: int = 0) -> Fitted:
    """Logistic regression on the labelled examples (``label`` None left out)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [e for e in examples if e.label is not None]
    labels = [bool(e.label) for e in rows]
    if not rows or all(labels) or not any(labels):
        raise GoldError("training needs both facts and non-facts among the candidates")
    vec = DictVectorizer(sort=True)
    matrix = vec.fit_transform([dict.fromkeys(e.features, 1.0) for e in rows]).tocsr()
    # liblinear takes 32-bit indices only (DictVectorizer may build 64-bit ones).
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    model = LogisticRegression(C=c, solver="liblinear", max_iter=5000, random_state=seed)
    model.fit(matrix, labels)
    names = vec.get_feature_names_out()
    weights = {
        str(name): round(float(w), 5)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    return Fitted(weights, round(float(model.intercept_[0]), 5))


def predict(fitted: Fitted | Model, examples: Sequence[Example]) -> list[float]:
    model = fitted if isinstance(fitted, Model) else Model(fitted.weights, fitted.bias, 0.5)
    return [model.probability(e.features) for e in examples]


def decide(
    by_article: Mapping[str, Sequence[Example]],
    probabilities: Mapping[str, Sequence[float]],
    threshold: float,
) -> dict[str, list[dict[str, Any]]]:
    """The facts extraction would output for each article at ``threshold``, as the gold
    format writes them (:meth:`~pressgraph.model.Claim.gold_facts`)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for art, exs in by_article.items():
        scored = [
            (p, i, e.claim) for i, (p, e) in enumerate(zip(probabilities[art], exs, strict=True))
        ]
        chosen = select(scored, threshold)
        out[art] = [g for c in merge_claims(chosen) for g in c.gold_facts()]
    return out


def best_threshold(
    golds: Sequence[Mapping[str, Any]],
    by_article: Mapping[str, Sequence[Example]],
    probabilities: Mapping[str, Sequence[float]],
) -> tuple[float, float]:
    """The threshold with the best F1 over ``golds`` (the lowest on a tie), and that F1."""
    best = (THRESHOLDS[0], -1.0)
    for t in THRESHOLDS:
        f1 = score(golds, decide(by_article, probabilities, t)).f1
        if f1 > best[1] + 1e-12:
            best = (t, f1)
    return best


def out_of_fold(
    by_article: Mapping[str, Sequence[Example]], c: float, k: int, seed: int
) -> dict[str, list[float]]:
    """Probabilities of every article's candidates from models that did not see it."""
    probs: dict[str, list[float]] = {}
    for held in folds(list(by_article), k, seed):
        held_set = set(held)
        train = [e for art, exs in by_article.items() if art not in held_set for e in exs]
        fitted = fit(train, c, seed)
        for art in held:
            probs[art] = predict(fitted, by_article[art])
    return probs


def train(
    golds: Sequence[Mapping[str, Any]],
    by_article: Mapping[str, Sequence[Example]],
    *,
    k: int = 4,
    seed: int = 0,
    c_grid: Sequence[float] = C_GRID,
) -> Model:
    """The scorer for these articles: C and threshold chosen by ``k``-fold cross-validation
    over the articles (out-of-fold F1), then fitted on all of them."""
    articles = [g for g in golds if str(g["id"]) in by_article]
    trials = []
    for c in c_grid:
        probs = out_of_fold(by_article, c, k, seed)
        threshold, f1 = best_threshold(articles, by_article, probs)
        trials.append((f1, -c, c, threshold))
    f1, _, c, threshold = max(trials)
    fitted = fit([e for exs in by_article.values() for e in exs], c, seed)
    n = sum(len(exs) for exs in by_article.values())
    positives = sum(1 for exs in by_article.values() for e in exs if e.label)
    meta = {
        "articles": len(by_article),
        "candidates": n,
        "positive_candidates": positives,
        "c": c,
        "inner_folds": k,
        "inner_cv_f1": round(f1, 4),
        "seed": seed,
        "trials": [{"c": cc, "threshold": t, "f1": round(ff, 4)} for ff, _, cc, t in trials],
    }
    return Model(fitted.weights, fitted.bias, threshold, meta)
