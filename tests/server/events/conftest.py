"""An in-process broker running as in a server, and watchers that collect what reaches a topic."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from server.config import Settings
from server.events import lifecycle
from server.events.brokers import Broker
from server.events.fanout import Mailbox, Subscription
from server.events.messages import Event
from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures


class Watcher:
    """Collects the events published on one topic (as a subscriber with a roomy mailbox would)."""

    def __init__(self, broker: Broker, topic: str) -> None:
        self.mailbox = Mailbox(1000, on_overflow=lambda: None)
        self.subscription: Subscription = broker.subscribe(topic, self.mailbox)

    async def taken(self) -> list[Event]:
        """Everything published so far (publishing is done by the time a service returns)."""
        return [await self.subscription.next() for _ in range(self.mailbox.pending)]


@pytest.fixture
async def broker(db: None, settings: Settings) -> AsyncIterator[Broker]:
    async with lifecycle.running(settings) as running:
        yield running


@pytest.fixture
def watch(broker: Broker):  # type: ignore[no-untyped-def]
    return lambda topic: Watcher(broker, topic)
