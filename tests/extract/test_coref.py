"""Within-article coreference: descriptions, "lui", possessives and "cette nouvelle entité".

Checked on the sample article's sentences and on short texts about other companies, through
the parties of the claims and through the aliases of ``extraction.entities``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

import pytest

from pressgraph.model import Extraction

SAMPLE_SNIPPET = (
    "Le contrat initial, signé en 2019, avait permis à Microsoft d'investir un milliard de "
    "dollars dans OpenAI. En contrepartie, la société dirigée par Satya Nadella avait obtenu un "
    "accès aux modèles de langage et à la propriété intellectuelle de la jeune entreprise. "
    "OpenAI lui avait également accordé une part des recettes issues de la vente de ses "
    "produits. Microsoft a par la suite renforcé sa participation avec un investissement "
    "supplémentaire estimé à 13 milliards de dollars."
)
SANOFI = (
    "Sanofi a investi 300 millions d'euros dans BioNTech en 2019. En contrepartie, la société "
    "dirigée par Paul Hudson a obtenu un accès aux brevets et aux données cliniques de la jeune "
    "entreprise. BioNTech lui a accordé une part des recettes. Sanofi a par la suite renforcé sa "
    "participation avec un investissement supplémentaire estimé à 1 milliard d'euros."
)
MISTRAL = (
    "Nvidia a investi 2 milliards de dollars dans Mistral AI en 2024. Mistral AI souhaiterait "
    "convertir son entité commerciale en société à mission. Nvidia envisagerait de céder une "
    "partie de sa participation dans cette nouvelle entité. Les discussions portent sur une "
    "possible introduction en Bourse de la start-up."
)


@pytest.fixture(scope="module")
def sample_text() -> str:
    path = (
        resources.files("pressgraph") / "data" / "samples" / "microsoft-openai-partenariat.fr.txt"
    )
    return path.read_text(encoding="utf-8")


def _has(extraction: Extraction, type_: str, subject: str, obj: str | None) -> bool:
    return any(
        c.type == type_ and c.subject == subject and c.object == obj for c in extraction.claims
    )


def _aliases(extraction: Extraction) -> dict[str, set[str]]:
    return {e.name: {a.lower() for a in e.aliases} for e in extraction.entities}


@pytest.mark.parametrize(
    ("text", "investor", "investee", "leader"),
    [
        (SAMPLE_SNIPPET, "Microsoft", "OpenAI", "Satya Nadella"),
        (SANOFI, "Sanofi", "BioNTech", "Paul Hudson"),
    ],
    ids=["sample", "sanofi"],
)
def test_descriptions_pronoun_possessive(
    text: str, investor: str, investee: str, leader: str, extract_fr: Callable[[str], Extraction]
) -> None:
    x = extract_fr(text)
    # "la société dirigée par X" is the investor (X leads it); "la jeune entreprise" the investee.
    assert _has(x, "leadership", leader, investor)
    assert _has(x, "access_right", investor, investee)
    # "Y lui a accordé une part des recettes": "lui" is the investor, not Y.
    assert _has(x, "revenue_share", investor, investee)
    # "X a renforcé sa participation": "sa" is X, the stake is in the company X invested in.
    assert _has(x, "stake", investor, investee)
    assert not any(c.subject == c.object for c in x.claims)
    aliases = _aliases(x)
    assert "la jeune entreprise" in aliases[investee]
    assert "la jeune entreprise" not in aliases[investor]
    assert f"la société dirigée par {leader}".lower() in aliases[investor]
    assert not any(a.startswith("la société") for a in aliases[investee])


def test_new_entity_and_start_up(extract_fr: Callable[[str], Extraction]) -> None:
    x = extract_fr(MISTRAL)
    # "sa participation dans cette nouvelle entité": Nvidia's stake in Mistral AI's new entity.
    divest = [c for c in x.claims if c.type == "divestment"]
    assert [(c.subject, c.object, c.modality) for c in divest] == [
        ("Nvidia", "Mistral AI", "hedged")
    ]
    assert _has(x, "stake", "Nvidia", "Mistral AI")
    assert _has(x, "ipo", "Mistral AI", None)
    aliases = _aliases(x)
    assert {"cette nouvelle entité", "la start-up"} <= aliases["Mistral AI"]
    assert not aliases["Nvidia"] & {"cette nouvelle entité", "la start-up"}


def test_sample_article_descriptions(
    extract_fr: Callable[[str], Extraction], sample_text: str
) -> None:
    x = extract_fr(sample_text)
    aliases = _aliases(x)
    for description in ("la start-up", "la jeune entreprise", "cette nouvelle entité"):
        assert description in aliases["OpenAI"], description
        assert description not in aliases["Microsoft"], description
    assert "la société dirigée par satya nadella" in aliases["Microsoft"]
    assert "la société fondée par sam altman" in aliases["OpenAI"]
    # "la société fondée par Sam Altman" is OpenAI; "La start-up conserve ... son projet".
    assert _has(x, "founder", "Sam Altman", "OpenAI")
    assert any(
        c.type == "legal_form" and c.subject == "OpenAI" and c.modality == "planned"
        for c in x.claims
    )
    # "sa participation dans cette nouvelle entité": Microsoft's stake in OpenAI.
    assert _has(x, "divestment", "Microsoft", "OpenAI")
    # "ses collaborations" are OpenAI's ("la volonté d'OpenAI d'étendre ses collaborations").
    assert {c.object for c in x.claims if c.type == "partnership" and c.subject == "OpenAI"} == {
        "SoftBank",
        "Oracle",
        "CoreWeave",
    }
