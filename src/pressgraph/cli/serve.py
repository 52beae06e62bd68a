"""The ``serve`` command: the web UI over a database, read-only, on loopback by default.

FastAPI and uvicorn are imported inside the command, so ``pressgraph --help`` and the other
commands do not load them.
"""

from __future__ import annotations

import errno
import socket
from typing import Annotated

import typer
from rich.text import Text

from pressgraph.cli.app import DbOption, app, db_name, db_path, err
from pressgraph.errors import ConfigError

__all__ = ["serve"]

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``; a port taken or an address this machine does not have
    is one :class:`ConfigError`."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ConfigError(f"--host {host!r}: unknown address ({exc.strerror})") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        reason = "already in use" if exc.errno == errno.EADDRINUSE else exc.strerror
        raise ConfigError(f"cannot listen on {host}:{port} ({reason})") from exc
    return sock


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free).")
    ] = 8000,
) -> None:
    """Browse the database in a web browser: search, dossiers with their sources and
    evidence, the deal graph, articles with their evidence highlighted (read-only)."""
    from pressgraph.store import open_readonly

    path = db_path(db)
    open_readonly(path).close()  # a missing or foreign file is one line, before listening
    sock = _listen(host, port)
    import uvicorn

    from pressgraph.web.app import create_app

    bound = sock.getsockname()
    shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
    if host not in _LOOPBACK and not host.startswith("127."):
        err.print(
            Text(
                f"warning: listening on {host}, not loopback: whoever reaches it reads"
                f" {db_name(path)}"
            )
        )
    err.print(
        Text(f"serving {db_name(path)} (read-only) on http://{shown}:{bound[1]}/  (Ctrl-C to stop)")
    )
    config = uvicorn.Config(
        create_app(path, host=host), log_level="warning", access_log=False, server_header=False
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
