"""Exports of the graph: GraphML, Neo4j import files, JSON-LD, CSV and Parquet.

:func:`read_graph` reads what to export from a store (the whole graph, or one entity's
facts and the entities they touch), with facts built from claims as dossiers build them;
each format is a module that turns that :class:`Graph` into text or rows, with no I/O:
:mod:`~pressgraph.export.graphml`, :mod:`~pressgraph.export.neo4j`,
:mod:`~pressgraph.export.jsonld`, :mod:`~pressgraph.export.tables` (CSV and Parquet, over
the rows of :mod:`~pressgraph.export.rows`). :func:`write` puts the result in files.
pyarrow is imported only for Parquet (the ``export`` extra).
"""

from __future__ import annotations

from pressgraph.export.files import FOLDER_FORMATS, FORMATS, Written, render, write
from pressgraph.export.graph import Graph, read_graph

__all__ = ["FOLDER_FORMATS", "FORMATS", "Graph", "Written", "read_graph", "render", "write"]
