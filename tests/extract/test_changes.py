"""Changes, not conflicts: one claim per change of level (:mod:`pressgraph.extract.changes`),
amounts that say what they count (:mod:`pressgraph.extract.amount_kinds`), and one modality
per fact of a sentence (:func:`pressgraph.extract.merge.collapse_negations`).

Sentences are quoted from ``shared/corpus`` (Reuters-21578 ``acq`` and French Wikinews), the
source named in each case, or written after them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pressgraph import nlp
from pressgraph.extract.amount_kinds import amount_kinds
from pressgraph.extract.changes import find_changes
from pressgraph.extract.merge import merge_claims
from pressgraph.extract.quantities import find_quantities
from pressgraph.lang import lexicon
from pressgraph.model import Claim, Extraction

# (text, [(level reached, former level or None)]): every change of the text.
CHANGES = [
    (
        "en",  # en-reuters21578-9539
        "At the same time, the Edelman group said it cut its stake in Morse to 8.4 pct from "
        "9.7 pct.",
        [("8.4 pct", "9.7 pct")],
    ),
    (
        "en",  # en-reuters21578-6527
        "Exovir said the transaction increases the group's stake from 12.9 pct to 18.5 pct.",
        [("18.5 pct", "12.9 pct")],
    ),
    (
        "en",  # en-reuters21578-18479
        "The offer will bring Dairy Farm's stake in Kwik Save to 25 pct from the present 3.5 "
        "pct, or 5.25 mln shares.",
        [("25 pct", "3.5 pct")],
    ),
    (
        "en",  # en-reuters21578-21046
        "Henley made necessary filings to permit Henley to increase its investment in Sante Fe "
        "to 24.9 pct of the outstanding common stock from 5.03 pct.",
        [("24.9 pct", "5.03 pct")],
    ),
    (
        "en",  # en-reuters21578-16979
        "TransCanada PipeLines Ltd has raised its takeover offer for Dome Petroleum Ltd to 5.5 "
        "billion Canadian dlrs from 4.3 billion.",
        [("5.5 billion Canadian dlrs", "4.3 billion")],
    ),
    (
        "en",  # en-reuters21578-11101
        "Dixons announced that it had increased its holdings in Cyclops Corp to about 83 pct "
        "of the currently outstanding shares.",
        [("83 pct", None)],
    ),
    ("en", "The Commission has also approved Transcapital acquiring up to 45 pct of Astral.", []),
    (
        "en",  # en-reuters21578-21046
        "Santa Fe received several bids ranging from 750 mln dlrs to more than one billion "
        "dlrs for its subsidiary.",
        [],
    ),
    (
        "fr",  # fr-wikinews-2017-04-11-001
        "La valeur de la compagnie a chuté d'environ 900 millions de dollars, passant de 22,5 "
        "milliards à 21,6 milliards.",
        [("21,6 milliards", "22,5 milliards")],
    ),
    (
        "fr",  # after train fr-wmt-faz-2007-11-29-17476
        "La banque Berenberg a augmenté sa participation à l'opérateur de réseau de Düsseldorf "
        "de 5 pour cent à 15,1 pour cent.",
        [("15,1 pour cent", "5 pour cent")],
    ),
    ("fr", "Sa participation a été portée de 10 à 15 %.", [("15 %", "10")]),
    (
        "fr",
        "La valorisation est passée de 80 à 260 milliards de dollars.",
        [
            ("260 milliards de dollars", "80"),
        ],
    ),  # fmt: skip
    (
        "fr",
        "Le groupe a porté sa participation à 15 %, contre 10 % auparavant.",
        [
            ("15 %", "10 %"),
        ],
    ),  # fmt: skip
    (
        "fr",  # fr-wikinews-2018-12-10-001: a range
        "Les mesures annoncées représentent un coût de 8 à 10 milliards d'euros.",
        [],
    ),
    (
        "fr",  # after train fr-wmt-cincodias-2009-12-10-53253: a bid for up to 29,9 %
        "Le groupe entend acquérir un maximum de 25 à 29,9 % du capital de Sos.",
        [],
    ),
    (
        "fr",  # the sample, §3: the verb between is not the change word's
        "Microsoft a par la suite renforcé sa participation avec un investissement "
        "supplémentaire estimé à 13 milliards de dollars.",
        [],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CHANGES)
def test_changes(lang: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = nlp.load(lang)(text)
    quantities = find_quantities(doc.text, lang)
    found = [
        (c.new.text, c.previous.text if c.previous else None)
        for sent in doc.sents
        for c in find_changes(sent, quantities, lexicon(lang))
    ]
    assert found == expected


def test_a_bare_former_level_takes_the_unit_of_the_level_reached() -> None:
    text = "La valorisation est passée de 80 à 260 milliards de dollars."
    doc = nlp.load("fr")(text)
    (change,) = find_changes(next(doc.sents), find_quantities(text, "fr"), lexicon("fr"))
    assert change.previous is not None
    assert change.previous.value == 80e9 and change.previous.currency == "USD"


KINDS = [
    (
        "en",  # en-reuters21578-496: the second price is per share too
        "offered to sweeten his bid for the company by 1.50 dlrs a share cash and 1.50 dlrs in "
        "securities.",
        ["per_share", "per_share"],
    ),
    (
        "en",  # en-reuters21578-1808
        "an estimated value of 53 dlrs a share, or a total of about 3.4 billion dlrs.",
        ["per_share", "total"],
    ),
    (
        "en",  # en-reuters21578-4893
        "buy the 2.6 mln shares held by Trump at 24 dlrs a share, or 62.4 mln dlrs",
        ["per_share", "total"],
    ),
    (
        "en",  # en-reuters21578-9246
        "raised the value of its offer from 80 dlrs per Cyclops share on Friday.",
        ["per_share"],
    ),
    (
        "en",  # en-reuters21578-12858
        "prepared to raise its bid for GenCorp Inc to 110 dlrs cash per share from 100 dlrs "
        "per share.",
        ["per_share", "per_share"],
    ),
    (
        "en",  # dev en-reuters21578-18479
        "placing 89 mln shares with Jardine at 5.10 H.K. Dlrs each for a total of 454 mln dlrs",
        ["per_unit", "total"],
    ),
    (
        "fr",
        "une offre de 25 euros par action, soit 2 milliards d'euros au total",
        [
            "per_share",
            "total",
        ],
    ),  # fmt: skip
    ("fr", "au prix unitaire de 25,25 dollars", ["per_unit"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), KINDS)
def test_amount_kinds(lang: str, text: str, expected: list[str]) -> None:
    amounts = [q for q in find_quantities(text, lang) if q.kind == "money"]
    kinds = amount_kinds(text, amounts, lexicon(lang))
    assert [kinds[q.start] for q in amounts] == expected


# -- one sentence, one modality -----------------------------------------------------------


def _claim(modality: str, start: int = 0, **attributes: object) -> Claim:
    return Claim(
        document="d",
        type="stake",
        subject="L.M. Ericsson",
        object="Intelsa",
        modality=modality,
        evidence="...",
        evidence_start=start,
        evidence_end=start + 3,
        **attributes,  # type: ignore[arg-type]
    )


def test_a_fact_and_its_negation_in_one_sentence_collapse_to_the_negation() -> None:
    merged = merge_claims([_claim("asserted", percent=49.0), _claim("negated")])
    assert [(c.modality, c.percent) for c in merged] == [("negated", 49.0)]


def test_a_negation_in_another_sentence_stays_apart() -> None:
    merged = merge_claims([_claim("asserted", 0), _claim("negated", 100)])
    assert [c.modality for c in merged] == ["asserted", "negated"]


def test_a_price_per_share_and_a_total_merge_into_the_total() -> None:
    per_share = _claim("planned", amount=53.0, currency="USD", amount_kind="per_share")
    total = _claim("planned", 100, amount=3.4e9, currency="USD", amount_kind="total")
    (merged,) = merge_claims([per_share, total])
    assert (merged.amount, merged.amount_kind) == (3.4e9, "total")


def test_ericsson_stake_has_one_modality(extract_en: Callable[[str], Extraction]) -> None:
    # en-reuters21578-16570 (the whole wire): "that it does not already own" denies the
    # stake that "its Spanish unit" read alone would assert.
    text = (
        "NEW YORK, April 13 - L.M. Ericsson of Sweden said it agreed in principle to buy the 49 "
        "pct of Intelsa, its Spanish unit, that it does not already own from <Telefonica>, "
        "Spain's telecommunications administration.\n\nTerms of the agreement were not "
        "disclosed.\n\nEricsson said Intelsa, which controls about 40 pct of the Spanish "
        "telephone switch market, has 2,400 employees and annual sales of 800 mln crowns, or "
        '117 mln dlrs.\n\n"The purchase will not affect the close working relationship '
        'between Telefonica and Intelsa," Ericsson said.'
    )
    stakes = [
        c
        for c in extract_en(text).claims
        if c.type == "stake" and (c.subject, c.object) == ("L.M. Ericsson", "Intelsa")
    ]
    assert [c.modality for c in stakes] == ["negated"]


def test_a_per_share_price_is_never_a_total(extract_en: Callable[[str], Extraction]) -> None:
    # en-reuters21578-496
    text = (
        "WASHINGTON, March 2 - Investor Sumner Redstone, who leads one of the two groups vying "
        "for control of Viacom International Inc, offered to sweeten his bid for the company by "
        "1.50 dlrs a share cash and 1.50 dlrs in securities."
    )
    priced = [c for c in extract_en(text).claims if c.amount is not None]
    assert priced and all(c.amount_kind == "per_share" for c in priced)
