"""Noun frames: a deal noun's complements become a fact's subject and object, by a small
set of rules per fact type, written once for every language ("le rachat de Y par X", "X's
stake in Y", "the investors A and B", "Y, a subsidiary of X")."""

from __future__ import annotations

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.frames import Frame, Sentence, Trigger, complement, phrase_heads, prep_of
from pressgraph.extract.parties import holder_gapped, pairs
from pressgraph.extract.roles import role_frames
from pressgraph.lang import Lexicon

#: Fact types whose nominal trigger, under a possessive, names a state that exists.
STATE_TYPES = frozenset({"stake", "partnership", "supplier", "infrastructure", "access_right"})


def _plural_owner(S: Sentence, poss: Ref | None, tok: Token) -> list[Ref]:
    """Parties behind "leur(s)": the coordinated subject that governs ``tok``."""
    if poss is None:
        return []
    if poss.text.lower() in S.lex.plural_possessives:
        verb = S.governing_verb(tok)
        if verb is not None:
            subj = S.agent(verb)
            if subj is not None:
                members = S.expand(subj)
                if len(members) > 1:
                    return members
    return [poss]


def _named(S: Sentence, tok: Token, lex_naming: frozenset[str]) -> Ref | None:
    """The name given to a facility: "baptisée X", "nommé X", or a name apposed to it."""
    for c in tok.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in lex_naming:
            ref = S.first_ref(c)
            if ref is not None:
                return ref
        if (
            c.dep_ in ("appos", "flat:name", "nmod", "compound")
            and c.i in S.ref_at
            and S.ref_at[c.i].kind == "name"
        ):
            owner = S.ref_at[c.i].cluster
            if c.dep_ == "compound" and owner is not None and owner.label in ("ORG", "PERSON"):
                continue  # "the Boeing plant" is Boeing's, not named Boeing
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
        if (
            c.dep_.startswith("nmod")
            and prep_of(c, S.lex) in S.lex.of_prepositions
            and c.lemma_.lower() in S.lex.company_part_nouns
        ):
            ref = S.first_ref(c)
            if ref is not None and ref.kind == "name":
                return ref
    return None


def _object_of_verb(tok: Token, verb: Token, lex: Lexicon) -> bool:
    """True when the deal noun ``tok`` is what ``verb`` does, directly ("completed the
    acquisition of Y") or through intention nouns ("a présenté un projet de rachat de Y",
    "made an offer to buy"); not through other nouns ("approval of the acquisition")."""
    h = tok.head
    while h.i != verb.i:
        carriers: frozenset[str] = lex.deal_carrier_nouns
        if not (
            h.pos_ == "ADP" or h.lemma_.lower() in lex.planned_cues or h.lemma_.lower() in carriers
        ):
            return False
        if h.head.i == h.i:
            return False
        h = h.head
    return True


def _full(tok: Token, lex: Lexicon) -> bool:
    """True when the sentence of ``tok`` says control is taken whole ("full control")."""
    text = tok.sent.text.lower()
    return any(cue in text for cue in lex.full_control_cues)


def _investors(t: Trigger, S: Sentence, target: Ref | None, gov_subj: Ref | None) -> list[Frame]:
    """ "Existing investors A, B and C also participated", "investors including A and B",
    "Venrock is also a backer": each named investor invests in the company the article is
    about (or the one named: "investors in Y")."""
    tok = t.token
    found: list[Ref] = []
    for c in tok.children:
        if c.dep_ in ("appos", "compound", "nmod", "flat:name") and c.i in S.ref_at and c.i > tok.i:
            found.extend(S.expand(S.ref_at[c.i]))
        if c.pos_ in ("VERB", "ADP") and c.lower_ in S.lex.alongside:
            for g in c.children:
                if g.i in S.ref_at:
                    found.extend(S.expand(S.ref_at[g.i]))
    j = tok.i + 1
    while j < S.sent.end and S.doc[j].pos_ in ("SPACE",):
        j += 1
    if not found and j in S.ref_at and S.ref_at[j].kind == "name":
        found = S.expand(S.ref_at[j])  # "investors Town Hall Ventures, ..."
    if not found and gov_subj is not None and tok.dep_ in ("attr", "ROOT"):
        found = [gov_subj]  # "Venrock is also a backer"
        if gov_subj.cluster is not None and gov_subj.cluster.label == "PLACE":
            gov_subj.cluster.label = "ORG"  # said to be a backer: no place
    target = target or S.investee or S.topic
    if target is None:
        return []
    return [Frame(t, r, target) for r in found if r.cluster is not target.cluster]


