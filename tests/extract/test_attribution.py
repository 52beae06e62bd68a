"""Attribution chains, through full extraction: sources outermost first, then relays."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pressgraph.model import Extraction


@pytest.mark.parametrize(
    ("text", "fact_type", "sources"),
    [
        ("Selon Les Echos, Renault a cédé 10 % de Nissan.", "divestment", ["Les Echos"]),
        ("Carrefour a racheté Promocash, selon Les Echos.", "acquisition", ["Les Echos"]),
        ("D'après Les Echos, Renault a cédé 10 % de Nissan.", "divestment", ["Les Echos"]),
        ("D'après Challenges, Bouygues négocie avec Alstom.", "negotiation", ["Challenges"]),
        (
            "Selon Bloomberg, relayé par Les Echos, Renault a cédé 10 % de Nissan.",
            "divestment",
            ["Bloomberg", "Les Echos"],
        ),
        (
            "Selon le Wall Street Journal, relayé par Le Figaro, Amazon détiendrait 20 % de "
            "Rivian.",
            "stake",
            ["Wall Street Journal", "Le Figaro"],
        ),
        (
            "La valorisation actuelle d'OpenAI est estimée à 260 milliards de dollars, selon le "
            "Financial Times, relayé par Les Echos.",
            "valuation",
            ["Financial Times", "Les Echos"],
        ),
        (
            "Selon Le Monde, d'après Reuters, Amazon détient 20 % de Rivian.",
            "stake",
            ["Le Monde", "Reuters"],
        ),
        ("Les Echos rapporte que Renault a cédé 10 % de Nissan.", "divestment", ["Les Echos"]),
        ("Orange a annoncé l'acquisition de MasOrange.", "acquisition", ["Orange"]),
        ("Renault a annoncé la cession de 10 % de Nissan.", "divestment", ["Renault"]),
        ("Renault a cédé 10 % de Nissan.", "divestment", []),
        ("Capgemini a racheté Altran pour 3,6 milliards d'euros en 2020.", "acquisition", []),
    ],
)
def test_sources(
    text: str, fact_type: str, sources: list[str], extract_fr: Callable[[str], Extraction]
) -> None:
    extraction = extract_fr(text)
    claims = [c for c in extraction.claims if c.type == fact_type]
    assert claims, f"no {fact_type} claim in {[c.type for c in extraction.claims]}"
    for claim in claims:
        assert claim.source_names() == sources
        kinds = [s.kind for s in claim.sources]
        # Sources come before relays, and each is anchored on its name in the text.
        assert kinds == sorted(kinds, key=lambda k: k != "source")
        for src in claim.sources:
            if src.start is not None:
                assert extraction.document.text[src.start : src.end] == src.name
        assert claim.object not in claim.source_names()


def test_relay_kind(extract_fr: Callable[[str], Extraction]) -> None:
    claim = extract_fr(
        "Selon Bloomberg, relayé par Les Echos, Renault a cédé 10 % de Nissan."
    ).claims[0]
    assert [(s.name, s.kind) for s in claim.sources] == [
        ("Bloomberg", "source"),
        ("Les Echos", "relay"),
    ]


def test_source_is_not_a_party(extract_fr: Callable[[str], Extraction]) -> None:
    extraction = extract_fr("Selon Les Echos, Renault a cédé 10 % de Nissan.")
    parties = {c.subject for c in extraction.claims} | {c.object for c in extraction.claims}
    assert "Les Echos" not in parties
