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

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pressgraph.extract.coref import Ref, governing_subject, left_ref
from pressgraph.extract.entities import Cluster
from pressgraph.lang import Lexicon
from pressgraph.model import Quantity

_OBL = (
    "obl",
    "obl:arg",
    "obl:mod",
    "obl:agent",
    "nmod",
    "iobj",
    "acl",
    "advcl",
    "prep",
    "pobj",
    "agent",
    "dative",
)
_SUBJ = ("nsubj", "nsubj:pass", "nsubjpass")
#: Fact types whose noun, modifying another noun, says nothing of a deal.
_MODIFIER_ONLY = frozenset({"investment", "acquisition", "divestment", "ipo", "valuation", "stake"})


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


def prep_of(tok: Token, lex: Lexicon) -> str:
    """The preposition introducing ``tok`` ("dans", "de", "à", "auprès de"...), or "";
    contracted forms give their preposition ("du" -> "de")."""
    if tok.dep_ in ("prep", "agent", "dative") and tok.pos_ == "ADP":
        # English trees hang the complement under its preposition: "in" -> pobj.
        return tok.lower_
    cases = [c for c in tok.children if c.dep_ in ("case", "mark") and c.i < tok.i]
    if not cases:
        if tok.head.dep_ in ("prep",) and tok.dep_ == "pobj":
            return tok.head.lower_
        return ""
    words = [lex.contractions.get(c.lower_, c.lower_) for c in cases]
    return " ".join(words)


def phrase_heads(complement: Token) -> list[Token]:
    """The noun phrase a prepositional complement stands for: under its preposition in
    English trees ("in" -> pobj), the complement itself in French ones ("dans Y")."""
    if complement.pos_ == "ADP":
        return [g for g in complement.children if g.dep_ == "pobj"]
    return [complement]


def complement(tok: Token, preps: Sequence[str], lex: Lexicon) -> Token | None:
    """The head of ``tok``'s complement introduced by one of ``preps``, read in the tree."""
    return next(
        (
            h
            for c in tok.children
            if c.dep_ in ("prep", "nmod") and prep_of(c, lex) in preps
            for h in phrase_heads(c)
        ),
        None,
    )


