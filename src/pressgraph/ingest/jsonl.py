"""JSON Lines dumps and single-object JSON files (the gold files of ``shared/eval``).

One record maps to one :class:`Document`:

==============  ===========================================================
field           use
==============  ===========================================================
``text``        required, a non-empty string: the article, kept verbatim
                (newlines to ``\\n``, Unicode NFC) so gold offsets still hold
``id``          optional string or integer -> ``Document.external_id``
``title``       optional string
``date``        optional ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or a
                datetime whose date part is kept) -> ``Document.published``
``outlet``      optional string
``url``         optional string
``language``    optional string, lower-cased (``"fr"``, ``"en"``)
==============  ===========================================================

Other fields (``entities``, ``facts``, ``license``...) are ignored. ``null`` is the same
as a missing field. A malformed record raises :class:`IngestError` naming ``path:line``;
so does a string holding a lone surrogate (``"\\udc00"`` is valid JSON but no text: it
cannot be hashed, stored or printed). Each line of a dump is decoded and read on its own
(:func:`~pressgraph.ingest.decode.decode_lines`, :func:`~pressgraph.isolation.attempt`):
a bad line is one error, and the lines after it are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from functools import partial
from typing import Any

from pressgraph.errors import IngestError
from pressgraph.ingest.decode import decode_lines, normalise_text
from pressgraph.isolation import attempt
from pressgraph.model import Document

__all__ = ["document_from_record", "iter_jsonl", "parse_json_document", "parse_jsonl_line"]

_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_OPTIONAL_STRINGS = ("title", "outlet", "url", "language")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_error(exc: json.JSONDecodeError, *, with_line: bool) -> str:
    where = f"line {exc.lineno} column {exc.colno}" if with_line else f"column {exc.colno}"
    return f"invalid JSON ({exc.msg} at {where})"


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean"}.get(
        type(value), type(value).__name__
    )


def _iso_date(value: str, source: str) -> str:
    value = value.strip()
    if _ISO_DATE.match(value):
        return value
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError as exc:
        raise IngestError(source, f"field 'date' is not an ISO date: {value!r}") from exc


def _check_string(value: str, key: str, source: str) -> None:
    """Raise when ``value`` holds a lone surrogate (json.loads pairs the valid ones)."""
    found = _SURROGATE.search(value)
    if found:
        raise IngestError(
            source,
            f"field {key!r} holds a lone surrogate (U+{ord(found.group()):04X} at character "
            f"{found.start() + 1})",
        )


def document_from_record(record: object, *, source: str) -> Document:
    """Map one decoded JSON record to a :class:`Document` (see the module docstring)."""
    if not isinstance(record, dict):
        raise IngestError(source, f"expected a JSON object, got {_type_name(record)}")
    text = record.get("text")
    if text is None:
        raise IngestError(source, "missing field 'text'")
    if not isinstance(text, str):
        raise IngestError(source, f"field 'text' must be a string, got {_type_name(text)}")
    if not text.strip():
        raise IngestError(source, "field 'text' is empty")
    _check_string(text, "text", source)
    meta: dict[str, Any] = {}
    for key in _OPTIONAL_STRINGS:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise IngestError(source, f"field {key!r} must be a string, got {_type_name(value)}")
        _check_string(value, key, source)
        value = value.strip()
        if value:
            meta[key] = value.lower() if key == "language" else value
    ext_id = record.get("id")
    if ext_id is not None:
        if isinstance(ext_id, bool) or not isinstance(ext_id, str | int):
            raise IngestError(
                source, f"field 'id' must be a string or an integer, got {_type_name(ext_id)}"
            )
        if isinstance(ext_id, str):
            _check_string(ext_id, "id", source)
        meta["external_id"] = str(ext_id)
    date = record.get("date")
    if date is not None:
        if not isinstance(date, str):
            raise IngestError(source, f"field 'date' must be a string, got {_type_name(date)}")
        _check_string(date, "date", source)
        if date.strip():
            meta["published"] = _iso_date(date, source)
    return Document.from_text(normalise_text(text), source=source, **meta)


def parse_jsonl_line(line: str, *, source: str, lineno: int) -> Document:
    """Parse one line of a JSON Lines file; errors name ``source:lineno``."""
    where = f"{source}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(where, _json_error(exc, with_line=False)) from exc
    return document_from_record(record, source=where)


def iter_jsonl(data: bytes, *, source: str) -> Iterator[Document | IngestError]:
    """Every record of a JSON Lines file, or an error for each bad line (not UTF-8, not
    JSON, not an article, or anything else that fails on it); blank lines are skipped.
    Raises :class:`IngestError` when the file as a whole is empty or binary."""
    for lineno, line in decode_lines(data, source):
        if isinstance(line, IngestError):
            yield line
        elif line.strip():
            where = f"{source}:{lineno}"
            yield attempt(
                where, "reading", partial(parse_jsonl_line, line, source=source, lineno=lineno)
            )


def parse_json_document(text: str, *, source: str) -> Document:
    """Parse a ``.json`` file holding one article object (the gold files' shape)."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(source, _json_error(exc, with_line=True)) from exc
    return document_from_record(record, source=source)
