"""English lexicons: data only, no logic (the recognisers that use them live in
:mod:`pressgraph.extract`)."""

from __future__ import annotations

# --- quantities and dates ---

#: Number words understood by ``text_to_num.text2num(..., "en")``; a run of them (joined by
#: spaces, hyphens or "and") is read as one number.
NUMBER_WORDS: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand",
)  # fmt: skip

#: Magnitude words and abbreviations written after a number ("1.5 billion", "$13bn").
#: Keys are matched case-sensitively when they contain an upper-case letter, otherwise
#: case-insensitively.
MAGNITUDES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "K": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "m": 1e6,
    "M": 1e6,
    "MM": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bilion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "B": 1e9,
    "trillion": 1e12,
    "trn": 1e12,
    "tn": 1e12,
}
#: Magnitudes too ambiguous to stand without a currency ("5 m" is five metres).
MAGNITUDES_NEED_CURRENCY: frozenset[str] = frozenset({"k", "K", "m", "M", "MM", "b", "B", "mil"})

#: Currency words written after the amount ("146.6 mln stg"), to ISO 4217. ``None``: money,
#: currency unknown. "cts"/"cents" are handled as hundredths of the currency (see
#: ``CENT_WORDS``).
CURRENCIES_AFTER: dict[str, str | None] = {
    "dlrs": "USD",
    "dlr": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "U.S. dlrs": "USD",
    "U.S. dlr": "USD",
    "U.S. dollars": "USD",
    "US dollars": "USD",
    "American dollars": "USD",
    "Canadian dlrs": "CAD",
    "Canadian dlr": "CAD",
    "Canadian dollars": "CAD",
    "Australian dlrs": "AUD",
    "Australian dollars": "AUD",
    "Australian dlr": "AUD",
    "N.Z. dlrs": "NZD",
    "New Zealand dlrs": "NZD",
    "New Zealand dollars": "NZD",
    "H.K. dlrs": "HKD",
    "Hong Kong dlrs": "HKD",
    "Hong Kong dollars": "HKD",
    "Singapore dlrs": "SGD",
    "Singapore dollars": "SGD",
    "Taiwan dlrs": "TWD",
    "stg": "GBP",
    "sterling": "GBP",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "marks": "DEM",
    "German marks": "DEM",
    "Deutsche marks": "DEM",
    "deutschemarks": "DEM",
    "DM": "DEM",
    "francs": "FRF",
    "French francs": "FRF",
    "Swiss francs": "CHF",
    "Belgian francs": "BEF",
    "guilders": "NLG",
    "Dutch guilders": "NLG",
    "lire": "ITL",
    "Italian lire": "ITL",
    "pesetas": "ESP",
    "schillings": "ATS",
    "Swedish crowns": "SEK",
    "Danish crowns": "DKK",
    "Norwegian crowns": "NOK",
    "Swedish kronor": "SEK",
    "Danish kroner": "DKK",
    "Norwegian kroner": "NOK",
    "crowns": None,
    "rand": "ZAR",
    "rupees": "INR",
    "Mexican pesos": "MXN",
    "Philippine pesos": "PHP",
    "pesos": None,
    "riyals": "SAR",
    "Saudi riyals": "SAR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "roubles": "RUB",
    "rubles": "RUB",
    "ECUs": "XEU",
    "Ecus": "XEU",
    "ECU": "XEU",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "CHF": "CHF",
    "JPY": "JPY",
    "CAD": "CAD",
}
#: Currency signs and codes written before the amount ("$13bn", "US$ 4 billion", "DM 50 mln").
CURRENCIES_BEFORE: dict[str, str | None] = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "US $": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "C$": "CAD",
    "CA$": "CAD",
    "Can$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "DM": "DEM",
    "Dfl": "NLG",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "CHF": "CHF",
    "JPY": "JPY",
    "CAD": "CAD",
    "Rs": "INR",
}
#: Words for hundredths of a currency unit ("50 cts a share").
CENT_WORDS: dict[str, str | None] = {"cts": "USD", "cents": "USD", "ct": "USD", "cent": "USD"}
#: Links between magnitude and currency ("5 million of dollars" is not English; none).
MONEY_LINKS: tuple[str, ...] = ()
#: Currency words that are also common nouns or verbs ("500 pounds" of weight, "won"): they
#: only make money after a magnitude ("5 mln pounds").
AMBIGUOUS_CURRENCIES: frozenset[str] = frozenset({"pounds", "pound", "marks", "won", "rand"})
#: Words that may follow an amount with a magnitude and no currency ("1.3 billion in sales");
#: any other word makes it a count ("5.25 mln shares").
BARE_AMOUNT_FOLLOWERS: tuple[str, ...] = (
    "in", "to", "for", "from", "and", "or", "but", "at", "on", "by", "with", "than", "as",
    "is", "was", "were", "are", "will", "would", "has", "have", "had", "which", "that",
    "including", "compared", "against", "while", "last", "this", "plus", "vs", "versus",
    "after", "before", "during", "up", "down", "a", "an", "the", "worth", "each",
)  # fmt: skip
#: Links that make a bare amount a count when a noun follows them ("5 mln of its shares").
COUNT_LINKS: tuple[str, ...] = ("of",)
#: Words that compare an amount with the one before it ("11.4 mln barrels last year from
#: 23.2 mln"): the second takes the unit of the first (here: a count, not money).
COMPARISON_WORDS: tuple[str, ...] = (
    "from", "to", "against", "vs", "versus", "compared with", "after", "than", "and", "or",
)  # fmt: skip
#: Words that join the two ends of a range of amounts ("300 mln to 500 mln dlrs").
RANGE_LINKS: tuple[str, ...] = ("-", "–", "to", "and", "or")
#: Currency words that name no particular dollar: in a sentence that has named one ("5.10
#: H.K. Dlrs each for a total of 454 mln dlrs"), they take that one.
GENERIC_DOLLARS: tuple[str, ...] = ("dlrs", "dlr", "dollars", "dollar")
#: Dollars that a generic dollar word may stand for after they are named.
NAMED_DOLLARS: frozenset[str] = frozenset({"CAD", "AUD", "NZD", "HKD", "SGD", "TWD"})

