"""Complements: the reference a preposition introduces ("dans Y", "with Y", "auprès de Z"),
what an object phrase names ("75 pct of Y", "a stake in Y") and assets named by an owned
common noun ("its enterprise business")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.entities import Cluster
from pressgraph.extract.references import References
from pressgraph.extract.syntax import OBL, phrase_heads, prep_of
from pressgraph.names import clean_name

__all__ = ["Complements"]


class Complements(References):
    """A sentence's complements: prepositional ones, objects, assets."""

    def with_prep(self, tok: Token, preps: Sequence[str]) -> Ref | None:
        """The reference among ``tok``'s complements introduced by one of ``preps``."""
        for c in tok.children:
            is_complement = c.dep_ in OBL or c.dep_.startswith(("obl", "nmod"))
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
            is_complement = c.dep_ in OBL or c.dep_.startswith(("obl", "nmod"))
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
        name = clean_name(" ".join(span.text.split()))  # "Guinness PLC   's brewery division"
        cluster = Cluster(name=name, label="PRODUCT", outlet=False, owner=owner.cluster)
        if owner.kind == "name":
            self.asset_owners[id(cluster)] = owner
        cluster.aliases.add(name)
        self.assets.append(cluster)
        return Ref(
            span.start, span.end, "description", cluster, span.text, span.start_char, span.end_char
        )
