"""Fact frames: triggers (deal verbs and nouns) and the roles that fill them.

A trigger is a verb or a noun of the language's frame lexicon. Its roles are read from
the parse, through entity spans as units (any token of a name that depends on the trigger
stands for the name): the verb's subject (or the controller of an infinitive, "permettre à
X de"; or "par X" in the passive), its object, its prepositional complements ("dans Y",
"avec Y", "auprès de Z"), and for nouns their complements ("de Y", "par X", "entre X et
Y"), possessive determiners, and the subject or dative of the verb that governs the noun.
Coordinated names ("Safran, Thales ou Dassault") give one fact each.

Here: triggers and frames. The roles are read by a
:class:`~pressgraph.extract.sentence.Sentence` (references, complements, verb roles; tree
reading in :mod:`pressgraph.extract.syntax`); frames per fact type in
:mod:`pressgraph.extract.facts`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.sentence import Sentence
from pressgraph.extract.syntax import complement, phrase_heads, prep_of
from pressgraph.extract.text import tokens_text
from pressgraph.lang import Lexicon

__all__ = [
    "Frame",
    "Sentence",
    "Trigger",
    "complement",
    "find_triggers",
    "phrase_heads",
    "prep_of",
    "role_nouns",
]

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


def find_triggers(sent: Span, lex: Lexicon) -> Iterator[Trigger]:
    """Deal verbs and nouns of ``sent``."""
    verbs = lex.verb_frames
    nouns = lex.noun_frames
    multi_by_initial = _multi_word_nouns(lex)
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
        matched = None
        initial = multi_by_initial.get(tok.lower_[:1])
        if initial:
            rest = tokens_text(doc, tok.i, min(tok.i + 6, sent.end))
            low = rest.lower()
            matched = next(
                (m for m in initial if rest.startswith(m) or low.startswith(m.lower())), None
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


def _by_initial(words: list[str]) -> dict[str, tuple[str, ...]]:
    """``words`` longest first, grouped by their initial (lower case)."""
    out: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        out.setdefault(word.lower()[:1], []).append(word)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _multi_word_nouns(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The lexicon's deal nouns of several words, by initial (see :func:`_by_initial`)."""
    return _by_initial([k for k in lex.noun_frames if " " in k or "'" in k])


@functools.cache
def _multi_word_roles(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Role nouns of several words (or hyphenated), by initial."""
    return _by_initial([k for k in role_nouns(lex) if " " in k or "-" in k])


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
    initial = _multi_word_roles(lex).get(tok.lower_[:1], ())
    rest = tokens_text(doc, tok.i, min(tok.i + 5, end)).lower() if initial else ""
    for key in initial:
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
