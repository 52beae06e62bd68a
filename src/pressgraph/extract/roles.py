"""Leadership and founding told by a role noun in apposition or as an attribute ("X, PDG de
Y", "le fondateur de Y, X", "X est PDG de Y"), and companies told by the person at their
head ("le groupe de X")."""

from __future__ import annotations

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.frames import Frame, Sentence, Trigger, prep_of, role_nouns
from pressgraph.names import is_legal_suffix


def _is_person(ref: Ref | None) -> bool:
    return (
        ref is not None
        and ref.kind == "name"
        and ref.cluster is not None
        and ref.cluster.label == "PERSON"
    )


def _role_org(S: Sentence, tok: Token, last: Token) -> Ref | None:
    """The organisation of a role noun: "PDG de Y", "directeur général du groupe", "son PDG"."""
    # The head of a "de" complement of the role noun itself, not any name further down its
    # subtree ("le président X de geler ... Y" does not make X head Y).
    for anchor in (last, tok):
        for c in anchor.children:
            if (
                c.dep_.startswith(("nmod", "obl"))
                and prep_of(c, S.lex) in S.lex.role_org_links
                and c.i > anchor.i
            ):
                ref = S.ref_at.get(c.i)
                if ref is not None and ref.kind != "possessive":
                    return ref
    # Linear: "président-directeur général de Y", split by the tokenizer.
    doc = S.doc
    i = last.i + 1
    while i < S.sent.end and doc[i].pos_ == "ADJ":
        i += 1
    if i < S.sent.end and doc[i].lower_ in S.lex.role_org_links:
        i += 1
        while i < S.sent.end and doc[i].pos_ == "DET":
            i += 1
        ref = S.ref_at.get(i)
        if ref is not None and ref.kind != "possessive":
            return ref
    poss = S.possessor(tok)
    return poss


def _apposed_person(S: Sentence, ref: Ref | None, org: Ref | None) -> bool:
    """A name in apposition to a role noun is a person's ("Toshihide Mizuno, le directeur
    exécutif de Y"), even when the model labels it an organisation: where person labels are
    unreliable, a two- or three-word capitalised name that is not the organisation's, not an
    outlet and has no legal suffix is retyped."""
    if _is_person(ref):
        return True
    if ref is None or ref.kind != "name" or ref.cluster is None or S.lex.person_labels_reliable:
        return False
    cluster = ref.cluster
    words = ref.text.split()
    if (
        cluster.outlet
        or cluster.label == "PERSON"
        or not 2 <= len(words) <= 3
        or (org is not None and org.cluster is cluster)
        or not all(w[:1].isupper() and w.isalpha() for w in words)
        or any(is_legal_suffix(w) for w in words)
        or any(w.lower() in S.lex.descriptions for w in words)
    ):
        return False
    cluster.label = "PERSON"
    return True


def _role_holder(S: Sentence, tok: Token, org: Ref | None) -> Ref | None:
    """The person who holds a role: "X, PDG de Y", "le PDG de Y, X", "X est PDG de Y"."""
    doc = S.doc
    # Apposition either way round.
    if tok.dep_ == "appos" and _apposed_person(S, S.ref_at.get(tok.head.i), org):
        return S.ref_at[tok.head.i]
    for c in tok.children:
        if c.dep_ == "appos" and _apposed_person(S, S.ref_at.get(c.i), org):
            return S.ref_at[c.i]
    # Copula: "X est (le) PDG de Y".
    if any(c.dep_ == "cop" for c in tok.children):
        for c in tok.children:
            if c.dep_ == "nsubj" and _is_person(S.ref_at.get(c.i)):
                return S.ref_at[c.i]
    # Left: "X, (le) PDG de Y" (determiners and adjectives between).
    i = tok.i - 1
    while i >= S.sent.start and doc[i].pos_ in ("DET", "ADJ"):
        i -= 1
    if i > S.sent.start and doc[i].text == ",":
        ref = S.ref_at.get(i - 1)
        if _is_person(ref):
            return ref
    # Right: "(le) PDG de Y, X" or "le PDG du groupe X".
    if org is not None and org.kind != "possessive":
        j = org.end
        if j < S.sent.end and doc[j].text == "(":  # an acronym: "de la Société X (SX), Y"
            while j < S.sent.end and doc[j].text != ")":
                j += 1
            j += 1
        if j < S.sent.end and doc[j].text == ",":
            j += 1
        ref = S.ref_at.get(j)
        if _is_person(ref):
            return ref
    return None


def _owner_frames(t: Trigger, S: Sentence) -> list[Frame]:
    """ "Y, le groupe de Z" / "l'entreprise de Z": Z leads the company described."""
    tok = t.token
    person = S.ref_at.get(tok.i + 2)
    if not _is_person(person):
        return []
    org = None
    if tok.dep_ == "appos" and tok.head.i in S.ref_at:
        org = S.ref_at[tok.head.i]
    j = tok.i - 2
    if org is None and j > S.sent.start and S.doc[j].text == ",":
        org = S.ref_at.get(j - 1)
    if org is None:
        org = S.ref_at.get(tok.i)  # the description, resolved to the company it names
    if org is None or org.cluster is None or org.cluster.label == "PERSON":
        return []
    if org.cluster.label == "PLACE":
        org.cluster.label = "ORG"  # "X, le groupe de Z": what a description names is a company
    return [Frame(t, person, org, role=None)] if person is not None else []


def role_frames(t: Trigger, S: Sentence) -> list[Frame]:
    """Leadership and founding told by a role noun in apposition or as an attribute."""
    tok = t.token
    if (
        tok.lemma_.lower() in S.lex.descriptions
        and role_nouns(S.lex).get(tok.lemma_.lower()) is None
    ):
        return _owner_frames(t, S)
    last = S.doc[tok.i + t.width - 1]
    org = _role_org(S, tok, last)
    # "le fondateur et PDG du groupe": the conjuncts share their organisation and holder.
    anchor = tok
    if tok.dep_ == "conj" and _role_noun_head(S, tok.head):
        anchor = tok.head
    if org is None:
        for c in tok.children:
            if c.dep_ == "conj" and _role_noun_head(S, c):
                org = _role_org(S, c, c)
                if org is not None:
                    break
    if org is None or org.cluster is None:
        return []
    words = S.doc[tok.i : last.i + 1].text
    if org.cluster.label == "PLACE":
        if words.lower() not in S.lex.company_roles or org.kind != "name":
            return []  # "le président du Brésil": a political office, not labelled
        org.cluster.label = "ORG"  # "le PDG de Vinatech": what has a PDG is a company
    person = _role_holder(S, anchor, org)
    if person is None:
        return []
    role = None
    if t.type == "leadership":
        role = S.lex.leadership_roles.get(words) or words.lower()
    return [Frame(t, person, org, role=role)]


def _role_noun_head(S: Sentence, tok: Token) -> bool:
    return (
        role_nouns(S.lex).get(tok.lower_) is not None
        or role_nouns(S.lex).get(tok.lemma_.lower()) is not None
    )
