"""Per-document searches are bounded (issue 12): the windowed salience resolves a normal
article as the unbounded one did, and a run of 5,000 capitalised words goes through the
bounded paths of name finding. No timing here: speed is ``pressgraph bench --sizes``."""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.language import Language

from pressgraph.extract import coref, entities
from pressgraph.extract.reader import Reader
from pressgraph.lang import lexicon
from pressgraph.model import Document


def _resolutions(text: str, fr_nlp: Language) -> list[tuple[int, int, str, str | None]]:
    reader = Reader(Document.from_text(text, language="fr"), fr_nlp(text), "fr", lexicon("fr"))
    reader.read()
    return [(r.start, r.end, r.kind, r.entity) for r in reader.mentions]


def test_windowed_salience_resolves_a_normal_article_as_before(
    fr_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = (
        resources.files("pressgraph") / "data" / "samples" / "microsoft-openai-partenariat.fr.txt"
    )
    text = path.read_text(encoding="utf-8")
    windowed = _resolutions(text, fr_nlp)
    monkeypatch.setattr(coref.Salience, "__init__", _unbounded(coref.Salience.__init__))
    unbounded = _resolutions(text, fr_nlp)
    assert windowed == unbounded
    assert any(kind in ("description", "possessive", "pronoun") for _, _, kind, _ in windowed)


def _unbounded(init):  # type: ignore[no-untyped-def]
    def wrapped(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        init(self, *args, **kwargs)
        self.window = 10**9

    return wrapped


def test_salience_window_bounds_the_search() -> None:
    near = coref.Cluster(name="Near Corp", label="ORG", outlet=False)
    far = coref.Cluster(name="Far Corp", label="ORG", outlet=False)
    salience = coref.Salience(window=5)
    salience.add(0, 1, far, True)
    salience.add(10, 100, near, True)
    assert list(salience.recent(200)) == [near]  # "Far Corp" is 10 sentences back
    assert list(salience.topics(11)) == [near]
    assert list(coref.Salience().recent(0)) == []


def test_a_sentence_of_5000_capitalised_words_takes_the_bounded_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pressgraph import nlp

    words = ["Alpha", "Beta", "Gamma", "Delta", "Orion", "Vega", "Nova", "Atlas", "Zenith"]
    text = "Analysts said " + " ".join(f"{words[i % 9]}{i % 7}" for i in range(5000)) + " rose."
    doc = nlp.load("en")(text)
    built: list[int] = []
    reach = entities._capitalised_reach

    def counting(*args):  # type: ignore[no-untyped-def]
        built.append(1)
        return reach(*args)

    monkeypatch.setattr(entities, "_capitalised_reach", counting)
    names = entities.find_names(doc, lexicon("en"), text)
    assert len(built) <= 1  # the leftward runs: one pass over the document, not one per name
    assert names and all(a.end <= b.start for a, b in zip(names, names[1:], strict=False))
    assert all(0 <= n.start < n.end <= len(doc) for n in names)
