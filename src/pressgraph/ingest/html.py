"""HTML pages: a pure ``parse_html(bytes) -> Document`` built on trafilatura.

trafilatura keeps the main text and leaves out the boilerplate (menus, ads, share buttons,
comments, scripts and styles); its metadata reader gives the title, the site name (our
*outlet*), the canonical URL (``<link rel=canonical>``, ``og:url``) and, through htmldate,
the publication date. Bytes are decoded first by :func:`~pressgraph.ingest.decode.
decode_markup` (HTTP charset, then ``<meta charset>``, then detection): trafilatura alone
ignores the declared charset and garbles Windows-1252 pages.

The page is never executed: scripts, event handlers and ``javascript:`` links are markup
that the extractor drops, and what is left is stored as plain text.

The document text is the title, then the paragraphs of the main text, joined by a blank
line (as for ``.txt`` files). The language is the page's declaration (``<html lang>``,
``<meta http-equiv="content-language">``, ``og:locale``, else the HTTP header); when the
page declares none, ``language`` stays ``None`` and is detected from the text downstream,
as for every input.

Extraction of a huge page is slow (trafilatura needs ~16 s for 4.5 MB of dense
paragraphs), so each page gets a time budget (:func:`time_budget`).
"""

from __future__ import annotations

import logging
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from types import FrameType
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from pressgraph.errors import IngestError
from pressgraph.ingest.decode import decode_markup, normalise_text
from pressgraph.model import Document

__all__ = [
    "DEFAULT_TIME_BUDGET",
    "MIN_TEXT_CHARS",
    "declared_language",
    "fragment_text",
    "parse_html",
    "time_budget",
]

logger = logging.getLogger(__name__)

#: Seconds of extraction one page may take.
DEFAULT_TIME_BUDGET = 30.0
#: Fewer characters of main text than this (title aside) is not an article: a page of
#: scripts and a link label, an error page, a cookie wall.
MIN_TEXT_CHARS = 40
#: The extractor's loggers report every discarded page at ERROR level; the run reports it
#: once (an IngestError), so they are quieted during extraction unless debugging.
_NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer")
#: The language declaration is searched in the head, within this many characters.
_HEAD_CHARS = 16_384
_LANG_DECLARATIONS = (
    re.compile(r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?\s*([A-Za-z]{2,3})(?![A-Za-z])", re.I),
    re.compile(
        r"<meta\b[^>]*?http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*?"
        r"content\s*=\s*[\"']?\s*([A-Za-z]{2,3})(?![A-Za-z])",
        re.I,
    ),
    re.compile(
        r"<meta\b[^>]*?property\s*=\s*[\"']?og:locale[\"']?[^>]*?"
        r"content\s*=\s*[\"']?\s*([A-Za-z]{2,3})(?![A-Za-z])",
        re.I,
    ),
)
#: Blocks of an HTML fragment (a feed entry) that end a paragraph.
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
     "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
     "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
_DROPPED = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class _OverBudget(BaseException):
    """Raised by the alarm inside the extractor; a BaseException, so that the extractor's
    own ``except Exception`` clauses cannot swallow it."""


@contextmanager
def time_budget(seconds: float | None, *, source: str) -> Iterator[None]:
    """Raise :class:`IngestError` in the block when it runs longer than ``seconds``.

    The clock is ``SIGALRM`` (``setitimer``), which exists on Unix in the main thread only;
    elsewhere, or with ``seconds`` None or 0, the block runs without a budget.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OverBudget:
        raise IngestError(
            source, f"extraction took longer than its time budget ({seconds:g} s)"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _quiet_extractor() -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in _NOISY_LOGGERS]
    if logger.isEnabledFor(logging.DEBUG):
        yield
        return
    levels = [log.level for log in loggers]
    for log in loggers:
        log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for log, level in zip(loggers, levels, strict=True):
            log.setLevel(level)


def declared_language(markup: str, header: str | None = None) -> str | None:
    """The primary language subtag a page declares (``fr-FR`` -> ``fr``), else the HTTP
    ``Content-Language`` header's, else None."""
    head = markup[:_HEAD_CHARS]
    for pattern in _LANG_DECLARATIONS:
        found = pattern.search(head)
        if found:
            return found.group(1).lower()
    if header:
        tag = re.match(r"\s*([A-Za-z]{2,3})\b", header)
        if tag:
            return tag.group(1).lower()
    return None


def _paragraphs(text: str) -> list[str]:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _extract(markup: str, url: str | None) -> Any:
    """trafilatura's document (``.text``, ``.title``, ``.sitename``, ``.url``, ``.date``)."""
    return trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )


def parse_html(
    data: bytes,
    *,
    source: str,
    url: str | None = None,
    charset: str | None = None,
    language: str | None = None,
    budget: float | None = DEFAULT_TIME_BUDGET,
) -> Document:
    """Turn the bytes of an HTML page into a :class:`Document` (see the module docstring).

    ``url`` is where the page was fetched (kept when the page names no canonical URL);
    ``charset`` and ``language`` are the HTTP header's, when there was one. Raises
    :class:`IngestError` for empty, binary or malformed pages, pages without main text,
    and extraction over ``budget`` seconds.
    """
    markup = decode_markup(data, source, declared=charset)
    # NUL and other C0 controls are not HTML; libxml2 stops at them.
    markup = markup.translate({c: None for c in range(32) if c not in (9, 10, 13)})
    try:
        with _quiet_extractor(), time_budget(budget, source=source):
            result = _extract(markup, url)
    except RecursionError as exc:
        raise IngestError(source, "HTML nested too deeply to read") from exc
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:
        raise IngestError(source, f"malformed HTML ({exc})") from exc
    if result is None or not (result.text or "").strip():
        raise IngestError(source, "no article text found in the page")
    paragraphs = _paragraphs(normalise_text(result.text))
    title = _SPACES.sub(" ", normalise_text(result.title or "")).strip() or None
    if paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    length = sum(len(p) for p in paragraphs)
    if length < MIN_TEXT_CHARS:
        raise IngestError(source, f"no article text found in the page ({length} characters)")
    if title:
        paragraphs.insert(0, title)
    return Document.from_text(
        "\n\n".join(paragraphs),
        title=title,
        outlet=(result.sitename or "").strip() or None,
        url=result.url or url,
        published=_iso_date(result.date),
        language=declared_language(markup, language) or None,
        source=source,
    )


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's summary or content): scripts, styles
    and embeds dropped, one paragraph per block, paragraphs joined by a blank line."""
    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return "\n\n".join(_paragraphs(normalise_text(fragment)))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        logger.debug("unparsable HTML fragment, kept as text")
        return "\n\n".join(_paragraphs(normalise_text(fragment)))
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    text = root.text_content()
    return "\n\n".join(_paragraphs(normalise_text(text)))
