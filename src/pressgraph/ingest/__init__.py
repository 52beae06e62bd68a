"""Ingest: files, folders, archives and URLs to :class:`~pressgraph.model.Document` objects.

``iter_documents`` is the thin I/O shell: it expands folders, reads bytes (or fetches them,
:mod:`pressgraph.ingest.fetch`), checks the size cap, inflates gzip
(:mod:`pressgraph.ingest.compress`) and hands the bytes to a pure parser chosen by
extension (for URLs: by the answer's media type):

==============================  ===========================================================
extension                       parser
==============================  ===========================================================
``.txt``                        :func:`pressgraph.ingest.text.parse_text` (plain)
``.md``, ``.markdown``          :func:`pressgraph.ingest.text.parse_text` (Markdown)
``.jsonl``                      :func:`pressgraph.ingest.jsonl.parse_jsonl_line`, one a line
``.json``                       :func:`pressgraph.ingest.jsonl.parse_json_document`
``.html``, ``.htm``, ``.xhtml``  :func:`pressgraph.ingest.html.parse_html` (trafilatura)
``.xml``, ``.rss``, ``.atom``   :func:`pressgraph.ingest.feed.parse_feed`, one an entry
``.warc``, ``.warc.gz``         :func:`pressgraph.ingest.warc.iter_warc`, one an HTML record
``<any of these>.gz``           the same, after :func:`pressgraph.ingest.compress.gunzip`
``http://``, ``https://``       fetched; HTML pages and RSS/Atom feeds
==============================  ===========================================================

Bad inputs are *yielded* as :class:`~pressgraph.errors.IngestError` (never raised), so the
caller reports them and goes on: each input named, each file of a folder, each line, entry
and record is read in isolation (:mod:`pressgraph.isolation`), so whatever fails on one of
them (an unreadable folder, a crash of a parsing library) is one error naming it. A
``.txt``/``.md`` file named like ``name.fr.txt`` gets that language. The size cap
(``max_bytes``) holds for a file as read, for what it inflates to, for a fetched body and
for each record of an archive (an archive itself is streamed). With ``follow``, the link of
each feed entry is fetched and its page is the article.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pressgraph.errors import IngestError
from pressgraph.ingest.compress import gunzip
from pressgraph.ingest.decode import decode_bytes
from pressgraph.ingest.feed import entry_document, fill_from_entry, looks_like_feed, parse_feed
from pressgraph.ingest.fetch import Fetcher, FetchPolicy, is_url
from pressgraph.ingest.html import DEFAULT_TIME_BUDGET, parse_html
from pressgraph.ingest.jsonl import iter_jsonl, parse_json_document
from pressgraph.ingest.text import parse_text
from pressgraph.ingest.warc import iter_warc
from pressgraph.isolation import attempt, guard
from pressgraph.lang import LANGUAGES
from pressgraph.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "IngestOptions",
    "iter_documents",
    "read_url_list",
]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20_000_000
#: Extension (lower case) -> format name.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}
#: A supported extension followed by ``.gz`` is read inflated (``.warc.gz``: by record).
COMPRESSED_SUFFIX = ".gz"
_LANGUAGE_TAGS = frozenset(LANGUAGES)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
     "text/xml", "application/x-rss+xml"}
)  # fmt: skip


@dataclass(frozen=True)
class IngestOptions:
    """Options of a run's reading: size cap, time budget of a page, ``follow`` (fetch the
    link of each feed entry) and how pages are fetched (:class:`FetchPolicy`)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    follow: bool = False
    budget: float | None = DEFAULT_TIME_BUDGET
    fetch: FetchPolicy = field(default_factory=FetchPolicy)


def _format_of(path: Path) -> str | None:
    """``a.html`` -> ``html``, ``a.jsonl.gz`` -> ``jsonl.gz``, ``a.warc.gz`` -> ``warc``."""
    suffix = path.suffix.lower()
    if suffix == COMPRESSED_SUFFIX:
        inner = SUPPORTED_EXTENSIONS.get(Path(path.stem).suffix.lower())
        if inner is None:
            return None
        return inner if inner == "warc" else inner + COMPRESSED_SUFFIX
    return SUPPORTED_EXTENSIONS.get(suffix)


