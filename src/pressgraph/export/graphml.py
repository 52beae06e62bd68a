"""GraphML (Gephi, networkx, yEd, Cytoscape): entities as nodes, facts as edges.

A node per entity (``e<id>``) with its name, type, aliases, owner and counts; an edge per
fact (its id the fact's id) from subject to object with every column of the facts table
(:data:`pressgraph.export.rows.FACT_COLUMNS`) and a ``label`` for viewers. A fact with no
object (a valuation, an IPO, a legal form) is a loop on its subject (``unary`` true).
Each key is declared with its GraphML type (``double``, ``int``, ``boolean``, ``string``);
a missing value has no ``<data>``; lists and chains are JSON arrays in a ``string`` key.

XML 1.0 cannot hold every character: the ones it forbids (C0 controls other than tab,
line feed and carriage return, U+FFFE, U+FFFF) are written as the escape Python would
show (``\\x1b``), so the file stays well-formed and the character stays visible.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from pressgraph.export.graph import Graph
from pressgraph.export.rows import ENTITY_COLUMNS, FACT_COLUMNS, entity_rows, fact_rows
from pressgraph.model import SYMMETRIC_TYPES
from pressgraph.report import fact_line

__all__ = ["NAMESPACE", "to_graphml", "xml_text"]

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
_TYPES = {"str": "string", "float": "double", "int": "int", "bool": "boolean"}
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    """``value`` with the characters XML 1.0 forbids written as visible escapes."""
    return _FORBIDDEN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def _value(value: Any, kind: str) -> str | None:
    if value is None:
        return None
    if kind == "bool":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    if kind in _TYPES:
        return xml_text(str(value))
    return xml_text(json.dumps(value, ensure_ascii=False))


def _keys(
    root: Any, domain: str, prefix: str, columns: Sequence[tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    keys = {}
    for name, kind in columns:
        key = f"{prefix}_{name}"
        etree.SubElement(
            root,
            f"{{{NAMESPACE}}}key",
            id=key,
            attrib={"for": domain, "attr.name": name, "attr.type": _TYPES.get(kind, "string")},
        )
        keys[name] = (key, kind)
    return keys


def _data(parent: Any, keys: dict[str, tuple[str, str]], row: dict[str, Any]) -> None:
    for name, (key, kind) in keys.items():
        text = _value(row.get(name), kind)
        if text is not None:
            etree.SubElement(parent, f"{{{NAMESPACE}}}data", key=key).text = text


def to_graphml(graph: Graph) -> bytes:
    """The graph as one GraphML document (UTF-8, with its XML declaration)."""
    root = etree.Element(
        f"{{{NAMESPACE}}}graphml",
        nsmap={None: NAMESPACE, "xsi": _XSI},
        attrib={f"{{{_XSI}}}schemaLocation": f"{NAMESPACE} {_SCHEMA}"},
    )
    node_keys = _keys(root, "node", "n", (("label", "str"), *ENTITY_COLUMNS))
    edge_columns = (("label", "str"), *FACT_COLUMNS, ("unary", "bool"), ("symmetric", "bool"))
    edge_keys = _keys(root, "edge", "f", edge_columns)
    body = etree.SubElement(root, f"{{{NAMESPACE}}}graph", id="pressgraph", edgedefault="directed")
    for row in entity_rows(graph):
        node = etree.SubElement(body, f"{{{NAMESPACE}}}node", id=f"e{row['entity_id']}")
        _data(node, node_keys, {"label": row["name"], **row})
    for fact, row in zip(graph.facts, fact_rows(graph), strict=True):
        target = fact.object_id if fact.object_id is not None else fact.subject_id
        edge = etree.SubElement(
            body,
            f"{{{NAMESPACE}}}edge",
            id=fact.id,
            source=f"e{fact.subject_id}",
            target=f"e{target}",
        )
        extra = {
            "label": fact_line(fact.head()),
            "unary": fact.object_id is None,
            "symmetric": fact.type in SYMMETRIC_TYPES,
        }
        _data(edge, edge_keys, {**row, **extra})
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
