"""Entity resolution across documents: which stored entity a document's entity is.

The pure core of resolution. A document's entity (its name, its aliases, its type) gives
*blocking keys* (:func:`blocking_keys`), stored with the entity so later documents find
it by an indexed lookup, never by comparing with every stored entity; and an ordered
*plan* of lookups (:func:`lookup_plan`) whose candidates :func:`choose` decides on.

Keys and the evidence each needs:

``name``
    :func:`~pressgraph.names.entity_key` of the entity's name or of a name alias the
    article gave it (legal suffixes, accents, case, elisions, punctuation and descriptors
    like "l'assureur" do not count). Equal keys are the same entity.
``initials``
    the acronym of a name of three or more words ("American International Group" ->
    ``aig``). An acronym name ("AIG", three letters or more) joins the one stored entity
    whose initials it is; a long name joins the one stored entity known only by the
    acronym it spells, unless another long name already did ("Bregman Partners" does not
    join "BP" after "British Petroleum": two letters are not enough anyway).
``short``
    a shorter name an article used for an entity ("Sachs" for "Fichtel und Sachs AG").
    Kept, shown, and used to answer a person's query when only one entity has it; never
    used to merge documents at ingest: a bare "Sachs" may be Sachs AG, "Merrill Lynch"
    the parent of "Merrill Lynch Canada", "L'Express" no "American Express". Two
    companies that share a word are not merged without evidence.

People never merge with organisations, products or places. Descriptions ("l'assureur")
give no key: they never resolve across documents.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import OSA

from pressgraph.lang import read_gazetteer
from pressgraph.names import (
    has_legal_suffix,
    initials,
    is_acronym,
    is_description,
    is_legal_suffix,
    resolution_key,
)

__all__ = [
    "Candidate",
    "Lookup",
    "blocking_keys",
    "choose",
    "compatible_types",
    "lookup_plan",
    "name_kind",
    "query_plan",
    "misspelling",
    "ticker_key",
]

KeyKind = Literal["name", "initials", "short"]


@dataclass(frozen=True, slots=True)
class Lookup:
    """One step of a resolution plan: find stored entities with ``key`` of one of ``kinds``.

    ``unique``: the step only decides when exactly one entity answers (weak evidence).
    ``how`` names the decision in the store's record of it.
    """

    key: str
    kinds: tuple[KeyKind, ...]
    unique: bool
    how: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored entity a lookup found."""

    entity_id: int
    type: str


def name_kind(alias: str, name: str) -> KeyKind:
    """How an alias relates to the entity's name: ``short`` when its key is a strict part
    of the name's key ("Sachs" of "Fichtel und Sachs AG", "Disney" of "The Walt Disney
    Co."), else ``name`` (a spelling, a legal-form variant, an acronym the text gave)."""
    akey, nkey = resolution_key(alias).split(), resolution_key(name).split()
    if len(akey) < len(nkey) and all(word in nkey for word in akey):
        return "short"
    return "name"


_TICKER_ALIAS = re.compile(
    r"<([A-Z0-9][A-Z0-9.\- ]{0,12})>"  # "<MD>", "<SKFR ST>"
    r"|[A-Za-z][\w -]{1,20}: ([A-Z0-9.\-]{1,10})"  # "NYSE: BA"
)


def ticker_key(alias: str) -> str | None:
    """The key of a ticker alias ("<MD>", "NYSE: BA": see :mod:`pressgraph.extract.tickers`),
    ``ticker:md``; None for any other name. Two articles citing one ticker name one company;
    a ticker never joins a name ("MD" is not "M.D.")."""
    m = _TICKER_ALIAS.fullmatch(alias)
    if m is None:
        return None
    return "ticker:" + " ".join((m.group(1) or m.group(2)).split()).casefold()


def _names(name: str, aliases: Iterable[str], descriptions: set[str]) -> list[str]:
    """The names that identify an entity: no descriptions, no tickers (keyed apart), and no
    name made only of legal forms ("Co Inc", "SA": a recogniser's fragment)."""
    return [
        n
        for n in dict.fromkeys((name, *aliases))
        if n.casefold() not in descriptions
        and not is_description(n)
        and ticker_key(n) is None
        and not all(is_legal_suffix(word) for word in n.split())
    ]


