"""French frames, cues and descriptions: data only (how journalists write about deals)."""

from __future__ import annotations

# --- fact frames ---
# A verb frame maps a lemma to (fact type, role map). Role maps name where the fact's
# subject and object come from: "agent" (the verb's subject, or the controller of an
# infinitive/gerund, or "par X" in the passive), "patient" (direct object, or the subject in
# the passive), "dative" ("à X", "lui"), or a preposition ("dans", "de", "avec", "auprès de").
# A bare "+" between two roles means either (first found wins).

VERB_FRAMES: dict[str, tuple[str, str, str]] = {
    # lemma: (type, subject role, object role)
    "investir": ("investment", "agent", "dans+en+patient"),
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
}

#: Verb frames that only hold when the person/organisation types fit: "créer" founds only
#: when a person creates an organisation.
PERSON_SUBJECT_TYPES: frozenset[str] = frozenset({"leadership", "founder"})

# A noun frame maps a noun (lemma, or several words) to its fact type. Roles of nominal
# triggers are read from complements: "de X" (theme), "par X" (agent), possessives, "entre
# X et Y", "avec X", "dans Y", and the subject or dative of the verb that governs the noun.
NOUN_FRAMES: dict[str, str] = {
    "investissement": "investment",
    "financement": "investment",
    "levée de fonds": "investment",
    "tour de table": "investment",
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
    "alliance": "partnership",
    "collaboration": "partnership",
    "coopération": "partnership",
    "coentreprise": "partnership",
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

#: Verbs that turn a noun frame into a fact of the governing verb's subject:
#: "X a annoncé l'acquisition de Y" (X buys), "X conserve son projet d'introduction en Bourse".
#: Verbs that hand the noun to the dative instead: "Y accorde à X une part des recettes",
#: "le contrat garantit à X un accès" (X is the beneficiary).
GIVING_VERBS: frozenset[str] = frozenset(
    {"accorder", "garantir", "donner", "octroyer", "offrir", "concéder", "verser", "reverser",
     "permettre", "assurer", "consentir", "attribuer"}
)  # fmt: skip

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
    "administrateur": "administrateur",
    "gérant": "gérant",
}
#: Passive participles that describe an organisation by its people ("la société dirigée par X").
LEADERSHIP_PARTICIPLES: dict[str, str] = {
    "diriger": "dirigeant",
    "présider": "président",
    "piloter": "dirigeant",
}
FOUNDER_PARTICIPLES: frozenset[str] = frozenset({"fonder", "cofonder", "créer"})
FOUNDER_NOUNS: frozenset[str] = frozenset({"fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur"})

#: Nouns that name a facility or platform, and the participles that give its name
#: ("sa propre infrastructure, baptisée Stargate").
FACILITY_NOUNS: frozenset[str] = frozenset(
    {"infrastructure", "centre", "data", "usine", "plateforme", "réseau", "site", "campus",
     "supercalculateur", "projet", "complexe", "parc"}
)  # fmt: skip
NAMING_PARTICIPLES: frozenset[str] = frozenset({"baptiser", "nommer", "appeler", "dénommer", "surnommer"})
BUILDING_VERBS: frozenset[str] = frozenset(
    {"développer", "construire", "bâtir", "exploiter", "lancer", "ériger", "déployer", "édifier"}
)  # fmt: skip

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
#: Multi-word cues: "être en passe de", "afin de", "en vue de".
PLANNED_PHRASES: tuple[str, ...] = ("en passe de", "afin de", "en vue d", "sur le point de", "va ", "vont ")
#: Verbs and nouns that make what they govern denied, abandoned or ended.
NEGATED_CUES: frozenset[str] = frozenset(
    {"renoncer", "abandonner", "rejeter", "refuser", "annuler", "rompre", "démentir",
     "échouer", "suspendre", "arrêter", "interrompre", "fin", "abandon", "rupture", "échec",
     "démenti", "retirer"}
)  # fmt: skip
NEGATION_WORDS: frozenset[str] = frozenset({"ne", "n'", "pas", "plus", "jamais", "aucun", "aucune", "ni"})
#: Conditional endings (with Mood=Cnd, which the model often misses on -rait forms).
CONDITIONAL_ENDINGS: tuple[str, ...] = ("rait", "raient")
#: Adverbs and phrases that hedge a whole sentence.
HEDGE_CUES: tuple[str, ...] = (
    "selon des sources", "de sources proches", "selon plusieurs sources", "sources proches",
    "selon la rumeur", "rumeurs", "aurait", "auraient", "serait", "seraient", "dit-on",
    "semble-t-il", "officieusement",
)

# --- attribution ---
#: Prepositions that introduce a source ("selon le Financial Times", "d'après Mac4Ever").
SOURCE_PREPOSITIONS: tuple[str, ...] = ("selon", "d'après", "d’après", "citant", "cité par")
#: Participles that add a relay after the source ("relayé par Les Echos").
RELAY_CUES: tuple[str, ...] = ("relayé par", "relayée par", "repris par", "reprise par", "cité par", "rapporté par")
#: Reporting verbs: their subject (or inverted subject) is the source of the reported clause.
REPORTING_VERBS: frozenset[str] = frozenset(
    {"rapporter", "indiquer", "préciser", "affirmer", "annoncer", "déclarer", "révéler",
     "écrire", "expliquer", "confirmer", "ajouter", "souligner",
     "dire", "relater", "publier", "communiquer", "faire savoir"}
)  # fmt: skip

# --- coreference ---
#: Words that start a description of an organisation ("la", "cette"...).
DESCRIPTION_DETERMINERS: frozenset[str] = frozenset({"le", "la", "l'", "l’", "ce", "cette", "cet"})
#: Dative pronouns ("lui", "leur") and possessive determiners ("sa", "son", "ses", "leur").
DATIVE_PRONOUNS: frozenset[str] = frozenset({"lui", "leur"})
POSSESSIVES: frozenset[str] = frozenset({"sa", "son", "ses", "leur", "leurs"})
#: Lower-case words dropped from the start of a name ("la Walt Disney Company").
NAME_LEADING_WORDS: frozenset[str] = frozenset({"le", "la", "les", "l'", "l’", "de", "d'", "d’", "du", "des", "à", "au", "aux"})
#: Coordinators of lists of parties ("SoftBank, Oracle ou CoreWeave").
COORDINATORS: frozenset[str] = frozenset({"et", "ou", ",", "ainsi que", "comme", "dont", "notamment"})
