"""English lists: data only, the :class:`~pressgraph.lang.lexicon.ListWords`."""

from pressgraph.lang.lexicon import ListWords

# Word lists are laid out by hand, several words a line.
# fmt: off
LISTS = ListWords(
    holding_nouns=frozenset({"stake", "holding", "interest", "share"}),
    holder_prepositions=("of",),
    held_prepositions=("in",),
    customer_nouns=frozenset({"customer", "client"}),
    using_verbs=frozenset({"use", "employ"}),
    example_cues=("such as", "including", "like"),
    candidate_nouns=frozenset(
        {"candidate", "candidacy", "bidder", "suitor", "contender"}
    ),
    bidder_nouns=frozenset({"bidder", "suitor"}),
    candidacy_prepositions=("for", "to"),
    among_words=frozenset({"among"}),
    listing_verbs=frozenset({"include", "be", "comprise", "feature"}),
)
# fmt: on
