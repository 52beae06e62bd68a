"""Shared fixtures: the French and English pipelines (loaded once per session), extraction
helpers, the evaluation folders of ``../shared`` (a failure when they are missing), a local
web site (a real HTTP server on 127.0.0.1) for the fetching tests, a store with hostile
names for the export tests, and a throwaway PostgreSQL server (a failure when PostgreSQL
cannot be found or started)."""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from spacy.language import Language

from pressgraph import nlp
from pressgraph.extract import extract_parsed
from pressgraph.extract.scorer import RULES_ONLY
from pressgraph.model import Document, Extraction
from pressgraph.resolve.stage import RESOLUTION

#: The folder beside the clone that holds ``eval/`` and ``corpus/`` (see the README).
SHARED = Path(__file__).resolve().parents[2] / "shared"
#: Set to 1 to let the tests that need ``../shared`` skip when it is missing (not in CI).
ALLOW_MISSING_SHARED = "PRESSGRAPH_ALLOW_MISSING_SHARED"


def _shared_folder(what: str, variable: str, complete: Callable[[Path], bool]) -> Path:
    """``../shared/<what>`` (or the folder ``$variable`` names); when it is not there, the
    test fails saying so, or skips if ``$PRESSGRAPH_ALLOW_MISSING_SHARED`` is 1."""
    given = os.environ.get(variable)
    folder = Path(given) if given else SHARED / what
    if complete(folder):
        return folder
    message = (
        f"{folder} not found or incomplete: these tests need the evaluation folders "
        f"(../shared/{what} beside the clone, or ${variable}); set "
        f"{ALLOW_MISSING_SHARED}=1 to skip them instead"
    )
    if os.environ.get(ALLOW_MISSING_SHARED) == "1":
        pytest.skip(message)
    pytest.fail(message, pytrace=False)


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """``../shared/eval``, with its hand-labelled ``dev/`` and ``train/`` articles."""
    return _shared_folder(
        "eval",
        "PRESSGRAPH_EVAL_DIR",
        lambda f: all(any((f / part).glob("*.json")) for part in ("dev", "train")),
    )


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """``../shared/corpus``, the unlabelled articles (French Wikinews, English Reuters)."""
    return _shared_folder("corpus", "PRESSGRAPH_CORPUS_DIR", lambda f: any(f.glob("*.jsonl")))


@pytest.fixture(scope="session")
def fr_nlp() -> Language:
    return nlp.load("fr")


@pytest.fixture(scope="session")
def extract_fr(fr_nlp: Language) -> Callable[[str], Extraction]:
    def run(text: str) -> Extraction:
        doc = Document.from_text(text, language="fr")
        return extract_parsed(doc, fr_nlp(text), "fr")

    return run


@pytest.fixture(scope="session")
def extract_en() -> Callable[[str], Extraction]:
    pipe = nlp.load("en")

    def run(text: str) -> Extraction:
        doc = Document.from_text(text, language="en")
        return extract_parsed(doc, pipe(text), "en")

    return run


@pytest.fixture(scope="session")
def rules_fr(fr_nlp: Language) -> Callable[[str], Extraction]:
    """What the hand rules alone read in a French text (no trained scorer)."""

    def run(text: str) -> Extraction:
        doc = Document.from_text(text, language="fr")
        return extract_parsed(doc, fr_nlp(text), "fr", RULES_ONLY)

    return run


@pytest.fixture(scope="session")
def rules_en() -> Callable[[str], Extraction]:
    """What the hand rules alone read in an English text (no trained scorer)."""
    pipe = nlp.load("en")

    def run(text: str) -> Extraction:
        doc = Document.from_text(text, language="en")
        return extract_parsed(doc, pipe(text), "en", RULES_ONLY)

    return run


@dataclass
class Route:
    """What the local site answers on one path: status, headers, body, a delay (seconds,
    before the headers) to make a request time out, and a drip (seconds between two bytes
    of the body) to make it slow."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(
        default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"}
    )
    delay: float = 0.0
    drip: float = 0.0


@dataclass
class LocalSite:
    """A real HTTP server on 127.0.0.1; ``routes`` maps a path to a :class:`Route`, unknown
    paths are 404 (so robots.txt allows all unless a route says otherwise)."""

    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, str]]  # (path, User-Agent)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        drip: float = 0.0,
    ) -> str:
        """Answer ``path`` with this; returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type, **(headers or {})}
        self.routes[path] = Route(data, status, all_headers, delay, drip)
        return self.url(path)


