"""What each page of the web UI shows, built from the read API (:mod:`pressgraph.query`,
:mod:`pressgraph.report`): the pure core of the web UI.

Each function takes an open store and the page's parameters and returns a :class:`View`:
``data``, the JSON twin of the page (``?format=json``; a dossier is
:func:`pressgraph.report.to_json`'s shape, a search :meth:`SearchResults.to_dict`'s, each
with the page's ``page`` block beside), and ``context``, what the template needs beyond it
(hrefs, highlighted text, the graph). Nothing here writes HTML: the templates escape every
value they print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from pressgraph import query, report
from pressgraph.store import Store
from pressgraph.web.graph import deal_graph
from pressgraph.web.highlight import highlight
from pressgraph.web.links import chain_text, href_of

__all__ = [
    "DOCUMENTS_PER_PAGE",
    "ENTITIES_PER_PAGE",
    "FACTS_PER_PAGE",
    "Page",
    "View",
    "document_view",
    "dossier_view",
    "home_view",
    "search_view",
]

ENTITIES_PER_PAGE = 20
DOCUMENTS_PER_PAGE = 20
RESULTS_PER_PAGE = 20
FACTS_PER_PAGE = 50
CLAIMS_PER_PAGE = 100
STORY_PER_PAGE = 20


@dataclass(frozen=True)
class Page:
    """One page of a list: its number (from 1), its size, and the list's total when known
    (a search does not count its matches: ``more`` says whether a next page has any)."""

    number: int
    size: int
    total: int | None = None
    more: bool = False

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def pages(self) -> int | None:
        return None if self.total is None else max(1, math.ceil(self.total / self.size))

    @property
    def has_next(self) -> bool:
        if self.total is None:
            return self.more
        return self.number * self.size < self.total

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "size": self.size,
            "total": self.total,
            "pages": self.pages,
            "has_next": self.has_next,
        }


@dataclass(frozen=True)
class View:
    """A page: its template, its JSON twin and what else its template needs."""

    template: str
    title: str
    data: dict[str, Any]
    context: dict[str, Any] = field(default_factory=dict)
    status: int = 200


def home_view(store: Store, entities_page: int = 1, documents_page: int = 1) -> View:
    """The entities named by the most claims, and the latest documents."""
    ents = Page(entities_page, ENTITIES_PER_PAGE)
    entities, n_entities = query.top_entities(store, limit=ents.size, offset=ents.offset)
    ents = Page(ents.number, ents.size, n_entities)
    docs = Page(documents_page, DOCUMENTS_PER_PAGE)
    documents, n_documents = query.latest_documents(store, limit=docs.size, offset=docs.offset)
    docs = Page(docs.number, docs.size, n_documents)
    data = {
        "entities": [
            {k: e[k] for k in ("name", "type", "aliases", "documents", "claims", "mentions")}
            for e in entities
        ],
        "entities_page": ents.to_dict(),
        "documents": documents,
        "documents_page": docs.to_dict(),
    }
    return View("index.html", "pressgraph", data, {"entities_pager": ents, "documents_pager": docs})


def search_view(store: Store, text: str | None, page: int = 1) -> View:
    """Entities and documents matching ``text``, one page of each (``RESULTS_PER_PAGE``);
    nothing typed is the empty search form."""
    if text is None or not text.strip():
        empty: dict[str, Any] = {"query": text or "", "entities": [], "documents": []}
        return View("search.html", "Search", empty, {"pager": Page(1, RESULTS_PER_PAGE)})
    pager = Page(page, RESULTS_PER_PAGE)
    # One more than a page of each kind says whether a next page has any.
    found = query.search(store, text, limit=pager.size + 1, offset=pager.offset)
    data = found.to_dict()
    more = len(data["entities"]) > pager.size or len(data["documents"]) > pager.size
    data["entities"] = data["entities"][: pager.size]
    data["documents"] = data["documents"][: pager.size]
    data["limit"] = pager.size
    pager = Page(pager.number, pager.size, None, more)
    data["page"] = pager.to_dict()
    return View("search.html", f"Search: {text}", data, {"pager": pager})


def _claim_lines(fact: dict[str, Any]) -> list[dict[str, Any]]:
    return [{**c, "chain": chain_text(c.get("attribution") or [])} for c in fact["claims"]]


def dossier_view(
    store: Store,
    name: str,
    with_: str | None = None,
    *,
    as_of: str | None = None,
    page: int = 1,
) -> View:
    """The dossier of an entity (or a pair): one page of its facts (``FACTS_PER_PAGE``, in
    the report's order), each fact's claims with their chains, the timeline of those facts
    and the graph of their deals."""
    d = query.dossier(store, name, with_, as_of=as_of)
    full = report.to_json(d)
    pager = Page(page, FACTS_PER_PAGE, len(full["facts"]))
    facts = full["facts"][pager.offset : pager.offset + pager.size]
    shown = {f["id"] for f in facts}
    timeline = [r for r in report.timeline_rows(d) if r["fact_id"] in shown]
    data = {**full, "facts": facts, "timeline": timeline, "page": pager.to_dict()}
    by_status = {
        status: [{**f, "lines": _claim_lines(f)} for f in facts if f["status"] == status]
        for status, _ in report.STATUS_TITLES
    }
    context = {
        "sections": [(s, heading, by_status[s]) for s, heading in report.STATUS_TITLES],
        "fact_lines": {f["id"]: report.fact_line(f) for f in facts},
        "graph": deal_graph(d.entity["name"], facts),
        "pager": pager,
        "other_names": [a for a in full["aliases"] if a != full["entity"]],
    }
    title = full["entity"] + (f" \u2014 {full['with']}" if full["with"] else "")
    return View("dossier.html", title, data, context)


_CLAIM_KEYS = (
    *("id", "type", "subject", "object", "amount", "currency", "amount_kind", "percent"),
    *("date", "until", "role", "value", "previous_amount", "previous_percent"),
    *("modality", "evidence", "evidence_start", "evidence_end"),
)


def _claim_view(claim: dict[str, Any]) -> dict[str, Any]:
    attribution = [{"name": s["name"], "kind": s["kind"]} for s in claim["sources"]]
    out = {k: claim.get(k) for k in _CLAIM_KEYS}
    out["sources"] = [s["name"] for s in attribution]
    out["attribution"] = attribution
    return out


def document_view(store: Store, doc_id: str, *, page: int = 1, story_page: int = 1) -> View:
    """An article: its text with every claim's evidence highlighted, one page of its claims,
    its outlet, date and URL (a link only when it is an http(s) URL), and its story."""
    doc = query.document(store, doc_id)
    claims = [_claim_view(c) for c in doc["claims"]]
    pager = Page(page, CLAIMS_PER_PAGE, len(claims))
    story_pager = Page(story_page, STORY_PER_PAGE)
    story, n_story = query.story(store, doc, limit=story_pager.size, offset=story_pager.offset)
    story_pager = Page(story_pager.number, story_pager.size, n_story)
    keys = ("id", "external_id", "title", "outlet", "url", "published", "language", "source")
    data: dict[str, Any] = {k: doc.get(k) for k in keys}
    data.update(
        ingested_at=doc.get("ingested_at"),
        story=doc.get("story"),
        text=doc["text"],
        claims=claims[pager.offset : pager.offset + pager.size],
        claims_page=pager.to_dict(),
        story_documents=story,
        story_page=story_pager.to_dict(),
    )
    spans = [(c["evidence_start"], c["evidence_end"]) for c in claims]
    context = {
        "blocks": highlight(doc["text"], spans),
        "url_href": href_of(doc.get("url")),
        "claim_lines": [
            {**c, "line": report.fact_line(c), "chain": chain_text(c["attribution"])}
            for c in data["claims"]
        ],
        "pager": pager,
        "story_pager": story_pager,
    }
    return View("document.html", doc.get("title") or doc["id"], data, context)
