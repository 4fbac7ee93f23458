"""Per API client request rates: fixed one-minute windows, counted where every server process
sees them.

With TESSERA_REDIS_URL set the count is Redis's (one INCR per request, the window's key expiring
after it), so a client's limit holds across all the processes serving it; without Redis there is
one process and it counts in memory. A Redis that is down lets requests through (logged): the limit
protects the service from a runaway client, and refusing every partner's till because the counter
is away would be the greater harm. Staff sessions are not limited (login has its own lock-out).
"""

from __future__ import annotations

import time
from collections import Counter

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from server.access.policy import Actor
from server.core.errors import DomainError, ErrorCode

WINDOW_SECONDS = 60

log = structlog.get_logger("tessera.access")


class RateLimited(DomainError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(ErrorCode.RATE_LIMITED, f"Too many requests for this API client; retry in {retry_after} s.")
        self.retry_after = retry_after


class _Counts:
    """This process's counts, for the current window only."""

    def __init__(self) -> None:
        self.window = -1
        self.counts: Counter[int] = Counter()

    async def count(self, client_id: int, window: int) -> int:
        if window != self.window:
            self.window, self.counts = window, Counter()
        self.counts[client_id] += 1
        return self.counts[client_id]

    async def aclose(self) -> None:
        return None


class _RedisCounts:
    def __init__(self, url: str) -> None:
        self.redis = Redis.from_url(url, socket_connect_timeout=1.0, socket_timeout=1.0)

    async def count(self, client_id: int, window: int) -> int:
        key = f"tessera:rate:{client_id}:{window}"
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.incr(key)
            pipe.expire(key, 2 * WINDOW_SECONDS)
            counted, _ = await pipe.execute()
        return int(counted)

    async def aclose(self) -> None:
        await self.redis.aclose()


class RateLimits:
    def __init__(self, redis_url: str | None = None) -> None:
        self._counts = _RedisCounts(redis_url) if redis_url else _Counts()

    async def admit(self, actor: Actor | None) -> None:
        """Counts an API client's request; raises RateLimited once it is over its limit this minute."""
        if actor is None or actor.api_client_id is None:
            return
        moment = time.time()
        window = int(moment // WINDOW_SECONDS)
        try:
            counted = await self._counts.count(actor.api_client_id, window)
        except RedisError as exc:
            log.warning("rate_limit_unavailable", error=type(exc).__name__)
            return
        if counted > actor.rate_limit_per_minute:
            raise RateLimited(max(1, int((window + 1) * WINDOW_SECONDS - moment + 0.999)))

    async def aclose(self) -> None:
        await self._counts.aclose()
