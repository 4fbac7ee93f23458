"""jobs: HQ watches the worker's jobs (state, attempts, last error, next run), newest first,
filtered by state or task; other roles get null and PERMISSION_DENIED."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from server.jobs.models import Job, JobState
from server.jobs.queue import enqueue
from tests.conftest import Api

JOBS = """
query($state: JobState, $task: String) {
  jobs(first: 10, state: $state, task: $task) {
    edges { node { key task state attempts lastError nextRunAt worker finishedAt } }
  }
}
"""

LATER = datetime(2030, 1, 1, 9, 30, tzinfo=UTC)


async def _queue() -> None:
    """One job waiting for 2030, one that failed for good, one that succeeded."""
    await enqueue("points.expire", "waiting", run_at=LATER)
    await enqueue("delivery.send", "failed")
    await enqueue("points.expire", "done")
    await Job.filter(key="failed").update(state=JobState.FAILED, attempts=5, last_error="SMTP 550", locked_by="w1", finished_at=LATER)
    await Job.filter(key="done").update(state=JobState.SUCCEEDED, attempts=1, locked_by="w2", finished_at=LATER)


async def test_hq_sees_each_jobs_state_attempts_last_error_and_next_run(api: Api, org: Any) -> None:
    # given
    await _queue()
    hq = await api.login("hq.admin")
    # when
    body = await hq(JOBS)
    # then
    assert [e["node"] for e in body["data"]["jobs"]["edges"]] == [
        {"key": "done", "task": "points.expire", "state": "SUCCEEDED", "attempts": 1, "lastError": "",
         "nextRunAt": None, "worker": "w2", "finishedAt": "2030-01-01T09:30:00+00:00"},
        {"key": "failed", "task": "delivery.send", "state": "FAILED", "attempts": 5, "lastError": "SMTP 550",
         "nextRunAt": None, "worker": "w1", "finishedAt": "2030-01-01T09:30:00+00:00"},
        {"key": "waiting", "task": "points.expire", "state": "QUEUED", "attempts": 0, "lastError": "",
         "nextRunAt": "2030-01-01T09:30:00+00:00", "worker": "", "finishedAt": None},
    ]


@pytest.mark.parametrize(
    ("variables", "keys"),
    [({"state": "FAILED"}, ["failed"]), ({"task": "points.expire"}, ["done", "waiting"]), ({"state": "RUNNING"}, [])],
)
async def test_hq_filters_jobs_by_state_or_task(api: Api, org: Any, variables: dict[str, str], keys: list[str]) -> None:
    await _queue()
    hq = await api.login("hq.admin")

    body = await hq(JOBS, **variables)

    assert [e["node"]["key"] for e in body["data"]["jobs"]["edges"]] == keys


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_region_and_store_staff_get_null_and_permission_denied(api: Api, org: Any, username: str) -> None:
    await _queue()
    client = await api.login(username)

    body = await client("{ jobs { edges { node { key } } } }")

    assert body["data"] == {"jobs": None}
    assert [(e["path"], e["extensions"]["code"], e["message"]) for e in body["errors"]] == [
        (["jobs"], "PERMISSION_DENIED", "Your account may not view jobs.")
    ]
