"""The ``pressgraph`` command: a thin shell over the Python API.

Only this package prints. Every :class:`~pressgraph.errors.PressgraphError` becomes one
line on stderr (naming the input and the reason) and exit status 1; ``--debug`` shows
tracebacks.

The commands are registered on :data:`~pressgraph.cli.app.app` by the modules that define
them: :mod:`pressgraph.cli.graph` (ingest, extract, entities, facts, report, timeline,
search, demo), then :mod:`pressgraph.cli.learn` (evaluate, train) and
:mod:`pressgraph.cli.measure` (bench, evaluate-resolution), :mod:`pressgraph.cli.serve`
(serve) and :mod:`pressgraph.cli.export` (export).
"""

from __future__ import annotations

# Imported in this order, the modules register their commands in the order of ``--help``.
# isort: off
from pressgraph.cli import graph as graph
from pressgraph.cli import learn as learn
from pressgraph.cli import measure as measure
from pressgraph.cli import serve as serve
from pressgraph.cli import export as export

# isort: on
from pressgraph.cli.app import app, main
from pressgraph.cli.graph import sample_paths

__all__ = ["app", "main", "sample_paths"]
