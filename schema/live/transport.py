"""graphql-transport-ws with what store tablets need on top of strawberry's handler.

    connection_init   authenticates (`TesseraGraphQL.on_ws_connect`: 4403 when the token is bad),
                      then opens the connection's `LiveConnection`
    subscribe         refused by closing with 4403 once the session was revoked or expired: an
                      open socket must not outlive its token, for queries and mutations too
    periodically      the session is checked again (an idle subscription learns of a revocation)
    overflow          a subscriber too slow for its mailbox is closed with 4008; reconnecting and
                      refetching is cheaper than a backlog, and the others never wait for it

Keep-alive: strawberry answers the client's `ping` with `pong`; uvicorn pings at the websocket
level (every 20 s by default) and closes a connection that stops answering.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import suppress
from typing import Any

import structlog
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage, SubscribeMessage

from schema.context import Context
from schema.live.connection import SESSION_ENDED, LiveConnection
from server.events import lifecycle

log = structlog.get_logger("tessera.live")


class LiveTransport(BaseGraphQLTransportWSHandler[Context, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.live: LiveConnection | None = None
        self._watch: asyncio.Task[None] | None = None
        self._dropping: asyncio.Task[None] | None = None

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        broker = lifecycle.current()
        if not self.connection_acknowledged or self.live is not None or broker is None:
            return
        assert self.context.actor is not None
        view: Any = self.view
        settings = view.settings
        self.live = LiveConnection(self.context.actor, broker, view.sessions, settings.live_queue_limit, self.drop)
        self.context.request.state.live = self.live
        self._watch = asyncio.create_task(self._recheck(settings.live_recheck_seconds))

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if self.live is not None and not await self.live.session_valid():
            self.drop(SESSION_ENDED, "Forbidden: the session was revoked or has expired.")
            return
        await super().handle_subscribe(message)

    async def _recheck(self, every: float) -> None:
        """Wakes on multiples of `every` by the clock, so the connections of this process check
        together and their checks share one query."""
        assert self.live is not None
        while True:
            await asyncio.sleep(every - time.time() % every)
            if not await self.live.session_valid():
                self.drop(SESSION_ENDED, "Forbidden: the session was revoked or has expired.")
                return

    def drop(self, code: int, reason: str) -> None:
        """Closes the connection once: its subscriptions stop at once, the close follows."""
        if self._dropping is None:
            self._dropping = asyncio.create_task(self._drop(code, reason))

    async def _drop(self, code: int, reason: str) -> None:
        viewer = self.context.actor
        log.info("live_connection_dropped", code=code, reason=reason, staff=viewer.username if viewer else None)
        if self.live is not None:
            self.live.close()
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        with suppress(Exception):
            await self.websocket.close(code=code, reason=reason)

    async def shutdown(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
        await super().shutdown()
        if self.live is not None:
            self.live.close()
