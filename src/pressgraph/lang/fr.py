"""French lexicons: data only, no logic (the recognisers that use them live in
:mod:`pressgraph.extract`)."""

from __future__ import annotations

# --- quantities and dates ---

#: Number words understood by ``text_to_num.text2num(..., "fr")``; a run of them (joined by
#: spaces, hyphens or "et") is read as one number.
NUMBER_WORDS: tuple[str, ...] = (
    "zéro", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts",
    "trente", "quarante", "cinquante", "soixante", "septante", "huitante", "octante",
    "nonante", "cent", "cents", "mille",
)  # fmt: skip

#: Magnitude words and abbreviations, written after a number ("4,5 milliards", "260 Md$").
#: Keys are matched case-sensitively when they contain an upper-case letter, otherwise
#: case-insensitively. French "billion" is 10**12.
MAGNITUDES: dict[str, float] = {
    "mille": 1e3,
    "k": 1e3,
    "K": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "M": 1e6,
    "Mio": 1e6,
    "Mio.": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "Md": 1e9,
    "Mds": 1e9,
    "Mrd": 1e9,
    "Mrds": 1e9,
    "G": 1e9,
    "bn": 1e9,
    "demi-million": 5e5,
    "demi-milliard": 5e8,
    "billion": 1e12,
    "billions": 1e12,
}
#: Magnitudes too ambiguous to stand without a currency ("5 M" may be a magnitude of an
#: earthquake, "3 k" anything): they only count in "M€", "k$", "G$".
MAGNITUDES_NEED_CURRENCY: frozenset[str] = frozenset({"k", "K", "M", "Mio", "Mio.", "G"})

#: Currency words written after the amount ("13 milliards de dollars"), to ISO 4217. ``None``:
#: money, currency unknown. Longest forms first is not needed: the matcher sorts by length.
CURRENCIES_AFTER: dict[str, str | None] = {
    "dollars": "USD",
    "dollar": "USD",
    "dollars US": "USD",
    "dollars américains": "USD",
    "dollars des États-Unis": "USD",
    "dollars canadiens": "CAD",
    "dollars australiens": "AUD",
    "dollars néo-zélandais": "NZD",
    "dollars de Hong Kong": "HKD",
    "dollars hongkongais": "HKD",
    "dollars de Singapour": "SGD",
    "dollars singapouriens": "SGD",
    "euros": "EUR",
    "euro": "EUR",
    "livres sterling": "GBP",
    "livres": "GBP",
    "livre sterling": "GBP",
    "yens": "JPY",
    "yen": "JPY",
    "yuans": "CNY",
    "yuan": "CNY",
    "renminbis": "CNY",
    "francs suisses": "CHF",
    "franc suisse": "CHF",
    "francs CFA": "XOF",
    "francs français": "FRF",
    "francs belges": "BEF",
    "francs": "FRF",
    "marks": "DEM",
    "deutsche marks": "DEM",
    "roubles": "RUB",
    "roupies": "INR",
    "wons": "KRW",
    "couronnes suédoises": "SEK",
    "couronnes danoises": "DKK",
    "couronnes norvégiennes": "NOK",
    "réals": "BRL",
    "reais": "BRL",
    "pesos": None,
    "$": "USD",
    "$ US": "USD",
    "$ CA": "CAD",
    "$ can": "CAD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "CHF": "CHF",
    "JPY": "JPY",
    "CAD": "CAD",
    "CNY": "CNY",
    "FF": "FRF",
}
#: Currency signs and codes written before the amount ("$13bn", "€2bn", "US$ 4 milliards").
CURRENCIES_BEFORE: dict[str, str | None] = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "CHF": "CHF",
    "JPY": "JPY",
    "CAD": "CAD",
}
#: Words between a magnitude and its currency ("500 millions d'euros").
MONEY_LINKS: tuple[str, ...] = ("de", "d'", "d’")
#: Currency words that are also common nouns ("500 livres" are books): they only make money
#: after a magnitude ("10 millions de livres").
AMBIGUOUS_CURRENCIES: frozenset[str] = frozenset({"livres", "livre", "marks"})
#: Words that may follow an amount with a magnitude and no currency; for French any word
#: may follow, except "de"/"d'" + noun ("6 millions de personnes" counts people).
BARE_AMOUNT_FOLLOWERS: tuple[str, ...] = ()
#: A bare amount ("valorisé à 19 milliards") is in the currency the article names elsewhere.
BARE_AMOUNTS_IN_ARTICLE_CURRENCY: bool = True
#: Links that make a bare amount a count when a noun follows them ("millions d'années").
COUNT_LINKS: tuple[str, ...] = ("de", "d'", "d’")
#: Words that compare an amount with the one before it ("11.4 mln barrels last year from
#: 23.2 mln"): the second takes the unit of the first (here: a count, not money).
COMPARISON_WORDS: tuple[str, ...] = (
    "de", "d'", "d’", "à", "contre", "après", "au lieu de", "et", "ou",
)  # fmt: skip
#: Words that join the two ends of a range of amounts ("300 mln to 500 mln dlrs").
RANGE_LINKS: tuple[str, ...] = ("-", "–", "à", "et", "ou")
#: Currency words that name no particular dollar: in a sentence that has named one ("5.10
#: H.K. Dlrs each for a total of 454 mln dlrs"), they take that one.
GENERIC_DOLLARS: tuple[str, ...] = ("dollars", "dollar")
#: Dollars that a generic dollar word may stand for after they are named.
NAMED_DOLLARS: frozenset[str] = frozenset({"CAD", "AUD", "NZD", "HKD", "SGD", "TWD"})