#: Percent markers written after the number.
PERCENT_UNITS: tuple[str, ...] = ("%", "pct", "per cent", "percent", "pc", "p.c.")

#: Approximation cues written just before an amount ("about 275 mln dlrs").
APPROX_BEFORE: tuple[str, ...] = (
    "about", "around", "nearly", "almost", "more than", "less than", "some", "approximately",
    "approx.", "roughly", "an estimated", "estimated", "close to", "over", "just over",
    "just under", "upwards of", "in excess of", "as much as", "up to", "at least",
    "circa", "an approximate",
)  # fmt: skip
#: Approximation cues written just after an amount ("100 mln dlrs or so").
APPROX_AFTER: tuple[str, ...] = ("or so",)

#: Month names and abbreviations (matched with a capital letter only: "may" is a verb).
MONTHS: dict[str, int] = {
    "January": 1, "Jan": 1, "Jan.": 1, "February": 2, "Feb": 2, "Feb.": 2, "March": 3,
    "Mar": 3, "Mar.": 3, "April": 4, "Apr": 4, "Apr.": 4, "May": 5, "June": 6, "Jun": 6,
    "Jun.": 6, "July": 7, "Jul": 7, "Jul.": 7, "August": 8, "Aug": 8, "Aug.": 8,
    "September": 9, "Sept": 9, "Sept.": 9, "Sep": 9, "Sep.": 9, "October": 10, "Oct": 10,
    "Oct.": 10, "November": 11, "Nov": 11, "Nov.": 11, "December": 12, "Dec": 12, "Dec.": 12,
}  # fmt: skip
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
#: Ordinal suffixes of days ("March 1st", "the 30th of March").
DAY_SUFFIXES: tuple[str, ...] = ("st", "nd", "rd", "th")

