"""Lists: facts told once for every name of a list, with no deal verb for each.

Journalists line up the parties of a deal under one noun and let the list carry the fact:
- candidates: "Other bidders to take over Y include A allied with B, C and D", "parmi les
  candidats au rachat de Y figurent A, B et C" (each listed company plans to buy Y);
- holdings: "les participations de X dans A, B et C", "X's stakes in A, B and C" (X holds
  each);
- assets for sale: "les actifs dont X envisage de se séparer comprennent sa filiale A, sa
  participation dans B" (X sells each);
- customers: "des services utilisés par de nombreuses entreprises telles que A, B et C",
  "its customers include A and B" (each is the supplier's customer).
The nouns and verbs of each construction are language data (``lang/*/lists.py``).
"""

from __future__ import annotations

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.frames import Frame, Sentence, Trigger, complement, phrase_heads, prep_of
from pressgraph.extract.modality import find_modality
from pressgraph.names import is_legal_suffix

#: Clauses whose names are not the list's own ("A, which holds 20 pct of Z").
_CLAUSES = ("relcl", "acl:relcl", "advcl", "ccomp", "parataxis")
_SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass", "attr")
#: Dependents of a listing verb that are no list item.
_NOT_ITEMS = ("punct", "cop", "aux", "cc", "mark", "case", "advmod")


def _verb_key(verb: Token) -> str:
    """A verb as keyed in ``verb_frames``: "take over" with its particle, else its lemma."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" if particle is not None else lemma


def _deal_type(S: Sentence, tok: Token) -> str | None:
    """The fact type a deal verb or noun names ("take over", "rachat"), or None."""
    if tok.pos_ in ("VERB", "AUX"):
        frame = S.lex.verb_frames.get(_verb_key(tok))
        return frame[0] if frame is not None else None
    if tok.pos_ in ("NOUN", "PROPN"):
        return S.lex.noun_frames.get(tok.lemma_.lower())
    return None


def _target(S: Sentence, noun: Token) -> Ref | None:
    """What the candidates of ``noun`` want to buy: "candidacies to take over Y", "les
    candidats au rachat de Y", "les candidats pour racheter Y", "bidders for Y"."""
    lex = S.lex
    for c in noun.children:
        if c.dep_ in ("acl", "relcl", "acl:relcl") and _deal_type(S, c) == "acquisition":
            return S.patient(c)
    for c in noun.children:
        if not (c.dep_ == "prep" or c.dep_.startswith("nmod")) or c.i < noun.i:
            continue
        if prep_of(c, lex) not in lex.candidacy_prepositions:
            continue
        for h in phrase_heads(c):
            if _deal_type(S, h) == "acquisition":
                ref = S.with_prep(h, lex.of_prepositions)
                if ref is not None and ref.kind == "name":
                    return ref
            ref = S.ref_at.get(h.i)
            if noun.lemma_.lower() in lex.bidder_nouns and ref is not None and ref.kind == "name":
                return ref  # "the bidders for Y"
    if noun.lemma_.lower() in lex.bidder_nouns:
        # "Among the suitors for Y are...": the name the parser hung elsewhere, right after.
        nxt = noun.i + 1
        if nxt + 1 < S.sent.end and S.doc[nxt].lower_ in lex.candidacy_prepositions:
            ref = S.ref_at.get(nxt + 1)
            if ref is not None and ref.kind == "name":
                return ref
    return None


def _listing_verb(S: Sentence, noun: Token) -> Token | None:
    """The verb that lists the candidates: "include", "sont", "figurent" ("parmi les
    candidats figurent A"), "are among the bidders"; in French copular clauses the first
    listed name itself ("les prétendants sont A, B")."""
    lex = S.lex
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in lex.among_words:
        head = head.head  # "A and B are among the bidders"
    elif not (noun.dep_ in _SUBJECTS or noun.dep_.startswith("obl")):
        return None
    if head.i == noun.i:
        return None
    if head.lemma_.lower() in lex.listing_verbs or any(
        c.dep_ == "cop" and c.lemma_.lower() in lex.listing_verbs for c in head.children
    ):
        return head
    return None


def _subsidiary_owner(S: Sentence, ref: Ref) -> bool:
    """True for Z in "Z subsidiary W": the company listed is W, its parent only names it."""
    j = ref.end
    while j < S.sent.end and (S.doc[j].is_space or S.doc[j].pos_ == "SPACE"):
        j += 1
    return j < S.sent.end and S.doc[j].lemma_.lower() in S.lex.subsidiary_nouns


