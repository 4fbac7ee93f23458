"""graphql-transport-ws with what store tablets need on top of strawberry's handler.

    connection_init   authenticates (`TesseraGraphQL.on_ws_connect`: 4403 when the token is bad),
                      then opens the connection's `LiveConnection`
    subscribe         refused by closing with 4403 once the session was revoked or expired: an
                      open socket must not outlive its token, for queries and mutations too
    session ended     the process's session sweeps (`server.events.session_checks`) close the
                      connection with 4403 when its session was revoked or expired, idle or not
    overflow          a subscriber too slow for its mailbox is closed with 4008; reconnecting and
                      refetching is cheaper than a backlog, and the others never wait for it

Keep-alive: strawberry answers the client's `ping` with `pong`; uvicorn pings at the websocket
level (every 20 s by default) and closes a connection that stops answering.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from contextvars import ContextVar
from typing import Any

import structlog
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler, Operation
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage, SubscribeMessage

from schema.context import Context
from schema.live.connection import SESSION_ENDED, LiveConnection
from server.events import lifecycle

log = structlog.get_logger("tessera.live")

# The graphql-transport-ws operation a subscription's task serves (set as the task starts).
current_operation: ContextVar[Operation[Context, None] | None] = ContextVar("current_operation", default=None)


class LiveTransport(BaseGraphQLTransportWSHandler[Context, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.live: LiveConnection | None = None
        self._dropping: asyncio.Task[None] | None = None

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        broker = lifecycle.current()
        if not self.connection_acknowledged or self.live is not None or broker is None:
            return
        viewer = self.context.actor
        assert viewer is not None
        view: Any = self.view
        session = await view.sessions.watch(viewer.session_id, self._session_ended) if viewer.session_id else None
        if session is None:
            self._session_ended()
            return
        self.live = LiveConnection(viewer, session, broker, view.settings.live_queue_limit, self.drop)
        self.context.request.state.live = self.live

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        current_operation.set(operation)
        await super().run_operation(operation)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if self.live is not None and not self.live.session.valid:
            self._session_ended()
            return
        await super().handle_subscribe(message)

    def _session_ended(self) -> None:
        self.drop(SESSION_ENDED, "Forbidden: the session was revoked or has expired.")

    def drop(self, code: int, reason: str) -> None:
        """Closes the connection once: its subscriptions stop at once, the close follows."""
        if self._dropping is None:
            self._dropping = asyncio.create_task(self._drop(code, reason))

    async def _drop(self, code: int, reason: str) -> None:
        viewer = self.context.actor
        log.info("live_connection_dropped", code=code, reason=reason, staff=viewer.username if viewer else None)
        if self.live is not None:
            self._close_live(self.live)
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        with suppress(Exception):
            await self.websocket.close(code=code, reason=reason)

    async def shutdown(self) -> None:
        await super().shutdown()
        if self.live is not None:
            self._close_live(self.live)

    def _close_live(self, live: LiveConnection) -> None:
        view: Any = self.view
        view.sessions.unwatch(live.session)
        live.close()
