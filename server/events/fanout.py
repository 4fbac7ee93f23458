"""In-process delivery: from a topic to the subscriptions listening on it.

Delivery never waits: a publisher (a mutation that just committed, or the Redis listener) puts the
event in each subscription's queue and moves on. What bounds memory is the subscriber's `Mailbox`,
shared by all subscriptions of one connection: once `limit` events wait undelivered there, the
connection is too slow to keep up — it is marked overflowed, gets nothing more, and its owner is
told (`on_overflow`) so it can close the connection. A slow subscriber therefore costs the others
nothing, and the mutations nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from server.events.messages import Event


class Mailbox:
    """One connection's bound on undelivered events, across all its subscriptions."""

    def __init__(self, limit: int, on_overflow: Callable[[], None]) -> None:
        self.limit = limit
        self.pending = 0
        self.overflowed = False
        self._on_overflow = on_overflow

    def admit(self) -> bool:
        """Whether one more event may wait; the first refusal reports the overflow."""
        if self.overflowed:
            return False
        if self.pending >= self.limit:
            self.overflowed = True
            self._on_overflow()
            return False
        self.pending += 1
        return True

    def taken(self) -> None:
        self.pending -= 1


class Subscription:
    """Events on one topic, queued for one subscriber until it takes them."""

    def __init__(self, fanout: Fanout, topic: str, mailbox: Mailbox) -> None:
        self.topic = topic
        self.mailbox = mailbox
        self._fanout = fanout
        self._queue: asyncio.Queue[Event] = asyncio.Queue()

    def deliver(self, event: Event) -> None:
        if self.mailbox.admit():
            self._queue.put_nowait(event)

    async def next(self) -> Event:
        event = await self._queue.get()
        self.mailbox.taken()
        return event

    def close(self) -> None:
        self._fanout.remove(self)
        while not self._queue.empty():
            self._queue.get_nowait()
            self.mailbox.taken()


class Fanout:
    def __init__(self) -> None:
        self._by_topic: dict[str, set[Subscription]] = {}

    def subscribe(self, topic: str, mailbox: Mailbox) -> Subscription:
        subscription = Subscription(self, topic, mailbox)
        self._by_topic.setdefault(topic, set()).add(subscription)
        return subscription

    def remove(self, subscription: Subscription) -> None:
        listeners = self._by_topic.get(subscription.topic)
        if listeners is not None:
            listeners.discard(subscription)
            if not listeners:
                del self._by_topic[subscription.topic]

    def deliver(self, event: Event) -> int:
        """Offers the event to every subscription on its topics; returns how many there were."""
        delivered = 0
        for topic in event.topics:
            for subscription in tuple(self._by_topic.get(topic, ())):
                subscription.deliver(event)
                delivered += 1
        return delivered

    @property
    def empty(self) -> bool:
        return not self._by_topic

    @property
    def subscriptions(self) -> int:
        return sum(len(listeners) for listeners in self._by_topic.values())
