"""The worker inside the server (SQLite's TESSERA_WORKER_IN_SERVER) and the setting itself."""

from __future__ import annotations

import asyncio

import pytest

from server.config import Settings
from server.jobs.embedded import worker_in_server
from server.jobs.models import Job, JobState
from server.jobs.queue import enqueue


async def test_the_in_server_worker_runs_due_jobs_until_the_server_stops(db: None, settings: Settings) -> None:
    # given a due points-expiry job and a server with the worker on
    await enqueue("points.expire", "expire-now")
    on = Settings(database_url=settings.database_url, secret_key=settings.secret_key, worker_in_server=True)
    # when the server runs for a moment
    async with worker_in_server(on) as worker:
        assert worker is not None
        for _ in range(200):
            if (await Job.get(key="expire-now")).state == JobState.SUCCEEDED:
                break
            await asyncio.sleep(0.01)
    # then the job ran
    assert (await Job.get(key="expire-now")).state == JobState.SUCCEEDED


async def test_with_the_setting_off_no_worker_runs(db: None, settings: Settings) -> None:
    await enqueue("points.expire", "stays")

    async with worker_in_server(settings) as worker:
        await asyncio.sleep(0.05)

    assert worker is None
    assert (await Job.get(key="stays")).state == JobState.QUEUED


@pytest.mark.parametrize(
    ("url", "value", "expected"),
    [
        ("sqlite://var/t.sqlite3", None, True),
        ("sqlite://var/t.sqlite3", "off", False),
        ("sqlite://var/t.sqlite3", "1", True),
        ("postgres://u@h/db", None, False),
        ("postgres://u@h/db", "no", False),
    ],
)
def test_the_worker_is_in_the_server_by_default_on_sqlite_only(
    monkeypatch: pytest.MonkeyPatch, url: str, value: str | None, expected: bool
) -> None:
    monkeypatch.setenv("TESSERA_DATABASE_URL", url)
    monkeypatch.setenv("TESSERA_SECRET_KEY", "k")
    if value is None:
        monkeypatch.delenv("TESSERA_WORKER_IN_SERVER", raising=False)
    else:
        monkeypatch.setenv("TESSERA_WORKER_IN_SERVER", value)

    assert Settings.from_env().worker_in_server is expected


@pytest.mark.parametrize(("url", "value"), [("postgres://u@h/db", "on"), ("sqlite://t", "maybe")])
def test_a_worker_in_a_postgresql_server_or_an_unclear_value_is_refused(
    monkeypatch: pytest.MonkeyPatch, url: str, value: str
) -> None:
    monkeypatch.setenv("TESSERA_DATABASE_URL", url)
    monkeypatch.setenv("TESSERA_SECRET_KEY", "k")
    monkeypatch.setenv("TESSERA_WORKER_IN_SERVER", value)

    with pytest.raises(ValueError):
        Settings.from_env()
