"""Where NER ran several names into one span, cut it; where a comma is no list, keep it.

:func:`split_lists` cuts "A, B, C" (one NER span) into three names, at "and" after a word
that ends company names ("Optum Ventures and Deerfield"), at a possessive ("American
Aircraft's Uvalde", "National Amusements' Arsenal Holdings": the owner and what it owns),
and between a prepositional phrase and a verb's subject ("a expliqué à Tokyo Toshihide
Mizuno"); a firm named after its partners ("Goldman, Sachs and Co") stays whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from pressgraph.lang import Lexicon
from pressgraph.names import is_legal_suffix

__all__ = ["split_lists"]

_CORE_ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "obj"})


def _two_arguments(ent: Span, tok: Token) -> bool:
    """True when the word before ``tok`` closes a prepositional phrase of a verb and ``tok``
    starts that verb's subject or object ("a expliqué à Tokyo Toshihide Mizuno"): the NER
    ran two names together, the parse kept them apart."""
    prev = tok.nbor(-1)
    heads_out = all(not (ent.start <= t.head.i < ent.end) for t in (prev, tok))
    prepositional = prev.dep_.startswith("obl") and any(
        c.dep_ == "case" and c.i < ent.start for c in prev.children
    )
    return (
        heads_out
        and prepositional
        and tok.dep_ in _CORE_ARGUMENTS
        and prev.head.pos_ == "VERB"
        and tok.head.i == prev.head.i
    )


def split_lists(ents: Iterable[Span], lex: Lexicon) -> Iterator[Span]:
    """NER spans cut at commas: "A, B, C" (one NER span) is three names, not one;
    and at "and" after a word that ends company names ("Optum Ventures and Deerfield")."""
    for ent in ents:
        start = ent.start
        if _firm_name(ent, lex):
            yield ent  # "Goldman, Sachs and Co": one firm, named after its partners
            continue
        for tok in ent:
            if (
                (tok.lower_ in lex.name_list_conjunctions or tok.lower_ == "&")
                and tok.i - 1 >= start
                and tok.i + 1 < ent.end
                and (tok.nbor(-1).text in lex.name_endings or is_legal_suffix(tok.nbor(-1).text))
                and tok.nbor(1).is_title
            ):
                yield Span(ent.doc, start, tok.i, label=ent.label_)
                start = tok.i + 1
            elif tok.i > start and _two_arguments(ent, tok):
                # "a expliqué à Tokyo Toshihide Mizuno": a place and the speaker, two names.
                yield Span(ent.doc, start, tok.i, label=ent.label_)
                start = tok.i
            elif tok.text == "," or (_possessive(tok, lex) and tok.i + 1 < ent.end):
                # "American Aircraft's Uvalde": the owner and what it owns are two names.
                if tok.i > start:
                    yield Span(ent.doc, start, tok.i, label=ent.label_)
                start = tok.i + 1
        if start < ent.end:
            yield Span(ent.doc, start, ent.end, label=ent.label_) if start != ent.start else ent


def _firm_name(ent: Span, lex: Lexicon) -> bool:
    """True for a firm named after its partners: "A, B and Co", "A, B & Cie" (the last
    words a conjunction and a legal form), where a comma is no list."""
    return (
        len(ent) >= 4
        and any(t.text == "," for t in ent)
        and (ent[-2].lower_ in lex.name_list_conjunctions or ent[-2].text == "&")
        and is_legal_suffix(ent[-1].text)
    )


def _possessive(tok: Token, lex: Lexicon) -> bool:
    """A possessive clitic: "'s", or an apostrophe after a plural ("National Amusements'
    Arsenal Holdings": the owner and what it owns)."""
    if tok.lower_ in lex.possessive_clitics:
        return True
    return (
        tok.text in ("'", "’")
        and tok.i > 0
        and tok.nbor(-1).text.endswith("s")
        and not tok.nbor(-1).whitespace_
        and "'s" in lex.possessive_clitics  # English writes possessives so
    )
