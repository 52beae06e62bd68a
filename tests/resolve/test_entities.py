"""Entity resolution keys and decisions (pressgraph.resolve.entities, pressgraph.names)."""

from __future__ import annotations

import pytest

from pressgraph.names import entity_key, initials, is_acronym, resolution_key
from pressgraph.resolve.entities import (
    Candidate,
    Lookup,
    blocking_keys,
    choose,
    compatible_types,
    lookup_plan,
    name_kind,
    query_plan,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Microsoft Corp.", "microsoft"),
        ("Microsoft Corporation", "microsoft"),
        ("MICROSOFT", "microsoft"),
        ("l'assureur AIG", "aig"),
        ("L’assureur AIG", "aig"),
        ("the carmaker Renault SA", "renault"),
        ("le fonds d'investissement Permira", "permira"),
        ("Société Générale S.A.", "societe generale"),
        ("Siemens AG", "siemens"),
        ("Acme GmbH", "acme"),
        ("Acme Ltd", "acme"),
        ("Acme plc", "acme"),
        ("Acme SAS", "acme"),
        # lower-case words joined by a link word are one name, not a descriptor
        # (link words inside a name do not count: "Banco de Santander" = "Banco Santander")
        ("gouvernement du Québec", "gouvernement quebec"),
        ("ministère de la Culture", "ministere culture"),
        # a number is not a descriptor
        ("20th Century Fox", "20th century fox"),
    ],
)
def test_resolution_key(name: str, key: str) -> None:
    assert resolution_key(name) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # spellings of one name in Reuters and Wikinews articles (../shared/corpus)
        ("Banco de Santander", "Banco Santander"),
        ("RMJ Holdings Corp", "RMJ Holding Corp"),
        ("Western Emergency Services Inc", "Western Emergency Service Inc"),
        ("Goldman, Sachs and Co", "Goldman Sachs & Co"),
        ("Procter and Gamble Co", "Procter & Gamble"),
        ("Fichtel und Sachs AG", "Fichtel & Sachs"),
    ],
)
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert resolution_key(a) == resolution_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sachs AG", "Fichtel und Sachs AG"),  # two companies that share a word
        ("Merrill Lynch", "Merrill Lynch Canada"),  # parent and subsidiary
        ("De Beers", "Beers"),  # a link word that starts a name is part of it
        ("Bank of America", "America Bank"),
    ],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert resolution_key(a) != resolution_key(b)


def test_entity_key_keeps_descriptors_within_an_article() -> None:
    assert entity_key("projet Eastmain") == "projet eastmain"
    assert resolution_key("projet Eastmain") == "eastmain"


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("American International Group", "aig"),
        ("American International Group Inc.", "aig"),
        ("Cie Generale de Constructions Telephoniques", "cgct"),
        ("Fichtel und Sachs AG", None),  # two letters name too many things
        ("Service America Corp", None),
        ("Microsoft", None),
        ("AIG", None),
        ("l'assureur", None),
    ],
)
def test_initials(name: str, acronym: str | None) -> None:
    assert initials(name) == acronym


def test_is_acronym() -> None:
    assert is_acronym("AIG") and is_acronym("MUFG") and is_acronym("I.B.M")
    assert not is_acronym("Microsoft") and not is_acronym("SA") and not is_acronym("ABCDEFGH")


def test_alias_kinds() -> None:
    assert name_kind("Sachs", "Fichtel und Sachs AG") == "short"
    assert name_kind("Disney", "The Walt Disney Co.") == "short"
    assert name_kind("Fichtel und Sachs", "Fichtel und Sachs AG") == "name"
    assert name_kind("AIG", "American International Group") == "name"


def test_blocking_keys_leave_descriptions_out() -> None:
    keys = dict(blocking_keys("American International Group", ["AIG", "l'assureur"]))
    assert keys == {"american international group": "name", "aig": "name"}
    keys = dict(blocking_keys("Fichtel und Sachs AG", ["Sachs"]))
    assert keys == {"fichtel sachs": "name", "sachs": "short"}


def test_plan_order_and_evidence() -> None:
    plan = lookup_plan("AIG")
    assert [(s.key, s.kinds, s.unique) for s in plan] == [
        ("aig", ("name",), False),
        ("aig", ("initials",), True),
    ]
    long = lookup_plan("American International Group")
    assert [s.how for s in long] == ["name", "spelled acronym"]
    # Short forms never merge documents; they only answer a person's query, and a name
    # with a legal form is never taken for a short form.
    assert "short form" not in {s.how for s in lookup_plan("Sachs")}
    assert [s.how for s in query_plan("Sachs")][-1] == "short form"
    assert "short form" not in {s.how for s in query_plan("Sachs AG")}