#: Prepositions before a date and the role they give it.
DATE_PREPOSITIONS: dict[str, str] = {
    "until": "until",
    "till": "until",
    "through": "until",
    "thru": "until",
    "by": "until",
    "no later than": "until",
    "expires in": "until",
    "expiring in": "until",
    "due": "until",
    "due in": "until",
    "since": "since",
    "starting in": "since",
    "beginning in": "since",
    "as from": "since",
    "in": "point",
    "on": "point",
    "at": "point",
    "as of": "point",
    "during": "point",
}
#: Words that may stand between a preposition and its date ("until the end of 2030").
PERIOD_MODIFIERS: tuple[str, ...] = (
    "the end of", "the beginning of", "the start of", "the middle of", "end-", "mid-",
    "early", "late", "the first half of", "the second half of", "fiscal", "calendar",
    "the year", "year-end", "end",
)  # fmt: skip
#: Relative periods, resolved against the reference date: (unit, offset).
RELATIVE_PERIODS: dict[str, tuple[str, int]] = {
    "last year": ("year", -1),
    "next year": ("year", 1),
    "this year": ("year", 0),
    "earlier this year": ("year", 0),
    "later this year": ("year", 0),
    "last month": ("month", -1),
    "next month": ("month", 1),
    "this month": ("month", 0),
    "earlier this month": ("month", 0),
    "later this month": ("month", 0),
    "last week": ("week", -1),
    "next week": ("week", 1),
}
#: Words before a month that place it before / after the reference ("last March").
PAST_MARKERS: tuple[str, ...] = ("last", "this past")
FUTURE_MARKERS: tuple[str, ...] = ("next", "this coming")

#: Words after a four-digit number that show it is not a year ("1930 GMT", "1990 shares").
NOT_YEAR_AFTER: tuple[str, ...] = (
    "GMT", "EST", "EDT", "CST", "CDT", "PST", "PDT", "BST", "UTC", "hrs", "hours", "local",
    "shares", "people", "employees", "jobs", "acres", "tons", "tonnes", "barrels", "ounces",
    "feet", "miles", "km", "units", "stores", "points", "votes", "cars", "years", "days",
)  # fmt: skip

# --- fact frames ---
#: The English model's GPE/LOC labels are reliable: a place is never a party to a deal.
#: Runs of proper nouns that NER missed are taken as names ("Argo AI").
PROPER_NOUN_NAMES: bool = True
#: The English model's PERSON on a first and last name is reliable: nobody buys "Joseph Pinola".
PERSON_LABELS_RELIABLE: bool = True
PLACES_AS_PARTIES: bool = False

# Same conventions as ``lang/fr.py``: a verb frame maps a lemma to (fact type, subject role,
# object role); roles are "agent", "patient", "dative" or a preposition, "+" meaning either.
# Phrasal verbs are keyed "verb particle" ("take over", "sell off"), read from the parse's
# ``prt`` child.

