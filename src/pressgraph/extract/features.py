"""The features a candidate is scored on: named, sparse, language-neutral where possible.

For each party: its slot in the trigger's tree (:func:`~pressgraph.extract.slots.tree_role`)
and frame (:func:`~pressgraph.extract.slots.frame_slots`), the class of its preposition,
its entity type, whether it is a name, a description or a pronoun, its side and distance;
for the pair: both slots together, their order, the names between; for the trigger: its
lemma, whether it is a verb, whether the type is the word's own; whether the parties sit
where the type expects them (:data:`~pressgraph.extract.slots.EXPECTED`); the sentence's
figures and dates, conditional mood and negation; and which hand rule read the same fact.
Most features are also conjoined with the candidate's type, so each type weighs them its
own way.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from pressgraph.extract.candidates import Candidate, Party, candidate_types
from pressgraph.extract.claims import SentenceContext
from pressgraph.extract.modality import is_conditional
from pressgraph.extract.slots import EXPECTED, coarse, frame_slots, preposition_class, tree_role
from pressgraph.lang import Lexicon

#: (type, subject, object) -> the hand-rule constructions that read it; ("*", s, o) -> the
#: types the hand rules read between s and o.
RuleIndex = Mapping[tuple[str, str, str | None], frozenset[str]]


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
    """Feature reading for the candidates of one sentence (caching what they share)."""

    def __init__(self, sc: SentenceContext, lex: Lexicon, rules: RuleIndex, people: list[Party]):
        self.sc = sc
        self.lex = lex
        self.rules = rules
        self.heads = {id(p.cluster): p.ref.head(sc.sent) for p in people if p.ref is not None}
        self.rule_words = {t.token.i for t in sc.triggers}
        self._slots: dict[int, dict[int, frozenset[str]]] = {}
        self._args: dict[tuple[int, int], dict[str, str]] = {}
        qs = sc.quantities
        self.money = any(q.kind == "money" for q in qs)
        self.percent = any(q.kind == "percent" for q in qs)
        self.dated = bool(sc.times)
        self.words = candidate_types(lex)

    def slots(self, c: Candidate) -> dict[int, frozenset[str]]:
        i = c.trigger.token.i
        if i not in self._slots:
            self._slots[i] = frame_slots(self.sc.S, c.trigger)
        return self._slots[i]

    def arg(self, tok: Token, p: Party) -> dict[str, str]:
        key = (tok.i, id(p.cluster))
        found = self._args.get(key)
        if found is not None:
            return found
        head = self.heads.get(id(p.cluster))
        kind = p.ref.kind if p.ref is not None else "carried"
        if head is None:
            info = {"role": "OUT", "prep": "OUT", "kind": kind, "side": "X", "dist": "X"}
        else:
            d = head.i - tok.i
            rank = sum(
                1
                for h in self.heads.values()
                if h.i != head.i and ((h.i - tok.i) < 0) == (d < 0) and abs(h.i - tok.i) < abs(d)
            )
            info = {
                "role": tree_role(tok, head),
                "prep": preposition_class(head, self.lex),
                "kind": kind,
                "side": ("L" if d < 0 else "R") + str(min(rank, 2)),
                "dist": bucket(abs(d)),
            }
        self._args[key] = info
        return info

    def features(self, c: Candidate) -> dict[str, float]:
        tok = c.trigger.token
        T = c.type
        f: dict[str, float] = {}
        lemma = tok.lemma_.lower()
        verbal = "V" if c.trigger.verbal else "N"
        for name in (
            f"T={T}",
            f"T={T}|trig={c.trigger.type}",
            f"T={T}|lemma={lemma}",
            f"T={T}|tpos={verbal}",
            f"ruleword={tok.i in self.rule_words}",
        ):
            f[name] = 1.0
        primary = T in (self.words.get(lemma) or self.words.get(tok.lower_) or ())
        f[f"primary={primary}"] = 1.0
        args = []
        for nm, p in (("s", c.subject), ("o", c.object)):
            if p is None:
                continue
            a = self.arg(tok, p)
            args.append(a)
            lab = p.cluster.label
            for name in (
                f"{nm}role={a['role']}",
                f"T={T}|{nm}role={a['role']}",
                f"T={T}|tpos={verbal}|{nm}role={a['role']}",
                f"T={T}|{nm}role={a['role']}|{nm}prep={a['prep']}",
                f"T={T}|{nm}prep={a['prep']}",
                f"{nm}prep={a['prep']}",
                f"T={T}|{nm}lab={lab}",
                f"{nm}lab={lab}",
                f"{nm}kind={a['kind']}",
                f"T={T}|{nm}kind={a['kind']}",
                f"T={T}|{nm}side={a['side']}",
                f"{nm}dist={a['dist']}",
                f"T={T}|{nm}dist={a['dist']}",
            ):
                f[name] = 1.0
        if c.object is None:
            f[f"T={T}|o=none"] = 1.0
        elif len(args) == 2:
            s_arg, o_arg = args
            f[f"T={T}|roles={s_arg['role']}|{o_arg['role']}"] = 1.0
            f[f"roles={s_arg['role']}|{o_arg['role']}"] = 1.0
            f[f"T={T}|labs={c.subject.cluster.label}|{c.object.cluster.label}"] = 1.0
            hs = self.heads.get(id(c.subject.cluster))
            ho = self.heads.get(id(c.object.cluster))
            if hs is not None and ho is not None:
                f[f"T={T}|order={'so' if hs.i < ho.i else 'os'}"] = 1.0
                if ho.head.i == hs.i:
                    f[f"T={T}|pairlink={coarse(ho.dep_)}"] = 1.0
                elif hs.head.i == ho.i:
                    f[f"T={T}|pairlink=inv_{coarse(hs.dep_)}"] = 1.0
                lo, hi = sorted((hs.i, ho.i))
                between = sum(1 for h in self.heads.values() if lo < h.i < hi)
                f[f"T={T}|nbetween={bucket(between)}"] = 1.0
        self._slot_features(c, f, T, verbal)
        if self.money:
            f[f"T={T}|money"] = 1.0
        if self.percent:
            f[f"T={T}|pct"] = 1.0
        if self.dated:
            f[f"T={T}|time"] = 1.0
        if is_conditional(tok, self.lex):
            f["cond"] = 1.0
        if any(ch.dep_ == "neg" or ch.lower_ in self.lex.negation_words for ch in tok.children):
            f["neg"] = 1.0
        self._rule_features(c, f, T)
        return f

    def _slot_features(self, c: Candidate, f: dict[str, float], T: str, verbal: str) -> None:
        slots = self.slots(c)
        fa = sorted(slots.get(id(c.subject.cluster), ())) or ["NONE"]
        fb = (
            (sorted(slots.get(id(c.object.cluster), ())) or ["NONE"])
            if c.object is not None
            else ["NA"]
        )
        for x in fa:
            f[f"T={T}|sfr={x}"] = 1.0
            f[f"T={T}|trig={c.trigger.type}|sfr={x}"] = 1.0
            for y in fb:
                f[f"T={T}|fr={x}|{y}"] = 1.0
                f[f"fr={x}|{y}"] = 1.0
        for y in fb:
            f[f"T={T}|ofr={y}"] = 1.0
            f[f"T={T}|trig={c.trigger.type}|ofr={y}"] = 1.0
        if fa != ["NONE"] and fb != ["NONE"]:
            f[f"T={T}|both_framed"] = 1.0
        want_s, want_o = EXPECTED[c.trigger.verbal].get(T, (frozenset(), frozenset()))
        sa, sb = set(fa), set(fb)
        sx = bool(want_s & sa)
        ox = c.object is None or bool(want_o & sb)
        if c.object is not None and T in ("partnership", "negotiation"):
            swapped = bool(want_s & sb) and bool(want_o & sa)
            sx, ox = sx or swapped, ox or swapped
        expect = f"{sx}{ox}"
        for name in (
            f"exp_s={sx}",
            f"exp_o={ox}",
            f"exp={expect}",
            f"exp={expect}|V={verbal}",
            f"T={T}|exp={expect}",
        ):
            f[name] = 1.0
        primary = "primary=True" in f
        f[f"primary={primary}|exp={expect}"] = 1.0

    def _rule_features(self, c: Candidate, f: dict[str, float], T: str) -> None:
        s = c.subject.cluster.name
        o = c.object.cluster.name if c.object is not None else None
        kinds = self.rules.get((T, s, o))
        if kinds:
            for kind in kinds:
                f[f"rule={kind}"] = 1.0
                f[f"T={T}|rule={kind}"] = 1.0
            f["rule_any"] = 1.0
            return
        for ty in self.rules.get(("*", s, o), ()):
            f[f"T={T}|rule_other={ty}"] = 1.0
        if o is not None and self.rules.get(("*", o, s)):
            f[f"T={T}|rule_rev"] = 1.0