def _tickers(aliases: Iterable[str]) -> list[str]:
    return [k for k in dict.fromkeys(ticker_key(a) for a in aliases) if k is not None]


def _person_keys(name: str) -> tuple[str | None, str | None]:
    """A person's surname and, when the name has middle initials or names, first name and
    surname: ("sosnoff", "martin sosnoff") for "Martin T. Sosnoff"; (surname, None) for a
    name of two words or an initial and a surname ("N. Sarkozy")."""
    words = resolution_key(name).split()
    if len(words) < 2:
        return None, None
    if len(words) == 2:
        return words[-1], None
    return words[-1], f"{words[0]} {words[-1]}" if len(words[0]) > 1 else None


def _surname_only(name: str) -> str | None:
    """The surname a person is called by alone, or after an initial ("Sarkozy", "N.
    Sarkozy"), else None."""
    words = resolution_key(name).split()
    if len(words) == 1 or (len(words) == 2 and len(words[0]) == 1):
        return words[-1]
    return None


@functools.cache
def _company_words() -> frozenset[str]:
    return frozenset(read_gazetteer("company_words.txt"))


def written_as_person(name: str) -> bool:
    """True when ``name`` is written as a person's: two or three capitalised words, no
    legal form, no word only organisations' names contain ("Sumner Redstone"; not
    "Walt Disney Co", "Banco Santander")."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not has_legal_suffix(name)
        and not any(w in _company_words() for w in words)
    )


def blocking_keys(
    name: str,
    aliases: Sequence[str] = (),
    descriptions: Iterable[str] = (),
    *,
    person: bool = False,
) -> list[tuple[str, KeyKind]]:
    """The keys to store for an entity, each once, strongest kind first. A person also
    gets, as short keys, the surname and the first name and surname without what stands
    between ("Martin T. Sosnoff": ``sosnoff``, ``martin sosnoff``)."""
    described = {d.casefold() for d in descriptions}
    out: dict[str, KeyKind] = {}
    names = _names(name, aliases, described)
    for n in names:
        kind = "name" if n == name else name_kind(n, name)
        key = resolution_key(n)
        if key and (key not in out or kind == "name"):
            out[key] = kind
    for n in names:
        acronym = None if person else initials(n)  # people are not known by acronyms
        if acronym and acronym not in out:
            out[acronym] = "initials"
    for ticker in _tickers(aliases):
        out[ticker] = "name"
    if person:
        for n in names:
            for pkey in _person_keys(n):
                if pkey and pkey not in out:
                    out[pkey] = "short"
    return list(out.items())


def lookup_plan(
    name: str,
    aliases: Sequence[str] = (),
    descriptions: Iterable[str] = (),
    *,
    person: bool = False,
) -> list[Lookup]:
    """The lookups that find the stored entity a document's entity is, in order. A person
    named by the surname alone ("Sosnoff", "N. Sarkozy"), or with or without middle
    initials ("Martin Sosnoff", "Martin T. Sosnoff"), joins the one stored person known so
    (weak evidence: only when one person answers)."""
    described = {d.casefold() for d in descriptions}
    names = _names(name, aliases, described)
    full = [n for n in names if n == name or name_kind(n, name) == "name"]
    plan: list[Lookup] = []
    seen: set[tuple[str, str]] = set()

    def add(key: str, kinds: tuple[KeyKind, ...], unique: bool, how: str) -> None:
        if key and (key, how) not in seen:
            seen.add((key, how))
            plan.append(Lookup(key, kinds, unique, how))

    if not person and written_as_person(name):
        # "Sumner Redstone" that NER took for a company: the one person stored so.
        add(resolution_key(name), ("name",), True, "person")
    for ticker in _tickers(aliases):
        add(ticker, ("name",), False, "ticker")
    for n in full:
        add(resolution_key(n), ("name",), False, "name")
    acronyms = {resolution_key(n) for n in full if is_acronym(n)}
    for n in full:
        if is_acronym(n):
            # only an entity the article knows by its acronym alone: another name of its
            # own ("Forces démocratiques syriennes (FDS)") already said which it is
            if {resolution_key(m) for m in full} <= acronyms:
                add(resolution_key(n), ("initials",), True, "acronym")
        else:
            acronym = initials(n)
            if acronym and not acronyms:
                add(acronym, ("name",), True, "spelled acronym")
    if person:
        surname = _surname_only(name)
        if surname is not None:
            add(surname, ("short",), True, "surname")
        else:
            add(resolution_key(name), ("short",), True, "without initials")
            add(_person_keys(name)[1] or "", ("name", "short"), True, "without initials")
    return plan


def query_plan(name: str) -> list[Lookup]:
    """The lookups that answer a name a person typed: the resolution plan, then the one
    entity an article called by that short name ("Disney")."""
    plan = [Lookup(resolution_key(name), ("name",), False, "name"), *lookup_plan(name)]
    if not has_legal_suffix(name):
        plan.append(Lookup(resolution_key(name), ("short",), True, "short form"))
    return plan


def compatible_types(a: str, b: str) -> bool:
    """People are only ever people; organisations, products and places may be mistyped by
    NER for one another, so their types do not block a merge."""
    return (a == "PERSON") == (b == "PERSON")


def _only(candidates: Sequence[Candidate]) -> int | None:
    """The one entity among ``candidates``, or None."""
    ids = {c.entity_id for c in candidates}
    return ids.pop() if len(ids) == 1 else None


ACRONYM_STEPS = frozenset({"acronym", "spelled acronym"})
PERSON_STEPS = frozenset({"surname", "without initials"})


def choose(step: Lookup, entity_type: str | None, candidates: Sequence[Candidate]) -> int | None:
    """The entity one lookup decides on, or None to go on with the next lookup.

    Candidates of an incompatible type are left out; acronyms only join organisations to
    organisations (``entity_type`` None: a person's query, no type to check). A ``unique``
    step decides only when exactly one entity is left; a strong step takes the oldest (the
    lowest id).
    """
    if entity_type is not None:
        if step.how in ACRONYM_STEPS:
            candidates = [c for c in candidates if c.type == entity_type == "ORG"]
        if step.how in PERSON_STEPS:
            candidates = [c for c in candidates if c.type == entity_type == "PERSON"]
        if step.how == "person":
            return _only([c for c in candidates if c.type == "PERSON"])
        candidates = [c for c in candidates if compatible_types(c.type, entity_type)]
    fitting = sorted({c.entity_id for c in candidates})
    if step.unique:
        return _only(candidates)
    if not fitting:
        return None
    return fitting[0]


#: A name key shorter than this (letters) is never taken for a misspelling of another:
#: short names differ by one letter too often ("Harris", "Morris").
MISSPELLING_MIN_LETTERS = 10


def misspelling(a: str, b: str, *, person: bool = False) -> bool:
    """True when resolution keys ``a`` and ``b`` are one name with a typing error: the same
    words but for a letter left out, added, changed or two swapped in a long word
    ("caesars world" / "ceasars wold", "piedmont aviation" / "piedmont avaition"). Words
    must start alike and be long enough to tell ("fund ii" / "fund iii" are two funds); a
    person's name differs in one word at most ("recep tayyip erdogan" / "... tayyp ...")."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or a == b:
        return False
    if min(sum(c.isalpha() for c in a), sum(c.isalpha() for c in b)) < MISSPELLING_MIN_LETTERS:
        return False
    changed = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if person and len(changed) > 1:
        return False
    total = 0
    for x, y in changed:
        shortest = min(len(x), len(y))
        if not (x.isalpha() and y.isalpha()) or x[0] != y[0]:
            return False
        if shortest < (5 if person else 4):
            return False
        distance = OSA.distance(x, y)
        if distance > (1 if max(len(x), len(y)) < 8 else 2):
            return False
        total += distance
    return total <= 2
