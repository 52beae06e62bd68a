"""Extraction: a parsed document becomes entities, mentions and claims.

:func:`extract_parsed` is a pure function of (document, spaCy ``Doc``, language): no
database, no global state, so it can be mapped over a process pool or a cluster.
:func:`extract` parses first (loading the pipeline once per process).

Reading is :class:`~pressgraph.extract.reader.Reader`'s: references and coreference, the
hand rules' frames and claims, then fact candidates (:mod:`.candidates`) with their
features (:mod:`.features`); the trained scorer (:mod:`.scorer`) keeps the facts.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pressgraph.extract.parts import extract_in_parts
from pressgraph.extract.reader import Proposal, Reader
from pressgraph.extract.scorer import Model, default_model
from pressgraph.lang import lexicon
from pressgraph.lang.detect import detect, document_language
from pressgraph.model import Document, Extraction

__all__ = [
    "Proposal",
    "detect_language",
    "extract",
    "extract_in_parts",
    "extract_parsed",
    "propose_parsed",
]


def detect_language(text: str) -> str:
    """The language ``text`` is written in: "fr", "en", or the code of a language
    pressgraph does not read ("de") (:func:`pressgraph.lang.detect.detect`)."""
    return detect(text).language


def extract(document: Document) -> Extraction:
    """Parse ``document`` and extract its claims (with the shipped scorer); a text longer
    than one parse is read in parts (:mod:`pressgraph.extract.parts`). A document in a
    language pressgraph does not read raises :class:`~pressgraph.errors.ConfigError`."""
    from pressgraph import nlp

    lang = document_language(document.language, document.text).language
    return extract_in_parts(document, nlp.parse_parts(nlp.load(lang), document.text), lang)


def _reader(document: Document, doc: Doc, lang: str) -> Reader:
    reader = Reader(document, doc, lang, lexicon(lang))
    reader.read()
    return reader


def extract_parsed(
    document: Document, doc: Doc, lang: str, model: Model | None = None
) -> Extraction:
    """Claims of ``document``, given its spaCy parse ``doc`` (pure: no I/O, no global state):
    the candidates the trained scorer keeps (``model``, default the shipped one)."""
    return _reader(document, doc, lang).extraction(model or default_model())


def propose_parsed(document: Document, doc: Doc, lang: str) -> list[Proposal]:
    """Every fact candidate of ``document`` with its features and claim, undecided (what
    the scorer is trained on)."""
    return _reader(document, doc, lang).proposals()