def _complement_of_noun(S: Sentence, tok: Token) -> bool:
    """True for a name that only completes a common noun: "sociétés du CAC 40", "the
    chairman of Y" (the list names the noun's referents, not Y)."""
    head = tok.head
    if head.i == tok.i or head.pos_ != "NOUN" or head.i in S.ref_at:
        return False
    of = S.lex.of_prepositions
    return prep_of(tok, S.lex) in of or (tok.head.dep_ == "prep" and tok.head.lower_ in of)


def _listed(S: Sentence, verb: Token, noun: Token) -> list[Ref]:
    """The names on the other side of ``verb`` from ``noun``, in text order: listed
    companies and their allies ("A allied with B"), not possessors ("West Germany's A"),
    parents ("Z subsidiary W") nor names inside relative clauses."""
    side = [
        c
        for c in verb.children
        if (c.i > verb.i) == (noun.i < verb.i) and c.dep_ not in _NOT_ITEMS and not c.is_space
    ]
    tokens: list[Token] = [verb] if verb.i in S.ref_at else []
    for c in side:
        stack = [c]
        while stack:
            t = stack.pop()
            if t.dep_ in _CLAUSES or t.i == noun.i:
                continue
            tokens.append(t)
            stack.extend(t.children)
    out: list[Ref] = []
    for t in sorted(tokens, key=lambda x: x.i):
        ref = S.ref_at.get(t.i)
        if ref is None or ref.kind != "name" or ref in out or ref.cluster is None:
            continue
        root = S.doc[ref.start : ref.end].root
        if root.dep_ == "poss" or _subsidiary_owner(S, ref) or _complement_of_noun(S, root):
            continue
        out.append(ref)
    return out


def candidate_frames(S: Sentence) -> list[Frame]:
    """Each company listed as a candidate to buy Y plans to buy Y."""
    nouns: frozenset[str] = S.lex.candidate_nouns
    out: list[Frame] = []
    for tok in S.sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
            continue
        target = _target(S, tok)
        verb = _listing_verb(S, tok) if target is not None else None
        if target is None or verb is None:
            continue
        trigger = Trigger(tok, "acquisition", False)
        # A candidate has not bought yet: planned, unless reported or withdrawn.
        modality = find_modality(tok, S.sent, S.lex)
        modality = modality if modality in ("hedged", "negated") else "planned"
        for ref in _listed(S, verb, tok):
            if ref.cluster is not target.cluster:
                out.append(Frame(trigger, ref, target, modality=modality))
    return out


def _item(S: Sentence, ref: Ref) -> bool:
    """True for a name that is an item of a list, not a restatement of the one before: an
    acronym in parentheses ("Y (YY)"), a legal form cut off by a comma ("Y, S.A.")."""
    if ref.kind != "name":
        return False
    if ref.start > S.sent.start and S.doc[ref.start - 1].text == "(":
        return False
    return not is_legal_suffix(ref.text.strip())


def _skip(S: Sentence, i: int, words: frozenset[str] | tuple[str, ...] = ()) -> int:
    """The first token from ``i`` that is neither a determiner, a space nor one of ``words``."""
    doc = S.doc
    while i < S.sent.end and (doc[i].pos_ in ("DET", "SPACE") or doc[i].lower_ in words):
        i += 1
    return i


def holding_frames(S: Sentence) -> list[Frame]:
    """ "les participations de X dans A, B et C", "X's stakes in A and B", "its holdings in
    A and B": X holds each of the companies listed after the share noun."""
    lex = S.lex
    nouns: frozenset[str] = lex.holding_nouns
    doc = S.doc
    out: list[Frame] = []
    for tok in S.sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or tok.i in S.ref_at:
            continue
        holder = S.possessor(tok)
        owned = holder is not None
        i = tok.i + 1
        if holder is None and i < S.sent.end and doc[i].lower_ in lex.holder_prepositions:
            ref = S.ref_at.get(_skip(S, i + 1))
            if ref is None or ref.kind != "name":
                continue
            holder, i = ref, ref.end
        if holder is None or i >= S.sent.end or doc[i].lower_ not in lex.held_prepositions:
            continue
        first = S.ref_at.get(_skip(S, i + 1))
        if first is None or first.kind != "name":
            continue
        trigger = Trigger(tok, "stake", False)
        listed = S.expand(first)
        if owned and tok.lemma_.lower() in lex.noun_frames:
            listed = listed[1:]  # "X's stake in A": A is the stake noun's own frame's
        for ref in listed:
            if ref.cluster is not holder.cluster and _item(S, ref):
                out.append(Frame(trigger, holder, ref, presupposed=True))
    return out


