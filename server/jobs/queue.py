"""Enqueueing: `enqueue(task, key, payload)` adds a job unless its key was ever used.

Call it inside a service's transaction to make the job part of what commits (an outbox): a
rolled-back operation leaves no job, a committed one always has its job. The insert never fails
on a taken key (`ON CONFLICT DO NOTHING`), so it can't abort the caller's transaction.

The statements are written once (outboxes queue jobs on every payment's path): `enqueue_all()`
adds any number of jobs in one INSERT, plus one INSERT … SELECT … WHERE per job that is queued
only if a condition holds when it is inserted; inside a payment they are deferred writes
(`server.core.sql.deferring_writes`), sent with its other side rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from server.core.clock import now
from server.core.sql import Sql, defer, join, sql
from server.jobs.models import MAX_KEY_LENGTH, JobState

_COLUMNS = "INSERT INTO job (key, task, payload, state, attempts, run_at, last_error, locked_by, created_at) "
_ROW = f"?, ?, ?, '{JobState.QUEUED.value}', 0, ?, '', '', ?"
_IGNORE_TAKEN = " ON CONFLICT DO NOTHING"


@dataclass(frozen=True)
class Queued:
    """A job to add: `task` under `key`, due at `run_at` (default now); with `only_if` (an SQL
    condition) it is added only when the condition holds as the insert runs."""

    task: str
    key: str
    payload: dict[str, Any] = field(default_factory=dict)
    run_at: datetime | None = None
    only_if: Sql | None = None

    def __post_init__(self) -> None:
        if not 1 <= len(self.key) <= MAX_KEY_LENGTH:
            raise ValueError(f"job keys are 1-{MAX_KEY_LENGTH} characters: {self.key!r}")

    def row(self, at: datetime) -> Sql:
        return sql(_ROW, self.key, self.task, json.dumps(self.payload, separators=(",", ":")), self.run_at or at, at)


async def enqueue(
    task: str,
    key: str,
    payload: dict[str, Any] | None = None,
    *,
    run_at: datetime | None = None,
    using_db: BaseDBAsyncClient | None = None,
) -> None:
    """Queues `task` under `key` to run at `run_at` (default now); nothing if the key exists."""
    await enqueue_all([Queued(task, key, payload or {}, run_at)], using_db=using_db)


async def enqueue_all(jobs: Sequence[Queued], *, using_db: BaseDBAsyncClient | None = None) -> None:
    """Queues `jobs`, skipping taken keys and jobs whose condition does not hold."""
    at = now()
    plain = [job.row(at) for job in jobs if job.only_if is None]
    if plain:
        await defer(sql(_COLUMNS + "VALUES ") + join("), (", plain) + sql(_IGNORE_TAKEN), using_db)
    for job in jobs:
        if job.only_if is not None:
            await defer(sql(_COLUMNS + "SELECT ") + job.row(at) + sql(" WHERE ") + job.only_if + sql(_IGNORE_TAKEN), using_db)
