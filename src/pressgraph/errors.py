"""One exception tree for pressgraph.

    PressgraphError            root: the CLI catches it once and prints one line
    ├── ConfigError            bad option, missing model, unusable configuration
    ├── IngestError            an input cannot be read (names the input and the reason)
    │   └── ExtractionError    a document was read, but parsing or extracting it failed
    ├── StoreError             the database cannot be opened, migrated or written
    ├── EngineError            the Ray engine lost what it ran on (an actor, the cluster)
    ├── NotFound               no stored entity (document) answers to a name (an id)
    ├── ExportError            an export cannot be written where it was asked to go
    ├── SearchError            a search that cannot be run (nothing to search for...)
    └── GoldError              a gold set cannot be scored as given (two articles, one id)

Third-party errors are mapped at the boundary with ``raise ... from exc``. Every error
class of pressgraph is defined here (``tests/cli/test_house_rules.py`` checks it).
"""

from __future__ import annotations


class PressgraphError(Exception):
    """Root of every error pressgraph raises on purpose."""


class ConfigError(PressgraphError):
    """A setting, option or installed resource is unusable."""


class IngestError(PressgraphError):
    """An input cannot be turned into a document.

    ``source`` names the file (and line, as ``path:line``) or URL; ``reason`` says why.
    ``details`` keeps the traceback of an unexpected failure behind it (shown with
    ``--debug``; see :mod:`pressgraph.isolation`).
    """

    def __init__(self, source: str, reason: str, *, details: str | None = None) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.details = details

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled by its fields, so an error crosses a process pool intact (as its class).
        return (type(self), (self.source, self.reason), {"details": self.details})


class ExtractionError(IngestError):
    """A document was read, but the NLP or extraction stage failed on it.

    An :class:`IngestError` too: either way the input is one ``rejected:`` line naming it
    and the reason, and the run goes on (see :mod:`pressgraph.isolation`)."""


class StoreError(PressgraphError):
    """The store cannot be opened, migrated or written."""


class EngineError(PressgraphError):
    """The Ray engine stopped: an actor died (a document crashed native code, a node was
    lost) or the cluster cannot be reached. What was stored stays; run again to go on."""


class NotFound(PressgraphError):
    """No stored entity answers to a name, or no stored document to an id."""


class ExportError(PressgraphError):
    """An export cannot be written: its destination is not writable, or is a file where a
    format writes a folder of files."""


class SearchError(PressgraphError):
    """A search that cannot be run: nothing to search for, an unknown type, a bad limit."""


class GoldError(PressgraphError, ValueError):
    """A set of gold articles cannot be scored as given (two articles share an id).

    Also a :class:`ValueError`, which :func:`pressgraph.evaluate.score` raised before."""