VERB_FRAMES: dict[str, tuple[str, str, str]] = {
    "invest": ("investment", "agent", "in+into"),
    "inject": ("investment", "agent", "into+in"),
    "commit": ("investment", "agent", "to"),
    "issue": ("acquisition", "to", "agent"),
    "spend": ("investment", "agent", "on+for+in"),
    "pour": ("investment", "agent", "into+in"),
    "finance": ("investment", "agent", "patient"),
    "fund": ("investment", "agent", "patient"),
    "back": ("investment", "agent", "patient"),
    "raise": ("investment", "from", "agent"),
    "buy": ("acquisition", "agent", "patient"),
    "acquire": ("acquisition", "agent", "patient"),
    "purchase": ("acquisition", "agent", "patient"),
    "take over": ("acquisition", "agent", "patient"),
    "takeover": ("acquisition", "agent", "patient"),
    "absorb": ("acquisition", "agent", "patient"),
    "snap up": ("acquisition", "agent", "patient"),
    "buy out": ("acquisition", "agent", "patient"),
    "merge": ("partnership", "agent", "with"),
    "sell": ("divestment", "agent", "patient"),
    "sell off": ("divestment", "agent", "patient"),
    "divest": ("divestment", "agent", "patient+of"),
    "dispose": ("divestment", "agent", "of"),
    "spin off": ("divestment", "agent", "patient"),
    "hold": ("stake", "agent", "patient"),
    "own": ("stake", "agent", "patient"),
    "control": ("stake", "agent", "patient"),
    "value": ("valuation", "patient", ""),
    "negotiate": ("negotiation", "agent", "with"),
    "renegotiate": ("negotiation", "agent", "with"),
    "ally": ("partnership", "agent", "with"),
    "team up": ("partnership", "agent", "with"),
    "partner": ("partnership", "agent", "with"),
    "collaborate": ("partnership", "agent", "with"),
    "cooperate": ("partnership", "agent", "with"),
    "join forces": ("partnership", "agent", "with"),
    "lead": ("leadership", "agent", "patient"),
    "head": ("leadership", "agent", "patient"),
    "run": ("leadership", "agent", "patient"),
    "chair": ("leadership", "agent", "patient"),
    "oust": ("leadership", "patient", "agent"),
    "fire": ("leadership", "patient", "agent"),
    "sack": ("leadership", "patient", "agent"),
    "found": ("founder", "agent", "patient"),
    "co-found": ("founder", "agent", "patient"),
    "cofound": ("founder", "agent", "patient"),
    "set up": ("founder", "agent", "patient"),
    "depend": ("supplier", "agent", "on"),
    "rely": ("supplier", "agent", "on"),
    "supply": ("supplier", "to+dative", "agent"),
    "build": ("infrastructure", "agent", "patient"),
    "construct": ("infrastructure", "agent", "patient"),
    "open": ("infrastructure", "agent", "patient"),
    "give": ("stake", "dative", "patient"),
    "talk": ("negotiation", "agent", "with"),
    "hire": ("supplier", "agent", "patient"),
    "engage": ("supplier", "agent", "patient"),
    "operate": ("infrastructure", "agent", "patient"),
}

NOUN_FRAMES: dict[str, str] = {
    "investment": "investment",
    "funding": "investment",
    "financing": "investment",
    "funding round": "investment",
    "round": "investment",
    "investor": "investment",
    "backer": "investment",
    "acquisition": "acquisition",
    "purchase": "acquisition",
    "takeover": "acquisition",
    "buyout": "acquisition",
    "takeover bid": "acquisition",
    "control": "acquisition",
    "bid": "acquisition",
    "offer": "acquisition",
    "tender offer": "acquisition",
    "sale": "divestment",
    "divestiture": "divestment",
    "placement": "divestment",
    "disposal": "divestment",
    "spin-off": "divestment",
    "stake": "stake",
    "holding": "stake",
    "interest": "stake",
    "shareholder": "stake",
    "stakeholder": "stake",
    "subsidiary": "stake",
    "parent": "stake",
    "unit": "stake",
    "affiliate": "stake",
    "valuation": "valuation",
    "partnership": "partnership",
    "alliance": "partnership",
    "joint venture": "partnership",
    "collaboration": "partnership",
    "cooperation": "partnership",
    "merger": "partnership",
    "partner": "partnership",
    "talks": "negotiation",
    "negotiations": "negotiation",
    "negotiation": "negotiation",
    "access": "access_right",
    "licence": "access_right",
    "license": "access_right",
    "share of revenue": "revenue_share",
    "revenue share": "revenue_share",
    "share of the revenue": "revenue_share",
    "share of its revenue": "revenue_share",
    "share of profits": "revenue_share",
    "initial public offering": "ipo",
    "IPO": "ipo",
    "stock market listing": "ipo",
    "listing": "ipo",
    "supplier": "supplier",
    "customer": "supplier",
    "client": "supplier",
    "data center": "infrastructure",
    "data centre": "infrastructure",
    "data centers": "infrastructure",
    "data centres": "infrastructure",
    "plant": "infrastructure",
    "factory": "infrastructure",
    "supercomputer": "infrastructure",
}

