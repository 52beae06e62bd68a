"""Verb frames: the roles a deal verb names in the lexicon (``verb_frames``) become a fact's
subject and object, with the facts the verb implies (a sale to Z is Z's purchase, a
seller named after a purchase sells)."""

from __future__ import annotations

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.frames import Frame, Sentence, Trigger
from pressgraph.extract.parties import holder_gapped, pairs


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
        return [Frame(t, a, b) for a, b in pairs(left, right)]
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
        return [Frame(allied, a, b) for a, b in pairs(subjects, [])]
    if t.type == "stake" and obj is not None:
        objects = [o for o in objects if o is None or holder_gapped(S, o) is None]
    frames = [Frame(t, s, o, role=role) for s in subjects for o in objects]
    if t.type == "stake" and obj is not None and frames:
        # "X will own 80 pct, Y 14 pct and Z 6 pct": Y and Z hold their part of the same.
        for ref in S.refs:
            if ref.start > tok.i and ref.kind == "name" and ref.cluster is not obj.cluster:
                pct = holder_gapped(S, ref)
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
