"""Where the web UI's links go, and which URLs from the data may become links.

Pure functions: every path segment taken from the data (an entity name, a document id) is
percent-encoded whole (a ``/`` in a name stays in its segment), every anchor is made of
digits and hex, and a URL read from an article becomes an ``href`` only when it is an
``http(s)`` URL without spaces or control characters (a ``javascript:`` or ``data:`` URL
is shown as text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote, urlencode, urlsplit

__all__ = [
    "chain_text",
    "document_href",
    "entity_href",
    "evidence_anchor",
    "fact_anchor",
    "href_of",
    "pair_href",
    "with_params",
]

_FACT_ID = re.compile(r"[^0-9A-Za-z_-]")
_UNSAFE_URL = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>\\`]")


def _segment(value: str) -> str:
    return quote(value, safe="")


def entity_href(name: str) -> str:
    """The dossier page of an entity."""
    return f"/entity/{_segment(name)}"


def pair_href(a: str, b: str) -> str:
    """The relationship dossier of two entities."""
    return f"/pair/{_segment(a)}/{_segment(b)}"


def evidence_anchor(start: int, end: int) -> str:
    """The id of an evidence sentence on its document page."""
    return f"ev-{int(start)}-{int(end)}"


def fact_anchor(fact_id: str) -> str:
    """The id of a fact on a dossier page."""
    return "fact-" + _FACT_ID.sub("", str(fact_id))


def document_href(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """A document page; with offsets, the anchor of that evidence sentence."""
    href = f"/document/{_segment(doc_id)}"
    if start is not None and end is not None:
        href += "#" + evidence_anchor(start, end)
    return href


def with_params(path: str, params: Mapping[str, object | None]) -> str:
    """``path`` with a query string of the params that are not None."""
    kept = {k: str(v) for k, v in params.items() if v is not None}
    return f"{path}?{urlencode(kept)}" if kept else path


def href_of(url: str | None) -> str | None:
    """``url`` when it is safe as a link (an absolute ``http``/``https`` URL with a host,
    without spaces, quotes or control characters), else None: the page shows it as text."""
    if not url or _UNSAFE_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def chain_text(attribution: list[Mapping[str, object]]) -> str:
    """An attribution chain in words: "Reuters, relayed by Le Monde"."""
    words = []
    for link in attribution:
        name = str(link.get("name") or "?")
        words.append(f"relayed by {name}" if link.get("kind") == "relay" else name)
    return ", ".join(words)
