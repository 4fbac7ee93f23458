from __future__ import annotations

from datetime import UTC, datetime

from server.events.fanout import Fanout, Mailbox
from server.events.messages import CardRef, Event, EventKind, MemberRef, StoreRef

MEMBER = MemberRef(id=7, member_no="100000000007", name="顾客", phone_encrypted="x", home_store_id=1, home_region_id=1)


def _event(card_id: int = 3, store_id: int = 1) -> Event:
    return Event(
        kind=EventKind.CONSUME,
        member=MEMBER,
        at=datetime(2026, 11, 23, tzinfo=UTC),
        card=CardRef(id=card_id, card_no=f"C{card_id}", status="ACTIVE"),
        store=StoreRef(id=store_id, code="SH001", name="上海一店"),
    )


def _roomy() -> Mailbox:
    return Mailbox(100, on_overflow=lambda: None)


async def test_an_event_reaches_the_subscriptions_on_its_topics_only():
    fanout = Fanout()
    on_member, on_card, on_store, elsewhere = (
        fanout.subscribe(topic, _roomy()) for topic in ("member:7", "card:3", "store:1", "store:2")
    )
    event = _event()

    reached = fanout.deliver(event)

    assert reached == 3
    assert [await s.next() for s in (on_member, on_card, on_store)] == [event, event, event]
    assert elsewhere.mailbox.pending == 0


async def test_a_full_mailbox_drops_its_connection_once_and_spares_the_others():
    fanout = Fanout()
    overflows: list[str] = []
    slow = Mailbox(2, on_overflow=lambda: overflows.append("slow"))
    slow_subscription, fast_subscription = fanout.subscribe("store:1", slow), fanout.subscribe("store:1", _roomy())

    for _ in range(5):
        fanout.deliver(_event())

    assert overflows == ["slow"]
    assert (slow.pending, slow.overflowed) == (2, True)
    assert fast_subscription.mailbox.pending == 5
    slow_subscription.close()
    assert slow.pending == 0


async def test_a_mailbox_bounds_all_subscriptions_of_its_connection_together():
    fanout = Fanout()
    overflows: list[str] = []
    mailbox = Mailbox(3, on_overflow=lambda: overflows.append("full"))
    on_card, on_store = fanout.subscribe("card:3", mailbox), fanout.subscribe("store:1", mailbox)

    fanout.deliver(_event())
    fanout.deliver(_event())

    assert (mailbox.pending, overflows) == (3, ["full"])
    await on_card.next()
    await on_store.next()
    assert mailbox.pending == 1


async def test_a_closed_subscription_gets_nothing_more():
    fanout = Fanout()
    subscription = fanout.subscribe("store:1", _roomy())

    subscription.close()
    reached = fanout.deliver(_event())

    assert (reached, fanout.subscriptions, subscription.mailbox.pending) == (0, 0, 0)


def test_an_event_survives_its_json_round_trip():
    event = Event(
        kind=EventKind.CARD_CANCELLED,
        member=MEMBER,
        at=datetime(2026, 11, 23, 8, 30, tzinfo=UTC),
        card=CardRef(id=3, card_no="C3", status="CANCELLED"),
        principal=0,
        bonus=0,
        points=12,
        store=StoreRef(id=1, code="SH001", name="上海一店"),
        operator="sh001.clerk",
        reason="退卡",
        other_cards=(2,),
        committed_at=1.5,
        origin="a",
    )

    assert Event.from_json(event.to_json()) == event
    assert Event.from_json(event.to_json()).origin == "a"
