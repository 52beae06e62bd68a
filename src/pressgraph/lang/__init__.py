"""Language data: lexicons per language (``fr.py``, ``en.py``) and gazetteers of names.

:func:`lexicon` gathers one language's data and the shared gazetteers into a frozen
:class:`Lexicon`; adding a language means adding its data modules, not logic.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from importlib import resources
from types import ModuleType
from typing import Any

from pressgraph.errors import ConfigError

LANGUAGES: tuple[str, ...] = ("fr", "en")


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


@dataclass(frozen=True)
class Lexicon:
    """Everything language-specific that the extractors read."""

    lang: str
    frames: ModuleType  # the language module: frames, cues, magnitudes (lang/fr.py)
    outlets: tuple[str, ...]
    not_entities: frozenset[str]
    not_entities_lower: frozenset[str]
    descriptions: frozenset[str]
    institutions: tuple[str, ...] = ()

    @functools.cached_property
    def title_words(self) -> frozenset[str]:
        """Titles in lower case ("chief executive officer"): never names of their own."""
        return frozenset(k.lower() for k in self.frames.LEADERSHIP_ROLES) | frozenset(
            self.frames.FOUNDER_NOUNS
        )

    @property
    def name_leading_words(self) -> frozenset[str]:
        return self.frames.NAME_LEADING_WORDS  # type: ignore[no-any-return]

    def __getattr__(self, item: str) -> Any:
        # Frame constants are read as attributes: lex.VERB_FRAMES, lex.NOUN_FRAMES...
        if item.isupper():
            return getattr(self.frames, item)
        raise AttributeError(item)


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` ("fr" or "en"), built once per process."""
    if lang not in LANGUAGES:
        raise ConfigError(f"unsupported language {lang!r} (supported: {', '.join(LANGUAGES)})")
    frames = importlib.import_module(f"pressgraph.lang.{lang}")
    if not hasattr(frames, "VERB_FRAMES"):
        raise ConfigError(f"no fact frames for language {lang!r} yet")
    not_entities = frozenset(read_gazetteer("not_entities.txt"))
    return Lexicon(
        lang=lang,
        frames=frames,
        outlets=tuple(sorted(set(read_gazetteer("outlets.txt")), key=len, reverse=True)),
        not_entities=not_entities,
        not_entities_lower=frozenset(x.lower() for x in not_entities),
        descriptions=frozenset(read_gazetteer(f"descriptions_{lang}.txt")),
        institutions=read_gazetteer(f"institutions_{lang}.txt"),
    )
