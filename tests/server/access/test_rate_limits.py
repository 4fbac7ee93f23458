"""API clients' request rates: per client, per one-minute window, shared through Redis by every
server process; staff are not limited; a Redis that is away lets requests through."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from server.access import rate_limits
from server.access.models import Role
from server.access.policy import Actor
from server.access.rate_limits import RateLimited, RateLimits
from tests.redis_server import SHARED_REDIS_URL, requires_redis


def client(client_id: int, per_minute: int) -> Actor:
    return Actor(1, "api.pos", Role.STORE, 1, 1, frozenset(), api_client_id=client_id, rate_limit_per_minute=per_minute)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The limiter's clock, settable: [seconds since the epoch]."""
    moment = [1_800_000_000.0 + random.randrange(10_000) * 60]
    monkeypatch.setattr(rate_limits.time, "time", lambda: moment[0])
    yield moment


async def admitted(limits: RateLimits, actor: Actor, times: int) -> int:
    count = 0
    for _ in range(times):
        try:
            await limits.admit(actor)
        except RateLimited:
            break
        count += 1
    return count


async def test_a_client_gets_its_limit_per_minute_then_a_retry_after(clock: list[float]) -> None:
    # given
    limits = RateLimits()
    clock[0] += 45

    # when
    count = await admitted(limits, client(1, 5), 10)

    # then
    assert count == 5
    with pytest.raises(RateLimited) as refused:
        await limits.admit(client(1, 5))
    assert refused.value.retry_after == 15 and refused.value.code.value == "RATE_LIMITED"


async def test_clients_are_counted_apart_and_a_new_minute_starts_afresh(clock: list[float]) -> None:
    # given
    limits = RateLimits()
    assert await admitted(limits, client(1, 2), 5) == 2

    # when
    other = await admitted(limits, client(2, 2), 5)
    clock[0] += 60
    next_minute = await admitted(limits, client(1, 2), 5)

    # then
    assert other == 2 and next_minute == 2


async def test_staff_and_anonymous_requests_are_not_counted(clock: list[float]) -> None:
    # given
    limits = RateLimits()
    staff = Actor(1, "sh001.clerk", Role.STORE, 1, 1, frozenset())

    # when / then
    for _ in range(1000):
        await limits.admit(staff)
        await limits.admit(None)


@requires_redis
async def test_processes_sharing_redis_share_a_clients_count(clock: list[float]) -> None:
    # given: two server processes' limiters, one client
    first, second = RateLimits(SHARED_REDIS_URL), RateLimits(SHARED_REDIS_URL)
    actor = client(random.randrange(1, 10**9), 6)
    try:
        # when
        counts = [await admitted(first, actor, 3), await admitted(second, actor, 3)]

        # then
        assert counts == [3, 3]
        with pytest.raises(RateLimited):
            await first.admit(actor)
        with pytest.raises(RateLimited):
            await second.admit(actor)
    finally:
        await first.aclose()
        await second.aclose()


async def test_a_redis_that_is_away_lets_requests_through(clock: list[float]) -> None:
    # given: nothing listens on port 1
    limits = RateLimits("redis://127.0.0.1:1")
    try:
        # when / then
        assert await admitted(limits, client(1, 1), 3) == 3
    finally:
        await limits.aclose()
