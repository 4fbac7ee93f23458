"""Scratch PostgreSQL databases for a benchmark run, and pgbench's tpcb-like TPS on the same
server as the yardstick."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from urllib.parse import urlsplit

import asyncpg


@dataclass(frozen=True)
class Server:
    """A PostgreSQL server, from a URL like postgres://user@host:5432/anydb."""

    host: str
    port: int
    user: str
    password: str | None

    @classmethod
    def from_url(cls, url: str) -> Server:
        parts = urlsplit(url)
        return cls(parts.hostname or "127.0.0.1", parts.port or 5432, parts.username or "postgres", parts.password)

    def url(self, database: str, query: str = "") -> str:
        auth = f"{self.user}:{self.password}" if self.password else self.user
        return f"postgres://{auth}@{self.host}:{self.port}/{database}{'?' + query if query else ''}"

    def env(self) -> dict[str, str]:
        """libpq's environment for the command-line tools."""
        env = {**os.environ, "PGHOST": self.host, "PGPORT": str(self.port), "PGUSER": self.user}
        if self.password:
            env["PGPASSWORD"] = self.password
        return env

    async def recreate(self, database: str, *, create: bool = True) -> None:
        """Drops `database` (disconnecting its users) and, unless told not to, creates it empty."""
        admin = await asyncpg.connect(self.url("postgres").replace("postgres://", "postgresql://", 1))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            if create:
                await admin.execute(f'CREATE DATABASE "{database}"')
        finally:
            await admin.close()


_TPS = re.compile(r"^tps = ([0-9.]+) \(without initial connection time\)", re.MULTILINE)


def initialise_pgbench(server: Server, database: str, scale: int) -> None:
    subprocess.run(
        ["pgbench", "-i", "-q", "-s", str(scale), database],
        env=server.env(),
        check=True,
        capture_output=True,
    )


def run_pgbench(server: Server, database: str, clients: int, seconds: int, *script: str) -> float:
    """TPS of `pgbench -c <clients> -j 2 -T <seconds> -M prepared`: tpcb-like, or the custom
    `script` options (`-f FILE -D name=value …`, run without pgbench's own vacuum)."""
    custom = ["-n", *script] if script else []
    done = subprocess.run(
        ["pgbench", "-c", str(clients), "-j", "2", "-T", str(seconds), "-M", "prepared", *custom, database],
        env=server.env(),
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"pgbench failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-2000:]}")
    found = _TPS.search(done.stdout)
    if found is None:
        raise RuntimeError(f"pgbench printed no TPS:\n{done.stdout}\n{done.stderr}")
    return float(found.group(1))
