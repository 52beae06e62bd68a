"""The trained scorer: which fact candidates are facts.

A logistic model over sparse named features (see :mod:`pressgraph.extract.features`). The
model ships in the package as JSON (``data/model/scorer.json``): one weight per feature
name, a bias and the decision threshold chosen by cross-validation when it was trained
(``pressgraph train``, :mod:`pressgraph.train`). Reading it needs no machine-learning
library: a probability is a sum of weights through the logistic function, so scoring a
document's candidates costs a few dictionary look-ups each.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pressgraph.errors import ConfigError

#: The format tag written in every model file; a file without it is refused.
FORMAT = "pressgraph-scorer/1"


@dataclass(frozen=True)
class Model:
    """A trained linear scorer and its decision threshold."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    #: How it was trained (articles, candidates, C, folds...): shown by ``pressgraph train``.
    meta: Mapping[str, Any] = field(default_factory=dict)

    def probability(self, features: Iterable[str]) -> float:
        """The probability that the candidate with ``features`` (the names of those that are
        1, each once) is a fact."""
        get = self.weights.get
        z = self.bias + sum([get(name, 0.0) for name in features])
        if z < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "kind": "logistic",
            "bias": self.bias,
            "threshold": self.threshold,
            "meta": dict(self.meta),
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], where: str = "model") -> Model:
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise ConfigError(f"{where}: not a pressgraph scorer (expected format {FORMAT})")
        try:
            weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}
            return cls(
                weights, float(data["bias"]), float(data["threshold"]), dict(data.get("meta") or {})
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: malformed scorer ({exc})") from exc

    def save(self, path: str | Path) -> None:
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=0, sort_keys=False)
        Path(path).write_text(text + "\n", encoding="utf-8")


#: A scorer that keeps exactly the hand rules' claims (what extraction was before the trained
#: scorer): for testing the rules on their own and for comparison.
RULES_ONLY = Model({"rule_any": 20.0}, -10.0, 0.5, {"note": "the hand rules' claims, no more"})


def load(path: str | Path) -> Model:
    """A model written by :meth:`Model.save`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the scorer ({exc})") from exc
    return Model.from_json(data, str(path))


def packaged_path() -> Path:
    """Where the shipped scorer lies (``pressgraph train`` writes there by default)."""
    return Path(str(resources.files("pressgraph") / "data" / "model" / "scorer.json"))


def default_model() -> Model:
    """The scorer extraction uses: the file named by ``$PRESSGRAPH_MODEL`` if set (one
    ``pressgraph train --out`` wrote), else the one shipped in the package."""
    return _load_cached(os.environ.get("PRESSGRAPH_MODEL") or "")


@functools.cache
def _load_cached(path: str) -> Model:
    if path:
        return load(path)
    ref = packaged_path()
    if not ref.is_file():
        raise ConfigError("the trained scorer is missing from the package")
    return load(ref)


def select(scored: list[tuple[float, int, Any]], threshold: float) -> list[Any]:
    """The claims whose probability reaches ``threshold``, in document order: by evidence,
    then the most probable first, then by reading order. ``scored`` holds (probability,
    reading order, claim)."""
    kept = [x for x in scored if x[0] >= threshold]
    kept.sort(key=lambda x: (x[2].evidence_start, -x[0], x[1]))
    return [c for _, _, c in kept]