#: Verbs that hand the noun to the dative ("gives X access", "grants X a licence").
GIVING_VERBS: frozenset[str] = frozenset(
    {"give", "grant", "offer", "award", "pay", "allow", "guarantee", "provide"}
)  # fmt: skip
#: Verbs whose subject holds the stake named by their object ("X holds a 20 pct stake").
HOLDING_VERBS: frozenset[str] = frozenset(
    {
        "have",
        "hold",
        "own",
        "keep",
        "retain",
        "take",
        "build",
        "raise",
        "increase",
        "boost",
        "lift",
        "control",
        "reduce",
        "cut",
        "lower",
        "bring",
        "acquire",
        "sell",
    }
)
#: Verbs whose object or dative ends up holding the stake they name ("leave X with a stake").
ENDOWING_VERBS: frozenset[str] = frozenset({"leave", "give", "hand", "grant"})
#: Prepositions of the buyer after a selling verb ("sells Y to Z", "cède Y à Z").
RECIPIENT_PREPOSITIONS: tuple[str, ...] = ("to",)
#: Nouns naming those who invest ("existing investors A and B") and funding rounds
#: with the verbs by which investors take part in them ("led the round alongside X").
INVESTOR_NOUNS: frozenset[str] = frozenset({"investor", "investors", "backer", "backers"})
ROUND_NOUNS: frozenset[str] = frozenset({"round"})
ROUND_VERBS: frozenset[str] = frozenset({"lead", "join", "participate", "co-lead", "colead"})
ALONGSIDE: tuple[str, ...] = ("alongside", "with", "including")
#: Verbs by which a company raises money from investors ("raised $N from investors including X").
RAISING_VERBS: frozenset[str] = frozenset({"raise", "secure", "obtain", "close"})
#: Prepositions of the seller after a buying verb ("buys Y from Z").
SELLER_PREPOSITIONS: tuple[str, ...] = ("from",)
#: Prepositions of the target after a bid noun ("a bid for Y", "une offre sur Y").
BID_PREPOSITIONS: tuple[str, ...] = ("for",)
#: Investment verbs that invest only with an amount as object ("committed $13bn to Y").
AMOUNT_VERBS: frozenset[str] = frozenset({"commit", "inject", "pour", "spend"})
#: Verbs by which a company issues its own shares to a buyer ("will issue 4.18 billion new
#: shares to X": X buys into it); only with shares as object.
SHARE_ISSUE_VERBS: frozenset[str] = frozenset({"issue"})
#: Deal nouns that name a seller only with "by X" ("a placement of 11 pct of Y by X").
AGENT_ONLY_NOUNS: frozenset[str] = frozenset({"placement"})
#: Verbs whose subject, raising or taking a stake, buys shares ("X raised its stake in Y").
STAKE_RAISING_VERBS: frozenset[str] = frozenset(
    {
        "raise",
        "increase",
        "boost",
        "lift",
        "take",
        "build",
        "acquire",
        "buy",
        "purchase",
        "gain",
        "seize",
        "win",
        "assume",
    }
)
#: Verbs whose subject wants a stake it does not hold yet ("seek a majority stake in Y").
STAKE_SEEKING_VERBS: frozenset[str] = frozenset({"seek", "want", "pursue", "target", "eye"})
#: Nouns of control: taking it buys a company, having it holds one.
CONTROL_NOUNS: frozenset[str] = frozenset({"control"})
#: Plural nouns of holdings, whose companies are listed after them: "X's stakes in A, B
#: and C", "the holdings of X in A and B".
HOLDING_NOUNS: frozenset[str] = frozenset({"stake", "holding", "interest", "share"})
HOLDER_PREPOSITIONS: tuple[str, ...] = ("of",)
HELD_PREPOSITIONS: tuple[str, ...] = ("in",)
#: Nouns of a company's customers, and verbs by which companies use what another supplies:
#: "its customers include A and B", "software used by companies such as A and B".
CUSTOMER_NOUNS: frozenset[str] = frozenset({"customer", "client"})
USING_VERBS: frozenset[str] = frozenset({"use", "employ"})
#: Words that open a list of examples after a plural noun ("companies such as A and B").
EXAMPLE_CUES: tuple[str, ...] = ("such as", "including", "like")
#: Nouns of those who compete to buy a company, whose list names each would-be buyer:
#: "other bidders to take over Y include A, B and C"; "bidder" and "suitor" also take the
#: company itself ("the bidders for Y were A and B"), "candidate" only a deal word.
CANDIDATE_NOUNS: frozenset[str] = frozenset(
    {"candidate", "candidacy", "bidder", "suitor", "contender"}
)
BIDDER_NOUNS: frozenset[str] = frozenset({"bidder", "suitor"})
CANDIDACY_PREPOSITIONS: tuple[str, ...] = ("for", "to")
#: Words that put a noun among others ("A is among the bidders") and verbs that list.
AMONG_WORDS: frozenset[str] = frozenset({"among"})
LISTING_VERBS: frozenset[str] = frozenset({"include", "be", "comprise", "feature"})
#: Nouns of the company that holds another ("X, the parent of Y").
PARENT_NOUNS: frozenset[str] = frozenset({"parent"})
#: Nouns of a company held by another ("Y, a subsidiary of X", "X subsidiary Y").
SUBSIDIARY_NOUNS: frozenset[str] = frozenset({"subsidiary", "unit", "affiliate"})
#: Verbs that move a stake to a new level ("bring its stake to 25 pct from 3.5 pct").
STAKE_CHANGE_VERBS: frozenset[str] = frozenset(
    {"bring", "raise", "increase", "boost", "lift", "reduce", "cut", "lower"}
)
FROM_WORDS: tuple[str, ...] = ("from",)
#: Nouns of a part of a company, whose complement names the company ("75 pct of Y").
SHARE_NOUNS: frozenset[str] = frozenset(
    {
        "pct",
        "percent",
        "%",
        "stake",
        "interest",
        "share",
        "shares",
        "holding",
        "holdings",
        "majority",
        "minority",
        "control",
        "capital",
        "stock",
        "equity",
        "part",
        "portion",
        "half",
        "third",
        "quarter",
        "rest",
        "remainder",
        "all",
        "bulk",
    }
)
#: Share nouns that, under a possessive, are the subject's own capital ("son capital",
#: "its shares"): selling them to Z lets Z buy into the subject.
OWN_SHARE_NOUNS: frozenset[str] = frozenset({"share", "shares", "stock", "capital", "equity"})
SHARE_PREPOSITIONS: tuple[str, ...] = ("of", "in", "into")
#: Prepositions that complete an asset's name ("its office building in Sydney").
ASSET_PREPOSITIONS: tuple[str, ...] = ("in", "of", "at")
#: Nouns of what a company owns and can sell or build as a unit ("its enterprise business").
ASSET_NOUNS: frozenset[str] = frozenset(
    {
        "business",
        "unit",
        "division",
        "operation",
        "plant",
        "factory",
        "mill",
        "building",
        "headquarters",
        "patent",
        "asset",
        "portfolio",
        "brand",
        "arm",
        "network",
        "store",
        "hotel",
        "park",
        "resort",
        "project",
        "site",
        "mine",
        "refinery",
        "studio",
        "newspaper",
        "channel",
        "stake",
    }
)
#: Words before "subsidiary" that make the parent hold all of it.
WHOLLY_OWNED: tuple[str, ...] = (
    "wholly owned",
    "wholly-owned",
    "fully owned",
    "fully-owned",
    "100 pct-owned",
    "100 pct owned",
)

