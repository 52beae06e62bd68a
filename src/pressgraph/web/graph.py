"""The small deal graph of a dossier page, laid out on the server.

:func:`deal_graph` is pure: from the facts of a page (``report.to_json`` dicts) it places
the entity in the middle and its counterparties around it, and draws one curve per fact
(several facts between two parties fan out). It returns numbers and plain strings; the
template writes the SVG, escaping every name, and makes each edge a link to its fact's
anchor on the page and each node a link to its dossier.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pressgraph.report import fact_line
from pressgraph.web.links import entity_href, fact_anchor

__all__ = ["Edge", "Graph", "Node", "deal_graph"]

WIDTH, HEIGHT = 760, 420
#: Counterparties drawn at most (those with the most facts); the rest are only listed.
MAX_NODES = 12
#: Characters of a node's label (the full name is its tooltip).
LABEL_CHARS = 26
_FAN = 26.0  # pixels between two parallel curves at their middle
#: Parallel curves labelled one by one at most; more share one label ("8 facts").
MAX_LABELS = 3


@dataclass(frozen=True)
class Node:
    name: str
    label: str
    href: str
    x: float
    y: float
    center: bool


@dataclass(frozen=True)
class Edge:
    fact: str
    href: str
    title: str
    label: str
    status: str
    modality: str
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    #: Facts with a counterparty left out of the drawing (more than MAX_NODES parties).
    left_out: int


def _label(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "\u2026"


def _edge_label(fact: dict[str, Any]) -> str:
    words = [fact["type"].replace("_", " ")]
    if fact.get("amount") is not None:
        amount = fact["amount"]
        for div, unit in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
            if abs(amount) >= div:
                words.append(f"{amount / div:,.1f}".rstrip("0").rstrip(".") + unit)
                break
        else:
            words.append(f"{amount:g}")
    if fact.get("percent") is not None:
        words.append(f"{fact['percent']:g}%")
    return " ".join(words)


def deal_graph(center: str, facts: list[dict[str, Any]]) -> Graph:
    """The graph of the facts that link two parties (a fact without a counterparty, such
    as a valuation, is not an edge)."""
    linked = [f for f in facts if f.get("object") and f["object"] != f["subject"]]
    counts: Counter[str] = Counter()
    for f in linked:
        for party in (f["subject"], f["object"]):
            if party != center:
                counts[party] += 1
    others = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    others = others[:MAX_NODES]
    cx, cy = WIDTH / 2, HEIGHT / 2
    rx, ry = WIDTH / 2 - 130, HEIGHT / 2 - 45
    places = {center: (cx, cy)}
    for i, name in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(others), 1)
        places[name] = (cx + rx * math.cos(angle), cy + ry * math.sin(angle))
    nodes = [Node(center, _label(center), entity_href(center), cx, cy, True)]
    nodes += [
        Node(n, _label(n), entity_href(n), round(places[n][0], 1), round(places[n][1], 1), False)
        for n in others
    ]
    drawn = [f for f in linked if f["subject"] in places and f["object"] in places]
    pairs: dict[frozenset[str], list[dict[str, Any]]] = {}
    for f in drawn:
        pairs.setdefault(frozenset((f["subject"], f["object"])), []).append(f)
    edges = []
    for group in pairs.values():
        middle = (len(group) - 1) // 2
        for i, f in enumerate(group):
            if len(group) <= MAX_LABELS:
                label = _edge_label(f)
            else:
                label = f"{len(group)} facts" if i == middle else ""
            (x1, y1), (x2, y2) = places[f["subject"]], places[f["object"]]
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            # Perpendicular offset of the control point; the same side whatever the direction.
            nx, ny = -(y2 - y1) / length, (x2 - x1) / length
            if (f["subject"], f["object"]) != tuple(sorted((f["subject"], f["object"]))):
                nx, ny = -nx, -ny
            offset = (i - (len(group) - 1) / 2) * _FAN * 2
            qx, qy = (x1 + x2) / 2 + nx * offset, (y1 + y2) / 2 + ny * offset
            # The middle of the quadratic curve, where its label goes.
            mx, my = 0.25 * x1 + 0.5 * qx + 0.25 * x2, 0.25 * y1 + 0.5 * qy + 0.25 * y2
            edges.append(
                Edge(
                    fact=f["id"],
                    href="#" + fact_anchor(f["id"]),
                    title=fact_line(f),
                    label=label,
                    status=f.get("status", "current"),
                    modality=f.get("modality", "asserted"),
                    path=f"M{x1:.1f},{y1:.1f} Q{qx:.1f},{qy:.1f} {x2:.1f},{y2:.1f}",
                    label_x=round(mx, 1),
                    label_y=round(my, 1),
                )
            )
    return Graph(WIDTH, HEIGHT, tuple(nodes), tuple(edges), len(linked) - len(drawn))