@pytest.fixture()
def local_site() -> Iterator[LocalSite]:
    routes: dict[str, Route] = {}
    requests: list[tuple[str, str]] = []
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            requests.append((self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path, Route(b"not found", 404, {"Content-Type": "text/plain"}))
            if route.delay:
                stop.wait(route.delay)
            try:
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in route.headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if not route.drip:
                    self.wfile.write(route.body)
                for i in range(len(route.body) if route.drip else 0):
                    self.wfile.write(route.body[i : i + 1])
                    self.wfile.flush()
                    if stop.wait(route.drip):
                        break
            except OSError:  # the client gave up (timeout test)
                pass

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield LocalSite(f"http://127.0.0.1:{server.server_address[1]}", routes, requests)
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- a graph to export ------------------------------------------------------------------------

#: Names no recogniser gives, stored through the store's writer: quotes, markup, a line feed,
#: a tab, a carriage return, C0 controls (NUL, ESC), DEL and a bidi override.
HOSTILE_NAME = 'Évil "Q" <b>&amp;</b>\nCorp\t\r\x00\x01\x1b[2J\x7f\u202e'
HOSTILE_OTHER = 'Ømega; Inc, "B" & <C>'


def _hostile_extraction() -> Extraction:
    from pressgraph.model import Claim, Entity, Mention, Source

    text = f"{HOSTILE_NAME} bought {HOSTILE_OTHER} for 5 million dollars, sources said."
    doc = Document.from_text(
        text,
        title='Deal "of" <the> year & more\nline two\x1b[2J',
        outlet='The "Wire" <&>',
        url="https://example.com/deal?a=1&b=<2>",
        published="2025-02-03",
        language="en",
        external_id='hostile-"2"',
    )
    start = text.index(HOSTILE_OTHER)
    claim = Claim(
        document=doc.id,
        type="acquisition",
        subject=HOSTILE_NAME,
        object=HOSTILE_OTHER,
        amount=5e6,
        currency="USD",
        sources=(Source('Les "Échos" <&>\n', "source"), Source("Relay\x1bR; two", "relay")),
        evidence=text,
        evidence_start=0,
        evidence_end=len(text),
    )
    return Extraction(
        document=doc,
        language="en",
        entities=(Entity(HOSTILE_NAME, "ORG"), Entity(HOSTILE_OTHER, "ORG", ("Ømega; Inc",))),
        mentions=(
            Mention(HOSTILE_NAME, 0, len(HOSTILE_NAME), HOSTILE_NAME, "ORG"),
            Mention(HOSTILE_OTHER, start, start + len(HOSTILE_OTHER), HOSTILE_OTHER, "ORG"),
        ),
        claims=(claim,),
    )


@pytest.fixture(scope="session")
def graph_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by the real pipeline from the bundled samples, the Norvala articles of
    ``tests/data/multi`` and an article whose title, outlet, URL and text are hostile; plus
    one document stored through the store's writer with hostile entity and source names."""
    from pressgraph import pipeline
    from pressgraph.cli import sample_paths
    from pressgraph.store import open_store

    folder = tmp_path_factory.mktemp("graph")
    hostile = folder / "hostile.jsonl"
    text = (
        'Acme rachète Zeta\x1b Corp\n\nLe groupe Acme "Quote" & <Co> a racheté la société '
        "Zeta\x1b Corp pour 10 millions d'euros.\nAcme détient 20 % de Zeta\x1b Corp."
    )
    row = {
        "id": 'hostile-<1>&"',
        "language": "fr",
        "date": "2025-01-02",
        "outlet": 'Le "Monde" <i>&</i>\x07',
        "url": "https://example.com/a?x=1&y=<2>",
        "title": 'Titre "cité" <script>alert(1)</script> & co\nseconde ligne',
        "text": text,
    }
    hostile.write_text(json.dumps(row) + "\n", encoding="utf-8")
    db = folder / "graph.db"
    multi = Path(__file__).parent / "data" / "multi" / "norvala.jsonl"
    with open_store(db) as store:
        report = pipeline.run([*sample_paths(), multi, hostile], store)
        assert report.ok, report.rejected
        assert store.add(_hostile_extraction(), RESOLUTION)
    return db


# -- PostgreSQL: a throwaway cluster for the session ---------------------------------------

#: Set to 1 to let the PostgreSQL tests skip when no server can be started (not in CI).
ALLOW_MISSING_POSTGRES = "PRESSGRAPH_ALLOW_MISSING_POSTGRES"


def _postgres_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: ``$PRESSGRAPH_PG_BIN``, the ``PATH``, or
    Debian's ``/usr/lib/postgresql/<version>/bin`` (the newest)."""
    given = os.environ.get("PRESSGRAPH_PG_BIN")
    if given:
        return Path(given)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: [int(x) for x in Path(p).parts[-3].split(".") if x.isdigit()],
    )
    return Path(debian[-1]).parent if debian else None


