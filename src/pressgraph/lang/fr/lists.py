"""French lists: data only, the :class:`~pressgraph.lang.lexicon.ListWords`."""

from pressgraph.lang.lexicon import ListWords

# Word lists are laid out by hand, several words a line.
# fmt: off
LISTS = ListWords(
    holding_nouns=frozenset({"participation", "action", "part", "titre"}),
    holder_prepositions=("de", "d'", "d’", "du", "des"),
    held_prepositions=("dans",),
    customer_nouns=frozenset({"client"}),
    using_verbs=frozenset({"utiliser", "employer"}),
    example_cues=(
        "tels que",
        "telles que",
        "tel que",
        "telle que",
        "comme",
        "dont",
        "notamment",
        "parmi lesquelles",
        "parmi lesquels",
    ),
    candidate_nouns=frozenset({"candidat", "candidature", "prétendant"}),
    bidder_nouns=frozenset(),
    candidacy_prepositions=("à", "pour"),
    among_words=frozenset({"parmi"}),
    listing_verbs=frozenset({"figurer", "être", "comprendre", "inclure", "compter"}),
)
# fmt: on
