"""jobSchedule: HQ reads Tessera's periodic tasks (the catalog's) with their slot length, offset
and next run; other roles get null and PERMISSION_DENIED."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from server.core.clock import now
from server.jobs.catalog import PERIODIC
from tests.conftest import Api

SCHEDULE = "{ jobSchedule { task everySeconds offsetSeconds nextRunAt } }"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


async def test_hq_sees_every_periodic_task_and_its_next_slot(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    before = now()
    # when
    body = await hq(SCHEDULE)
    # then
    rows = body["data"]["jobSchedule"]
    assert [(r["task"], r["everySeconds"], r["offsetSeconds"]) for r in rows] == [
        (p.task, int(p.every.total_seconds()), int(p.offset.total_seconds())) for p in PERIODIC
    ]
    for row, periodic in zip(rows, PERIODIC, strict=True):
        next_run = datetime.fromisoformat(row["nextRunAt"])
        assert before < next_run <= now() + periodic.every
        assert (next_run - EPOCH - periodic.offset) % periodic.every == timedelta(0)


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_region_and_store_staff_get_null_and_permission_denied(api: Api, org: Any, username: str) -> None:
    client = await api.login(username)

    body = await client(SCHEDULE)

    assert body["data"] == {"jobSchedule": None}
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["jobSchedule"], "PERMISSION_DENIED")]
