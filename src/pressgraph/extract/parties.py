"""The parties of frames read by position: pairs of parties, and percentages written next
to a party ("X Inc 14 pct")."""

from __future__ import annotations

from pressgraph.extract.coref import Ref
from pressgraph.extract.sentence import Sentence


def pairs(left: list[Ref], right: list[Ref]) -> list[tuple[Ref, Ref]]:
    out: list[tuple[Ref, Ref]] = []
    if left and not right and len(left) > 1:
        for i, a in enumerate(left):
            for b in left[i + 1 :]:
                out.append((a, b))
        return out
    for a in left:
        for b in right:
            out.append((a, b))
    return out


def percent_from(S: Sentence, start: int, stop: int) -> float | None:
    """The first percentage the quantity recogniser read within tokens [start, stop)."""
    if start >= min(stop, S.sent.end):
        return None
    first, last = S.doc[start].idx, S.doc[min(stop, S.sent.end) - 1].idx
    return next((q.value for q in S.percents if first <= q.start <= last), None)


def holder_gapped(S: Sentence, ref: Ref) -> float | None:
    """The percentage written right after a name in a gapped list ("Honeywell Inc 14 pct")."""
    j = ref.end
    while j < S.sent.end and S.doc[j].is_space:
        j += 1
    return percent_from(S, j, j + 1)
