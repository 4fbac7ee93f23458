from __future__ import annotations

import secrets
from contextlib import suppress
from datetime import timedelta

import pytest
from websockets.exceptions import ConnectionClosed

from server.access.models import StaffSession
from server.core.clock import now
from server.events import lifecycle
from server.events.messages import CardRef, Event, EventKind, MemberRef, StoreRef
from tests.schema.live.client import LiveClient, signed_in
from tests.schema.live.conftest import QUEUE_LIMIT
from tests.schema.member.conftest import gid

ACTIVITY = """
subscription($storeId: ID!) { storeActivity(storeId: $storeId) { kind reason } }
"""

RECHARGE = """
mutation($input: RechargeInput!) { recharge(input: $input) { transfer { id } errors { code } } }
"""

LOGOUT = "mutation { logout { ok } }"


@pytest.mark.parametrize(
    "payload",
    [None, {}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}, {"token": "not-a-token"}, {"token": 7}],
)
async def test_a_missing_or_invalid_token_closes_the_connection_with_4403(live, payload):
    client = await LiveClient.open(live.ws_url)

    await client.send({"type": "connection_init", **({"payload": payload} if payload is not None else {})})
    closed = await client.closed()

    assert (closed.code, closed.reason, closed.before) == (4403, "Forbidden", [])


async def test_a_token_field_in_the_init_payload_signs_in(live, org):
    client = await LiveClient.open(live.ws_url)

    ack = await client.init({"token": live.tokens["sh001.clerk"]})
    await client.subscribe("1", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))

    assert ack == {"type": "connection_ack"}
    await live.subscribed(1)
    await client.close()


async def test_subscribing_before_the_acknowledgement_closes_with_4401(live, org):
    client = await LiveClient.open(live.ws_url)

    await client.subscribe("1", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))
    closed = await client.closed()

    assert (closed.code, closed.reason) == (4401, "Unauthorized")
    assert live.fanout.subscriptions == 0


async def test_a_ping_is_answered_with_a_pong(live):
    client = await signed_in(live.ws_url, live.tokens["sh001.clerk"])

    await client.send({"type": "ping"})
    answer = await client.receive()

    assert answer == {"type": "pong"}
    await client.close()


@pytest.mark.parametrize("ping_seconds", [0.3], indirect=True)
async def test_a_client_that_stops_answering_keepalive_pings_is_disconnected(live, org):
    client = await signed_in(live.ws_url, live.tokens["sh001.clerk"])
    await client.subscribe("1", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))
    await live.subscribed(1)

    client.ws.transport.pause_reading()
    await live.subscribed(0)
    client.ws.transport.resume_reading()
    closed = await client.closed()

    assert (closed.code, closed.reason) == (1011, "keepalive ping timeout")


@pytest.mark.parametrize("recheck_seconds", [60.0], indirect=True)
async def test_logging_out_closes_the_connection_before_another_event(live, org, holder):
    clerk = live.tokens["sh001.clerk"]
    client = await signed_in(live.ws_url, clerk)
    await client.subscribe("1", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))
    await live.subscribed(1)

    logged_out = await live.api.as_(clerk)(LOGOUT)
    await live.api.as_(live.tokens["hq.admin"])(
        RECHARGE,
        input={"cardNo": "C0001", "amount": "1.00", "idempotencyKey": "r", "storeId": gid("Store", org.stores["SH001"].id)},
    )
    closed = await client.closed()

    assert logged_out["data"]["logout"] == {"ok": True}
    assert (closed.code, closed.reason, closed.before) == (4403, "Forbidden: the session was revoked or has expired.", [])
    assert live.fanout.subscriptions == 0


