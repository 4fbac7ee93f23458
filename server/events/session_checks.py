"""Whether live connections' sessions are still valid, checked in batches.

An event reaching 500 subscriptions in this process must not cost 500 queries: every check asked
for while a batch is being gathered (the same turn of the event loop) is answered by one query. A
check answers for the moment it was asked, so a session revoked before an event arrived is seen
as revoked by that event's checks.
"""

from __future__ import annotations

import asyncio
import json

import structlog
from tortoise import Tortoise

from server.core.clock import now

log = structlog.get_logger("tessera.events")


_VALID = """
SELECT s.id FROM staff_session s JOIN staff st ON st.id = s.staff_id
WHERE s.id IN ({ids}) AND s.revoked_at IS NULL AND s.expires_at > {now} AND st.is_active
"""


async def valid_sessions(session_ids: list[int]) -> set[int]:
    """The sessions among these that are neither revoked nor expired, of staff still active.
    Hand-written SQL: this runs for every event that reaches a subscriber."""
    conn = Tortoise.get_connection("default")
    if conn.capabilities.dialect == "sqlite":
        sql = _VALID.format(ids="SELECT value FROM json_each(?)", now="?")
        params: list[object] = [json.dumps(session_ids), now()]
    else:
        sql = _VALID.format(ids="SELECT unnest($1::int[])", now="$2")
        params = [session_ids, now()]
    return {int(row["id"]) for row in await conn.execute_query_dict(sql, params)}


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
