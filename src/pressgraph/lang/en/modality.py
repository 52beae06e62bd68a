"""English modality: data only, the :class:`~pressgraph.lang.lexicon.ModalityWords`."""

from pressgraph.lang.lexicon import ModalityWords

# Word lists are laid out by hand, several words a line.
# fmt: off
MODALITY = ModalityWords(
    planned_conditionals=frozenset(),
    planned_cues=frozenset(
        {"plan", "intend", "propose", "seek", "aim", "intent", "option", "agreement", "application",
         "letter", "tender", "expect", "hope", "want", "consider", "explore", "study", "offer",
         "bid", "agree", "prepare", "try", "attempt", "set",
         "candidacy", "proposal", "intention", "possible", "potential",
         "proposed", "planned", "prospective", "future", "draft", "envisage", "foresee",
         "negotiate", "discuss", "talk", "commit", "pending", "likely", "contemplate"}
    ),
    intention_forms=frozenset(),
    planned_phrases=(
        "in order to",
        "is to be",
        "are to be",
        "was to be",
        "is due to",
        "on the verge of",
    ),
    negated_cues=frozenset(
        {"abandon", "reject", "refuse", "cancel", "terminate", "scrap", "drop", "deny", "fail",
         "suspend", "end", "withdraw", "collapse", "halt", "unable", "dismiss", "block", "oust",
         "fire", "sack"}
    ),
    negation_words=frozenset({"not", "n't", "never", "no"}),
    no_comment_verbs=frozenset({"comment", "confirm", "elaborate", "disclose"}),
    declining_verbs=frozenset({"decline", "refuse"}),
    negated_phrasals=frozenset(
        {"call off", "give up", "back out", "pull out", "walk away", "break off"}
    ),
    modal_auxiliaries=frozenset(
        {"would", "could", "might", "may", "should", "will", "shall", "'ll", "wo"}
    ),
    # No conditional inflection: modal auxiliaries carry it.
    conditional_endings=(),
    hedge_cues=(
        "reportedly",
        "is said to",
        "are said to",
        "was said to",
        "were said to",
        "rumoured",
        "rumored",
        "people familiar",
        "sources familiar",
        "sources close",
        "sources said",
        "familiar with the matter",
        "familiar with the situation",
        "unconfirmed",
        "speculation",
        "allegedly",
        "according to sources",
        "according to people",
    ),
    conditional_inflections=(),
    irregular_conditional_stems=frozenset(),
    negation_particles=frozenset(),
    comparative_negations=frozenset(),
    ending_phrases=frozenset(),
    future_auxiliaries=frozenset(),
    progressive_auxiliaries=frozenset({"be"}),
    purpose_markers=frozenset(),
    infinitive_links=frozenset(),
    phrase_elisions={},
)
# fmt: on
