"""The periodic schedule HQ reads: each task's slot length, offset and the start of its next slot,
straight from the registry (the code is the schedule); only VIEW_JOBS may read it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from server.core.errors import DomainError, ErrorCode
from server.jobs.registry import Periodic, Registry, Task
from server.jobs.services import ScheduledTask, schedule


async def _noop(context: Any) -> None:
    return None


REGISTRY = Registry.of(
    [Task("points.expire", _noop), Task("tier.review", _noop)],
    [
        Periodic("points.expire", every=timedelta(hours=1)),
        Periodic("tier.review", every=timedelta(days=1), offset=timedelta(hours=3)),
    ],
)


async def test_each_periodic_task_shows_when_its_next_slot_opens(org: Any) -> None:
    # given a moment inside the 02:00 hourly slot and before the day's 03:00 slot
    at = datetime(2030, 1, 7, 2, 20, tzinfo=UTC)
    # when
    scheduled = schedule(org.actors["hq.admin"], REGISTRY, at)
    # then
    assert scheduled == [
        ScheduledTask("points.expire", timedelta(hours=1), timedelta(0), datetime(2030, 1, 7, 3, 0, tzinfo=UTC)),
        ScheduledTask("tier.review", timedelta(days=1), timedelta(hours=3), datetime(2030, 1, 7, 3, 0, tzinfo=UTC)),
    ]


async def test_a_moment_on_a_slot_boundary_shows_the_slot_after_it(org: Any) -> None:
    at = datetime(2030, 1, 7, 3, 0, tzinfo=UTC)

    scheduled = schedule(org.actors["hq.admin"], REGISTRY, at)

    assert [s.next_run_at for s in scheduled] == [datetime(2030, 1, 7, 4, 0, tzinfo=UTC), datetime(2030, 1, 8, 3, 0, tzinfo=UTC)]


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_only_hq_reads_the_schedule(org: Any, username: str) -> None:
    with pytest.raises(DomainError) as raised:
        schedule(org.actors[username], REGISTRY, datetime(2030, 1, 7, tzinfo=UTC))

    assert raised.value.code == ErrorCode.PERMISSION_DENIED
