"""Fact frames: triggers (deal verbs and nouns) and the roles that fill them.

A trigger is a verb or a noun of the language's frame lexicon. Its roles are read from
the parse, through entity spans as units (any token of a name that depends on the trigger
stands for the name): the verb's subject (or the controller of an infinitive, "permettre à
X de"; or "par X" in the passive), its object, its prepositional complements ("dans Y",
"avec Y", "auprès de Z"), and for nouns their complements ("de Y", "par X", "entre X et
Y"), possessive determiners, and the subject or dative of the verb that governs the noun.
Coordinated names ("Safran, Thales ou Dassault") give one fact each.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pressgraph.extract.coref import Ref, governing_subject, left_ref
from pressgraph.extract.entities import Cluster
from pressgraph.lang import Lexicon

_OBL = ("obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj", "acl", "advcl", "prep", "pobj", "agent", "dative")
_SUBJ = ("nsubj", "nsubj:pass", "nsubjpass")
#: Fact types whose noun, modifying another noun, says nothing of a deal.
_MODIFIER_ONLY = frozenset({"investment", "acquisition", "divestment", "ipo", "valuation", "stake"})
_ELISION = {"d'": "de", "d’": "de", "du": "de", "des": "de", "au": "à", "aux": "à"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that announces a fact: its token, fact type, and whether it is a verb frame."""

    token: Token
    type: str
    verbal: bool
    width: int = 1  # tokens covered by a multi-word noun trigger
    subject_role: str = ""
    object_role: str = ""


@dataclass(frozen=True, slots=True)
class Frame:
    """A trigger with its parties; attributes are read later from the sentence."""

    trigger: Trigger
    subject: Ref
    object: Ref | None
    role: str | None = None
    value: str | None = None
    presupposed: bool = False
    modality: str | None = None  # set by the frame itself ("former CEO": negated)
    percent: float | None = None  # given by words, not figures ("wholly owned": 100)


def prep_of(tok: Token) -> str:
    """The preposition introducing ``tok`` ("dans", "de", "à", "auprès de"...), or ""."""
    if tok.dep_ in ("prep", "agent", "dative") and tok.pos_ == "ADP":
        # English trees hang the complement under its preposition: "in" -> pobj.
        return tok.lower_
    cases = [c for c in tok.children if c.dep_ in ("case", "mark") and c.i < tok.i]
    if not cases:
        if tok.head.dep_ in ("prep",) and tok.dep_ == "pobj":
            return tok.head.lower_
        return ""
    words = [_ELISION.get(c.lower_, c.lower_) for c in cases]
    return " ".join(words)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "nsubjpass", "auxpass", "agent") for c in verb.children) or (
        verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)  # "X has sold", misparsed as acl
    )


