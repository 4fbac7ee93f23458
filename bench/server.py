"""Running Tessera the way production does — `tessera migrate`, then `tessera serve` with its
workers — in a child process group that the benchmark stops when it is done."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.machine import process_seconds

TESSERA = str(Path(sys.executable).with_name("tessera"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def tessera_env(database_url: str, secret_key: str) -> dict[str, str]:
    return {
        **os.environ,
        "TESSERA_DATABASE_URL": database_url,
        "TESSERA_SECRET_KEY": secret_key,
        "TESSERA_ENV": "production",
    }


def migrate(env: dict[str, str]) -> None:
    subprocess.run([TESSERA, "migrate"], env=env, check=True, capture_output=True)


class TesseraServer:
    def __init__(self, env: dict[str, str], workers: int) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [TESSERA, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self._wait_ready(workers)

    def _wait_ready(self, workers: int, timeout: float = 60.0) -> None:
        """Ready once /readyz answers on enough fresh connections that every worker has started."""
        deadline = time.monotonic() + timeout
        answered = 0
        while answered < 4 * workers:
            if self.process.poll() is not None:
                raise RuntimeError(f"tessera serve exited:\n{self.process.stderr.read().decode() if self.process.stderr else ''}")
            if time.monotonic() > deadline:
                raise TimeoutError("tessera serve did not become ready")
            try:
                answered += httpx.get(f"{self.base_url}/readyz", timeout=2).status_code == 200
            except httpx.HTTPError:
                time.sleep(0.2)

    def worker_pids(self) -> list[int]:
        """The serving processes (uvicorn's workers, not multiprocessing's resource tracker)."""
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True)
        pids = [int(pid) for pid in found.stdout.split()]
        return [pid for pid in pids if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()]

    def cpu_seconds(self) -> list[float]:
        """CPU time (user + system) each worker has used so far."""
        return [process_seconds(pid) for pid in self.worker_pids()]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
