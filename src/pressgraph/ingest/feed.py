"""RSS and Atom feeds: a pure ``parse_feed(bytes) -> entries``, one article an entry.

Each :class:`FeedEntry` keeps the entry's title, its text (the longest of its content and
summary, HTML reduced to paragraphs by :func:`~pressgraph.ingest.html.fragment_text`), its
link, its publication date (else its update date), the feed's title as outlet and the
feed's language. :func:`entry_document` makes the :class:`Document`: the title, then the
text, as for ``.txt`` files. With ``--follow`` the shell fetches the link instead and only
fills the page's gaps from the entry (:func:`fill_from_entry`).

A feed that declares XML entities (``<!ENTITY``) is refused before any parser sees it: the
declarations serve entity-expansion attacks ("billion laughs"), never news. feedparser is
also kept from reaching external entities.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

import feedparser

from pressgraph.errors import IngestError
from pressgraph.ingest.html import fragment_text
from pressgraph.model import Document

__all__ = ["FeedEntry", "entry_document", "fill_from_entry", "looks_like_feed", "parse_feed"]

_ENTITY_DECLARATIONS = tuple(
    "<!ENTITY".encode(codec) for codec in ("ascii", "utf-16-le", "utf-16-be")
)
#: The first bytes of a feed hold its root element after the prolog.
_SNIFF_CHARS = 2048
_ROOTS = ("<rss", "<feed", "<rdf:rdf")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed, before it becomes a document."""

    source: str  # feed source and entry number: ``feed.xml[3]``
    title: str | None
    text: str
    link: str | None
    published: str | None
    outlet: str | None
    language: str | None


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, RDF or Atom document (not an HTML page)."""
    head = data[:_SNIFF_CHARS].decode("utf-8", "replace").lower()
    return any(root in head for root in _ROOTS) and "<html" not in head


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return time.strftime("%Y-%m-%d", parsed)


def _language(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().split("-")[0].split("_")[0].lower() or None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _entry_text(entry: Any) -> str:
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [fragment_text(c) for c in candidates if isinstance(c, str)]
    return max(texts, key=len, default="")


def parse_feed(data: bytes, *, source: str, base_url: str | None = None) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed, in feed order.

    Raises :class:`IngestError` for an empty file, entity declarations, or bytes that are
    not a feed. ``base_url`` (where the feed was fetched) resolves relative links. An
    entry without text is kept (``text == ""``): with ``--follow`` its link
    still gives a page; otherwise :func:`entry_document` reports it.
    """
    if not data.strip():
        raise IngestError(source, "empty file")
    if any(marker in data for marker in _ENTITY_DECLARATIONS):
        raise IngestError(
            source, "XML entity declarations refused (<!ENTITY>: entity-expansion attack?)"
        )
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(
        data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise IngestError(source, f"not an RSS or Atom feed{detail}")
    feed = parsed.feed
    outlet = _clean(feed.get("title"))
    language = _language(feed.get("language"))
    entries = []
    for number, entry in enumerate(parsed.entries, start=1):
        entries.append(
            FeedEntry(
                source=f"{source}[{number}]",
                title=_clean(entry.get("title")),
                text=_entry_text(entry),
                link=_clean(entry.get("link")),
                published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                outlet=outlet,
                language=_language(entry.get("language")) or language,
            )
        )
    return entries


def entry_document(entry: FeedEntry) -> Document:
    """The document of a feed entry: its title, then its text. Raises
    :class:`IngestError` when the entry has no text (a title alone is not an article)."""
    if not entry.text:
        raise IngestError(
            entry.source,
            "feed entry has no text, only a title and a link (--follow fetches the link)",
        )
    text = entry.text
    if entry.title and not text.startswith(entry.title):
        text = f"{entry.title}\n\n{text}"
    return Document.from_text(
        text,
        title=entry.title,
        outlet=entry.outlet,
        url=entry.link,
        published=entry.published,
        language=entry.language,
        source=entry.source,
    )


def fill_from_entry(page: Document, entry: FeedEntry) -> Document:
    """The page fetched for an entry, with what the page lacks taken from the entry."""
    return replace(
        page,
        title=page.title or entry.title,
        outlet=page.outlet or entry.outlet,
        published=page.published or entry.published,
        language=page.language or entry.language,
        url=page.url or entry.link,
        source=f"{entry.source} {page.source}",
    )
