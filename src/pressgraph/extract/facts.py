"""Fact types: how each trigger's roles become a claim's subject and object.

Verb frames name their roles in the lexicon (``verb_frames``); noun frames share a small set
of complement rules per fact type, written here once for every language.
"""

from __future__ import annotations

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.frames import (
    Frame,
    Sentence,
    Trigger,
    complement,
    phrase_heads,
    prep_of,
    role_nouns,
)
from pressgraph.lang import Lexicon
from pressgraph.names import is_legal_suffix

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


def _percent_from(S: Sentence, start: int, stop: int) -> float | None:
    """The first percentage the quantity recogniser read within tokens [start, stop)."""
    if start >= min(stop, S.sent.end):
        return None
    first, last = S.doc[start].idx, S.doc[min(stop, S.sent.end) - 1].idx
    return next((q.value for q in S.percents if first <= q.start <= last), None)


def _holder_gapped(S: Sentence, ref: Ref) -> float | None:
    """The percentage written right after a name in a gapped list ("Honeywell Inc 14 pct")."""
    j = ref.end
    while j < S.sent.end and S.doc[j].is_space:
        j += 1
    return _percent_from(S, j, j + 1)


def _previous_percent(S: Sentence, tok: Token) -> float | None:
    """The percentage after "from" in "to 25 pct from the present 3.5 pct" / "contre 3,5 %"."""
    i = next((k for k in range(tok.i + 1, S.sent.end) if S.doc[k].lower_ in S.lex.from_words), None)
    return _percent_from(S, i + 1, i + 6) if i is not None else None


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


def _before_next(t: Trigger, S: Sentence, refs: list[Ref]) -> list[Ref]:
    """Coordinated parties stop at the next trigger of the same verb: in "A allied with B,
    C allied with D and E", B alone is A's partner."""
    same = [
        w
        for w in S.sent
        if w.i != t.token.i and w.lemma_ == t.token.lemma_ and w.pos_ == t.token.pos_
    ]
    if not same:
        return refs
    later = [w.i for w in same if w.i > t.token.i]
    # A party heading its own clause of the same verb ("C allied with D") is not B's co-party.
    heads = {w.head.i for w in same}
    kept = [
        r
        for r in refs
        if (not later or r.start < later[0]) and not any(r.start <= h < r.end for h in heads)
    ]
    return kept or refs[:1]


def _held_list_start(S: Sentence, i: int) -> int:
    """After a share noun, "de Z dans A, B": the token where the companies held start (A),
    or ``i`` when the words do not read so."""
    doc = S.doc
    j = i
    if j < S.sent.end and doc[j].lower_ in S.lex.genitive_links:
        j += 1
        while j < S.sent.end and doc[j].pos_ == "DET":
            j += 1
        holder = S.ref_at.get(j)
        if holder is not None and holder.kind == "name":
            j = holder.end
        elif j < S.sent.end and doc[j].pos_ == "PROPN":
            j += 1  # a holder the model did not read as a name ("la 21st")
        else:
            return i
    if j + 1 < S.sent.end and doc[j].lower_ in S.lex.held_prepositions:
        return j + 1
    return i


def _next_categories(S: Sentence, listed: list[Ref]) -> list[Ref]:
    """ "détenir les studios A et B, les chaînes de télévision C, D et E": a list of names
    goes on after a comma and a category noun ("les chaînes (de télévision)") before its
    next names; a noun with its own complement ("les actions de la société Y") ends it."""
    if not S.lex.parse_repair or not listed:
        return []
    doc = S.doc
    out: list[Ref] = []
    end = listed[-1].end
    while end + 2 < S.sent.end and doc[end].text == ",":
        i = end + 1
        if doc[i].pos_ != "DET" or doc[i + 1].pos_ != "NOUN" or doc[i + 1].i in S.ref_at:
            break
        i += 2
        if (
            i + 1 < S.sent.end
            and doc[i].lower_ in S.lex.genitive_links
            and doc[i + 1].pos_ == "NOUN"
        ):
            i += 2  # "les chaînes de télévision"
        elif doc[i - 1].lemma_.lower() in S.lex.share_nouns:
            i = _held_list_start(S, i)  # "les actions de Z dans A, B": the holdings listed
        first = S.ref_at.get(i)
        if first is None or first.kind != "name":
            break
        group = S.expand(first)
        last = max(r.end for r in group)
        if last < S.sent.end and not (
            doc[last].is_punct or doc[last].lower_ in S.lex.list_conjunctions
        ):
            break  # "..., les syndicats A et B ayant protesté": a clause of its own
        out.extend(r for r in group if r not in out and r not in listed)
        end = last
    return out


def _own_shares(verb: Token, S: Sentence) -> bool:
    """True when ``verb``'s object is a part of its subject's own capital: "20 % de son
    capital", "10 pct of its shares", "ses actions" (a share noun of
    ``own_share_nouns`` under a possessive of ``possessives``)."""
    own: frozenset[str] = S.lex.own_share_nouns
    for c in verb.children:
        if c.dep_ not in ("obj", "dobj"):
            continue
        for t in c.subtree:
            if (t.lemma_.lower() in own or t.lower_ in own) and any(
                d.lower_ in S.lex.possessives for d in t.children
            ):
                return True
    return False


