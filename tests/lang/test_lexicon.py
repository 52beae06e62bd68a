"""The typed lexicon: every language fills every field, with values of the declared kinds."""

from __future__ import annotations

import dataclasses

import pytest

from pressgraph.errors import ConfigError
from pressgraph.lang import LANGUAGES, language_of, lexicon


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_fills_the_lexicon(lang: str) -> None:
    lex = lexicon(lang)
    other = lexicon(LANGUAGES[0])
    assert lex.lang == lang
    for field in dataclasses.fields(lex):
        value = getattr(lex, field.name)
        assert isinstance(value, type(getattr(other, field.name))), field.name


def test_unsupported_language() -> None:
    with pytest.raises(ConfigError):
        lexicon("de")


@pytest.mark.parametrize(
    ("code", "lang"),
    [("fr", "fr"), ("fr-FR", "fr"), ("FR_ca", "fr"), ("en-GB", "en"), ("de", "en")],
)
def test_language_of(code: str, lang: str) -> None:
    assert language_of(code) == lang
