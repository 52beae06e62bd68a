"""Score predicted deal facts against hand-labelled gold articles.

Implements the scoring rules of ``eval/README.md``:

* Per article, predicted facts are matched one-to-one to gold facts. The matching is a
  maximum bipartite matching (the number of matched pairs is as large as possible); among
  matchings of that size, the one with the most pairs whose ``modality`` and ``sources`` also
  agree is chosen, so modality and sources accuracy are well defined. Both are solved at once
  as one maximum-weight assignment (Hungarian algorithm) with weights
  ``BIG + [modality agrees] + [sources agree]`` on compatible pairs, ``BIG`` exceeding any
  possible sum of agreement bonuses.
* A gold fact and a predicted fact are compatible (see :func:`facts_match`) when they have
  the same ``type``; ``subject`` and ``object`` name the same entities (names compared case-,
  accent-, apostrophe- and surrounding-punctuation-insensitively after mapping the article's
  aliases to entity names, for gold and predicted names alike; ``partnership`` and
  ``negotiation`` match in either order); and where the gold fact has ``amount`` the
  predicted amount is within 2 % of it with the same currency, where it has ``percent`` the
  predicted one is within 0.5 points, and where it has ``date`` or ``until`` the predicted
  value has the same year. Attributes the gold fact leaves out (or sets to null) are not
  checked; neither is the object when the gold fact has none.
* Precision, recall and F1 are micro-averaged over all articles and also broken down per
  type, per language and per article. ``modality_accuracy`` and ``sources_accuracy`` are
  computed on matched pairs only; they do not change F1.

Every ratio whose denominator is zero is reported as ``0.0``.

Entity resolution is measured apart, against labelled name pairs:
:mod:`pressgraph.evaluate.resolution`.

The package is pure: nothing is printed, nothing global is mutated. :func:`render_table` and
:func:`render_errors` return text for the CLI to print.
"""

from __future__ import annotations

from pressgraph.evaluate.gold import (
    GoldProblem,
    GoldSet,
    alias_map,
    article_language,
    canonical_name,
    fact_problems,
    load_gold,
    normalize_name,
    read_gold,
    source_set,
)
from pressgraph.evaluate.matching import (
    AMOUNT_TOLERANCE,
    PERCENT_TOLERANCE,
    facts_match,
    match_facts,
)
from pressgraph.evaluate.render import format_fact, render_errors, render_table
from pressgraph.evaluate.scoring import TYPE_ORDER, EvalReport, score

__all__ = [
    "AMOUNT_TOLERANCE",
    "PERCENT_TOLERANCE",
    "TYPE_ORDER",
    "EvalReport",
    "GoldProblem",
    "GoldSet",
    "alias_map",
    "article_language",
    "canonical_name",
    "fact_problems",
    "facts_match",
    "format_fact",
    "load_gold",
    "match_facts",
    "normalize_name",
    "read_gold",
    "render_errors",
    "render_table",
    "score",
    "source_set",
]
