"""pressgraph: a sourced, time-aware knowledge graph of companies, people and deals, from press
articles.

The public Python API (importing it loads no model and opens no database)::

    from pressgraph import Document, extract, open_store, run

The names are loaded on first use (:func:`__getattr__`): ``import pressgraph`` alone, or
the ``pressgraph`` command's ``--help``, imports neither spaCy nor the web libraries.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from pressgraph._version import __version__ as __version__

if TYPE_CHECKING:
    from pressgraph.errors import PressgraphError
    from pressgraph.extract import extract
    from pressgraph.model import Claim, Document, Extraction
    from pressgraph.pipeline import run
    from pressgraph.store import open_store

__all__ = ["Claim", "Document", "Extraction", "PressgraphError", "extract", "open_store", "run"]

#: Where each public name is defined (imported on first access).
_WHERE = {
    "Claim": "pressgraph.model",
    "Document": "pressgraph.model",
    "Extraction": "pressgraph.model",
    "PressgraphError": "pressgraph.errors",
    "extract": "pressgraph.extract",
    "open_store": "pressgraph.store",
    "run": "pressgraph.pipeline",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'pressgraph' has no attribute {name!r}")
    value = getattr(import_module(_WHERE[name]), name)
    globals()[name] = value  # later accesses skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