def test_choose() -> None:
    strong = Lookup("acme", ("name",), False, "name")
    weak = Lookup("acme", ("short",), True, "short form")
    two = [Candidate(7, "ORG"), Candidate(3, "ORG")]
    assert choose(strong, "ORG", two) == 3  # the oldest
    assert choose(weak, "ORG", two) is None  # ambiguous weak evidence decides nothing
    assert choose(weak, "ORG", [Candidate(7, "ORG")]) == 7
    # people never merge with organisations
    assert choose(strong, "PERSON", [Candidate(7, "ORG")]) is None
    assert compatible_types("ORG", "PRODUCT") and not compatible_types("PERSON", "ORG")


def test_tickers_get_keys_of_their_own() -> None:
    from pressgraph.resolve.entities import ticker_key

    assert ticker_key("<MD>") == "ticker:md"
    assert ticker_key("<SKFR ST>") == "ticker:skfr st"
    assert ticker_key("NYSE: BA") == ticker_key("<BA>") == "ticker:ba"
    assert ticker_key("McDonnell Douglas") is None and ticker_key("MD") is None
    keys = dict(blocking_keys("McDonnell Douglas Corp", ["<MD>"]))
    assert keys == {"mcdonnell douglas": "name", "ticker:md": "name"}
    assert "md" not in keys  # a ticker never joins a name
    assert lookup_plan("McDonnell Douglas Corp", ["<MD>"])[0].how == "ticker"


def test_a_persons_surname_and_name_without_initials_are_short_keys() -> None:
    keys = dict(blocking_keys("Martin T. Sosnoff", person=True))
    assert keys == {"martin t sosnoff": "name", "sosnoff": "short", "martin sosnoff": "short"}
    assert dict(blocking_keys("Martin T. Sosnoff")) == {
        "martin t sosnoff": "name",
        "mts": "initials",
    }
    steps = {(s.key, s.how, s.unique) for s in lookup_plan("Sosnoff", person=True)}
    assert ("sosnoff", "surname", True) in steps
    steps = {(s.key, s.how) for s in lookup_plan("N. Sarkozy", person=True)}
    assert ("sarkozy", "surname") in steps
    steps = {(s.key, s.how) for s in lookup_plan("Martin Sosnoff", person=True)}
    assert ("martin sosnoff", "without initials") in steps
    assert all(s.how != "surname" for s in lookup_plan("Sosnoff"))  # not for companies


def test_person_steps_join_only_one_person() -> None:
    step = Lookup("sosnoff", ("short",), True, "surname")
    assert choose(step, "PERSON", [Candidate(3, "PERSON")]) == 3
    assert choose(step, "PERSON", [Candidate(3, "PERSON"), Candidate(4, "PERSON")]) is None
    assert choose(step, "PERSON", [Candidate(3, "ORG")]) is None
    assert choose(step, "ORG", [Candidate(3, "PERSON")]) is None


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Sumner Redstone", True),
        ("Carl Icahn", True),
        ("Walt Disney Co", False),
        ("Banco Santander", False),
        ("IBM", False),
        ("Viacom", False),
    ],
)
def test_names_written_as_a_persons(name: str, person: bool) -> None:
    from pressgraph.resolve.entities import written_as_person

    assert written_as_person(name) is person


@pytest.mark.parametrize(
    ("a", "b", "person", "same"),
    [
        # typing errors of Reuters-21578 wire copy (../shared/corpus)
        ("Caesars World Inc", "Ceasars Wold Inc", False, True),
        ("Piedmont Aviation Inc", "Piedmont Avaition Inc", False, True),
        ("Taft Broadcasting Co", "Taft Broadacasting Co", False, True),
        ("Kaiser Cement", "Kasier Cement", False, True),
        ("Schlumberger", "Sclumberger", False, True),
        ("Recep Tayyip Erdogan", "Recep Tayyp Erdogan", True, True),
        # names that differ by more than a slip, or too short to tell
        ("Taft Broadcasting Co", "Taft Broadcast", False, False),
        ("Harris Corp", "Morris Corp", False, False),
        ("Value Fund II", "Value Fund III", False, False),
        ("Eastern Airlines", "Western Airlines", False, False),
        ("Jean-Paul Martin", "Jean-Luc Martin", True, False),
        ("Karen Andersen", "Karin Anderson", True, False),
    ],
)
def test_misspellings(a: str, b: str, person: bool, same: bool) -> None:
    from pressgraph.resolve.entities import misspelling

    assert misspelling(resolution_key(a), resolution_key(b), person=person) is same
