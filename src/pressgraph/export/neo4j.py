"""Neo4j: the CSV files ``neo4j-admin database import full`` reads, and the command.

Nodes:

- ``entities.csv``: ``(:Entity:Organization|Person|Product|Place)``, id space ``Entity``;
- ``articles.csv``: ``(:Article)``, the cited documents, id space ``Article``;
- ``claims.csv``: ``(:Claim)``, what one article says, with its evidence, offsets,
  modality and attribution; ``fact_id`` names the fact it reports.

Relationships:

- ``facts.csv``: a fact from its subject to its object (to its subject for a fact with no
  object), of type ``INVESTMENT``, ``VALUATION``..., with the fact's properties;
- ``claim_articles.csv``: ``(:Claim)-[:REPORTED_IN]->(:Article)``;
- ``claim_entities.csv``: ``(:Claim)-[:SUBJECT|OBJECT|SOURCE|RELAY {position}]->(:Entity)``
  (``SOURCE``/``RELAY``: the links of its attribution chain that are stored entities).

Headers carry the types (``amount:double``, ``claims:long``, ``reported_from_ingest:boolean``,
``aliases:string[]``); arrays are ``;``-separated (an item holding ``;`` has it written
``；``, U+FF1B, as the importer has no escape for it); an empty cell is a missing property;
fields may hold line breaks (``--multiline-fields=true``). Attribution chains, which Neo4j
cannot hold as nested values, are JSON strings besides their plain text.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import Any

from pressgraph.export.graph import Graph
from pressgraph.export.rows import (
    CLAIM_COLUMNS,
    ENTITY_COLUMNS,
    FACT_COLUMNS,
    claim_rows,
    entity_rows,
    fact_rows,
)
from pressgraph.export.tables import csv_text

__all__ = ["FILES", "LABELS", "import_command", "neo4j_files"]

#: Node labels of the entity types.
LABELS = {"ORG": "Organization", "PERSON": "Person", "PRODUCT": "Product", "PLACE": "Place"}
#: The files, nodes first, in the order of the import command.
FILES = (
    ("nodes", "entities.csv"),
    ("nodes", "articles.csv"),
    ("nodes", "claims.csv"),
    ("relationships", "facts.csv"),
    ("relationships", "claim_articles.csv"),
    ("relationships", "claim_entities.csv"),
)
_TYPES = {"str": "", "float": ":double", "int": ":long", "bool": ":boolean"}
_ARRAYS = {"strs": ":string[]", "ints": ":long[]"}
#: Provenance lists of the facts table that the Claim nodes already hold.
_ON_CLAIMS = {
    "outlets",
    "urls",
    "published",
    "evidence",
    "evidence_starts",
    "evidence_ends",
    "attributions",
    "modalities",
}
_DOCUMENT_COLUMNS = (
    ("external_id", "str"),
    ("title", "str"),
    ("outlet", "str"),
    ("url", "str"),
    ("published", "str"),
    ("language", "str"),
    ("story", "str"),
)


def import_command(folder: str = "export") -> str:
    """The command that loads the files of ``folder`` into the database ``neo4j`` (stopped,
    or absent: ``--overwrite-destination`` replaces what is there)."""
    where = folder.rstrip("/") or "/"
    files = " ".join(f"--{kind}={shlex.quote(f'{where}/{name}')}" for kind, name in FILES)
    return (
        f"neo4j-admin database import full neo4j {files}"
        " --array-delimiter=';' --multiline-fields=true --overwrite-destination=true"
    )


def _item(value: Any) -> str:
    return str(value).replace(";", "\uff1b")


def _cell(value: Any, kind: str) -> Any:
    """An array as the importer splits it; any other value as :func:`csv_text` writes it
    (chains and arguments as JSON strings)."""
    if value is None or kind not in _ARRAYS:
        return value
    items = [_item(v) for v in value if v is not None]
    return ";".join(items) if items else None


def _file(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, str]],
    header: dict[str, str],
) -> str:
    """A CSV file whose header names are ``header`` (column -> header text)."""
    plain = [(header[name], "str" if kind in _ARRAYS else kind) for name, kind in columns]
    renamed = [{header[name]: _cell(row.get(name), kind) for name, kind in columns} for row in rows]
    return csv_text(renamed, plain)


def _header(columns: Sequence[tuple[str, str]], special: dict[str, str]) -> dict[str, str]:
    return {
        name: special.get(name, name + _TYPES.get(kind, _ARRAYS.get(kind, "")))
        for name, kind in columns
    }


def _labels(entity_type: str) -> str:
    """``Entity;Organization``: every entity is an ``Entity``, and of its type's label."""
    return f"Entity;{LABELS[entity_type]}" if entity_type in LABELS else "Entity"