#: Percent markers written after the number.
PERCENT_UNITS: tuple[str, ...] = ("%", "pour cent", "pourcent", "pour-cent", "p. 100", "p.100")

#: Approximation cues written just before an amount ("environ 8,5 milliards").
APPROX_BEFORE: tuple[str, ...] = (
    "environ", "d'environ", "d’environ", "près de", "plus de", "moins de", "quelque",
    "quelques", "estimé à", "estimée à", "estimés à", "estimées à", "estimé entre",
    "autour de", "quasiment", "presque", "approximativement", "de l'ordre de",
    "de l’ordre de", "aux alentours de", "un peu plus de", "un peu moins de",
    "pas moins de", "plus d'", "plus d’", "près d'", "près d’", "moins d'", "moins d’",
)  # fmt: skip
#: Approximation cues written just after an amount ("200 millions d'euros environ").
APPROX_AFTER: tuple[str, ...] = ("environ",)

#: Month names and abbreviations (matched in lower case only: "Mars" is a planet).
MONTHS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "février": 2, "fevrier": 2, "févr.": 2, "mars": 3,
    "avril": 4, "avr.": 4, "mai": 5, "juin": 6, "juillet": 7, "juil.": 7, "août": 8,
    "aout": 8, "septembre": 9, "sept.": 9, "octobre": 10, "oct.": 10, "novembre": 11,
    "nov.": 11, "décembre": 12, "decembre": 12, "déc.": 12,
}  # fmt: skip
WEEKDAYS: tuple[str, ...] = (
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
)  # fmt: skip
#: Forms of the first day of a month ("1er janvier").
FIRST_DAY: tuple[str, ...] = ("1er", "1ᵉʳ", "premier")

#: Prepositions before a date and the role they give it.
DATE_PREPOSITIONS: dict[str, str] = {
    "jusqu'en": "until",
    "jusqu’en": "until",
    "jusqu'à": "until",
    "jusqu’à": "until",
    "jusqu'au": "until",
    "jusqu’au": "until",
    "d'ici": "until",
    "d’ici": "until",
    "d'ici à": "until",
    "d’ici à": "until",
    "avant": "until",
    "au plus tard en": "until",
    "au-delà de l'échéance de": "until",
    "au-delà de l’échéance de": "until",
    "au-delà de l'échéance actuelle de": "until",
    "au-delà de l’échéance actuelle de": "until",
    "depuis": "since",
    "à partir de": "since",
    "à compter de": "since",
    "en": "point",
    "le": "point",
    "dès": "point",
    "au": "point",
    "à": "point",
}
#: Words that may stand between a preposition and its date ("jusqu'à la fin de 2030").
PERIOD_MODIFIERS: tuple[str, ...] = (
    "fin", "début", "mi-", "courant", "la fin de", "le début de", "la fin de l'année",
    "la fin de l’année", "l'année", "l’année", "l'an", "l’an", "le", "la mi-",
)  # fmt: skip
#: Relative periods, resolved against the reference date: (unit, offset).
RELATIVE_PERIODS: dict[str, tuple[str, int]] = {
    "l'an dernier": ("year", -1),
    "l’an dernier": ("year", -1),
    "l'année dernière": ("year", -1),
    "l’année dernière": ("year", -1),
    "l'an passé": ("year", -1),
    "l’an passé": ("year", -1),
    "l'année passée": ("year", -1),
    "l’année passée": ("year", -1),
    "l'an prochain": ("year", 1),
    "l’an prochain": ("year", 1),
    "l'année prochaine": ("year", 1),
    "l’année prochaine": ("year", 1),
    "cette année": ("year", 0),
    "désormais": ("month", 0),  # "valorisé désormais à N": as of the article
    "actuellement": ("month", 0),
    "le mois dernier": ("month", -1),
    "le mois prochain": ("month", 1),
    "ce mois-ci": ("month", 0),
    "la semaine dernière": ("week", -1),
    "la semaine prochaine": ("week", 1),
}
#: Words after a month that place it before / after the reference ("en mars dernier").
PAST_MARKERS: tuple[str, ...] = ("dernier", "passé")
FUTURE_MARKERS: tuple[str, ...] = ("prochain",)

