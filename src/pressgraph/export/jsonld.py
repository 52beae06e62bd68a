"""JSON-LD with schema.org types; the context is inline, so no processor fetches anything.

- Each entity is a ``schema:Organization``, ``schema:Person``, ``schema:Product`` or
  ``schema:Place`` (``urn:pressgraph:entity:<id>``) with its name and alternate names.
- Each cited article is a ``schema:NewsArticle`` (``urn:pressgraph:document:<id>``): headline,
  publisher (its outlet), URL, publication date, language.
- Each fact is a ``schema:Claim`` and an ``rdf:Statement`` (``urn:pressgraph:fact:<id>``):
  ``rdf:subject``, ``rdf:predicate`` (``pg:investment``...), ``rdf:object``; its amount as a
  ``schema:MonetaryAmount``, its valid time as ``schema:validFrom`` / ``schema:validThrough``;
  status, modality, original sources, first and last report; ``schema:citation`` and
  ``schema:firstAppearance`` name its articles; ``pg:report`` holds one node per claim (what
  one article says: evidence, offsets, modality, and the attribution chain as an ordered
  ``@list`` of sources and relays).

Terms outside schema.org and RDF are in the ``pg:`` vocabulary (``urn:pressgraph:vocab:``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pressgraph.export.graph import Graph, chain_text, clean
from pressgraph.report import fact_line
from pressgraph.resolve.facts import Fact, reported_on

__all__ = ["CONTEXT", "VOCAB", "to_jsonld"]

VOCAB = "urn:pressgraph:vocab:"
_ENTITY = "urn:pressgraph:entity:"
_DOCUMENT = "urn:pressgraph:document:"
_FACT = "urn:pressgraph:fact:"
_CLAIM = "urn:pressgraph:claim:"
_TYPES = {"ORG": "Organization", "PERSON": "Person", "PRODUCT": "Product", "PLACE": "Place"}


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri, "@type": "@id"}


#: The inline context: every term the document uses, mapped to schema.org, RDF or pg:.
CONTEXT: dict[str, Any] = {
    "schema": "https://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "pg": VOCAB,
    # types
    "Organization": "schema:Organization",
    "Person": "schema:Person",
    "Product": "schema:Product",
    "Place": "schema:Place",
    "NewsArticle": "schema:NewsArticle",
    "Claim": "schema:Claim",
    "Statement": "rdf:Statement",
    "MonetaryAmount": "schema:MonetaryAmount",
    "Report": "pg:Report",
    "AttributionLink": "pg:AttributionLink",
    # entities and articles
    "name": "schema:name",
    "alternateName": {"@id": "schema:alternateName", "@container": "@set"},
    "entityType": "pg:entityType",
    "owner": _ref("pg:owner"),
    "headline": "schema:headline",
    "publisher": "schema:publisher",
    "url": "schema:url",
    "datePublished": "schema:datePublished",
    "inLanguage": "schema:inLanguage",
    "identifier": "schema:identifier",
    "story": "pg:story",
    # facts
    "subject": _ref("rdf:subject"),
    "predicate": _ref("rdf:predicate"),
    "object": _ref("rdf:object"),
    "about": {"@id": "schema:about", "@type": "@id", "@container": "@set"},
    "text": "schema:text",
    "factType": "pg:factType",
    "amount": "pg:amount",
    "value": "schema:value",
    "currency": "schema:currency",
    "amountKind": "pg:amountKind",
    "percent": "pg:percent",
    "validFrom": "schema:validFrom",
    "validThrough": "schema:validThrough",
    "role": "pg:role",
    "statedValue": "pg:statedValue",
    "status": "pg:status",
    "modality": "pg:modality",
    "supersededBy": {"@id": "pg:supersededBy", "@type": "@id", "@container": "@set"},
    "conflictsWith": {"@id": "pg:conflictsWith", "@type": "@id", "@container": "@set"},
    "originalSource": {"@id": "pg:originalSource", "@container": "@set"},
    "independentSources": "pg:independentSources",
    "firstReported": "pg:firstReported",
    "lastReported": "pg:lastReported",
    "reportedFromIngest": "pg:reportedFromIngest",
    "citation": {"@id": "schema:citation", "@type": "@id", "@container": "@set"},
    "firstAppearance": _ref("schema:firstAppearance"),
    "report": {"@id": "pg:report", "@container": "@set"},
    # claims
    "reportedIn": _ref("pg:reportedIn"),
    "reported": "pg:reported",
    "changeOf": _ref("pg:changeOf"),
    "evidence": "pg:evidence",
    "evidenceStart": "pg:evidenceStart",
    "evidenceEnd": "pg:evidenceEnd",
    "attribution": "pg:attributionText",
    "attributionChain": {"@id": "pg:attribution", "@container": "@list"},
    "kind": "pg:kind",
    "entity": _ref("pg:entity"),
}


def _text(value: Any) -> str | None:
    return None if value is None else clean(str(value))


def _drop_none(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v is not None and v != []}


def _entity(entity: Mapping[str, Any], ids: Mapping[str, int]) -> dict[str, Any]:
    owner = entity.get("owner")
    owner_id = ids.get(owner) if isinstance(owner, str) else None
    return _drop_none(
        {
            "@id": f"{_ENTITY}{entity['id']}",
            "@type": _TYPES.get(entity["type"], "Organization"),
            "name": _text(entity["name"]),
            "entityType": entity["type"],
            "alternateName": [clean(a) for a in entity.get("aliases") or [] if a != entity["name"]],
            "owner": None if owner_id is None else f"{_ENTITY}{owner_id}",
        }
    )


def _article(doc: Mapping[str, Any]) -> dict[str, Any]:
    outlet = _text(doc.get("outlet"))
    return _drop_none(
        {
            "@id": f"{_DOCUMENT}{doc['id']}",
            "@type": "NewsArticle",
            "identifier": _text(doc.get("external_id")) or doc["id"],
            "headline": _text(doc.get("title")),
            "publisher": {"@type": "Organization", "name": outlet} if outlet else None,
            "url": _text(doc.get("url")),
            "datePublished": doc.get("published"),
            "inLanguage": doc.get("language"),
            "story": doc.get("story"),
        }
    )


def _entity_iri(entity_id: int | None) -> str | None:
    return None if entity_id is None else f"{_ENTITY}{entity_id}"


def _report(claim: Mapping[str, Any], exported: set[int]) -> dict[str, Any]:
    day, from_ingest = reported_on(claim)
    chain = [
        _drop_none(
            {
                "@type": "AttributionLink",
                "name": clean(str(link["name"])),
                "kind": link.get("kind", "source"),
                "entity": _entity_iri(link.get("entity_id"))
                if link.get("entity_id") in exported
                else None,
            }
        )
        for link in claim.get("sources") or []
    ]
    return _drop_none(
        {
            "@id": f"{_CLAIM}{claim['id']}",
            "@type": "Report",
            "reportedIn": f"{_DOCUMENT}{claim['document']}",
            "reported": day or None,
            "reportedFromIngest": from_ingest,
            "modality": claim["modality"],
            "changeOf": f"{_CLAIM}{claim['change_of']}" if claim.get("change_of") else None,
            "evidence": _text(claim.get("evidence")),
            "evidenceStart": claim.get("evidence_start"),
            "evidenceEnd": claim.get("evidence_end"),
            "attribution": _text(chain_text(claim)) or None,
            "attributionChain": chain or None,
        }
    )


def _fact(fact: Fact, exported: set[int]) -> dict[str, Any]:
    a = fact.attributes
    amount = None
    if a.get("amount") is not None:
        amount = _drop_none(
            {"@type": "MonetaryAmount", "value": a["amount"], "currency": _text(a.get("currency"))}
        )
    ordered = sorted(fact.claims, key=lambda c: reported_on(c)[0])
    articles = list(dict.fromkeys(f"{_DOCUMENT}{c['document']}" for c in ordered))
    parties = [_entity_iri(fact.subject_id), _entity_iri(fact.object_id)]
    return _drop_none(
        {
            "@id": f"{_FACT}{fact.id}",
            "@type": ["Claim", "Statement"],
            "text": clean(fact_line(fact.head())),
            "factType": fact.type,
            "subject": _entity_iri(fact.subject_id),
            "predicate": f"pg:{fact.type}",
            "object": _entity_iri(fact.object_id),
            "about": [p for p in parties if p is not None],
            "amount": amount,
            "amountKind": a.get("amount_kind"),
            "percent": a.get("percent"),
            "validFrom": _text(a.get("date")),
            "validThrough": _text(a.get("until")),
            "role": _text(a.get("role")),
            "statedValue": _text(a.get("value")),
            "status": fact.status,
            "modality": fact.modality,
            "supersededBy": [f"{_FACT}{i}" for i in fact.superseded_by],
            "conflictsWith": [f"{_FACT}{i}" for i in fact.conflicts_with],
            "originalSource": [clean(s) for s in fact.sources],
            "independentSources": fact.independent_sources,
            "firstReported": fact.first_reported,
            "lastReported": fact.last_reported,
            "reportedFromIngest": fact.reported_from_ingest,
            "citation": articles,
            "firstAppearance": articles[0] if articles else None,
            "report": [_report(c, exported) for c in fact.claims],
        }
    )


def to_jsonld(graph: Graph) -> dict[str, Any]:
    """The graph as one JSON-LD document: ``{"@context": {...}, "@graph": [...]}``."""
    ids = {e["name"]: e["id"] for e in graph.entities}
    exported = set(ids.values())
    nodes: list[dict[str, Any]] = [_entity(e, ids) for e in graph.entities]
    nodes += [_article(d) for d in graph.documents]
    nodes += [_fact(f, exported) for f in graph.facts]
    return {"@context": CONTEXT, "@graph": nodes}
