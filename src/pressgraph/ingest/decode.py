"""Bytes to text: reject what is not an article, guess the encoding, normalise.

The order of guesses is UTF-8 (a BOM is dropped), then Windows-1252 (what French files
saved on Windows usually are: ``’`` is 0x92, ``€`` is 0x80), then Latin-1, which never
fails. UTF-16 is read only when the file starts with its BOM. The result always has ``\\n``
newlines and is in Unicode NFC, so the same article gets the same content hash however
it was saved.

JSON Lines are decoded line by line (:func:`decode_lines`): JSON is UTF-8 (RFC 8259), and a
dump is many articles, so one line of other bytes is that line's fault, not the file's: it
is rejected alone, and the other lines are read as written (decoding the whole file as
Windows-1252 instead would garble every accented letter of every good line).

Markup (HTML pages, feed entries fetched as pages, WARC records) is decoded by
:func:`decode_markup`, in the order a browser uses: a byte-order mark, then the charset the
HTTP header declares, then the page's own ``<meta charset>``, then detection
(``charset_normalizer``), then Windows-1252. A declared charset that does not decode the
bytes is passed over, and a page labelled with a one-byte charset whose bytes are valid
UTF-8 (with non-ASCII) is read as UTF-8: that label is a template's, not the file's.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Iterator

from charset_normalizer import from_bytes

from pressgraph.errors import IngestError

__all__ = [
    "decode_bytes",
    "decode_lines",
    "decode_markup",
    "normalise_text",
    "sniff_meta_charset",
]

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
            logger.warning("%s: not valid UTF-8, read as Windows-1252", source)
        return text
    logger.warning("%s: neither UTF-8 nor Windows-1252, read as Latin-1", source)
    return data.decode("latin-1")


def _check_text_bytes(data: bytes, source: str) -> None:
    """Raise :class:`IngestError` when ``data`` (not UTF-16) is empty or looks binary."""
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        raise IngestError(source, "empty file")
    reason = _binary_reason(data)
    if reason is not None:
        raise IngestError(source, reason)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the bytes of a text file; raise :class:`IngestError` for empty or binary input."""
    if not data.startswith(_UTF16_BOMS):
        _check_text_bytes(data, source)
    text = normalise_text(_decode(data, source))
    if not text.strip():
        raise IngestError(source, "empty file")
    return text


def decode_lines(data: bytes, source: str) -> Iterator[tuple[int, str | IngestError]]:
    """``(line number, text)`` of each line of a JSON Lines file, normalised as
    :func:`normalise_text` does, or ``(line number, error)`` for a line that is not UTF-8
    (see the module docstring). Lines are split on ``\\n`` only (a JSON string may hold
    U+2028 raw). A file that starts with a UTF-16 byte-order mark is decoded whole. Raises
    :class:`IngestError` when the file is empty, binary, or not the UTF-16 its mark says."""
    if data.startswith(_UTF16_BOMS):
        for lineno, line in enumerate(_decode(data, source).split("\n"), start=1):
            yield lineno, normalise_text(line)
        return
    _check_text_bytes(data, source)
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    lineno = 1
    while start <= len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        try:
            yield lineno, normalise_text(data[start:end].decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield (
                lineno,
                IngestError(
                    f"{source}:{lineno}",
                    f"invalid UTF-8 (byte 0x{exc.object[exc.start]:02X} at column {exc.start + 1})",
                ),
            )
        start, lineno = end + 1, lineno + 1


#: How many leading bytes are searched for ``<meta charset>`` (the HTML standard says 1024;
#: real pages put long ``<script>`` blocks first, so a little more).
_META_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
#: Labels that browsers read as Windows-1252 (a superset that never loses a character).
_AS_CP1252 = frozenset({"cp1252", "latin_1", "ascii", "iso8859_1"})
#: Detection looks at this many bytes (charset_normalizer is slow on megabytes).
_DETECT_BYTES = 65_536
#: Above this share of non-ASCII letters, Windows-1252 is not trusted without detection.
_MAX_ACCENTED_SHARE = 0.5


def _codec(label: str | None) -> str | None:
    """The Python codec name of a charset label, or None when Python does not know it."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None
    if name in _AS_CP1252:
        return "cp1252"
    if name.startswith("utf_16") or name.startswith("utf_32"):
        return "utf_8"  # an ASCII-compatible page cannot be UTF-16 (the HTML standard's rule)
    return name


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``, ``<meta
    http-equiv="Content-Type" content="...; charset=...">``, ``<?xml encoding?>``)."""
    head = data[:_META_PRESCAN_BYTES]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _single_byte(codec: str) -> bool:
    """Whether ``codec`` is a one-byte charset (``latin-1``, ``cp1252``, ``iso8859-15``...)."""
    info = codecs.lookup(codec)
    return info.name not in {"utf-8", "utf-8-sig"} and len(info.encode("\u00e9", "replace")[0]) == 1


def _utf8_with_non_ascii(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _western(text: str) -> bool:
    """Whether ``text`` reads as French or English: under :data:`_MAX_ACCENTED_SHARE` of its
    letters are non-ASCII (Cyrillic bytes read as Windows-1252 are all ``Ã``-like letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    accented = sum(1 for c in letters if not c.isascii())
    return accented / len(letters) <= _MAX_ACCENTED_SHARE


def _detect(data: bytes, source: str) -> str:
    """UTF-8, else Windows-1252 when the text it gives looks Western (short samples fool
    detectors; the articles read here are French and English), else charset_normalizer."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _western(text[:_DETECT_BYTES]):
        logger.info("%s: no usable declared charset, read as cp1252", source)
        return text
    best = from_bytes(data[:_DETECT_BYTES]).best()
    for codec in (best.encoding if best else None, "cp1252"):
        if codec is None:
            continue
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        logger.info("%s: no usable declared charset, detected %s", source, codec)
        return text
    logger.info("%s: decoded as latin-1", source)
    return data.decode("latin-1")


def decode_markup(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode an HTML or XML page (see the module docstring for the order of guesses).

    ``declared`` is the charset of the HTTP ``Content-Type`` header, when there is one.
    Raises :class:`IngestError` for empty or binary input. Newlines and Unicode are not
    normalised here: the parser sees the page as it was.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        candidates: list[str | None] = ["utf_8"]
    elif data.startswith(_UTF16_BOMS):
        candidates = ["utf_16"]
    else:
        candidates = [_codec(declared), _codec(sniff_meta_charset(data))]
        if not data.strip():
            raise IngestError(source, "empty file")
        reason = _binary_reason(data)
        if reason is not None:
            raise IngestError(source, reason)
    mislabelled: str | None = None
    for codec in candidates:
        if codec is None:
            continue
        if _single_byte(codec) and _utf8_with_non_ascii(data):
            logger.warning("%s: labelled %s but its bytes are UTF-8: read as UTF-8", source, codec)
            codec = "utf_8"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            mislabelled = mislabelled or codec
            continue
        break
    else:
        text = _detect(data, source)
        if mislabelled:
            logger.warning(
                "%s: labelled %s but its bytes are not %s: charset detected instead",
                source, mislabelled, mislabelled,
            )  # fmt: skip
    if not text.strip():
        raise IngestError(source, "empty file")
    return text