#: Words after a four-digit number that show it is not a year ("2000 salariés", "1930 GMT").
NOT_YEAR_AFTER: tuple[str, ...] = (
    "h", "heures", "GMT", "UTC", "personnes", "salariés", "emplois", "employés", "habitants",
    "actions", "titres", "km", "kilomètres", "m", "mètres", "tonnes", "kg", "morts",
    "victimes", "voix", "postes", "exemplaires", "unités", "points", "ans", "jours",
)  # fmt: skip

# --- fact frames ---
#: The French model labels many companies LOC (start-ups, tech sites): a place
#: that invests, buys or partners is retyped as an organisation.
#: Runs of proper nouns that NER missed are taken as names (English only: the French
#: tagger marks too many capitalised common words PROPN).
PROPER_NOUN_NAMES: bool = False
#: The French model tags many companies PER ("Morgan Stanley"): a person is no proof.
PERSON_LABELS_RELIABLE: bool = False
#: Acronyms NER missed, listed next to names ("des firmes BPR, Dessau et Axor"), are names.
LISTED_ACRONYMS: bool = True
PLACES_AS_PARTIES: bool = True

# A verb frame maps a lemma to (fact type, role map). Role maps name where the fact's
# subject and object come from: "agent" (the verb's subject, or the controller of an
# infinitive/gerund, or "par X" in the passive), "patient" (direct object, or the subject in
# the passive), "dative" ("à X", "lui"), or a preposition ("dans", "de", "avec", "auprès de").
# A bare "+" between two roles means either (first found wins).

VERB_FRAMES: dict[str, tuple[str, str, str]] = {
    # lemma: (type, subject role, object role)
    "investir": ("investment", "agent", "dans+en"),  # "investir la place": occupy
    "injecter": ("investment", "agent", "dans"),
    "financer": ("investment", "agent", "patient"),
    "lever": ("investment", "auprès de", "agent"),
    "racheter": ("acquisition", "agent", "patient"),
    "acquérir": ("acquisition", "agent", "patient"),
    "acheter": ("acquisition", "agent", "patient"),
    "absorber": ("acquisition", "agent", "patient"),
    "reprendre": ("acquisition", "agent", "patient"),
    "avaler": ("acquisition", "agent", "patient"),
    "s'offrir": ("acquisition", "agent", "patient"),
    "céder": ("divestment", "agent", "patient"),
    "vendre": ("divestment", "agent", "patient"),
    "revendre": ("divestment", "agent", "patient"),
    "se séparer": ("divestment", "agent", "de"),
    "séparer": ("divestment", "agent", "de"),
    "détenir": ("stake", "agent", "patient"),
    "posséder": ("stake", "agent", "patient"),
    "contrôler": ("stake", "agent", "patient"),
    "appartenir": ("stake", "à", "agent"),  # "Y appartient à X": X holds Y
    "valoriser": ("valuation", "patient", ""),
    "évaluer": ("valuation", "patient", ""),
    "renégocier": ("negotiation", "agent", "avec"),
    "négocier": ("negotiation", "agent", "avec"),
    "rediscuter": ("negotiation", "agent", "avec"),
    "s'allier": ("partnership", "agent", "avec+à"),
    "allier": ("partnership", "agent", "avec+à"),
    "s'associer": ("partnership", "agent", "avec+à"),
    "associer": ("partnership", "agent", "avec+à"),
    "collaborer": ("partnership", "agent", "avec"),
    "coopérer": ("partnership", "agent", "avec"),
    "fusionner": ("partnership", "agent", "avec"),
    "diriger": ("leadership", "agent", "patient"),
    "présider": ("leadership", "agent", "patient"),
    "fonder": ("founder", "agent", "patient"),
    "cofonder": ("founder", "agent", "patient"),
    "créer": ("founder", "agent", "patient"),
    "dépendre": ("supplier", "agent", "de"),
    "fournir": ("supplier", "à+dative", "agent"),
    "équiper": ("supplier", "patient", "agent"),
    "commander": ("supplier", "agent", "à"),
    "mandater": ("supplier", "agent", "patient"),  # "X a mandaté la banque Lazard"
}

