"""The Ray Data engine: :func:`run` of :mod:`pressgraph.pipeline`, spread over a Ray cluster
(or the cores of this machine), for corpora larger than one process reads in a day.

The same stages, the same isolation, the same store; only where they run changes::

    inputs ─► read ─────────► skip stored ───────► parse + extract ──────► driver: write
              (Ray tasks:       (1 actor, beside     (map_batches on an       (store.add, one
              pressgraph's      the store: stored    actor pool; each actor   document at a
              own readers)      or seen earlier)     loads spaCy once)        time)

- **Read**: each input (a file, a folder; all URLs together, so fetching stays polite
  per host) is one Ray task running :func:`pressgraph.ingest.iter_documents` on the
  driver's node (the paths named are paths there): a bad input is the same ``rejected:``
  line as with the local engine.
- **Skip**: one actor, on the node of the driver (beside a SQLite file), opens the store
  read-only and drops, before any parsing, the documents already stored or already seen
  in this run (by id and canonical URL, as :func:`pressgraph.pipeline.run` does): a
  killed run, run again, parses only what it had not stored.
- **Extract**: :func:`pressgraph.pipeline.extract_batch` in ``map_batches`` on an actor
  pool (:class:`_Extractor`, a callable class: each actor loads the pipelines once).
- **Write**: results come back to the driver in input order (Ray Data's
  ``preserve_order``), where a :class:`Writer` stores them: :class:`DriverWriter`, one
  writer, as SQLite needs. A store that takes parallel writers (PostgreSQL) would get a
  writer stage of its own (an actor pool whose actors each open a connection and call
  :func:`pressgraph.pipeline.store_extraction`), the driver receiving only outcomes.

Every row between stages is one pickled object (a :class:`~pressgraph.model.Document`,
an :class:`~pressgraph.errors.IngestError`, a :class:`_Skipped` or an
:class:`~pressgraph.model.Extraction`) in a binary Arrow column: the frozen dataclasses of
:mod:`pressgraph.model` cross processes as they are (the local pool sends them the same
way), without Arrow reading their fields (texts with lone surrogates, nested tuples, ``None``
mixed with numbers).

Ray is imported here only, when the engine runs: ``pip install 'pressgraph[ray]'``.
"""

from __future__ import annotations

import logging
import os
import pickle
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pressgraph.errors import ConfigError, EngineError, IngestError, PressgraphError
from pressgraph.ingest import IngestOptions, iter_documents
from pressgraph.ingest.fetch import is_url
from pressgraph.isolation import attempt
from pressgraph.model import Document, Extraction
from pressgraph.pipeline import (
    BATCH_SIZE,
    RECENT,
    Progress,
    Recent,
    RunReport,
    document_keys,
    extract_batch,
    source_of,
    store_extraction,
)
from pressgraph.store.protocol import Store

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["DriverWriter", "Writer", "connect", "disconnect", "run"]

log = logging.getLogger(__name__)

#: What to install when Ray is missing.
EXTRA = "pip install 'pressgraph[ray]'"

#: Bytes of one Ray Data block (see :func:`_dataset`): a few pickled articles. An actor
#: takes blocks until it has a batch (:data:`BATCH_SIZE` articles).
BLOCK_BYTES = 16 * 1024

#: Opens the store for reading, in the skip actor (picklable: ``partial(open_readonly, path)``).
StoreReader = Callable[[], Store]


@dataclass(frozen=True)
class _Skipped:
    """A document dropped before parsing: stored already, or read earlier in the run."""

    name: str
    id: str


class Writer(Protocol):
    """Where the results of a run are written. The engine hands each extraction, in input
    order, to :meth:`write`: whether it was new, or the error that stands for it."""

    def write(self, extraction: Extraction) -> bool | IngestError: ...