def _language_of(path: Path) -> str | None:
    """``article.fr.txt`` -> ``"fr"`` (and ``article.fr.txt.gz``)."""
    if path.suffix.lower() == COMPRESSED_SUFFIX:
        path = Path(path.stem)
    tag = Path(path.stem).suffix.lower().lstrip(".")
    return tag if tag in _LANGUAGE_TAGS else None


def _expand_folder(folder: Path) -> tuple[list[Path], list[IngestError]]:
    """Every supported file under ``folder``, recursively, sorted, and one error per folder
    that cannot be listed; hidden files and folders (names starting with ``.``) are left
    out, and links to folders are not followed."""
    found: list[Path] = []
    errors: list[IngestError] = []

    def unreadable(exc: OSError) -> None:
        errors.append(
            IngestError(str(exc.filename or folder), f"cannot read folder ({exc.strerror or exc})")
        )

    for parent, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = Path(parent, name)
            if not name.startswith(".") and _format_of(path) is not None and path.is_file():
                found.append(path)
    return sorted(found), errors


class _Reader:
    """One run's reading: options, and a :class:`Fetcher` made the first time a page is
    fetched (so its per-host rate and robots.txt hold across every input)."""

    def __init__(self, options: IngestOptions, fetcher: Fetcher | None) -> None:
        self.options = options
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options.fetch)
        return self._fetcher

    def close(self) -> None:
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()

    # -- files ---------------------------------------------------------------------------

    def read_file(self, path: Path, source: str) -> Iterator[Document | IngestError]:
        fmt = _format_of(path)
        if fmt is None:
            known = ", ".join([*SUPPORTED_EXTENSIONS, "(any of these).gz"])
            yield IngestError(
                source, f"unsupported file type {path.suffix or '(none)'!r} ({known})"
            )
            return
        max_bytes = self.options.max_bytes
        try:
            if fmt == "warc":
                with path.open("rb") as stream:
                    yield from iter_warc(
                        stream, source=source, max_bytes=max_bytes, budget=self.options.budget
                    )
                return
            size = path.stat().st_size
            if size > max_bytes:
                yield IngestError(source, f"file too large: {size} bytes > {max_bytes}")
                return
            data = path.read_bytes()
        except OSError as exc:
            yield IngestError(source, f"cannot read ({exc.strerror or exc})")
            return
        if fmt.endswith(COMPRESSED_SUFFIX):
            fmt = fmt.removesuffix(COMPRESSED_SUFFIX)
            try:
                data = gunzip(data, source=source, max_bytes=max_bytes)
            except IngestError as exc:
                yield exc
                return
        yield from self.parse(data, fmt, source, language=_language_of(path))

    def parse(
        self,
        data: bytes,
        fmt: str,
        source: str,
        *,
        url: str | None = None,
        charset: str | None = None,
        language: str | None = None,
    ) -> Iterator[Document | IngestError]:
        """The documents of ``data`` read as ``fmt``; errors yielded."""
        try:
            if fmt == "html":
                yield parse_html(
                    data, source=source, url=url, charset=charset, language=language,
                    budget=self.options.budget,
                )  # fmt: skip
            elif fmt == "feed":
                yield from self.feed(data, source, url)
            elif fmt == "jsonl":
                yield from iter_jsonl(data, source=source)
            else:
                text = decode_bytes(data, source)
                if fmt == "json":
                    yield parse_json_document(text, source=source)
                else:
                    yield parse_text(
                        text, source=source, markdown=fmt == "markdown", language=language
                    )
        except IngestError as exc:
            yield exc

    def feed(self, data: bytes, source: str, url: str | None) -> Iterator[Document | IngestError]:
        """The articles of a feed, each entry read in isolation."""
        for entry in parse_feed(data, source=source, base_url=url):
            if self.options.follow and entry.link and is_url(entry.link):
                for page in guard(entry.link, "reading", self.read_url(entry.link, feeds=False)):
                    if isinstance(page, IngestError):
                        yield IngestError(
                            f"{entry.source} {page.source}", page.reason, details=page.details
                        )
                    else:
                        yield attempt(
                            entry.source, "reading", partial(fill_from_entry, page, entry)
                        )
            else:
                yield attempt(entry.source, "reading", partial(entry_document, entry))

    # -- the web -------------------------------------------------------------------------

    def read_url(self, url: str, *, feeds: bool = True) -> Iterator[Document | IngestError]:
        """The page at ``url`` (an HTML page, or with ``feeds`` an RSS/Atom feed)."""

        def wanted(media: str) -> bool:
            return media in _HTML_TYPES or (feeds and media in _FEED_TYPES)

        try:
            page = self.fetcher().fetch(url, accept=wanted)
        except IngestError as exc:
            yield exc
            return
        html = page.media_type in _HTML_TYPES and not (feeds and looks_like_feed(page.body))
        yield from self.parse(
            page.body, "html" if html else "feed", url,
            url=page.url, charset=page.charset, language=page.language,
        )  # fmt: skip


