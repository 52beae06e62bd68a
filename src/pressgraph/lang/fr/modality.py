"""French modality: data only, the :class:`~pressgraph.lang.lexicon.ModalityWords`."""

from pressgraph.lang.lexicon import ModalityWords

# Word lists are laid out by hand, several words a line.
# fmt: off
MODALITY = ModalityWords(
    planned_conditionals=frozenset(
        {"souhaiter", "vouloir", "aimer", "pouvoir", "devoir", "préférer"}
    ),
    planned_cues=frozenset(
        {"souhaiter", "vouloir", "prévoir", "envisager", "projeter", "compter", "viser",
         "préparer", "proposer", "pouvoir", "devoir", "chercher", "tenter", "espérer",
         "s'apprêter", "apprêter", "annoncer", "négocier", "discuter", "étudier", "planifier",
         "projet", "intention", "volonté", "offre", "proposition", "possible", "futur",
         "éventuel", "potentiel", "prochain", "candidature", "souhait", "objectif", "plan",
         "faciliter", "préparation", "perspective", "envie", "idée"}
    ),
    intention_forms=frozenset(
        {"va", "vont", "allait", "allaient", "compte", "comptent", "comptait", "comptaient",
         "veut", "veulent", "voulait", "voulaient", "souhaite", "souhaitent", "souhaitait",
         "prévoit", "prévoient", "prévoyait", "envisage", "envisagent", "envisageait", "entend",
         "entendent", "entendait", "projette", "projettent", "espère", "espèrent", "espérait",
         "cherche", "cherchent", "tente", "tentent", "s'apprête", "apprête", "apprêtent",
         "doit", "doivent", "devait", "devaient", "vise", "visent", "propose", "proposent"}
    ),
    planned_phrases=("en passe de", "afin de", "en vue d", "sur le point de"),
    negated_cues=frozenset(
        {"renoncer", "abandonner", "rejeter", "refuser", "annuler", "rompre", "démentir",
         "échouer", "suspendre", "arrêter", "interrompre", "fin", "abandon", "rupture", "échec",
         "démenti", "retirer"}
    ),
    negation_words=frozenset(
        {"ne", "n'", "pas", "plus", "jamais", "aucun", "aucune", "ni"}
    ),
    no_comment_verbs=frozenset({"commenter", "confirmer", "préciser"}),
    declining_verbs=frozenset({"refuser", "décliner"}),
    negated_phrasals=frozenset(),
    # French marks the future by tense and "aller", the conditional by mood.
    modal_auxiliaries=frozenset(),
    conditional_endings=("rait", "raient"),
    hedge_cues=(
        "selon des sources",
        "de sources proches",
        "selon plusieurs sources",
        "sources proches",
        "selon la rumeur",
        "dit-on",
        "semble-t-il",
    ),
    conditional_inflections=("aient", "ait"),
    irregular_conditional_stems=frozenset(
        {"ser", "aur", "pourr", "devr", "voudr", "fer", "ir", "verr", "faudr", "tiendr",
         "viendr", "saur", "vaudr", "enverr", "courr", "mourr", "recevr", "obtiendr",
         "détiendr"}
    ),
    negation_particles=frozenset({"ne", "n'", "n’"}),
    comparative_negations=frozenset({"plus"}),
    ending_phrases=frozenset({("mettre", "fin")}),
    future_auxiliaries=frozenset({"aller"}),
    progressive_auxiliaries=frozenset(),
    purpose_markers=frozenset({"afin", "pour"}),
    infinitive_links=frozenset(
        {"de", "d'", "d’", "se", "s'", "s’", "le", "la", "l'", "l’", "les", "en", "y", "à"}
    ),
    phrase_elisions={"d'": "de ", "d’": "de "},
)
# fmt: on
