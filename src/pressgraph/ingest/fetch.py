"""Fetching pages over HTTP(S): the network shell of ingest (httpx).

A :class:`Fetcher` gets one URL at a time and gives a :class:`Page` (final URL, media type,
charset, language, body) or raises :class:`~pressgraph.errors.IngestError` naming the URL.
It is polite and careful by construction:

- a clear ``User-Agent`` (:data:`USER_AGENT`, e.g. ``pressgraph/0.1.0 (press-article
  reader; honours robots.txt)``), and ``robots.txt`` honoured per host
  (401/403 forbid the whole host, other 4xx allow it, 5xx or no answer forbid it, RFC 9309);
- at most one request per ``min_interval`` seconds to one host;
- timeouts on every step and a wall-clock deadline on the whole answer, checked at every
  read from the network (:class:`_Deadline`: a body dripped a byte at a time is cut at
  the deadline, not when 64 KiB have come), a size cap (``Content-Length``
  checked first, then the body as it streams, after content decoding: a gzip bomb stops at
  the cap), at most ``max_redirects`` redirects, ``http`` and ``https`` only;
- only the media types asked for: a non-HTML answer is refused before its body is read;
- no server-side request forgery: unless ``allow_private``, a host that resolves to a
  private, loopback, link-local, multicast or reserved address is refused, at every
  redirect hop, and the connection itself is made to the address that was checked
  (:class:`_GuardedBackend`), so DNS rebinding between check and connect gains nothing.
  Proxies from the environment are not used (``trust_env=False``).

The guard is a network backend of httpcore's public interface, under httpcore's public
connection pool, which :class:`_GuardedTransport` puts behind httpx's public transport
interface (``httpx.HTTPTransport`` takes no network backend): no private attribute of
either library is touched.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from pressgraph.errors import IngestError

__all__ = ["USER_AGENT", "FetchPolicy", "Fetcher", "Page", "is_url", "refused_address"]

logger = logging.getLogger(__name__)

#: The ``User-Agent`` of every request (``{version}``: pressgraph's version).
USER_AGENT = "pressgraph/{version} (press-article reader; honours robots.txt)"
#: The name matched against ``User-agent:`` lines of robots.txt.
ROBOTS_AGENT = "pressgraph"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ROBOTS_MAX_BYTES = 512_000

Resolver = Callable[[str, int], list[str]]


def _user_agent() -> str:
    from pressgraph._version import __version__

    return USER_AGENT.format(version=__version__)


def is_url(text: str) -> bool:
    """Whether an input names a web page (``http://`` or ``https://``) rather than a path."""
    return text.lower().startswith(("http://", "https://"))


def _system_resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refused_address(
    address: str, allowed: Iterable[ipaddress.IPv4Network | ipaddress.IPv6Network] = ()
) -> str | None:
    """Why a connection to ``address`` is refused (``"a loopback address"``), or None."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed):
        return None
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return f"a {kind} address"
    if not ip.is_global:
        return "a non-public address"
    return None


@dataclass(frozen=True)
class FetchPolicy:
    """How pages are fetched. ``allow_private`` lifts the address check altogether;
    ``allowed_networks`` lifts it for some networks only (``("127.0.0.1/32",)``)."""

    timeout: float = 20.0
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    min_interval: float = 1.0
    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()
    user_agent: str = field(default_factory=lambda: _user_agent())
    robots: bool = True


@dataclass(frozen=True)
class Page:
    """A fetched answer: final URL after redirects, media type, charset and language of
    its headers, and the body (content encoding undone)."""

    url: str
    media_type: str
    charset: str | None
    language: str | None
    body: bytes


class _Refused(httpcore.ConnectError):
    """The address check refused a connection (raised inside httpcore, mapped by httpx)."""


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host itself, refuses it if any address is refused, and connects to the
    address it checked (TLS still verifies the host name: httpcore passes it as SNI)."""

    def __init__(self, check: Callable[[str], str | None], resolve: Resolver) -> None:
        self._check = check
        self._resolve = resolve

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self._resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve host {host!r} ({exc})") from exc
        for address in addresses:
            why = self._check(address)
            if why is not None:
                raise _Refused(f"refused: {host} resolves to {address}, {why}")
        if not addresses:
            raise httpcore.ConnectError(f"cannot resolve host {host!r}")
        return super().connect_tcp(
            addresses[0], port, timeout, local_address=local_address, socket_options=socket_options
        )


#: httpcore's errors and the httpx errors they stand for, the most specific first (as
#: httpx's own transport maps them).
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextmanager
def _httpx_errors() -> Iterator[None]:
    """httpcore's errors raised as the httpx errors they stand for (message kept)."""
    try:
        yield
    except Exception as exc:
        for core, mapped in _ERRORS:
            if isinstance(exc, core):
                raise mapped(str(exc)) from exc
        raise


class _AnswerStream(httpx.SyncByteStream):
    """httpcore's response body as httpx reads it, its errors mapped."""

    def __init__(self, inner: Iterable[bytes]) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self._inner

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            close()


class _GuardedTransport(httpx.BaseTransport):
    """httpx's transport interface over httpcore's connection pool, whose connections all
    go through ``backend`` (the address guard)."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self.pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=backend
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(request.stream, httpx.SyncByteStream):
            raise TypeError("a synchronous client's request has a synchronous body")
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors():
            answer = self.pool.handle_request(core)
        if not isinstance(answer.stream, Iterable):
            raise TypeError("httpcore's synchronous pool gave an asynchronous body")
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=_AnswerStream(answer.stream),
            extensions=answer.extensions,
        )

    def close(self) -> None:
        self.pool.close()


class _Deadline(httpx.SyncByteStream):
    """An answer's raw byte stream, cut once ``clock()`` passes ``deadline``: checked at
    every read from the network, before content decoding (a compressed drip yields no
    decoded byte for a long time). A read that waits is bounded by the read timeout."""

    def __init__(
        self,
        inner: httpx.SyncByteStream,
        deadline: float,
        clock: Callable[[], float],
        url: str,
        timeout: float,
    ) -> None:
        self._inner = inner
        self._deadline = deadline
        self._clock = clock
        self._url = url
        self._timeout = timeout

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if self._clock() > self._deadline:
                raise IngestError(self._url, f"timed out after {self._timeout:g} s (body too slow)")
            yield chunk

    def close(self) -> None:
        self._inner.close()


@dataclass
class _HostState:
    next_slot: float = 0.0
    robots: RobotFileParser | None = None
    robots_error: str | None = None


@dataclass
class Fetcher:
    """Fetches pages under a :class:`FetchPolicy`; use as a context manager (or ``close``).

    ``clock``, ``sleep`` and ``resolve`` are there for tests (a fake clock, a resolver
    that maps a test host name to an address).
    """

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    resolve: Resolver = _system_resolve
    _hosts: dict[str, _HostState] = field(default_factory=dict, init=False, repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # -- the address check ---------------------------------------------------------------

    def _refusal(self, address: str) -> str | None:
        if self.policy.allow_private:
            return None
        networks = [ipaddress.ip_network(n, strict=False) for n in self.policy.allowed_networks]
        return refused_address(address, networks)

    def _client_for(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                transport=_GuardedTransport(_GuardedBackend(self._refusal, self.resolve)),
                headers={"User-Agent": self.policy.user_agent},
                timeout=httpx.Timeout(self.policy.timeout),
                follow_redirects=False,
                trust_env=False,
            )
        return self._client

    def _check_url(self, url: str) -> tuple[str, str]:
        """(origin, host) of an http(s) URL; its addresses checked before any request."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise IngestError(url, f"unsupported URL scheme {parts.scheme!r} (http, https)")
        host = parts.hostname
        if not host:
            raise IngestError(url, "URL without a host")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = self.resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise IngestError(url, f"cannot resolve host {host!r} ({exc})") from exc
        for address in addresses:
            why = self._refusal(address)
            if why is not None:
                raise IngestError(
                    url, f"refused: {host} resolves to {address}, {why} (see --allow-private)"
                )
        return f"{parts.scheme}://{parts.netloc}", host

    # -- politeness ----------------------------------------------------------------------

    def _wait_turn(self, host: str) -> None:
        state = self._hosts.setdefault(host, _HostState())
        now = self.clock()
        if state.next_slot > now:
            self.sleep(state.next_slot - now)
            now = state.next_slot
        state.next_slot = now + self.policy.min_interval

    def _robots_allow(self, url: str, origin: str, host: str) -> None:
        if not self.policy.robots:
            return
        state = self._hosts.setdefault(host, _HostState())
        if state.robots is None and state.robots_error is None:
            state.robots, state.robots_error = self._load_robots(origin, host)
        if state.robots_error is not None:
            raise IngestError(url, f"robots.txt unreachable, not fetched ({state.robots_error})")
        assert state.robots is not None  # set together with robots_error above
        if not state.robots.can_fetch(ROBOTS_AGENT, url):
            raise IngestError(url, "disallowed by robots.txt")

    def _load_robots(self, origin: str, host: str) -> tuple[RobotFileParser | None, str | None]:
        parser = RobotFileParser(f"{origin}/robots.txt")
        robots_url = f"{origin}/robots.txt"
        try:
            status, _headers, body = self._get(robots_url, host, max_bytes=_ROBOTS_MAX_BYTES)
        except IngestError as exc:
            return None, exc.reason
        if status in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])
        elif 400 <= status < 500:
            parser.parse([])
        elif status >= 500:
            return None, f"HTTP {status}"
        else:
            parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser, None

    # -- requests ------------------------------------------------------------------------

    def _get(
        self,
        url: str,
        host: str,
        *,
        max_bytes: int,
        accept: Callable[[str], bool] | None = None,
        redirect: list[str] | None = None,
    ) -> tuple[int, httpx.Headers, bytes]:
        """One GET (no redirect followed): (status, headers, body). A redirect's ``Location`` is put
        in ``redirect``; a media type ``accept`` refuses is an error before the body."""
        self._wait_turn(host)
        deadline = self.clock() + self.policy.timeout
        try:
            with self._client_for().stream("GET", url) as response:
                status = response.status_code
                if status in _REDIRECTS and redirect is not None:
                    location = response.headers.get("Location")
                    if not location:
                        raise IngestError(url, f"HTTP {status} redirect without a Location")
                    redirect.append(urljoin(url, location))
                    return status, response.headers, b""
                if accept is not None:
                    if status >= 400:
                        raise IngestError(url, f"HTTP {status} {response.reason_phrase}".strip())
                    media = response.headers.get("Content-Type", "").split(";")[0].strip()
                    if not accept(media.lower()):
                        raise IngestError(
                            url, f"unsupported content type {media or '(none)'!r} (HTML or a feed)"
                        )
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise IngestError(
                        url, f"response too large: {declared} bytes > {max_bytes} (size cap)"
                    )
                if isinstance(response.stream, httpx.SyncByteStream):
                    response.stream = _Deadline(
                        response.stream, deadline, self.clock, url, self.policy.timeout
                    )
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise IngestError(
                            url, f"response larger than the size cap ({max_bytes} bytes)"
                        )
                return status, response.headers, bytes(body)
        except httpx.TimeoutException as exc:
            raise IngestError(url, f"timed out after {self.policy.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            message = str(exc) or type(exc).__name__
            if not message.startswith("refused"):
                message = f"network error ({message})"
            raise IngestError(url, message) from exc

    def fetch(self, url: str, accept: Callable[[str], bool]) -> Page:
        """The page at ``url`` after at most ``max_redirects`` redirects, each hop checked
        (address, robots.txt, rate); ``accept(media_type)`` says which types are wanted."""
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            try:
                origin, host = self._check_url(current)
                self._robots_allow(current, origin, host)
                redirect: list[str] = []
                _status, headers, body = self._get(
                    current, host, max_bytes=self.policy.max_bytes, accept=accept, redirect=redirect
                )
            except IngestError as exc:
                if current == url:
                    raise
                raise IngestError(url, f"redirected to {current}: {exc.reason}") from exc
            if redirect:
                logger.debug("%s: redirected to %s", current, redirect[0])
                current = redirect[0]
                continue
            return _page(current, headers, body)
        raise IngestError(url, f"too many redirects (more than {self.policy.max_redirects})")


def _page(url: str, headers: httpx.Headers, body: bytes) -> Page:
    media, _, params = headers.get("Content-Type", "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return Page(
        url=url,
        media_type=media.strip().lower(),
        charset=charset,
        language=headers.get("Content-Language"),
        body=body,
    )