def read_url_list(path: str | Path) -> list[str | IngestError]:
    """The URLs of a ``--urls`` file: one a line; blank lines and ``#`` comments skipped.

    Only ``http://`` and ``https://`` URLs are read from it: any other line (a local path, a
    ``file:`` URL, another scheme) is one :class:`IngestError` in the list, named
    ``path:line``, so a list of URLs never makes pressgraph read local files. Raises
    :class:`IngestError` when the file cannot be read."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise IngestError(str(path), f"cannot read URL list ({exc.strerror or exc})") from exc
    found: list[str | IngestError] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            found.append(line)
        else:
            found.append(
                IngestError(
                    f"{source_name(path)}:{number}",
                    f"not an http(s) URL: {line!r} (a --urls file names web pages only)",
                )
            )
    return found


def iter_documents(
    paths: Sequence[str | Path],
    *,
    max_bytes: int | None = None,
    options: IngestOptions | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Document | IngestError]:
    """Read every document of ``paths`` (files, folders or ``http(s)://`` URLs), in order.

    A folder stands for every supported file under it, recursively and sorted; files of
    other types inside it are skipped. A file or URL named twice is read once. Each input
    that cannot be read gives one :class:`IngestError` in the stream, and reading goes on.
    ``max_bytes``, when given, overrides ``options.max_bytes``; ``fetcher`` replaces the
    one made from ``options.fetch`` (tests).
    """
    options = options or IngestOptions()
    if max_bytes is not None:
        options = IngestOptions(
            max_bytes=max_bytes, follow=options.follow, budget=options.budget, fetch=options.fetch
        )
    reader = _Reader(options, fetcher)
    seen: set[Path | str] = set()
    try:
        for given in paths:
            source = source_name(given)
            if is_url(source):
                if source not in seen:
                    seen.add(source)
                    yield from guard(source, "reading", reader.read_url(source))
                continue
            for named in guard(source, "reading", _files_of(Path(given), source)):
                if isinstance(named, IngestError):
                    yield named
                    continue
                file, file_source = named
                yield from guard(
                    file_source, "reading", _read_once(reader, file, file_source, seen)
                )
    finally:
        reader.close()


def source_name(given: str | Path) -> str:
    """How an input is named in documents and errors: its path or URL as text. A file name
    that is not UTF-8 (``caf\\xe9.txt`` from a Windows-1252 disk) reaches Python with lone
    surrogates, which no database or terminal takes: its odd bytes are written as
    ``\\xe9`` instead, so the article is stored and the name still says which file."""
    try:
        raw = os.fsencode(given)
    except UnicodeEncodeError:  # surrogates that no file name decoded to
        raw = str(given).encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def _files_of(path: Path, source: str) -> Iterator[tuple[Path, str] | IngestError]:
    """The files an input names, each with the name it is reported by: a file itself, or
    every supported file of a folder (and an error per folder that cannot be listed)."""
    if path.is_dir():
        files, errors = _expand_folder(path)
        yield from errors
        if not files and not errors:
            yield IngestError(source, "no supported files in folder")
        yield from ((f, source_name(f)) for f in files)
    elif path.exists():
        yield path, source
    else:
        yield IngestError(source, "no such file or directory")


def _read_once(
    reader: _Reader, file: Path, source: str, seen: set[Path | str]
) -> Iterator[Document | IngestError]:
    """The documents of ``file``, unless a name of the same file was read before."""
    key = file.resolve()
    if key in seen:
        logger.debug("%s: already read", source)
        return
    seen.add(key)
    yield from reader.read_file(file, source)
