"""The ``pressgraph`` command: a thin shell over the Python API.

Only this package prints. Every :class:`~pressgraph.errors.PressgraphError` becomes one
line on stderr (naming the input and the reason) and exit status 1, in one place
(:mod:`pressgraph.cli.app`); ``--debug`` shows tracebacks. A bad option value is a usage
error, exit status 2.

The commands are registered on :data:`~pressgraph.cli.app.app` by the modules that define
them: :mod:`pressgraph.cli.inputs` (ingest, extract), :mod:`pressgraph.cli.graph`
(entities, facts, report, timeline, search, demo), then :mod:`pressgraph.cli.learn`
(evaluate, train), :mod:`pressgraph.cli.measure` (bench, evaluate-resolution),
:mod:`pressgraph.cli.serve` (serve) and :mod:`pressgraph.cli.export` (export). None of them
imports spaCy, the web readers, numpy, scikit-learn, FastAPI or pyarrow until a command runs.
"""

from __future__ import annotations

# Imported in this order, the modules register their commands in the order of ``--help``.
# isort: off
from pressgraph.cli import graph as graph
from pressgraph.cli import inputs as inputs
from pressgraph.cli import learn as learn
from pressgraph.cli import measure as measure
from pressgraph.cli import serve as serve
from pressgraph.cli import export as export

# isort: on
from pressgraph.cli.app import app, main
from pressgraph.cli.graph import sample_paths

__all__ = ["app", "main", "sample_paths"]
