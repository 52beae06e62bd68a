"""Bytes to text: reject what is not an article, guess the encoding, normalise.

The order of guesses is UTF-8 (a BOM is dropped), then Windows-1252 (what French files
saved on Windows usually are: ``’`` is 0x92, ``€`` is 0x80), then Latin-1, which never
fails. UTF-16 is read only when the file starts with its BOM. The result always has ``\\n``
newlines and is in Unicode NFC, so the same article gets the same content hash however
it was saved.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata

from pressgraph.errors import IngestError

__all__ = ["decode_bytes", "normalise_text"]

logger = logging.getLogger(__name__)

#: Share of control bytes (other than tab, newline, carriage return, form feed) above
#: which a file is taken for binary.
_MAX_CONTROL_SHARE = 0.05
#: How many leading bytes are looked at to decide whether a file is binary.
_SNIFF_BYTES = 65_536
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def normalise_text(text: str) -> str:
    """Newlines to ``\\n`` and Unicode to NFC; nothing else changes (offsets stay meaningful)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks binary, or None when it looks like text."""
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return "binary content (NUL bytes)"
    controls = sum(
        1 for byte in sample if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F
    )
    share = controls / len(sample)
    if share > _MAX_CONTROL_SHARE:
        return f"binary content ({share:.0%} control characters)"
    return None


def _decode(data: bytes, source: str) -> str:
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(source, f"invalid UTF-16 ({exc.reason})") from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            logger.debug("%s: not %s", source, encoding)
            continue
        if encoding != "utf-8-sig":
            logger.info("%s: decoded as %s", source, encoding)
        return text
    logger.info("%s: decoded as latin-1", source)
    return data.decode("latin-1")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the bytes of a text file; raise :class:`IngestError` for empty or binary input."""
    if data.startswith(_UTF16_BOMS):
        text = _decode(data, source)
    else:
        if not data.removeprefix(codecs.BOM_UTF8).strip():
            raise IngestError(source, "empty file")
        reason = _binary_reason(data)
        if reason is not None:
            raise IngestError(source, reason)
        text = _decode(data, source)
    text = normalise_text(text)
    if not text.strip():
        raise IngestError(source, "empty file")
    return text
