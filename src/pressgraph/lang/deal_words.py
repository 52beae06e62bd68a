"""The parts of the lexicon about deals: frames (trigger verbs and nouns and the words that
fill their roles), lists and roles (see :mod:`pressgraph.lang.lexicon`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True, eq=False)
class FrameWords:
    """Deals: the verbs and nouns that trigger facts, and the words that fill their roles."""

    #: A verb lemma to (fact type, subject role, object role). Roles: "agent" (the subject,
    #: the controller of an infinitive, "par X" in the passive), "patient" (the direct
    #: object, the subject in the passive), "dative", "share" (the company a share object
    #: belongs to) or a preposition; "a+b" means either, the first found. Reflexive verbs
    #: are keyed "s'" + lemma, phrasal verbs "lemma particle" ("take over").
    verb_frames: Mapping[str, tuple[str, str, str]]
    #: A noun (lemma, or several words) to its fact type; roles come from its complements.
    noun_frames: Mapping[str, str]
    #: Deal nouns that mean something else in the plural ("net sales" are revenue).
    singular_only_nouns: frozenset[str]
    #: Nouns that make a following "de <trigger>" a kind, not an event ("un fonds
    #: d'investissement").
    kind_heads: frozenset[str]
    #: Deal verbs with common senses outside deals ("reprendre" a town): they make a fact
    #: only between organisations.
    ambiguous_deal_verbs: frozenset[str]
    #: Verbs of belonging: a company belongs to its holder, a person to a party (no fact).
    membership_verbs: frozenset[str]
    #: Verbs that make a deal (of the type given) only with a share as object ("prendre 21 %
    #: du capital de Y", "prendre le contrôle de Y").
    share_verbs: Mapping[str, str]
    #: Nouns of a company's parts in a deal noun's complement ("le rachat des actifs de Y"
    #: is a deal on Y).
    company_part_nouns: frozenset[str]
    #: Nouns through which a verb does the deal they name ("conclure un accord de rachat de
    #: Y": the signer buys).
    deal_carrier_nouns: frozenset[str]
    #: Verbs that hand the deal noun they govern to their dative ("grants X a licence").
    giving_verbs: frozenset[str]
    #: Verbs whose subject holds the stake named by their object ("X holds a 20 pct stake").
    holding_verbs: frozenset[str]
    #: Verbs whose object or dative ends up holding the stake they name ("leave X with a stake").
    endowing_verbs: frozenset[str]
    #: Prepositions of the buyer after a selling verb ("sells Y to Z", "cède Y à Z").
    recipient_prepositions: tuple[str, ...]
    #: Prepositions of the seller after a buying verb ("buys Y from Z").
    seller_prepositions: tuple[str, ...]
    #: Prepositions of the target after a bid noun ("a bid for Y", "une offre sur Y").
    bid_prepositions: tuple[str, ...]
    #: Prepositions of the agent of a passive verb or of a deal noun ("par X", "by X").
    agent_prepositions: tuple[str, ...]
    #: Prepositions of the theme of a deal noun ("le rachat de Y", "the sale of Y").
    of_prepositions: tuple[str, ...]
    #: Prepositions of a dative ("à X", "to X"); no preposition counts too.
    dative_prepositions: tuple[str, ...]
    #: Prepositions of the company invested in after an investment noun ("in Y").
    invested_prepositions: tuple[str, ...]
    #: Prepositions of the company held after a stake noun ("une participation dans Y").
    stake_prepositions: tuple[str, ...]
    #: Prepositions of the members of a partnership or talks ("entre X et Y").
    between_prepositions: tuple[str, ...]
    #: Prepositions of the other party after a partnership noun ("un partenariat avec Y").
    partner_prepositions: tuple[str, ...]
    #: Prepositions of a partnership noun that says how a verb is done ("travailler en
    #: partenariat avec Y": the other party hangs on the verb).
    manner_prepositions: tuple[str, ...]
    #: Prepositions that leave the noun phrase of a party: "l'offensive contre Y", "une hausse
    #: sur le site Y" name no party of the noun.
    off_phrase_prepositions: frozenset[str]
    #: Prepositions of a noun's complement that does what the infinitive after the noun says
    #: ("la volonté de X de racheter Y": X buys).
    infinitive_agent_prepositions: tuple[str, ...]
    #: Nouns of suppliers, whose complement is the supplier's customer ("fournisseur de Y").
    supplier_nouns: tuple[str, ...]
    #: Nouns of shareholders ("actionnaire de Y").
    shareholder_nouns: tuple[str, ...]
    #: Nouns of a stake taken in a company, after a share verb ("prendre une participation
    #: dans Y").
    stake_nouns: tuple[str, ...]
    #: Nouns naming those who invest ("existing investors A and B").
    investor_nouns: frozenset[str]
    #: Nouns of funding rounds...
    round_nouns: frozenset[str]
    #: ... the verbs by which investors take part in them ("led the round")...
    round_verbs: frozenset[str]
    #: ... and the words that add co-investors ("alongside X").
    alongside: tuple[str, ...]
    #: Verbs by which a company raises money from investors ("raised $N from investors").
    raising_verbs: frozenset[str]
    #: Investment verbs that invest only with an amount as object ("committed $13bn to Y").
    amount_verbs: frozenset[str]
    #: Verbs by which a company issues its own shares to a buyer (only with shares as object).
    share_issue_verbs: frozenset[str]
    #: Deal nouns that name a seller only with "by X" ("a placement of 11 pct of Y by X").
    agent_only_nouns: frozenset[str]
    #: Verbs whose subject, raising or taking a stake, buys shares ("X raised its stake in Y").
    stake_raising_verbs: frozenset[str]
    #: Verbs whose subject wants a stake it does not hold yet ("seek a majority stake in Y").
    stake_seeking_verbs: frozenset[str]
    #: Verbs that move a stake to a new level ("bring its stake to 25 pct from 3.5 pct"): the
    #: stake they reach is what the verb says (planned...), not presupposed by "its"; the
    #: levels themselves are read by :mod:`pressgraph.extract.changes`.
    stake_change_verbs: frozenset[str]
    #: Nouns of control: taking it buys a company, having it holds one.
    control_nouns: frozenset[str]
    #: Words of the sentence that make control taken whole, 100 % ("full control").
    full_control_cues: tuple[str, ...]
    #: Nouns of a part of a company, whose complement names the company ("75 pct of Y").
    share_nouns: frozenset[str]
    #: Share nouns that, under a possessive, are the subject's own capital ("its shares").
    own_share_nouns: frozenset[str]
    #: Prepositions of the company after a share noun ("20 pct of Y", "a stake in Y").
    share_prepositions: tuple[str, ...]
    #: Prepositions that complete an asset's name ("its office building in X").
    asset_prepositions: tuple[str, ...]
    #: Nouns of what a company owns and can sell or build as a unit ("its enterprise business").
    asset_nouns: frozenset[str]
    #: Words before "subsidiary" that make the parent hold all of it ("wholly owned").
    wholly_owned: tuple[str, ...]
    #: Participles of owning between a parent and "subsidiary" ("X's wholly owned subsidiary").
    owned_words: tuple[str, ...]
    #: Words before the role a company takes ("will operate as a subsidiary of X").
    as_words: tuple[str, ...]
    #: Words between a share noun and its holder or a category noun and its kind ("les
    #: actions de Z dans A, B", "les chaînes de télévision C, D").
    genitive_links: tuple[str, ...]
    #: Nouns of the company that holds another ("X, the parent of Y").
    parent_nouns: frozenset[str]
    #: Nouns of a company held by another ("Y, a subsidiary of X").
    subsidiary_nouns: frozenset[str]
    #: Participles that list the members of a grouping ("un consortium formé de A, B et C").
    member_participles: frozenset[str]
    #: Nouns of groupings: a name apposed to them names the grouping, not a partner.
    grouping_nouns: frozenset[str]
    #: Verbs that found a grouping ("ce consortium a été constitué en 2004" dates the
    #: partnership of its members).
    grouping_founding_verbs: frozenset[str]
    #: Verbs whose coordinated subjects are the parties of the partnership they govern
    #: ("A and B signed a cooperation agreement").
    partnering_verbs: frozenset[str]
    #: Participles that give a facility its name ("baptisée X", "called X").
    naming_participles: frozenset[str]
    #: Verbs of founding that found only a company, not a product or an event ("créer").
    company_founding_verbs: tuple[str, ...]
    #: Verbs by which an organisation takes a legal form ("se convertir en société à mission").
    legal_form_verbs: frozenset[str]
    #: Nouns of legal forms.
    legal_form_nouns: frozenset[str]
    #: Prepositions before the legal form taken ("se convertir en SAS", "convert into a PBC").
    legal_form_prepositions: tuple[str, ...]
    #: Verbs whose object is the legal form itself, with no preposition ("devenir une SAS").
    legal_form_copulas: tuple[str, ...]
    #: Words that end the name of a legal form ("en société à mission, qui...").
    legal_form_value_ends: tuple[str, ...]
    #: Participles that extend a legal form to other organisations ("déjà utilisée par X").
    legal_form_users: frozenset[str]


@dataclass(frozen=True, kw_only=True, eq=False)
class ListWords:
    """Lists: the nouns and verbs under which journalists line up the parties of a deal."""

    #: Nouns of holdings, whose companies are listed after them ("X's stakes in A and B")...
    holding_nouns: frozenset[str]
    #: ... the prepositions of their holder ("the holdings of X")...
    holder_prepositions: tuple[str, ...]
    #: ... and of the companies held ("in A, B and C").
    held_prepositions: tuple[str, ...]
    #: Nouns of a company's customers ("its customers include A and B")...
    customer_nouns: frozenset[str]
    #: ... and verbs by which companies use what another supplies ("used by A and B").
    using_verbs: frozenset[str]
    #: Words that open a list of examples after a plural noun ("companies such as A and B").
    example_cues: tuple[str, ...]
    #: Nouns of those who compete to buy a company ("the bidders to take over Y include A").
    candidate_nouns: frozenset[str]
    #: Candidate nouns that also take the company itself ("the bidders for Y were A and B").
    bidder_nouns: frozenset[str]
    #: Prepositions of the deal or company a candidate wants ("candidats au rachat de Y").
    candidacy_prepositions: tuple[str, ...]
    #: Words that put a noun among others ("A is among the bidders")...
    among_words: frozenset[str]
    #: ... and verbs that list ("include", "figurer").
    listing_verbs: frozenset[str]


@dataclass(frozen=True, kw_only=True, eq=False)
class RoleWords:
    """Roles of people in organisations, written as titles ("X, chief executive of Y")."""

    #: Titles of people in organisations, as written, to the role recorded ("PDG" -> "PDG").
    leadership_roles: Mapping[str, str]
    #: Roles (lower case) that only companies have: their organisation is one even when the
    #: model tags it as a place ("président" may head a country; "directeur général" not).
    company_roles: frozenset[str]
    #: Passive participles that describe an organisation by its people ("dirigée par X"),
    #: to the role they give.
    leadership_participles: Mapping[str, str]
    #: Participles of founding ("fondée par X", "set up by X").
    founder_participles: frozenset[str]
    #: Nouns of founders ("fondateur", "co-founder").
    founder_nouns: frozenset[str]
    #: Prepositions between a title and its organisation ("chairman of Y", "PDG de Y").
    title_prepositions: tuple[str, ...]
    #: Words before a title that end it ("former CEO"): the fact is negated.
    former_words: frozenset[str]
    #: Modifiers that may precede a title ("senior vice-president", "actuel PDG").
    title_modifiers: frozenset[str]
    #: Determiners and possessive markers between an organisation and its title ("X's CEO").
    title_org_links: frozenset[str]
    #: Conjunctions that join two titles into one ("president and chief executive").
    title_conjunctions: tuple[str, ...]
    #: Determiners between a person and the title apposed to them ("X, the chairman of Y").
    title_person_links: frozenset[str]
    #: Forms of "to be" between a title and the person who holds it ("PDG de Y est X").
    copula_forms: frozenset[str]
    #: Words between a role noun and its organisation, read linearly where the parse splits
    #: the title ("président-directeur général de Y").
    role_org_links: frozenset[str]
    #: Words between a description and the person at its head ("le groupe de X": X leads it).
    owner_links: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, eq=False)
class CandidateWords:
    """Words that propose fact candidates for the trained scorer to decide (see
    :mod:`pressgraph.extract.candidates`): broad on purpose, since a candidate costs little
    and a fact with no candidate is never found."""

    #: A fact type to the words (lemmas, lower case) that may announce it: verbs and nouns
    #: of deals, holdings, roles, contracts and projects. A word may serve several types.
    trigger_words: Mapping[str, frozenset[str]]
    #: A preposition (as the parse writes it, lower case; several words joined by a space)
    #: to the class of relation it marks between a deal word and a party: "IN" (the company
    #: invested in or held), "OF" (the theme), "BY" (the agent), "WITH" (the partner), "TO"
    #: (the recipient), "FROM" (the seller or lender), "FOR" (what a bid is for), "BETWEEN",
    #: "ON", "AT" (where a person works).
    preposition_classes: Mapping[str, str]
    #: Phrases (lower case) in which a candidate word names no deal ("propriété
    #: intellectuelle": property as in intellectual property, not ownership).
    fixed_phrases: frozenset[str]
