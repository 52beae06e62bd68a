"""English attribution: data only, the :class:`~pressgraph.lang.lexicon.AttributionWords`."""

from pressgraph.lang.lexicon import AttributionWords

# Word lists are laid out by hand, several words a line.
# fmt: off
ATTRIBUTION = AttributionWords(
    source_prepositions=("according to", "citing", "quoted by", "as reported by"),
    relay_cues=("as reported by", "relayed by", "cited by", "quoted by"),
    reporting_verbs=frozenset(
        {"say", "tell", "report", "announce", "state", "disclose", "confirm", "add", "reveal",
         "write", "note", "explain", "indicate", "declare", "claim"}
    ),
    unnamed_sources=frozenset(
        {"source", "people", "person", "analyst", "banker", "trader", "insider"}
    ),
    source_phrase_ends=(),
    source_leading_words=(),
    personal_pronouns=frozenset({"he", "she", "they", "it", "we", "i"}),
)
# fmt: on