# A noun frame maps a noun (lemma, or several words) to its fact type. Roles of nominal
# triggers are read from complements: "de X" (theme), "par X" (agent), possessives, "entre
# X et Y", "avec X", "dans Y", and the subject or dative of the verb that governs the noun.
NOUN_FRAMES: dict[str, str] = {
    "investissement": "investment",
    "financement": "investment",
    "levée de fonds": "investment",
    "tour de table": "investment",
    "investisseur": "investment",
    "rachat": "acquisition",
    "acquisition": "acquisition",
    "achat": "acquisition",
    "prise de contrôle": "acquisition",
    "reprise": "acquisition",
    "offre publique d'achat": "acquisition",
    "OPA": "acquisition",
    "cession": "divestment",
    "vente": "divestment",
    "participation": "stake",
    "actionnaire": "stake",
    "filiale": "stake",
    "valorisation": "valuation",
    "partenariat": "partnership",
    "accord de partenariat": "partnership",
    "accord de coopération": "partnership",
    "accord de collaboration": "partnership",
    "alliance": "partnership",
    "collaboration": "partnership",
    "coopération": "partnership",
    "coentreprise": "partnership",
    "consortium": "partnership",
    "co-entreprise": "partnership",
    "fusion": "partnership",
    "partenaire": "partnership",
    "négociation": "negotiation",
    "renégociation": "negotiation",
    "pourparlers": "negotiation",
    "accès": "access_right",
    "droit d'accès": "access_right",
    "licence": "access_right",
    "part des recettes": "revenue_share",
    "part des revenus": "revenue_share",
    "part du chiffre d'affaires": "revenue_share",
    "part des bénéfices": "revenue_share",
    "introduction en Bourse": "ipo",
    "introduction en bourse": "ipo",
    "entrée en Bourse": "ipo",
    "entrée en bourse": "ipo",
    "cotation": "ipo",
    "IPO": "ipo",
    "dépendance": "supplier",
    "fournisseur": "supplier",
    "client": "supplier",
    "infrastructure": "infrastructure",
    "centre de données": "infrastructure",
    "centres de données": "infrastructure",
    "data center": "infrastructure",
    "usine": "infrastructure",
    "supercalculateur": "infrastructure",
}

#: Participles that list the members of a grouping ("un consortium formé de A, B et C").
MEMBER_PARTICIPLES: frozenset[str] = frozenset(
    {"former", "composer", "constituer", "réunir", "regrouper", "rassembler", "associer", "mener"}
)  # fmt: skip
#: Nouns of groupings: a name apposed to them names the grouping, not a partner
#: ("le consortium Énergie gérance").
GROUPING_NOUNS: frozenset[str] = frozenset({"consortium", "coentreprise", "co-entreprise"})
#: Verbs that found a grouping: "ce consortium a été constitué en 2004" dates its members'
#: partnership.
GROUPING_FOUNDING_VERBS: frozenset[str] = frozenset(
    {"constituer", "créer", "former", "fonder", "établir", "monter", "lancer"}
)  # fmt: skip
#: Verbs whose coordinated subject are the parties of the partnership they govern, with no
#: "avec" ("A et B ont signé un partenariat", "A, B et C forment un consortium").
PARTNERING_VERBS: frozenset[str] = frozenset(
    {"signer", "conclure", "nouer", "former", "constituer", "créer", "sceller", "lancer",
     "établir", "monter", "annoncer", "officialiser", "parapher"}
)  # fmt: skip

#: Nouns that make a following "de <trigger>" a kind, not an event: "un fonds
#: d'investissement", "une banque d'affaires", "la société de financement".
KIND_HEADS: frozenset[str] = frozenset(
    {"fonds", "banque", "société", "firme", "cabinet", "véhicule", "branche", "division",
     "compagnie", "organisme", "établissement", "spécialiste", "club"}
)  # fmt: skip
#: Words that, just before an amount, make it a valuation ("valorisé à 800 millions"): the
#: amount does not price the deal the sentence is about.
VALUATION_WORDS: tuple[str, ...] = (
    "valorisé", "valorisée", "valorisés", "valorisées", "valorisation", "évalué", "évaluée",
    "évalués", "évaluées",
)  # fmt: skip
#: Nouns of deals: "une transaction évaluée à N" prices the deal after all.
PRICED_NOUNS: frozenset[str] = frozenset(
    {"transaction", "opération", "accord", "offre", "rachat", "acquisition", "contrat", "deal",
     "cession", "vente", "achat", "fusion"}
)  # fmt: skip

#: Deal verbs with common senses outside deals ("reprendre Mossoul", "reprendre le
#: Norvégien" in a race): they make a fact only between organisations.
AMBIGUOUS_DEAL_VERBS: frozenset[str] = frozenset({"reprendre", "avaler", "absorber"})
#: Verbs of belonging: a company belongs to its holder, a person to a party or a club
#: ("X appartient au Parti Y" is membership): no fact about a person.
MEMBERSHIP_VERBS: frozenset[str] = frozenset({"appartenir"})
#: Verbs that make a deal only with a share as object: "prendre 21 % du capital de Y",
#: "prendre le contrôle de Y", "prendre une participation dans Y".
SHARE_VERBS: dict[str, str] = {"prendre": "acquisition", "ramasser": "acquisition"}
#: (Their objects that are shares of a company are the SHARE_NOUNS below.)
#: Nouns of a company's parts, in a deal noun's complement: "le rachat des actifs de Y",
#: "la cession des activités de Y" are labelled as deals on Y.
COMPANY_PART_NOUNS: frozenset[str] = frozenset(
    {"actif", "actifs", "activité", "activités", "branche", "division", "action", "actions",
     "titre", "titres", "part", "parts", "capital", "filiale", "filiales", "pôle", "unité"}
)  # fmt: skip

#: Nouns through which a verb does the deal they name: "signer un contrat pour l'achat de
#: Y", "conclure un accord de rachat de Y" (the signer buys).
DEAL_CARRIER_NOUNS: frozenset[str] = frozenset(
    {"contrat", "accord", "protocole", "promesse", "transaction", "opération"}
)  # fmt: skip

