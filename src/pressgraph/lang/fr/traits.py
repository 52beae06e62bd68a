"""French traits: data only, the :class:`~pressgraph.lang.lexicon.ModelTraits`."""

from pressgraph.lang.lexicon import ModelTraits

TRAITS = ModelTraits(
    # The tagger marks too many capitalised common words PROPN to take their runs as names.
    proper_noun_names=False,
    # The model tags many companies named after people PER: a person label is no proof.
    person_labels_reliable=False,
    listed_acronyms=True,
    # The model labels many companies LOC (start-ups, tech sites): a place that invests,
    # buys or partners is retyped as an organisation.
    places_as_parties=True,
    # The parses of French press text need word order to find roles and lists.
    parse_repair=True,
    repeated_descriptions_corefer=True,
)
