"""The features a candidate is scored on: named, binary, language-neutral where possible.

For each party: its slot in the trigger's tree (:func:`~pressgraph.extract.slots.tree_role`)
and frame (:func:`~pressgraph.extract.slots.frame_slots`), the class of its preposition,
its entity type, whether it is a name, a description or a pronoun, its side and distance;
for the pair: both slots together, their order, the names between; for the trigger: its
lemma, whether it is a verb, whether the type is the word's own; whether the parties sit
where the type expects them (:data:`~pressgraph.extract.slots.EXPECTED`); the sentence's
figures and dates, conditional mood and negation; and which hand rule read the same fact.
Most features are also conjoined with the candidate's type, so each type weighs them its
own way.

A feature is a name (every feature is 0 or 1). The candidates of a sentence share most of
their features (same trigger, same party), so :class:`SentenceFeatures` builds each part
once and a candidate's features are the concatenation of its parts.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping

from spacy.tokens import Token

from pressgraph.extract.candidates import Candidate, Party, candidate_types
from pressgraph.extract.claims import SentenceContext
from pressgraph.extract.frames import Trigger
from pressgraph.extract.modality import is_conditional
from pressgraph.extract.slots import (
    coarse,
    expected_slots,
    frame_slots,
    preposition_class,
    tree_role,
)
from pressgraph.lang import Lexicon

#: (type, subject, object) -> the hand-rule constructions that read it; ("*", s, o) -> the
#: types the hand rules read between s and o.
RuleIndex = Mapping[tuple[str, str, str | None], frozenset[str]]

#: The features of a candidate: the names of those that are 1.
Features = tuple[str, ...]

_NONE: frozenset[str] = frozenset({"NONE"})


def bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    if n <= 4:
        return "3-4"
    if n <= 8:
        return "5-8"
    if n <= 15:
        return "9-15"
    return "16+"


class SentenceFeatures:
    """Feature reading for the candidates of one sentence (each shared part built once)."""

    def __init__(self, sc: SentenceContext, lex: Lexicon, rules: RuleIndex, people: list[Party]):
        self.sc = sc
        self.lex = lex
        self.rules = rules
        self.heads = {id(p.cluster): p.ref.head(sc.sent) for p in people if p.ref is not None}
        self.rule_words = {t.token.i for t in sc.triggers}
        self._positions = sorted(h.i for h in self.heads.values())
        self.words = candidate_types(lex)
        qs = sc.quantities
        self.context = (
            any(q.kind == "money" for q in qs),
            any(q.kind == "percent" for q in qs),
            bool(sc.times),
        )
        self._slots: dict[int, dict[int, frozenset[str]]] = {}
        self._args: dict[tuple[int, int], tuple[str, str, str, str, str]] = {}
        self._parts: dict[tuple[object, ...], tuple[str, ...]] = {}
        self._expected: dict[tuple[str, int], tuple[frozenset[str], frozenset[str], str]] = {}

    # -- shared parts -----------------------------------------------------------------------
    def slots(self, trigger: Trigger) -> dict[int, frozenset[str]]:
        i = trigger.token.i
        if i not in self._slots:
            self._slots[i] = frame_slots(self.sc.S, trigger)
        return self._slots[i]

    def arg(self, tok: Token, p: Party) -> tuple[str, str, str, str, str]:
        """(tree role, preposition class, kind, side and rank, distance) of ``p``."""
        key = (tok.i, id(p.cluster))
        found = self._args.get(key)
        if found is not None:
            return found
        head = self.heads.get(id(p.cluster))
        kind = p.ref.kind if p.ref is not None else "carried"
        if head is None:
            info = ("OUT", "OUT", kind, "X", "X")
        else:
            d = head.i - tok.i
            rank = sum(
                1
                for h in self.heads.values()
                if h.i != head.i and ((h.i - tok.i) < 0) == (d < 0) and abs(h.i - tok.i) < abs(d)
            )
            side = ("L" if d < 0 else "R") + str(min(rank, 2))
            info = (
                tree_role(tok, head),
                preposition_class(head, self.lex),
                kind,
                side,
                bucket(abs(d)),
            )
        self._args[key] = info
        return info

    def _primary(self, c: Candidate) -> bool:
        """Whether the candidate's type is one its trigger word announces by itself."""
        tok = c.trigger.token
        return c.type in (self.words.get(tok.lemma_.lower()) or self.words.get(tok.lower_) or ())

    def _trigger_part(self, c: Candidate) -> tuple[str, ...]:
        tok, T = c.trigger.token, c.type
        key = ("t", tok.i, T)
        part = self._parts.get(key)
        if part is None:
            lemma = tok.lemma_.lower()
            verbal = "V" if c.trigger.verbal else "N"
            primary = self._primary(c)
            money, percent, dated = self.context
            names = [
                f"T={T}",
                f"T={T}|trig={c.trigger.type}",
                f"T={T}|lemma={lemma}",
                f"T={T}|tpos={verbal}",
                f"ruleword={tok.i in self.rule_words}",
                f"primary={primary}",
            ]
            if money:
                names.append(f"T={T}|money")
            if percent:
                names.append(f"T={T}|pct")
            if dated:
                names.append(f"T={T}|time")
            if is_conditional(tok, self.lex):
                names.append("cond")
            if any(ch.dep_ == "neg" or ch.lower_ in self.lex.negation_words for ch in tok.children):
                names.append("neg")
            part = tuple(names)
            self._parts[key] = part
        return part

    def _arg_part(self, c: Candidate, nm: str, p: Party) -> tuple[str, ...]:
        tok, T = c.trigger.token, c.type
        key = (nm, tok.i, T, id(p.cluster))
        part = self._parts.get(key)
        if part is None:
            role, prep, kind, side, dist = self.arg(tok, p)
            lab = p.cluster.label
            verbal = "V" if c.trigger.verbal else "N"
            part = (
                f"{nm}role={role}",
                f"T={T}|{nm}role={role}",
                f"T={T}|tpos={verbal}|{nm}role={role}",
                f"T={T}|{nm}role={role}|{nm}prep={prep}",
                f"T={T}|{nm}prep={prep}",
                f"{nm}prep={prep}",
                f"T={T}|{nm}lab={lab}",
                f"{nm}lab={lab}",
                f"{nm}kind={kind}",
                f"T={T}|{nm}kind={kind}",
                f"T={T}|{nm}side={side}",
                f"{nm}dist={dist}",
                f"T={T}|{nm}dist={dist}",
            )
            self._parts[key] = part
        return part

    # -- one candidate ----------------------------------------------------------------------
    def features(self, c: Candidate) -> Features:
        T = c.type
        names: list[str] = [*self._trigger_part(c), *self._arg_part(c, "s", c.subject)]
        if c.object is None:
            names.append(f"T={T}|o=none")
        else:
            names += self._arg_part(c, "o", c.object)
            tok = c.trigger.token
            s_role, o_role = self.arg(tok, c.subject)[0], self.arg(tok, c.object)[0]
            names += (
                f"T={T}|roles={s_role}|{o_role}",
                f"roles={s_role}|{o_role}",
                f"T={T}|labs={c.subject.cluster.label}|{c.object.cluster.label}",
            )
            hs = self.heads.get(id(c.subject.cluster))
            ho = self.heads.get(id(c.object.cluster))
            if hs is not None and ho is not None:
                names.append(f"T={T}|order={'so' if hs.i < ho.i else 'os'}")
                if ho.head.i == hs.i:
                    names.append(f"T={T}|pairlink={coarse(ho.dep_)}")
                elif hs.head.i == ho.i:
                    names.append(f"T={T}|pairlink=inv_{coarse(hs.dep_)}")
                lo, hi = sorted((hs.i, ho.i))
                pos = self._positions
                between = max(0, bisect.bisect_left(pos, hi) - bisect.bisect_right(pos, lo))
                names.append(f"T={T}|nbetween={bucket(between)}")
        self._slot_features(c, names)
        self._rule_features(c, names)
        return tuple(dict.fromkeys(names))  # each name once

    def _slot_features(self, c: Candidate, names: list[str]) -> None:
        T = c.type
        slots = self.slots(c.trigger)
        fa = slots.get(id(c.subject.cluster)) or _NONE
        fb = (slots.get(id(c.object.cluster)) or _NONE) if c.object is not None else None
        key = (T, c.trigger.token.i)
        found = self._expected.get(key)
        if found is None:
            want_s, want_o = expected_slots(T, c.trigger, self.lex)
            primary = f"primary={self._primary(c)}"
            found = self._expected[key] = (want_s, want_o, primary)
        want_s, want_o, primary = found
        names += _slot_names(T, c.trigger.type, c.trigger.verbal, fa, fb, want_s, want_o, primary)

    def _rule_features(self, c: Candidate, names: list[str]) -> None:
        T = c.type
        s = c.subject.cluster.name
        o = c.object.cluster.name if c.object is not None else None
        kinds = self.rules.get((T, s, o))
        if kinds:
            for kind in sorted(kinds):
                names += (f"rule={kind}", f"T={T}|rule={kind}")
            names.append("rule_any")
            return
        for ty in sorted(self.rules.get(("*", s, o), ())):
            names.append(f"T={T}|rule_other={ty}")
        if o is not None and self.rules.get(("*", o, s)):
            names.append(f"T={T}|rule_rev")


