"""Fact candidates: every plausible (type, subject, object) a sentence may state.

Candidates aim at recall; the trained scorer (:mod:`pressgraph.extract.scorer`) decides.
A sentence proposes, for each of its deal words (a trigger), each type the word may
announce and each ordered pair of the entities it names (one entity for types without an
object):

* the hand rules' triggers (verb and noun frames, titles, lists; :mod:`.frames`), with
  the types related to theirs (:data:`RELATED`: a purchase may also tell a sale or a stake);
* the lexicon's broad candidate words (``trigger_words`` in ``lang/``), with theirs.

What a hand rule read in the sentence is not lost: a candidate of the same type and
parties as one of its claims carries that claim (and is marked in the features, so rules
become evidence for the scorer, not verdicts); a rule claim whose parties the sentence does
not name (an object carried from an earlier sentence) is a candidate of its own.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from pressgraph.extract.claims import SentenceContext
from pressgraph.extract.coref import Ref
from pressgraph.extract.entities import Cluster
from pressgraph.extract.frames import Frame, Trigger
from pressgraph.extract.text import tokens_text
from pressgraph.lang import Lexicon
from pressgraph.model import FACT_TYPES, UNARY_TYPES, Claim

#: Types a hand rule's deal word may announce besides its own: a purchase tells a sale or
#: a stake too ("X buys Y from Z", "X bought 20 % of Y"), a partner may hold a stake...
RELATED: Mapping[str, tuple[str, ...]] = {
    "acquisition": ("acquisition", "divestment", "stake", "investment"),
    "divestment": ("divestment", "acquisition", "stake"),
    "stake": ("stake", "acquisition", "divestment", "investment"),
    "investment": ("investment", "stake", "acquisition"),
    "partnership": ("partnership", "negotiation", "stake"),
    "negotiation": ("negotiation", "partnership", "acquisition"),
    "leadership": ("leadership", "founder"),
    "founder": ("founder", "leadership"),
    "supplier": ("supplier", "infrastructure", "partnership"),
    "infrastructure": ("infrastructure", "investment", "supplier"),
    "valuation": ("valuation",),
    "ipo": ("ipo",),
    "legal_form": ("legal_form",),
    "access_right": ("access_right", "partnership"),
    "revenue_share": ("revenue_share",),
}

#: Parts of speech a candidate word may have (the French model tags some nouns PROPN or X).
_WORD_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ", "X"})


@dataclass(slots=True)
class Party:
    """An entity as a party of a candidate: its cluster, and its reference in the sentence
    (None when the sentence does not name it: an object carried by a hand rule)."""

    cluster: Cluster
    ref: Ref | None


@dataclass(slots=True)
class Candidate:
    """A possible fact of one sentence."""

    sentence: int  # index of the sentence's context in the reader
    type: str
    trigger: Trigger
    subject: Party
    object: Party | None
    #: Indices of the hand rules' claims of the same type and parties (``Reader.claims``).
    rule_claims: tuple[int, ...] = ()
    #: The names of its features (see :mod:`pressgraph.extract.features`).
    features: tuple[str, ...] = ()

    def key(self) -> tuple[str, str, str | None]:
        obj = self.object.cluster.name if self.object is not None else None
        return (self.type, self.subject.cluster.name, obj)


@functools.cache
def candidate_types(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The lexicon's candidate words, each with its types (in report order)."""
    out: dict[str, list[str]] = {}
    for ftype in FACT_TYPES:
        for word in lex.trigger_words.get(ftype, ()):
            out.setdefault(word, []).append(ftype)
    return {word: tuple(types) for word, types in out.items()}


def parties(sc: SentenceContext) -> list[Party]:
    """The distinct entities the sentence names (names, descriptions, pronouns, relative
    pronouns, and assets the hand rules named by a common noun), each with its first
    reference."""
    seen: dict[int, Party] = {}
    for _, ref in sorted(sc.S.ref_at.items()):
        if ref.cluster is not None and id(ref.cluster) not in seen:
            seen[id(ref.cluster)] = Party(ref.cluster, ref)
    # Assets the hand rules named by a common noun ("its enterprise business").
    for _, frame in sc.frames:
        for named in (frame.subject, frame.object):
            if named is not None and named.cluster is not None and id(named.cluster) not in seen:
                seen[id(named.cluster)] = Party(named.cluster, named)
    return list(seen.values())


def triggers(sc: SentenceContext, lex: Lexicon) -> list[tuple[Trigger, tuple[str, ...]]]:
    """The sentence's deal words, each with the types it may announce."""
    found: dict[int, tuple[Trigger, list[str]]] = {}

    def add(t: Trigger, types: Iterable[str]) -> None:
        entry = found.setdefault(t.token.i, (t, []))
        entry[1].extend(x for x in types if x not in entry[1])

    for t in sc.triggers:
        add(t, RELATED.get(t.type, (t.type,)))
    for _, frame in sc.frames:
        add(frame.trigger, RELATED.get(frame.trigger.type, (frame.trigger.type,)))
    words = candidate_types(lex)
    named = {i for r in sc.S.refs if r.kind == "name" for i in range(r.start, r.end)}
    for tok in sc.sent:
        if tok.i in named or tok.pos_ not in _WORD_POS:
            continue
        types = words.get(tok.lemma_.lower()) or words.get(tok.lower_)
        if types and not _in_fixed_phrase(tok, lex):
            if tok.i not in found:
                found[tok.i] = (Trigger(tok, types[0], tok.pos_ in ("VERB", "AUX")), [])
            add(found[tok.i][0], types)
    return [(t, tuple(types)) for _, (t, types) in sorted(found.items())]


def _in_fixed_phrase(tok: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` begins one of the lexicon's phrases that name no deal."""
    if not lex.fixed_phrases:
        return False
    rest = tokens_text(tok.doc, tok.i, min(tok.i + 4, len(tok.doc))).lower()
    return any(rest.startswith(p) for p in lex.fixed_phrases)


def propose(
    sc: SentenceContext,
    lex: Lexicon,
    rule_claims: Iterable[tuple[int, Frame, Claim]],
    cluster_named: Mapping[str, Cluster],
) -> list[Candidate]:
    """Every candidate of the sentence of ``sc``; ``rule_claims`` are the hand rules'
    claims read in it (index in the reader's claims, frame, claim)."""
    words = triggers(sc, lex)
    people = parties(sc)
    out: list[Candidate] = []
    for trigger, types in words:
        for ftype in types:
            if ftype in UNARY_TYPES:
                out.extend(Candidate(sc.index, ftype, trigger, a, None) for a in people)
                continue
            out.extend(
                Candidate(sc.index, ftype, trigger, a, b)
                for a in people
                for b in people
                if a is not b
            )
    by_key: dict[tuple[str, str, str | None], list[Candidate]] = {}
    for c in out:
        by_key.setdefault(c.key(), []).append(c)
    for index, frame, claim in rule_claims:
        key = (claim.type, claim.subject, claim.object)
        same = by_key.get(key)
        if same:
            for c in same:
                c.rule_claims += (index,)
            continue
        subject = frame.subject
        if subject.cluster is None:
            continue
        obj: Party | None = None
        if claim.object is not None:
            cluster = cluster_named.get(claim.object)
            if cluster is None:
                continue
            ref = (
                frame.object
                if frame.object is not None and frame.object.cluster is cluster
                else None
            )
            obj = Party(cluster, ref)
        extra = Candidate(sc.index, claim.type, frame.trigger, Party(subject.cluster, subject), obj)
        extra.rule_claims = (index,)
        by_key[key] = [extra]
        out.append(extra)
    return out