def neo4j_files(graph: Graph) -> dict[str, str]:
    """File name -> CSV text, for :data:`FILES`."""
    entities = [{**row, "labels": _labels(row["type"])} for row in entity_rows(graph)]
    entity_columns = (*ENTITY_COLUMNS, ("labels", "str"))
    documents = [{"document_id": d["id"], **d, "labels": "Article"} for d in graph.documents]
    document_columns = (("document_id", "str"), *_DOCUMENT_COLUMNS, ("labels", "str"))
    claims = [{**row, "labels": "Claim"} for row in claim_rows(graph)]
    claim_columns = tuple(
        (name, kind)
        for name, kind in (*CLAIM_COLUMNS, ("labels", "str"))
        if name not in {"document_id", "external_id", "title", "outlet", "url", "language"}
    )
    facts = [
        {
            **row,
            "start": row["subject_id"],
            "end": row["object_id"] if row["object_id"] is not None else row["subject_id"],
            "rel": row["type"].upper(),
        }
        for row in fact_rows(graph)
    ]
    fact_columns = (
        ("start", "str"),
        ("end", "str"),
        ("rel", "str"),
        *((n, k) for n, k in FACT_COLUMNS if n not in _ON_CLAIMS),
    )
    links = (("start", "str"), ("end", "str"), ("rel", "str"), ("position", "int"))
    to_articles = [
        {"start": row["claim_id"], "end": row["document_id"], "rel": "REPORTED_IN"}
        for row in claims
    ]
    to_entities: list[dict[str, Any]] = []
    exported = {e["id"] for e in graph.entities}
    for row in claims:
        for role in ("subject", "object"):
            if row[f"{role}_id"] is not None and row[f"{role}_id"] in exported:
                to_entities.append(
                    {"start": row["claim_id"], "end": row[f"{role}_id"], "rel": role.upper()}
                )
        for position, link in enumerate(row["attribution_chain"]):
            if link["entity_id"] is not None and link["entity_id"] in exported:
                rel = "SOURCE" if link["kind"] == "source" else "RELAY"
                to_entities.append(
                    {"start": row["claim_id"], "end": link["entity_id"], "rel": rel,
                     "position": position}
                )  # fmt: skip
    return {
        "entities.csv": _file(
            entities,
            entity_columns,
            _header(entity_columns, {"entity_id": "entity_id:ID(Entity)", "labels": ":LABEL"}),
        ),
        "articles.csv": _file(
            documents,
            document_columns,
            _header(
                document_columns, {"document_id": "document_id:ID(Article)", "labels": ":LABEL"}
            ),
        ),
        "claims.csv": _file(
            claims,
            claim_columns,
            _header(claim_columns, {"claim_id": "claim_id:ID(Claim)", "labels": ":LABEL"}),
        ),
        "facts.csv": _file(
            facts,
            fact_columns,
            _header(
                fact_columns,
                {"start": ":START_ID(Entity)", "end": ":END_ID(Entity)", "rel": ":TYPE"},
            ),
        ),
        "claim_articles.csv": _file(
            to_articles,
            links[:3],
            _header(
                links[:3], {"start": ":START_ID(Claim)", "end": ":END_ID(Article)", "rel": ":TYPE"}
            ),
        ),
        "claim_entities.csv": _file(
            to_entities,
            links,
            _header(links, {"start": ":START_ID(Claim)", "end": ":END_ID(Entity)", "rel": ":TYPE"}),
        ),
    }
