"""French frames: data only, the :class:`~pressgraph.lang.lexicon.FrameWords`."""

from pressgraph.lang.lexicon import FrameWords

# Word lists are laid out by hand, several words a line.
# fmt: off
FRAMES = FrameWords(
    verb_frames={
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
    },
    noun_frames={
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
    },
    singular_only_nouns=frozenset(
        {"vente", "cession", "reprise"}
    ),  # "à six reprises": times
    kind_heads=frozenset(
        {"fonds", "banque", "société", "firme", "cabinet", "véhicule", "branche", "division",
         "compagnie", "organisme", "établissement", "spécialiste", "club"}
    ),
    ambiguous_deal_verbs=frozenset({"reprendre", "avaler", "absorber"}),
    membership_verbs=frozenset({"appartenir"}),
    share_verbs={"prendre": "acquisition", "ramasser": "acquisition"},
    company_part_nouns=frozenset(
        {"actif", "actifs", "activité", "activités", "branche", "division", "action", "actions",
         "titre", "titres", "part", "parts", "capital", "filiale", "filiales", "pôle", "unité"}
    ),
    deal_carrier_nouns=frozenset(
        {"contrat", "accord", "protocole", "promesse", "transaction", "opération"}
    ),
    giving_verbs=frozenset(
        {"accorder", "garantir", "donner", "octroyer", "offrir", "concéder", "verser", "reverser",
         "permettre", "assurer", "consentir", "attribuer"}
    ),
    holding_verbs=frozenset(
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
    ),
    endowing_verbs=frozenset({"laisser", "donner", "conférer", "offrir", "accorder"}),
    recipient_prepositions=("à", "au", "aux"),
    seller_prepositions=("auprès de",),
    bid_prepositions=("sur", "pour"),
    investor_nouns=frozenset(
        {"investisseur", "investisseurs", "bailleur", "bailleurs"}
    ),
    round_nouns=frozenset({"tour", "levée"}),
    round_verbs=frozenset({"mener", "participer", "rejoindre", "conduire", "piloter"}),
    alongside=("aux côtés de", "avec", "dont", "parmi lesquels", "notamment"),
    raising_verbs=frozenset({"lever", "obtenir", "récolter", "boucler"}),
    amount_verbs=frozenset({"injecter", "engager"}),
    share_issue_verbs=frozenset({"émettre"}),
    agent_only_nouns=frozenset({"placement"}),
    stake_raising_verbs=frozenset(
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
    ),
    stake_seeking_verbs=frozenset(
        {"chercher", "vouloir", "viser", "convoiter", "rechercher"}
    ),
    stake_change_verbs=frozenset(
        {"porter", "ramener", "réduire", "augmenter", "relever", "monter", "abaisser", "accroître"}
    ),
    control_nouns=frozenset({"contrôle"}),
    share_nouns=frozenset(
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
    ),
    own_share_nouns=frozenset(
        {"capital", "action", "actions", "titres"}
    ),  # "titre": a title too
    share_prepositions=("de", "dans", "du", "des"),
    asset_prepositions=("de", "en", "à"),
    asset_nouns=frozenset(
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
    ),
    wholly_owned=(
        "détenue à 100",
        "à 100 %",
        "à 100%",
        "100 %",
        "intégralement détenue",
        "en propriété exclusive",
    ),
    parent_nouns=frozenset({"maison mère", "société mère"}),
    subsidiary_nouns=frozenset({"filiale"}),
    member_participles=frozenset(
        {"former", "composer", "constituer", "réunir", "regrouper", "rassembler", "associer",
         "mener"}
    ),
    grouping_nouns=frozenset({"consortium", "coentreprise", "co-entreprise"}),
    grouping_founding_verbs=frozenset(
        {"constituer", "créer", "former", "fonder", "établir", "monter", "lancer"}
    ),
    partnering_verbs=frozenset(
        {"signer", "conclure", "nouer", "former", "constituer", "créer", "sceller", "lancer",
         "établir", "monter", "annoncer", "officialiser", "parapher"}
    ),
    naming_participles=frozenset(
        {"baptiser", "nommer", "appeler", "dénommer", "surnommer"}
    ),
    legal_form_verbs=frozenset(
        {"convertir", "transformer", "structurer", "devenir", "muer", "restructurer"}
    ),
    legal_form_nouns=frozenset(
        {"corporation", "société", "forme juridique", "statut", "SAS", "SA", "SCA", "coopérative",
         "fondation", "entreprise à mission"}
    ),
    legal_form_users=frozenset({"utiliser", "adopter", "choisir", "retenir"}),
    agent_prepositions=("par",),
    of_prepositions=("de",),
    dative_prepositions=("à",),
    invested_prepositions=("dans", "en"),
    stake_prepositions=("dans",),
    between_prepositions=("entre",),
    partner_prepositions=("avec", "comme", "à"),
    off_phrase_prepositions=frozenset(
        {"contre", "sur", "pour", "avec", "après", "avant", "depuis", "pendant", "selon",
         "malgré", "sans", "vers"}
    ),
    infinitive_agent_prepositions=("de",),
    supplier_nouns=("fournisseur",),
    shareholder_nouns=("actionnaire",),
    stake_nouns=("participation", "part", "parts"),
    owned_words=(),
    as_words=("comme", "en"),
    genitive_links=("de", "d'", "d’"),
    company_founding_verbs=("créer",),
    legal_form_prepositions=("en",),
    legal_form_copulas=("devenir",),
    legal_form_value_ends=("qui", "afin", "pour", "tout"),
    manner_prepositions=("en",),
    full_control_cues=(),
)
# fmt: on