def verb_frames(t: Trigger, S: Sentence) -> list[Frame]:
    tok = t.token
    lex = S.lex
    if t.type in ("partnership", "negotiation"):
        # "Ericsson, allied with Matra": the participle's noun is the party.
        agent = (
            S.ref_at.get(tok.head.i)
            if tok.dep_ == "acl" and tok.head.i in S.ref_at
            else S.agent(tok)
        )
        if agent is None:
            return []
        left = S.expand(agent)
        right: list[Ref] = []
        for part in t.object_role.split("+"):
            ref = S.with_prep(tok, (part,))
            if ref is not None:
                right = _before_next(t, S, S.expand(ref))
                break
        return [Frame(t, a, b) for a, b in _pairs(left, right)]
    if tok.lemma_.lower() in lex.amount_verbs and not any(
        c.dep_ in ("obj", "dobj") and any(w.like_num or w.pos_ in ("NUM", "SYM") for w in c.subtree)
        for c in tok.children
    ):
        return []  # "committed to driving the strategy" commits no money
    if tok.lemma_.lower() in lex.share_issue_verbs and not any(
        c.dep_ in ("obj", "dobj") and c.lemma_.lower() in lex.share_nouns for c in tok.children
    ):
        return []  # "issued a statement to reporters" issues no shares
    subj = S.role(tok, t.subject_role)
    obj = S.role(tok, t.object_role) if t.object_role else None
    granted = tok.head.head if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" else None
    if (
        t.type == "acquisition"
        and granted is not None
        and granted.lemma_.lower() in lex.giving_verbs
    ):
        # "Y has granted X an option to buy 18.5 pct of the outstanding stock": X buys, from
        # the grantor's stock unless another company is named.
        subj = S.dative(granted) or subj
        if obj is None and tok.head.dep_ in ("obj", "dobj"):
            obj = S.agent(granted)
    if t.type == "investment" and tok.lemma_.lower() in lex.raising_verbs and obj is not None:
        S.raised = obj  # "Somatus has raised $64 million": the round's investors invest in it
    if subj is None:
        if t.type == "divestment" and obj is not None:
            # "Y was sold to Z": the seller is not named, the buyer is.
            buyer = S.with_prep(tok, lex.recipient_prepositions)
            if buyer is not None and buyer.cluster is not obj.cluster:
                bought = Trigger(tok, "acquisition", True, 1, t.subject_role, t.object_role)
                return [Frame(bought, b, obj) for b in S.expand(buyer)]
        return []
    if t.type == "divestment" and obj is not None and subj is not None:
        # "X cède sa participation à Z": Z is who buys, never what is sold.
        recipient = S.with_prep(tok, lex.recipient_prepositions)
        if (
            recipient is not None
            and recipient.cluster is obj.cluster
            and recipient.start == obj.start
        ):
            obj = None
    if t.type == "divestment" and obj is None and subj is not None and _own_shares(tok, S):
        # "X va céder 20 % de son capital à Z", "X will sell 20 pct of its shares to Z": Z
        # buys into X (X sells no other company).
        buyer = S.with_prep(tok, lex.recipient_prepositions)
        if buyer is not None and buyer.cluster is not subj.cluster:
            bought = Trigger(tok, "acquisition", True, 1, t.subject_role, t.object_role)
            return [Frame(bought, b, subj) for b in S.expand(buyer)]
    role = None
    if t.type == "leadership":
        lemma = tok.lemma_.lower()
        role = lex.leadership_participles.get(lemma, None if lemma in lex.negated_cues else lemma)
    if (
        t.type == "founder"
        and obj is not None
        and obj.kind == "name"
        and tok.lemma_.lower() in lex.company_founding_verbs
        and (obj.cluster is None or obj.cluster.label not in ("ORG",))
    ):
        return []  # "X a créé Y" founds only a company, not a product or an event
    objects: list[Ref | None] = (
        list(_before_next(t, S, S.expand(obj))) if obj is not None else [None]
    )
    if obj is not None and obj.kind == "name" and t.type in ("stake", "acquisition", "divestment"):
        listed = [o for o in objects if o is not None]
        objects = [*listed, *_next_categories(S, listed)]
    subjects = S.expand(subj) if subj.kind == "name" else [subj]
    if (
        t.type == "founder"
        and len(subjects) > 1
        and all(s.cluster is not None and s.cluster.label != "PERSON" for s in subjects)
    ):
        # "the joint firm set up by A and B": A and B are partners.
        allied = Trigger(tok, "partnership", True, 1, t.subject_role, t.object_role)
        return [Frame(allied, a, b) for a, b in _pairs(subjects, [])]
    if t.type == "stake" and obj is not None:
        objects = [o for o in objects if o is None or _holder_gapped(S, o) is None]
    frames = [Frame(t, s, o, role=role) for s in subjects for o in objects]
    if t.type == "stake" and obj is not None and frames:
        # "X will own 80 pct, Y 14 pct and Z 6 pct": Y and Z hold their part of the same.
        for ref in S.refs:
            if ref.start > tok.i and ref.kind == "name" and ref.cluster is not obj.cluster:
                pct = _holder_gapped(S, ref)
                if pct is not None:
                    frames.append(Frame(t, ref, obj, role=role, percent=pct))
    if t.type == "acquisition" and obj is not None:
        # "X buys Y from Z" / "X rachète Y auprès de Z": Z sells Y.
        seller = S.with_prep(tok, lex.seller_prepositions) or next(
            (
                r
                for c in tok.children
                if c.dep_ in ("obj", "dobj")
                for r in [S.with_prep(c, lex.seller_prepositions)]
                if r is not None
            ),
            None,
        )
        if seller is None and obj.cluster is not None:
            seller = S.asset_owners.get(id(obj.cluster))  # "bought the Nortel patents": Nortel sold
            if seller is not None and subj.cluster is seller.cluster:
                seller = None
        if seller is not None and seller.cluster is not obj.cluster:
            sold = Trigger(tok, "divestment", True, 1, t.subject_role, t.object_role)
            frames += [Frame(sold, z, o) for z in S.expand(seller) for o in objects]
    if t.type == "divestment" and obj is not None:
        # "X sells Y to Z" / "X cède Y à Z": Z buys Y.
        buyer = S.with_prep(tok, lex.recipient_prepositions)
        if buyer is not None and buyer.cluster is not obj.cluster:
            bought = Trigger(tok, "acquisition", True, 1, t.subject_role, t.object_role)
            frames += [Frame(bought, b, o) for b in S.expand(buyer) for o in objects]
    return frames


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
        if changing and holder is not None:
            # "will bring X's stake in Y to 25 pct from the present 3.5 pct": the new stake is
            # what the verb says (planned...), the old one is a fact of its own.
            frames = [Frame(t, holder, obj)]
            previous = _previous_percent(S, tok)
            if previous is not None and obj is not None:
                frames.append(Frame(t, holder, obj, percent=previous, modality="asserted"))
        else:
            frames = frame(holder, obj)
        if frames and obj is not None:
            # "an 80 pct stake in Y, the government 11 pct": a gapped holder of the same.
            for ref in S.refs:
                pct = (
                    _holder_gapped(S, ref)
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
            return [Frame(t, a, b) for a, b in _pairs(members, [])]
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
                    return [Frame(t, a, b) for a, b in _pairs(uniq_members, [])]
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
        return [Frame(t, a, b, presupposed=presupposed) for a, b in _pairs(left, uniq)]
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
        into = w.lower_ in lex.legal_form_prepositions
        if into or (tok.lemma_.lower() in lex.legal_form_copulas and i == tok.i + 1):
            start = i + 1 if into else i
            break
    if start is None:
        return out
    words = []
    for w in doc[start : S.sent.end]:
        if (w.is_punct and w.text not in ("-", "‑")) or w.lower_ in lex.legal_form_value_ends:
            break
        words.append(w.text_with_ws)
    value = "".join(words).strip()
    if not value or not any(
        n.lower() in value.lower().split() or n.lower() in value.lower()
        for n in lex.legal_form_nouns
    ):
        return out
    subj = S.agent(tok)
    if subj is not None:
        out.append(Frame(t, subj, None, value=value))
    # "<value>, une forme juridique ... utilisée par A ou B": A and B have that form.
    for w in doc[start : S.sent.end]:
        if w.lemma_.lower() in lex.legal_form_users and "Part" in w.morph.get("VerbForm", []):
            users = S.with_prep(w, lex.agent_prepositions)
            if users is not None:
                used = Trigger(w, "legal_form", False)
                out.extend(Frame(used, u, None, value=value) for u in S.expand(users))
            break
    return out


def possessive_frames(S: Sentence) -> list[Frame]:
    """ "Cable and Wireless Plc's Cable and Wireless (Far East) Ltd", "Hillsdown Holdings
    Plc's Christie-Tyler Ltd unit": a company written as another company's holds it."""
    out: list[Frame] = []
    seen: set[int] = set()
    for ref in S.refs:
        if ref.kind != "name" or ref.cluster is None or ref.start in seen:
            continue
        seen.add(ref.start)
        owned = ref.cluster
        if not any(is_legal_suffix(a.rsplit(" ", 1)[-1]) for a in owned.aliases if " " in a):
            continue  # only a company's full name: "X's Y" with no legal form may be a product
        head = ref.head(S.sent)
        for c in head.children:
            owner = S.ref_at.get(c.i)
            if (
                c.dep_ == "poss"
                and owner is not None
                and owner.kind == "name"
                and owner.cluster is not owned
                and owner.cluster is not None
                and owner.cluster.label not in ("PERSON", "PLACE")
            ):
                held = Trigger(S.doc[owner.start], "stake", False)
                out.append(Frame(held, owner, ref, presupposed=True, modality="asserted"))
    return out
