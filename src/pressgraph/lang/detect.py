"""Which language an article is written in, so that it is read by the right pipeline, or
refused when pressgraph does not read it.

A language the input gives (``language`` in JSON Lines and gold files, ``name.fr.txt``, a
page's ``<html lang>``) is kept when it is one of :data:`~pressgraph.lang.LANGUAGES`
(``fr-FR`` and ``EN`` count as ``fr`` and ``en``). Otherwise the text tells: py3langid's
naive Bayes model (139 languages, shipped inside its package, nothing downloaded) reads
the first :data:`SAMPLE_CHARS` characters, and

- a text in another language (German, Spanish...) is found so: the model gives French and
  English together less than :data:`MIN_SUPPORTED`;
- otherwise the text is read in the more probable of French and English;
- a text too short to tell (fewer than :data:`MIN_LETTERS` letters: a title, a caption) or
  without language at all (tables of figures: the model's ``zxx``) is never refused: it is
  read in the more probable of French and English all the same (the function words of
  :func:`pressgraph.lang.function_words` decide when the model has nothing to go on).

The thresholds were measured on the 3,268 articles of ``../shared/corpus`` and the 77 of
``../shared/eval`` (see the README, "Languages"): cut to their first 100 letters, good
articles keep at least 0.25 of French or English (at 60 letters, 0.013), while German,
Spanish, Italian, Portuguese and Dutch paragraphs of 60 letters or more have 0.0000.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pressgraph.lang import LANGUAGES, function_words

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = [
    "MIN_LETTERS",
    "MIN_SUPPORTED",
    "SAMPLE_CHARS",
    "Detection",
    "declared",
    "detect",
    "document_language",
]

#: Characters of a text the model reads (its first ones): enough for any article, and the
#: time stays that of a short text whatever the length of a long one.
SAMPLE_CHARS = 10_000
#: Fewer letters than this (in the sample) are too few to tell a language from its
#: neighbours: such a text is never refused, only read in French or English.
MIN_LETTERS = 100
#: Below this probability of French and English together, a text of enough letters is in
#: another language and refused.
MIN_SUPPORTED = 0.01
#: The model's class for text without language (numbers, markup, identifiers).
_NO_LANGUAGE = "zxx"

_LETTER = re.compile(r"[^\W\d_]")
_SUBTAG = re.compile(r"[-_]")

#: How a language was found: given by the input, detected, or the closest of the
#: languages pressgraph reads (a text too short, or without language, to refuse).
How = Literal["declared", "detected", "closest"]


@dataclass(frozen=True, slots=True)
class Detection:
    """The language a text is in (an ISO 639 code, maybe one pressgraph does not read),
    how it was found, and the model's probability of it when the model decided."""

    language: str
    how: How
    probability: float | None = None

    @property
    def supported(self) -> bool:
        return self.language in LANGUAGES

    def __str__(self) -> str:
        if self.probability is None:
            return f"language {self.language!r} ({self.how})"
        return f"language {self.language!r} ({self.how}, probability {self.probability:.2f})"


def declared(code: str | None) -> str | None:
    """The language of :data:`LANGUAGES` that a declared code names (``fr``, ``fr-FR``,
    ``EN_gb``), else None (no code, or a language pressgraph does not read)."""
    if not code:
        return None
    primary = _SUBTAG.split(code.strip().lower(), maxsplit=1)[0]
    return primary if primary in LANGUAGES else None


def document_language(code: str | None, text: str) -> Detection:
    """The language of a document that declares ``code`` (or None) and holds ``text``: the
    declared one when pressgraph reads it, else the one :func:`detect` finds."""
    lang = declared(code)
    if lang is not None:
        return Detection(lang, "declared")
    return detect(text)


def detect(text: str) -> Detection:
    """The language ``text`` is written in (see the module docstring for the rules)."""
    sample = text[:SAMPLE_CHARS]
    ranked = _identifier().rank(sample)
    top, top_probability = ranked[0]
    probabilities = dict(reversed(ranked))  # a label listed twice keeps its best
    ours = {lang: float(probabilities.get(lang, 0.0)) for lang in LANGUAGES}
    telling = top != _NO_LANGUAGE and len(_LETTER.findall(sample)) >= MIN_LETTERS
    if telling and sum(ours.values()) < MIN_SUPPORTED:
        return Detection(str(top), "detected", float(top_probability))
    if len(set(ours.values())) > 1:
        best = max(LANGUAGES, key=ours.__getitem__)
    else:  # no feature the model knows (no letters): the function words, if any
        best = _by_function_words(sample)
    return Detection(best, "detected" if telling else "closest", ours[best])


def _by_function_words(sample: str) -> str:
    """The language of :data:`LANGUAGES` whose function words ``sample`` has most (the
    first one on a tie)."""
    counts = {lang: len(function_words(lang).findall(sample)) for lang in LANGUAGES}
    return max(LANGUAGES, key=counts.__getitem__)


@functools.cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model with probabilities, loaded once per process (about 0.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
