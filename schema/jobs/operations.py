"""Queued and scheduled work, as HQ watches it: state, attempts, last error, next run, and the
periodic schedule."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.nodes import ModelNode
from schema.core.pagination import fetch_page, to_edges
from schema.core.permissions import IsAuthenticated, Requires
from server.access.policy import Permission
from server.core.clock import now
from server.jobs import models, services
from server.jobs.catalog import REGISTRY

JobState = strawberry.enum(
    models.JobState,
    description="QUEUED (waiting for its run time or a worker), RUNNING, SUCCEEDED, FAILED (out of attempts).",
)


@strawberry.type(description="One job of the worker: a scheduled run or a queued task such as a send.")
class Job(ModelNode):
    id: relay.NodeID[int]
    key: str = strawberry.field(description="Unique key: a job with a key that exists is never queued again.")
    task: str = strawberry.field(description="What it runs, e.g. points.expire.")
    state: JobState = strawberry.field(description="Where it stands.")
    attempts: int = strawberry.field(description="How many times a worker started it.")
    last_error: str = strawberry.field(description="The latest failure ('' when it never failed).")
    next_run_at: datetime | None = strawberry.field(description="When a queued job runs next (null once finished or running).")
    worker: str = strawberry.field(description="The worker that runs or last ran it ('' before the first run).")
    created_at: datetime = strawberry.field(description="When it was queued.")
    finished_at: datetime | None = strawberry.field(description="When it succeeded or finally failed.")

    @classmethod
    def from_model(cls, row: models.Job, info: Any = None) -> Job:
        return cls(
            id=row.id,
            key=row.key,
            task=row.task,
            state=row.state,
            attempts=row.attempts,
            last_error=row.last_error,
            next_run_at=row.run_at if row.state == models.JobState.QUEUED else None,
            worker=row.locked_by,
            created_at=row.created_at,
            finished_at=row.finished_at,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return services.jobs(info.context.actor)


@strawberry.type(description="Periodic work: the worker queues one run of the task per slot, whatever the number of workers.")
class ScheduledJob:
    task: str = strawberry.field(description="What it runs, e.g. points.expire.")
    every_seconds: int = strawberry.field(description="The length of a slot, in seconds.")
    offset_seconds: int = strawberry.field(description="How far into each period (from the Unix epoch, UTC) a slot starts.")
    next_run_at: datetime = strawberry.field(description="When the next slot opens.")

    @classmethod
    def from_service(cls, scheduled: services.ScheduledTask) -> ScheduledJob:
        return cls(
            task=scheduled.task,
            every_seconds=int(scheduled.every.total_seconds()),
            offset_seconds=int(scheduled.offset.total_seconds()),
            next_run_at=scheduled.next_run_at,
        )


@strawberry.type(description="A page of jobs.")
class JobConnection(relay.Connection[Job]):
    pass


@strawberry.type
class JobsQuery:
    @strawberry.field(
        description="The worker's jobs, newest first, optionally one state or task. HQ (VIEW_JOBS) only.",
        permission_classes=[IsAuthenticated, Requires(Permission.VIEW_JOBS)],
    )
    async def jobs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        state: JobState | None = None,
        task: str | None = None,
    ) -> JobConnection | None:
        query = services.jobs(info.context.actor, state=models.JobState(state.value) if state else None, task=task)
        page = await fetch_page(query, first, after)
        edges, page_info = to_edges(page, Job.from_model)
        return JobConnection(edges=edges, page_info=page_info)

    @strawberry.field(
        description="The worker's periodic tasks and when each runs next. HQ (VIEW_JOBS) only.",
        permission_classes=[IsAuthenticated, Requires(Permission.VIEW_JOBS)],
    )
    async def job_schedule(self, info: Info) -> list[ScheduledJob] | None:
        return [ScheduledJob.from_service(s) for s in services.schedule(info.context.actor, REGISTRY, now())]
