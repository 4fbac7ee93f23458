"""balanceChanged and storeActivity: who may subscribe is checked when the subscription starts
(an `error` message otherwise); every event is checked again against the viewer's session and
masked for the viewer."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.execution import Plan, planned
from schema.core.ids import decode_id
from schema.live.connection import LiveConnection
from schema.live.transport import current_operation
from schema.live.types import BalanceEvent, E, LiveEvent, StoreEvent
from server.core.errors import invalid
from server.events.fanout import Subscription
from server.events.subscribing import activity_topic, balance_topic


def live_connection(info: Info) -> LiveConnection:
    live: LiveConnection | None = getattr(info.context.request.state, "live", None)
    if live is None:
        raise invalid("subscription", "Subscribe over the websocket at /graphql (graphql-transport-ws).")
    return live


async def _events(connection: LiveConnection, subscription: Subscription, shape: type[E]) -> AsyncGenerator[E, None]:
    """The subscription's events. Once the executor has compiled the subscription's plan (on the
    first event), an event the plan renders is sent here as the operation's `next` message, the
    same message strawberry would send, without the per-event trip through graphql-core and
    strawberry's result stream; an event it can't render goes that way, errors and all."""
    plan: list[tuple[str, Plan]] = []
    planned.set(plan)
    try:
        while True:
            event = await subscription.next()
            if not connection.session.valid:
                await connection.end_session()
            shaped = shape.from_event(event, connection.viewer)
            if not (plan and await _sent(plan[0], shaped)):
                yield shaped
    finally:
        connection.release(subscription)


async def _sent(root: tuple[str, Plan], shaped: LiveEvent) -> bool:
    operation = current_operation.get()
    if operation is None:
        return False
    key, plan = root
    try:
        data = {key: plan.render(shaped)}
    except Exception:  # noqa: BLE001 - graphql-core's execution reports it properly
        return False
    await operation.send_operation_message({"id": operation.id, "type": "next", "payload": {"data": data}})
    return True


@strawberry.type(description="Live updates, over the graphql-transport-ws websocket protocol.")
class LiveSubscription:
    @strawberry.subscription(
        description="Changes to one member's (memberId) or one card's (cardNo) balance, points and card status, "
        "each after its transaction committed. Any signed-in staff may watch any member; "
        "the member is masked as in `memberLookup`."
    )
    async def balance_changed(
        self,
        info: Info,
        member_id: Annotated[relay.GlobalID | None, strawberry.argument(description="The member to watch.")] = None,
        card_no: Annotated[str | None, strawberry.argument(description="Or the card to watch, by number.")] = None,
    ) -> AsyncGenerator[BalanceEvent, None]:
        connection = live_connection(info)
        member = decode_id(member_id, "Member", "memberId") if member_id is not None else None
        topic = await balance_topic(connection.viewer, member, card_no)
        return _events(connection, connection.subscribe(topic), BalanceEvent)

    @strawberry.subscription(
        description="A store's activity as it happens: consumptions, recharges, refunds, card operations and new "
        "members registered there. For the store's staff, its region's manager and HQ."
    )
    async def store_activity(
        self,
        info: Info,
        store_id: Annotated[relay.GlobalID, strawberry.argument(description="The store to watch.")],
    ) -> AsyncGenerator[StoreEvent, None]:
        connection = live_connection(info)
        topic = await activity_topic(connection.viewer, decode_id(store_id, "Store", "storeId"))
        return _events(connection, connection.subscribe(topic), StoreEvent)
