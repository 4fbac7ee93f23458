"""The queue and the worker on the real database: unique keys, claims, retries with backoff,
final failure, reclaiming a dead worker's job, periodic slots."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tortoise.transactions import in_transaction

from server.jobs.models import Job, JobState
from server.jobs.queue import enqueue
from server.jobs.registry import Periodic, Registry, Task
from server.jobs.runner import Worker
from tests.server.jobs.conftest import START, Clock, Recorder


def _worker(clock: Clock, *tasks: Task, periodic: tuple[Periodic, ...] = (), name: str = "w1") -> Worker:
    return Worker(Registry.of(tasks, periodic), name=name, clock=clock)


async def _rows() -> list[tuple[str, str, JobState, int]]:
    return [(j.key, j.task, JobState(j.state), j.attempts) for j in await Job.all().order_by("id")]


async def test_a_key_is_queued_once_and_its_job_runs_once(db: None, clock: Clock) -> None:
    # given a job enqueued twice under one key
    record = Recorder()
    worker = _worker(clock, Task("t", record))
    await enqueue("t", "k-1", {"n": 1})
    await enqueue("t", "k-1", {"n": 2})
    # when the worker drains the queue, and the key is enqueued again after the job ran
    ran = await worker.drain()
    await enqueue("t", "k-1", {"n": 3})
    ran_again = await worker.drain()
    # then it ran once, with the first payload
    assert (ran, ran_again) == (1, 0)
    assert record.runs == [("k-1", 1)]
    job = await Job.get(key="k-1")
    assert (job.state, job.attempts, job.payload, job.locked_by, job.finished_at) == (JobState.SUCCEEDED, 1, {"n": 1}, "w1", START)


async def test_a_job_enqueued_in_a_rolled_back_transaction_does_not_exist(db: None) -> None:
    # when a transaction enqueues and then fails
    try:
        async with in_transaction() as connection:
            await enqueue("t", "outbox-1", using_db=connection)
            raise LookupError("the operation was refused")
    except LookupError:
        pass
    async with in_transaction() as connection:
        await enqueue("t", "outbox-2", using_db=connection)
    # then only the committed one is queued
    assert await _rows() == [("outbox-2", "t", JobState.QUEUED, 0)]


async def test_a_job_waits_for_its_run_time(db: None, clock: Clock) -> None:
    record = Recorder()
    worker = _worker(clock, Task("t", record))
    await enqueue("t", "later", run_at=START + timedelta(minutes=5))

    assert await worker.drain() == 0
    clock.advance(minutes=5)
    assert await worker.drain() == 1
    assert record.runs == [("later", 1)]


async def test_a_failing_job_is_retried_with_exponential_backoff_and_keeps_its_last_error(db: None, clock: Clock) -> None:
    # given a task that fails twice, retried after 30 s then 60 s
    record = Recorder(failures=2)
    worker = _worker(clock, Task("t", record, max_attempts=5, backoff=30.0))
    await enqueue("t", "flaky")
    # when it fails the first time
    await worker.drain()
    first = await Job.get(key="flaky")
    # then it waits 30 s
    assert (first.state, first.attempts, first.run_at, first.last_error) == (
        JobState.QUEUED, 1, START + timedelta(seconds=30), "RuntimeError: boom 1"
    )
    clock.advance(seconds=29)
    assert await worker.drain() == 0
    # when it fails again, then 60 s
    clock.advance(seconds=1)
    await worker.drain()
    second = await Job.get(key="flaky")
    assert (second.state, second.attempts, second.run_at, second.last_error) == (
        JobState.QUEUED, 2, START + timedelta(seconds=90), "RuntimeError: boom 2"
    )
    # and the third attempt succeeds
    clock.advance(seconds=60)
    await worker.drain()
    third = await Job.get(key="flaky")
    assert (third.state, third.attempts, third.last_error) == (JobState.SUCCEEDED, 3, "RuntimeError: boom 2")
    assert record.runs == [("flaky", 1), ("flaky", 2), ("flaky", 3)]


async def test_backoff_doubles_up_to_its_cap() -> None:
    task = Task("t", Recorder(), backoff=10.0, max_backoff=60.0)

    assert [task.delay_after(n).total_seconds() for n in range(1, 6)] == [10.0, 20.0, 40.0, 60.0, 60.0]


async def test_the_last_failed_attempt_is_final_and_recorded(db: None, clock: Clock) -> None:
    # given a task allowed two attempts that always fails
    record = Recorder(failures=99)
    worker = _worker(clock, Task("t", record, max_attempts=2, backoff=1.0))
    await enqueue("t", "doomed")
    # when both attempts ran
    await worker.drain()
    clock.advance(seconds=1)
    await worker.drain()
    clock.advance(days=1)
    ran_later = await worker.drain()
    # then it failed for good and is never run again
    job = await Job.get(key="doomed")
    assert (job.state, job.attempts, job.last_error, job.finished_at) == (
        JobState.FAILED, 2, "RuntimeError: boom 2", START + timedelta(seconds=1)
    )
    assert ran_later == 0
    assert len(record.runs) == 2


async def test_a_job_of_an_unknown_task_fails_at_once(db: None, clock: Clock) -> None:
    await enqueue("no.such.task", "orphan")

    await _worker(clock).drain()

    job = await Job.get(key="orphan")
    assert (job.state, job.attempts, job.last_error) == (JobState.FAILED, 1, "unknown task 'no.such.task'")


async def test_a_dead_workers_job_is_claimed_again_after_the_lease_and_the_late_worker_cannot_overwrite_it(
    db: None, clock: Clock
) -> None:
    # given a job claimed by a worker that then went silent
    record = Recorder()
    dead = _worker(clock, Task("t", record), name="dead")
    alive = _worker(clock, Task("t", record), name="alive")
    await enqueue("t", "orphaned")
    claimed = await dead.claim()
    assert claimed is not None
    # when the lease (15 minutes) has not run out, nobody else takes it; after it, another worker does
    clock.advance(minutes=14)
    assert await alive.drain() == 0
    clock.advance(minutes=2)
    assert await alive.drain() == 1
    # and the dead worker's late outcome changes nothing
    await dead._finish(claimed, JobState.FAILED, "late")
    job = await Job.get(key="orphaned")
    assert (job.state, job.attempts, job.locked_by, job.last_error) == (JobState.SUCCEEDED, 2, "alive", "")
    assert record.runs == [("orphaned", 2)]


async def test_each_periodic_slot_is_queued_once_however_often_it_is_scheduled(db: None, clock: Clock) -> None:
    # given an hourly job and a daily job at 03:00 UTC, scheduled by two workers
    record = Recorder()
    hourly = Periodic("t", every=timedelta(hours=1))
    daily = Periodic("d", every=timedelta(days=1), offset=timedelta(hours=3))
    tasks = (Task("t", record), Task("d", record))
    one, two = _worker(clock, *tasks, periodic=(hourly, daily)), _worker(clock, *tasks, periodic=(hourly, daily), name="w2")
    clock.advance(minutes=20)
    # when both schedule twice in the same hour, then again an hour later
    for worker in (one, two, one, two):
        await worker.schedule()
    clock.advance(hours=1)
    await two.schedule()
    # then each slot was queued once, due at the slot's start
    assert [(j.key, j.run_at) for j in await Job.all().order_by("id")] == [
        ("periodic:t:2030-01-07T08:00:00Z", START),
        ("periodic:d:2030-01-07T03:00:00Z", START - timedelta(hours=5)),
        ("periodic:t:2030-01-07T09:00:00Z", START + timedelta(hours=1)),
    ]


async def test_registering_a_schedule_for_an_unknown_task_is_refused() -> None:
    with pytest.raises(ValueError, match=r"periodic jobs for unknown tasks: \['nothing'\]"):
        Registry.of([], [Periodic("nothing", every=timedelta(hours=1))])
