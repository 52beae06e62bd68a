"""The typed lexicon: every word list and switch the extractors read, declared once.

A language fills each part in its own package (``lang/fr/numbers.py`` fills
:class:`NumberWords`, ``lang/fr/dates.py`` :class:`DateWords`...); :class:`Lexicon` is all
the parts of one language together with the gazetteers of names. Every field is required:
a language that has no such words gives an empty tuple, set or mapping, or ``False``.

Conventions: single words are matched on lower-cased tokens or lemmas (verbs by their
lemma, "racheter", "take over" with its particle); phrases ("au lieu de", "such as") on the
lower-cased text, where a space matches any horizontal white space.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, kw_only=True, eq=False)
class NumberWords:
    """Amounts: number words, magnitudes, currencies and what makes an amount a deal's."""

    #: Number words understood by ``text_to_num.text2num`` for the language; a run of them
    #: (joined by spaces or hyphens) is read as one number.
    number_words: tuple[str, ...]
    #: Magnitude words and abbreviations written after a number ("4,5 milliards", "$13bn").
    #: Keys are matched case-sensitively when they contain an upper-case letter.
    magnitudes: Mapping[str, float]
    #: Magnitudes too ambiguous to stand without a currency ("5 m" is five metres).
    magnitudes_need_currency: frozenset[str]
    #: Currency words written after the amount, to ISO 4217; ``None``: money, currency unknown.
    currencies_after: Mapping[str, str | None]
    #: Currency signs and codes written before the amount ("$13bn", "US$ 4 billion").
    currencies_before: Mapping[str, str | None]
    #: Words for hundredths of a currency unit ("50 cts a share"), to ISO 4217.
    cent_words: Mapping[str, str | None]
    #: Words between a magnitude and its currency ("500 millions d'euros").
    money_links: tuple[str, ...]
    #: Currency words that are also common nouns ("500 livres" are books): they only make
    #: money after a magnitude ("10 millions de livres").
    ambiguous_currencies: frozenset[str]
    #: Words that may follow an amount with a magnitude and no currency ("1.3 billion in
    #: sales"); any other word makes it a count ("5.25 mln shares"). Empty: any word may.
    bare_amount_followers: tuple[str, ...]
    #: A bare amount ("valorisé à 19 milliards") is in the currency the article names elsewhere.
    bare_amounts_in_article_currency: bool
    #: Links that make a bare amount a count when a noun follows them ("millions d'années").
    count_links: tuple[str, ...]
    #: Words that compare an amount with the one before it ("11.4 mln barrels last year from
    #: 23.2 mln"): the second takes the unit of the first.
    comparison_words: tuple[str, ...]
    #: Words that join the two ends of a range of amounts ("300 mln to 500 mln dlrs").
    range_links: tuple[str, ...]
    #: Currency words that name no particular dollar: after a sentence has named one, they
    #: are that one.
    generic_dollars: tuple[str, ...]
    #: Dollars (ISO 4217) that a generic dollar word may stand for after they are named.
    named_dollars: frozenset[str]
    #: Percent markers written after the number ("%", "pour cent", "pct").
    percent_units: tuple[str, ...]
    #: Approximation cues written just before an amount ("environ", "about").
    approx_before: tuple[str, ...]
    #: Approximation cues written just after an amount ("or so").
    approx_after: tuple[str, ...]
    #: Words after an amount that make it a unit price, not a deal's value ("a share").
    per_unit: tuple[str, ...]
    #: Words before an amount that make it a unit price ("au prix unitaire de").
    per_unit_before: tuple[str, ...]
    #: Words that, just before an amount, make it a valuation ("valorisé à 800 millions"): the
    #: amount does not price the deal the sentence is about...
    valuation_words: tuple[str, ...]
    #: ... unless they follow a deal noun: "une transaction évaluée à N" prices the deal.
    priced_nouns: frozenset[str]


