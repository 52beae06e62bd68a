"""What an amount counts: a deal's total, a price per share, or a price per unit.

Pure functions over a text and the amounts found in it (:mod:`.quantities`). An amount is a
price *per share* when the words after it say so ("37 dlrs a share", "110 dlrs cash per
share", "80 dlrs per Cyclops share", "25 euros par action", "à 25 euros l'action") or the
words before it ("au prix par action de 25 euros"); *per unit* for any other unit ("at
4.50 stg each", "au prix unitaire de"); else a *total*. Amounts without a magnitude joined
to a price per share are prices per share too: "1.50 dlrs a share cash and 1.50 dlrs in
securities" offers two prices per share, not a deal of 1.50 dlrs; "24 dlrs a share, or 62.4
mln dlrs" stays a total.

Why: a deal's price per share and its total are two true figures of one deal; read as one
kind, "53 dlrs a share" would conflict with "a total of 3.4 billion dlrs".

The words are lexicon data (``per_share``, ``per_unit``, ``price_fillers``,
``amount_joiners``... in ``lang/*/numbers.py``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pressgraph.extract.quantities import lexicon_regex
from pressgraph.lang import Lexicon
from pressgraph.model import Quantity

__all__ = ["amount_kinds", "kind_of"]

_SP = r"[ \t\u00a0\u202f\u2009]"


@dataclass(frozen=True, slots=True)
class _Patterns:
    share_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    share_before: re.Pattern[str] | None
    unit_before: re.Pattern[str] | None
    magnitude: re.Pattern[str]
    joined: re.Pattern[str]


def _optional(entries: Sequence[str]) -> str:
    return lexicon_regex(entries) if entries else "(?!)"


@functools.cache
def _patterns(lex: Lexicon) -> _Patterns:
    fillers = rf"(?:{_SP}*,?{_SP}*{_optional(lex.price_fillers)})?"
    # "per Cyclops share", "a Becor share": a capitalised name between.
    named = (
        _optional(lex.unit_prepositions)
        + rf"{_SP}+(?:[A-Z][\w.&'’-]*{_SP}+){{1,3}}"
        + _optional(lex.unit_share_nouns)
        + r"(?!\w)"
    )
    share = rf"^{fillers}{_SP}*(?:{_optional(lex.per_share)}|{named})"
    unit = rf"^{fillers}{_SP}*{_optional(lex.per_unit)}"
    mark = rf"(?:{_optional(lex.per_share)}|{named}|{_optional(lex.per_unit)})"
    joined = rf"^{_SP}*(?:{mark})?{fillers}{_SP}*,?{_SP}*{_optional(lex.amount_joiners)}{_SP}*$"
    return _Patterns(
        share_after=re.compile(share),
        unit_after=re.compile(unit),
        share_before=(
            re.compile(lexicon_regex(lex.per_share_before) + rf"{_SP}*$")
            if lex.per_share_before
            else None
        ),
        unit_before=(
            re.compile(lexicon_regex(lex.per_unit_before) + rf"{_SP}*$")
            if lex.per_unit_before
            else None
        ),
        magnitude=re.compile(lexicon_regex(lex.magnitudes)),
        joined=re.compile(joined),
    )


def kind_of(text: str, q: Quantity, lex: Lexicon) -> str:
    """The kind of amount ``q`` by the words around it: "per_share", "per_unit" or "total"."""
    p = _patterns(lex)
    after = text[q.end : q.end + 60]
    before = " ".join(text[max(0, q.start - 40) : q.start].split())
    if p.share_after.match(after) or (p.share_before is not None and p.share_before.search(before)):
        return "per_share"
    if p.unit_after.match(after) or (p.unit_before is not None and p.unit_before.search(before)):
        return "per_unit"
    return "total"


def amount_kinds(text: str, amounts: Sequence[Quantity], lex: Lexicon) -> dict[int, str]:
    """The kind of every amount of money in ``amounts`` (by start offset in ``text``), with
    prices per share shared along a run of joined amounts without magnitude."""
    p = _patterns(lex)
    money = sorted((q for q in amounts if q.kind == "money"), key=lambda q: q.start)
    kinds = {q.start: kind_of(text, q, lex) for q in money}
    # Runs of amounts without a magnitude joined by "and", "plus", "or"...
    runs: list[list[Quantity]] = []
    for q in money:
        if p.magnitude.search(q.text):
            runs.append([])  # "or 62.4 mln dlrs": a total ends the run
            continue
        last = runs[-1] if runs else []
        if last and p.joined.match(text[last[-1].end : q.start]):
            last.append(q)
        else:
            runs.append([q])
    for run in runs:
        if any(kinds[q.start] == "per_share" for q in run):
            for q in run:
                if kinds[q.start] == "total":
                    kinds[q.start] = "per_share"
    return kinds