def _subsidiary(t: Trigger, S: Sentence, parent: Ref | None, gov_subj: Ref | None) -> list[Frame]:
    """ "Y, filiale de X", "X's subsidiary Y", "Schneider SA subsidiary Jeumont-Schneider",
    "Y will operate as a subsidiary of X", "A and B would become subsidiaries of X"."""
    tok = t.token
    doc = S.doc
    if parent is None:
        j = tok.i - 1
        while j >= S.sent.start and (
            doc[j].pos_ in ("ADJ", "DET", "SPACE")
            or doc[j].lower_ == "-"
            or doc[j].lower_ in S.lex.owned_words
        ):
            j -= 1
        left = S.ref_at.get(j)
        if left is not None and left.kind == "name" and doc[j].dep_ in ("compound", "nmod", "poss"):
            parent = left
    if parent is None:
        return []
    children: list[Ref] = []
    if tok.dep_ == "appos" and tok.head.i in S.ref_at:
        children = [S.ref_at[tok.head.i]]
    if not children:
        named = _named(S, tok, frozenset())
        j = tok.i + 1
        while j < S.sent.end and (doc[j].text in (",", "(") or doc[j].pos_ in ("DET", "SPACE")):
            j += 1
        after = S.ref_at.get(j)
        if named is None and after is not None and after.kind == "name" and after is not parent:
            named = after
        if named is not None:
            children = [named]
    before = S.doc[max(S.sent.start, tok.i - 4) : tok.i].text.lower()
    whole = 100.0 if any(w in before for w in S.lex.wholly_owned) else None
    if children:  # a description of what is: "its subsidiary Y" holds whatever follows
        return [
            Frame(t, parent, c, presupposed=True, percent=whole)
            for c in children
            if c.cluster is not parent.cluster
        ]
    predicate = tok.dep_ in ("attr", "obj", "xcomp", "ROOT") or (
        tok.dep_ in ("pobj", "obl")
        and (tok.head.lower_ in S.lex.as_words or prep_of(tok, S.lex) in S.lex.as_words)
    )
    if gov_subj is not None and predicate:
        children = S.expand(gov_subj)  # "A and B would become subsidiaries of X"
    return [Frame(t, parent, c, percent=whole) for c in children if c.cluster is not parent.cluster]


