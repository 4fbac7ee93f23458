"""The worker: enqueues the periodic jobs that are due, then claims and runs queued jobs.

Claiming is one guarded update — `UPDATE job SET state=RUNNING, attempts=n+1 WHERE id=? AND
state=<seen> AND attempts=n` — that matches for exactly one of any number of workers racing for a
row (PostgreSQL re-checks the condition after the winner commits; SQLite serializes writers), so a
job never runs twice at once, on either database. A job left RUNNING longer than the lease (its
worker died) is claimed again the same way. Finishing is guarded by the claim (`attempts` and
`locked_by`), so a worker whose lease ran out can't overwrite the outcome of the one that took over.
"""

from __future__ import annotations

import asyncio
import os
import socket
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta

import structlog
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from server.core.clock import now
from server.jobs.models import Job, JobState
from server.jobs.queue import enqueue
from server.jobs.registry import JobContext, Registry, Task

CLAIM_BATCH = 20
MAX_ERROR = 4000

log = structlog.get_logger("tessera.jobs")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


class Worker:
    def __init__(
        self,
        registry: Registry,
        *,
        name: str | None = None,
        lease: timedelta = timedelta(minutes=15),
        poll_seconds: float = 1.0,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.registry = registry
        self.name = name or worker_name()
        self.lease = lease
        self.poll_seconds = poll_seconds
        self.clock = clock

    async def schedule(self) -> None:
        """Enqueues the current slot of every periodic job (a no-op for slots already queued)."""
        at = self.clock()
        for periodic in self.registry.periodic:
            slot = periodic.slot(at)
            await enqueue(periodic.task, periodic.key(slot), {"slot": slot.isoformat()}, run_at=slot)

    async def claim(self) -> Job | None:
        at = self.clock()
        due = Q(state=JobState.QUEUED, run_at__lte=at) | Q(state=JobState.RUNNING, locked_at__lt=at - self.lease)
        candidates = await Job.filter(due).order_by("run_at", "id").limit(CLAIM_BATCH).values("id", "state", "attempts")
        for row in candidates:
            claimed = await Job.filter(id=row["id"], state=row["state"], attempts=row["attempts"]).update(
                state=JobState.RUNNING, attempts=row["attempts"] + 1, locked_by=self.name, locked_at=at
            )
            if claimed == 1:
                return await Job.get(id=row["id"])
        return None

    async def run_one(self) -> Job | None:
        """Claims one due job and runs it; the job as it ended, or None when nothing was due."""
        job = await self.claim()
        if job is None:
            return None
        task = self.registry.tasks.get(job.task)
        if task is None:
            await self._finish(job, JobState.FAILED, f"unknown task {job.task!r}")
            return await Job.get(id=job.id)
        try:
            async with asyncio.timeout(task.timeout):
                await task.run(JobContext(job.key, job.payload, job.attempts, task.max_attempts, self.clock()))
        except Exception as exc:  # noqa: BLE001 - any failure of a handler is recorded and retried
            await self._failed(job, task, exc)
        else:
            await self._finish(job, JobState.SUCCEEDED)
        return await Job.get(id=job.id)

    async def drain(self, limit: int | None = None) -> int:
        """Runs due jobs until none is left (or `limit` ran); how many ran."""
        ran = 0
        while (limit is None or ran < limit) and await self.run_one() is not None:
            ran += 1
        return ran

    async def run(self, stop: asyncio.Event) -> None:
        """Schedules and runs jobs until `stop` is set; waits `poll_seconds` when idle."""
        log.info("worker_started", worker=self.name, tasks=sorted(self.registry.tasks))
        while not stop.is_set():
            ran = 0
            try:
                await self.schedule()
                ran = await self.drain(limit=100)
            except Exception:  # noqa: BLE001 - a database hiccup must not end the worker
                log.exception("worker_cycle_failed", worker=self.name)
            if not ran:
                try:
                    await asyncio.wait_for(stop.wait(), self.poll_seconds)
                except TimeoutError:
                    pass
        log.info("worker_stopped", worker=self.name)

    async def _failed(self, job: Job, task: Task, exc: Exception) -> None:
        error = "".join(traceback.format_exception_only(exc)).strip()[:MAX_ERROR]
        if job.attempts >= task.max_attempts:
            log.error("job_failed", job=job.key, task=job.task, attempts=job.attempts, error=error)
            await self._finish(job, JobState.FAILED, error)
            return
        retry_at = self.clock() + task.delay_after(job.attempts)
        log.warning("job_retry", job=job.key, task=job.task, attempts=job.attempts, retry_at=retry_at, error=error)
        await self._mine(job).update(state=JobState.QUEUED, run_at=retry_at, last_error=error)

    async def _finish(self, job: Job, state: JobState, error: str | None = None) -> None:
        changes: dict[str, object] = {"state": state, "finished_at": self.clock()}
        if error is not None:
            changes["last_error"] = error
        await self._mine(job).update(**changes)

    def _mine(self, job: Job) -> QuerySet[Job]:
        return Job.filter(id=job.id, state=JobState.RUNNING, attempts=job.attempts, locked_by=self.name)