class DriverWriter:
    """The one writer SQLite takes: the driver's process stores each document in its own
    transaction (:func:`pressgraph.pipeline.store_extraction`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def write(self, extraction: Extraction) -> bool | IngestError:
        return store_extraction(self.store, extraction)


def _ray() -> Any:
    """The ``ray`` module, or a :class:`ConfigError` naming the extra to install."""
    try:
        import ray
        import ray.data  # noqa: F401 (the Data library: ray[data])
    except ImportError as exc:
        raise ConfigError(
            f"the Ray engine needs Ray Data ({exc.name or 'ray'} is not installed): {EXTRA}"
        ) from exc
    return ray


def _python_path() -> str:
    """``PYTHONPATH`` for Ray's workers: the folder this pressgraph is imported from first,
    so that they run the same code (on a cluster's other nodes, a folder that is not there
    is passed over and the installed pressgraph is imported)."""
    import pressgraph

    root = str(Path(pressgraph.__file__).resolve().parents[1])
    return os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))


def connect(*, address: str | None = None, cpus: int | None = None) -> bool:
    """Join the Ray cluster at ``address``, or start Ray on this machine with ``cpus`` CPUs;
    whether this call started it (and so should :func:`disconnect`). Ray's dashboard is off
    and its workers' output is not forwarded: the terminal shows pressgraph's lines only."""
    ray = _ray()
    if ray.is_initialized():
        return False
    _quiet_ray()
    options: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": logging.ERROR,
        "runtime_env": {"env_vars": {"PYTHONPATH": _python_path()}},
    }
    try:
        if address:
            ray.init(address=address, **options)
        else:
            # "local": a Ray of its own, even where `ray start` left a cluster running
            ray.init(address="local", num_cpus=cpus or os.cpu_count() or 1, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "Ray on this machine"
        hint = ""
        if address and not os.environ.get("RAY_AUTH_MODE"):
            hint = (
                " (a cluster started by `ray start` wants its token: set RAY_AUTH_MODE=token,"
                " with the head's ~/.ray/auth_token here or RAY_AUTH_TOKEN)"
            )
        raise ConfigError(f"cannot start or join {where}: {exc}{hint}") from exc
    _quiet_ray()  # ray.init set its loggers again
    return True


def disconnect() -> None:
    """Leave Ray (and stop it, when :func:`connect` started it here)."""
    _ray().shutdown()


def _quiet_ray() -> None:
    """Ray's notices (a local instance started, token authentication on, progress bars off)
    are not pressgraph's lines: only Ray's errors are shown."""
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # Fewer batches than actors (a small input) is not worth a warning on the terminal.
    warnings.filterwarnings(
        "ignore", "The minimum number of concurrent actors", UserWarning, "ray.data"
    )


def _pack(items: Sequence[object]) -> pa.Table:
    """One row per item, each pickled into the one binary column ``item``."""
    import pyarrow as pa

    data = [pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in items]
    return pa.table({"item": pa.array(data, type=pa.large_binary())})


def _unpack(table: pa.Table) -> list[Any]:
    return [pickle.loads(b) for b in table.column("item").to_pylist()]


def _units(paths: Sequence[str | Path]) -> list[list[str]]:
    """The read tasks: one per file or folder, every URL in one (robots.txt and one request
    per second per host are kept by one fetcher)."""
    urls = [str(p) for p in paths if is_url(str(p))]
    units = [[str(p)] for p in paths if not is_url(str(p))]
    return units + ([urls] if urls else [])


def _read(table: pa.Table, options: IngestOptions | None) -> Iterator[pa.Table]:
    """Ray task: the documents of the inputs in ``table``, and one error per bad input, in
    blocks of :data:`BATCH_SIZE` as they are read: a JSON Lines file of thousands of
    articles is spread over every actor (Ray Data gives an actor a block at a time), and
    the first batches are parsed while the rest is read."""
    items: list[Document | IngestError] = []
    for unit in _unpack(table):
        for item in iter_documents(unit, options=options):
            items.append(item)
            if len(items) >= BATCH_SIZE:
                yield _pack(items)
                items = []
    if items:
        yield _pack(items)


class _SkipStored:
    """Drops the documents that need no parsing: stored already (asked of the store, opened
    read-only here), or read earlier in this run (their ids and URLs remembered)."""

    def __init__(self) -> None:
        self.store: Store | None = None
        self.seen = Recent(RECENT)

    def __call__(self, table: pa.Table, reader: StoreReader | None) -> pa.Table:
        if self.store is None and reader is not None:
            self.store = reader()  # once: the actor keeps its connection
        return _pack([self._check(item) for item in _unpack(table)])

    def _check(self, item: object) -> object:
        if not isinstance(item, Document):
            return item
        keys = attempt(source_of(item), "reading", partial(document_keys, item))
        if isinstance(keys, IngestError):
            return keys
        if any(k in self.seen for k in keys) or self._stored(item, keys):
            return _Skipped(source_of(item), item.id)
        self.seen.update(keys)
        return item

    def _stored(self, doc: Document, keys: list[str]) -> bool:
        if self.store is None:
            return False
        url_key = keys[1] if len(keys) > 1 else None
        try:
            return self.store.stored_as(doc.id, url_key) is not None
        except Exception as exc:  # the driver's store decides: it will refuse or store it
            log.warning("%s: cannot check the store (%s); parsed anyway", source_of(doc), exc)
            return False


class _Extractor:
    """Parses and extracts the documents of a batch (:func:`pressgraph.pipeline.extract_batch`);
    other rows pass through in place. Each actor loads the spaCy pipelines once."""

    def __init__(self) -> None:
        from pressgraph import nlp
        from pressgraph.lang import LANGUAGES, lexicon

        for lang in LANGUAGES:
            try:
                nlp.load(lang)
                lexicon(lang)
            except PressgraphError:  # reported per document by extract_batch
                pass

    def __call__(self, table: pa.Table) -> pa.Table:
        items = _unpack(table)
        positions = [i for i, item in enumerate(items) if isinstance(item, Document)]
        results = extract_batch([items[i] for i in positions])
        for i, result in zip(positions, results, strict=True):
            items[i] = result
        return _pack(items)


def _dataset(
    paths: Sequence[str | Path],
    *,
    actors: int,
    reader: StoreReader | None,
    options: IngestOptions | None,
) -> Any:
    """The Ray dataset of a run: read, skip, extract; rows in input order."""
    ray = _ray()
    from ray.data import DataContext

    context = DataContext.get_current()
    context.execution_options.preserve_order = True  # stored as the local engine stores
    context.enable_progress_bars = False  # pressgraph shows its own
    context.print_on_execution_start = False
    context.enable_auto_log_stats = False
    # Ray Data merges what a task yields into blocks of up to this many bytes, and an actor
    # takes whole blocks: small blocks (a few articles each), one task in flight per actor,
    # spread one large input over every actor and bring results back as they are ready
    # (measured: with Ray's defaults, one actor read 160 articles while the other waited).
    context.target_max_block_size = BLOCK_BYTES
    units = _units(paths)
    node = ray.get_runtime_context().get_node_id()
    # Actors are never restarted: Ray Data's default (restart forever, retry forever) would
    # read a document that crashes its actor again and again; a run that loses an actor
    # stops with one error line instead, and run again skips what it stored. (A restartable
    # actor also makes Ray's core worker print an error line of its own.)
    with warnings.catch_warnings():  # max_restarts, which Ray 2.60 has no named parameter for
        warnings.filterwarnings("ignore", "`ray_remote_args` is deprecated", DeprecationWarning)
        return _stages(ray, units, actors=actors, reader=reader, options=options, node=node)


def _stages(
    ray: Any,
    units: list[list[str]],
    *,
    actors: int,
    reader: StoreReader | None,
    options: IngestOptions | None,
    node: str,
) -> Any:
    from ray.data import ActorPoolStrategy

    return (
        ray.data.from_items(
            [{"item": pickle.dumps(u)} for u in units], override_num_blocks=len(units)
        )
        .map_batches(
            _read, batch_size=1, batch_format="pyarrow", fn_kwargs={"options": options},
            num_cpus=0,  # reading is light: it takes no CPU from the extracting actors
            label_selector={"ray.io/node-id": node},  # the paths named are the driver's
        )
        .map_batches(
            _SkipStored, batch_size=None, batch_format="pyarrow",
            fn_kwargs={"reader": reader}, compute=ActorPoolStrategy(size=1), num_cpus=0,
            label_selector={"ray.io/node-id": node},  # beside the store the driver opened
            max_restarts=0,
        )
        .map_batches(
            _Extractor, batch_size=BATCH_SIZE, batch_format="pyarrow",
            compute=ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=1),
            num_cpus=1, max_restarts=0,
        )
    )  # fmt: skip


def run(
    paths: Sequence[str | Path],
    store: Store,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    address: str | None = None,
    ingest: IngestOptions | None = None,
    reader: StoreReader | None = None,
    writer: Writer | None = None,
) -> RunReport:
    """Ingest ``paths`` into ``store`` with Ray Data; the same report, rejected lines and
    stored graph as :func:`pressgraph.pipeline.run`.

    Without ``address``, Ray starts on this machine with ``workers`` CPUs (default: all)
    and stops at the end; with it, the run joins that cluster (``workers`` actors, default
    one per CPU of the cluster). A Ray already started in this process is used as it is.
    ``reader`` opens ``store`` for reading in the actor that skips stored documents before
    they are parsed (without it, the store itself refuses them after parsing); ``writer``
    stores the results (default: :class:`DriverWriter` on ``store``).
    """
    if workers is not None and workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    ray = _ray()
    started = connect(address=address, cpus=workers)
    try:
        actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        dataset = _dataset(paths, actors=actors, reader=reader, options=ingest)
        return _write_all(_results(dataset), writer or DriverWriter(store), store, progress)
    finally:
        if started:
            disconnect()


def _results(dataset: Any) -> Iterator[object]:
    """The rows of ``dataset`` as they arrive at the driver, unpickled, in input order; an
    :class:`EngineError` when Ray loses what the run needs (an actor, a node)."""
    from ray.exceptions import RayError

    batches = iter(
        dataset.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1)
    )
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except RayError as exc:
            summary = " ".join(str(exc).split())[:300]
            raise EngineError(
                f"the Ray engine stopped ({type(exc).__name__}: {summary}); what was stored "
                "stays: run the same command again to go on"
            ) from exc
        yield from _unpack(batch)


def _write_all(
    results: Iterator[object], writer: Writer, store: Store, progress: Progress | None
) -> RunReport:
    """Write each result and count it, as :func:`pressgraph.pipeline.run` does."""
    report = RunReport()
    notify = progress or (lambda event, detail: None)
    for result in results:
        added: bool | PressgraphError
        if isinstance(result, _Skipped):
            report.skipped.append(result.id)
            notify("skipped", result.name)
            continue
        if isinstance(result, Extraction):
            added = writer.write(result)
        elif isinstance(result, PressgraphError):
            added = result
        else:  # a Document that no actor read: cannot happen, but never lost silently
            added = IngestError(
                source_of(result) if isinstance(result, Document) else "?", "not read"
            )
        if isinstance(added, PressgraphError):
            if isinstance(added, IngestError) and added.details:
                log.debug("%s\n%s", added, added.details.rstrip())  # shown with --debug
            report.rejected.append(str(added))
            notify("rejected", str(added))
        elif isinstance(result, Extraction) and added:
            report.stored.append(result.document.id)
            report.claims += len(result.claims)
            if store.story_of(result.document.id) != result.document.id:
                report.reprints += 1
            notify("stored", source_of(result.document))
        elif isinstance(result, Extraction):
            report.skipped.append(result.document.id)
            notify("skipped", source_of(result.document))
    return report
