"""Reading the jobs table for HQ: what ran, what waits, what failed and why; and the schedule of
periodic work, which lives in code (server/jobs/catalog.py), not in the table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.queryset import QuerySet

from server.access.policy import Actor, Permission, require
from server.jobs.models import Job, JobState
from server.jobs.registry import Registry


@dataclass(frozen=True)
class ScheduledTask:
    """A periodic task as HQ reads it: how often it runs and when its next slot starts."""

    task: str
    every: timedelta
    offset: timedelta
    next_run_at: datetime


def jobs(actor: Actor | None, *, state: JobState | None = None, task: str | None = None) -> QuerySet[Job]:
    require(actor, Permission.VIEW_JOBS)
    query = Job.all()
    if state is not None:
        query = query.filter(state=state)
    if task:
        query = query.filter(task=task)
    return query


def schedule(actor: Actor | None, registry: Registry, at: datetime) -> list[ScheduledTask]:
    """The registry's periodic tasks, each with the start of its first slot after `at` (a running
    worker queues the current slot's run as soon as that slot opens)."""
    require(actor, Permission.VIEW_JOBS)
    return [ScheduledTask(p.task, p.every, p.offset, p.slot(at) + p.every) for p in registry.periodic]
