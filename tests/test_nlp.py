"""Sentence boundaries set before the parser (``pressgraph.nlp.paragraph_boundaries``)."""

from __future__ import annotations

import pytest

from pressgraph import nlp


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # An abbreviated legal form ends a name: a capitalised word after it starts a sentence.
        ("He bought it from Kestrel Central Corp. Harlow bought the park.", ["Harlow"]),
        # "X Corp. said": one sentence.
        ("Kestrel Central Corp. said it sold its stake.", []),
        # A title line is its own sentence.
        ("Vertmont buys stake in Lirac Motors\nBrandt Holdings Inc said it sold.", ["Brandt"]),
    ],
)
def test_sentence_starts(text: str, starts: list[str]) -> None:
    doc = nlp.load("en")(text)
    assert [s[0].text for s in list(doc.sents)[1:] if s.text.strip()] == starts
