from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from server.config import Settings
from server.events import lifecycle
from server.events.brokers import Broker
from server.events.fanout import Mailbox, Subscription
from server.events.messages import CardRef, Event, EventKind, MemberRef
from server.events.redis_pubsub import RedisBroker
from server.wallet.services import RechargeRequest, recharge
from tests.redis_server import SHARED_REDIS_URL, OwnRedis, requires_redis, requires_redis_server, unique_channel
from tests.server.wallet.conftest import balances, key

WAIT = 10.0
MEMBER = MemberRef(id=7, member_no="100000000007", name="顾客", phone_encrypted="x", home_store_id=1, home_region_id=1)


def _event(n: int) -> Event:
    return Event(
        kind=EventKind.RECHARGE,
        member=MEMBER,
        at=datetime(2026, 11, 23, tzinfo=UTC),
        card=CardRef(id=3, card_no="C3", status="ACTIVE"),
        principal=n,
        bonus=0,
        committed_at=1.0,
    )


def _watch(broker: Broker, topic: str = "member:7") -> Subscription:
    return broker.subscribe(topic, Mailbox(100, on_overflow=lambda: None))


async def _next(subscription: Subscription) -> Event:
    async with asyncio.timeout(WAIT):
        return await subscription.next()


async def _started(url: str, channel: str) -> RedisBroker:
    broker = RedisBroker(url, channel)
    await broker.start()
    return broker


@pytest.fixture
async def pair() -> AsyncIterator[tuple[RedisBroker, RedisBroker]]:
    """Two brokers on the shared Redis, as two server processes would run them."""
    channel = unique_channel()
    a, b = await _started(SHARED_REDIS_URL, channel), await _started(SHARED_REDIS_URL, channel)
    yield a, b
    await a.stop()
    await b.stop()


@pytest.fixture
def own_redis() -> Iterator[OwnRedis]:
    redis = OwnRedis()
    redis.start()
    yield redis
    redis.stop()


@requires_redis
async def test_an_event_published_by_one_process_reaches_subscribers_of_another(pair):
    a, b = pair
    on_b = _watch(b)

    a.publish(_event(1))
    received = await _next(on_b)

    assert received == replace(_event(1), origin=a.origin)


@requires_redis
async def test_a_process_delivers_its_own_events_once(pair):
    a, b = pair
    on_a = _watch(a)

    a.publish(_event(1))
    b.publish(_event(2))
    received = [await _next(on_a), await _next(on_a)]

    assert [e.principal for e in received] == [1, 2]
    await asyncio.sleep(0.2)
    assert on_a.mailbox.pending == 0


@requires_redis
async def test_an_unreadable_message_on_the_channel_is_ignored(pair):
    a, b = pair
    on_b = _watch(b)
    raw = Redis.from_url(SHARED_REDIS_URL)

    await raw.publish(b.channel, b"not an event")
    a.publish(_event(1))
    received = await _next(on_b)

    assert received.principal == 1
    await raw.aclose()


@requires_redis
async def test_a_revocation_announced_by_one_process_makes_the_others_sweep_their_sessions():
    channel = unique_channel()
    sweeps: dict[str, int] = {"a": 0, "b": 0}

    def counting(name: str):  # type: ignore[no-untyped-def]
        async def sweep() -> None:
            sweeps[name] += 1

        return sweep

    a, b = RedisBroker(SHARED_REDIS_URL, channel, counting("a")), RedisBroker(SHARED_REDIS_URL, channel, counting("b"))
    await a.start()
    await b.start()
    on_b = _watch(b)
    try:
        a.announce_revocation()
        a.publish(_event(1))
        received = await _next(on_b)
        await asyncio.sleep(0.05)

        assert received.principal == 1
        assert sweeps == {"a": 0, "b": 1}
        assert on_b.mailbox.pending == 0
    finally:
        await a.stop()
        await b.stop()


@requires_redis_server
async def test_the_listener_subscribes_again_when_redis_returns(own_redis):
    channel = unique_channel()
    a, b = await _started(own_redis.url, channel), await _started(own_redis.url, channel)
    on_b = _watch(b)

    own_redis.stop()
    a.publish(_event(1))
    async with asyncio.timeout(WAIT):
        while b.connected.is_set():
            await asyncio.sleep(0.01)
    own_redis.start()
    async with asyncio.timeout(WAIT):
        await b.connected.wait()
    a.publish(_event(2))
    received = await _next(on_b)

    assert received.principal == 2
    assert a.dropped == 1
    await a.stop()
    await b.stop()


@requires_redis_server
async def test_mutations_go_on_while_redis_is_down_and_local_subscribers_still_hear_them(org, wallet, settings, own_redis):
    async with lifecycle.running(replace(settings, redis_url=own_redis.url, redis_channel=unique_channel())) as broker:
        on_member = _watch(broker, f"member:{wallet.member.id}")
        own_redis.stop()

        async with asyncio.timeout(WAIT):
            outcome = await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="C0001", amount=700, idempotency_key=key()))
        received = await _next(on_member)

    assert outcome.replayed is False
    assert await balances(wallet) == (700, 0)
    assert received.transfer is not None and received.transfer.id == outcome.operation.id


@requires_redis_server
async def test_a_server_starts_without_redis_and_joins_it_when_it_appears(settings):
    redis = OwnRedis()
    broker = await _started(redis.url, unique_channel())
    other: RedisBroker | None = None
    try:
        assert broker.connected.is_set() is False
        redis.start()
        other = await _started(redis.url, broker.channel)
        async with asyncio.timeout(WAIT):
            await broker.connected.wait()
        on_broker = _watch(broker)

        other.publish(_event(3))
        received = await _next(on_broker)
    finally:
        redis.stop()
        await broker.stop()
        if other is not None:
            await other.stop()

    assert received.principal == 3


def test_settings_choose_redis_only_when_a_url_is_set(settings: Settings):
    assert type(lifecycle.broker_for(settings)).__name__ == "InProcessBroker"
    assert type(lifecycle.broker_for(replace(settings, redis_url=SHARED_REDIS_URL))) is RedisBroker
