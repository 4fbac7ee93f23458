"""The broker interface, and the broker for a single server process.

A broker takes an event from a publisher and hands it to the subscriptions on its topics. The
in-process broker is enough for one process; `RedisBroker` carries events between processes.
`publish` is synchronous and never raises: the caller is a mutation that has already committed.
"""

from __future__ import annotations

from typing import Protocol

from server.events.fanout import Fanout, Mailbox, Subscription
from server.events.messages import Event


class Broker(Protocol):
    def idle(self) -> bool:
        """Whether no subscriber anywhere could receive an event (then none need be built)."""
        ...

    def publish(self, event: Event) -> None: ...

    def announce_revocation(self) -> None:
        """Tells the other processes that sessions were revoked (they check their connections')."""
        ...

    def subscribe(self, topic: str, mailbox: Mailbox) -> Subscription: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class InProcessBroker:
    """Delivers to the subscriptions of this process only."""

    def __init__(self) -> None:
        self.fanout = Fanout()

    def idle(self) -> bool:
        return self.fanout.empty

    def publish(self, event: Event) -> None:
        self.fanout.deliver(event)

    def announce_revocation(self) -> None:
        return None

    def subscribe(self, topic: str, mailbox: Mailbox) -> Subscription:
        return self.fanout.subscribe(topic, mailbox)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None