class Sentence:
    """A sentence with its references, and the role lookups that frames use."""

    def __init__(self, sent: Span, refs: Sequence[Ref], lex: Lexicon, blocked: set[int]):
        self.sent = sent
        self.doc = sent.doc
        self.lex = lex
        self.refs = [r for r in refs if r.cluster is not None and r.start not in blocked]
        self.topic: Ref | None = None  # the organisation the article is about, so far
        self.investee: Ref | None = None  # the latest company said to raise money
        self.raised: Ref | None = None  # a company that raises money in this sentence
        self.trigger_chars: list[int] = []  # offsets of the sentence's deal words
        self.assets: list[Cluster] = []  # entities named by an owned common noun
        self.asset_owners: dict[int, Ref] = {}  # id(asset cluster) -> its owner's name
        self.ref_at: dict[int, Ref] = {}
        for ref in self.refs:
            for i in range(ref.start, ref.end):
                self.ref_at[i] = ref
        self._relatives()
        self._plural_pronouns()

    def _plural_pronouns(self) -> None:
        """ "A and B said they agreed to merge": "they" stands for A and B."""
        for ref in self.refs:
            if ref.kind == "pronoun" and self.doc[ref.start].lower_ in self.lex.PLURAL_PRONOUNS:
                subject = governing_subject(self.doc[ref.start], self.ref_at)
                if subject is not None and subject is not ref:
                    members = self.expand(subject)
                    if len(members) > 1:
                        ref.members = members

    def _relatives(self) -> None:
        """A relative pronoun stands for its antecedent: "Sachs AG, which holds 96 pct of
        X", "Y, in which Z has a stake", "X, qui détient 20 % de Y"."""
        for tok in self.sent:
            if tok.i in self.ref_at or tok.lower_ not in self.lex.RELATIVE_PRONOUNS:
                continue
            if tok.pos_ not in ("PRON", "DET"):
                continue
            clause = next((a for a in tok.ancestors if a.dep_ in ("relcl", "acl:relcl")), None)
            if clause is None or not (clause.left_edge.i <= tok.i):
                continue
            antecedent = clause.head
            ref = self.ref_at.get(antecedent.i)
            if ref is None:
                # "a holding company, X, which ...": the antecedent's apposed name.
                ref = next((self.ref_at[c.i] for c in antecedent.children
                            if c.dep_ == "appos" and c.i in self.ref_at), None)
            if ref is not None and ref.kind != "possessive" and antecedent.i < tok.i:
                self.ref_at[tok.i] = ref

    # -- finding references ----------------------------------------------------------
    def ref_of(self, tok: Token) -> Ref | None:
        return self.ref_at.get(tok.i)

    def first_ref(self, tok: Token, *, skip_possessive: bool = True) -> Ref | None:
        """``tok``'s reference, or the first reference in its subtree (in text order)."""
        ref = self.ref_at.get(tok.i)
        if ref is not None and not (skip_possessive and ref.kind == "possessive"):
            return ref
        for t in tok.subtree:
            ref = self.ref_at.get(t.i)
            if ref is not None and not (skip_possessive and ref.kind == "possessive"):
                return ref
        return None

    def expand(self, ref: Ref) -> list[Ref]:
        """A reference and the references coordinated with it ("X, Y ou Z")."""
        if ref.members:
            return list(ref.members)
        out = [ref]
        stack = [t for i in range(ref.start, ref.end) for t in self.doc[i].children]
        seen = {ref.start}
        while stack:
            t = stack.pop(0)
            if t.dep_ in ("conj", "appos") or (t.dep_ == "flat:name" and t.i not in self.ref_at):
                other = self.ref_at.get(t.i)
                if other is not None and other.start not in seen and other.kind != "possessive":
                    seen.add(other.start)
                    out.append(other)
                    stack.extend(c for i in range(other.start, other.end) for c in self.doc[i].children)
        # Linear coordination, for parses that miss it: "X et Y", "X, Y ou Z".
        for direction in (1, -1) if self.lex.PARSE_REPAIR else ():
            edge = out[-1] if direction == 1 else out[0]
            while True:
                i = edge.end if direction == 1 else edge.start - 1
                if not (self.sent.start <= i < self.sent.end):
                    break
                if self.doc[i].lower_ not in self.lex.COORDINATORS:
                    break
                j = i + 1 if direction == 1 else i - 1
                nxt = self.ref_at.get(j)
                if nxt is None or nxt.kind != "name" or nxt.start in seen:
                    break
                seen.add(nxt.start)
                out.append(nxt)
                out.sort(key=lambda r: r.start)
                edge = nxt
        return sorted(out, key=lambda r: r.start)

    def all_refs(self, tok: Token) -> list[Ref]:
        """Every non-possessive reference in ``tok``'s subtree, in text order."""
        seen: list[Ref] = []
        for t in tok.subtree:
            ref = self.ref_at.get(t.i)
            if ref is not None and ref.kind != "possessive" and ref not in seen:
                seen.append(ref)
        return seen

    def possessor(self, tok: Token) -> Ref | None:
        """Whose ``tok`` is: "sa participation", "its stake", "Microsoft's stake"."""
        for c in tok.children:
            ref = self.ref_at.get(c.i)
            if ref is None:
                continue
            if c.dep_ in ("det", "poss") and ref.kind == "possessive":
                return ref
            if c.dep_ == "poss" and ref.kind in ("name", "description"):
                return ref
        return None

    def with_prep(self, tok: Token, preps: Sequence[str]) -> Ref | None:
        """The reference among ``tok``'s complements introduced by one of ``preps``."""
        for c in tok.children:
            if c.dep_ in _OBL or c.dep_.startswith(("obl", "nmod")):
                if prep_of(c) in preps:
                    # English: the complement hangs under its preposition ("with" -> pobj).
                    objs = [g for g in c.children if g.dep_ == "pobj"] if c.pos_ == "ADP" else []
                    if objs and objs[0].pos_ == "NOUN" and objs[0].i not in self.ref_at:
                        # "on its new plant", "in 75 pct of Y": read the phrase as an object.
                        ref = self.object_of(objs[0])
                    else:
                        head_ref = self.ref_at.get(objs[0].i) if objs else None
                        if head_ref is not None and head_ref.kind == "possessive":
                            head_ref = None
                        ref = head_ref or self.first_ref(c)
                    if ref is not None:
                        return ref
        # Linear fallback: "PREP <name>" right after the trigger, within a few tokens.
        for i in range(tok.i + 1, min(tok.i + 8, self.sent.end)):
            t = self.doc[i]
            if t.is_punct and t.text not in ("'", "’"):
                break
            low = _ELISION.get(t.lower_, t.lower_)
            if low in preps and i + 1 < self.sent.end:
                j = i + 1
                while j < self.sent.end and self.doc[j].pos_ == "DET":
                    j += 1
                ref = self.ref_at.get(j)
                if ref is not None and ref.kind != "possessive":
                    return ref
        return None

    def agent(self, verb: Token) -> Ref | None:
        """Who does what ``verb`` says."""
        if _is_passive(verb):
            ref = self.with_prep(verb, ("par", "by"))
            if ref is not None:
                return ref
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and not any(c.dep_.startswith("nsubj") for c in verb.children):
            owner = self.possessor(verb.head)  # "its application to acquire Y": its owner buys
            if owner is not None:
                return owner
        for c in verb.children:
            if c.dep_ == "nsubj" and not _is_passive(verb):
                ref = self.first_ref(c, skip_possessive=False)
                if ref is not None:
                    return ref
        if verb.dep_ in ("xcomp", "advcl", "ccomp", "acl", "conj", "acl:relcl") and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "xcomp":
                for c in head.children:
                    if c.dep_ in ("obl:arg", "iobj") and prep_of(c) in ("à", "") and c.i in self.ref_at:
                        return self.ref_at[c.i]
            if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                ref = self.with_prep(head, ("de",))
                if ref is not None and ref.start < verb.i:
                    return ref
            if head.pos_ in ("VERB", "AUX"):
                return self.agent(head)
        return governing_subject(verb, self.ref_at) or left_ref(verb, self.ref_at)

    def patient(self, verb: Token) -> Ref | None:
        """What ``verb`` acts on."""
        if _is_passive(verb):
            for c in verb.children:
                if c.dep_ in ("nsubj:pass", "nsubjpass", "nsubj"):
                    ref = self.first_ref(c)
                    if ref is not None:
                        return ref
            if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
                return self.agent(verb.head)  # "X agreed to be acquired by Y"
            if verb.dep_ == "acl" and verb.head.i in self.ref_at:
                return self.ref_at[verb.head.i]
        for c in verb.children:
            if c.dep_ in ("obj", "dobj"):
                return self.object_of(c)
        # Linear fallback: the first name right after the verb.
        for i in range(verb.i + 1, min(verb.i + 4, self.sent.end) if self.lex.PARSE_REPAIR else 0):
            ref = self.ref_at.get(i)
            if ref is not None and ref.kind == "name":
                return ref
            if self.doc[i].pos_ not in ("DET", "ADV", "ADJ", "SPACE"):
                break
        return None

    def object_of(self, obj: Token) -> Ref | None:
        """The entity a verb's object phrase names: the object itself ("buys Y"), or what a
        share noun measures ("75 pct of Y", "a stake in Y", "Y shares"). An asset owned by
        an entity is not that entity: "bought the Nortel patents" does not buy Nortel."""
        ref = self.ref_at.get(obj.i)
        if ref is not None:
            return ref if ref.kind != "possessive" else None
        if obj.pos_ not in ("NOUN", "NUM", "SYM", "X"):
            return self.first_ref(obj)
        share = obj.lemma_.lower() in self.lex.SHARE_NOUNS or obj.text in self.lex.SHARE_NOUNS
        if not share and obj.lemma_.lower() in self.lex.ASSET_NOUNS:
            owned = self.asset(obj)  # "the plastic container business of Monsanto"
            if owned is not None:
                return owned
        for c in obj.children:
            if c.dep_ in _OBL or c.dep_.startswith(("obl", "nmod")):
                if prep_of(c) in self.lex.SHARE_PREPOSITIONS:
                    objs = [g for g in c.children if g.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
                    ref = self.first_ref(objs[0]) if objs else None
                    if ref is not None:
                        return ref
        for c in obj.children:  # "un autre groupe d'édition : X", "le groupe LVMH"
            if c.dep_ in ("appos", "flat:name") or (c.dep_ == "nmod" and not prep_of(c)):
                ref = self.ref_at.get(c.i)
                if ref is not None and ref.kind == "name":
                    return ref
        if not share:
            return self.asset(obj)
        for c in obj.children:  # "500,000 shares, or 6.1 pct, of Y"
            if c.dep_ in ("appos", "conj") and (c.lemma_.lower() in self.lex.SHARE_NOUNS or c.text in self.lex.SHARE_NOUNS):
                ref = self.object_of(c)
                if ref is not None:
                    return ref
        for c in obj.children:  # "Kwik Save shares", "the bank's stake"
            if c.dep_ in ("compound", "poss", "nmod") and c.i in self.ref_at:
                ref = self.ref_at[c.i]
                if ref.kind in ("name",):
                    return ref
        return self.asset(obj)

    def asset(self, noun: Token) -> Ref | None:
        """An asset named by a common noun that an entity owns: "its enterprise business",
        "the Nortel patents", "its office building in Sydney", "sa division pharmacie". The
        phrase as written becomes an entity of its own (a product or unit), owned by no
        name: what is bought or sold is the asset, not its owner."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lex.ASSET_NOUNS:
            return None
        owner: Ref | None = None
        for c in noun.children:
            ref = self.ref_at.get(c.i)
            if c.dep_ in ("poss", "det") and ref is not None and ref.kind == "possessive":
                owner = ref
            elif c.dep_ in ("poss", "compound") and ref is not None and ref.kind == "name":
                owner = ref
            elif (c.dep_ == "prep" or c.dep_.startswith("nmod")) and prep_of(c) in ("of", "de"):
                inner = self.first_ref(c)
                if inner is not None and inner.kind == "name":
                    owner = inner
            if owner is not None:
                break
        if owner is None:
            return None
        end = noun.i + 1
        for c in noun.children:
            if c.i > noun.i and (c.dep_ in ("amod", "compound") or (
                (c.dep_ == "prep" or c.dep_.startswith("nmod")) and prep_of(c) in self.lex.ASSET_PREPOSITIONS
            )):
                end = max(end, c.right_edge.i + 1)
        start = noun.left_edge.i
        while start < noun.i and self.doc[start].pos_ in ("ADP", "PUNCT", "SPACE"):
            start += 1
        span = self.doc[start:end]
        if any(t.is_punct and t.text not in ("-", "'s", "’s", "'") for t in span) or len(span) > 8:
            return None
        cluster = Cluster(name=span.text, label="PRODUCT", outlet=False, owner=owner.cluster)
        if owner.kind == "name":
            self.asset_owners[id(cluster)] = owner
        cluster.aliases.add(span.text)
        self.assets.append(cluster)
        return Ref(span.start, span.end, "description", cluster, span.text, span.start_char, span.end_char)

    def dative(self, verb: Token) -> Ref | None:
        for c in verb.children:
            ref = self.ref_at.get(c.i)
            if ref is not None and ref.kind == "pronoun" and not (
                c.dep_.startswith("nsubj") and c.lower_ in self.lex.SUBJECT_PRONOUNS
            ):
                return ref
            if (c.dep_.startswith("obl") or c.dep_ in ("iobj", "dative")) and prep_of(c) in ("à", "to", ""):
                if c.dep_.startswith("obl") and prep_of(c) == "":
                    continue
                ref = self.first_ref(c)
                if ref is not None:
                    return ref
        return None

    def governing_verb(self, tok: Token) -> Token | None:
        t = tok
        while t.head.i != t.i:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                return t
        return None

    def role(self, tok: Token, spec: str) -> Ref | None:
        """Fill a role by its name in the frame lexicon ("agent", "dans+en+patient"...)."""
        for part in spec.split("+"):
            if part == "agent":
                ref = self.agent(tok)
            elif part == "patient":
                ref = self.patient(tok)
            elif part == "dative":
                ref = self.dative(tok)
            elif part:
                ref = self.with_prep(tok, (part,))
            else:
                ref = None
            if ref is not None:
                return ref
        return None


def find_triggers(sent: Span, lex: Lexicon) -> Iterator[Trigger]:
    """Deal verbs and nouns of ``sent``."""
    verbs = lex.VERB_FRAMES
    nouns = lex.NOUN_FRAMES
    multi = sorted((k for k in nouns if " " in k or "'" in k), key=len, reverse=True)
    doc = sent.doc
    skip_to = sent.start
    for tok in sent:
        if tok.i < skip_to:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            reflexive = any(c.lower_ in ("se", "s'", "s’") for c in tok.children)
            particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
            key = f"s'{lemma}" if reflexive and f"s'{lemma}" in verbs else lemma
            if particle is not None:
                # Phrasal verbs are frames of their own ("take over", "sell off"): "build up a
                # stake" builds nothing.
                key = f"{lemma} {particle}" if f"{lemma} {particle}" in verbs else ""
            if key in verbs:
                ftype, subj, obj = verbs[key]
                yield Trigger(tok, ftype, True, 1, subj, obj)
            elif lemma in lex.LEGAL_FORM_VERBS:
                yield Trigger(tok, "legal_form", True, 1, "agent", "")
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "X", "ADJ"):
            continue
        rest = doc[tok.i : min(tok.i + 6, sent.end)].text
        matched = next((m for m in multi if rest.startswith(m) or rest.lower().startswith(m.lower())), None)
        if matched:
            width = len(doc.char_span(tok.idx, tok.idx + len(matched), alignment_mode="expand") or [tok])
            yield Trigger(tok, nouns[matched], False, width)
            skip_to = tok.i + width
        elif lemma in nouns or tok.text in nouns:
            ftype = nouns.get(lemma) or nouns[tok.text]
            if lemma in lex.SINGULAR_ONLY_NOUNS and "Plur" in tok.morph.get("Number"):
                continue  # "net sales" are revenue, not a sale
            if tok.dep_ == "compound" and ftype in _MODIFIER_ONLY and lemma not in lex.INVESTOR_NOUNS:
                continue  # "the final investment decision", "acquisition strategy"
            yield Trigger(tok, ftype, False)