def _is_passive(verb: Token) -> bool:
    return any(
        c.dep_ in ("aux:pass", "nsubj:pass", "nsubjpass", "auxpass", "agent") for c in verb.children
    ) or (
        verb.dep_ == "acl"
        and "Part" in verb.morph.get("VerbForm", [])
        and "Past" in verb.morph.get("Tense", [])
        and not any(
            c.dep_ in ("nsubj", "aux") for c in verb.children
        )  # "X has sold", misparsed as acl
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
        self.percents: list[Quantity] = []  # the percentages read in the sentence
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
            if ref.kind == "pronoun" and self.doc[ref.start].lower_ in self.lex.plural_pronouns:
                subject = governing_subject(self.doc[ref.start], self.ref_at, self.lex)
                if subject is not None and subject is not ref:
                    members = self.expand(subject)
                    if len(members) > 1:
                        ref.members = members

    def _relatives(self) -> None:
        """A relative pronoun stands for its antecedent: "Sachs AG, which holds 96 pct of
        X", "Y, in which Z has a stake", "X, qui détient 20 % de Y"."""
        for tok in self.sent:
            if tok.i in self.ref_at or tok.lower_ not in self.lex.relative_pronouns:
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
                ref = next(
                    (
                        self.ref_at[c.i]
                        for c in antecedent.children
                        if c.dep_ == "appos" and c.i in self.ref_at
                    ),
                    None,
                )
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

    def phrase_ref(self, tok: Token) -> Ref | None:
        """``tok``'s reference, or the first one inside its own noun phrase ("20 % de Y",
        "l'entreprise Y", "les activités de Y"), not across prepositions that leave it
        ("l'offensive contre Y", "une hausse sur le site Y") or relative clauses."""
        ref = self.ref_at.get(tok.i)
        if ref is not None and ref.kind != "possessive":
            return ref
        queue = list(tok.children)
        while queue:
            t = queue.pop(0)
            if t.dep_ in ("acl:relcl", "advcl", "ccomp", "parataxis", "punct") or (
                t.dep_.startswith(("nmod", "obl"))
                and prep_of(t, self.lex) in self.lex.off_phrase_prepositions
            ):
                continue
            ref = self.ref_at.get(t.i)
            if ref is not None and ref.kind != "possessive":
                return ref
            queue.extend(t.children)
        # "la société Darty" with the name hung elsewhere by the parser: the name right after.
        j = tok.i + 1
        while j < self.sent.end and self.doc[j].pos_ == "ADJ":
            j += 1
        ref = self.ref_at.get(j)
        if (
            tok.pos_ == "NOUN"
            and tok.lemma_.lower() in self.lex.descriptions
            and ref is not None
            and ref.kind == "name"
            and ref.start == j
        ):
            return ref
        return None

    def described_name(self, i: int, *, limit: int = 6) -> Ref | None:
        """The name a descriptive noun phrase starting at token ``i`` ends with: "la
        start-up Norvala", "le fabricant de batteries Norvala", "the Norwegian battery
        maker Norvala". Determiners, adjectives and nouns are passed over, and "de/of +
        noun" complements, but one of the nouns must be a description noun of the lexicon
        ("fabricant", "maker", "start-up"), so "the plant Norvala" is no name."""
        described = False
        for j in range(i, min(i + limit, self.sent.end)):
            ref = self.ref_at.get(j)
            if ref is not None:
                if ref.kind == "name" and ref.start == j and described:
                    return ref
                return None
            t = self.doc[j]
            if t.pos_ in ("NOUN", "PROPN"):
                described = described or t.lemma_.lower() in self.lex.descriptions
            elif t.pos_ in ("DET", "ADJ", "NUM") or (
                t.pos_ == "ADP" and t.lower_ in self.lex.description_links
            ):
                continue
            else:
                return None
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
                if other is not None and t.dep_ == "appos" and other.kind != "name":
                    continue  # "X, le groupe de Z": an apposed description is X again
                if other is not None and other.start not in seen and other.kind != "possessive":
                    seen.add(other.start)
                    out.append(other)
                    stack.extend(
                        c for i in range(other.start, other.end) for c in self.doc[i].children
                    )
        # Linear coordination, for parses that miss it: "X et Y", "X, Y ou Z".
        for direction in (1, -1) if self.lex.parse_repair else ():
            edge = out[-1] if direction == 1 else out[0]
            while True:
                i = edge.end if direction == 1 else edge.start - 1
                if not (self.sent.start <= i < self.sent.end):
                    break
                if self.doc[i].lower_ not in self.lex.coordinators:
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
        """Whose ``tok`` is: "sa participation", "its stake", "X's stake"."""
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
            is_complement = c.dep_ in _OBL or c.dep_.startswith(("obl", "nmod"))
            if is_complement and prep_of(c, self.lex) in preps:
                # English: the complement hangs under its preposition ("with" -> pobj).
                objs = [g for g in c.children if g.dep_ == "pobj"] if c.pos_ == "ADP" else []
                if objs and objs[0].pos_ == "NOUN" and objs[0].i not in self.ref_at:
                    # "on its new plant", "in 75 pct of Y": read the phrase as an object;
                    # "from investors, including X": the names it lists.
                    ref = self.object_of(objs[0]) or self.first_ref(c)
                else:
                    head_ref = self.ref_at.get(objs[0].i) if objs else None
                    if head_ref is not None and head_ref.kind == "possessive":
                        head_ref = None
                    ref = head_ref or self.phrase_ref(c)
                if ref is not None:
                    return ref
            # "auprès de Z" parsed as an adverb with its own complement.
            for prep in preps:
                first, _, rest = prep.partition(" ")
                if rest and c.lower_ == first:
                    for g in c.children:
                        if prep_of(g, self.lex) == rest:
                            ref = self.first_ref(g)
                            if ref is not None:
                                return ref
        # Linear fallback: "PREP <name>" right after the trigger, within a few tokens.
        for i in range(tok.i + 1, min(tok.i + 8, self.sent.end)):
            t = self.doc[i]
            if t.is_punct and t.text not in ("'", "’", "%"):
                break
            contractions = self.lex.contractions
            low = contractions.get(t.lower_, t.lower_)
            two = (
                f"{low} {contractions.get(self.doc[i + 1].lower_, self.doc[i + 1].lower_)}"
                if i + 1 < self.sent.end
                else ""
            )
            if (low in preps or two in preps) and i + 1 < self.sent.end:
                j = i + 2 if two in preps else i + 1
                while j < self.sent.end and self.doc[j].pos_ == "DET":
                    j += 1
                ref = self.ref_at.get(j)
                if ref is not None and ref.kind != "possessive":
                    return ref
                ref = self.described_name(j)  # "in the battery maker X"
                if ref is not None:
                    return ref
        return None

    def share_owner(self, verb: Token) -> Ref | None:
        """The company a share belongs to: "21 % de Y", "le contrôle de Y", "une participation
        dans Y", "21 % de son capital" (the possessor, when it is not the taker itself)."""
        agent = self.agent(verb)
        for obj in (c for c in verb.children if c.dep_ in ("obj", "dobj")):
            for c in obj.children:
                ref = (
                    self.phrase_ref(c)
                    if c.dep_.startswith("nmod")
                    and prep_of(c, self.lex) in self.lex.share_prepositions
                    else None
                )
                if ref is not None and ref.kind != "possessive":
                    return ref
                if (
                    c.dep_.startswith("nmod")
                    and prep_of(c, self.lex) in self.lex.of_prepositions
                    and any(
                        d.dep_ == "det" and d.lower_ in self.lex.possessives for d in c.children
                    )
                ):
                    # "21 % de son capital": whose capital, if not the taker's own? The
                    # possessor, else the latest other company named before.
                    poss = self.possessor(c)
                    taker = agent.cluster if agent is not None else None
                    if (
                        poss is not None
                        and poss.cluster is not taker
                        and poss.cluster is not None
                        and poss.cluster.label != "PLACE"
                    ):
                        return poss
                    for ref in sorted(self.refs, key=lambda r: -r.start):
                        if (
                            ref.start < verb.i
                            and ref.kind == "name"
                            and ref.cluster is not taker
                            and ref.cluster is not None
                            and ref.cluster.label != "PLACE"
                        ):
                            return ref
        stake = any(
            c.dep_ in ("obj", "dobj") and c.lemma_.lower() in self.lex.stake_nouns
            for c in verb.children
        )
        return (
            self.with_prep(verb, self.lex.held_prepositions) if stake else None
        )  # "prendre une participation ... dans Y"

    def antecedent(self, noun: Token) -> Ref | None:
        """What a relative clause hangs on: a name, or the name a noun is apposed to
        ("X, la première banque du Japon, qui...") or that is apposed to it."""
        ref = self.ref_at.get(noun.i)
        if ref is not None and ref.kind == "name":
            return ref
        while noun.dep_ == "nmod" and noun.head.pos_ == "NOUN":
            noun = noun.head  # "l'opérateur du pays, qui": the clause is the operator's
        own = self.ref_at.get(noun.i)
        if own is not None and own.kind == "name":
            return own
        if noun.dep_ == "appos" and noun.head.i in self.ref_at:
            return self.ref_at[noun.head.i]
        for c in noun.children:
            if (
                c.dep_ in ("appos", "flat:name", "nmod")
                and c.i in self.ref_at
                and 0 < c.i - noun.i <= 3
                and self.ref_at[c.i].kind == "name"
                and not any(g.dep_ == "case" for g in c.children)
            ):
                return self.ref_at[c.i]
        # Linear: ", <name>, la première banque du Japon, qui": the name before the comma.
        j = noun.i - 1
        while j > self.sent.start and self.doc[j].pos_ in ("DET", "ADJ", "NUM"):
            j -= 1
        if self.doc[j].text == ",":
            k = j - 1
            if self.doc[k].text == ")":  # "X (XX), la banque, qui": skip the acronym
                while k > self.sent.start and self.doc[k].text != "(":
                    k -= 1
                k -= 1
            ref = self.ref_at.get(k)
            if ref is not None and ref.kind == "name":
                return ref
        return own if own is not None and own.kind == "description" else None

    def agent(self, verb: Token) -> Ref | None:
        """Who does what ``verb`` says."""
        if _is_passive(verb):
            ref = self.with_prep(verb, self.lex.agent_prepositions)
            if ref is not None:
                return ref
            if any(c.dep_ in ("nsubj:pass", "nsubjpass") for c in verb.children):
                return None  # "les actions de X seront cédées": what is sold, by no one named
        if (
            verb.dep_ == "acl"
            and verb.head.pos_ == "NOUN"
            and not any(c.dep_.startswith("nsubj") for c in verb.children)
        ):
            owner = self.possessor(verb.head)  # "its application to acquire Y": its owner buys
            if owner is not None:
                return owner
        for c in verb.children:
            if c.dep_ == "nsubj" and not _is_passive(verb):
                ref = self.first_ref(c, skip_possessive=False)
                if ref is not None:
                    return ref
                if "Rel" in c.morph.get("PronType", []) and verb.dep_ == "acl:relcl":
                    ref = self.antecedent(verb.head)
                    if ref is not None:
                        return ref  # "Y, la première banque du Japon, qui déboursera..."
                elif (
                    c.pos_ == "NOUN"
                    and c.i < verb.i
                    and not any(
                        g.dep_ in ("nmod", "appos", "flat:name") and g.i in self.ref_at
                        for g in c.children
                    )
                ):
                    return None  # "les autorités américaines prendre...": a subject, no entity
        if (
            verb.dep_ in ("xcomp", "advcl", "ccomp", "acl", "conj", "acl:relcl")
            and verb.head.i != verb.i
        ):
            head = verb.head
            if verb.dep_ == "xcomp":
                for c in head.children:
                    if (
                        c.dep_ in ("obl:arg", "iobj")
                        and prep_of(c, self.lex) in (*self.lex.dative_prepositions, "")
                        and c.i in self.ref_at
                    ):
                        return self.ref_at[c.i]
            if (
                verb.dep_ == "acl"
                and head.pos_ in ("NOUN", "PROPN")
                and "Inf" in verb.morph.get("VerbForm", [])
                and not any(c.dep_ == "mark" for c in verb.children)
            ):
                return self.antecedent(head)  # "voir les autorités prendre...": the seen does it
            if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                ref = self.with_prep(head, self.lex.infinitive_agent_prepositions)
                if ref is not None and ref.start < verb.i:
                    return ref
                # "sa volonté de racheter Y": the possessor wants, so buys.
                poss = self.possessor(head)
                if poss is not None and any(c.dep_ == "mark" for c in verb.children):
                    return poss
            if head.pos_ in ("VERB", "AUX"):
                return self.agent(head)
        return governing_subject(verb, self.ref_at, self.lex) or left_ref(
            verb, self.ref_at, self.lex
        )

    def detached_participle(self, verb: Token) -> Ref | None:
        """What a bare past participle describes: "Y, valorisé à N", "Valorisé à N, Y a...",
        "Y ... et avait été racheté par X" (the subject of the verb it is coordinated with)."""
        if "Part" not in verb.morph.get("VerbForm", []) or "Past" not in verb.morph.get(
            "Tense", []
        ):
            return None
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            if auxes and not any(c.dep_ in _SUBJ for c in verb.children):
                for c in verb.head.children:
                    if c.dep_ in _SUBJ:
                        return self.first_ref(c)
            return None
        if auxes or verb.dep_ not in ("acl", "advcl", "appos", "ROOT"):
            return None
        if verb.head.i in self.ref_at and verb.head.i != verb.i:
            return self.ref_at[verb.head.i]
        head = verb.head
        if verb.dep_ == "acl" and head.dep_ == "appos" and head.head.i in self.ref_at:
            return self.ref_at[head.head.i]  # "Y, la plate-forme détenue par X"
        if verb.dep_ == "acl" and head.pos_ == "NOUN":
            # "l'application Y acquise par X": the name apposed to the noun, with no preposition
            # ("les activités de Y cédées à X" are Y's assets, not Y).
            for c in head.children:
                ref = self.ref_at.get(c.i)
                if (
                    c.i < verb.i
                    and c.dep_ in ("nmod", "appos", "flat:name", "amod")
                    and ref is not None
                    and ref.kind == "name"
                    and not any(g.dep_ == "case" for g in c.children)
                ):
                    return ref
        i = verb.i - 1
        if i > self.sent.start and self.doc[i].text == ",":
            ref = self.ref_at.get(i - 1)
            if ref is not None and ref.kind == "name":
                return ref
        # "Y, la plate-forme de vidéos détenue par X": back across the apposed noun phrase.
        j = verb.i - 1
        while j > self.sent.start and verb.i - j <= 10 and self.doc[j].text != ",":
            if self.doc[j].pos_ in ("VERB", "AUX") or j in self.ref_at:
                j = self.sent.start
                break
            j -= 1
        if j > self.sent.start and self.doc[j].text == "," and j + 1 < verb.i:
            ref = self.ref_at.get(j - 1)
            if ref is not None and ref.kind == "name" and self.doc[j + 1].pos_ == "DET":
                return ref
        first = self.sent.start
        while first < verb.i and (self.doc[first].is_punct or self.doc[first].pos_ == "ADV"):
            first += 1
        if first == verb.i and verb.head.i != verb.i:
            # Sentence-initial participle: it describes the subject of the main clause.
            for c in verb.head.children:
                if c.dep_ in _SUBJ:
                    return self.first_ref(c)
        return None

    def patient(self, verb: Token) -> Ref | None:
        """What ``verb`` acts on."""
        detached = self.detached_participle(verb)
        if detached is not None:
            return detached
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
                ref = self.object_of(c)
                if ref is None and c.pos_ == "NOUN" and c.lemma_.lower() in self.lex.descriptions:
                    # "rachète le fabricant de batteries X", the name hung elsewhere
                    ref = self.described_name(c.left_edge.i)
                return ref
        # Linear fallback: the first name right after the verb.
        for i in range(verb.i + 1, min(verb.i + 4, self.sent.end) if self.lex.parse_repair else 0):
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
        share = obj.lemma_.lower() in self.lex.share_nouns or obj.text in self.lex.share_nouns
        if not share and obj.lemma_.lower() in self.lex.asset_nouns:
            owned = self.asset(obj)  # "the plastic container business of Monsanto"
            if owned is not None:
                return owned
        for c in obj.children:
            is_complement = c.dep_ in _OBL or c.dep_.startswith(("obl", "nmod"))
            if is_complement and prep_of(c, self.lex) in self.lex.share_prepositions:
                objs = phrase_heads(c)
                ref = self.first_ref(objs[0]) if objs else None
                if ref is not None:
                    return ref
        for c in obj.children:  # "un autre groupe d'édition : X", "le groupe LVMH"
            if c.dep_ in ("appos", "flat:name") or (c.dep_ == "nmod" and not prep_of(c, self.lex)):
                ref = self.ref_at.get(c.i)
                if ref is not None and ref.kind == "name":
                    return ref
        if not share:
            return self.asset(obj)
        for c in obj.children:  # "500,000 shares, or 6.1 pct, of Y"
            if c.dep_ in ("appos", "conj") and (
                c.lemma_.lower() in self.lex.share_nouns or c.text in self.lex.share_nouns
            ):
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
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lex.asset_nouns:
            return None
        owner: Ref | None = None
        for c in noun.children:
            ref = self.ref_at.get(c.i)
            if (
                c.dep_ in ("poss", "det")
                and ref is not None
                and ref.kind == "possessive"
                or c.dep_ in ("poss", "compound")
                and ref is not None
                and ref.kind == "name"
            ):
                owner = ref
            elif (c.dep_ == "prep" or c.dep_.startswith("nmod")) and prep_of(
                c, self.lex
            ) in self.lex.of_prepositions:
                inner = self.first_ref(c)
                if inner is not None and inner.kind == "name":
                    owner = inner
            if owner is not None:
                break
        if owner is None:
            return None
        end = noun.i + 1
        for c in noun.children:
            if c.i > noun.i and (
                c.dep_ in ("amod", "compound")
                or (
                    (c.dep_ == "prep" or c.dep_.startswith("nmod"))
                    and prep_of(c, self.lex) in self.lex.asset_prepositions
                )
            ):
                end = max(end, c.right_edge.i + 1)
        start = noun.left_edge.i
        while start < noun.i and self.doc[start].pos_ in ("ADP", "PUNCT", "SPACE"):
            start += 1
        cut = next(
            (k for k in range(noun.i + 1, end) if self.doc[k].is_punct and self.doc[k].text != "-"),
            end,
        )
        end = cut  # "its park in Shanghai, which opened in 2016": up to the comma
        span = self.doc[start:end]
        kept = ("-", "'", *self.lex.possessive_clitics)
        if any(t.is_punct and t.text not in kept for t in span) or len(span) > 8:
            return None
        cluster = Cluster(name=span.text, label="PRODUCT", outlet=False, owner=owner.cluster)
        if owner.kind == "name":
            self.asset_owners[id(cluster)] = owner
        cluster.aliases.add(span.text)
        self.assets.append(cluster)
        return Ref(
            span.start, span.end, "description", cluster, span.text, span.start_char, span.end_char
        )

    def dative(self, verb: Token) -> Ref | None:
        for c in verb.children:
            ref = self.ref_at.get(c.i)
            if (
                ref is not None
                and ref.kind == "pronoun"
                and not (c.dep_.startswith("nsubj") and c.lower_ in self.lex.subject_pronouns)
            ):
                return ref
            datives = (*self.lex.dative_prepositions, "")
            if (c.dep_.startswith("obl") or c.dep_ in ("iobj", "dative")) and prep_of(
                c, self.lex
            ) in datives:
                if c.dep_.startswith("obl") and prep_of(c, self.lex) == "":
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
            elif part == "share":
                ref = self.share_owner(tok)
            elif part:
                ref = self.with_prep(tok, (part,))
            else:
                ref = None
            if ref is not None:
                return ref
        return None


def find_triggers(sent: Span, lex: Lexicon) -> Iterator[Trigger]:
    """Deal verbs and nouns of ``sent``."""
    verbs = lex.verb_frames
    nouns = lex.noun_frames
    multi = sorted((k for k in nouns if " " in k or "'" in k), key=len, reverse=True)
    doc = sent.doc
    skip_to = sent.start
    for tok in sent:
        if tok.i < skip_to:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            reflexive = any(c.lower_ in lex.reflexive_pronouns for c in tok.children)
            particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
            key = f"s'{lemma}" if reflexive and f"s'{lemma}" in verbs else lemma
            if particle is not None:
                # Phrasal verbs are frames of their own ("take over", "sell off"): "build up a
                # stake" builds nothing.
                key = f"{lemma} {particle}" if f"{lemma} {particle}" in verbs else ""
            if key in verbs:
                ftype, subj, obj = verbs[key]
                yield Trigger(tok, ftype, True, 1, subj, obj)
            elif lemma in lex.share_verbs and any(
                c.dep_ in ("obj", "dobj")
                and (c.lemma_.lower() in lex.share_nouns or c.lower_ in lex.share_nouns)
                for c in tok.children
            ):
                yield Trigger(tok, lex.share_verbs[lemma], True, 1, "agent", "share")
            elif lemma in lex.legal_form_verbs:
                yield Trigger(tok, "legal_form", True, 1, "agent", "")
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "X", "ADJ"):
            continue
        if _kind_of(tok, lex):
            continue  # "un fonds d'investissement" names a kind of company, not a deal
        rest = doc[tok.i : min(tok.i + 6, sent.end)].text
        matched = next(
            (m for m in multi if rest.startswith(m) or rest.lower().startswith(m.lower())), None
        )
        if matched:
            width = len(
                doc.char_span(tok.idx, tok.idx + len(matched), alignment_mode="expand") or [tok]
            )
            yield Trigger(tok, nouns[matched], False, width)
            skip_to = tok.i + width
        elif lemma in nouns or tok.text in nouns:
            ftype = nouns.get(lemma) or nouns[tok.text]
            if lemma in lex.singular_only_nouns and "Plur" in tok.morph.get("Number", []):
                continue  # "net sales" are revenue, not a sale
            if (
                tok.dep_ == "compound"
                and ftype in _MODIFIER_ONLY
                and lemma not in lex.investor_nouns
                and lemma not in lex.subsidiary_nouns
            ):  # "Schneider SA subsidiary Jeumont-Schneider"
                continue  # "the final investment decision", "acquisition strategy"
            head = tok.head
            if (
                tok.dep_ == "compound"
                and head.pos_ == "NOUN"
                and head.i > tok.i
                and (head.lemma_.lower() in nouns or head.text in nouns)
            ):
                continue  # "merger talks": the talks are the fact, the merger their topic
            yield Trigger(tok, ftype, False)
        else:
            role = _role_noun(doc, tok, sent.end, lex)
            if role is not None:
                ftype, width = role
                yield Trigger(tok, ftype, False, width)
                skip_to = tok.i + width


