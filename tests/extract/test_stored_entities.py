"""Every organisation and person an article names is an entity of its extraction, fact or
no fact, under a clean name (pressgraph.extract.nameable, name_edges, tickers).

Sentences are short excerpts of the Reuters-21578 "acq" articles and the French Wikinews
articles of ``../shared/corpus`` (their sources are named by each case), or written in the
same style where marked.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pressgraph.model import Extraction

Extract = Callable[[str], Extraction]


def _entities(ex: Extraction) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.name: (e.type, e.aliases) for e in ex.entities}


def test_names_without_a_fact_are_entities_with_their_mentions(extract_fr: Extract) -> None:
    # written in the style of a Wikinews brief: no deal, two companies, one person
    ex = extract_fr(
        "Une collision a été évitée entre un avion d'Airbus et un drone, a indiqué le "
        "Bureau d'enquêtes et d'analyses. Guillaume Faury, patron d'Airbus, a salué "
        "le travail des pilotes."
    )
    names = _entities(ex)
    assert "Airbus" in names and names["Airbus"][0] == "ORG"
    assert names["Guillaume Faury"][0] == "PERSON"
    assert not ex.claims or all(c.type == "leadership" for c in ex.claims)
    airbus = [m for m in ex.mentions if m.entity == "Airbus" and m.kind == "name"]
    assert len(airbus) == 2
    text = ex.document.text
    assert all(text[m.start : m.end] == "Airbus" for m in airbus)


def test_common_words_opening_a_sentence_are_no_entities(extract_en: Extract) -> None:
    # Reuters style: "Analysts said ..." opens a sentence, capitalised
    ex = extract_en(
        "Analysts said the offer was too low. Acquisition talks with Kuwait Petroleum Corp "
        "ended on Friday, a spokesman said."
    )
    names = _entities(ex)
    assert "Kuwait Petroleum Corp" in names
    assert not {"Analysts", "Acquisition", "a spokesman"} & set(names)


@pytest.mark.parametrize(
    ("text", "name", "not_names"),
    [
        # reuters21578 acq: a count glued after the name
        (
            "It would sell Qintex 900,000 Hal Roach shares at 15 dlrs a share.",
            "Qintex",
            {"Qintex 900,000"},
        ),
        # reuters21578 acq: a parenthesis closed right after NER's name
        (
            "Measurex Corp said it sold its Measurex (South Africa Pty) subsidiary to a "
            "group of local investors.",
            "Measurex (South Africa Pty)",
            {"Measurex (South Africa Pty"},
        ),
        # written like the wire copy of the issue: runs of spaces and a stray full stop
        (
            "The shares were bought by Dresdner Bank AG         .",
            "Dresdner Bank AG",
            {"Dresdner Bank AG         .", "Dresdner Bank AG ."},
        ),
        ("All Rexnord Inc shares will be bought by all Rexnord Inc holders.", None, set()),
    ],
)
def test_names_are_cleaned(
    extract_en: Extract, text: str, name: str | None, not_names: set[str]
) -> None:
    names = _entities(extract_en(text))
    if name is not None:
        assert name in names, names
    assert not not_names & set(names)
    for n in names:
        assert n == " ".join(n.split()), n  # one space between words
        assert n.count("(") == n.count(")"), n
        assert not n.startswith("all "), n


def test_a_glued_courtesy_title_is_no_part_of_the_name(extract_fr: Extract) -> None:
    # fr.wikinews 2016: "M.Trudeau", the courtesy title written without its space
    ex = extract_fr("Selon M.Trudeau, le Canada accueillera les réfugiés.")
    assert "Trudeau" in _entities(ex)
    assert "M.Trudeau" not in _entities(ex)


def test_a_persons_party_is_not_her_alias(extract_fr: Extract) -> None:
    # fr.wikinews 2016: a deputy followed by the acronym of his party
    ex = extract_fr("Le député Jean-Luc Laurent (PS) a voté contre le texte.")
    names = _entities(ex)
    assert "Jean-Luc Laurent" in names
    assert "PS" not in names["Jean-Luc Laurent"][1]


@pytest.mark.parametrize(
    ("text", "name", "ticker"),
    [
        # reuters21578 acq: tickers in angle brackets after the name
        (
            "McDonnell Douglas Corp <MD> said it agreed to buy Hughes Tool Co <HT>.",
            "McDonnell Douglas Corp",
            "<MD>",
        ),
        (
            "The Wallenbergs were ousted as the largest shareholders by Skanska AB <SKBS ST> "
            "and Frederik Lundberg.",
            "Skanska AB",
            "<SKBS ST>",
        ),
        # press-release style: the exchange before the ticker
        (
            "Microsoft Corp (Nasdaq: MSFT) said it would invest in the start-up.",
            "Microsoft Corp",
            "Nasdaq: MSFT",
        ),
    ],
)
def test_a_ticker_after_a_name_is_its_alias(
    extract_en: Extract, text: str, name: str, ticker: str
) -> None:
    names = _entities(extract_en(text))
    assert name in names, names
    assert ticker in names[name][1]
    assert ticker.strip("<>") not in names  # never an entity of its own


def test_a_short_form_with_its_own_legal_form_is_another_company(extract_en: Extract) -> None:
    # reuters21578 acq: the parent "Gates Corp" beside its subsidiary "Gates Learjet Corp"
    ex = extract_en(
        "Interconnect Capital Corp sent a letter to the board of Gates Learjet Corp, "
        "offering to buy the company for 7.07 dlrs a share. Gates Corp, which owns 64.8 pct "
        "of Gates Learjet, agreed earlier this month to sell its stake."
    )
    names = _entities(ex)
    assert "Gates Corp" in names and "Gates Learjet Corp" in names
    assert "Gates Corp" not in names["Gates Learjet Corp"][1]
    gates = [m for m in ex.mentions if m.text == "Gates Corp"]
    assert gates and all(m.entity == "Gates Corp" for m in gates)
