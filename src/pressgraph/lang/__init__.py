"""Language data: one lexicon per language (``lang/fr/``, ``lang/en/``) and gazetteers of names.

:func:`lexicon` joins one language's parts (numbers, dates, frames, lists, roles, modality,
attribution, grammar, model traits: data only, see :mod:`pressgraph.lang.lexicon` for what
each field means) and the shared gazetteers into a frozen :class:`Lexicon`; adding a language
means adding its package of data, not logic.
"""

from __future__ import annotations

import functools
import importlib
import re
from importlib import resources

from pressgraph.errors import ConfigError
from pressgraph.lang.lexicon import Lexicon, Parts

__all__ = [
    "FALLBACK_LANGUAGE",
    "LANGUAGES",
    "Lexicon",
    "function_words",
    "language_of",
    "lexicon",
    "parts",
    "read_gazetteer",
]

#: The languages pressgraph reads: each has a package of data here.
LANGUAGES: tuple[str, ...] = ("fr", "en")
#: The language texts in another language are read as.
FALLBACK_LANGUAGE = "en"


def language_of(code: str) -> str:
    """The language of :data:`LANGUAGES` that a language code names ("fr", "fr-FR", "fr_CA"
    -> "fr"), else :data:`FALLBACK_LANGUAGE`."""
    base = code.lower()[:2]
    return base if base in LANGUAGES else FALLBACK_LANGUAGE


def read_gazetteer(name: str) -> tuple[str, ...]:
    """Lines of a bundled gazetteer file (``data/gazetteers/NAME``), comments dropped."""
    path = resources.files("pressgraph") / "data" / "gazetteers" / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"gazetteer {name!r} is missing from the package") from exc
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def parts(lang: str) -> Parts:
    """The word lists and switches of ``lang`` ("fr" or "en"), without the gazetteers."""
    if lang not in LANGUAGES:
        raise ConfigError(f"unsupported language {lang!r} (supported: {', '.join(LANGUAGES)})")
    found = importlib.import_module(f"pressgraph.lang.{lang}").PARTS
    if not isinstance(found, Parts):
        raise ConfigError(f"pressgraph.lang.{lang}.PARTS is not a lexicon's Parts")
    return found


@functools.cache
def function_words(lang: str) -> re.Pattern[str]:
    """The frequent function words of ``lang`` as one pattern (whole words, any case), counted
    to tell the language of a text."""
    words = parts(lang).grammar.function_words
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.I)


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` ("fr" or "en"), built once per process."""
    words = parts(lang)
    not_entities = frozenset(read_gazetteer("not_entities.txt"))
    return Lexicon(
        lang=lang,
        **words.fields(),
        outlets=tuple(sorted(set(read_gazetteer("outlets.txt")), key=len, reverse=True)),
        not_entities=not_entities,
        not_entities_lower=frozenset(x.lower() for x in not_entities),
        descriptions=frozenset(read_gazetteer(f"descriptions_{lang}.txt")),
        product_nouns=frozenset(read_gazetteer(f"product_nouns_{lang}.txt")),
        institutions=read_gazetteer(f"institutions_{lang}.txt"),
        name_endings=frozenset(read_gazetteer("name_endings.txt")),
        name_conjunctions=frozenset(read_gazetteer("name_conjunctions.txt")),
    )