@dataclass(frozen=True, kw_only=True, eq=False)
class DateWords:
    """Dates: months, weekdays, the prepositions that give a date its role, relative periods."""

    #: Month names and abbreviations, matched as written ("Mars" is a planet, "may" a verb).
    months: Mapping[str, int]
    #: The days of the week, Monday first, matched as written.
    weekdays: tuple[str, ...]
    #: Forms of the first day of a month ("1er janvier").
    first_day: tuple[str, ...]
    #: Ordinal suffixes of days ("March 1st", "the 30th of March").
    day_suffixes: tuple[str, ...]
    #: Prepositions before a date and the role they give it: "until", "since" or "point".
    date_prepositions: Mapping[str, str]
    #: Words that may stand between a preposition and its date ("until the end of 2030").
    period_modifiers: tuple[str, ...]
    #: Relative periods, resolved against the reference date: (unit, offset).
    relative_periods: Mapping[str, tuple[str, int]]
    #: Words that place a month before the reference ("mars dernier", "last March")...
    past_markers: tuple[str, ...]
    #: ... or after it ("mars prochain", "next March").
    future_markers: tuple[str, ...]
    #: Words after a four-digit number that show it is not a year ("1930 GMT", "2000 salariés").
    not_year_after: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, eq=False)
class FrameWords:
    """Deals: the verbs and nouns that trigger facts, and the words that fill their roles."""

    #: A verb lemma to (fact type, subject role, object role). Roles: "agent" (the subject,
    #: the controller of an infinitive, "par X" in the passive), "patient" (the direct
    #: object, the subject in the passive), "dative", "share" (the company a share object
    #: belongs to) or a preposition; "a+b" means either, the first found. Reflexive verbs
    #: are keyed "s'" + lemma, phrasal verbs "lemma particle" ("take over").
    verb_frames: Mapping[str, tuple[str, str, str]]
    #: A noun (lemma, or several words) to its fact type; roles come from its complements.
    noun_frames: Mapping[str, str]
    #: Deal nouns that mean something else in the plural ("net sales" are revenue).
    singular_only_nouns: frozenset[str]
    #: Nouns that make a following "de <trigger>" a kind, not an event ("un fonds
    #: d'investissement").
    kind_heads: frozenset[str]
    #: Deal verbs with common senses outside deals ("reprendre" a town): they make a fact
    #: only between organisations.
    ambiguous_deal_verbs: frozenset[str]
    #: Verbs of belonging: a company belongs to its holder, a person to a party (no fact).
    membership_verbs: frozenset[str]
    #: Verbs that make a deal (of the type given) only with a share as object ("prendre 21 %
    #: du capital de Y", "prendre le contrôle de Y").
    share_verbs: Mapping[str, str]
    #: Nouns of a company's parts in a deal noun's complement ("le rachat des actifs de Y"
    #: is a deal on Y).
    company_part_nouns: frozenset[str]
    #: Nouns through which a verb does the deal they name ("conclure un accord de rachat de
    #: Y": the signer buys).
    deal_carrier_nouns: frozenset[str]
    #: Verbs that hand the deal noun they govern to their dative ("grants X a licence").
    giving_verbs: frozenset[str]
    #: Verbs whose subject holds the stake named by their object ("X holds a 20 pct stake").
    holding_verbs: frozenset[str]
    #: Verbs whose object or dative ends up holding the stake they name ("leave X with a stake").
    endowing_verbs: frozenset[str]
    #: Prepositions of the buyer after a selling verb ("sells Y to Z", "cède Y à Z").
    recipient_prepositions: tuple[str, ...]
    #: Prepositions of the seller after a buying verb ("buys Y from Z").
    seller_prepositions: tuple[str, ...]
    #: Prepositions of the target after a bid noun ("a bid for Y", "une offre sur Y").
    bid_prepositions: tuple[str, ...]
    #: Nouns naming those who invest ("existing investors A and B").
    investor_nouns: frozenset[str]
    #: Nouns of funding rounds...
    round_nouns: frozenset[str]
    #: ... the verbs by which investors take part in them ("led the round")...
    round_verbs: frozenset[str]
    #: ... and the words that add co-investors ("alongside X").
    alongside: tuple[str, ...]
    #: Verbs by which a company raises money from investors ("raised $N from investors").
    raising_verbs: frozenset[str]
    #: Investment verbs that invest only with an amount as object ("committed $13bn to Y").
    amount_verbs: frozenset[str]
    #: Verbs by which a company issues its own shares to a buyer (only with shares as object).
    share_issue_verbs: frozenset[str]
    #: Deal nouns that name a seller only with "by X" ("a placement of 11 pct of Y by X").
    agent_only_nouns: frozenset[str]
    #: Verbs whose subject, raising or taking a stake, buys shares ("X raised its stake in Y").
    stake_raising_verbs: frozenset[str]
    #: Verbs whose subject wants a stake it does not hold yet ("seek a majority stake in Y").
    stake_seeking_verbs: frozenset[str]
    #: Verbs that move a stake to a new level ("bring its stake to 25 pct from 3.5 pct")...
    stake_change_verbs: frozenset[str]
    #: ... and the words before its former level ("from 3.5 pct").
    from_words: tuple[str, ...]
    #: Nouns of control: taking it buys a company, having it holds one.
    control_nouns: frozenset[str]
    #: Nouns of a part of a company, whose complement names the company ("75 pct of Y").
    share_nouns: frozenset[str]
    #: Share nouns that, under a possessive, are the subject's own capital ("its shares").
    own_share_nouns: frozenset[str]
    #: Prepositions of the company after a share noun ("20 pct of Y", "a stake in Y").
    share_prepositions: tuple[str, ...]
    #: Prepositions that complete an asset's name ("its office building in Sydney").
    asset_prepositions: tuple[str, ...]
    #: Nouns of what a company owns and can sell or build as a unit ("its enterprise business").
    asset_nouns: frozenset[str]
    #: Words before "subsidiary" that make the parent hold all of it ("wholly owned").
    wholly_owned: tuple[str, ...]
    #: Nouns of the company that holds another ("X, the parent of Y").
    parent_nouns: frozenset[str]
    #: Nouns of a company held by another ("Y, a subsidiary of X").
    subsidiary_nouns: frozenset[str]
    #: Participles that list the members of a grouping ("un consortium formé de A, B et C").
    member_participles: frozenset[str]
    #: Nouns of groupings: a name apposed to them names the grouping, not a partner.
    grouping_nouns: frozenset[str]
    #: Verbs that found a grouping ("ce consortium a été constitué en 2004" dates the
    #: partnership of its members).
    grouping_founding_verbs: frozenset[str]
    #: Verbs whose coordinated subjects are the parties of the partnership they govern
    #: ("A and B signed a cooperation agreement").
    partnering_verbs: frozenset[str]
    #: Participles that give a facility its name ("baptisée Jupiter", "called X").
    naming_participles: frozenset[str]
    #: Verbs by which an organisation takes a legal form ("se convertir en société à mission").
    legal_form_verbs: frozenset[str]
    #: Nouns of legal forms.
    legal_form_nouns: frozenset[str]
    #: Participles that extend a legal form to other organisations ("déjà utilisée par X").
    legal_form_users: frozenset[str]


