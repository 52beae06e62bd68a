"""Each WARC record is read in isolation: a record without its target, cut short at the end
of the archive or in the middle of it is one error naming it, and every other record is
read. Archives are written with warcio, then broken byte by byte."""

from __future__ import annotations

import gzip
import io
import re

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pressgraph.errors import IngestError
from pressgraph.ingest.warc import iter_warc
from pressgraph.model import Document

PAGE = (
    "<html><head><title>Page {i}</title></head><body><article><p>Orange rachète la start-up "
    "Sensity{i} pour 50 millions d'euros, selon un communiqué publié lundi par le groupe.</p>"
    "<p>Le groupe a signé un accord décisif avec son partenaire historique.</p></article>"
    "</body></html>"
)


def records(n: int = 3) -> list[bytes]:
    """``n`` response records (uncompressed bytes, each with its closing blank lines)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for i in range(n):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        body = io.BytesIO(PAGE.format(i=i).encode())
        writer.write_record(
            writer.create_warc_record(
                f"https://site.example/{i}", "response", payload=body, http_headers=headers
            )
        )
    data = buffer.getvalue()
    starts = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)]
    return [data[a:b] for a, b in zip(starts, [*starts[1:], len(data)], strict=True)]


def archive(parts: list[bytes], gz: bool) -> bytes:
    """The records as a plain WARC, or as a ``.warc.gz`` (one gzip member per record)."""
    return b"".join(gzip.compress(p) for p in parts) if gz else b"".join(parts)


def read(data: bytes) -> tuple[list[str | None], list[IngestError]]:
    items = list(iter_warc(io.BytesIO(data), source="a.warc", max_bytes=10**7))
    titles = [i.title for i in items if isinstance(i, Document)]
    return titles, [i for i in items if isinstance(i, IngestError)]


def without_target(record: bytes) -> bytes:
    return re.sub(rb"WARC-Target-URI: [^\r]*\r\n", b"", record)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("which", [0, 1, 2])
def test_record_without_target_uri_anywhere(gz: bool, which: int) -> None:
    parts = records()
    parts[which] = without_target(parts[which])
    titles, errors = read(archive(parts, gz))
    assert titles == [f"Page {i}" for i in range(3) if i != which]
    assert [e.reason for e in errors] == ["corrupt WARC record (no WARC-Target-URI header)"]
    offset = len(archive(parts[:which], gz))
    assert errors[0].source == f"a.warc@{offset}"


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("cut", [40, 200, 600])  # in the payload, the HTTP headers, the WARC's
def test_truncated_last_record(gz: bool, cut: int) -> None:
    parts = records()
    data = archive(parts, gz)
    titles, errors = read(data[: len(data) - (cut if not gz else cut // 3)])
    assert titles == ["Page 0", "Page 1"]
    assert len(errors) == 1
    assert errors[0].source == f"a.warc@{len(archive(parts[:2], gz))}"
    assert errors[0].reason.startswith(("truncated WARC record", "corrupt WARC record"))


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])  # share of the middle record kept
def test_truncated_middle_record_the_next_one_still_read(gz: bool, keep: float) -> None:
    parts = records()
    middle = archive(parts[1:2], gz)
    data = archive(parts[:1], gz) + middle[: int(len(middle) * keep)] + archive(parts[2:], gz)
    titles, errors = read(data)
    assert titles == ["Page 0", "Page 2"]
    assert len(errors) == 1 and errors[0].source == f"a.warc@{len(archive(parts[:1], gz))}"
    assert "WARC record" in errors[0].reason


def test_reasons_say_what_is_wrong() -> None:
    parts = records()
    _, [error] = read(archive(parts, False)[:-100])
    assert re.fullmatch(r"truncated WARC record \(\d+ of its \d+ bytes missing\)", error.reason)
    _, [error] = read(parts[0][: len(parts[0]) - 60] + parts[1] + parts[2])
    assert "no blank line where its length ends" in error.reason
    _, [error] = read(parts[0][:300] + parts[1] + parts[2])  # cut in its own headers
    assert "header twice" in error.reason


@pytest.mark.parametrize("gz", [False, True])
def test_archive_ending_right_after_a_records_headers(gz: bool) -> None:
    """warcio takes a record without a byte after its headers for the end of the archive."""
    parts = records()
    parts[2] = parts[2][: parts[2].index(b"\r\n\r\n") + 4]
    titles, errors = read(archive(parts, gz))
    assert titles == ["Page 0", "Page 1"]
    assert [e.reason for e in errors] == ["truncated WARC record (the archive ends inside it)"]


def test_a_whole_archive_is_still_read_whole() -> None:
    for gz in (False, True):
        titles, errors = read(archive(records(), gz))
        assert (titles, errors) == (["Page 0", "Page 1", "Page 2"], [])
