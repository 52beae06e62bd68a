"""English roles: data only, the :class:`~pressgraph.lang.lexicon.RoleWords`."""

from pressgraph.lang.lexicon import RoleWords

# Word lists are laid out by hand, several words a line.
# fmt: off
ROLES = RoleWords(
    leadership_roles={
        "chief executive officer": "CEO",
        "chief executive": "CEO",
        "CEO": "CEO",
        "chairman": "chairman",
        "chairwoman": "chairwoman",
        "chair": "chair",
        "president": "president",
        "vice-president": "vice-president",
        "vice president": "vice-president",
        "chief financial officer": "CFO",
        "CFO": "CFO",
        "chief operating officer": "COO",
        "chief technology officer": "CTO",
        "CTO": "CTO",
        "COO": "COO",
        "managing director": "managing director",
        "managing partner": "managing partner",
        "general partner": "general partner",
        "director": "director",
        "executive": "executive",
        "head": "head",
        "boss": "boss",
        "founder": "founder",
        "vice chairman": "vice chairman",
        "deputy chairman": "deputy chairman",
        "executive chairman": "executive chairman",
        "executive vice president": "executive vice-president",
        "senior vice president": "senior vice-president",
        "chief investment officer": "CIO",
        "chief strategy officer": "chief strategy officer",
        "general counsel": "general counsel",
        "treasurer": "treasurer",
        "general manager": "general manager",
        "executive director": "executive director",
        "non-executive director": "non-executive director",
        "board member": "board member",
        "trustee": "trustee",
        "governor": "governor",
        "editor-in-chief": "editor-in-chief",
        "editor": "editor",
        "chairperson": "chairperson",
    },
    company_roles=frozenset(),
    leadership_participles={
        "lead": "leader",
        "head": "head",
        "run": "head",
        "chair": "chairman",
    },
    founder_participles=frozenset(
        {"found", "co-found", "cofound", "set up", "create"}
    ),
    founder_nouns=frozenset({"founder", "co-founder", "cofounder"}),
    title_prepositions=("of", "at", "for"),
    former_words=frozenset({"former", "ex", "ex-", "then"}),
    title_modifiers=frozenset(
        {"senior", "executive", "co", "deputy", "acting", "interim", "general"}
    ),
    title_org_links=frozenset({"'s", "’s", "the", "its"}),
    title_conjunctions=("and",),
    title_person_links=frozenset({"the", "a", "an"}),
    copula_forms=frozenset({"is", "was"}),
    role_org_links=frozenset(),
    owner_links=(),
)
# fmt: on
