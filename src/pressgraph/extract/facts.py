"""Fact types: how each trigger's roles become a claim's subject and object.

Verb frames name their roles in the lexicon (``VERB_FRAMES``); noun frames share a small set
of complement rules per fact type, written here once for every language.
"""

from __future__ import annotations

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.frames import Frame, Sentence, Trigger, prep_of, role_nouns

#: Fact types whose nominal trigger, under a possessive, names a state that exists.
STATE_TYPES = frozenset({"stake", "partnership", "supplier", "infrastructure", "access_right"})


def _plural_owner(S: Sentence, poss: Ref | None, tok: Token) -> list[Ref]:
    """Parties behind "leur(s)": the coordinated subject that governs ``tok``."""
    if poss is None:
        return []
    if poss.text.lower().startswith("leur"):
        verb = S.governing_verb(tok)
        if verb is not None:
            subj = S.agent(verb)
            if subj is not None:
                members = S.expand(subj)
                if len(members) > 1:
                    return members
    return [poss]


def _pairs(left: list[Ref], right: list[Ref]) -> list[tuple[Ref, Ref]]:
    out: list[tuple[Ref, Ref]] = []
    if left and not right and len(left) > 1:
        for i, a in enumerate(left):
            for b in left[i + 1 :]:
                out.append((a, b))
        return out
    for a in left:
        for b in right:
            out.append((a, b))
    return out


def _named(S: Sentence, tok: Token, lex_naming: frozenset[str]) -> Ref | None:
    """The name given to a facility: "baptisée X", "nommé X", or a name apposed to it."""
    for c in tok.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in lex_naming:
            ref = S.first_ref(c)
            if ref is not None:
                return ref
        if c.dep_ in ("appos", "flat:name", "nmod") and c.i in S.ref_at and S.ref_at[c.i].kind == "name":
            return S.ref_at[c.i]
    for i in range(tok.i + 1, min(tok.i + 4, S.sent.end)):
        t = S.doc[i]
        if t.lemma_.lower() in lex_naming:
            for j in range(i + 1, min(i + 3, S.sent.end)):
                if j in S.ref_at:
                    return S.ref_at[j]
    return None


def _asset_owner(S: Sentence, tok: Token) -> Ref | None:
    """ "l'acquisition des actifs de télévision de Y", "la cession des activités de Y": the
    company whose assets the deal is about."""
    for c in tok.children:
        if c.dep_.startswith("nmod") and prep_of(c) == "de" and c.lemma_.lower() in getattr(S.lex, "ASSET_NOUNS", ()):
            ref = S.first_ref(c)
            if ref is not None and ref.kind == "name":
                return ref
    return None


def verb_frames(t: Trigger, S: Sentence) -> list[Frame]:
    tok = t.token
    lex = S.lex
    if t.type in ("partnership", "negotiation"):
        agent = S.agent(tok)
        if agent is None:
            return []
        left = S.expand(agent)
        right: list[Ref] = []
        for part in t.object_role.split("+"):
            ref = S.with_prep(tok, (part,))
            if ref is not None:
                right = S.expand(ref)
                break
        return [Frame(t, a, b) for a, b in _pairs(left, right)]
    subj = S.role(tok, t.subject_role)
    obj = S.role(tok, t.object_role) if t.object_role else None
    if subj is None:
        return []
    role = None
    if t.type == "leadership":
        role = lex.LEADERSHIP_PARTICIPLES.get(tok.lemma_.lower(), tok.lemma_.lower())
    if t.type == "founder" and obj is not None and obj.kind == "name" and tok.lemma_.lower() == "créer":
        # "X a créé Y" founds only a company, not a product or an event.
        if obj.cluster is None or obj.cluster.label not in ("ORG",):
            return []
    objects = S.expand(obj) if obj is not None else [None]
    # "détenue par A, B et C", "A et B rachètent Y": one fact per party.
    subjects = S.expand(subj) if t.type in ("stake", "acquisition", "investment") else [subj]
    return [Frame(t, s, o, role=role) for s in subjects for o in objects]


