"""Publishing after commit: `@publishes(describe)` on a service, and `sessions_revoked()`.

A service runs its own short transaction and returns only after it committed; a service that
raised rolled back. So the decorator publishes exactly when it should: after the service returned,
whatever `describe(actor, result)` makes of the result (nothing for a replay or a dry run). It
never fails the service: without a running broker, or with one no subscriber listens to, it does
nothing; any failure building or publishing the events is logged and swallowed — events are best
effort, the mutation is not.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import Any, ParamSpec, TypeVar

import structlog
from tortoise import Tortoise
from tortoise.backends.base.client import TransactionalDBClient

from server.events import lifecycle
from server.events.messages import Event
from server.events.session_checks import sweep_all

BUILD_TIMEOUT = 2.0

P = ParamSpec("P")
R = TypeVar("R")

log = structlog.get_logger("tessera.events")


def publishes(
    describe: Callable[[Any, R], Awaitable[Sequence[Event]]],
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """For services taking the acting staff first: publishes `describe(actor, result)`."""

    def decorate(service: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(service)
        async def published(*args: P.args, **kwargs: P.kwargs) -> R:
            result = await service(*args, **kwargs)
            await publish(describe, args[0], result)
            return result

        return published

    return decorate


async def publish(describe: Callable[[Any, R], Awaitable[Sequence[Event]]], actor: Any, result: R) -> None:
    broker = lifecycle.current()
    if broker is None or broker.idle():
        return
    if isinstance(Tortoise.get_connection("default"), TransactionalDBClient):
        log.error("events_inside_transaction", describe=describe.__name__)
        return
    committed_at = time.time()
    try:
        async with asyncio.timeout(BUILD_TIMEOUT):
            events = await describe(actor, result)
        for event in events:
            broker.publish(replace(event, committed_at=committed_at))
    except Exception:  # noqa: BLE001 - the service committed; a lost event must not fail it
        log.exception("events_publish_failed", describe=describe.__name__)


async def sessions_revoked() -> None:
    """After a revocation committed: this process's live connections are checked before the caller
    answers, and the other processes are told to check theirs."""
    await sweep_all()
    broker = lifecycle.current()
    if broker is not None:
        broker.announce_revocation()
