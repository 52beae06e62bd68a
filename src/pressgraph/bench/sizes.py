"""``pressgraph bench --sizes``: does extraction time grow linearly with the length of one
text?

One text of the largest size (1M characters by default) is built by concatenating real
articles of one language (paragraphs separated by a blank line) and parsed once, in
paragraph parts with ``nlp.pipe``. The same characters are then read as documents of each
size (10k, 100k and 1M characters: parts joined with ``Doc.from_docs``, as spaCy refuses a
text longer than ``nlp.max_length`` in one call; markup blanked as in the pipeline), each
document extracted on its own (:func:`extract_parsed`: names, coreference, frames,
candidates and scoring). The figure compared is extraction time in seconds per 10,000
characters, the same characters on every row, so only the length of one document changes.
The target is ``largest / smallest < 2``: a per-document search that scans everything read
so far (quadratic time) shows up as a ratio near 100 between 10k and 1M characters.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pressgraph.errors import PressgraphError
from pressgraph.model import Document

__all__ = ["DEFAULT_SIZES", "TARGET_RATIO", "build_text", "paragraphs", "run_sizes"]

DEFAULT_SIZES: tuple[int, ...] = (10_000, 100_000, 1_000_000)
TARGET_RATIO = 2.0
#: Characters per part given to ``nlp.pipe`` at most (paragraphs grouped up to this length).
PART_CHARS = 20_000


def build_text(articles: Sequence[str], size: int) -> str:
    """Articles joined by a blank line (cycling through them if needed) up to ``size``
    characters, cut at the last paragraph boundary before ``size``."""
    if not any(a.strip() for a in articles):
        raise PressgraphError("--sizes: no article text to build a long text from")
    out: list[str] = []
    length = 0
    i = 0
    while length < size:
        text = articles[i % len(articles)].strip()
        i += 1
        if text:
            out.append(text)
            length += len(text) + 2
    text = "\n\n".join(out)
    cut = text.rfind("\n\n", 0, size)
    return text[:cut] if cut > 0 else text[:size]


def paragraphs(text: str, part_chars: int = PART_CHARS) -> list[str]:
    """``text`` in consecutive parts of whole paragraphs (each ending after its blank
    line), at most ``part_chars`` long unless one paragraph is longer: their concatenation
    is ``text``."""
    parts: list[str] = []
    current = ""
    start = 0
    while start < len(text):
        end = text.find("\n\n", start)
        end = len(text) if end == -1 else end + 2
        piece = text[start:end]
        if current and len(current) + len(piece) > part_chars:
            parts.append(current)
            current = ""
        current += piece
        start = end
    if current:
        parts.append(current)
    return parts


def _parse(nlp: Any, text: str) -> Any:
    from spacy.tokens import Doc

    docs = list(nlp.pipe(paragraphs(text)))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if len(doc.text) != len(text):  # pragma: no cover - markup is blanked, not removed
        raise PressgraphError("--sizes: the joined parse does not cover the text")
    return doc


def _articles(paths: Sequence[str | Path], lang: str) -> list[str]:
    from pressgraph.ingest import iter_documents

    return [
        d.text
        for d in iter_documents(paths)
        if isinstance(d, Document) and (d.language or "") == lang
    ]


def _groups(pieces: Sequence[str], size: int) -> list[list[int]]:
    """Consecutive pieces gathered into documents of at most ``size`` characters (a piece
    longer than that is a document of its own)."""
    out: list[list[int]] = []
    length = 0
    for i, piece in enumerate(pieces):
        if out and length + len(piece) <= size:
            out[-1].append(i)
            length += len(piece)
        else:
            out.append([i])
            length = len(piece)
    return out


def run_sizes(
    paths: Sequence[str | Path],
    *,
    lang: str = "en",
    sizes: Iterable[int] = DEFAULT_SIZES,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Seconds of extraction per 10k characters when the same text is read as documents of
    each size.

    One text of the largest size is built and parsed once, in paragraph parts no longer than
    the smallest size. For each size, consecutive parts are joined (``Doc.from_docs``) into
    documents of at most that many characters, and each document is extracted on its own:
    every size reads the same characters, so the only thing that changes between rows is how
    long one document is. Linear time gives the same seconds per 10k on every row."""
    from spacy.tokens import Doc

    from pressgraph import nlp
    from pressgraph.extract import extract_parsed

    sizes = sorted(set(sizes))
    if not sizes:
        raise PressgraphError("--sizes: no size given")
    articles = _articles(paths, lang)
    if not articles:
        raise PressgraphError(f"--sizes: no {lang!r} article in the inputs")
    pipe = nlp.load(lang)
    warm = build_text(articles, 5_000)  # untimed: first-use caches
    extract_parsed(Document.from_text(warm, language=lang), _parse(pipe, warm), lang)
    text = build_text(articles, sizes[-1])
    pieces = paragraphs(text, sizes[0])
    if progress is not None:
        progress(f"parsing {len(text):,} characters in {len(pieces)} parts")
    started = time.perf_counter()
    parsed = list(pipe.pipe(pieces))
    parse_s = time.perf_counter() - started
    per = 10_000 / len(text)
    rows = []
    for size in sizes:
        groups = _groups(pieces, size)
        if progress is not None:
            progress(f"{len(groups)} document(s) of at most {size:,} characters")
        seconds = 0.0
        claims = 0
        for group in groups:
            part = "".join(pieces[i] for i in group)
            doc = Doc.from_docs([parsed[i] for i in group], ensure_whitespace=False)
            if len(doc.text) != len(part):  # pragma: no cover - markup is blanked, not removed
                raise PressgraphError("--sizes: the joined parse does not cover the text")
            began = time.perf_counter()
            extraction = extract_parsed(Document.from_text(part, language=lang), doc, lang)
            seconds += time.perf_counter() - began
            claims += len(extraction.claims)
        rows.append(
            {
                "size": size,
                "documents": len(groups),
                "characters": len(text),
                "longest": max(sum(len(pieces[i]) for i in g) for g in groups),
                "claims": claims,
                "extract_s": round(seconds, 2),
                "extract_s_per_10k": round(seconds * per, 4),
            }
        )
    smallest, largest = rows[0], rows[-1]
    ratio = largest["extract_s_per_10k"] / max(smallest["extract_s_per_10k"], 1e-9)
    return {
        "language": lang,
        "articles": len(articles),
        "characters": len(text),
        "parse_s": round(parse_s, 2),
        "parse_s_per_10k": round(parse_s * per, 4),
        "sizes": rows,
        "ratio": round(ratio, 2),
        "target": TARGET_RATIO,
        "passed": ratio < TARGET_RATIO,
    }
