"""Two real server processes sharing the machine's Redis: a mutation served by one reaches a
subscriber of the other. They share a database too: the test PostgreSQL database, or a SQLite
file (an in-memory one can't be shared between processes)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.config import Settings
from tests.conftest import ON_POSTGRES, Api
from tests.redis_server import SHARED_REDIS_URL, free_port, requires_redis, unique_channel
from tests.schema.live.client import signed_in
from tests.schema.live.conftest import session_token
from tests.schema.member.conftest import gid

pytestmark = requires_redis

ROOT = Path(__file__).resolve().parents[3]
STARTUP = 30.0

BALANCE = """
subscription($memberId: ID!) { balanceChanged(memberId: $memberId) { kind transferId balance { total } store { code } } }
"""

RECHARGE = """
mutation($input: RechargeInput!) { recharge(input: $input) { transfer { id } errors { code } } }
"""


@pytest.fixture
def database_url(database_url: str, tmp_path: Path) -> str:
    return database_url if ON_POSTGRES else f"sqlite://{tmp_path}/tessera.sqlite3"


@dataclass
class Process:
    url: str
    ws_url: str
    process: subprocess.Popen[bytes]


def _spawn(settings: Settings, channel: str, var_dir: Path) -> Process:
    port = free_port()
    env = {
        **os.environ,
        "TESSERA_DATABASE_URL": settings.database_url,
        "TESSERA_SECRET_KEY": settings.secret_key,
        "TESSERA_REDIS_URL": SHARED_REDIS_URL,
        "TESSERA_REDIS_CHANNEL": channel,
        "TESSERA_VAR_DIR": str(var_dir),
        "TESSERA_LIVE_RECHECK_SECONDS": "60",  # a revocation must reach the other process sooner
    }
    command = [sys.executable, "-m", "uvicorn", "server.app:create_app", "--factory", "--host", "127.0.0.1"]
    process = subprocess.Popen([*command, "--port", str(port), "--log-level", "warning"], cwd=ROOT, env=env)
    return Process(f"http://127.0.0.1:{port}", f"ws://127.0.0.1:{port}/graphql", process)


async def _ready(process: Process) -> None:
    async with httpx.AsyncClient(trust_env=False, timeout=1.0) as client, asyncio.timeout(STARTUP):
        while True:
            assert process.process.poll() is None, "the server process exited"
            try:
                if (await client.get(f"{process.url}/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)


def _stop(process: Process) -> None:
    process.process.terminate()
    try:
        process.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.process.kill()
        process.process.wait(timeout=10)


@pytest.fixture
async def processes(org: Any, settings: Settings, tmp_path: Path) -> AsyncIterator[tuple[Process, Process]]:
    channel = unique_channel()
    started = [_spawn(settings, channel, tmp_path) for _ in range(2)]
    try:
        for process in started:
            await _ready(process)
        yield started[0], started[1]
    finally:
        for process in started:
            _stop(process)


@pytest.fixture
def no_leftovers(processes: tuple[Process, Process]) -> Iterator[None]:
    yield
    assert [p.process.poll() for p in processes] == [None, None]


async def _recharge(process: Process, token: str, amount: str, idempotency_key: str) -> str:
    async with httpx.AsyncClient(base_url=process.url, trust_env=False, timeout=10.0) as http:
        body = await Api(http, token)(RECHARGE, input={"cardNo": "C0001", "amount": amount, "idempotencyKey": idempotency_key})
    return body["data"]["recharge"]["transfer"]["id"]


async def _registered(subscriber: Any, process: Process, token: str) -> int:
    """Recharges 1.00 on the subscriber's own process until that recharge's event arrives (the
    subscription registers asynchronously); returns how many recharges it took."""
    for attempt in range(1, 51):
        transfer = await _recharge(process, token, "1.00", f"local-{attempt}")
        try:
            async with asyncio.timeout(0.5):
                while (await subscriber.receive())["payload"]["data"]["balanceChanged"]["transferId"] != transfer:
                    pass
        except TimeoutError:
            continue
        return attempt
    raise AssertionError("the subscription never registered")


async def test_a_mutation_on_one_process_reaches_a_subscriber_on_the_other(processes, no_leftovers, org, holder):
    a, b = processes
    token = await session_token(org.staff["sh001.clerk"])
    subscriber = await signed_in(b.ws_url, token)
    await subscriber.subscribe("1", BALANCE, memberId=gid("Member", holder.member.id))
    recharged_on_b = await _registered(subscriber, b, token)

    remote = await _recharge(a, token, "2.00", "remote")
    event = (await subscriber.receive())["payload"]["data"]["balanceChanged"]

    assert event == {
        "kind": "RECHARGE",
        "transferId": remote,
        "balance": {"total": f"{recharged_on_b + 2}.00"},
        "store": {"code": "SH001"},
    }
    await subscriber.close()


async def test_a_logout_on_one_process_closes_the_connections_of_that_session_on_the_other(processes, no_leftovers, org, holder):
    a, b = processes
    token = await session_token(org.staff["sh001.clerk"])
    subscriber = await signed_in(b.ws_url, token)
    await subscriber.subscribe("1", BALANCE, memberId=gid("Member", holder.member.id))
    await _registered(subscriber, b, token)

    async with httpx.AsyncClient(base_url=a.url, trust_env=False, timeout=10.0) as http:
        logged_out = await Api(http, token)("mutation { logout { ok } }")
    closed = await subscriber.closed()

    assert logged_out["data"]["logout"] == {"ok": True}
    assert (closed.code, closed.reason, closed.before) == (4403, "Forbidden: the session was revoked or has expired.", [])