#: Verbs that turn a noun frame into a fact of the governing verb's subject:
#: "X a annoncé l'acquisition de Y" (X buys), "X conserve son projet d'introduction en Bourse".
#: Verbs that hand the noun to the dative instead: "Y accorde à X une part des recettes",
#: "le contrat garantit à X un accès" (X is the beneficiary).
GIVING_VERBS: frozenset[str] = frozenset(
    {"accorder", "garantir", "donner", "octroyer", "offrir", "concéder", "verser", "reverser",
     "permettre", "assurer", "consentir", "attribuer"}
)  # fmt: skip
#: Verbs whose subject holds the stake named by their object ("X holds a 20 pct stake").
HOLDING_VERBS: frozenset[str] = frozenset(
    {
        "détenir",
        "posséder",
        "avoir",
        "conserver",
        "garder",
        "prendre",
        "porter",
        "monter",
        "renforcer",
        "relever",
        "augmenter",
        "acquérir",
        "accroître",
        "disposer",
        "contrôler",
        "réduire",
        "ramener",
        "céder",
        "vendre",
    }
)
#: Verbs whose object or dative ends up holding the stake they name ("leave X with a stake").
ENDOWING_VERBS: frozenset[str] = frozenset({"laisser", "donner", "conférer", "offrir", "accorder"})
#: Prepositions of the buyer after a selling verb ("sells Y to Z", "cède Y à Z").
RECIPIENT_PREPOSITIONS: tuple[str, ...] = ("à", "au", "aux")
#: Nouns naming those who invest ("existing investors A and B") and funding rounds
#: with the verbs by which investors take part in them ("led the round alongside X").
INVESTOR_NOUNS: frozenset[str] = frozenset(
    {"investisseur", "investisseurs", "bailleur", "bailleurs"}
)
ROUND_NOUNS: frozenset[str] = frozenset({"tour", "levée"})
ROUND_VERBS: frozenset[str] = frozenset({"mener", "participer", "rejoindre", "conduire", "piloter"})
ALONGSIDE: tuple[str, ...] = ("aux côtés de", "avec", "dont", "parmi lesquels", "notamment")
#: Verbs by which a company raises money from investors ("raised $N from investors including X").
RAISING_VERBS: frozenset[str] = frozenset({"lever", "obtenir", "récolter", "boucler"})
#: Prepositions of the seller after a buying verb ("buys Y from Z").
SELLER_PREPOSITIONS: tuple[str, ...] = ("auprès de",)
#: Prepositions of the target after a bid noun ("a bid for Y", "une offre sur Y").
BID_PREPOSITIONS: tuple[str, ...] = ("sur", "pour")
#: Investment verbs that invest only with an amount as object ("committed $13bn to Y").
AMOUNT_VERBS: frozenset[str] = frozenset({"injecter", "engager"})
#: Verbs by which a company issues its own shares to a buyer ("will issue 4.18 billion new
#: shares to X": X buys into it); only with shares as object.
SHARE_ISSUE_VERBS: frozenset[str] = frozenset({"émettre"})
#: Deal nouns that name a seller only with "by X" ("a placement of 11 pct of Y by X").
AGENT_ONLY_NOUNS: frozenset[str] = frozenset({"placement"})
#: Verbs whose subject, raising or taking a stake, buys shares ("X raised its stake in Y").
STAKE_RAISING_VERBS: frozenset[str] = frozenset(
    {
        "prendre",
        "porter",
        "monter",
        "renforcer",
        "relever",
        "augmenter",
        "accroître",
        "acquérir",
        "racheter",
    }
)
#: Verbs whose subject wants a stake it does not hold yet ("seek a majority stake in Y").
STAKE_SEEKING_VERBS: frozenset[str] = frozenset(
    {"chercher", "vouloir", "viser", "convoiter", "rechercher"}
)
#: Nouns of control: taking it buys a company, having it holds one.
CONTROL_NOUNS: frozenset[str] = frozenset({"contrôle"})
#: Nouns of holdings, whose companies are listed after them: "les participations de X
#: dans A, B et C", "les actions de X dans A et B".
HOLDING_NOUNS: frozenset[str] = frozenset({"participation", "action", "part", "titre"})
HOLDER_PREPOSITIONS: tuple[str, ...] = ("de", "d'", "d’", "du", "des")
HELD_PREPOSITIONS: tuple[str, ...] = ("dans",)
#: Nouns of a company's customers, and verbs by which companies use what another supplies:
#: "parmi ses clients figurent A et B", "des services utilisés par des entreprises telles
#: que A et B".
CUSTOMER_NOUNS: frozenset[str] = frozenset({"client"})
USING_VERBS: frozenset[str] = frozenset({"utiliser", "employer"})
#: Words that open a list of examples after a plural noun ("des entreprises telles que A").
EXAMPLE_CUES: tuple[str, ...] = (
    "tels que",
    "telles que",
    "tel que",
    "telle que",
    "comme",
    "dont",
    "notamment",
    "parmi lesquelles",
    "parmi lesquels",
)
#: Nouns of those who compete to buy a company, whose list names each would-be buyer:
#: "parmi les candidats au rachat de Y figurent A, B et C" (always with a deal word:
#: "les candidats à la présidentielle" buy nothing).
CANDIDATE_NOUNS: frozenset[str] = frozenset({"candidat", "candidature", "prétendant"})
BIDDER_NOUNS: frozenset[str] = frozenset()
CANDIDACY_PREPOSITIONS: tuple[str, ...] = ("à", "pour")
#: Words that put a noun among others ("parmi les candidats") and verbs that list.
AMONG_WORDS: frozenset[str] = frozenset({"parmi"})
LISTING_VERBS: frozenset[str] = frozenset({"figurer", "être", "comprendre", "inclure", "compter"})
#: Nouns of the company that holds another ("X, the parent of Y").
PARENT_NOUNS: frozenset[str] = frozenset({"maison mère", "société mère"})
#: Nouns of a company held by another ("Y, a subsidiary of X", "X subsidiary Y").
SUBSIDIARY_NOUNS: frozenset[str] = frozenset({"filiale"})
#: Verbs that move a stake to a new level ("bring its stake to 25 pct from 3.5 pct").
STAKE_CHANGE_VERBS: frozenset[str] = frozenset(
    {"porter", "ramener", "réduire", "augmenter", "relever", "monter", "abaisser", "accroître"}
)
FROM_WORDS: tuple[str, ...] = ("contre",)
#: Nouns of a part of a company, whose complement names the company ("75 pct of Y").
SHARE_NOUNS: frozenset[str] = frozenset(
    {
        "%",
        "pourcent",
        "pour cent",
        "participation",
        "part",
        "parts",
        "action",
        "actions",
        "capital",
        "majorité",
        "contrôle",
        "titre",
        "titres",
        "totalité",
        "partie",
        "moitié",
        "tiers",
        "quart",
    }
)
#: Share nouns that, under a possessive, are the subject's own capital ("son capital",
#: "its shares"): selling them to Z lets Z buy into the subject.
OWN_SHARE_NOUNS: frozenset[str] = frozenset(
    {"capital", "action", "actions", "titres"}
)  # "titre": a title too
SHARE_PREPOSITIONS: tuple[str, ...] = ("de", "dans", "du", "des")
#: Prepositions that complete an asset's name ("its office building in Sydney").
ASSET_PREPOSITIONS: tuple[str, ...] = ("de", "en", "à")
#: Nouns of what a company owns and can sell or build as a unit ("its enterprise business").
ASSET_NOUNS: frozenset[str] = frozenset(
    {
        "activité",
        "division",
        "branche",
        "pôle",
        "usine",
        "site",
        "immeuble",
        "siège",
        "brevet",
        "actif",
        "portefeuille",
        "marque",
        "réseau",
        "magasin",
        "hôtel",
        "parc",
        "projet",
        "mine",
        "raffinerie",
        "centrale",
        "catalogue",
        "studio",
        "journal",
        "chaîne",
    }
)
#: Words before "subsidiary" that make the parent hold all of it.
WHOLLY_OWNED: tuple[str, ...] = (
    "détenue à 100",
    "à 100 %",
    "à 100%",
    "100 %",
    "intégralement détenue",
    "en propriété exclusive",
)

