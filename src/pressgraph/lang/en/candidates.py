"""English candidate words: data only, the :class:`~pressgraph.lang.lexicon.CandidateWords`."""

from pressgraph.lang.lexicon import CandidateWords

# Word lists are laid out by hand, several words a line.
# fmt: off
CANDIDATES = CandidateWords(
    trigger_words={
        "acquisition": frozenset({
            "buy", "acquire", "purchase", "takeover", "take-over", "acquisition", "buyout",
            "buy-out", "bid", "tender", "offer", "absorb", "swallow", "snap", "merge", "merger",
            "control", "stake", "interest", "buy-in", "acquirer", "buyer", "purchaser", "bidder",
            "suitor", "raise", "increase", "boost", "lift", "build", "take", "win", "gain",
            "exercise", "convert", "subscribe"
        }),
        "divestment": frozenset({
            "sell", "divest", "dispose", "sale", "divestiture", "disposal", "spin", "spinoff",
            "spin-off", "unload", "shed", "offload", "cede", "transfer", "reduce", "seller",
            "vendor", "part", "relinquish", "exit", "cut", "trim", "sell-off"
        }),
        "stake": frozenset({
            "own", "hold", "stake", "interest", "holding", "stakeholder", "shareholder",
            "shareholding", "owner", "ownership", "subsidiary", "unit", "parent", "affiliate",
            "control", "controlling", "majority", "minority", "share", "equity", "owned",
            "wholly-owned", "division", "arm", "holder", "retain", "keep", "maintain", "possess"
        }),
        "investment": frozenset({
            "invest", "investment", "fund", "funding", "finance", "financing", "backer", "back",
            "investor", "raise", "round", "inject", "injection", "loan", "lend", "lender", "credit",
            "bailout", "rescue", "commit", "contribute", "capital", "subscribe", "pour", "infuse",
            "recapitalize", "recapitalise", "support", "aid", "help", "money"
        }),
        "valuation": frozenset({
            "value", "valuation", "worth", "valued", "capitalization", "capitalisation", "price"
        }),
        "partnership": frozenset({
            "partner", "partnership", "alliance", "ally", "team", "joint", "venture", "collaborate",
            "collaboration", "cooperate", "cooperation", "co-operate", "co-operation", "agreement",
            "pact", "consortium", "merge", "merger", "combine", "combination", "tie-up", "tie",
            "association", "associate", "jointly", "together", "group"
        }),
        "negotiation": frozenset({
            "negotiate", "negotiation", "talk", "talks", "discuss", "discussion", "renegotiate",
            "renegotiation", "bargain", "approach", "dialogue"
        }),
        "leadership": frozenset({
            "chairman", "chairwoman", "chair", "chief", "executive", "ceo", "president", "head",
            "director", "officer", "manager", "managing", "lead", "leader", "run", "boss", "cfo",
            "coo", "chairperson", "vice-president", "vice", "treasurer", "governor", "editor",
            "principal", "partner", "trustee", "member", "board"
        }),
        "founder": frozenset({
            "found", "founder", "co-founder", "cofounder", "create", "creator", "establish", "set",
            "launch", "start"
        }),
        "supplier": frozenset({
            "supply", "supplier", "provide", "provider", "customer", "client", "contract",
            "contractor", "order", "depend", "rely", "use", "advise", "adviser", "advisor",
            "underwriter", "underwrite", "banker", "retain", "hire", "appoint", "serve", "deliver",
            "equip", "award", "manage", "manager", "consultant", "counsel", "vendor", "sign"
        }),
        "infrastructure": frozenset({
            "build", "construct", "operate", "develop", "plant", "factory", "project", "facility",
            "network", "site", "park", "run", "open", "expansion", "construction", "centre",
            "center", "complex", "mine", "refinery", "terminal", "pipeline", "tower", "hotel",
            "casino", "store"
        }),
        "legal_form": frozenset({
            "become", "convert", "conversion", "transform", "status", "corporation"
        }),
        "ipo": frozenset({
            "ipo", "listing", "list", "float", "flotation", "public", "offering", "debut"
        }),
        "access_right": frozenset({
            "access", "license", "licence", "right", "option", "exclusive"
        }),
        "revenue_share": frozenset({
            "royalty", "royalties", "revenue", "share"
        }),
    },
    preposition_classes={
        "in": "IN", "into": "IN", "within": "IN",
        "of": "OF",
        "by": "BY",
        "with": "WITH", "alongside": "WITH",
        "to": "TO",
        "from": "FROM",
        "for": "FOR", "on": "ON",
        "between": "BETWEEN", "among": "BETWEEN",
        "at": "AT",
    },
    fixed_phrases=frozenset({
        "intellectual property",
        "market share",
        "share price",
        "shares outstanding",
    }),
)
# fmt: on
