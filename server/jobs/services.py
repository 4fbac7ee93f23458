"""Reading the jobs table for HQ: what ran, what waits, what failed and why."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from server.access.policy import Actor, Permission, require
from server.jobs.models import Job, JobState


def jobs(actor: Actor | None, *, state: JobState | None = None, task: str | None = None) -> QuerySet[Job]:
    require(actor, Permission.VIEW_JOBS)
    query = Job.all()
    if state is not None:
        query = query.filter(state=state)
    if task:
        query = query.filter(task=task)
    return query
