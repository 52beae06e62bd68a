"""Claims into facts: grouping, independent sources, statuses, as-of (pressgraph.resolve.facts)."""

from __future__ import annotations

import itertools
from typing import Any

from pressgraph.resolve.facts import build_facts, same_period

_ids = itertools.count()
_SENTENCES = [
    "Le groupe a annoncé mardi une opération qui change la donne pour tout le secteur.",
    "According to people familiar with the matter, the talks started in the spring.",
    "L'accord, signé à Paris, prévoit une montée progressive au capital de la société.",
    "The company said in a statement that the deal had been approved by its board.",
    "Selon plusieurs analystes, cette décision était attendue depuis des mois déjà.",
]


def claim(type_: str, subject: int, obj: int | None = None, *, published: str | None = "2024-03-04",
          outlet: str | None = "Les Echos", document: str | None = None, modality: str = "asserted",
          sources: list[dict[str, Any]] | None = None, evidence: str | None = None,
          **attributes: Any) -> dict[str, Any]:  # fmt: skip
    n = next(_ids)
    row: dict[str, Any] = {
        "id": f"c{n}",
        "document": document or f"d{n}",
        "type": type_,
        "subject": f"E{subject}",
        "subject_id": subject,
        "object": None if obj is None else f"E{obj}",
        "object_id": obj,
        "modality": modality,
        "published": published,
        "ingested_at": "2026-11-27T10:00:00+00:00",
        "outlet": outlet,
        "title": "t",
        "story": None,
        "sources": sources or [],
        "evidence": evidence if evidence is not None else _SENTENCES[n % len(_SENTENCES)],
        "evidence_start": 0,
    }
    for key in ("amount", "currency", "amount_kind", "previous_amount", "percent",
                "previous_percent", "date", "until", "role", "value"):  # fmt: skip
        row[key] = attributes.get(key)
    return row


