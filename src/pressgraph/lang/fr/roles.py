"""French roles: data only, the :class:`~pressgraph.lang.lexicon.RoleWords`."""

from pressgraph.lang.lexicon import RoleWords

# Word lists are laid out by hand, several words a line.
# fmt: off
ROLES = RoleWords(
    leadership_roles={
        "PDG": "PDG",
        "président-directeur général": "PDG",
        "président directeur général": "PDG",
        "directeur général": "directeur général",
        "directrice générale": "directrice générale",
        "président": "président",
        "présidente": "présidente",
        "patron": "patron",
        "patronne": "patronne",
        "dirigeant": "dirigeant",
        "dirigeante": "dirigeante",
        "directeur": "directeur",
        "directrice": "directrice",
        "vice-président": "vice-président",
        "directeur financier": "directeur financier",
        "directeur exécutif": "directeur exécutif",
        "directrice exécutive": "directrice exécutive",
        "directeur général délégué": "directeur général délégué",
        "chef de la direction": "chef de la direction",
        "président du conseil d'administration": "président du conseil d'administration",
        "président du conseil de surveillance": "président du conseil de surveillance",
        "président du directoire": "président du directoire",
        "présidente du conseil d'administration": "présidente du conseil d'administration",
        "administrateur délégué": "administrateur délégué",
        "CEO": "CEO",
        "administrateur": "administrateur",
        "gérant": "gérant",
    },
    company_roles=frozenset(
        {"pdg", "président-directeur général", "président directeur général", "directeur général",
         "directrice générale", "directeur financier", "directeur général délégué", "ceo",
         "chef de la direction", "président du conseil d'administration",
         "présidente du conseil d'administration", "président du conseil de surveillance",
         "président du directoire", "administrateur délégué", "fondateur", "fondatrice",
         "cofondateur", "cofondatrice", "co-fondateur", "co-fondatrice"}
    ),
    leadership_participles={
        "diriger": "dirigeant",
        "présider": "président",
        "piloter": "dirigeant",
    },
    founder_participles=frozenset({"fonder", "cofonder", "créer"}),
    founder_nouns=frozenset(
        {"fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur", "co-fondatrice"}
    ),
    title_prepositions=("de", "d'", "d’", "du", "chez", "des"),
    former_words=frozenset({"ancien", "ancienne", "ex", "ex-"}),
    title_modifiers=frozenset({"actuel", "actuelle"}),
    title_org_links=frozenset({"le", "la", "l'", "l’", "sa", "son"}),
    title_conjunctions=("et",),
    title_person_links=frozenset({"le", "la", "l'", "l’", "un", "une"}),
    copula_forms=frozenset({"est", "était"}),
    role_org_links=frozenset({"de", "d'", "d’", "du", "des"}),
    owner_links=("de", "d'", "d’"),
)
# fmt: on
