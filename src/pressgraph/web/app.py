"""The web UI's shell: a FastAPI application over a store opened read-only.

Each request opens the database with :func:`~pressgraph.store.open_readonly` (SQLite
``mode=ro``: the server cannot write, and sees what an ingest adds meanwhile), asks
:mod:`pressgraph.web.pages` for the page, and answers HTML (Jinja2, autoescape on for
every template: article text is hostile input, nothing is marked safe) or, with
``?format=json``, the page's JSON twin. Every answer carries a strict Content-Security-
Policy (``default-src 'self'``, no script at all), ``X-Content-Type-Options: nosniff``,
no framing and no referrer. Only ``GET`` and ``HEAD`` are served; the Host header must
name the address served (a page elsewhere cannot reach this server by DNS rebinding).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, unquote

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from pressgraph.errors import NotFound, PressgraphError, StoreError
from pressgraph.store import open_readonly
from pressgraph.web import links, pages
from pressgraph.web.pages import View

__all__ = ["CSP", "SECURITY_HEADERS", "allowed_hosts", "create_app"]

CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}

#: Page numbers above this are refused (an offset that large is a mistake, not a page).
MAX_PAGE = 100_000
_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
_ANY = ("0.0.0.0", "::", "")

READ = ["GET", "HEAD"]
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Format = Annotated[str, Query(pattern="^(html|json)$")]


def allowed_hosts(host: str) -> list[str]:
    """The Host header values the server answers: the loopback names when it listens on
    loopback, else the address it listens on (any, when it listens on every address)."""
    if host in _ANY:
        return ["*"]
    names = [host, f"[{host}]"] if ":" in host else [host]
    if host in _LOOPBACK or host.startswith("127."):
        names += ["127.0.0.1", "localhost", "[::1]"]
    return list(dict.fromkeys(names))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pressgraph.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        entity_href=links.entity_href,
        pair_href=links.pair_href,
        document_href=links.document_href,
        fact_anchor=links.fact_anchor,
        evidence_anchor=links.evidence_anchor,
        with_params=links.with_params,
        href_of=links.href_of,
        page_href=_page_href,
    )
    return env


def _page_href(path: str, params: Mapping[str, Any], name: str, number: int) -> str:
    return links.with_params(path, {**params, name: number if number > 1 else None})


def _raw_path(request: Request) -> str:
    """The path as the client sent it, percent-encoded (what links to the same page use)."""
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1") if isinstance(raw, bytes) else request.url.path
    return quote(path.split("?", 1)[0], safe="/%:@!$&'()*+,;=-._~")


def _segments(request: Request, prefix: str) -> list[str]:
    """The decoded segments of the raw path after ``prefix``."""
    return [unquote(part) for part in _raw_path(request)[len(prefix) :].split("/")]


def create_app(db: str | Path, *, host: str | None = None) -> FastAPI:
    """The application serving the store at ``db`` (opened read-only for each request);
    given the ``host`` it listens on, it answers only requests naming that host (see
    :func:`allowed_hosts`)."""
    database = str(db)
    env = _environment()
    app = FastAPI(
        title="pressgraph", docs_url=None, redoc_url=None, openapi_url=None, redirect_slashes=False
    )
    if host is not None:
        # Added first, so the security headers (added after: outside it) are on its answers.
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host))

    def answer(request: Request, view: View, fmt: str) -> Response:
        if fmt == "json":
            return JSONResponse(view.data, status_code=view.status)
        params = {k: v for k, v in request.query_params.items() if k != "format"}
        path = _raw_path(request)
        json_href = links.with_params(path, {**params, "format": "json"})
        html = env.get_template(view.template).render(
            title=view.title,
            data=view.data,
            path=path,
            params=params,
            json_href=json_href,
            **view.context,
        )
        return HTMLResponse(html, status_code=view.status)

    def error(request: Request, status: int, message: str) -> Response:
        fmt = "json" if request.query_params.get("format") == "json" else "html"
        view = View("error.html", f"Error {status}", {"error": message}, {"status": status}, status)
        return answer(request, view, fmt)

    def read(work: Callable[[Any], View]) -> View:
        with open_readonly(database) as store:
            return work(store)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(PressgraphError)
    async def bad_request(request: Request, exc: PressgraphError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        where = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        )
        return error(request, 400, f"invalid parameter ({where})")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return error(request, exc.status_code, message)

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.method not in ("GET", "HEAD"):
            response: Response = JSONResponse(
                {"error": "read-only: only GET and HEAD"}, status_code=405
            )
            response.headers["Allow"] = "GET, HEAD"
        else:
            response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.api_route("/", methods=READ)
    def home(
        request: Request,
        entities_page: PageNumber = 1,
        documents_page: PageNumber = 1,
        format: Format = "html",
    ) -> Response:
        return answer(
            request, read(lambda s: pages.home_view(s, entities_page, documents_page)), format
        )

    @app.api_route("/search", methods=READ)
    def search(
        request: Request,
        q: str | None = Query(None, max_length=500),
        page: PageNumber = 1,
        format: Format = "html",
    ) -> Response:
        return answer(request, read(lambda s: pages.search_view(s, q, page)), format)

    @app.api_route("/entity/{name:path}", methods=READ)
    def entity(
        request: Request,
        name: str,
        as_of: str | None = Query(None, max_length=10),
        page: PageNumber = 1,
        format: Format = "html",
    ) -> Response:
        name = "/".join(_segments(request, "/entity/"))
        view = read(lambda s: pages.dossier_view(s, name, as_of=as_of, page=page))
        return answer(request, view, format)

    @app.api_route("/pair/{names:path}", methods=READ)
    def pair(
        request: Request,
        names: str,
        as_of: str | None = Query(None, max_length=10),
        page: PageNumber = 1,
        format: Format = "html",
    ) -> Response:
        # Read from the raw path: a name holding "/" is one segment there (%2F).
        parts = _segments(request, "/pair/")
        if len(parts) != 2 or not all(parts):
            raise StarletteHTTPException(404)
        a, b = parts
        view = read(lambda s: pages.dossier_view(s, a, b, as_of=as_of, page=page))
        return answer(request, view, format)

    @app.api_route("/document/{doc_id}", methods=READ)
    def document(
        request: Request,
        doc_id: str,
        page: PageNumber = 1,
        story_page: PageNumber = 1,
        format: Format = "html",
    ) -> Response:
        view = read(lambda s: pages.document_view(s, doc_id, page=page, story_page=story_page))
        return answer(request, view, format)

    static = resources.files("pressgraph.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
