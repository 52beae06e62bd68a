"""Reading spaCy trees the same way for both languages: the preposition that introduces a
complement ("dans Y" in French trees, "in" -> pobj in English ones), the head of a
complement, passives."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from pressgraph.lang import Lexicon

__all__ = ["OBL", "SUBJ", "complement", "is_passive", "phrase_heads", "prep_of"]

#: Dependencies of complements (French and English trees).
OBL = (
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
#: Dependencies of subjects.
SUBJ = ("nsubj", "nsubj:pass", "nsubjpass")


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


def is_passive(verb: Token) -> bool:
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
