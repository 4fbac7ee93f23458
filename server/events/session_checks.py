"""Whether live connections' sessions are still valid, checked in batches.

An event reaching 500 subscriptions in this process must not cost 500 queries: every check asked
for while a batch is being gathered (the same turn of the event loop) is answered by one query. A
check answers for the moment it was asked, so a session revoked before an event arrived is seen
as revoked by that event's checks.
"""

from __future__ import annotations

import asyncio

import structlog

from server.access.models import StaffSession
from server.core.clock import now

log = structlog.get_logger("tessera.events")


async def valid_sessions(session_ids: list[int]) -> set[int]:
    """The sessions among these that are neither revoked nor expired, of staff still active."""
    rows = await StaffSession.filter(
        id__in=session_ids, revoked_at=None, expires_at__gt=now(), staff__is_active=True
    ).values_list("id", flat=True)
    return {int(row) for row in rows}


class SessionChecks:
    def __init__(self) -> None:
        self._waiting: dict[int, list[asyncio.Future[bool]]] = {}
        self._batch: asyncio.Task[None] | None = None

    async def valid(self, session_id: int) -> bool:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(session_id, []).append(future)
        if self._batch is None:
            self._batch = asyncio.create_task(self._check())
        return await future

    async def _check(self) -> None:
        await asyncio.sleep(0)
        waiting, self._waiting, self._batch = self._waiting, {}, None
        try:
            valid = await valid_sessions(list(waiting))
        except Exception as exc:  # noqa: BLE001 - unverifiable sessions are treated as ended
            log.warning("session_check_failed", error=repr(exc))
            valid = set()
        for session_id, futures in waiting.items():
            for future in futures:
                if not future.done():
                    future.set_result(session_id in valid)
