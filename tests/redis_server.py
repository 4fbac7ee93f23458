"""Redis for tests: the machine's shared Redis, and Redis servers a test runs (and stops) itself.

With CI=true the Redis tests always run, and fail when Redis or `redis-server` is missing; on a
developer's machine without them they are skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid

import pytest
from redis import Redis
from redis.exceptions import RedisError

SHARED_REDIS_URL = "redis://127.0.0.1:6379"
ON_CI = os.environ.get("CI") == "true"


def _answers(url: str) -> bool:
    try:
        return bool(Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5).ping())
    except (RedisError, OSError):
        return False


requires_redis = pytest.mark.skipif(
    not ON_CI and not _answers(SHARED_REDIS_URL), reason=f"no Redis at {SHARED_REDIS_URL} (CI=true requires it)"
)
requires_redis_server = pytest.mark.skipif(
    not ON_CI and shutil.which("redis-server") is None, reason="no redis-server to run (CI=true requires it)"
)


def unique_channel() -> str:
    """A channel of its own, so tests sharing one Redis never see each other's events."""
    return f"tessera-test:{uuid.uuid4().hex}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class OwnRedis:
    """A redis-server on a free port that a test may stop and start again (same port)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self._process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not _answers(self.url):
            assert time.monotonic() < deadline, f"redis-server on port {self.port} did not start"
            time.sleep(0.02)

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=10)
            self._process = None