def _kind_of(tok: Token, lex: Lexicon) -> bool:
    """True for a bare "de <noun>" complement of a kind noun ("fonds d'investissement")."""
    if tok.dep_ != "nmod" or tok.head.lemma_.lower() not in lex.kind_heads:
        return False
    return tok.i > tok.head.i and not any(c.dep_ == "det" for c in tok.children)


@functools.cache
def role_nouns(lex: Lexicon) -> dict[str, str]:
    """Nouns of roles in organisations, lower-cased, to their fact type ("pdg" -> leadership)."""
    out = {k.lower(): "leadership" for k in lex.leadership_roles}
    out.update({k.lower(): "founder" for k in lex.founder_nouns})
    return out


def _role_noun(doc: Doc, tok: Token, end: int, lex: Lexicon) -> tuple[str, int] | None:
    """(fact type, width) when a role noun starts at ``tok`` ("directeur général", "PDG")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    roles = role_nouns(lex)
    rest = doc[tok.i : min(tok.i + 5, end)].text.lower()
    for key in sorted((k for k in roles if " " in k or "-" in k), key=len, reverse=True):
        if rest.startswith(key) and (len(rest) == len(key) or not rest[len(key)].isalnum()):
            span = doc.char_span(tok.idx, tok.idx + len(key), alignment_mode="expand")
            return roles[key], len(span) if span is not None else 1
    for word in (tok.lower_, tok.lemma_.lower()):
        if word in roles:
            return roles[word], 1
    # "le groupe de Warren Buffett", "l'entreprise de Mark Zuckerberg": a company told by
    # the person at its head.
    if (
        tok.lemma_.lower() in lex.descriptions
        and tok.i + 2 < end
        and doc[tok.i + 1].lower_ in lex.owner_links
        and doc[tok.i + 2].pos_ == "PROPN"
        and doc[tok.i - 1].pos_ == "DET"
    ):
        return "leadership", 1
    return None
