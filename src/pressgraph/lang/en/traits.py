"""English traits: data only, the :class:`~pressgraph.lang.lexicon.ModelTraits`."""

from pressgraph.lang.lexicon import ModelTraits

TRAITS = ModelTraits(
    proper_noun_names=True,
    # A PERSON on a first and last name is reliable: nobody buys a person.
    person_labels_reliable=True,
    listed_acronyms=False,
    # GPE/LOC labels are reliable: a place is never a party to a deal.
    places_as_parties=False,
    # The parses are good enough; linear reading there crosses clauses.
    parse_repair=False,
    # Wires repeat "the company" for two entities ("The company said it would buy 20 pct of
    # the company").
    repeated_descriptions_corefer=False,
)
