"""WARC archives (plain or record-gzipped ``.warc.gz``): every HTML response is an article.

:func:`iter_warc` reads an open binary stream with warcio's ``ArchiveIterator``. A record
is an article when it is a ``response`` (or ``resource``) record of an HTTP 2xx answer
whose content type is HTML; its payload (chunked transfer and content encoding undone by
warcio) is read up to the size cap and parsed by :func:`~pressgraph.ingest.html.
parse_html`, with the record's ``WARC-Target-URI`` as URL and the HTTP header's charset.
Requests, metadata, redirects, images and scripts are skipped without a word.

A corrupt record is one :class:`IngestError` naming ``archive@offset``; reading then
resumes at the next record found after it (the next gzip member of a ``.warc.gz``, the
next ``WARC/1.x`` line of a plain WARC), so the other records are still read.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from pressgraph.errors import IngestError
from pressgraph.ingest.compress import GZIP_MAGIC
from pressgraph.ingest.html import DEFAULT_TIME_BUDGET, parse_html
from pressgraph.model import Document

__all__ = ["iter_warc"]

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RECORD_START = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_GZIP_MEMBER = re.compile(re.escape(GZIP_MAGIC + b"\x08"))
_REQUIRED_HEADERS = ("WARC-Type", "Content-Length")
#: Bytes read at a time when looking for the next record after a corrupt one.
_SCAN_CHUNK = 1 << 20
#: What warcio raises on bad records (it also lets some low-level errors through).
_CORRUPT = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    OSError,
)


def _media_type(value: str | None) -> tuple[str, str | None]:
    """``text/html; charset=ISO-8859-1`` -> ``("text/html", "ISO-8859-1")``."""
    if not value:
        return "", None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _next_start(stream: BinaryIO, after: int, gzipped: bool, skip: set[int]) -> int | None:
    """The offset of the first record start after byte ``after`` that is not in ``skip``."""
    pattern = _GZIP_MEMBER if gzipped else _RECORD_START
    position = after + 1
    overlap = 16
    while True:
        stream.seek(position)
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        for found in pattern.finditer(chunk):
            at = position + (found.start(1) if pattern is _RECORD_START else found.start())
            if at > after and at not in skip:
                return at
        if len(chunk) < _SCAN_CHUNK:
            return None
        position += len(chunk) - overlap


def _check_headers(record: Any) -> None:
    """A WARC record names its type and its length; without them warcio reads on to the
    end of the file, swallowing the records after it."""
    if not str(record.format).startswith("warc"):
        return
    headers = record.rec_headers
    missing = [h for h in _REQUIRED_HEADERS if headers.get_header(h) is None]
    if missing:
        raise ValueError(f"record without {', '.join(missing)} header(s)")


def _page(record: Any, source: str, max_bytes: int, budget: float | None) -> Document | None:
    """The document of an HTML response record; None for records that are not pages."""
    if record.rec_type not in ("response", "resource"):
        return None
    http = record.http_headers
    if record.rec_type == "response":
        if http is None:
            return None
        status = http.get_statuscode()
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type")
        language = http.get_header("Content-Language")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
        language = None
    media, charset = _media_type(content_type)
    if media not in _HTML_TYPES:
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        raise IngestError(source, f"record payload larger than the size cap ({max_bytes} bytes)")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return parse_html(
        payload, source=source, url=url, charset=charset, language=language, budget=budget
    )


def iter_warc(
    stream: BinaryIO,
    *,
    source: str,
    max_bytes: int,
    budget: float | None = DEFAULT_TIME_BUDGET,
) -> Iterator[Document | IngestError]:
    """Every HTML page of a WARC archive read from a seekable binary ``stream``; one error
    per corrupt record or unreadable page, after which reading goes on."""
    head = stream.read(2)
    gzipped = head == GZIP_MAGIC
    if not head.strip():
        yield IngestError(source, "empty file")
        return
    # Offsets of the records read (never yielded twice), of the starts tried and of the
    # records that failed (never tried again): every resync moves on, so the loop ends.
    seen: set[int] = set()
    tried: set[int] = {0}
    last_good = -1
    reported = False
    start: int | None = 0
    pages = 0
    while start is not None:
        stream.seek(start)
        iterator = ArchiveIterator(stream, check_digests=False)
        records_of = iter(iterator)
        while True:
            offset = iterator.offset
            try:
                # warcio prints "Record not followed by newline" on stderr: kept out of the
                # run's output (the record is read or reported here instead).
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records_of, None)
                    if record is None:
                        start = None
                        break
                    offset = iterator.offset
                    _check_headers(record)
                    if offset in seen:
                        continue
                    seen.add(offset)
                    last_good, reported = offset, False
                    item: Document | IngestError | None
                    try:
                        item = _page(record, f"{source}@{offset}", max_bytes, budget)
                    except IngestError as exc:
                        item = exc
            except _CORRUPT as exc:
                offset = max(offset, iterator.offset)
                tried.add(offset)
                start = _next_start(stream, last_good, gzipped, seen | tried)
                if start is not None:
                    tried.add(start)
                if not seen and start is None:
                    yield IngestError(source, f"not a WARC archive ({_reason(exc)})")
                elif not reported:
                    # One line per corrupt stretch, however many restarts it takes.
                    reported = True
                    yield IngestError(f"{source}@{offset}", f"corrupt WARC record ({_reason(exc)})")
                break
            if item is not None:
                pages += isinstance(item, Document)
                yield item
    if pages == 0:
        logger.info("%s: no HTML response records in %d record(s)", source, len(seen))


def _reason(exc: BaseException) -> str:
    """A short, printable reason: the archive's bytes may be quoted in warcio's message."""
    text = " ".join(str(exc).split()).encode("ascii", "backslashreplace").decode("ascii")
    return (text[:120] + "...") if len(text) > 120 else text or type(exc).__name__