#: Roles of persons in organisations, as written in appositions ("X, PDG de Y").
LEADERSHIP_ROLES: dict[str, str] = {
    "PDG": "PDG",
    "président-directeur général": "PDG",
    "président directeur général": "PDG",
    "directeur général": "directeur général",
    "directrice générale": "directrice générale",
    "président": "président",
    "présidente": "présidente",
    "patron": "patron",
    "patronne": "patronne",
    "dirigeant": "dirigeant",
    "dirigeante": "dirigeante",
    "directeur": "directeur",
    "directrice": "directrice",
    "vice-président": "vice-président",
    "directeur financier": "directeur financier",
    "directeur exécutif": "directeur exécutif",
    "directrice exécutive": "directrice exécutive",
    "directeur général délégué": "directeur général délégué",
    "chef de la direction": "chef de la direction",
    "président du conseil d'administration": "président du conseil d'administration",
    "président du conseil de surveillance": "président du conseil de surveillance",
    "président du directoire": "président du directoire",
    "présidente du conseil d'administration": "présidente du conseil d'administration",
    "administrateur délégué": "administrateur délégué",
    "CEO": "CEO",
    "administrateur": "administrateur",
    "gérant": "gérant",
}
#: Roles that only companies have: their organisation is one even when the model tags it
#: as a place (unknown company names often come out LOC); "président" or "directeur" may
#: head a country or a ministry, whose offices are not labelled.
COMPANY_ROLES: frozenset[str] = frozenset(
    {"pdg", "président-directeur général", "président directeur général", "directeur général",
     "directrice générale", "directeur financier", "directeur général délégué", "ceo",
     "chef de la direction", "président du conseil d'administration",
     "présidente du conseil d'administration", "président du conseil de surveillance",
     "président du directoire", "administrateur délégué", "fondateur", "fondatrice",
     "cofondateur", "cofondatrice", "co-fondateur", "co-fondatrice"}
)  # fmt: skip
#: Passive participles that describe an organisation by its people ("la société dirigée par X").
LEADERSHIP_PARTICIPLES: dict[str, str] = {
    "diriger": "dirigeant",
    "présider": "président",
    "piloter": "dirigeant",
}
FOUNDER_PARTICIPLES: frozenset[str] = frozenset({"fonder", "cofonder", "créer"})
FOUNDER_NOUNS: frozenset[str] = frozenset(
    {"fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur", "co-fondatrice"}
)  # fmt: skip
#: Prepositions between a title and its organisation ("chairman of Y", "PDG de Y").
TITLE_PREPOSITIONS: tuple[str, ...] = ("de", "d'", "d’", "du", "chez", "des")
#: Words before a title that end it ("former CEO"): the fact is negated.
FORMER_WORDS: frozenset[str] = frozenset({"ancien", "ancienne", "ex", "ex-"})
#: Words after an amount that make it a unit price, not a deal's value.
PER_UNIT: tuple[str, ...] = ("par action", "l'action", "par titre", "chacune", "chacun", "l’action")
#: Words before an amount that make it a unit price ("au prix unitaire de 25 dollars").
PER_UNIT_BEFORE: tuple[str, ...] = (
    "prix unitaire de", "prix unitaire d'", "prix unitaire d’", "prix par action de",
    "prix par titre de", "cours unitaire de",
)  # fmt: skip

