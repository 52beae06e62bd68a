"""Where a party stands with respect to a deal word: the slots candidates are scored on.

Two readings, both language-neutral (the prepositions are classed by the lexicon):

* :func:`tree_role`: the party's place in the dependency tree relative to the trigger,
  coarsely ("D_SUBJ": the trigger's subject; "S_OBJ_SUBJ": the subject of the verb whose
  object the trigger is; "FAR"...);
* :func:`frame_slots`: the frame roles the hand rules' role helpers give each party
  (agent, patient, dative, the complement of each class of preposition, the possessor,
  the subject of the governing verb, an apposed name...).

:data:`EXPECTED` says which slots the subject and the object of each fact type usually
fill, for verbs and for nouns: a candidate whose parties sit where its type expects them
is more likely a fact, whatever the word; this is what lets a few hundred labelled facts
teach constructions rather than words.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.frames import Sentence, Trigger
from pressgraph.extract.syntax import OBL, prep_of
from pressgraph.lang import Lexicon

_SUBJ = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"})
_OBJ = frozenset({"obj", "dobj", "attr", "oprd"})
_IOBJ = frozenset({"iobj", "dative"})
_POSS = frozenset({"poss", "nmod:poss"})
_PASSIVE = frozenset({"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"})
_COMPOUND = frozenset({"compound", "flat", "flat:name", "fixed"})
_MODIFIER = frozenset({"amod", "acl", "relcl", "acl:relcl"})
_CLAUSE = frozenset({"xcomp", "ccomp", "advcl"})


def coarse(dep: str) -> str:
    """A dependency label, in classes shared by the French and English trees."""
    if dep in _SUBJ:
        return "SUBJ"
    if dep in _OBJ:
        return "OBJ"
    if dep in _IOBJ:
        return "IOBJ"
    if dep in _POSS:
        return "POSS"
    if dep.startswith("obl") or dep in ("prep", "pobj", "agent", "pcomp"):
        return "OBL"
    if dep.startswith("nmod"):
        return "NMOD"
    if dep == "appos":
        return "APPOS"
    if dep in _COMPOUND:
        return "COMP"
    if dep in _MODIFIER:
        return "MOD"
    if dep == "conj":
        return "CONJ"
    if dep in _CLAUSE:
        return "CLAUSE"
    return "OTHER"


def preposition_class(head: Token, lex: Lexicon) -> str:
    """The class of the preposition that introduces ``head`` ("IN", "OF"...), "NONE" when
    there is none, "P_OTHER" for one the lexicon does not class."""
    classes = lex.preposition_classes
    words = [c.lower_ for c in head.children if c.dep_ == "case" and c.i < head.i]
    if head.dep_ == "pobj":
        words.append(head.head.lower_)
    for c in head.children:
        if c.dep_ == "case" and c.i > head.i:
            return "POSS"  # English "X's"
    for w in words:
        found = classes.get(w)
        if found is not None:
            return found
    return "P_OTHER" if words else "NONE"


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """The tokens from ``a`` up to (not including) the lowest common ancestor, and from below
    it down to ``b``."""
    up_a = [a, *a.ancestors]
    index = {t.i: k for k, t in enumerate([b, *b.ancestors])}
    for k, t in enumerate(up_a):
        if t.i in index:
            down = [b, *b.ancestors][: index[t.i]]
            return up_a[:k], down[::-1]
    return None


def tree_role(trigger: Token, head: Token) -> str:
    """Coarse place of ``head`` in the tree relative to ``trigger`` (see the module doc)."""
    if head.i == trigger.i:
        return "SELF"
    path = _path(trigger, head)
    if path is None:
        return "NOPATH"
    up, down = path
    if not up:
        if len(down) == 1:
            role = coarse(down[0].dep_)
            if role == "SUBJ" and any(c.dep_ in _PASSIVE for c in trigger.children):
                role = "PSUBJ"
            return "D_" + role
        if len(down) == 2 and down[0].dep_ in ("prep", "agent"):
            return "D_OBL"
        return "DD_" + coarse(down[0].dep_) if len(down) <= 3 else "DFAR"
    if not down:
        return "U_" + coarse(trigger.dep_) if len(up) == 1 else "UFAR"
    if len(up) == 1:
        return "S_" + coarse(trigger.dep_) + "_" + coarse(down[0].dep_)
    if len(up) == 2:
        return "S2_" + coarse(up[-1].dep_) + "_" + coarse(down[0].dep_)
    return "FAR"


#: Slots the subject and the object of each type usually fill, for a verb trigger and for a
#: noun trigger (see :func:`frame_slots` for the slot names).
EXPECTED: Mapping[bool, Mapping[str, tuple[frozenset[str], frozenset[str]]]] = {
    True: {
        "acquisition": (frozenset({"AGENT"}), frozenset({"PATIENT", "OF"})),
        "divestment": (frozenset({"AGENT"}), frozenset({"PATIENT", "OF"})),
        "stake": (frozenset({"AGENT", "BY"}), frozenset({"PATIENT", "IN", "OF"})),
        "investment": (
            frozenset({"AGENT", "FROM"}),
            frozenset({"IN", "PATIENT", "TO", "DATIVE", "AGENT"}),
        ),
        "partnership": (frozenset({"AGENT", "WITH"}), frozenset({"WITH", "AGENT", "PATIENT"})),
        "negotiation": (frozenset({"AGENT", "WITH"}), frozenset({"WITH", "AGENT", "PATIENT"})),
        "leadership": (frozenset({"AGENT"}), frozenset({"PATIENT", "OF", "AT"})),
        "founder": (frozenset({"AGENT", "BY"}), frozenset({"PATIENT"})),
        "supplier": (
            frozenset({"AGENT", "TO", "DATIVE", "PATIENT"}),
            frozenset({"PATIENT", "AGENT", "ON", "OF", "FROM"}),
        ),
        "infrastructure": (frozenset({"AGENT"}), frozenset({"PATIENT", "IN"})),
        "valuation": (frozenset({"PATIENT", "AGENT"}), frozenset()),
        "ipo": (frozenset({"AGENT", "OF", "POSS"}), frozenset()),
        "legal_form": (frozenset({"AGENT"}), frozenset()),
        "access_right": (
            frozenset({"AGENT", "DATIVE", "TO"}),
            frozenset({"OF", "TO", "PATIENT", "POSS"}),
        ),
        "revenue_share": (
            frozenset({"AGENT", "DATIVE", "TO"}),
            frozenset({"OF", "POSS", "AGENT"}),
        ),
    },
    False: {
        "acquisition": (
            frozenset({"BY", "POSS", "GOV_AGENT", "APPOSED"}),
            frozenset({"OF", "POSS", "IN"}),
        ),
        "divestment": (frozenset({"BY", "POSS", "GOV_AGENT", "OF"}), frozenset({"OF", "POSS"})),
        "stake": (
            frozenset({"POSS", "GOV_AGENT", "OF", "APPOSED", "COPULA"}),
            frozenset({"IN", "OF", "AT", "APPOSED", "COPULA"}),
        ),
        "investment": (
            frozenset({"POSS", "GOV_AGENT", "OF", "FROM", "BY", "APPOSED"}),
            frozenset({"IN", "OF", "TO", "GOV_DATIVE"}),
        ),
        "partnership": (
            frozenset({"BETWEEN", "POSS", "GOV_AGENT", "WITH", "OF", "APPOSED"}),
            frozenset({"BETWEEN", "WITH", "OF", "GOV_AGENT", "APPOSED"}),
        ),
        "negotiation": (
            frozenset({"BETWEEN", "POSS", "GOV_AGENT", "WITH", "OF"}),
            frozenset({"BETWEEN", "WITH", "OF", "GOV_AGENT"}),
        ),
        "leadership": (
            frozenset({"APPOSED", "COPULA", "GOV_AGENT", "POSS"}),
            frozenset({"OF", "AT", "POSS", "IN"}),
        ),
        "founder": (
            frozenset({"APPOSED", "COPULA", "GOV_AGENT", "POSS"}),
            frozenset({"OF", "POSS"}),
        ),
        "supplier": (
            frozenset({"POSS", "GOV_AGENT", "OF", "TO"}),
            frozenset({"OF", "POSS", "APPOSED", "GOV_AGENT", "WITH"}),
        ),
        "infrastructure": (
            frozenset({"POSS", "GOV_AGENT", "OF"}),
            frozenset({"APPOSED", "OF", "IN"}),
        ),
        "valuation": (frozenset({"POSS", "OF", "GOV_AGENT", "APPOSED"}), frozenset()),
        "ipo": (frozenset({"POSS", "OF", "GOV_AGENT"}), frozenset()),
        "legal_form": (frozenset({"POSS", "OF", "GOV_AGENT"}), frozenset()),
        "access_right": (frozenset({"POSS", "GOV_AGENT", "OF"}), frozenset({"OF", "TO", "POSS"})),
        "revenue_share": (frozenset({"POSS", "GOV_AGENT", "TO"}), frozenset({"OF", "POSS"})),
    },
}


def complements_by_class(S: Sentence, tok: Token) -> dict[str, Ref]:
    """The first reference each class of preposition introduces among ``tok``'s complements
    (as :meth:`~pressgraph.extract.complements.Complements.with_prep` reads one class, in one
    pass for all: the tree first, then "PREP <name>" right after the word)."""
    lex = S.lex
    classes = lex.preposition_classes
    found: dict[str, Ref] = {}
    for c in tok.children:
        if c.dep_ in OBL or c.dep_.startswith(("obl", "nmod")):
            cls = classes.get(prep_of(c, lex))
            if cls is not None and cls not in found:
                objs = [g for g in c.children if g.dep_ == "pobj"] if c.pos_ == "ADP" else []
                head_ref = S.ref_at.get(objs[0].i) if objs else None
                if head_ref is not None and head_ref.kind == "possessive":
                    head_ref = None
                ref = head_ref or (S.first_ref(c) if objs else S.phrase_ref(c))
                if ref is not None:
                    found[cls] = ref
        # "auprès de Z" parsed as an adverb with its own complement.
        for g in c.children:
            cls = classes.get(f"{c.lower_} {prep_of(g, lex)}")
            if cls is not None and cls not in found:
                ref = S.first_ref(g)
                if ref is not None:
                    found[cls] = ref
    doc, end = S.doc, S.sent.end
    contractions = lex.contractions
    for i in range(tok.i + 1, min(tok.i + 8, end)):
        t = doc[i]
        if t.is_punct and t.text not in ("'", "’", "%"):
            break
        low = contractions.get(t.lower_, t.lower_)
        nxt = doc[i + 1].lower_ if i + 1 < end else ""
        two = f"{low} {contractions.get(nxt, nxt)}" if nxt else ""
        cls = classes.get(two) or classes.get(low)
        if cls is None or cls in found or i + 1 >= end:
            continue
        j = i + 2 if two in classes else i + 1
        while j < end and doc[j].pos_ == "DET":
            j += 1
        ref = S.ref_at.get(j)
        if ref is None or ref.kind == "possessive":
            ref = S.described_name(j)  # "in the battery maker X"
        if ref is not None:
            found[cls] = ref
    return found


#: Nouns whose apposed or described entity is the one held ("Y, filiale de X", "X's unit
#: Y"): the holder is their complement or possessor.
_HELD_SLOTS = (
    frozenset({"OF", "POSS", "AT", "COMPOUND", "GOV_AGENT"}),
    frozenset({"APPOSED", "COPULA", "HEAD"}),
)
#: Nouns whose apposed or described entity is the holder ("X, actionnaire de Y").
_HOLDER_SLOTS = (
    frozenset({"APPOSED", "COPULA", "HEAD", "GOV_AGENT"}),
    frozenset({"OF", "IN", "AT", "POSS", "COMPOUND"}),
)
#: Nouns of roles: the person is apposed or described, the organisation their complement,
#: possessor or modifier ("X, PDG de Y", "Y's chairman X", "Y chairman X").
_ROLE_SLOTS = (
    frozenset({"APPOSED", "COPULA", "HEAD", "GOV_AGENT"}),
    frozenset({"OF", "AT", "POSS", "IN", "COMPOUND"}),
)


def expected_slots(
    ftype: str, trigger: Trigger, lex: Lexicon
) -> tuple[frozenset[str], frozenset[str]]:
    """The slots the subject and the object of a ``ftype`` fact announced by ``trigger``
    usually fill: by the type (:data:`EXPECTED`), refined by the class of a noun trigger
    (what a subsidiary noun describes is held; what a shareholder noun describes holds)."""
    if not trigger.verbal:
        lemma = trigger.token.lemma_.lower()
        if ftype == "stake":
            if lemma in lex.subsidiary_nouns:
                return _HELD_SLOTS
            if lemma in lex.shareholder_nouns or lemma in lex.parent_nouns:
                return _HOLDER_SLOTS
        if ftype in ("leadership", "founder"):
            return _ROLE_SLOTS
    return EXPECTED[trigger.verbal].get(ftype, (frozenset(), frozenset()))


def frame_slots(S: Sentence, trigger: Trigger) -> dict[int, frozenset[str]]:
    """The slots each party (by ``id`` of its cluster) fills in ``trigger``'s frame, read
    with the hand rules' role helpers. Phrases those helpers name as new assets are not
    kept: only the sentence's references count."""
    tok = trigger.token
    found: dict[int, set[str]] = {}

    def put(ref: Ref | None, slot: str) -> None:
        if ref is None or ref.cluster is None:
            return
        members = S.expand(ref) if ref.kind != "possessive" else [ref]
        for r in members:
            if r.cluster is not None:
                found.setdefault(id(r.cluster), set()).add(slot)

    assets = len(S.assets)
    if trigger.verbal:
        put(S.agent(tok), "AGENT")
        put(S.patient(tok), "PATIENT")
        put(S.dative(tok), "DATIVE")
    else:
        put(S.possessor(tok), "POSS")
        verb = S.governing_verb(tok)
        if verb is not None:
            put(S.agent(verb), "GOV_AGENT")
            if tok.head.i == verb.i:
                put(S.dative(verb), "GOV_DATIVE")
        if tok.dep_ == "appos" and tok.head.i in S.ref_at:
            put(S.ref_at[tok.head.i], "APPOSED")
        # "Rainbow directors X", "APT vice-president X": a name compounded with the noun,
        # before it (its modifier) or as the head it modifies.
        for c in tok.children:
            if c.dep_ in _COMPOUND and c.i < tok.i and c.i in S.ref_at:
                put(S.ref_at[c.i], "COMPOUND")
        if tok.dep_ in _COMPOUND and tok.head.i in S.ref_at:
            put(S.ref_at[tok.head.i], "HEAD")
        for c in tok.children:
            if c.dep_ == "appos" and c.i in S.ref_at:
                put(S.ref_at[c.i], "APPOSED")
        if tok.dep_ in _SUBJ and tok.head.i != tok.i:
            for c in tok.head.children:
                if c.dep_ in _OBJ and c.i in S.ref_at:
                    put(S.ref_at[c.i], "COPULA")
        if tok.dep_ in ("attr", "obj", "xcomp"):
            for c in tok.head.children:
                if c.dep_ == "nsubj" and c.i in S.ref_at:
                    put(S.ref_at[c.i], "COPULA")
    for cls, ref in complements_by_class(S, tok).items():
        put(ref, cls)
    del S.assets[assets:]  # phrases named on the way are not parties of their own here
    return {k: frozenset(v) for k, v in found.items()}
