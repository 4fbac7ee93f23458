"""Enqueueing many jobs at once, and jobs queued only when a condition holds."""

from __future__ import annotations

import pytest

from server.core.sql import sql
from server.jobs.models import Job
from server.jobs.queue import Queued, enqueue, enqueue_all
from tests.statements import recorded_statements


async def test_unconditional_jobs_go_in_one_statement_and_taken_keys_are_skipped(db: None) -> None:
    await enqueue("t", "taken", {"n": 0})

    with recorded_statements() as statements:
        await enqueue_all([Queued("t", "a", {"n": 1}), Queued("u", "b"), Queued("t", "taken", {"n": 2})])

    assert len(statements) == 1
    jobs = {job.key: (job.task, job.payload) for job in await Job.all()}
    assert jobs == {"taken": ("t", {"n": 0}), "a": ("t", {"n": 1}), "b": ("u", {})}


async def test_a_conditional_job_is_queued_only_when_its_condition_holds(db: None) -> None:
    await enqueue_all(
        [
            Queued("t", "yes", only_if=sql("EXISTS (SELECT 1 FROM job WHERE key = ?)", "marker")),
            Queued("t", "no", only_if=sql("EXISTS (SELECT 1 FROM job WHERE key = ?)", "absent")),
            Queued("t", "marker"),
        ]
    )

    assert sorted(await Job.all().values_list("key", flat=True)) == ["marker", "yes"]


def test_a_key_must_fit_the_column() -> None:
    with pytest.raises(ValueError):
        Queued("t", "")
    with pytest.raises(ValueError):
        Queued("t", "k" * 201)