def by_status(facts: list[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for f in facts:
        out.setdefault(f.status, []).append(f)
    return out


def test_same_fact_from_several_articles_is_one_fact() -> None:
    facts = build_facts([
        claim("investment", 1, 2, amount=13e9, currency="USD", outlet="Les Echos"),
        claim("investment", 1, 2, amount=12.9e9, currency="USD", outlet="Reuters",
              published="2024-03-05"),
        claim("investment", 1, 2, outlet="Le Monde", published="2024-03-06"),  # no amount: agrees
    ])  # fmt: skip
    assert len(facts) == 1
    fact = facts[0]
    assert len(fact.claims) == 3 and fact.independent_sources == 3
    assert fact.first_reported == "2024-03-04" and fact.last_reported == "2024-03-06"
    assert fact.attributes["amount"] == 13e9


def test_different_amounts_or_dates_are_different_facts() -> None:
    facts = build_facts([
        claim("investment", 1, 2, amount=1e9, currency="USD", date="2019"),
        claim("investment", 1, 2, amount=13e9, currency="USD"),
    ])  # fmt: skip
    assert len(facts) == 2
    assert {f.status for f in facts} == {"current"}  # two deals, not a contradiction


def test_symmetric_types_ignore_order() -> None:
    facts = build_facts([claim("partnership", 1, 2), claim("partnership", 2, 1, outlet="Reuters")])
    assert len(facts) == 1 and facts[0].independent_sources == 2


def test_relay_is_not_an_independent_source() -> None:
    ft = {"name": "Financial Times", "kind": "source", "entity_id": 10}
    echos = {"name": "Les Echos", "kind": "relay", "entity_id": 11}
    facts = build_facts([
        claim("valuation", 2, amount=260e9, currency="USD", sources=[ft, echos],
              outlet="Les Echos"),
        claim("valuation", 2, amount=260e9, currency="USD", sources=[ft], outlet="Le Figaro"),
    ])  # fmt: skip
    assert len(facts) == 1
    assert facts[0].sources == ["Financial Times"] and facts[0].independent_sources == 1


def test_wire_copy_reprinted_is_one_source() -> None:
    text = (
        "Veltrix Industries Inc. has invested 500 million euros in Norvala Energy, "
        "the companies said."
    )
    facts = build_facts([
        claim("investment", 1, 2, amount=5e8, currency="EUR", outlet="Reuters", evidence=text),
        claim("investment", 1, 2, amount=5e8, currency="EUR", outlet="MarketWire",
              evidence=text[:-1] + " on Tuesday."),
        claim("investment", 1, 2, amount=5e8, currency="EUR", outlet="Les Echos",
              evidence="Le groupe Veltrix a investi 500 millions d'euros dans Norvala."),
    ])  # fmt: skip
    assert facts[0].independent_sources == 2
    assert "Les Echos" in facts[0].sources and len(facts[0].sources) == 2


def test_story_shared_by_near_duplicates_is_one_source() -> None:
    one = claim("stake", 1, 2, percent=20.0, outlet="Reuters", evidence="Veltrix owns 20 percent.")
    two = claim(
        "stake", 1, 2, percent=20.0, outlet="Yahoo", evidence="Veltrix now holds a 20 pct stake."
    )
    one["story"] = two["story"] = "story-1"
    assert build_facts([one, two])[0].independent_sources == 1


def test_unnamed_source_counts_as_the_outlet() -> None:
    companies = [{"name": "the companies", "kind": "source", "entity_id": None}]
    facts = build_facts([
        claim("investment", 1, 2, outlet="Reuters", sources=companies),
        claim("investment", 1, 2, outlet="Reuters", sources=companies, published="2024-04-01"),
    ])  # fmt: skip
    assert facts[0].independent_sources == 1 and facts[0].sources == ["Reuters"]


def test_newer_value_supersedes_and_history_is_kept() -> None:
    old = claim("stake", 1, 2, percent=20.0, published="2024-03-04")
    new = claim("stake", 1, 2, percent=35.0, published="2025-01-15")
    facts = by_status(build_facts([old, new]))
    assert [f.attributes["percent"] for f in facts["current"]] == [35.0]
    (superseded,) = facts["superseded"]
    assert superseded.attributes["percent"] == 20.0
    assert superseded.superseded_by == [facts["current"][0].id]


def test_renegotiated_term_supersedes_the_old_one() -> None:
    facts = by_status(build_facts([
        claim("access_right", 1, 2, until="2030", published="2024-03-04"),
        claim("access_right", 1, 2, until="2032", published="2025-06-01"),
    ]))  # fmt: skip
    assert [f.attributes["until"] for f in facts["current"]] == ["2032"]
    assert [f.attributes["until"] for f in facts["superseded"]] == ["2030"]


def test_two_values_in_one_period_conflict() -> None:
    facts = build_facts([
        claim("valuation", 2, amount=4e9, currency="EUR", published="2024-03-04",
              outlet="Les Echos"),
        claim("valuation", 2, amount=6e9, currency="EUR", published="2024-03-20",
              outlet="Le Monde"),
    ])  # fmt: skip
    assert {f.status for f in facts} == {"conflicting"}
    a, b = facts
    assert a.conflicts_with == [b.id] and b.conflicts_with == [a.id]


def test_valid_date_orders_before_report_date() -> None:
    # reported later, but about an earlier period: it does not replace the newer one
    facts = by_status(build_facts([
        claim("valuation", 2, amount=157e9, currency="USD", date="2024-10", published="2025-04-01"),
        claim("valuation", 2, amount=300e9, currency="USD", date="2025-03", published="2025-03-31"),
    ]))  # fmt: skip
    assert [f.attributes["amount"] for f in facts["current"]] == [300e9]
    assert [f.attributes["amount"] for f in facts["superseded"]] == [157e9]


def test_planned_fact_never_supersedes_a_stated_one() -> None:
    facts = by_status(build_facts([
        claim("stake", 1, 2, percent=20.0, published="2024-03-04"),
        claim("stake", 1, 2, percent=35.0, published="2025-01-15", modality="planned"),
    ]))  # fmt: skip
    assert sorted(f.attributes["percent"] for f in facts["current"]) == [20.0, 35.0]
    # ... but a newer stated fact supersedes a plan
    facts = by_status(build_facts([
        claim("stake", 1, 2, percent=30.0, published="2024-03-04", modality="planned"),
        claim("stake", 1, 2, percent=35.0, published="2025-01-15"),
    ]))  # fmt: skip
    assert [f.attributes["percent"] for f in facts["superseded"]] == [30.0]


def test_two_amounts_for_one_deal_conflict() -> None:
    facts = build_facts([
        claim("acquisition", 1, 2, amount=2e9, currency="EUR", date="2024"),
        claim("acquisition", 1, 2, amount=3e9, currency="EUR", date="2024", outlet="Reuters"),
    ])  # fmt: skip
    assert {f.status for f in facts} == {"conflicting"}


def test_a_price_per_share_never_conflicts_with_a_total() -> None:
    # en-reuters21578-1808: "53 dlrs a share, or a total of about 3.4 billion dlrs"; and a
    # price per share of another article
    facts = build_facts([
        claim("acquisition", 1, 2, amount=3.4e9, currency="USD", amount_kind="total"),
        claim("acquisition", 1, 2, amount=1.5, currency="USD", amount_kind="per_share",
              outlet="Reuters"),
    ])  # fmt: skip
    assert len(facts) == 2 and {f.status for f in facts} == {"current"}
    assert {f.attributes["amount_kind"] for f in facts} == {"total", "per_share"}
    # ... while two totals still do
    facts = build_facts([
        claim("acquisition", 1, 2, amount=3.4e9, currency="USD", amount_kind="total"),
        claim("acquisition", 1, 2, amount=3.1e9, currency="USD", amount_kind="total",
              outlet="Reuters"),
    ])  # fmt: skip
    assert {f.status for f in facts} == {"conflicting"}


def test_a_change_supersedes_its_former_level() -> None:
    # en-reuters21578-9210: "lifted its stake ... to 52 pct from 44 pct" is one change
    facts = by_status(build_facts([
        claim("stake", 1, 2, percent=52.0, previous_percent=44.0, outlet="Reuters"),
    ]))  # fmt: skip
    assert "conflicting" not in facts
    (current,) = facts["current"]
    (former,) = facts["superseded"]
    assert (current.attributes["percent"], former.attributes["percent"]) == (52.0, 44.0)
    assert former.superseded_by == [current.id] and former.modality == "asserted"
    assert former.claims[0]["evidence"] == current.claims[0]["evidence"]


def test_a_change_supersedes_the_former_level_another_article_gave() -> None:
    # the same week: without the change, 44 and 52 would be two values of one period
    facts = by_status(build_facts([
        claim("stake", 1, 2, percent=44.0, outlet="Les Echos", published="2024-03-01"),
        claim("stake", 1, 2, percent=52.0, previous_percent=44.0, outlet="Reuters",
              published="2024-03-04"),
    ]))  # fmt: skip
    assert "conflicting" not in facts
    (former,) = facts["superseded"]
    assert former.attributes["percent"] == 44.0 and len(former.claims) == 2
    assert former.independent_sources == 2


def test_a_planned_change_leaves_the_stake_current() -> None:
    # dev en-reuters21578-18479: "The offer will bring Dairy Farm's stake in Kwik Save to 25
    # pct from the present 3.5 pct"
    facts = build_facts([
        claim("stake", 1, 2, percent=25.0, previous_percent=3.5, modality="planned"),
    ])  # fmt: skip
    assert {(f.attributes["percent"], f.modality, f.status) for f in facts} == {
        (25.0, "planned", "current"),
        (3.5, "asserted", "current"),
    }


def test_a_raised_offer_supersedes_the_first_one() -> None:
    # en-reuters21578-8497: "raised their offer for Cyclops to 92.50 dlrs per share from 80
    # dlrs per share", after an article about the first offer
    facts = by_status(build_facts([
        claim("acquisition", 1, 2, amount=80.0, currency="USD", amount_kind="per_share",
              modality="planned", published="2024-03-01"),
        claim("acquisition", 1, 2, amount=92.5, currency="USD", amount_kind="per_share",
              previous_amount=80.0, modality="planned", outlet="Reuters", published="2024-03-04"),
    ]))  # fmt: skip
    assert "conflicting" not in facts
    assert [f.attributes["amount"] for f in facts["current"]] == [92.5]
    assert [f.attributes["amount"] for f in facts["superseded"]] == [80.0]


def test_asserted_and_negated_by_different_sources_conflict() -> None:
    facts = build_facts([
        claim("negotiation", 1, 2, outlet="Les Echos"),
        claim("negotiation", 1, 2, outlet="Reuters", modality="negated", published="2024-03-05"),
    ])  # fmt: skip
    assert len(facts) == 1 and facts[0].status == "conflicting" and facts[0].modality == "negated"


def test_modality_follows_the_latest_report() -> None:
    facts = build_facts([
        claim("acquisition", 1, 2, modality="planned", published="2024-01-10"),
        claim("acquisition", 1, 2, modality="asserted", published="2024-03-10", outlet="Reuters"),
    ])  # fmt: skip
    assert len(facts) == 1 and facts[0].modality == "asserted" and facts[0].status == "current"


def test_as_of_only_sees_what_was_reported() -> None:
    claims = [
        claim("stake", 1, 2, percent=20.0, published="2024-03-04"),
        claim("stake", 1, 2, percent=35.0, published="2025-01-15"),
    ]
    before = build_facts(claims, as_of="2024-12-31")
    assert [(f.attributes["percent"], f.status) for f in before] == [(20.0, "current")]
    assert build_facts(claims, as_of="2024-03-03") == []
    assert len(build_facts(claims, as_of="2025")) == 2


def test_report_time_falls_back_to_ingest_date_marked() -> None:
    (fact,) = build_facts([claim("founder", 3, 2, published=None)])
    assert fact.first_reported == "2026-11-27" and fact.reported_from_ingest
    data = fact.to_dict()
    assert data["claims"][0]["reported_from_ingest"] is True
    assert data["claims"][0]["published"] is None


def test_to_dict_has_the_report_fields() -> None:
    (fact,) = build_facts([claim("stake", 1, 2, percent=20.0)])
    data = fact.to_dict()
    for key in ("type", "subject", "object", "amount", "currency", "percent", "date", "until",
                "role", "value", "modality", "status", "first_reported", "last_reported",
                "sources", "independent_sources", "claims"):  # fmt: skip
        assert key in data
    assert set(data["claims"][0]) >= {"document", "outlet", "published", "sources", "evidence"}


def test_same_period() -> None:
    assert same_period("2024", "2024-06-01")
    assert same_period("2024-03-04", "2024-03-20")
    assert not same_period("2024-03-04", "2025-01-15")
    assert not same_period("2023", "2024")


def test_own_story_falls_back_to_the_outlet() -> None:
    # every document has a story (its own id when nothing else joined it): two stories of
    # one outlet are that outlet once; two outlets are two sources
    claims = [claim("stake", 1, 2, percent=20.0, outlet="Reuters"),
              claim("stake", 1, 2, percent=20.0, outlet="Reuters", published="2024-05-02"),
              claim("stake", 1, 2, percent=20.0, outlet="Les Echos",
                    published="2024-05-03")]  # fmt: skip
    for c in claims:
        c["story"] = c["document"]
    (fact,) = build_facts(claims)
    assert fact.independent_sources == 2 and sorted(fact.sources) == ["Les Echos", "Reuters"]


def test_a_line_says_the_kind_and_the_former_level() -> None:
    from pressgraph.report import fact_line

    priced = {"type": "acquisition", "subject": "Cyacq Corp", "object": "Cyclops Corp",
              "amount": 92.5, "currency": "USD", "amount_kind": "per_share",
              "previous_amount": 80}  # fmt: skip
    assert fact_line(priced) == (
        "acquisition Cyacq Corp -> Cyclops Corp 92.5 USD per share (from 80 USD)"
    )
    stake = {"type": "stake", "subject": "A", "object": "B", "percent": 7.7,
             "previous_percent": 6.3}  # fmt: skip
    assert fact_line(stake) == "stake A -> B 7.7% (from 6.3%)"