@pytest.mark.parametrize("ended", ["revoked_at", "expires_at"])
async def test_an_idle_subscription_ends_when_its_session_is_revoked_or_expires(live, org, ended):
    client = await signed_in(live.ws_url, live.tokens["sh001.clerk"])
    await client.subscribe("1", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))
    await live.subscribed(1)

    value = now() if ended == "revoked_at" else now() - timedelta(seconds=1)
    await StaffSession.filter(staff__username="sh001.clerk").update(**{ended: value})
    closed = await client.closed()

    assert (closed.code, closed.before) == (4403, [])
    assert live.fanout.subscriptions == 0


@pytest.mark.parametrize("recheck_seconds", [60.0], indirect=True)
async def test_nothing_more_runs_on_a_connection_whose_session_was_revoked(live, org):
    clerk = live.tokens["sh001.clerk"]
    client = await signed_in(live.ws_url, clerk)

    await live.api.as_(clerk)(LOGOUT)
    with suppress(ConnectionClosed):  # the logout may have closed it already
        await client.subscribe("1", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))
    closed = await client.closed()

    assert (closed.code, closed.before) == (4403, [])
    assert live.fanout.subscriptions == 0


def _bulky_event(org, holder) -> Event:  # type: ignore[no-untyped-def]
    """An event as a SH001 payment would publish it, with an incompressible 16 KB reason."""
    member = holder.member
    return Event(
        kind=EventKind.CONSUME,
        member=MemberRef(member.id, member.member_no, member.name, member.phone_encrypted, org.stores["SH001"].id, org.regions["EAST"].id),
        at=now(),
        card=CardRef(holder.card.id, "C0001", "ACTIVE"),
        store=StoreRef(org.stores["SH001"].id, "SH001", "上海一店"),
        reason=secrets.token_hex(8192),
    )


async def test_a_slow_subscriber_is_closed_with_4008_and_the_others_keep_up(live, org, holder):
    store = gid("Store", org.stores["SH001"].id)
    slow = await LiveClient.open(live.ws_url, compression=None, max_queue=1)
    assert await slow.init({"token": live.tokens["sh001.clerk"]}) == {"type": "connection_ack"}
    fast = await signed_in(live.ws_url, live.tokens["hq.admin"])
    await slow.subscribe("slow", ACTIVITY, storeId=store)
    await fast.subscribe("fast", ACTIVITY, storeId=store)
    await live.subscribed(2)
    broker = lifecycle.current()
    assert broker is not None

    published = 0
    while live.fanout.subscriptions == 2 and published < 5000:
        broker.publish(_bulky_event(org, holder))
        published += 1
        assert (await fast.receive())["payload"]["data"]["storeActivity"]["kind"] == "CONSUME"
    recharged = await live.api.as_(live.tokens["sh001.clerk"])(
        RECHARGE, input={"cardNo": "C0001", "amount": "1.00", "idempotencyKey": "r"}
    )
    after = await fast.receive()
    closed = await slow.closed(timeout=15)

    assert live.fanout.subscriptions == 1
    assert recharged["data"]["recharge"]["errors"] == []
    assert after["payload"]["data"]["storeActivity"] == {"kind": "RECHARGE", "reason": ""}
    assert (closed.code, closed.reason) == (4008, f"Too slow: {QUEUE_LIMIT} events were waiting. Reconnect and refetch.")
    assert len(closed.before) < published
    await fast.close()


async def test_closing_the_socket_releases_its_subscriptions(live, org, holder):
    client = await signed_in(live.ws_url, live.tokens["hq.admin"])
    for store in ("SH001", "SH002", "CD001"):
        await client.subscribe(store, ACTIVITY, storeId=gid("Store", org.stores[store].id))
    await live.subscribed(3)

    await client.close()

    await live.subscribed(0)


async def test_stopping_the_server_closes_subscribers_with_1012_and_stops_the_broker(live, org):
    client = await signed_in(live.ws_url, live.tokens["sh001.clerk"])
    await client.subscribe("1", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))
    await live.subscribed(1)

    await live.stop()
    closed = await client.closed()

    assert (closed.code, closed.before) == (1012, [])
    assert lifecycle.current() is None