@dataclass(frozen=True, kw_only=True, eq=False)
class ListWords:
    """Lists: the nouns and verbs under which journalists line up the parties of a deal."""

    #: Nouns of holdings, whose companies are listed after them ("X's stakes in A and B")...
    holding_nouns: frozenset[str]
    #: ... the prepositions of their holder ("the holdings of X")...
    holder_prepositions: tuple[str, ...]
    #: ... and of the companies held ("in A, B and C").
    held_prepositions: tuple[str, ...]
    #: Nouns of a company's customers ("its customers include A and B")...
    customer_nouns: frozenset[str]
    #: ... and verbs by which companies use what another supplies ("used by A and B").
    using_verbs: frozenset[str]
    #: Words that open a list of examples after a plural noun ("companies such as A and B").
    example_cues: tuple[str, ...]
    #: Nouns of those who compete to buy a company ("the bidders to take over Y include A").
    candidate_nouns: frozenset[str]
    #: Candidate nouns that also take the company itself ("the bidders for Y were A and B").
    bidder_nouns: frozenset[str]
    #: Prepositions of the deal or company a candidate wants ("candidats au rachat de Y").
    candidacy_prepositions: tuple[str, ...]
    #: Words that put a noun among others ("A is among the bidders")...
    among_words: frozenset[str]
    #: ... and verbs that list ("include", "figurer").
    listing_verbs: frozenset[str]


