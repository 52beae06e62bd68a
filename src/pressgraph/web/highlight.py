"""An article cut into pieces at its evidence offsets, for a page to highlight.

:func:`highlight` is pure: it returns plain text pieces (never markup), and the template
escapes each one. Overlapping evidence sentences are drawn as one highlighted block; each
sentence keeps an anchor where it starts (the block's own id, or an empty marker inside
it), so ``/document/ID#ev-START-END`` always lands on its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pressgraph.web.links import evidence_anchor

__all__ = ["Block", "Part", "highlight"]


@dataclass(frozen=True)
class Part:
    """Text inside a highlighted block, preceded by the anchors of the sentences starting
    there (other than the block's own)."""

    text: str
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """Plain text (``mark`` False) or a highlighted run of evidence (``mark`` True, with its
    anchor ``id``, the anchors of every sentence in it, and its parts)."""

    text: str
    mark: bool = False
    id: str | None = None
    spans: tuple[str, ...] = ()
    parts: tuple[Part, ...] = field(default_factory=tuple)


def _clean(spans: Iterable[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    kept = {(max(0, int(s)), min(size, int(e))) for s, e in spans}
    return sorted((s, e) for s, e in kept if s < e)


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> list[Block]:
    """``text`` as blocks: the stretches outside every span, and each run of overlapping
    spans highlighted (offsets are character offsets, clamped to the text)."""
    ordered = _clean(spans, len(text))
    clusters: list[list[tuple[int, int]]] = []
    for span in ordered:
        if clusters and span[0] < max(e for _, e in clusters[-1]):
            clusters[-1].append(span)
        else:
            clusters.append([span])
    blocks: list[Block] = []
    at = 0
    for cluster in clusters:
        start, end = cluster[0][0], max(e for _, e in cluster)
        if at < start:
            blocks.append(Block(text[at:start]))
        own = evidence_anchor(*cluster[0])
        starts: dict[int, list[str]] = {}
        for s, e in cluster[1:]:
            anchor = evidence_anchor(s, e)
            if anchor != own:
                starts.setdefault(s, []).append(anchor)
        cuts = sorted({start, *starts, end})
        parts = tuple(
            Part(text[a:b], tuple(starts.get(a, ()))) for a, b in zip(cuts, cuts[1:], strict=False)
        )
        spans_here = tuple(dict.fromkeys(evidence_anchor(s, e) for s, e in cluster))
        blocks.append(Block(text[start:end], True, own, spans_here, parts))
        at = end
    if at < len(text):
        blocks.append(Block(text[at:]))
    return blocks