def noun_frames(t: Trigger, S: Sentence) -> list[Frame]:
    tok = t.token
    lex = S.lex
    last = S.doc[tok.i + t.width - 1]
    lemma = tok.lemma_.lower()
    poss = S.possessor(tok)
    de = S.with_prep(last, ("de", "of")) or _asset_owner(S, last)
    par = S.with_prep(tok, ("par", "by"))
    verb = S.governing_verb(tok)
    gov_subj = S.agent(verb) if verb is not None else None
    if gov_subj is not None and verb is not None and any(
        c.dep_ in ("nsubj", "nsubj:pass") and c.left_edge.i <= tok.i <= c.right_edge.i for c in verb.children
    ):
        # A deal noun inside the subject's own phrase ("X, seule survivante après le rachat
        # de Y, a annoncé...") is not the subject's deal.
        gov_subj = None
    giving = verb is not None and verb.lemma_.lower() in lex.GIVING_VERBS
    presupposed = poss is not None and t.type in STATE_TYPES

    def frame(subject: Ref | None, obj: Ref | None, **kw: object) -> list[Frame]:
        if subject is None:
            return []
        return [Frame(t, subject, obj, presupposed=presupposed, **kw)]  # type: ignore[arg-type]

    if t.type == "investment":
        obj = S.with_prep(tok, ("dans", "en", "in", "into"))
        return frame(par or poss or gov_subj, obj)
    if t.type == "acquisition":
        if par is not None:
            return frame(par, de or poss)
        return frame(poss or gov_subj, de)
    if t.type == "divestment":
        return frame(par or poss or gov_subj, de)
    if t.type == "stake":
        if lemma in ("filiale", "subsidiary", "unit", "affiliate"):
            anchor = S.ref_at.get(tok.head.i) if tok.dep_ == "appos" else None
            named = anchor or _named(S, tok, frozenset())
            return frame(de or poss, named)
        obj = S.with_prep(tok, ("dans", "in")) or (de if lemma in ("actionnaire", "shareholder") else None)
        holder = poss or gov_subj
        if lemma in ("actionnaire", "shareholder"):
            if poss is not None:
                return []  # "ses actionnaires": the possessor is held, its holders unnamed
            holder = S.ref_at.get(tok.head.i) if tok.dep_ == "appos" else gov_subj
        return frame(holder, obj)
    if t.type == "valuation":
        return frame(de or poss or gov_subj, None)
    if t.type == "ipo":
        return frame(de or poss or gov_subj, None)
    if t.type in ("partnership", "negotiation"):
        between = S.with_prep(tok, ("entre", "between"))
        if between is not None:
            members = S.expand(between)
            return [Frame(t, a, b) for a, b in _pairs(members, [])]
        right: list[Ref] = []
        # "X signe un partenariat avec Y", "X travaille en partenariat avec Y": the "avec"
        # phrase may hang on the verb.
        on_verb = tok.dep_ in ("obj", "dobj", "nsubj") or (tok.dep_.startswith("obl") and prep_of(tok) == "en")
        holders = [tok] + ([tok.head] if on_verb else [])
        for holder in holders:
            for c in holder.children:
                if c.dep_.startswith(("nmod", "obl", "prep")) and c.i > tok.i:
                    if prep_of(c) in ("avec", "with", "comme", "à"):
                        right = [m for r in S.all_refs(c) for m in S.expand(r)]
                        break
            if right:
                break
        if not right and lemma not in getattr(lex, "GROUPING_NOUNS", ()):
            for c in tok.children:
                if c.dep_.startswith("nmod") and c.i in S.ref_at and S.ref_at[c.i].kind == "name":
                    right = S.expand(S.ref_at[c.i])
        # "un consortium formé de A, B et C": the members partner each other.
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in getattr(lex, "MEMBER_PARTICIPLES", ()):
                # The list right after the participle (the parse of long lists is unreliable).
                first = next((S.ref_at[i] for i in range(c.i + 1, min(c.i + 8, S.sent.end))
                              if i in S.ref_at and S.ref_at[i].kind == "name"), None)
                members = S.expand(first) if first is not None else []
                uniq_members: list[Ref] = []
                for m in members:
                    if all(m.cluster is not u.cluster for u in uniq_members):
                        uniq_members.append(m)
                if len(uniq_members) > 1:
                    return [Frame(t, a, b) for a, b in _pairs(uniq_members, [])]
        left = _plural_owner(S, poss, tok) or ([gov_subj] if gov_subj else [])
        if (not right and gov_subj is not None and verb is not None and tok.head.i == verb.i
                and tok.dep_ in ("obj", "dobj") and verb.lemma_.lower() in getattr(lex, "PARTNERING_VERBS", ())):
            left = S.expand(gov_subj)  # "A et B ont signé un partenariat"
        uniq: list[Ref] = []
        for r in right:
            if all(r.cluster is not u.cluster for u in uniq):
                uniq.append(r)
        return [Frame(t, a, b, presupposed=presupposed) for a, b in _pairs(left, uniq)]
    if t.type == "access_right":
        # "l'accès de X aux modèles de Y": X gets access only when "de X" follows at once.
        near = de if de is not None and de.start - last.i <= 3 else None
        subject = (S.dative(verb) if giving and verb is not None else None) or near or poss or gov_subj
        obj = None
        for ref in S.all_refs(tok):
            if subject is None or ref.cluster is not subject.cluster:
                obj = ref
                break
        return frame(subject, obj)
    if t.type == "revenue_share":
        if giving and verb is not None:
            return frame(S.dative(verb), gov_subj)
        return frame(gov_subj, de)
    if t.type == "supplier":
        if lemma in ("fournisseur", "supplier"):
            return frame(de, S.ref_at.get(tok.head.i) if tok.dep_ == "appos" else gov_subj)
        obj = next(iter(S.all_refs(tok)), None)
        return frame(poss or gov_subj, obj)
    if t.type == "infrastructure":
        named = _named(S, tok, lex.NAMING_PARTICIPLES)
        return frame(poss or gov_subj, named)
    if t.type in ("leadership", "founder"):
        return role_frames(t, S)
    return []