@dataclass(frozen=True, kw_only=True, eq=False)
class RoleWords:
    """Roles of people in organisations, written as titles ("X, chief executive of Y")."""

    #: Titles of people in organisations, as written, to the role recorded ("PDG" -> "PDG").
    leadership_roles: Mapping[str, str]
    #: Roles (lower case) that only companies have: their organisation is one even when the
    #: model tags it as a place ("président" may head a country; "directeur général" not).
    company_roles: frozenset[str]
    #: Passive participles that describe an organisation by its people ("dirigée par X"),
    #: to the role they give.
    leadership_participles: Mapping[str, str]
    #: Participles of founding ("fondée par X", "set up by X").
    founder_participles: frozenset[str]
    #: Nouns of founders ("fondateur", "co-founder").
    founder_nouns: frozenset[str]
    #: Prepositions between a title and its organisation ("chairman of Y", "PDG de Y").
    title_prepositions: tuple[str, ...]
    #: Words before a title that end it ("former CEO"): the fact is negated.
    former_words: frozenset[str]


@dataclass(frozen=True, kw_only=True, eq=False)
class ModalityWords:
    """Modality: what makes a fact planned, hedged or negated."""

    #: Verbs whose conditional expresses an intention or a possibility (planned), not hearsay.
    planned_conditionals: frozenset[str]
    #: Verbs, nouns and adjectives that make what they govern an intention or a possibility.
    planned_cues: frozenset[str]
    #: Finite forms of verbs of intention and of the near future, matched as words right
    #: before an infinitive ("compte racheter", "va céder").
    intention_forms: frozenset[str]
    #: Phrases before the trigger that make it planned ("en passe de", "in order to").
    planned_phrases: tuple[str, ...]
    #: Verbs and nouns that make what they govern denied, abandoned or ended.
    negated_cues: frozenset[str]
    #: Negation words ("pas", "not").
    negation_words: frozenset[str]
    #: Verbs whose negation declines to speak, not denies ("would not comment on ...").
    no_comment_verbs: frozenset[str]
    #: Phrasal verbs that abandon what they govern ("called off their plans to buy").
    negated_phrasals: frozenset[str]
    #: Modal auxiliaries: what they govern is planned or possible ("will buy", "could sell").
    modal_auxiliaries: frozenset[str]
    #: Endings of the conditional mood ("-rait"), checked with Mood=Cnd, which the model
    #: often misses.
    conditional_endings: tuple[str, ...]
    #: Phrases that hedge a whole sentence ("selon des sources", "reportedly").
    hedge_cues: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, eq=False)
class AttributionWords:
    """Attribution: who says a fact and who relays it."""

    #: Prepositions that introduce a source ("selon le journal X", "according to X").
    source_prepositions: tuple[str, ...]
    #: Phrases that add a relay after the source ("relayé par Y", "as reported by Y").
    relay_cues: tuple[str, ...]
    #: Reporting verbs: their subject is the source of the clause they govern.
    reporting_verbs: frozenset[str]
    #: Heads of unnamed sources, kept as written ("sources close to X said").
    unnamed_sources: frozenset[str]


