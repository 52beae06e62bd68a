"""``pressgraph bench --sizes``: does extraction time grow linearly with the length of one
text?

One text per size (10k, 100k and 1M characters by default) is built by concatenating real
articles of one language (paragraphs separated by a blank line), then parsed in
paragraph-sized parts with ``nlp.pipe`` and joined with ``Doc.from_docs`` (spaCy refuses a
text longer than ``nlp.max_length`` in one call; the joined ``Doc`` has the same
characters, markup blanked as in the pipeline).
Parsing is timed apart; the figure compared is extraction (:func:`extract_parsed`: names,
coreference, frames, candidates and scoring) in seconds per 10,000 characters. The target
is ``largest / smallest < 2``: a per-document search that scans everything read so far
(quadratic time) shows up as a ratio near 100 between 10k and 1M characters.
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


def run_sizes(
    paths: Sequence[str | Path],
    *,
    lang: str = "en",
    sizes: Iterable[int] = DEFAULT_SIZES,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Parse and extract one concatenated text per size; seconds per 10k characters."""
    from pressgraph import nlp
    from pressgraph.extract import extract_parsed

    articles = _articles(paths, lang)
    if not articles:
        raise PressgraphError(f"--sizes: no {lang!r} article in the inputs")
    pipe = nlp.load(lang)
    warm = build_text(articles, 5_000)  # untimed: first-use caches
    extract_parsed(Document.from_text(warm, language=lang), _parse(pipe, warm), lang)
    rows = []
    for size in sizes:
        text = build_text(articles, size)
        if progress is not None:
            progress(f"{len(text):,} characters")
        started = time.perf_counter()
        doc = _parse(pipe, text)
        parsed = time.perf_counter()
        extraction = extract_parsed(Document.from_text(text, language=lang), doc, lang)
        done = time.perf_counter()
        per = 10_000 / len(text)
        rows.append(
            {
                "characters": len(text),
                "tokens": len(doc),
                "claims": len(extraction.claims),
                "parse_s": round(parsed - started, 2),
                "extract_s": round(done - parsed, 2),
                "parse_s_per_10k": round((parsed - started) * per, 4),
                "extract_s_per_10k": round((done - parsed) * per, 4),
            }
        )
    smallest = min(rows, key=lambda r: r["characters"])
    largest = max(rows, key=lambda r: r["characters"])
    ratio = largest["extract_s_per_10k"] / max(smallest["extract_s_per_10k"], 1e-9)
    return {
        "language": lang,
        "articles": len(articles),
        "sizes": rows,
        "ratio": round(ratio, 2),
        "target": TARGET_RATIO,
        "passed": ratio < TARGET_RATIO,
    }
