"""The references of a sentence (names, descriptions, pronouns) and the lookups over them:
the reference of a token, of a phrase, the names coordinated with one, whose a noun is."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from pressgraph.extract.coref import Ref, governing_subject
from pressgraph.extract.entities import Cluster
from pressgraph.extract.syntax import prep_of
from pressgraph.lang import Lexicon
from pressgraph.model import Quantity

__all__ = ["References"]


class References:
    """A sentence with its references, and the lookups over them that frames use."""

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
