"""Two workers at once over one queue: every job runs exactly once. On PostgreSQL the workers use
separate pooled connections, so their claims really race in the database."""

from __future__ import annotations

import asyncio
from collections import Counter

from server.jobs.models import Job, JobState
from server.jobs.queue import enqueue
from server.jobs.registry import JobContext, Registry, Task
from server.jobs.runner import Worker

JOBS = 60


async def test_two_workers_draining_one_queue_run_every_job_exactly_once(db: None) -> None:
    # given 60 queued jobs whose handler yields to the other worker mid-run
    runs: list[tuple[str, str]] = []

    def handler(worker: str) -> Task:
        async def run(context: JobContext) -> None:
            runs.append((context.key, worker))
            await asyncio.sleep(0.001)

        return Task("work", run)

    for n in range(JOBS):
        await enqueue("work", f"job-{n}")
    one = Worker(Registry.of([handler("one")]), name="one")
    two = Worker(Registry.of([handler("two")]), name="two")
    # when both drain at the same time
    ran = await asyncio.gather(one.drain(), two.drain())
    # then each job ran once, both workers took part, and every job succeeded on its first claim
    assert sum(ran) == JOBS
    assert Counter(key for key, _ in runs) == Counter(f"job-{n}" for n in range(JOBS))
    assert {worker for _, worker in runs} == {"one", "two"}
    assert await Job.filter(state=JobState.SUCCEEDED, attempts=1).count() == JOBS
