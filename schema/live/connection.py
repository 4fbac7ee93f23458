"""One websocket's live state, shared by its subscriptions.

    viewer         the staff member who signed in with `connection_init`
    mailbox        a bound on events waiting for this connection, across its subscriptions
    subscriptions  closed together when the connection ends, whichever way it ends
    end()          drops the connection (the transport closes it with a code and a reason)
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from server.access.policy import Actor
from server.events.brokers import Broker
from server.events.fanout import Mailbox, Subscription
from server.events.session_checks import SessionChecks

SLOW_SUBSCRIBER = 4008
SESSION_ENDED = 4403


class LiveConnection:
    def __init__(
        self,
        viewer: Actor,
        broker: Broker,
        sessions: SessionChecks,
        queue_limit: int,
        drop: Callable[[int, str], None],
    ) -> None:
        self.viewer = viewer
        self._broker = broker
        self._sessions = sessions
        self._drop = drop
        self._subscriptions: set[Subscription] = set()
        self.mailbox = Mailbox(
            queue_limit,
            on_overflow=lambda: drop(
                SLOW_SUBSCRIBER, f"Too slow: {queue_limit} events were waiting. Reconnect and refetch."
            ),
        )

    def subscribe(self, topic: str) -> Subscription:
        subscription = self._broker.subscribe(topic, self.mailbox)
        self._subscriptions.add(subscription)
        return subscription

    def release(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)
        subscription.close()

    def close(self) -> None:
        for subscription in tuple(self._subscriptions):
            self.release(subscription)

    async def session_valid(self) -> bool:
        session_id = self.viewer.session_id
        return session_id is not None and await self._sessions.valid(session_id)

    async def end_session(self) -> None:
        """Drops the connection because its session was revoked or expired; returns only by the
        cancellation the drop brings, so the caller sends nothing more."""
        self._drop(SESSION_ENDED, "Forbidden: the session was revoked or has expired.")
        await asyncio.Event().wait()
