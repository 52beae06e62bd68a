"""Flat rows of a graph: one per entity, one per fact, one per claim.

Each table's columns are declared once (:data:`ENTITY_COLUMNS`, :data:`FACT_COLUMNS`,
:data:`CLAIM_COLUMNS`) with a kind that the writers map to their own types: CSV cells
(lists as JSON arrays), Parquet/Arrow types (lists, structs) and Neo4j header types.

Kinds: ``str``, ``float``, ``int``, ``bool``, ``strs`` (a list of strings), ``ints`` (a
list of integers), ``chain`` (an attribution chain: a list of ``{name, kind, entity_id}``,
kind ``source`` or ``relay``), ``chains`` (one chain per claim of a fact), ``arguments``
(a list of ``{role, text, start, end}``: where each argument of a claim is in its article).

Time is written as the store keeps it, ISO dates of 4, 7 or 10 characters: ``valid_from``
and ``valid_to`` are the fact's own time (its ``date`` and ``until``), ``published`` and
``reported`` the articles' (``reported_from_ingest`` when an article has no date and the
day it was read stands for it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pressgraph.export.graph import Graph, chain_text, clean
from pressgraph.resolve.facts import Fact, reported_on

__all__ = [
    "CLAIM_COLUMNS",
    "ENTITY_COLUMNS",
    "FACT_COLUMNS",
    "TABLES",
    "chain",
    "claim_rows",
    "entity_rows",
    "fact_rows",
    "tables",
]

ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("entity_id", "int"),
    ("name", "str"),
    ("type", "str"),
    ("aliases", "strs"),
    ("owner", "str"),
    ("products", "strs"),
    ("documents", "int"),
    ("mentions", "int"),
    ("claims", "int"),
)

_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("type", "str"),
    ("subject", "str"),
    ("subject_id", "int"),
    ("object", "str"),
    ("object_id", "int"),
    ("amount", "float"),
    ("currency", "str"),
    ("amount_kind", "str"),
    ("percent", "float"),
    ("valid_from", "str"),
    ("valid_to", "str"),
    ("role", "str"),
    ("value", "str"),
)

FACT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("fact_id", "str"),
    *_ATTRIBUTES,
    ("status", "str"),
    ("modality", "str"),
    ("superseded_by", "strs"),
    ("conflicts_with", "strs"),
    ("sources", "strs"),
    ("independent_sources", "int"),
    ("first_reported", "str"),
    ("last_reported", "str"),
    ("reported_from_ingest", "bool"),
    ("claims", "int"),
    # Provenance, one item per claim of the fact (in the order of the claims table).
    ("claim_ids", "strs"),
    ("document_ids", "strs"),
    ("outlets", "strs"),
    ("urls", "strs"),
    ("published", "strs"),
    ("evidence", "strs"),
    ("evidence_starts", "ints"),
    ("evidence_ends", "ints"),
    ("attributions", "strs"),
    ("attribution_chains", "chains"),
    ("modalities", "strs"),
)

CLAIM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("claim_id", "str"),
    ("fact_id", "str"),
    ("change_of", "str"),
    *_ATTRIBUTES,
    ("previous_amount", "float"),
    ("previous_percent", "float"),
    ("modality", "str"),
    ("fact_status", "str"),
    ("document_id", "str"),
    ("external_id", "str"),
    ("title", "str"),
    ("outlet", "str"),
    ("url", "str"),
    ("language", "str"),
    ("published", "str"),
    ("reported", "str"),
    ("reported_from_ingest", "bool"),
    ("story", "str"),
    ("evidence", "str"),
    ("evidence_start", "int"),
    ("evidence_end", "int"),
    ("attribution", "str"),
    ("attribution_chain", "chain"),
    ("arguments", "arguments"),
)

#: The tables of the CSV and Parquet exports, in file order.
TABLES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("entities", ENTITY_COLUMNS),
    ("facts", FACT_COLUMNS),
    ("claims", CLAIM_COLUMNS),
)


def _text(value: Any) -> str | None:
    return None if value is None else clean(str(value))


def chain(claim: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A claim's attribution chain: who says it (``source``) and who relays it (``relay``),
    in the article's order, with the stored entity of each name when there is one."""
    return [
        {
            "name": clean(str(link["name"])),
            "kind": link.get("kind", "source"),
            "entity_id": link.get("entity_id"),
        }
        for link in claim.get("sources") or []
    ]