#: Participles that give a facility its name
#: ("sa propre infrastructure, baptisée Jupiter").
NAMING_PARTICIPLES: frozenset[str] = frozenset(
    {"baptiser", "nommer", "appeler", "dénommer", "surnommer"}
)

#: Legal forms an organisation can take ("se convertir en société à mission").
LEGAL_FORM_VERBS: frozenset[str] = frozenset(
    {"convertir", "transformer", "structurer", "devenir", "muer", "restructurer"}
)  # fmt: skip
LEGAL_FORM_NOUNS: frozenset[str] = frozenset(
    {"corporation", "société", "forme juridique", "statut", "SAS", "SA", "SCA", "coopérative",
     "fondation", "entreprise à mission"}
)  # fmt: skip
#: Participles that extend a legal form to other organisations ("déjà utilisée par X").
LEGAL_FORM_USERS: frozenset[str] = frozenset({"utiliser", "adopter", "choisir", "retenir"})

# --- modality ---
#: Conditional of these verbs expresses an intention or a possibility (planned), not hearsay.
PLANNED_CONDITIONALS: frozenset[str] = frozenset(
    {"souhaiter", "vouloir", "aimer", "pouvoir", "devoir", "préférer"}
)  # fmt: skip
#: Verbs, nouns and adjectives that make what they govern an intention or a possibility.
PLANNED_CUES: frozenset[str] = frozenset(
    {"souhaiter", "vouloir", "prévoir", "envisager", "projeter", "compter", "viser",
     "préparer", "proposer", "pouvoir", "devoir", "chercher", "tenter", "espérer",
     "s'apprêter", "apprêter", "annoncer", "négocier", "discuter", "étudier", "planifier",
     "projet", "intention", "volonté", "offre", "proposition", "possible", "futur",
     "éventuel", "potentiel", "prochain", "candidature", "souhait", "objectif", "plan",
     "faciliter", "préparation", "perspective", "envie", "idée"}
)  # fmt: skip
#: Finite forms of verbs of intention and of the near future that govern an infinitive
#: ("compte racheter", "va céder", "veulent s'allier"); the parser often misreads them, so
#: they are matched as words right before the infinitive.
INTENTION_FORMS: frozenset[str] = frozenset(
    {"va", "vont", "allait", "allaient", "compte", "comptent", "comptait", "comptaient",
     "veut", "veulent", "voulait", "voulaient", "souhaite", "souhaitent", "souhaitait",
     "prévoit", "prévoient", "prévoyait", "envisage", "envisagent", "envisageait", "entend",
     "entendent", "entendait", "projette", "projettent", "espère", "espèrent", "espérait",
     "cherche", "cherchent", "tente", "tentent", "s'apprête", "apprête", "apprêtent",
     "doit", "doivent", "devait", "devaient", "vise", "visent", "propose", "proposent"}
)  # fmt: skip
#: Multi-word cues: "être en passe de", "afin de", "en vue de".
PLANNED_PHRASES: tuple[str, ...] = ("en passe de", "afin de", "en vue d", "sur le point de")
#: Verbs and nouns that make what they govern denied, abandoned or ended.
NEGATED_CUES: frozenset[str] = frozenset(
    {"renoncer", "abandonner", "rejeter", "refuser", "annuler", "rompre", "démentir",
     "échouer", "suspendre", "arrêter", "interrompre", "fin", "abandon", "rupture", "échec",
     "démenti", "retirer"}
)  # fmt: skip
NEGATION_WORDS: frozenset[str] = frozenset(
    {"ne", "n'", "pas", "plus", "jamais", "aucun", "aucune", "ni"}
)
#: Verbs whose negation declines to speak, not denies ("would not comment on ...").
NO_COMMENT_VERBS: frozenset[str] = frozenset({"commenter", "confirmer", "préciser"})
#: Phrasal verbs that abandon what they govern ("called off their plans to buy").
NEGATED_PHRASALS: frozenset[str] = frozenset()
#: Deal nouns that mean something else in the plural ("net sales" are revenue).
SINGULAR_ONLY_NOUNS: frozenset[str] = frozenset(
    {"vente", "cession", "reprise"}
)  # "à six reprises": times
#: Modal auxiliaries (English "will", "would"): French marks the future by tense and "aller".
MODAL_AUXILIARIES: frozenset[str] = frozenset()
#: Conditional endings (with Mood=Cnd, which the model often misses on -rait forms).
CONDITIONAL_ENDINGS: tuple[str, ...] = ("rait", "raient")
#: Phrases that hedge a whole sentence (single words are read by mood, not by text).
HEDGE_CUES: tuple[str, ...] = (
    "selon des sources",
    "de sources proches",
    "selon plusieurs sources",
    "sources proches",
    "selon la rumeur",
    "dit-on",
    "semble-t-il",
)

