"""The SQL builder's deferred writes and its SQLite datetime binding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from tortoise.transactions import in_transaction

from server.core.sql import Sql, current_dialect, defer, deferring_writes, fetch, fetch_one, sql
from server.jobs.models import Job
from tests.conftest import ON_POSTGRES
from tests.server.ledger.statements import recorded_statements

SHANGHAI = timezone(timedelta(hours=8))


def _job(key: str) -> Sql:
    return sql(
        "INSERT INTO job (key, task, payload, state, attempts, run_at, last_error, locked_by, created_at)"
        " VALUES (?, 't', '{}', 'QUEUED', 0, ?, '', '', ?)",
        key,
        datetime(2030, 1, 1, tzinfo=UTC),
        datetime(2030, 1, 1, tzinfo=UTC),
    )


async def test_deferred_writes_wait_for_the_end_of_the_block_and_go_together(db: None) -> None:
    async with in_transaction():
        with recorded_statements() as statements:
            async with deferring_writes():
                await defer(_job("a"))
                await defer(_job("b"))
                await defer(sql("UPDATE job SET attempts = 7 WHERE key = ?", "z"))
                assert await Job.filter(key__in=["a", "b"]).count() == 0

    assert sorted(await Job.all().values_list("key", flat=True)) == ["a", "b"]
    writes = [s for s in statements if "INSERT INTO job" in s]
    assert len(writes) == (1 if ON_POSTGRES else 2)
    if ON_POSTGRES:
        assert writes[0].startswith("WITH w0 AS (INSERT INTO job")


async def test_a_block_that_fails_sends_none_of_its_deferred_writes(db: None) -> None:
    with pytest.raises(RuntimeError):
        async with in_transaction(), deferring_writes():
            await defer(_job("a"))
            raise RuntimeError("refused")

    assert await Job.all().count() == 0


async def test_outside_a_block_a_deferred_write_runs_at_once(db: None) -> None:
    await defer(_job("now"))

    assert await Job.filter(key="now").count() == 1


async def test_sqlite_binds_aware_datetimes_in_utc_so_text_comparisons_hold(db: None) -> None:
    local = datetime(2030, 1, 1, 8, 30, tzinfo=SHANGHAI)  # 00:30 UTC
    await defer(
        sql(
            "INSERT INTO job (key, task, payload, state, attempts, run_at, last_error, locked_by, created_at)"
            " VALUES ('local', 't', '{}', 'QUEUED', 0, ?, '', '', ?)",
            local,
            local,
        )
    )

    before = await fetch(sql("SELECT key FROM job WHERE run_at < ?", datetime(2030, 1, 1, 1, 0, tzinfo=UTC)))
    stored = await Job.get(key="local")
    assert [row["key"] for row in before] == ["local"]
    assert stored.run_at == local
    if current_dialect() != "postgres":
        raw = await fetch_one(sql("SELECT run_at FROM job WHERE key = 'local'"))
        assert raw is not None and str(raw["run_at"]).startswith("2030-01-01 00:30:00")
