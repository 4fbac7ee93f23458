"""Where a round's CPU went on this machine: the whole machine, the PostgreSQL server's processes
and this (client) process, read from /proc — so a benchmark can say what one request cost the
machine in all, not only its server workers."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")


def process_seconds(pid: int, *, reaped: bool = False) -> float:
    """CPU time (user + system) a process has used so far, with `reaped` that of its children that
    exited and were waited for too; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    children = int(fields[13]) + int(fields[14]) if reaped else 0
    return (int(fields[11]) + int(fields[12]) + children) / _TICK


def _postgres_seconds() -> float:
    """The server's processes, and the backends that have exited (the postmaster reaped them:
    pgbench's connections end with its run)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdecimal():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    total += process_seconds(int(entry.name), reaped=True)
            except (FileNotFoundError, ProcessLookupError):
                continue
    return total


def _busy_seconds() -> float:
    """CPU time all cores spent not idle (user, nice, system, irq, softirq, steal)."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, Path("/proc/stat").read_text().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / _TICK


@dataclass(frozen=True)
class Reading:
    busy: float
    postgres: float
    client: float


def read() -> Reading:
    return Reading(_busy_seconds(), _postgres_seconds(), time.process_time())


@dataclass(frozen=True)
class Split:
    """Milliseconds of CPU per request, by who spent them."""

    machine: float
    each_worker: list[float]
    postgres: float
    client: float

    @property
    def workers(self) -> float:
        return sum(self.each_worker)

    def line(self) -> str:
        other = self.machine - self.workers - self.postgres - self.client
        each = " + ".join(f"{w:.2f}" for w in self.each_worker)
        return (
            f"machine CPU per consume {self.machine:.2f} ms = workers {self.workers:.2f} ({each}) + PostgreSQL "
            f"{self.postgres:.2f} + client {self.client:.2f} + other {other:.2f}"
        )


def split(before: Reading, after: Reading, workers_seconds: list[float], requests: int) -> Split:
    """Per request; `workers_seconds` is what each server worker used meanwhile (an uneven share
    shows the kernel handing one worker most of the keep-alive connections)."""
    per = 1000 / max(1, requests)
    return Split(
        (after.busy - before.busy) * per,
        [w * per for w in workers_seconds],
        (after.postgres - before.postgres) * per,
        (after.client - before.client) * per,
    )
