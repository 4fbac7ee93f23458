"""`tessera worker --once`, run the way cron or an operator runs it against a migrated database, and\ntwo worker processes at once on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from server.jobs.models import Job, JobState
from tests.conftest import ON_POSTGRES
from tests.server.test_cli import database_url, in_database, migrated, tessera  # noqa: F401 - fixtures


async def _jobs() -> list[tuple[str, JobState, int]]:
    return [(j.task, JobState(j.state), j.attempts) for j in await Job.all().order_by("id")]


def test_worker_once_runs_the_due_schedule_and_a_second_run_finds_nothing_to_do(migrated: str) -> None:
    first = tessera("worker", "--once")
    second = tessera("worker", "--once")

    assert (first.exit_code, first.output) == (0, "Ran 5 jobs.\n")
    assert (second.exit_code, second.output) == (0, "Ran 0 jobs.\n")
    assert in_database(migrated, _jobs) == [
        ("points.expire", JobState.SUCCEEDED, 1),
        ("campaign.trigger", JobState.SUCCEEDED, 1),
        ("tier.review", JobState.SUCCEEDED, 1),
        ("segment.rfm", JobState.SUCCEEDED, 1),
        ("tag.refresh", JobState.SUCCEEDED, 1),
    ]


async def _queue_sends(count: int) -> list[int]:
    """A member and `count` pending deliveries to them (the logging channel sends them)."""
    from server.access.models import Role
    from server.access.services import StaffScope, create_staff
    from server.access.sessions import actor_for
    from server.delivery import services as delivery
    from server.delivery.models import Purpose
    from server.member.services import MemberDraft, create_member
    from server.org.services import create_region, create_store

    hq = actor_for(await create_staff(None, "hq.admin", "long-enough-pass", StaffScope(Role.HQ), system=True))
    store = await create_store(hq, "SH001", "上海一店", (await create_region(hq, "EAST", "华东")).id)
    member = await create_member(hq, MemberDraft(name="顾客", phone="13900001111", home_store_id=store.id))
    for n in range(count):
        await delivery.request(member.id, Purpose.CAMPAIGN, f"c:{n}", subject="s", body=f"message {n}")
    return [member.id]


async def _outcomes() -> tuple[list[tuple[str, int]], set[str]]:
    from server.delivery.models import Delivery

    deliveries = [(d.status.value, d.attempts) for d in await Delivery.all()]
    workers = {j.locked_by for j in await Job.filter(task="delivery.send")}
    return deliveries, workers


@pytest.mark.skipif(not ON_POSTGRES, reason="two worker processes racing need PostgreSQL's row locking")
def test_two_worker_processes_at_once_send_every_queued_delivery_exactly_once(migrated: str) -> None:
    # given 80 queued sends
    in_database(migrated, lambda: _queue_sends(80))
    # when two `tessera worker --once` processes run at the same time
    command = [str(Path(sys.executable).parent / "tessera"), "worker", "--once"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ.copy()) for _ in range(2)]
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    # then together they ran every job once (plus the scheduled points expiry, campaign scan, tier
    # review, RFM scoring and automatic tags' refresh, once in all)
    ran = [int(output.strip().splitlines()[-1].split()[1]) for output in outputs]
    assert [process.returncode for process in processes] == [0, 0]
    assert sum(ran) == 85
    deliveries, workers = in_database(migrated, _outcomes)
    assert deliveries == [("SENT", 1)] * 80
    assert in_database(migrated, _jobs).count(("points.expire", JobState.SUCCEEDED, 1)) == 1
    assert in_database(migrated, _jobs).count(("tier.review", JobState.SUCCEEDED, 1)) == 1
    assert len(workers) == 2
