"""Running the server's processes (`tessera serve`).

With several workers each listens on a socket of its own, all bound to the one address with
SO_REUSEPORT, so the kernel spreads new connections across them. uvicorn's own way — one socket
shared by every worker — lets whichever worker wakes first accept every pending connection: a
till's or a partner's pool of keep-alive connections opened together often lands on one worker,
which saturates a core while the others idle. The supervisor keeps the port bound without
listening on it, so a taken port fails at start-up and never receives a connection itself.
"""

from __future__ import annotations

import socket
from typing import Any, cast

import uvicorn
from uvicorn.supervisors import Multiprocess

APP = "server.app:create_app"


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to (host, port) with SO_REUSEPORT, not yet listening."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


class _OwnSocket:
    """Stands for the socket each worker binds for itself. uvicorn's supervisor hands its sockets
    to the workers it spawns by pickling them; this one unpickles, in the worker, as a new socket
    bound to the port with SO_REUSEPORT. So the workers keep uvicorn's supervision (health checks,
    restarts) and each listen on their own socket."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return reuse_port_socket, (self.host, self.port)


def serve(host: str, port: int, workers: int, app: str = APP) -> None:
    """Serves `app` (an app factory's import path; Tessera's by default, `bench.bare` passes its own)
    on host:port with `workers` processes until SIGINT/SIGTERM."""
    if workers == 1 or not hasattr(socket, "SO_REUSEPORT"):
        uvicorn.run(app, factory=True, host=host, port=port, workers=workers)
        return
    config = uvicorn.Config(app, factory=True, host=host, port=port, workers=workers)
    with reuse_port_socket(host, port) as held:
        bound = int(held.getsockname()[1])
        print(f"Tessera serving on http://{host}:{bound} with {workers} workers (press CTRL+C to quit)", flush=True)
        Multiprocess(config, sockets=[cast(socket.socket, _OwnSocket(host, bound))]).run()
