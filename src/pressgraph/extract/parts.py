"""A text longer than one parse, extracted part by part with its offsets kept.

:func:`pressgraph.nlp.parse_parts` cuts such a text at paragraph boundaries into parts of
at most :func:`pressgraph.nlp.part_limit` characters and parses them in turn.
:func:`extract_in_parts` reads each part as a document of its own (the same id and
metadata, the part as its text: :func:`~pressgraph.extract.extract_parsed` unchanged) and
merges the parts' extractions, every offset shifted by where its part starts, so each
claim's evidence and arguments, and each mention, point into the full text.

Why not join the parts' ``Doc`` objects into one (``Doc.from_docs``) and extract once? The
joined ``Doc`` holds the tokens of the whole text at once, and extraction's per-document
searches (coreference, salience) would run over all of it: memory and time would grow with
the text, which is what the parts are for. Part by part, memory is bounded by one part
(each part's ``Doc`` is dropped once read) and time grows linearly with the number of
parts. The price, for texts that long only: coreference does not cross a part boundary (a
pronoun opening a part does not reach back into the previous one), and the date the first
part's dateline gives is the reference date of later parts too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from pressgraph.extract.scorer import Model
from pressgraph.model import Argument, Claim, Document, Entity, Extraction, Mention, Source

__all__ = ["extract_in_parts", "shift_claim"]


def shift_claim(claim: Claim, offset: int) -> Claim:
    """``claim`` with every offset (evidence, arguments, sources) moved by ``offset``."""
    return replace(
        claim,
        evidence_start=claim.evidence_start + offset,
        evidence_end=claim.evidence_end + offset,
        arguments=tuple(
            Argument(a.role, a.text, a.start + offset, a.end + offset) for a in claim.arguments
        ),
        sources=tuple(
            Source(
                s.name,
                s.kind,
                None if s.start is None else s.start + offset,
                None if s.end is None else s.end + offset,
            )
            for s in claim.sources
        ),
    )


def _merge_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """One entity per (name, type), in order of first sight, with the aliases of all."""
    merged: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        key = (entity.name, entity.type)
        seen = merged.get(key)
        if seen is None:
            merged[key] = entity
            continue
        aliases = (*seen.aliases, *(a for a in entity.aliases if a not in seen.aliases))
        merged[key] = replace(seen, aliases=aliases, owner=seen.owner or entity.owner)
    return tuple(merged.values())


def extract_in_parts(
    document: Document,
    parts: Iterable[tuple[int, Doc]],
    lang: str,
    model: Model | None = None,
) -> Extraction:
    """The extraction of ``document`` from the parses of its parts, ``(offset of the part
    in document.text, its Doc)`` in order (see the module docstring). A document of one
    part at offset 0 is read exactly as :func:`~pressgraph.extract.extract_parsed` reads it.
    """
    from pressgraph.extract import extract_parsed  # the package imports this module

    entities: list[Entity] = []
    mentions: list[Mention] = []
    claims: list[Claim] = []
    first: Extraction | None = None
    for offset, parsed in parts:
        if offset == 0 and len(parsed.text) == len(document.text):
            return extract_parsed(document, parsed, lang, model)
        # The part as written (the parse's text has wire markup blanked: same length).
        text = document.text[offset : offset + len(parsed.text)]
        reference = first.document.published if first is not None else document.published
        part = replace(document, text=text, published=reference)
        got = extract_parsed(part, parsed, lang, model)
        first = first or got
        entities += got.entities
        mentions += (replace(m, start=m.start + offset, end=m.end + offset) for m in got.mentions)
        claims += (shift_claim(c, offset) for c in got.claims)
    if first is None:  # a blank text
        whole = replace(document, language=document.language or lang)
    else:
        whole = replace(first.document, text=document.text)
    return Extraction(whole, lang, _merge_entities(entities), tuple(mentions), tuple(claims))
