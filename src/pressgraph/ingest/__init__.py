"""Ingest: files and folders to :class:`~pressgraph.model.Document` objects.

``iter_documents`` is the thin I/O shell: it expands folders, reads bytes, checks the size
cap and decodes, then hands the text to a pure parser chosen by extension:

=========================  ===========================================================
extension                  parser
=========================  ===========================================================
``.txt``                   :func:`pressgraph.ingest.text.parse_text` (plain)
``.md``, ``.markdown``     :func:`pressgraph.ingest.text.parse_text` (Markdown)
``.jsonl``                 :func:`pressgraph.ingest.jsonl.parse_jsonl_line`, one a line
``.json``                  :func:`pressgraph.ingest.jsonl.parse_json_document` (one object)
=========================  ===========================================================

Bad inputs are *yielded* as :class:`~pressgraph.errors.IngestError` (never raised), so the
caller reports them and goes on. A ``.txt``/``.md`` file named like ``name.fr.txt`` gets
that language.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from pressgraph.errors import IngestError
from pressgraph.ingest.decode import decode_bytes
from pressgraph.ingest.jsonl import iter_jsonl, parse_json_document
from pressgraph.ingest.text import parse_text
from pressgraph.model import Document

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "iter_documents"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20_000_000
#: Extension (lower case) -> format name.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".json": "json",
}
_LANGUAGE_TAGS = frozenset({"fr", "en"})


def _format_of(path: Path) -> str | None:
    return SUPPORTED_EXTENSIONS.get(path.suffix.lower())


def _language_of(path: Path) -> str | None:
    """``article.fr.txt`` -> ``"fr"``."""
    tag = Path(path.stem).suffix.lower().lstrip(".")
    return tag if tag in _LANGUAGE_TAGS else None


def _expand_folder(folder: Path) -> list[Path]:
    """Every supported file under ``folder``, recursively, sorted; hidden files and folders
    (names starting with ``.``) are left out."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and _format_of(path) is not None:
            found.append(path)
    return sorted(found)


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[Document | IngestError]:
    fmt = _format_of(path)
    if fmt is None:
        known = ", ".join(SUPPORTED_EXTENSIONS)
        yield IngestError(source, f"unsupported file type {path.suffix or '(none)'!r} ({known})")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield IngestError(source, f"file too large: {size} bytes > {max_bytes}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(source, f"cannot read ({exc.strerror or exc})")
        return
    try:
        text = decode_bytes(data, source)
        if fmt == "jsonl":
            yield from iter_jsonl(text, source=source)
        elif fmt == "json":
            yield parse_json_document(text, source=source)
        else:
            yield parse_text(
                text, source=source, markdown=fmt == "markdown", language=_language_of(path)
            )
    except IngestError as exc:
        yield exc


def iter_documents(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestError]:
    """Read every document of ``paths`` (files or folders), in order.

    A folder stands for every supported file under it, recursively and sorted; files of
    other types inside it are skipped. A file named twice is read once. Each input that
    cannot be read gives one :class:`IngestError` in the stream, and reading goes on.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        source = str(given)
        if path.is_dir():
            files = _expand_folder(path)
            if not files:
                yield IngestError(source, "no supported files in folder")
            named = [(f, str(f)) for f in files]
        elif path.exists():
            named = [(path, source)]
        else:
            yield IngestError(source, "no such file or directory")
            continue
        for file, file_source in named:
            key = file.resolve()
            if key in seen:
                logger.debug("%s: already read", file_source)
                continue
            seen.add(key)
            yield from _read_file(file, file_source, max_bytes)
