"""One websocket's live state, shared by its subscriptions.

    viewer         the staff member who signed in with `connection_init`
    session        the viewer's session as this process's sweeps last found it
    mailbox        a bound on events waiting for this connection, across its subscriptions
    subscriptions  closed together when the connection ends, whichever way it ends
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from server.access.policy import Actor
from server.events.brokers import Broker
from server.events.fanout import Mailbox, Subscription
from server.events.session_checks import Watch

SLOW_SUBSCRIBER = 4008
SESSION_ENDED = 4403


class LiveConnection:
    def __init__(
        self,
        viewer: Actor,
        session: Watch,
        broker: Broker,
        queue_limit: int,
        drop: Callable[[int, str], None],
    ) -> None:
        self.viewer = viewer
        self.session = session
        self._broker = broker
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

    async def end_session(self) -> None:
        """Drops the connection because its session was revoked or expired; returns only by the
        cancellation the drop brings, so the caller sends nothing more."""
        self._drop(SESSION_ENDED, "Forbidden: the session was revoked or has expired.")
        await asyncio.Event().wait()