def _linear_list(S: Sentence, first: Ref) -> list[Ref]:
    """``first`` and the names listed after it ("A, B, C et D"), read on the tokens (the
    parser hangs long lists anywhere), with the coordination the parse gives."""
    out = [first]
    j = first.end
    while True:
        k = j
        while k < S.sent.end and (S.doc[k].lower_ in S.lex.coordinators or S.doc[k].is_space):
            k += 1
        ref = S.ref_at.get(k)
        if k == j or ref is None or ref.kind != "name" or ref.start != k or ref in out:
            break
        out.append(ref)
        j = ref.end
    for ref in S.expand(first):
        if ref not in out and ref.kind == "name":
            out.append(ref)
    return sorted(out, key=lambda r: r.start)


def _examples(S: Sentence, noun: Token) -> list[Ref]:
    """The names a plural noun gives as examples: "companies such as A, B and C",
    "des entreprises telles que A, B et C", "customers including A and B"."""
    cues: tuple[str, ...] = S.lex.example_cues
    doc = S.doc
    i = noun.i + 1
    while i < S.sent.end and i - noun.i <= 3:
        words = " ".join(t.lower_ for t in doc[i : min(i + 3, S.sent.end)]) + " "
        cue = next((c for c in cues if words.startswith(c + " ")), None)
        if cue is not None:
            first = S.ref_at.get(_skip(S, i + len(cue.split())))
            return _linear_list(S, first) if first is not None and first.kind == "name" else []
        if doc[i].pos_ != "ADJ":
            break
        i += 1  # "des entreprises françaises telles que"
    return []


def _provider(S: Sentence, verb: Token) -> Ref | None:
    """Whose is what ``verb`` (a passive "used") says is used: a name ("Y is used by"), its
    possessor ("its software is used by"), or the subject that offers the thing ("X
    propose des services qui sont utilisés par")."""
    thing = next((c for c in verb.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
    if thing is None:
        return None
    ref = S.ref_at.get(thing.i)
    if ref is not None and ref.kind == "name":
        return ref
    owner = S.possessor(thing)
    if owner is not None:
        return owner
    if thing.lower_ in S.lex.relative_pronouns and verb.dep_ in ("acl:relcl", "relcl"):
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return S.agent(head)
    return None


def customer_frames(S: Sentence) -> list[Frame]:
    """Each company listed as a customer is supplied by the company named: "its customers
    include A and B", "parmi les clients de X figurent A et B", "des services utilisés par
    de nombreuses entreprises telles que A, B et C"."""
    lex = S.lex
    nouns: frozenset[str] = lex.customer_nouns
    out: list[Frame] = []
    for tok in S.sent:
        if tok.pos_ != "NOUN":
            continue
        lemma = tok.lemma_.lower()
        supplier: Ref | None = None
        listed: list[Ref] = []
        if lemma in nouns:
            of = complement(tok, lex.holder_prepositions, lex)
            supplier = S.possessor(tok) or (S.ref_at.get(of.i) if of is not None else None)
            verb = _listing_verb(S, tok)
            listed = _listed(S, verb, tok) if verb is not None else _examples(S, tok)
        elif (
            lemma in lex.descriptions
            and tok.dep_ in ("obl:agent", "pobj")
            and tok.head.lemma_.lower() in lex.using_verbs | set(lex.agent_prepositions)
        ):
            verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head
            if verb.lemma_.lower() in lex.using_verbs:
                supplier = _provider(S, verb)
                listed = _examples(S, tok)
        if supplier is None or supplier.cluster is None:
            continue
        trigger = Trigger(tok, "supplier", False)
        for ref in listed:
            if ref.cluster is not supplier.cluster:
                out.append(Frame(trigger, ref, supplier, presupposed=True))
    return out


def list_frames(S: Sentence) -> list[Frame]:
    """Facts of every list construction of the sentence."""
    return candidate_frames(S) + holding_frames(S) + customer_frames(S)
