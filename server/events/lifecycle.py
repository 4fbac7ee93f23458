"""The broker this process runs: started and stopped with the application, found by publishers.

Services publish through `current()`, which is None outside a running server (the command line,
most tests): then nothing is published, and nothing is spent building events nobody can receive.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from server.config import Settings
from server.events.brokers import Broker, InProcessBroker
from server.events.redis_pubsub import RedisBroker
from server.events.session_checks import sweep_all

_current: Broker | None = None


def current() -> Broker | None:
    return _current


def broker_for(settings: Settings) -> Broker:
    """Redis when TESSERA_REDIS_URL is set (several processes), else in-process."""
    if settings.redis_url:
        return RedisBroker(settings.redis_url, settings.redis_channel, on_revocation=sweep_all)
    return InProcessBroker()


@asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[Broker]:
    global _current
    broker = broker_for(settings)
    await broker.start()
    previous, _current = _current, broker
    try:
        yield broker
    finally:
        _current = previous
        await broker.stop()
