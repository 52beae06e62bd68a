"""Training examples: the fact candidates of hand-labelled articles, each with its label.

Every gold article is parsed and read by the same code as extraction
(:func:`pressgraph.extract.propose_parsed`); each candidate is labelled by the gold facts
of its article:

* ``True`` when its type and parties match a gold fact (the rules of
  :func:`pressgraph.evaluate.facts_match`, attributes aside) whose evidence lies in the
  candidate's sentence;
* ``None`` when they match a gold fact whose evidence is elsewhere in the article (the
  same fact said again, or a candidate that only happens to name the same parties): left
  out of training, as neither a good nor a bad example;
* ``False`` otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pressgraph.evaluate import alias_map, article_language, canonical_name
from pressgraph.model import SYMMETRIC_TYPES, Claim, Document

#: Called after each article is read: (article id, articles done, articles in all).
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Example:
    """One candidate of one gold article."""

    article: str
    language: str
    features: tuple[str, ...]
    claim: Claim
    label: bool | None


def _evidence_span(article: Mapping[str, Any], fact: Mapping[str, Any]) -> tuple[int, int] | None:
    evidence = str(fact.get("evidence") or "")
    if not evidence:
        return None
    text = str(article.get("text") or "")
    start = text.find(evidence[:60])
    if start < 0:
        return None
    return start, start + len(evidence)


def _parties_match(
    ftype: str, gold: Mapping[str, Any], claim: Claim, aliases: Mapping[str, str]
) -> bool:
    gs = canonical_name(gold.get("subject"), aliases)
    go = canonical_name(gold.get("object"), aliases)
    ps = canonical_name(claim.subject, aliases)
    po = canonical_name(claim.object, aliases)
    if gs == ps and (go is None or go == po):
        return True
    return ftype in SYMMETRIC_TYPES and gs == po and go == ps


def label_of(article: Mapping[str, Any], claim: Claim, aliases: Mapping[str, str]) -> bool | None:
    """The label of ``claim`` (a candidate of ``article``): see the module docstring."""
    found_elsewhere = False
    for fact in article.get("facts") or []:
        ftype = str(fact.get("type") or "")
        if ftype != claim.type or not _parties_match(ftype, fact, claim, aliases):
            continue
        span = _evidence_span(article, fact)
        if span is None:
            return True
        start, end = span
        # The candidate's sentence overlaps the gold evidence.
        if claim.evidence_start < end and start < claim.evidence_end:
            return True
        found_elsewhere = True
    return None if found_elsewhere else False


def gold_document(article: Mapping[str, Any]) -> Document:
    """The document of a gold article, as ``pressgraph evaluate`` reads it."""
    return Document.from_text(
        str(article["text"]),
        external_id=str(article["id"]),
        language=article.get("language"),
        published=article.get("date") or None,
    )


def examples(
    articles: Sequence[Mapping[str, Any]], progress: Progress | None = None
) -> dict[str, list[Example]]:
    """The labelled candidates of each gold article (by article id), parsed in batches."""
    from pressgraph import nlp
    from pressgraph.extract import detect_language, propose_parsed

    out: dict[str, list[Example]] = {}
    by_lang: dict[str, list[Mapping[str, Any]]] = {}
    for article in articles:
        doc = gold_document(article)
        lang = doc.language or detect_language(doc.text)
        by_lang.setdefault(lang, []).append(article)
    done = 0
    for lang in sorted(by_lang):
        group = by_lang[lang]
        pipe = nlp.load(lang)
        for article, parsed in zip(group, pipe.pipe(str(a["text"]) for a in group), strict=True):
            art_id = str(article["id"])
            aliases = alias_map(article)
            language = article_language(article)
            proposals = propose_parsed(gold_document(article), parsed, lang)
            out[art_id] = [
                Example(art_id, language, p.features, p.claim, label_of(article, p.claim, aliases))
                for p in proposals
            ]
            done += 1
            if progress is not None:
                progress(art_id, done, len(articles))
    return out


def candidate_recall(
    articles: Sequence[Mapping[str, Any]], found: Mapping[str, Sequence[Example]]
) -> dict[str, Any]:
    """Share of gold facts with a candidate of the same type and parties (``parties``) and
    with one that also carries the gold attributes (``full``), overall and per language."""
    from pressgraph.evaluate import facts_match

    counts: dict[str, list[int]] = {}
    for article in articles:
        aliases = alias_map(article)
        lang = article_language(article)
        claims = [e.claim for e in found.get(str(article["id"]), [])]
        for fact in article.get("facts") or []:
            ftype = str(fact.get("type") or "")
            typed = [c for c in claims if c.type == ftype]
            parties = any(_parties_match(ftype, fact, c, aliases) for c in typed)
            full = any(facts_match(fact, g, aliases) for c in typed for g in c.gold_facts())
            for key in ("all", lang):
                row = counts.setdefault(key, [0, 0, 0])
                row[0] += 1
                row[1] += int(parties)
                row[2] += int(full)
    return {
        key: {
            "facts": n,
            "parties": hit / n if n else 0.0,
            "full": whole / n if n else 0.0,
        }
        for key, (n, hit, whole) in sorted(counts.items())
    }
