"""Enqueueing: `enqueue(task, key, payload)` adds a job unless its key was ever used.

Call it inside a service's transaction to make the job part of what commits (an outbox): a
rolled-back operation leaves no job, a committed one always has its job. The insert never fails
on a taken key (`ON CONFLICT DO NOTHING` / `INSERT OR IGNORE`), so it can't abort the caller's
transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from server.core.clock import now
from server.jobs.models import MAX_KEY_LENGTH, Job, JobState


async def enqueue(
    task: str,
    key: str,
    payload: dict[str, Any] | None = None,
    *,
    run_at: datetime | None = None,
    using_db: BaseDBAsyncClient | None = None,
) -> None:
    """Queues `task` under `key` to run at `run_at` (default now); nothing if the key exists."""
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise ValueError(f"job keys are 1-{MAX_KEY_LENGTH} characters: {key!r}")
    job = Job(task=task, key=key, payload=payload or {}, state=JobState.QUEUED, run_at=run_at or now())
    await Job.bulk_create([job], ignore_conflicts=True, using_db=using_db)