@functools.lru_cache(maxsize=4096)
def _slot_names(
    T: str,
    trig: str,
    verbal: bool,
    fa: frozenset[str],
    fb: frozenset[str] | None,
    want_s: frozenset[str],
    want_o: frozenset[str],
    primary: str,
) -> tuple[str, ...]:
    """The frame-slot features of a candidate: the slots its subject (``fa``) and object
    (``fb``, None without one) fill, and whether they are those the type expects. Pure, and
    shared by the many candidates whose parties fill the same slots."""
    names: list[str] = []
    fb_names = sorted(fb) if fb is not None else ["NA"]
    for x in sorted(fa):
        names += (f"T={T}|sfr={x}", f"T={T}|trig={trig}|sfr={x}")
        for y in fb_names:
            names += (f"T={T}|fr={x}|{y}", f"fr={x}|{y}")
    for y in fb_names:
        names += (f"T={T}|ofr={y}", f"T={T}|trig={trig}|ofr={y}")
    if fa != _NONE and fb is not None and fb != _NONE:
        names.append(f"T={T}|both_framed")
    sx = bool(want_s & fa)
    ox = fb is None or bool(want_o & fb)
    if fb is not None and T in ("partnership", "negotiation"):
        swapped = bool(want_s & fb) and bool(want_o & fa)
        sx, ox = sx or swapped, ox or swapped
    expect = f"{sx}{ox}"
    v = "V" if verbal else "N"
    names += (
        f"exp_s={sx}",
        f"exp_o={ox}",
        f"exp={expect}",
        f"exp={expect}|V={v}",
        f"T={T}|exp={expect}",
        f"{primary}|exp={expect}",
    )
    return tuple(names)
