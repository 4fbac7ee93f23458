"""`tessera worker --once`, run the way cron or an operator runs it against a migrated database."""

from __future__ import annotations

from server.jobs.models import Job, JobState
from tests.server.test_cli import database_url, in_database, migrated, tessera  # noqa: F401 - fixtures


async def _jobs() -> list[tuple[str, JobState, int]]:
    return [(j.task, JobState(j.state), j.attempts) for j in await Job.all().order_by("id")]


def test_worker_once_runs_the_due_schedule_and_a_second_run_finds_nothing_to_do(migrated: str) -> None:
    first = tessera("worker", "--once")
    second = tessera("worker", "--once")

    assert (first.exit_code, first.output) == (0, "Ran 1 job.\n")
    assert (second.exit_code, second.output) == (0, "Ran 0 jobs.\n")
    assert in_database(migrated, _jobs) == [("points.expire", JobState.SUCCEEDED, 1)]
