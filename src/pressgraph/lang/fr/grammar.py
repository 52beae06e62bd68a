"""French grammar: data only, the :class:`~pressgraph.lang.lexicon.GrammarWords`."""

from pressgraph.lang.lexicon import GrammarWords

# Word lists are laid out by hand, several words a line.
# fmt: off
GRAMMAR = GrammarWords(
    description_determiners=frozenset(
        {"le", "la", "l'", "l’", "ce", "cette", "cet", "du", "au"}
    ),
    description_links=frozenset({"de", "d'", "d’", "des", "du"}),
    fronted_clause_markers=frozenset({"après", "avant", "pour", "afin"}),
    dative_pronouns=frozenset({"lui", "leur"}),
    possessives=frozenset({"sa", "son", "ses", "leur", "leurs"}),
    plural_pronouns=frozenset({"ils", "elles", "eux"}),
    # None: "il" is too often impersonal.
    subject_pronouns=frozenset(),
    name_leading_words=frozenset(
        {"le", "la", "les", "l'", "l’", "de", "d'", "d’", "du", "des", "à", "au", "aux"}
    ),
    honorifics=frozenset({"M.", "MM.", "Mme", "Mmes", "Mlle", "Me", "Dr", "Dr."}),
    coordinators=frozenset(
        {"et", "ou", ",", "ainsi que", "comme", "dont", "notamment"}
    ),
    relative_pronouns=frozenset(
        {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}
    ),
    contractions={"d'": "de", "d’": "de", "du": "de", "des": "de", "au": "à", "aux": "à"},
    reflexive_pronouns=frozenset({"se", "s'", "s’"}),
    preverbal_words=frozenset(
        {"ne", "n'", "n’", "se", "s'", "s’", "lui", "leur", "y", "en"}
    ),
    demonstratives=frozenset({"ce", "cette", "cet"}),
    plural_possessives=frozenset({"leur", "leurs"}),
    possessive_clitics=(),
    list_conjunctions=("et", "ou"),
    name_list_conjunctions=(),
    modifiers_before_noun=False,
    keep_whole=(
        "start-up", "start-ups", "Start-up", "Start-ups", "joint-venture", "joint-ventures",
    ),
    exchange_phrases=("en échange", "en contrepartie"),
    function_words=(
        "le", "la", "les", "des", "est", "une", "dans", "avec", "pour", "qui", "sur", "du",
        "selon",
    ),
)
# fmt: on
