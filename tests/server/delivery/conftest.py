"""Delivery fixtures: channels that record or refuse what they are given, installed for one test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from server.channels import registry
from server.channels.base import Channel, ChannelKind, Message, SendError
from server.jobs.catalog import REGISTRY
from server.jobs.runner import Worker
from tests.server.jobs.conftest import Clock, clock  # noqa: F401 - shared fixture


@dataclass
class FakeChannel:
    """Records each message; raises the queued errors first."""

    kind: ChannelKind
    errors: list[SendError] = field(default_factory=list)
    sent: list[Message] = field(default_factory=list)

    async def send(self, message: Message) -> str:
        if self.errors:
            raise self.errors.pop(0)
        self.sent.append(message)
        return f"{self.kind.value.lower()}-{len(self.sent)}"


@pytest.fixture
def install() -> Iterator[Callable[..., None]]:
    """`install(channel, ...)` makes these (and LOG) the configured channels for the test."""

    def configure(*channels: Channel) -> None:
        registry.configure({ChannelKind.LOG: registry.build(registry.ChannelSettings())[ChannelKind.LOG]} | {c.kind: c for c in channels})

    yield configure
    registry.configure(registry.ChannelSettings())


@pytest.fixture
def worker(clock: Clock) -> Worker:
    return Worker(REGISTRY, name="w", clock=clock)
