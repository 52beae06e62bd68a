"""French candidate words: data only, the :class:`~pressgraph.lang.lexicon.CandidateWords`."""

from pressgraph.lang.lexicon import CandidateWords

# Word lists are laid out by hand, several words a line.
# fmt: off
CANDIDATES = CandidateWords(
    trigger_words={
        "acquisition": frozenset({
            "racheter", "rachat", "acquérir", "acquisition", "acheter", "achat", "reprendre",
            "reprise", "absorber", "absorption", "opa", "offre", "contrôle", "emparer", "avaler",
            "offrir", "croquer", "souscrire", "enchère", "surenchère", "candidat", "candidature",
            "intégration", "incorporation", "incorporer", "rapprochement", "fusion", "fusionner",
            "acquéreur", "repreneur", "acheteur", "participation", "entrer", "entrée", "monter",
            "porter", "augmenter", "renforcer", "prendre", "obtenir", "conquérir", "endosser",
            "apporter"
        }),
        "divestment": frozenset({
            "céder", "cession", "vendre", "vente", "séparer", "défaire", "désengager",
            "désengagement", "revendre", "transférer", "transfert", "scission", "filialiser",
            "réduire", "alléger", "allègement", "vendeur", "cédant", "sortir", "sortie",
            "privatisation", "privatiser"
        }),
        "stake": frozenset({
            "détenir", "posséder", "contrôler", "participation", "actionnaire", "filiale",
            "propriétaire", "propriété", "maison", "mère", "capital", "part", "appartenir",
            "titulaire", "détention", "majoritaire", "minoritaire", "actionnariat", "détenu",
            "contrôlé", "action", "titre", "holding", "société-fille", "fille", "conserver",
            "garder"
        }),
        "investment": frozenset({
            "investir", "investissement", "financer", "financement", "injecter", "apport",
            "apporter", "lever", "levée", "tour", "investisseur", "bailleur", "prêt", "prêter",
            "crédit", "aide", "subvention", "renflouer", "renflouement", "sauvetage",
            "recapitaliser", "recapitalisation", "augmentation", "souscrire", "soutenir", "soutien",
            "miser", "engager", "débloquer", "accorder", "octroyer", "fonds", "rembourser",
            "bénéficier", "sauver"
        }),
        "valuation": frozenset({
            "valoriser", "valorisation", "valoir", "valeur", "évaluer", "capitalisation", "estimer",
            "peser", "coûter", "prix"
        }),
        "partnership": frozenset({
            "partenariat", "partenaire", "allier", "alliance", "allié", "associer", "association",
            "associé", "collaborer", "collaboration", "coopérer", "coopération", "coentreprise",
            "co-entreprise", "consortium", "accord", "fusion", "fusionner", "joint-venture",
            "regroupement", "rapprochement", "unir", "union", "groupement", "conjointement",
            "travailler", "ensemble"
        }),
        "negotiation": frozenset({
            "négocier", "négociation", "renégocier", "renégociation", "discuter", "discussion",
            "pourparlers", "tractation", "entretien", "dialogue"
        }),
        "leadership": frozenset({
            "président", "présidente", "pdg", "directeur", "directrice", "dirigeant", "dirigeante",
            "patron", "patronne", "administrateur", "administratrice", "conseiller", "délégué",
            "gérant", "chef", "diriger", "présider", "piloter", "chapeauter", "tête", "manager",
            "vice-président", "responsable", "gouverneur", "trésorier", "associé", "rédacteur",
            "ceo", "numéro", "membre", "conseil"
        }),
        "founder": frozenset({
            "fonder", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur",
            "créer", "créateur", "créatrice", "lancer", "établir"
        }),
        "supplier": frozenset({
            "fournir", "fournisseur", "client", "contrat", "commande", "commander", "prestataire",
            "sous-traitant", "conseiller", "conseil", "mandater", "engager", "dépendre", "appuyer",
            "utiliser", "recourir", "attribuer", "octroyer", "remporter", "décrocher", "livrer",
            "livraison", "équiper", "approvisionner", "tutelle", "banque"
        }),
        "infrastructure": frozenset({
            "construire", "construction", "bâtir", "exploiter", "exploitation", "gérer", "gestion",
            "projet", "usine", "centrale", "site", "réseau", "parc", "ériger", "équiper",
            "développer", "aménager", "concession", "autoroute", "installation", "chantier",
            "infrastructure", "tour", "siège", "complexe", "mine", "raffinerie", "terminal"
        }),
        "legal_form": frozenset({
            "devenir", "transformer", "transformation", "convertir", "conversion", "statut"
        }),
        "ipo": frozenset({
            "introduction", "coter", "cotation", "ipo", "bourse", "introduire"
        }),
        "access_right": frozenset({
            "accès", "licence", "droit", "exclusivité"
        }),
        "revenue_share": frozenset({
            "redevance", "recette", "revenu"
        }),
    },
    preposition_classes={
        "dans": "IN", "en": "IN", "au sein de": "IN",
        "de": "OF", "d'": "OF", "d’": "OF", "du": "OF", "des": "OF",
        "par": "BY",
        "avec": "WITH", "aux côtés de": "WITH",
        "à": "TO", "au": "TO", "aux": "TO",
        "auprès de": "FROM", "auprès": "FROM",
        "pour": "FOR", "sur": "ON",
        "entre": "BETWEEN",
        "chez": "AT",
    },
    fixed_phrases=frozenset({
        "propriété intellectuelle",
        "propriété industrielle",
        "part de marché",
        "parts de marché",
        "prix unitaire",
    }),
)
# fmt: on