#: Roles of persons in organisations, as written in appositions and titles
#: ("X, chief executive of Y", "Y chairman X").
LEADERSHIP_ROLES: dict[str, str] = {
    "chief executive officer": "CEO",
    "chief executive": "CEO",
    "CEO": "CEO",
    "chairman": "chairman",
    "chairwoman": "chairwoman",
    "chair": "chair",
    "president": "president",
    "vice-president": "vice-president",
    "vice president": "vice-president",
    "chief financial officer": "CFO",
    "CFO": "CFO",
    "chief operating officer": "COO",
    "chief technology officer": "CTO",
    "CTO": "CTO",
    "COO": "COO",
    "managing director": "managing director",
    "managing partner": "managing partner",
    "general partner": "general partner",
    "director": "director",
    "executive": "executive",
    "head": "head",
    "boss": "boss",
    "founder": "founder",
}
LEADERSHIP_PARTICIPLES: dict[str, str] = {
    "lead": "leader",
    "head": "head",
    "run": "head",
    "chair": "chairman",
}
FOUNDER_PARTICIPLES: frozenset[str] = frozenset(
    {"found", "co-found", "cofound", "set up", "create"}
)
FOUNDER_NOUNS: frozenset[str] = frozenset({"founder", "co-founder", "cofounder"})
#: Prepositions between a title and its organisation ("chairman of Y", "PDG de Y").
TITLE_PREPOSITIONS: tuple[str, ...] = ("of", "at", "for")
#: Words before a title that end it ("former CEO"): the fact is negated.
FORMER_WORDS: frozenset[str] = frozenset({"former", "ex", "ex-", "then"})
#: Words after an amount that make it a unit price, not a deal's value.
PER_UNIT: tuple[str, ...] = ("each", "a share", "per share", "apiece", "a unit", "per unit")
NAMING_PARTICIPLES: frozenset[str] = frozenset({"call", "name", "dub", "know"})

