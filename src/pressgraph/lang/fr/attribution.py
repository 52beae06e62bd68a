"""French attribution: data only, the :class:`~pressgraph.lang.lexicon.AttributionWords`."""

from pressgraph.lang.lexicon import AttributionWords

# Word lists are laid out by hand, several words a line.
# fmt: off
ATTRIBUTION = AttributionWords(
    source_prepositions=("selon", "d'après", "d’après", "citant", "cité par"),
    relay_cues=(
        "relayé par",
        "relayée par",
        "repris par",
        "reprise par",
        "cité par",
        "rapporté par",
    ),
    reporting_verbs=frozenset(
        {"rapporter", "indiquer", "préciser", "affirmer", "annoncer", "déclarer", "révéler",
         "écrire", "expliquer", "confirmer", "ajouter", "souligner",
         "dire", "relater", "publier", "communiquer", "faire savoir"}
    ),
    unnamed_sources=frozenset(
        {"source", "proche", "analyste", "observateur", "personne"}
    ),
    source_phrase_ends=("qui", "que", "dont"),
    source_leading_words=(
        "le", "la", "les", "l'", "l’", "des", "de", "d'", "d’", "du", "un", "une",
    ),
    personal_pronouns=frozenset({"il", "elle", "ils", "elles", "on"}),
)
# fmt: on
