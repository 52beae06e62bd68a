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
#: Links that make a bare amount a count when a noun follows them ("millions d'années").
COUNT_LINKS: tuple[str, ...] = ("de", "d'", "d’")
#: Words that compare an amount with the one before it ("11.4 mln barrels last year from
#: 23.2 mln"): the second takes the unit of the first (here: a count, not money).
COMPARISON_WORDS: tuple[str, ...] = (
    "de", "d'", "d’", "à", "contre", "après", "au lieu de", "et", "ou",
)  # fmt: skip
#: Words that join the two ends of a range of amounts ("300 mln to 500 mln dlrs").
RANGE_LINKS: tuple[str, ...] = ("-", "–", "à", "et", "ou")

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
