"""English grammar: data only, the :class:`~pressgraph.lang.lexicon.GrammarWords`."""

from pressgraph.lang.lexicon import GrammarWords

# Word lists are laid out by hand, several words a line.
# fmt: off
GRAMMAR = GrammarWords(
    description_determiners=frozenset({"the", "this", "that"}),
    description_links=frozenset({"of"}),
    fronted_clause_markers=frozenset(),
    dative_pronouns=frozenset({"it", "them"}),
    possessives=frozenset({"its", "their"}),
    plural_pronouns=frozenset({"they", "them"}),
    subject_pronouns=frozenset({"it", "they"}),
    name_leading_words=frozenset({"the", "of", "by", "to", "a", "an", "in", "all"}),
    honorifics=frozenset({"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr"}),
    coordinators=frozenset(
        {"and", "or", ",", "as well as", "including", "along with"}
    ),
    relative_pronouns=frozenset({"which", "who", "that", "whom", "whose"}),
    contractions={},
    reflexive_pronouns=frozenset(),
    preverbal_words=frozenset({"not"}),
    demonstratives=frozenset(),
    plural_possessives=frozenset(),
    possessive_clitics=("'s", "’s"),
    list_conjunctions=("and", "or"),
    name_list_conjunctions=("and",),
    modifiers_before_noun=True,
    keep_whole=(
        "start-up", "start-ups", "Start-up", "Start-ups", "joint-venture", "joint-ventures",
    ),
    exchange_phrases=("in exchange for", "in return for"),
    function_words=(
        "the", "of", "and", "is", "said", "with", "for", "which", "its", "was", "from", "by",
    ),
)
# fmt: on