@dataclass
class PostgresServer:
    """A PostgreSQL cluster in a temporary folder, on a free local port (its unix socket
    in the folder), owned by the ``postgres`` system user when the tests run as root
    (``initdb`` refuses root). ``new_database()`` gives the URL of an empty database."""

    bindir: Path
    folder: Path
    port: int
    run_as: list[str]
    count: int = 0

    @property
    def url(self) -> str:
        return f"postgresql://pressgraph@127.0.0.1:{self.port}/postgres"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.run_as, *args], capture_output=True, text=True, timeout=120, check=False
        )

    def new_database(self) -> str:
        import psycopg

        self.count += 1
        name = f"test_{self.count}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql://pressgraph@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.run(str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                 "-w", "stop")  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_postgres() -> PostgresServer:
    """Start a throwaway cluster, or raise RuntimeError saying why it cannot be."""
    bindir = _postgres_bin()
    given = os.environ.get("PRESSGRAPH_PG_BIN")
    if given and not (Path(given) / "initdb").exists():
        raise RuntimeError(f"PostgreSQL not found: no initdb in $PRESSGRAPH_PG_BIN ({given})")
    if bindir is None or not (bindir / "initdb").exists():
        raise RuntimeError(
            "PostgreSQL not found (no initdb on PATH nor in /usr/lib/postgresql/*/bin): "
            "apt-get install postgresql (.ci/run does), or set PRESSGRAPH_PG_BIN"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise RuntimeError("psycopg is not installed: pip install '.[test]'") from exc
    folder = Path(tempfile.mkdtemp(prefix="pressgraph-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to postgres
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root and there is no postgres system user") from exc
        os.chown(folder, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    server = PostgresServer(bindir, folder, _free_port(), run_as)
    data = str(folder / "data")
    init = server.run(str(bindir / "initdb"), "-D", data, "-U", "pressgraph", "--auth=trust",
                      "--no-locale", "-E", "UTF8", "--no-sync")  # fmt: skip
    if init.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
    settings = (
        f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        " -c full_page_writes=off -c synchronous_commit=off -c max_connections=60"
    )
    started = server.run(str(bindir / "pg_ctl"), "-D", data, "-l", str(folder / "log"), "-w",
                         "-t", "60", "-o", settings, "start")  # fmt: skip
    if started.returncode != 0:
        log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
        server.stop()
        raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()} {log[-500:]}")
    return server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the session (started on first use, stopped and deleted at
    the end). When PostgreSQL cannot be found or started the test fails, saying why, or
    skips if ``$PRESSGRAPH_ALLOW_MISSING_POSTGRES`` is 1."""
    try:
        server = _start_postgres()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        message = f"{exc}; set {ALLOW_MISSING_POSTGRES}=1 to skip the PostgreSQL tests instead"
        if os.environ.get(ALLOW_MISSING_POSTGRES) == "1":
            pytest.skip(message)
        pytest.fail(message, pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def pg_url(postgres: PostgresServer) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return postgres.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a store test opens its store: a SQLite file, then a PostgreSQL database (the
    store tests run on both backends)."""
    if request.param == "sqlite":
        return tmp_path / "graph.db"
    return str(request.getfixturevalue("pg_url"))