LEGAL_FORM_VERBS: frozenset[str] = frozenset(
    {"convert", "become", "transform", "restructure", "turn"}
)
LEGAL_FORM_NOUNS: frozenset[str] = frozenset(
    {"corporation", "public benefit corporation", "company", "partnership", "trust",
     "cooperative", "foundation", "non-profit", "nonprofit", "for-profit"}
)  # fmt: skip
LEGAL_FORM_USERS: frozenset[str] = frozenset({"use", "adopt", "choose"})

#: Verbs whose coordinated subject are the parties of the partnership they govern, with no
#: "with" ("A and B signed a cooperation agreement", "A and B formed a joint venture").
PARTNERING_VERBS: frozenset[str] = frozenset(
    {"sign", "conclude", "form", "create", "set", "establish", "launch", "announce", "seal",
     "forge", "strike", "enter"}
)  # fmt: skip

# --- modality ---
#: Modal auxiliaries: what they govern is planned or possible, not done.
PLANNED_CONDITIONALS: frozenset[str] = frozenset()
#: Modal auxiliaries: what they govern is planned or possible, not done ("will buy",
#: "would hold", "could sell").
MODAL_AUXILIARIES: frozenset[str] = frozenset(
    {"would", "could", "might", "may", "should", "will", "shall", "'ll", "wo"}
)
PLANNED_CUES: frozenset[str] = frozenset(
    {"plan", "intend", "propose", "seek", "aim", "intent", "option", "agreement", "application",
     "letter", "tender", "expect", "hope", "want", "consider", "explore", "study", "offer",
     "bid", "agree", "prepare", "try", "attempt", "set",
     "candidacy", "proposal", "intention", "possible", "potential",
     "proposed", "planned", "prospective", "future", "draft", "envisage", "foresee",
     "negotiate", "discuss", "talk", "commit", "pending", "likely", "contemplate"}
)  # fmt: skip
PLANNED_PHRASES: tuple[str, ...] = (
    "in order to",
    "is to be",
    "are to be",
    "was to be",
    "is due to",
    "on the verge of",
)
NEGATED_CUES: frozenset[str] = frozenset(
    {"abandon", "reject", "refuse", "cancel", "terminate", "scrap", "drop", "deny", "fail",
     "suspend", "end", "withdraw", "collapse", "halt", "unable", "dismiss", "block", "oust",
     "fire", "sack"}
)  # fmt: skip
NEGATION_WORDS: frozenset[str] = frozenset({"not", "n't", "never", "no"})
#: Verbs whose negation declines to speak, not denies ("would not comment on ...").
NO_COMMENT_VERBS: frozenset[str] = frozenset({"comment", "confirm", "elaborate", "disclose"})
#: Phrasal verbs that abandon what they govern ("called off their plans to buy").
NEGATED_PHRASALS: frozenset[str] = frozenset(
    {"call off", "give up", "back out", "pull out", "walk away", "break off"}
)
#: Deal nouns that mean something else in the plural ("net sales" are revenue).
SINGULAR_ONLY_NOUNS: frozenset[str] = frozenset({"sale"})
#: English has no conditional inflection: modal auxiliaries carry it (see above).
CONDITIONAL_ENDINGS: tuple[str, ...] = ()
HEDGE_CUES: tuple[str, ...] = (
    "reportedly",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "rumoured",
    "rumored",
    "people familiar",
    "sources familiar",
    "sources close",
    "sources said",
    "familiar with the matter",
    "familiar with the situation",
    "unconfirmed",
    "speculation",
    "allegedly",
    "according to sources",
    "according to people",
)

