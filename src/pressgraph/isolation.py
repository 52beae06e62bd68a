"""One bad input never costs a run: every item is handled in isolation, at every stage.

An *item* is whatever can fail on its own: an input named on the command line (a file, a
file of a folder, a URL), a record of a WARC archive, a line of a JSON Lines file, an entry
of a feed, a document being parsed, extracted or stored. Each stage hands every item to
:func:`attempt` (one call) or :func:`guard` (a stream of items); whatever goes wrong with
it becomes one :class:`~pressgraph.errors.IngestError` in the place of its result, naming
the item and the reason, and the stage goes on with the next item: an
:class:`~pressgraph.errors.ExtractionError` (an :class:`IngestError` too) when parsing or
extracting a document failed. The run reports these as ``rejected: <item>: <reason>``
lines.

Errors raised on purpose keep their message (an :class:`IngestError` as it is, another
:class:`~pressgraph.errors.PressgraphError` prefixed by its stage); an unexpected exception
(a bug, a library's crash on odd input) is summed up in one line and its traceback is kept
in ``details``, which the pipeline logs at debug level (``pressgraph --debug``). Only
:class:`Exception` is caught: ``KeyboardInterrupt`` and ``SystemExit`` still stop the run.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import Literal, TypeVar

from pressgraph.errors import ExtractionError, IngestError, PressgraphError

__all__ = ["Stage", "attempt", "guard", "rejection"]

T = TypeVar("T")

#: Where an item failed; named in the reason of an unexpected failure.
Stage = Literal["reading", "decoding", "parsing", "extraction", "storing"]

#: Longest message of an unexpected exception kept in a reason (the rest is in ``details``).
_MAX_MESSAGE = 200


def _one_line(text: str) -> str:
    """``text`` on one line, cut to :data:`_MAX_MESSAGE` characters, lone surrogates (from
    the input's bytes) written as escapes so that the line can be stored and printed."""
    text = " ".join(text.split()).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."


#: The stages of a document already read: what fails there is an ExtractionError.
_EXTRACTION_STAGES = frozenset({"parsing", "extraction"})


def rejection(source: str, exc: BaseException, stage: Stage) -> IngestError:
    """The one error that stands for ``source`` after ``exc`` stopped it at ``stage``: an
    :class:`ExtractionError` at the parsing and extraction stages, an :class:`IngestError`
    otherwise."""
    if isinstance(exc, IngestError):
        return exc
    kind = ExtractionError if stage in _EXTRACTION_STAGES else IngestError
    cause = exc.__cause__
    wrapped = isinstance(cause, Exception) and not isinstance(cause, PressgraphError)
    if isinstance(exc, PressgraphError) and wrapped and cause is not None:
        exc = cause  # what went wrong, not how it was wrapped ("storing ... failed")
    if isinstance(exc, PressgraphError):
        return kind(source, f"{stage} failed: {_one_line(str(exc))}")
    details = "".join(traceback.format_exception(exc))
    if isinstance(exc, OSError) and stage == "reading":
        return IngestError(source, f"cannot read ({exc.strerror or exc})", details=details)
    message = _one_line(str(exc))
    reason = type(exc).__name__ + (f": {message}" if message else "")
    return kind(source, f"{stage} failed ({reason})", details=details)


def attempt(source: str, stage: Stage, work: Callable[[], T]) -> T | IngestError:
    """``work()``, or the error that stands for ``source`` when it raises."""
    try:
        return work()
    except Exception as exc:  # one bad item must not stop the run: it is reported instead
        return rejection(source, exc, stage)


def guard(source: str, stage: Stage, items: Iterable[T | IngestError]) -> Iterator[T | IngestError]:
    """``items`` as they come; an exception raised while producing them becomes one error
    for ``source`` and ends this stream (the items already given stand), not the run."""
    try:
        yield from items
    except Exception as exc:  # see attempt()
        yield rejection(source, exc, stage)
