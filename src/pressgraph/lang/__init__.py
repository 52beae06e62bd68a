"""Language data: one lexicon per language (``lang/fr/``, ``lang/en/``) and gazetteers of names.

:func:`lexicon` joins one language's parts (numbers, dates, frames, lists, roles, modality,
attribution, grammar, model traits: data only, see :mod:`pressgraph.lang.lexicon` for what
each field means) and the shared gazetteers into a frozen :class:`Lexicon`; adding a language
means adding its package of data, not logic.
"""

from __future__ import annotations

import functools
import importlib
from importlib import resources

from pressgraph.errors import ConfigError
from pressgraph.lang.lexicon import Lexicon, Parts

__all__ = ["LANGUAGES", "Lexicon", "lexicon", "read_gazetteer"]

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


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` ("fr" or "en"), built once per process."""
    if lang not in LANGUAGES:
        raise ConfigError(f"unsupported language {lang!r} (supported: {', '.join(LANGUAGES)})")
    parts = importlib.import_module(f"pressgraph.lang.{lang}").PARTS
    if not isinstance(parts, Parts):
        raise ConfigError(f"pressgraph.lang.{lang}.PARTS is not a lexicon's Parts")
    not_entities = frozenset(read_gazetteer("not_entities.txt"))
    return Lexicon(
        lang=lang,
        **parts.fields(),
        outlets=tuple(sorted(set(read_gazetteer("outlets.txt")), key=len, reverse=True)),
        not_entities=not_entities,
        not_entities_lower=frozenset(x.lower() for x in not_entities),
        descriptions=frozenset(read_gazetteer(f"descriptions_{lang}.txt")),
        institutions=read_gazetteer(f"institutions_{lang}.txt"),
    )
