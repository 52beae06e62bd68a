"""WARC archives (plain or record-gzipped ``.warc.gz``): every HTML response is an article.

:func:`iter_warc` reads an open binary stream with warcio's ``ArchiveIterator``. A record
is an article when it is a ``response`` (or ``resource``) record of an HTTP 2xx answer
whose content type is HTML; its payload (chunked transfer and content encoding undone by
warcio) is read up to the size cap and parsed by :func:`~pressgraph.ingest.html.
parse_html`, with the record's ``WARC-Target-URI`` as URL and the HTTP header's charset.
Requests, metadata, redirects, images and scripts are skipped without a word.

Each record is read in isolation, and a page is given only once its record is whole: read
to the end of its ``Content-Length`` and followed by the blank line that ends a record.
A record that warcio cannot read (headers missing, such as ``WARC-Target-URI``, or
garbled), that is cut short (the archive's last bytes lost) or whose length runs past its
end (a record cut in the middle of the archive: its length swallows the start of the next
one) is one :class:`IngestError` naming ``archive@offset``; reading then resumes at the
next record start found after that offset (the next gzip member of a ``.warc.gz``, the next
``WARC/1.x`` line of a plain WARC), so the records after it are still read.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import traceback
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from pressgraph.errors import IngestError
from pressgraph.ingest.compress import GZIP_MAGIC
from pressgraph.ingest.html import DEFAULT_TIME_BUDGET, parse_html
from pressgraph.isolation import attempt
from pressgraph.model import Document

__all__ = ["iter_warc"]

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: A record start in a plain WARC: the version line and a first header name. No newline is
#: asked for before it: a record cut short runs straight into the next one.
_RECORD_START = re.compile(rb"WARC/1\.[01]\r?\n[A-Za-z0-9-]{1,64}:")
_GZIP_MEMBER = re.compile(re.escape(GZIP_MAGIC + b"\x08"))
#: Headers without which a record cannot be framed or read (WARC 1.1, section 5).
_REQUIRED_HEADERS = ("WARC-Type", "Content-Length")
#: Record types that must name their target (WARC 1.1, section 5.2); warcio fails without it.
_TARGETED_TYPES = frozenset(
    {"response", "resource", "request", "revisit", "conversion", "continuation"}
)
#: Headers a record has once (WARC 1.1, section 5).
_ONCE_HEADERS = ("WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length")
#: Bytes read at a time when looking for the next record after a corrupt one.
_SCAN_CHUNK = 1 << 20
#: Bytes of a record's head read to say what is wrong with its headers.
_HEAD_BYTES = 65_536


@dataclass(frozen=True)
class _Broken:
    """The archive cannot be followed past the record at ``offset``: why."""

    offset: int
    reason: str
    details: str | None = None


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
    overlap = 80
    while True:
        stream.seek(position)
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        for found in pattern.finditer(chunk):
            at = position + found.start()
            if at > after and at not in skip:
                return at
        if len(chunk) < _SCAN_CHUNK:
            return None
        position += len(chunk) - overlap


def _missing_headers(names: set[str], record_type: str | None) -> list[str]:
    """The required headers (lower-case ``names`` given) a record of ``record_type`` lacks."""
    wanted = [*_REQUIRED_HEADERS]
    if record_type is None or record_type.lower() in _TARGETED_TYPES:
        wanted.append("WARC-Target-URI")
    return [h for h in wanted if h.lower() not in names]


def _head(stream: BinaryIO, offset: int, gzipped: bool) -> bytes | None:
    """The first bytes (inflated) of the record starting at ``offset``, read here without
    warcio; None when they do not start a WARC record at all."""
    stream.seek(offset)
    raw = stream.read(_HEAD_BYTES)
    if gzipped:
        raw = _inflate_head(raw)
    return raw if re.match(rb"WARC/1\.[01]\r?\n", raw) else None


def _inflate_head(raw: bytes) -> bytes:
    """As much of a gzip member's start as inflates cleanly, up to the end of its record's
    headers: a member cut short is followed by bytes that do not inflate."""
    inflate = zlib.decompressobj(wbits=31)
    out = b""
    for at in range(0, len(raw), 256):
        try:
            out += inflate.decompress(raw[at : at + 256])
        except zlib.error:
            break
        if b"\r\n\r\n" in out or inflate.eof:
            break
    return out


def _head_problem(head: bytes) -> str:
    """What is wrong with the record that starts with ``head``, which warcio could not read:
    its headers cut short, a required header missing, or its body unreadable."""
    block, end, _body = head.partition(b"\r\n\r\n")
    if not end:
        return "cut short or garbled in its headers"
    headers = {}
    for line in block.split(b"\r\n")[1:]:
        name, colon, value = line.partition(b":")
        if colon:
            headers[name.strip().decode("latin-1").lower()] = value.strip().decode("latin-1")
    missing = _missing_headers(set(headers), headers.get("warc-type"))
    if missing:
        return f"no {', '.join(missing)} header"
    return "cut short or garbled after its headers"


def _check_headers(record: Any) -> str | None:
    """What a record warcio read lacks or has twice: without a type or a length, warcio
    reads on to the end of the file, swallowing the records after it; a header that comes
    once per record, found twice, is a record cut short inside its headers, which ran into
    the headers of the next record."""
    if not str(record.format).startswith("warc"):
        return None
    names = [name.lower() for name, _value in record.rec_headers.headers]
    for once in _ONCE_HEADERS:
        if names.count(once.lower()) > 1:
            return f"{once} header twice: a record cut short runs into the next"
    missing = _missing_headers(set(names), record.rec_type)
    return f"no {', '.join(missing)} header" if missing else None


def _payload(record: Any, source: str, max_bytes: int) -> dict[str, Any] | None:
    """The payload of an HTML response record and what :func:`parse_html` needs with it;
    None for records that are not pages."""
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
    return {"data": payload, "url": url, "charset": charset, "language": language}


def _framing_problem(iterator: ArchiveIterator, record: Any, warnings: int) -> str | None:
    """Why the record just read to its end is not whole, or None: bytes of its
    ``Content-Length`` missing (the archive was cut), or no blank line where it ends."""
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return f"truncated WARC record ({missing} of its {record.length} bytes missing)"
    if iterator.err_count > warnings:
        return "corrupt WARC record (no blank line where its length ends: cut, or a wrong length)"
    return None


@dataclass(frozen=True)
class _Archive:
    """One archive being read: its stream, its name, whether it is gzipped, and the
    options of :func:`iter_warc`."""

    stream: BinaryIO
    source: str
    gzipped: bool
    max_bytes: int
    budget: float | None

    def starts_record(self, offset: int) -> bool:
        """Whether a WARC record starts at ``offset`` (not a chance match in its bytes)."""
        return _head(self.stream, offset, self.gzipped) is not None

    def leftover(self, offset: int) -> _Broken | None:
        """None when the archive ends at ``offset``, where warcio stopped; else why it
        stopped early: warcio takes a record cut right after its headers for the end."""
        self.stream.seek(offset)
        if not self.stream.read(_HEAD_BYTES).strip():
            return None
        if _head(self.stream, offset, self.gzipped) is None:
            return _Broken(offset, "corrupt WARC record (unreadable bytes at the end)")
        return _Broken(offset, "truncated WARC record (the archive ends inside it)")

    def corrupt(self, offset: int, exc: BaseException) -> _Broken:
        """warcio failed on the record at ``offset``: what is wrong with it, in words (its
        traceback kept for ``--debug``)."""
        head = _head(self.stream, offset, self.gzipped)
        problem = _reason(exc) if head is None else _head_problem(head)
        details = "".join(traceback.format_exception(exc))
        return _Broken(offset, f"corrupt WARC record ({problem})", details)


def _read_record(
    archive: _Archive, iterator: ArchiveIterator, records: Iterator[Any]
) -> tuple[int, Document | IngestError | None] | _Broken | None:
    """Read the next record whole: ``(offset, its page, an error or None)``; a
    :class:`_Broken` when the archive cannot be followed past it; None at its end."""
    offset = iterator.offset
    warnings = iterator.err_count
    # warcio prints "Record not followed by newline" on stderr: kept out of the run's
    # output (the record is checked and reported here instead).
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            record = next(records, None)
        except Exception as exc:  # any crash of warcio on these bytes: a corrupt record
            return archive.corrupt(offset, exc)
        if record is None:
            return archive.leftover(iterator.offset)
        offset = iterator.offset
        problem = _check_headers(record)
        if problem is not None:
            return _Broken(offset, f"corrupt WARC record ({problem})")
        where = f"{archive.source}@{offset}"
        page = attempt(where, "reading", lambda: _payload(record, where, archive.max_bytes))
        try:
            iterator.read_to_end()  # the rest of the record, read in chunks
        except Exception as exc:  # see above
            return archive.corrupt(offset, exc)
    problem = _framing_problem(iterator, record, warnings)
    if problem is not None:
        return _Broken(offset, problem)
    if isinstance(page, dict):
        return offset, attempt(
            where, "reading", lambda: parse_html(source=where, budget=archive.budget, **page)
        )
    return offset, page


def iter_warc(
    stream: BinaryIO,
    *,
    source: str,
    max_bytes: int,
    budget: float | None = DEFAULT_TIME_BUDGET,
) -> Iterator[Document | IngestError]:
    """Every HTML page of a WARC archive read from a seekable binary ``stream``; one error
    per corrupt, truncated or unreadable record, after which reading goes on."""
    head = stream.read(2)
    if not head.strip():
        yield IngestError(source, "empty file")
        return
    archive = _Archive(stream, source, head == GZIP_MAGIC, max_bytes, budget)
    # Starts of records that failed: never tried again. Reading resumes after the offset
    # that failed, so it only moves forward and the loop ends.
    failed: set[int] = set()
    records = pages = 0
    reported = False  # the current corrupt stretch has its error
    start: int | None = 0
    while start is not None:
        stream.seek(start)
        iterator = ArchiveIterator(stream, check_digests=False)
        records_of = iter(iterator)
        while True:
            got = _read_record(archive, iterator, records_of)
            if got is None:
                start = None
                break
            if isinstance(got, _Broken):
                failed.add(got.offset)
                start = _next_start(stream, got.offset, archive.gzipped, failed)
                if records == 0 and start is None and not archive.starts_record(0):
                    yield IngestError(source, f"not a WARC archive ({got.reason})")
                elif not reported or archive.starts_record(got.offset):
                    # One error per record that failed, and one per stretch of bytes that
                    # are no record, however many restarts it takes to get past them.
                    reported = True
                    yield IngestError(f"{source}@{got.offset}", got.reason, details=got.details)
                break
            _offset, item = got
            records += 1
            reported = False
            if item is not None:
                pages += isinstance(item, Document)
                yield item
    if pages == 0:
        logger.info("%s: no HTML response records in %d record(s)", source, records)


def _reason(exc: BaseException) -> str:
    """A short, printable reason: the archive's bytes may be quoted in warcio's message."""
    text = " ".join(str(exc).split()).encode("ascii", "backslashreplace").decode("ascii")
    return (text[:80] + "...") if len(text) > 80 else text or type(exc).__name__
