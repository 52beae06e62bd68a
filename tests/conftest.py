"""Shared fixtures: the French and English pipelines (loaded once per session), extraction
helpers, the evaluation folders of ``../shared`` (a failure when they are missing), and a
local web site (a real HTTP server on 127.0.0.1) for the fetching tests."""

from __future__ import annotations

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
