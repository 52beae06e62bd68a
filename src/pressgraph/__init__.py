"""pressgraph: a sourced, time-aware knowledge graph of companies, people and deals, from press
articles.

The public Python API (importing it loads no model and opens no database)::

    from pressgraph import Document, extract, open_store, run
"""

from pressgraph.errors import PressgraphError
from pressgraph.extract import extract
from pressgraph.model import Claim, Document, Extraction
from pressgraph.pipeline import run
from pressgraph.store import open_store

__all__ = ["Claim", "Document", "Extraction", "PressgraphError", "extract", "open_store", "run"]
__version__ = "0.1.0"