def _attributes(fact: Fact | None, claim: Mapping[str, Any]) -> dict[str, Any]:
    """Type, parties and attributes: the fact's (merged from its claims), or the claim's."""
    who: Mapping[str, Any] = claim
    values: Mapping[str, Any] = claim
    if fact is not None:
        who = {
            "type": fact.type,
            "subject": fact.subject,
            "subject_id": fact.subject_id,
            "object": fact.object,
            "object_id": fact.object_id,
        }
        values = fact.attributes
    return {
        "type": who["type"],
        "subject": _text(who["subject"]),
        "subject_id": who["subject_id"],
        "object": _text(who.get("object")),
        "object_id": who.get("object_id"),
        "amount": values.get("amount"),
        "currency": _text(values.get("currency")),
        "amount_kind": values.get("amount_kind"),
        "percent": values.get("percent"),
        "valid_from": _text(values.get("date")),
        "valid_to": _text(values.get("until")),
        "role": _text(values.get("role")),
        "value": _text(values.get("value")),
    }


def entity_rows(graph: Graph) -> list[dict[str, Any]]:
    return [
        {
            "entity_id": e["id"],
            "name": _text(e["name"]),
            "type": e["type"],
            "aliases": [clean(a) for a in e.get("aliases") or []],
            "owner": _text(e.get("owner")),
            "products": [clean(p) for p in e.get("products") or []],
            "documents": e.get("documents"),
            "mentions": e.get("mentions"),
            "claims": e.get("claims"),
        }
        for e in graph.entities
    ]


def fact_rows(graph: Graph) -> list[dict[str, Any]]:
    rows = []
    for fact in graph.facts:
        claims = fact.claims
        rows.append(
            {
                "fact_id": fact.id,
                **_attributes(fact, claims[0]),
                "status": fact.status,
                "modality": fact.modality,
                "superseded_by": list(fact.superseded_by),
                "conflicts_with": list(fact.conflicts_with),
                "sources": [clean(s) for s in fact.sources],
                "independent_sources": fact.independent_sources,
                "first_reported": fact.first_reported,
                "last_reported": fact.last_reported,
                "reported_from_ingest": fact.reported_from_ingest,
                "claims": len(claims),
                "claim_ids": [c["id"] for c in claims],
                "document_ids": [c["document"] for c in claims],
                "outlets": [clean(c.get("outlet") or "") for c in claims],
                "urls": [clean(c.get("url") or "") for c in claims],
                "published": [c.get("published") or "" for c in claims],
                "evidence": [clean(c.get("evidence") or "") for c in claims],
                "evidence_starts": [c.get("evidence_start") for c in claims],
                "evidence_ends": [c.get("evidence_end") for c in claims],
                "attributions": [clean(chain_text(c)) for c in claims],
                "attribution_chains": [chain(c) for c in claims],
                "modalities": [c["modality"] for c in claims],
            }
        )
    return rows


def _arguments(claim: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "role": _text(a.get("role")),
            "text": _text(a.get("text")),
            "start": a.get("start"),
            "end": a.get("end"),
        }
        for a in claim.get("arguments") or []
    ]


def claim_rows(graph: Graph) -> list[dict[str, Any]]:
    documents = graph.document_by_id()
    rows = []
    for fact, claim in graph.claims():
        doc = documents.get(claim["document"], {})
        day, from_ingest = reported_on(claim)
        rows.append(
            {
                "claim_id": claim["id"],
                "fact_id": fact.id,
                "change_of": claim.get("change_of"),
                **_attributes(None, claim),
                "previous_amount": claim.get("previous_amount"),
                "previous_percent": claim.get("previous_percent"),
                "modality": claim["modality"],
                "fact_status": fact.status,
                "document_id": claim["document"],
                "external_id": _text(doc.get("external_id")),
                "title": _text(claim.get("title")),
                "outlet": _text(claim.get("outlet")),
                "url": _text(claim.get("url")),
                "language": doc.get("language"),
                "published": _text(claim.get("published")),
                "reported": day or None,
                "reported_from_ingest": from_ingest,
                "story": claim.get("story"),
                "evidence": _text(claim.get("evidence")),
                "evidence_start": claim.get("evidence_start"),
                "evidence_end": claim.get("evidence_end"),
                "attribution": _text(chain_text(claim)) or None,
                "attribution_chain": chain(claim),
                "arguments": _arguments(claim),
            }
        )
    return rows


def tables(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    """The three tables of :data:`TABLES`, by name."""
    return {"entities": entity_rows(graph), "facts": fact_rows(graph), "claims": claim_rows(graph)}
