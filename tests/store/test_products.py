"""Products, brands and platforms linked to their owner: a fact about the product shows in
the owner's dossier (issue 11). Sentences written in the style of the press on cloud
deals; the French construction is the founding article's ("la plateforme X de Y")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pressgraph import query
from pressgraph.model import Extraction
from pressgraph.query import claims, find_entity
from pressgraph.report import to_json, to_markdown
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import open_store

Extract = Callable[[str], Extraction]


def test_a_product_named_with_its_owner_is_linked(extract_fr: Extract, extract_en: Extract) -> None:
    ex = extract_fr("OpenAI utilise la plateforme Azure de Microsoft pour entraîner ses modèles.")
    owners = {e.name: e.owner for e in ex.entities}
    assert owners.get("Azure") == "Microsoft"
    assert {e.name: e.type for e in ex.entities}["Azure"] == "PRODUCT"
    ex = extract_en("Alphabet's Waymo unit raised $5 billion from Andreessen Horowitz.")
    assert {e.name: e.owner for e in ex.entities}.get("Waymo") == "Alphabet"
    # a company named after another with nothing that says it is a product: no link
    ex = extract_en("Renault's Nissan stake is worth 5 billion euros, said Carlos Ghosn.")
    assert all(e.owner is None for e in ex.entities)


def test_a_fact_on_the_product_shows_in_the_owners_dossier(
    store_target: str | Path, extract_fr: Extract, extract_en: Extract
) -> None:
    first = extract_fr("OpenAI utilise la plateforme Azure de Microsoft.")
    second = extract_en("Oracle signed a partnership with Microsoft's Azure cloud.")
    assert any(c.object == "Azure" or c.subject == "Azure" for c in second.claims)
    with open_store(store_target) as store:
        store.add(first, RESOLUTION)
        store.add(second, RESOLUTION)
        azure = find_entity(store, "Azure")
        assert azure is not None and azure["owner"] == "Microsoft" and azure["documents"] == 2
        microsoft = find_entity(store, "Microsoft")
        assert microsoft is not None and microsoft["products"] == ["Azure"]
        on_azure = {c["id"] for c in claims(store, entity="Azure")}
        assert on_azure and on_azure <= {c["id"] for c in claims(store, entity="Microsoft")}
        d = query.dossier(store, "Microsoft")
        assert any("Azure" in (f.subject, f.object) for f in d.facts)
        assert to_json(d)["products"] == ["Azure"]
        assert "Products and brands" in to_markdown(d)
        # the relationship Oracle - Microsoft includes the deal with Microsoft's Azure
        pair = query.dossier(store, "Oracle", "Microsoft")
        assert any("Azure" in (f.subject, f.object) for f in pair.facts)