@dataclass(frozen=True, kw_only=True, eq=False)
class GrammarWords:
    """Grammar words: determiners, pronouns and coordinators, for names and coreference."""

    #: Words that start a description of an organisation ("la", "cette", "the").
    description_determiners: frozenset[str]
    #: Words joining a description to a complement before its apposed name ("le fabricant
    #: de batteries X", "maker of chips X").
    description_links: frozenset[str]
    #: Words that open a clause fronted before the main one ("Après avoir lancé..., X
    #: teste"): a possessive in it is the main subject's.
    fronted_clause_markers: frozenset[str]
    #: Dative pronouns ("lui", "leur").
    dative_pronouns: frozenset[str]
    #: Possessive determiners ("sa", "its").
    possessives: frozenset[str]
    #: Plural pronouns that stand for coordinated parties ("A and B said they agreed").
    plural_pronouns: frozenset[str]
    #: Subject pronouns resolved as references (none in French: "il" is too often impersonal).
    subject_pronouns: frozenset[str]
    #: Lower-case words dropped from the start or end of a name ("la Walt Disney Company").
    name_leading_words: frozenset[str]
    #: Coordinators of lists of parties ("A, B ou C", "as well as").
    coordinators: frozenset[str]
    #: Relative pronouns, read as their antecedent.
    relative_pronouns: frozenset[str]


@dataclass(frozen=True, kw_only=True, eq=False)
class ModelTraits:
    """How far the language's spaCy model can be trusted, and where reading repairs it."""

    #: Runs of proper nouns that NER missed are taken as names ("Argo AI"); not where the
    #: tagger marks too many capitalised common words PROPN.
    proper_noun_names: bool
    #: A PERSON label on a first and last name is proof of a person.
    person_labels_reliable: bool
    #: Acronyms NER missed, listed next to names ("des firmes BPR, Dessau et Axor"), are names.
    listed_acronyms: bool
    #: A place can be a party to a deal (the model labels many companies as places).
    places_as_parties: bool
    #: Roles and coordination are also read from word order when the parse misses them
    #: ("X, Y ou Z", "investit ... dans Y"); where the parses are good, linear reading
    #: crosses clauses.
    parse_repair: bool
    #: A description noun written twice in a sentence names one entity ("Le groupe racheté
    #: ... le PDG du groupe"); not in wires ("The company said it would buy 20 pct of the
    #: company").
    repeated_descriptions_corefer: bool


@dataclass(frozen=True, kw_only=True, eq=False)
class Lexicon(
    NumberWords,
    DateWords,
    FrameWords,
    ListWords,
    RoleWords,
    ModalityWords,
    AttributionWords,
    GrammarWords,
    ModelTraits,
):
    """Everything language-specific that the extractors read: one language's word lists and
    switches, and the gazetteers of names (``data/gazetteers``)."""

    #: The language code ("fr", "en").
    lang: str
    #: News outlets and agencies, longest first (matched as whole words, case-sensitively).
    outlets: tuple[str, ...]
    #: Capitalised words that the NER takes for names but that name no party.
    not_entities: frozenset[str]
    #: The same, lower-cased.
    not_entities_lower: frozenset[str]
    #: Head nouns of descriptions that refer back to an organisation ("la start-up").
    descriptions: frozenset[str]
    #: Institutions named by a common noun, taken as entities of their own ("the government").
    institutions: tuple[str, ...]

    @functools.cached_property
    def title_words(self) -> frozenset[str]:
        """Titles in lower case ("chief executive officer"): never names of their own."""
        return frozenset(k.lower() for k in self.leadership_roles) | frozenset(self.founder_nouns)


@dataclass(frozen=True, kw_only=True)
class Parts:
    """The parts a language package fills (``PARTS`` in ``lang/fr/__init__.py``)."""

    numbers: NumberWords
    dates: DateWords
    frames: FrameWords
    lists: ListWords
    roles: RoleWords
    modality: ModalityWords
    attribution: AttributionWords
    grammar: GrammarWords
    traits: ModelTraits

    def fields(self) -> dict[str, Any]:
        """Every field of every part, by name: the language's share of a :class:`Lexicon`."""
        out: dict[str, Any] = {}
        for part in (getattr(self, f.name) for f in fields(self)):
            out.update((f.name, getattr(part, f.name)) for f in fields(part))
        return out
