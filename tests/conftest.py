"""Shared fixtures: the French and English pipelines (loaded once per session), extraction
helpers, the evaluation folders of ``../shared`` (a failure when they are missing), a local
web site (a real HTTP server on 127.0.0.1) for the fetching tests, and a store with hostile
names for the export tests."""

from __future__ import annotations

import json
import os
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