# --- attribution ---
SOURCE_PREPOSITIONS: tuple[str, ...] = ("according to", "citing", "quoted by", "as reported by")
RELAY_CUES: tuple[str, ...] = ("as reported by", "relayed by", "cited by", "quoted by")
REPORTING_VERBS: frozenset[str] = frozenset(
    {"say", "tell", "report", "announce", "state", "disclose", "confirm", "add", "reveal",
     "write", "note", "explain", "indicate", "declare", "claim"}
)  # fmt: skip
#: Heads of unnamed sources, kept as written ("sources close to X said").
UNNAMED_SOURCES: frozenset[str] = frozenset(
    {"source", "people", "person", "analyst", "banker", "trader", "insider"}
)

# --- coreference ---
#: Roles and coordination also read from word order when the parse misses them ("X, Y ou
#: Z", "investit ... dans Y"): the French parses of press text need it; the English ones
#: are good enough, and linear reading there crosses clauses.
PARSE_REPAIR: bool = False
#: A description noun written twice in a sentence may name two entities ("The company
#: said it would buy 20 pct of the company").
REPEATED_DESCRIPTIONS_COREFER: bool = False
DESCRIPTION_DETERMINERS: frozenset[str] = frozenset({"the", "this", "that"})
#: Words joining a description to a complement before its apposed name ("maker of chips X").
DESCRIPTION_LINKS: frozenset[str] = frozenset({"of"})
DATIVE_PRONOUNS: frozenset[str] = frozenset({"it", "them"})
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"it", "they"})
POSSESSIVES: frozenset[str] = frozenset({"its", "their"})
#: Plural pronouns that stand for coordinated parties ("A and B said they agreed").
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them"})
NAME_LEADING_WORDS: frozenset[str] = frozenset({"the", "of", "by", "to", "a", "an", "in"})
COORDINATORS: frozenset[str] = frozenset(
    {"and", "or", ",", "as well as", "including", "along with"}
)
#: Relative pronouns, read as their antecedent.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"which", "who", "that", "whom", "whose"})
