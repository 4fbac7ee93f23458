"""The SQL builder's deferred writes and its SQLite datetime binding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from tortoise.transactions import in_transaction

from server.core.sql import Sql, StaleWrite, at_once, current_dialect, defer, defer_checked, deferring_writes, fetch, fetch_one, sql
from server.jobs.models import Job
from tests.conftest import ON_POSTGRES
from tests.statements import recorded_statements

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


needs_postgres = pytest.mark.skipif(not ON_POSTGRES, reason="at_once() is PostgreSQL's: one statement without a transaction")


@needs_postgres
async def test_an_at_once_block_is_one_statement_that_writes_everything_when_its_checks_hold(db: None) -> None:
    await defer(_job("z"))

    with recorded_statements() as statements:
        async with at_once():
            await defer(_job("a"))
            defer_checked(sql("UPDATE job SET attempts = 7 WHERE key IN ('z', 'a') RETURNING id"), 1)
            await defer(_job("b"))
            assert await Job.filter(key__in=["a", "b"]).count() == 0

    written = [s for s in statements if not s.startswith("SELECT COUNT")]
    assert len(written) == 1 and written[0].startswith("WITH w0 AS (INSERT INTO job")
    assert sorted(await Job.all().values_list("key", "attempts")) == [("a", 0), ("b", 0), ("z", 7)]


@needs_postgres
async def test_an_at_once_block_whose_check_fails_writes_nothing(db: None) -> None:
    await defer(_job("z"))

    with pytest.raises(StaleWrite):
        async with at_once():
            await defer(_job("a"))
            defer_checked(sql("UPDATE job SET attempts = 7 WHERE key = 'z' RETURNING id"), 1)
            defer_checked(sql("UPDATE job SET attempts = 8 WHERE key = 'gone' RETURNING id"), 1)

    assert await Job.all().values_list("key", "attempts") == [("z", 0)]


async def test_a_checked_write_outside_an_at_once_block_is_a_mistake(db: None) -> None:
    with pytest.raises(RuntimeError):
        async with in_transaction(), deferring_writes():
            defer_checked(sql("UPDATE job SET attempts = 1 RETURNING id"), 0)


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
