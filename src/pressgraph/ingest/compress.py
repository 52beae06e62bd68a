"""gzip, inflated under a size cap: a pure ``gunzip(data) -> bytes``.

A compressed input is trusted no more than its size allows: inflation stops one byte past
``max_bytes`` (a decompression bomb is refused before it fills memory), a stream that ends
before its last member is complete is *truncated*, and concatenated members (``cat a.gz
b.gz``) are read in turn, at most :data:`MAX_MEMBERS` of them.
"""

from __future__ import annotations

import zlib

from pressgraph.errors import IngestError

__all__ = ["GZIP_MAGIC", "MAX_MEMBERS", "gunzip", "is_gzip"]

GZIP_MAGIC = b"\x1f\x8b"
#: Members read at most in one file (each empty member would otherwise cost a loop).
MAX_MEMBERS = 1000
#: ``wbits`` of a gzip stream (header and trailer checked) for :mod:`zlib`.
_GZIP_WBITS = 16 + zlib.MAX_WBITS


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def gunzip(data: bytes, *, source: str, max_bytes: int) -> bytes:
    """The inflated bytes of a gzip file; :class:`IngestError` when it is empty, not gzip,
    corrupt, truncated, or inflates past ``max_bytes``."""
    if not data:
        raise IngestError(source, "empty file")
    if not is_gzip(data):
        raise IngestError(source, "not a gzip file (no gzip header)")
    out = bytearray()
    rest = data
    for _ in range(MAX_MEMBERS):
        inflater = zlib.decompressobj(_GZIP_WBITS)
        try:
            # One capped call: what is left compressed stays compressed.
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise IngestError(source, f"corrupt gzip data ({exc})") from exc
        if len(out) > max_bytes:
            raise IngestError(
                source, f"inflates past the size cap of {max_bytes} bytes (decompression bomb?)"
            )
        if not inflater.eof:
            raise IngestError(source, "truncated gzip file (the compressed stream ends early)")
        rest = inflater.unused_data.lstrip(b"\0")
        if not rest:
            return bytes(out)
        if not is_gzip(rest):
            raise IngestError(source, "corrupt gzip data (trailing garbage after a member)")
    raise IngestError(source, f"more than {MAX_MEMBERS} gzip members")
