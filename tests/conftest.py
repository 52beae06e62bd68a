"""Shared fixtures: the French and English pipelines (loaded once per session) and extraction helpers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from pressgraph import nlp
from pressgraph.extract import extract_parsed
from pressgraph.model import Document, Extraction


@pytest.fixture(scope="session")
def fr_nlp() -> Language:
    return nlp.load("fr")


@pytest.fixture(scope="session")
def extract_fr(fr_nlp: Language) -> Callable[[str], Extraction]:
    def run(text: str) -> Extraction:
        doc = Document.from_text(text, language="fr")
        return extract_parsed(doc, fr_nlp(text), "fr")

    return run


@pytest.fixture(scope="session")
def extract_en() -> Callable[[str], Extraction]:
    pipe = nlp.load("en")

    def run(text: str) -> Extraction:
        doc = Document.from_text(text, language="en")
        return extract_parsed(doc, pipe(text), "en")

    return run
