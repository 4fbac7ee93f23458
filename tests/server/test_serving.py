"""`tessera serve` with several workers: each listens on its own socket of one port, so the kernel
spreads connections over them instead of the first worker awake taking them all."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from server.serving import reuse_port_socket
from tests.server.test_cli import SECRET_KEY

TESSERA = str(Path(sys.executable).with_name("tessera"))


def _listening_sockets(port: int) -> int:
    """Sockets in LISTEN state on `port` (any address), from /proc/net/tcp and tcp6."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            count += state == "0A" and int(local.rsplit(":", 1)[1], 16) == port
    return count


def test_sockets_bound_with_reuse_port_share_the_connections_to_their_port() -> None:
    first = reuse_port_socket("127.0.0.1", 0)
    second = reuse_port_socket("127.0.0.1", first.getsockname()[1])
    with first, second:
        for sock in (first, second):
            sock.listen(64)
            sock.setblocking(False)
        clients = [socket.create_connection(first.getsockname()) for _ in range(32)]
        accepted = {id(first): 0, id(second): 0}
        for sock in (first, second):
            while True:
                try:
                    sock.accept()[0].close()
                except BlockingIOError:
                    break
                accepted[id(sock)] += 1
        for client in clients:
            client.close()

    assert sum(accepted.values()) == 32
    assert min(accepted.values()) > 0  # all on one socket: 1 in 2^31


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/net/tcp")
def test_serve_with_two_workers_listens_once_per_worker_and_answers(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "TESSERA_DATABASE_URL": f"sqlite://{tmp_path}/tessera.sqlite3",
        "TESSERA_SECRET_KEY": SECRET_KEY,
    }
    env.pop("TESSERA_REDIS_URL", None)
    subprocess.run([TESSERA, "migrate"], env=env, check=True, capture_output=True)
    probe = reuse_port_socket("127.0.0.1", 0)
    port = probe.getsockname()[1]
    probe.close()
    server = subprocess.Popen(
        [TESSERA, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while _listening_sockets(port) < 2 and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.2)

        assert _listening_sockets(port) == 2
        assert all(httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5).status_code == 200 for _ in range(8))
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
