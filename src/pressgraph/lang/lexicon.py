"""The typed lexicon: every word list and switch the extractors read, declared once.

A language fills each part in its own package (``lang/fr/numbers.py`` fills
:class:`NumberWords`, ``lang/fr/dates.py`` :class:`DateWords`...; the parts about deals,
:class:`FrameWords`, :class:`ListWords` and :class:`RoleWords`, are declared in
:mod:`pressgraph.lang.deal_words`); :class:`Lexicon` is all the parts of one language
together with the gazetteers of names. Every field is required:
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

from pressgraph.lang.deal_words import CandidateWords, FrameWords, ListWords, RoleWords


@dataclass(frozen=True, kw_only=True, eq=False)
class NumberWords:
    """Amounts: number words, magnitudes, currencies and what makes an amount a deal's."""

    #: Number words understood by ``text_to_num.text2num`` for the language; a run of them
    #: (joined by spaces or hyphens) is read as one number.
    number_words: tuple[str, ...]
    #: Words that join number words into one number ("vingt et un", "one hundred and five").
    number_joiners: tuple[str, ...]
    #: Digits are written with a decimal comma and spaces or dots between thousands
    #: ("1 550,5", "1.550"), else with a decimal point and commas ("1,550.5", "5-1/2").
    decimal_comma: bool
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
    #: Words after an amount that make it a price per share, not a deal's total ("a share",
    #: "par action")...
    per_share: tuple[str, ...]
    #: ... or before it ("au prix par action de")...
    per_share_before: tuple[str, ...]
    #: ... and "per <name> share" ("80 dlrs per Cyclops share"): the words before the name...
    unit_prepositions: tuple[str, ...]
    #: ... and the share nouns after it.
    unit_share_nouns: tuple[str, ...]
    #: Words after an amount that make it a price per unit of anything else ("each",
    #: "chacun")...
    per_unit: tuple[str, ...]
    #: ... or before it ("au prix unitaire de").
    per_unit_before: tuple[str, ...]
    #: Words between a price and its unit ("110 dlrs cash per share").
    price_fillers: tuple[str, ...]
    #: Words that join amounts paid together: amounts without a magnitude joined to a price
    #: per share are prices per share too ("1.50 dlrs a share cash and 1.50 dlrs in
    #: securities").
    amount_joiners: tuple[str, ...]
    #: Lemmas of the verbs and nouns that move a value to a new level ("raise", "cut",
    #: "porter", "passer", "hausse"): a figure they lead to is a level reached...
    change_words: frozenset[str]
    #: ... written after these words ("to 7.7 pct", "à 8 %")...
    change_to: tuple[str, ...]
    #: ... from a former level written before it, after these words ("from 6.3 pct to",
    #: "de 6 % à")...
    change_from: tuple[str, ...]
    #: ... or written after it, after these words ("to 7.7 pct from 6.3 pct", "à 15 %,
    #: contre 10 %"), ...
    change_from_after: tuple[str, ...]
    #: ... where these words may stand before the former level ("from the present 3.5 pct").
    previous_modifiers: tuple[str, ...]
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
    #: Words between a day and its month ("the 30th of March").
    day_month_links: tuple[str, ...]
    #: Dates are written month first ("March 30, 2024", "last March"; "30 March" is read too,
    #: and datelines are "CITY, March 30 -"), else day first ("30 mars 2024", "mars dernier";
    #: datelines "24 janvier 2016. -").
    month_first: bool
    #: A weekday alone is a date: the latest such day up to the reference ("lundi", "ce
    #: lundi", "lundi dernier"; the next one with a future marker).
    weekdays_alone: bool
    #: Determiners before a weekday alone ("ce lundi").
    weekday_determiners: tuple[str, ...]
    #: Month stems of wire datelines that are blanked before parsing ("SEATTLE, June 1 - "):
    #: parsed, they glue the city to the first sentence.
    wire_dateline_months: tuple[str, ...]
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
    #: Verbs that decline what they govern ("declined to comment", "a refusé de confirmer"):
    #: with a verb of :attr:`no_comment_verbs` under them, nothing is stated.
    declining_verbs: frozenset[str]
    #: Phrasal verbs that abandon what they govern ("called off their plans to buy").
    negated_phrasals: frozenset[str]
    #: Modal auxiliaries: what they govern is planned or possible ("will buy", "could sell").
    modal_auxiliaries: frozenset[str]
    #: Endings of the conditional mood ("-rait"), checked with Mood=Cnd, which the model
    #: often misses.
    conditional_endings: tuple[str, ...]
    #: Inflections that, cut from a conditional form, leave the infinitive's stem
    #: ("envisager-ait"), longest first.
    conditional_inflections: tuple[str, ...]
    #: Stems of irregular conditionals ("pourr-ait", "voudr-ait").
    irregular_conditional_stems: frozenset[str]
    #: The particles of a two-part negation ("ne ... pas").
    negation_particles: frozenset[str]
    #: Negation words that alone, without a negation particle, compare ("obtient plus de
    #: contrôle" is no "ne ... plus").
    comparative_negations: frozenset[str]
    #: (verb, noun) lemmas that end what they govern ("mettre fin à").
    ending_phrases: frozenset[tuple[str, str]]
    #: Auxiliaries of the near future ("va racheter").
    future_auxiliaries: frozenset[str]
    #: Auxiliaries of a progressive present that announces ("X is buying Y").
    progressive_auxiliaries: frozenset[str]
    #: Subordinators of purpose ("pour racheter", "afin de").
    purpose_markers: frozenset[str]
    #: Words between a verb of intention and its infinitive ("compte se séparer de").
    infinitive_links: frozenset[str]
    #: Elided forms written out before planned phrases are looked for ("en passe d'acheter").
    phrase_elisions: Mapping[str, str]
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
    #: Words that end a source's phrase after its preposition, with punctuation ("selon des
    #: sources qui...").
    source_phrase_ends: tuple[str, ...]
    #: Determiners dropped from the start of an unnamed source ("des sources proches").
    source_leading_words: tuple[str, ...]
    #: Personal pronouns: a reporting verb's subject that names no source.
    personal_pronouns: frozenset[str]


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
    #: Lower-case words dropped from the start or end of a name ("la X Company").
    name_leading_words: frozenset[str]
    #: Courtesy titles before a person's name, not part of it ("M. X", "Mr. X").
    honorifics: frozenset[str]
    #: Coordinators of lists of parties ("A, B ou C", "as well as").
    coordinators: frozenset[str]
    #: Relative pronouns, read as their antecedent.
    relative_pronouns: frozenset[str]
    #: Contractions of a preposition and an article, to the preposition ("du" -> "de").
    contractions: Mapping[str, str]
    #: Reflexive pronouns of verbs keyed "s'" + lemma in the verb frames ("se séparer").
    reflexive_pronouns: frozenset[str]
    #: Words between a subject and its verb that are no argument (clitics, negation).
    preverbal_words: frozenset[str]
    #: Demonstratives that repeat a noun read before with a possessor ("cette entité").
    demonstratives: frozenset[str]
    #: Plural possessives, whose owners may be a coordinated subject ("leur partenariat").
    plural_possessives: frozenset[str]
    #: Possessive clitics written after a name ("X's").
    possessive_clitics: tuple[str, ...]
    #: Conjunctions of a list of names read on the tokens ("A, B et C").
    list_conjunctions: tuple[str, ...]
    #: Conjunctions at which one NER span is cut into two names after a word that ends
    #: company names ("X Ventures and Y").
    name_list_conjunctions: tuple[str, ...]
    #: Nouns, names and places modify a noun from before it ("the X maker", "the
    #: Sunnyvale, Calif., defense electronics firm"): descriptions are read across them.
    modifiers_before_noun: bool
    #: Hyphenated words the tokenizer must keep whole ("start-up", not "start" + "-up").
    keep_whole: tuple[str, ...]
    #: Phrases that open what a deal is traded for ("en échange de", "in exchange for"), up to
    #: the preposition, which is read on the tokens: the deal written before them gets the
    #: noun phrase that follows as its ``consideration`` argument.
    exchange_phrases: tuple[str, ...]
    #: Frequent function words, counted to tell the language of a text.
    function_words: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, eq=False)
class ModelTraits:
    """How far the language's spaCy model can be trusted, and where reading repairs it."""

    #: Runs of proper nouns that NER missed are taken as names ("X AI"); not where the
    #: tagger marks too many capitalised common words PROPN.
    proper_noun_names: bool
    #: A PERSON label on a first and last name is proof of a person.
    person_labels_reliable: bool
    #: Acronyms NER missed, listed next to names ("des firmes ABC, X et Y"), are names.
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
    CandidateWords,
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
    #: Nouns that say a name is a company's product, brand or platform ("cloud",
    #: "plateforme"): "X's Y cloud", "la plateforme Y de X".
    product_nouns: frozenset[str]
    #: Institutions named by a common noun, taken as entities of their own ("the government").
    institutions: tuple[str, ...]
    #: Words that end company names ("Ventures", "Capital"), whatever the article's language.
    name_endings: frozenset[str]
    #: Conjunctions inside company names ("X and Y Plc", "X und Y AG").
    name_conjunctions: frozenset[str]

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
    candidates: CandidateWords
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