# --- attribution ---
#: Prepositions that introduce a source ("selon le journal X", "d'après X").
SOURCE_PREPOSITIONS: tuple[str, ...] = ("selon", "d'après", "d’après", "citant", "cité par")
#: Participles that add a relay after the source ("relayé par Y").
RELAY_CUES: tuple[str, ...] = (
    "relayé par",
    "relayée par",
    "repris par",
    "reprise par",
    "cité par",
    "rapporté par",
)
#: Reporting verbs: their subject (or inverted subject) is the source of the reported clause.
REPORTING_VERBS: frozenset[str] = frozenset(
    {"rapporter", "indiquer", "préciser", "affirmer", "annoncer", "déclarer", "révéler",
     "écrire", "expliquer", "confirmer", "ajouter", "souligner",
     "dire", "relater", "publier", "communiquer", "faire savoir"}
)  # fmt: skip
#: Heads of unnamed sources, kept as written ("sources close to X said").
UNNAMED_SOURCES: frozenset[str] = frozenset(
    {"source", "proche", "analyste", "observateur", "personne"}
)

# --- coreference ---
#: Roles and coordination also read from word order when the parse misses them ("X, Y ou
#: Z", "investit ... dans Y"): the French parses of press text need it; the English ones
#: are good enough, and linear reading there crosses clauses.
PARSE_REPAIR: bool = True
#: Words that start a description of an organisation ("la", "cette"...).
#: A description noun written twice in a sentence names one entity ("Le groupe racheté ...
#: le PDG du groupe").
REPEATED_DESCRIPTIONS_COREFER: bool = True
DESCRIPTION_DETERMINERS: frozenset[str] = frozenset(
    {"le", "la", "l'", "l’", "ce", "cette", "cet", "du", "au"}
)
#: Words joining a description to a complement before its apposed name ("le fabricant de
#: batteries X").
DESCRIPTION_LINKS: frozenset[str] = frozenset({"de", "d'", "d’", "des", "du"})
#: Words that open a clause fronted before the main one ("Après avoir lancé..., X teste",
#: "Pour financer son expansion, X a levé"): a possessive in it is the main subject's.
FRONTED_CLAUSE_MARKERS: frozenset[str] = frozenset({"après", "avant", "pour", "afin"})
#: Dative pronouns ("lui", "leur") and possessive determiners ("sa", "son", "ses", "leur").
DATIVE_PRONOUNS: frozenset[str] = frozenset({"lui", "leur"})
POSSESSIVES: frozenset[str] = frozenset({"sa", "son", "ses", "leur", "leurs"})
#: Plural pronouns that stand for coordinated parties ("A and B said they agreed").
PLURAL_PRONOUNS: frozenset[str] = frozenset({"ils", "elles", "eux"})
#: Subject pronouns resolved as references (none in French: "il" is too often impersonal).
SUBJECT_PRONOUNS: frozenset[str] = frozenset()
#: Lower-case words dropped from the start of a name ("la Walt Disney Company").
NAME_LEADING_WORDS: frozenset[str] = frozenset(
    {"le", "la", "les", "l'", "l’", "de", "d'", "d’", "du", "des", "à", "au", "aux"}
)
#: Coordinators of lists of parties ("Safran, Thales ou Dassault").
COORDINATORS: frozenset[str] = frozenset(
    {"et", "ou", ",", "ainsi que", "comme", "dont", "notamment"}
)
#: Relative pronouns, read as their antecedent.
RELATIVE_PRONOUNS: frozenset[str] = frozenset(
    {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}
)
