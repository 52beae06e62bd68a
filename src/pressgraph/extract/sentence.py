"""A sentence as frames read it: its references and complements, and the roles of its
verbs (who does what a verb says, what it acts on, to whom, a role named in the frame
lexicon)."""

from __future__ import annotations

from spacy.tokens import Token

from pressgraph.extract.complements import Complements
from pressgraph.extract.coref import Ref, governing_subject, left_ref
from pressgraph.extract.syntax import SUBJ, is_passive, prep_of

__all__ = ["Sentence"]


class Sentence(Complements):
    """A sentence with its references, and the role lookups that frames use."""

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
        if is_passive(verb):
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
            if c.dep_ == "nsubj" and not is_passive(verb):
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
            if auxes and not any(c.dep_ in SUBJ for c in verb.children):
                for c in verb.head.children:
                    if c.dep_ in SUBJ:
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
                if c.dep_ in SUBJ:
                    return self.first_ref(c)
        return None

    def patient(self, verb: Token) -> Ref | None:
        """What ``verb`` acts on."""
        detached = self.detached_participle(verb)
        if detached is not None:
            return detached
        if is_passive(verb):
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
