"""What a worker can run: tasks (named handlers with a retry policy) and periodic schedules.

    Task       `run(context)` does the work; raising means "failed, retry later" until the
               `max_attempts`-th attempt, whose failure is final. The wait before attempt n+1 is
               `backoff * 2**(n-1)` seconds, capped at `max_backoff`. Handlers must be safe to run
               again after a crash mid-way (a worker that dies leaves its job to be reclaimed).
    Periodic   enqueues `task` once per slot of `every` (aligned to the UTC epoch, shifted by
               `offset`: every=1 day, offset=3 h is 03:00 UTC daily) under the key
               `periodic:<task>:<slot>`, so any number of schedulers enqueue each slot once.
    Registry   the tasks and schedules of one worker; `server.jobs.catalog.REGISTRY` is Tessera's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class JobContext:
    """What a handler is told about the job it runs."""

    key: str
    payload: dict[str, Any]
    attempt: int
    max_attempts: int
    started_at: datetime

    @property
    def last_attempt(self) -> bool:
        return self.attempt >= self.max_attempts


@dataclass(frozen=True)
class Task:
    name: str
    run: Callable[[JobContext], Awaitable[None]]
    max_attempts: int = 5
    backoff: float = 30.0
    max_backoff: float = 6 * 3600.0
    timeout: float = 600.0

    def delay_after(self, attempt: int) -> timedelta:
        """How long to wait after failed attempt number `attempt` (1-based) before the next."""
        return timedelta(seconds=min(self.backoff * 2 ** (attempt - 1), self.max_backoff))


@dataclass(frozen=True)
class Periodic:
    task: str
    every: timedelta
    offset: timedelta = timedelta(0)

    def slot(self, at: datetime) -> datetime:
        """The start of the slot `at` falls in: the latest due run."""
        since = at - EPOCH - self.offset
        return at - since % self.every

    def key(self, slot: datetime) -> str:
        return f"periodic:{self.task}:{slot.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}"


@dataclass(frozen=True)
class Registry:
    tasks: dict[str, Task] = field(default_factory=dict)
    periodic: tuple[Periodic, ...] = ()

    @classmethod
    def of(cls, tasks: Iterable[Task], periodic: Iterable[Periodic] = ()) -> Registry:
        by_name = {t.name: t for t in tasks}
        schedules = tuple(periodic)
        unknown = [p.task for p in schedules if p.task not in by_name]
        if unknown:
            raise ValueError(f"periodic jobs for unknown tasks: {unknown}")
        return cls(by_name, schedules)