def noun_frames(t: Trigger, S: Sentence) -> list[Frame]:
    tok = t.token
    lex = S.lex
    last = S.doc[tok.i + t.width - 1]
    lemma = tok.lemma_.lower()
    poss = S.possessor(tok)
    de = S.with_prep(last, lex.of_prepositions) or _asset_owner(S, last)
    par = S.with_prep(tok, lex.agent_prepositions)
    verb = S.governing_verb(tok)
    gov_subj = S.agent(verb) if verb is not None else None
    if (
        gov_subj is not None
        and verb is not None
        and any(
            c.dep_ in ("nsubj", "nsubj:pass") and c.left_edge.i <= tok.i <= c.right_edge.i
            for c in verb.children
        )
    ):
        # A deal noun inside the subject's own phrase ("X, seule survivante après le rachat
        # de Y, a annoncé...") is not the subject's deal.
        gov_subj = None
    giving = verb is not None and verb.lemma_.lower() in lex.giving_verbs
    presupposed = poss is not None and t.type in STATE_TYPES

    def frame(subject: Ref | None, obj: Ref | None, **kw: object) -> list[Frame]:
        if subject is None:
            return []
        return [Frame(t, subject, obj, presupposed=presupposed, **kw)]  # type: ignore[arg-type]

    if t.type == "investment":
        obj = S.with_prep(tok, lex.invested_prepositions)
        if lemma in lex.investor_nouns:
            raising = verb is not None and verb.lemma_.lower() in lex.raising_verbs
            return _investors(t, S, obj or poss or de or (gov_subj if raising else None), gov_subj)
        if lemma in lex.round_nouns:
            if verb is None or verb.lemma_.lower() not in lex.round_verbs or gov_subj is None:
                return []
            backers = S.expand(gov_subj) + [
                m for r in [S.with_prep(verb, lex.alongside)] if r for m in S.expand(r)
            ]
            target = obj or poss or de or S.investee or S.topic
            return [Frame(t, b, target) for b in backers if target is not None]
        return frame(par or poss or gov_subj, obj)
    if (
        t.type in ("acquisition", "divestment")
        and verb is not None
        and not _object_of_verb(tok, verb, lex)
    ):
        gov_subj = None  # "approval of the acquisition of Y": the approver buys nothing
    if t.type in ("acquisition", "divestment") and de is None:
        of = next(
            (
                h
                for c in last.children
                if prep_of(c, lex) in lex.of_prepositions
                for h in phrase_heads(c)
            ),
            None,
        )
        de = S.asset(of) if of is not None else None  # "the sale of its office building"
    if lemma in lex.control_nouns:
        # "gained / took control of Y" buys Y; "has control of Y" holds it.
        if verb is None or gov_subj is None or de is None or not _object_of_verb(tok, verb, lex):
            return []
        if verb.lemma_.lower() in lex.stake_raising_verbs | lex.stake_seeking_verbs:
            return [Frame(t, gov_subj, de, percent=100.0 if _full(tok, lex) else None)]
        if verb.lemma_.lower() in lex.holding_verbs:
            held = Trigger(tok, "stake", False, t.width)
            return [Frame(held, gov_subj, de)]
        return []
    if t.type == "acquisition" and de is None and last.lemma_.lower() in lex.planned_cues:
        # "a bid for Y", "a bid for Y's patents", "une offre sur Y": read in the tree only.
        bid_for = complement(last, lex.bid_prepositions, lex)
        de = S.object_of(bid_for) if bid_for is not None else None
    if t.type == "acquisition":
        if par is not None:
            # "le rachat de Y par A et B": each buyer.
            return [
                f
                for p in (S.expand(par) if par.kind == "name" else [par])
                for f in frame(p, de or poss)
            ]
        return frame(poss or gov_subj, de)
    if t.type == "divestment":
        if lemma in lex.agent_only_nouns and par is None:
            return []  # "a placement of convertible shares": whose, the issuer's own
        if par is not None and de is not None:
            # "a placement of 11 pct of Y by both A and the government": one sale each.
            return [Frame(t, p, de, presupposed=presupposed) for p in S.expand(par)]
        return frame(par or poss or gov_subj, de)
    if t.type == "stake":
        if lemma in lex.subsidiary_nouns:
            return _subsidiary(t, S, de or poss, gov_subj)
        if lemma in lex.parent_nouns:
            # "X, the parent of Y", "Y's parent X": the same relation, read the other way.
            child = de or poss
            if child is None:
                return []
            return [
                Frame(f.trigger, f.object, f.subject, presupposed=f.presupposed)
                for f in _subsidiary(t, S, child, gov_subj)
                if f.object is not None
            ]
        deal = tok.head if tok.dep_ in ("obj", "dobj") else None
        if deal is not None and lex.verb_frames.get(deal.lemma_.lower(), ("",))[0] in (
            "acquisition",
            "divestment",
        ):
            # "buys a 25 pct stake in Y": the verb's fact; "buys its 25 pct stake in Y": the
            # possessor held that stake.
            held_in = S.with_prep(tok, (*lex.stake_prepositions, *lex.of_prepositions))
            if poss is None or held_in is None:
                return []
            return [Frame(t, poss, held_in, presupposed=True)]
        obj = S.with_prep(tok, lex.stake_prepositions) or (
            de if lemma in lex.shareholder_nouns else None
        )
        if (
            verb is not None
            and verb.lemma_.lower() in lex.stake_seeking_verbs
            and tok.head.i == verb.i
        ):
            # "seek a majority stake in Y": an acquisition in view, no stake held yet.
            wanted = Trigger(tok, "acquisition", False, t.width)
            return (
                [Frame(wanted, gov_subj, obj)] if gov_subj is not None and obj is not None else []
            )
        holder = poss
        if (
            verb is not None
            and verb.lemma_.lower() in lex.holding_verbs
            and tok.head.pos_ not in ("NOUN", "PROPN")
        ):
            # "X holds / has / took a 20 pct stake in Y"; "X holds the group's stake": X.
            holder = gov_subj or poss
        elif verb is not None and verb.lemma_.lower() in lex.endowing_verbs:
            # "will leave X with an 80 pct stake in Y", "giving it a majority stake in Y"
            holder = S.dative(verb) or S.patient(verb) or poss
        if lemma in lex.shareholder_nouns:
            if poss is not None:
                return []  # "ses actionnaires": the possessor is held, its holders unnamed
            holder = S.ref_at.get(tok.head.i) if tok.dep_ == "appos" else gov_subj
        changing = verb is not None and verb.lemma_.lower() in lex.stake_change_verbs
        # "will bring X's stake in Y to 25 pct from the present 3.5 pct": the new stake is what
        # the verb says (planned...), not presupposed; the claim carries the former level
        # (:mod:`pressgraph.extract.changes`).
        frames = [Frame(t, holder, obj)] if changing and holder is not None else frame(holder, obj)
        if frames and obj is not None:
            # "an 80 pct stake in Y, the government 11 pct": a gapped holder of the same.
            for ref in S.refs:
                pct = (
                    holder_gapped(S, ref)
                    if ref.start > tok.i and ref.cluster is not obj.cluster
                    else None
                )
                if pct is not None and ref.kind == "name":
                    frames.append(Frame(t, ref, obj, percent=pct, presupposed=presupposed))
        if (
            frames
            and verb is not None
            and holder is not None
            and holder is gov_subj
            and obj is not None
            and verb.lemma_.lower() in lex.stake_raising_verbs
        ):
            # "X raised / took a stake in Y": X bought shares of Y.
            bought = Trigger(tok, "acquisition", False, t.width)
            frames.append(Frame(bought, holder, obj))
        return frames
    if t.type == "valuation":
        return frame(de or poss or gov_subj, None)
    if t.type == "ipo":
        return frame(de or poss or gov_subj, None)
    if t.type in ("partnership", "negotiation"):
        between = S.with_prep(tok, lex.between_prepositions)
        if between is not None:
            members = S.expand(between)
            return [Frame(t, a, b) for a, b in pairs(members, [])]
        right: list[Ref] = []
        # "X signe un partenariat avec Y", "X travaille en partenariat avec Y": the "avec"
        # phrase may hang on the verb.
        # "a partnership agreement with Y": the noun modifies the phrase's head.
        # "a joint venture with Y": a phrase of several words is read from its head.
        phrase = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
        if t.width > 1:
            phrase = tok.doc[tok.i : tok.i + t.width].root
        on_verb = phrase.dep_ in ("obj", "dobj", "nsubj") or (
            phrase.dep_.startswith("obl") and prep_of(phrase, lex) in lex.manner_prepositions
        )
        holders = (
            [tok] + ([phrase] if phrase is not tok else []) + ([phrase.head] if on_verb else [])
        )
        for head in holders:
            for c in head.children:
                if (
                    c.dep_.startswith(("nmod", "obl", "prep"))
                    and c.i > tok.i
                    and prep_of(c, lex) in lex.partner_prepositions
                ):
                    right = [m for r in S.all_refs(c) for m in S.expand(r)]
                    break
            if right:
                break
        if not right and lemma not in lex.grouping_nouns:
            for c in tok.children:
                if c.dep_.startswith("nmod") and c.i in S.ref_at and S.ref_at[c.i].kind == "name":
                    right = S.expand(S.ref_at[c.i])
        # "un consortium formé de A, B et C": the members partner each other.
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in lex.member_participles:
                # The list right after the participle (the parse of long lists is unreliable).
                first = next(
                    (
                        S.ref_at[i]
                        for i in range(c.i + 1, min(c.i + 8, S.sent.end))
                        if i in S.ref_at and S.ref_at[i].kind == "name"
                    ),
                    None,
                )
                members = S.expand(first) if first is not None else []
                uniq_members: list[Ref] = []
                for m in members:
                    if all(m.cluster is not u.cluster for u in uniq_members):
                        uniq_members.append(m)
                if len(uniq_members) > 1:
                    return [Frame(t, a, b) for a, b in pairs(uniq_members, [])]
        left = _plural_owner(S, poss, tok) or ([gov_subj] if gov_subj else [])
        if (
            not right
            and gov_subj is not None
            and verb is not None
            and phrase.head.i == verb.i
            and phrase.dep_ in ("obj", "dobj")
            and verb.lemma_.lower() in lex.partnering_verbs
        ):
            left = S.expand(gov_subj)  # "A et B ont signé un partenariat"
        uniq: list[Ref] = []
        for r in right:
            if all(r.cluster is not u.cluster for u in uniq):
                uniq.append(r)
        return [Frame(t, a, b, presupposed=presupposed) for a, b in pairs(left, uniq)]
    if t.type == "access_right":
        # "l'accès de X aux modèles de Y": X gets access only when "de X" follows at once.
        near = de if de is not None and de.start - last.i <= 3 else None
        subject = (
            (S.dative(verb) if giving and verb is not None else None) or near or poss or gov_subj
        )
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
        if lemma in lex.supplier_nouns:
            return frame(de, S.ref_at.get(tok.head.i) if tok.dep_ == "appos" else gov_subj)
        obj = next(iter(S.all_refs(tok)), None)
        return frame(poss or gov_subj, obj)
    if t.type == "infrastructure":
        named = _named(S, tok, lex.naming_participles)
        return frame(poss or gov_subj, named)
    if t.type in ("leadership", "founder"):
        return role_frames(t, S)
    return []
