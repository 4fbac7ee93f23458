"""Whether live connections' sessions are still valid: one query per interval for all of them.

An event reaching a subscriber must not cost a query: at 1,000 subscribers that was one query per
event per process, more than the events' own reads. Instead every live connection of this process
is `watch`ed here, and a sweep every `every` seconds reads which of their sessions are still valid
(not revoked, not expired, staff still active) in one query, and ends the connections whose
session is not. An event then asks `valid`, answered from the last sweep without a query; the
expiry is compared with the clock at that moment, so an expired session never gets another event.

A revocation (logout, a staff change) sweeps every process at once: this one before the mutation
answers, so not one more event reaches a connection it ended here, and the others when the
notice reaches them through the broker (`server.events.publishing.sessions_revoked`), a hop of
milliseconds. Whatever a lost notice misses, the next sweep ends within `every` seconds. A sweep
that fails (the database is away) ends every watched connection: a session that can't be
verified is not trusted.
"""

from __future__ import annotations

import asyncio
import json
import weakref
from collections.abc import Callable
from datetime import datetime

import structlog
from tortoise import Tortoise

from server.core.clock import now

log = structlog.get_logger("tessera.events")


_VALID = """
SELECT s.id, s.expires_at FROM staff_session s JOIN staff st ON st.id = s.staff_id
WHERE s.id IN ({ids}) AND s.revoked_at IS NULL AND s.expires_at > {now} AND st.is_active
"""

_sweepers: weakref.WeakSet[SessionChecks] = weakref.WeakSet()


async def valid_sessions(session_ids: list[int]) -> dict[int, datetime]:
    """The sessions among these that are neither revoked nor expired, of staff still active, with
    when each expires."""
    conn = Tortoise.get_connection("default")
    if conn.capabilities.dialect == "sqlite":
        sql = _VALID.format(ids="SELECT value FROM json_each(?)", now="?")
        params: list[object] = [json.dumps(session_ids), now()]
    else:
        sql = _VALID.format(ids="SELECT unnest($1::int[])", now="$2")
        params = [session_ids, now()]
    return {int(row["id"]): _aware(row["expires_at"]) for row in await conn.execute_query_dict(sql, params)}


def _aware(value: datetime | str) -> datetime:
    """SQLite hands timestamps back as text."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=now().tzinfo)


async def sweep_all() -> None:
    """Every connection of this process checked at once (sessions were revoked)."""
    for checks in tuple(_sweepers):
        await checks.sweep()


class Watch:
    """One connection's session, as the last sweep found it."""

    def __init__(self, session_id: int, expires_at: datetime, on_end: Callable[[], None]) -> None:
        self.session_id = session_id
        self.expires_at = expires_at
        self.ended = False
        self._on_end = on_end

    @property
    def valid(self) -> bool:
        """Valid at the last sweep and not expired since: no query."""
        return not self.ended and self.expires_at > now()

    def end(self) -> None:
        """Once ended a watch stays ended, whatever a sweep begun before the end reads later."""
        if not self.ended:
            self.ended = True
            self._on_end()


class SessionChecks:
    def __init__(self, every: float) -> None:
        self.every = every
        self._watches: set[Watch] = set()
        self._sweeping: asyncio.Task[None] | None = None
        _sweepers.add(self)

    async def watch(self, session_id: int, on_end: Callable[[], None]) -> Watch | None:
        """Starts watching a connection's session; None (and nothing watched) if it is not valid."""
        try:
            expires_at = (await valid_sessions([session_id])).get(session_id)
        except Exception as exc:  # noqa: BLE001 - an unverifiable session is treated as ended
            log.warning("session_check_failed", error=repr(exc))
            expires_at = None
        if expires_at is None:
            return None
        watch = Watch(session_id, expires_at, on_end)
        self._watches.add(watch)
        if self._sweeping is None or self._sweeping.done():
            self._sweeping = asyncio.create_task(self._sweep_every())
        return watch

    def unwatch(self, watch: Watch) -> None:
        self._watches.discard(watch)
        if not self._watches and self._sweeping is not None:
            self._sweeping.cancel()
            self._sweeping = None

    async def sweep(self) -> None:
        """Reads every watched session in one query and ends the connections whose session ended."""
        watches = tuple(self._watches)
        if not watches:
            return
        try:
            valid = await valid_sessions(sorted({w.session_id for w in watches}))
        except Exception as exc:  # noqa: BLE001 - unverifiable sessions are treated as ended
            log.warning("session_check_failed", error=repr(exc))
            valid = {}
        for watch in watches:
            expires_at = valid.get(watch.session_id)
            if expires_at is not None:
                watch.expires_at = expires_at
            elif watch in self._watches:
                self.unwatch(watch)
                watch.end()

    async def _sweep_every(self) -> None:
        while True:
            await asyncio.sleep(self.every)
            await self.sweep()
