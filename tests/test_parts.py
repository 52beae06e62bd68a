"""Texts longer than one parse: split at paragraph boundaries (``nlp.split_text``), parsed
in turn, extracted part by part with offsets into the whole text (``extract_in_parts``);
and parsing in isolation (``nlp.parse_each``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pressgraph import nlp
from pressgraph.errors import ConfigError
from pressgraph.extract import extract_in_parts, extract_parsed
from pressgraph.model import Document, Extraction


@pytest.mark.parametrize(
    ("text", "limit", "parts"),
    [
        ("Short.", 100, ["Short."]),
        # The last blank line that fits wins over later line breaks and sentence ends.
        ("One. Two.\n\nThree.\nFour. Five six", 24, ["One. Two.\n\n", "Three.\nFour. Five six"]),
        # A paragraph alone too long: a line break, then a sentence end, then a space.
        ("Aaa bbb.\nCcc ddd. Eee fff", 12, ["Aaa bbb.\n", "Ccc ddd. ", "Eee fff"]),
        ("Aaa bbb. Ccc ddd eee", 12, ["Aaa bbb. ", "Ccc ddd eee"]),
        ("Aaaa bbbb cccc", 8, ["Aaaa ", "bbbb ", "cccc"]),
        # No boundary at all: cut at the limit.
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        # Blank lines with spaces in them are paragraph boundaries too.
        ("Aaa.\n  \n\nBbb ccc.", 12, ["Aaa.\n  \n\n", "Bbb ccc."]),
    ],
)
def test_split_text(text: str, limit: int, parts: list[str]) -> None:
    spans = nlp.split_text(text, limit)
    assert [text[a:b] for a, b in spans] == parts
    assert "".join(parts) == text and all(b - a <= limit for a, b in spans)


def test_split_text_needs_a_positive_limit() -> None:
    with pytest.raises(ConfigError):
        nlp.split_text("abc", 0)


def test_part_limit_is_the_smaller_of_the_pipeline_and_the_cap() -> None:
    pipe = spacy.blank("fr")
    assert nlp.part_limit(pipe) == nlp.MAX_PART_CHARS
    pipe.max_length = 50
    assert nlp.part_limit(pipe) == 50


def _touchy() -> Language:
    """A blank pipeline whose last component breaks on any text with "boom" in it."""
    pipe = spacy.blank("en")
    if not Language.has_factory("test_boom"):

        @Language.component("test_boom")
        def boom(doc: Doc) -> Doc:
            if "boom" in doc.text:
                raise ValueError("boom")
            return doc

    pipe.add_pipe("test_boom")
    return pipe


def test_parse_each_costs_a_failing_text_only_itself() -> None:
    got = list(nlp.parse_each(_touchy(), ["one", "two boom", "three"]))
    assert [d.text if isinstance(d, Doc) else repr(d) for d in got] == [
        "one",
        "ValueError('boom')",
        "three",
    ]


def test_parse_parts_are_parsed_in_turn_with_their_offsets() -> None:
    pipe = spacy.blank("en")
    pipe.max_length = 10
    text = "Aaa bbb.\n\nCcc ddd.\n\nEee."
    got = [(offset, doc.text) for offset, doc in nlp.parse_parts(pipe, text)]
    assert got == [(0, "Aaa bbb.\n\n"), (10, "Ccc ddd.\n\n"), (20, "Eee.")]


ARTICLE = (
    "Orange rachète la start-up Sensity pour 50 millions d'euros.\n\n"
    "Le groupe Bolloré détient 27 % de Vivendi, selon Les Echos.\n\n"
    "Microsoft a investi 13 milliards de dollars dans OpenAI."
)


@pytest.fixture(scope="module")
def read_fr(fr_nlp: Language) -> Callable[[str, int], Extraction]:
    def read(text: str, limit: int) -> Extraction:
        doc = Document.from_text(text, language="fr", source="a.txt")
        parts = ((a, fr_nlp(text[a:b])) for a, b in nlp.split_text(text, limit))
        return extract_in_parts(doc, parts, "fr")

    return read


def test_one_part_is_read_exactly_as_before(
    fr_nlp: Language, read_fr: Callable[[str, int], Extraction]
) -> None:
    doc = Document.from_text(ARTICLE, language="fr", source="a.txt")
    assert read_fr(ARTICLE, len(ARTICLE)) == extract_parsed(doc, fr_nlp(ARTICLE), "fr")


def test_parts_give_the_claims_of_each_part_at_offsets_in_the_whole(
    read_fr: Callable[[str, int], Extraction],
) -> None:
    whole = read_fr(ARTICLE, 70)  # one paragraph a part
    assert whole.document.text == ARTICLE
    assert {c.document for c in whole.claims} == {whole.document.id}
    by_part: list[tuple[str, str, str | None]] = []
    for paragraph in ARTICLE.split("\n\n"):
        alone = read_fr(paragraph, len(paragraph))
        by_part += [(c.type, c.subject, c.object) for c in alone.claims]
    assert [(c.type, c.subject, c.object) for c in whole.claims] == by_part
    assert len(by_part) >= 3
    for claim in whole.claims:
        assert ARTICLE[claim.evidence_start : claim.evidence_end] == claim.evidence
        for argument in claim.arguments:
            assert ARTICLE[argument.start : argument.end] == argument.text
    for mention in whole.mentions:
        assert ARTICLE[mention.start : mention.end] == mention.text
    names = [e.name for e in whole.entities]
    assert len(names) == len(set(names)) and {"Orange", "Vivendi", "OpenAI"} <= set(names)
