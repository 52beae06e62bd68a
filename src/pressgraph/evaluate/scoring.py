"""Scores: precision, recall, F1, modality and sources accuracy, overall and per type,
language and article, with the list of errors."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pressgraph.errors import GoldError
from pressgraph.evaluate.gold import (
    alias_map,
    article_language,
    norm_modality,
    norm_type,
    source_set,
)
from pressgraph.evaluate.matching import match_facts
from pressgraph.model import FACT_TYPES

#: Display order of fact types (README order); unknown types follow, alphabetically.
TYPE_ORDER: tuple[str, ...] = FACT_TYPES
_ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "modality", "sources")


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    modality_ok: int = 0
    sources_ok: int = 0

    def as_dict(self) -> dict[str, Any]:
        precision = _ratio(self.tp, self.tp + self.fp)
        recall = _ratio(self.tp, self.tp + self.fn)
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "modality_accuracy": _ratio(self.modality_ok, self.tp),
            "sources_accuracy": _ratio(self.sources_ok, self.tp),
        }


@dataclass(frozen=True)
class EvalReport:
    """The result of :func:`score`.

    ``precision``/``recall``/``f1`` are micro-averaged over all articles (0.0 when their
    denominator is 0). ``modality_accuracy``/``sources_accuracy`` are shares of the
    ``matched`` pairs (0.0 when nothing matched). ``per_type``, ``per_language`` and
    ``per_article`` map a key to ``{tp, fp, fn, precision, recall, f1, modality_accuracy,
    sources_accuracy}`` (``per_article`` entries also carry ``language``); true positives and
    false negatives count under the gold type, false positives under the predicted type.
    ``errors`` lists dicts with ``article``, ``kind`` (``missed``, ``spurious``,
    ``modality`` or ``sources``), ``type``, ``fact`` (the gold fact; the predicted fact for
    ``spurious``) and ``evidence`` (that fact's evidence); ``modality`` and ``sources``
    errors also carry ``predicted`` (the predicted fact), ``expected`` and ``got``.
    """

    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    modality_accuracy: float = 0.0
    sources_accuracy: float = 0.0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched: int = 0
    per_type: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_language: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_article: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready copy of the scores (everything but ``errors``)."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "modality_accuracy": self.modality_accuracy,
            "sources_accuracy": self.sources_accuracy,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "matched": self.matched,
            "per_type": copy.deepcopy(self.per_type),
            "per_language": copy.deepcopy(self.per_language),
            "per_article": copy.deepcopy(self.per_article),
        }


def type_sort_key(ftype: str) -> tuple[int, str]:
    return (TYPE_ORDER.index(ftype), "") if ftype in TYPE_ORDER else (len(TYPE_ORDER), ftype)


def score(
    golds: Sequence[Mapping[str, Any]], predictions: Mapping[str, Sequence[Mapping[str, Any]]]
) -> EvalReport:
    """Score ``predictions`` (gold article ``id`` -> predicted facts) against ``golds``.

    A gold article with no entry in ``predictions`` counts as predicting nothing; entries of
    ``predictions`` whose id is not a gold article are ignored. Every ratio whose
    denominator is zero is 0.0 (so empty predictions give P = R = F1 = 0.0). Raises
    :class:`~pressgraph.errors.GoldError` when two gold articles share an id.
    """
    total = _Counts()
    by_type: dict[str, _Counts] = {}
    by_lang: dict[str, _Counts] = {}
    per_article: dict[str, dict[str, Any]] = {}
    errors: list[dict[str, Any]] = []
    seen: set[str] = set()

    for article in golds:
        art_id = str(article.get("id", ""))
        if art_id in seen:
            raise GoldError(f"duplicate gold article id: {art_id!r}")
        seen.add(art_id)
        lang = article_language(article)
        aliases = alias_map(article)
        gfacts = [f for f in article.get("facts") or [] if isinstance(f, Mapping)]
        pfacts = [f for f in predictions.get(art_id) or [] if isinstance(f, Mapping)]
        pairs = match_facts(gfacts, pfacts, aliases)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        counts = _Counts()
        lang_counts = by_lang.setdefault(lang, _Counts())
        art_errors: dict[str, list[dict[str, Any]]] = {kind: [] for kind in _ERROR_KINDS}

        for gi, pi in pairs:
            gold, pred = gfacts[gi], pfacts[pi]
            ftype = norm_type(gold.get("type"))
            mod_ok = norm_modality(gold.get("modality")) == norm_modality(pred.get("modality"))
            src_ok = source_set(gold, aliases) == source_set(pred, aliases)
            for bucket in (counts, total, lang_counts, by_type.setdefault(ftype, _Counts())):
                bucket.tp += 1
                bucket.modality_ok += int(mod_ok)
                bucket.sources_ok += int(src_ok)
            if not mod_ok:
                expected, got = gold.get("modality"), pred.get("modality")
                art_errors["modality"].append(_error(art_id, "modality", gold, pred, expected, got))
            if not src_ok:
                expected, got = list(gold.get("sources") or []), list(pred.get("sources") or [])
                art_errors["sources"].append(_error(art_id, "sources", gold, pred, expected, got))
        for gi, gold in enumerate(gfacts):
            if gi in matched_g:
                continue
            ftype = norm_type(gold.get("type"))
            for bucket in (counts, total, lang_counts, by_type.setdefault(ftype, _Counts())):
                bucket.fn += 1
            art_errors["missed"].append(_error(art_id, "missed", gold))
        for pi, pred in enumerate(pfacts):
            if pi in matched_p:
                continue
            ftype = norm_type(pred.get("type"))
            for bucket in (counts, total, lang_counts, by_type.setdefault(ftype, _Counts())):
                bucket.fp += 1
            art_errors["spurious"].append(_error(art_id, "spurious", pred))

        per_article[art_id] = {"language": lang, **counts.as_dict()}
        for kind in _ERROR_KINDS:
            errors.extend(art_errors[kind])

    overall = total.as_dict()
    return EvalReport(
        precision=overall["precision"],
        recall=overall["recall"],
        f1=overall["f1"],
        modality_accuracy=overall["modality_accuracy"],
        sources_accuracy=overall["sources_accuracy"],
        tp=total.tp,
        fp=total.fp,
        fn=total.fn,
        matched=total.tp,
        per_type={t: by_type[t].as_dict() for t in sorted(by_type, key=type_sort_key)},
        per_language={lang: by_lang[lang].as_dict() for lang in sorted(by_lang)},
        per_article=per_article,
        errors=errors,
    )


def _error(
    art_id: str,
    kind: str,
    fact: Mapping[str, Any],
    pred: Mapping[str, Any] | None = None,
    expected: Any = None,
    got: Any = None,
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "article": art_id,
        "kind": kind,
        "type": norm_type(fact.get("type")),
        "fact": copy.deepcopy(dict(fact)),
        "evidence": fact.get("evidence") or "",
    }
    if pred is not None:
        error["predicted"] = copy.deepcopy(dict(pred))
        error["expected"] = expected
        error["got"] = got
    return error
