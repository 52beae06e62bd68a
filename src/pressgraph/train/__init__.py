"""Training and cross-validation of the fact scorer over hand-labelled articles.

:func:`examples` reads gold articles into labelled candidates; :func:`train` fits the
scorer shipped in ``data/model/scorer.json`` (``pressgraph train``); :func:`cross_validate`
measures extraction on articles its scorer never saw (``pressgraph evaluate --cv K``).
Needs scikit-learn; extraction itself does not.
"""

from __future__ import annotations

from pressgraph.train.cv import CVReport, cross_validate
from pressgraph.train.examples import Example, candidate_recall, examples
from pressgraph.train.fit import train

__all__ = ["CVReport", "Example", "candidate_recall", "cross_validate", "examples", "train"]