_DE = frozenset({"de", "d'", "d’", "du", "des"})


def _is_person(ref: Ref | None) -> bool:
    return ref is not None and ref.kind == "name" and ref.cluster is not None and ref.cluster.label == "PERSON"


def _role_org(S: Sentence, tok: Token, last: Token) -> Ref | None:
    """The organisation of a role noun: "PDG de Y", "directeur général du groupe", "son PDG"."""
    # The head of a "de" complement of the role noun itself, not any name further down its
    # subtree ("le président X de geler ... Y" does not make X head Y).
    for anchor in (last, tok):
        for c in anchor.children:
            if c.dep_.startswith(("nmod", "obl")) and prep_of(c) == "de" and c.i > anchor.i:
                ref = S.ref_at.get(c.i)
                if ref is not None and ref.kind != "possessive":
                    return ref
    # Linear: "président-directeur général de Y", split by the tokenizer.
    doc = S.doc
    i = last.i + 1
    while i < S.sent.end and doc[i].pos_ == "ADJ":
        i += 1
    if i < S.sent.end and doc[i].lower_ in _DE:
        i += 1
        while i < S.sent.end and doc[i].pos_ == "DET":
            i += 1
        ref = S.ref_at.get(i)
        if ref is not None and ref.kind != "possessive":
            return ref
    poss = S.possessor(tok)
    return poss


def _role_holder(S: Sentence, tok: Token, org: Ref | None) -> Ref | None:
    """The person who holds a role: "X, PDG de Y", "le PDG de Y, X", "X est PDG de Y"."""
    doc = S.doc
    # Apposition either way round.
    if tok.dep_ == "appos" and _is_person(S.ref_at.get(tok.head.i)):
        return S.ref_at[tok.head.i]
    for c in tok.children:
        if c.dep_ == "appos" and _is_person(S.ref_at.get(c.i)):
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


def role_frames(t: Trigger, S: Sentence) -> list[Frame]:
    """Leadership and founding told by a role noun in apposition or as an attribute."""
    tok = t.token
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
        if words.lower() not in getattr(S.lex, "COMPANY_ROLES", frozenset()) or org.kind != "name":
            return []  # "le président du Brésil": a political office, not labelled
        org.cluster.label = "ORG"  # "le PDG de Vinatech": what has a PDG is a company
    person = _role_holder(S, anchor, org)
    if person is None:
        return []
    role = None
    if t.type == "leadership":
        role = S.lex.LEADERSHIP_ROLES.get(words) or words.lower()
    return [Frame(t, person, org, role=role)]


def _role_noun_head(S: Sentence, tok: Token) -> bool:
    return role_nouns(S.lex).get(tok.lower_) is not None or role_nouns(S.lex).get(tok.lemma_.lower()) is not None


def legal_form_frames(t: Trigger, S: Sentence) -> list[Frame]:
    """ "X se convertit / se structure en <forme juridique>" and "<forme>, utilisée par Y"."""
    tok = t.token
    lex = S.lex
    out: list[Frame] = []
    doc = S.doc
    start = None
    for i in range(tok.i + 1, min(tok.i + 10, S.sent.end)):
        w = doc[i]
        if w.is_punct:
            break
        if w.lower_ in ("en", "into") or (tok.lemma_.lower() == "devenir" and i == tok.i + 1):
            start = i + 1 if w.lower_ in ("en", "into") else i
            break
    if start is None:
        return out
    words = []
    for w in doc[start : S.sent.end]:
        if w.is_punct or w.lower_ in ("qui", "afin", "pour", "tout", "which", "to"):
            break
        words.append(w.text_with_ws)
    value = "".join(words).strip()
    if not value or not any(n.lower() in value.lower().split() or n.lower() in value.lower()
                            for n in lex.LEGAL_FORM_NOUNS):
        return out
    subj = S.agent(tok)
    if subj is not None:
        out.append(Frame(t, subj, None, value=value))
    # "<value>, une forme juridique ... utilisée par A ou B": A and B have that form.
    for w in doc[start : S.sent.end]:
        if w.lemma_.lower() in lex.LEGAL_FORM_USERS and "Part" in w.morph.get("VerbForm"):
            users = S.with_prep(w, ("par", "by"))
            if users is not None:
                used = Trigger(w, "legal_form", False)
                out.extend(Frame(used, u, None, value=value) for u in S.expand(users))
            break
    return out
