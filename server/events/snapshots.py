"""Events built from committed rows: what a service did, with balances as they stand now.

Each `*_events` function turns a service's result into the events it caused; `server.events.state`
reads the card, member, store, the card's balances and the member's spendable points after the
commit. Under concurrent operations on one card an event may carry a later balance than its own
operation left: subscribers always see the current state, never an older one than the event's.

A replayed operation, a dry run and an operation that failed cause no event.
"""

from __future__ import annotations

from typing import Any

from server.access.policy import Actor
from server.card.models import Card, CardAction, CardEvent, CardStatus
from server.events.messages import Event, EventKind, TransferRef
from server.events.state import State, card_state, member_state
from server.ledger.models import Operation, OperationKind
from server.ledger.operations import Outcome
from server.member.models import Member

OPERATION_KINDS: dict[OperationKind, EventKind] = {
    OperationKind.RECHARGE: EventKind.RECHARGE,
    OperationKind.CONSUME: EventKind.CONSUME,
    OperationKind.REFUND: EventKind.REFUND,
    OperationKind.RECHARGE_REFUND: EventKind.REFUND,
    OperationKind.CARD_REPLACE: EventKind.CARD_REPLACED,
    OperationKind.CARD_CASH_OUT: EventKind.CARD_CANCELLED,
    OperationKind.POINTS_ADJUST: EventKind.POINTS_ADJUSTED,
    OperationKind.POINTS_REDEEM: EventKind.POINTS_REDEEMED,
    OperationKind.POINTS_EXPIRE: EventKind.POINTS_EXPIRED,
}

CARD_ACTIONS: dict[CardAction, EventKind] = {
    CardAction.ISSUE: EventKind.CARD_ISSUED,
    CardAction.REPORT_LOST: EventKind.CARD_REPORTED_LOST,
    CardAction.CANCEL_LOSS: EventKind.CARD_LOSS_CANCELLED,
    CardAction.FREEZE: EventKind.CARD_FROZEN,
    CardAction.UNFREEZE: EventKind.CARD_UNFROZEN,
    CardAction.REPLACE: EventKind.CARD_REPLACED,
    CardAction.CANCEL: EventKind.CARD_CANCELLED,
}


def _transfer(operation: Operation | None) -> TransferRef | None:
    if operation is None:
        return None
    return TransferRef(id=operation.id, kind=OperationKind(operation.kind).value, amount=operation.amount)


def _event(kind: EventKind, state: State, **details: Any) -> Event:
    return Event(
        kind=kind,
        member=state.member,
        card=state.card,
        principal=state.principal,
        bonus=state.bonus,
        points=state.points,
        store=state.store,
        other_cards=(state.parent_card_id,) if state.parent_card_id is not None else (),
        **details,
    )


async def operation_event(operation: Operation, operator: str | None) -> Event:
    """A money or points operation: its member, card, store, and the balances now."""
    if operation.card_id is not None:
        state = await card_state(operation.card_id, operation.store_id)
    else:
        state = await member_state(int(operation.member_id or 0), operation.store_id)
    return _event(
        OPERATION_KINDS[OperationKind(operation.kind)],
        state,
        at=operation.created_at,
        transfer=_transfer(operation),
        operator=operator,
    )


async def outcome_events(actor: Actor, outcome: Outcome) -> list[Event]:
    """Recharge and refund: one event, unless the operation was a replay."""
    if outcome.replayed:
        return []
    return [await operation_event(outcome.operation, actor.username)]


async def consume_events(actor: Actor, result: tuple[Any, Outcome | None]) -> list[Event]:
    """Consume: one event, unless it was a dry run (no outcome) or a replay."""
    _, outcome = result
    return [] if outcome is None else await outcome_events(actor, outcome)


async def _latest_record(card_id: int, status: str) -> CardEvent:
    """The CardEvent that set the card's current status: the operation just committed (two
    operations on one card can't interleave: transitions are guarded by the status they start from)."""
    record = await CardEvent.filter(card_id=card_id, to_status=status).order_by("-id").first()
    if record is None:
        raise LookupError(f"card {card_id} has no record of its status {status}")
    return record


async def _card_event(
    actor: Actor, card_id: int, status: CardStatus, record: CardEvent | None = None, operation: Operation | None = None
) -> Event:
    """A card operation, as `record` (by default the card's latest CardEvent) tells it."""
    record = record or await _latest_record(card_id, status.value)
    return _event(
        CARD_ACTIONS[CardAction(record.action)],
        await card_state(card_id, record.store_id),
        at=record.created_at,
        transfer=_transfer(operation),
        operator=actor.username,
        reason=record.reason,
    )


async def card_events(actor: Actor, card: Card) -> list[Event]:
    """Issue, lost/found, freeze/unfreeze, cancel. A cancel also reports its cash-out transfer,
    and each subsidiary card it cancelled with it (as cancelled by the same operation)."""
    status = CardStatus(card.status)
    if status is not CardStatus.CANCELLED:
        return [await _card_event(actor, card.id, status)]
    record = await _latest_record(card.id, status.value)
    cash_out = await Operation.get_or_none(card_id=card.id, kind=OperationKind.CARD_CASH_OUT)
    children = await Card.filter(parent_id=card.id, status=status).order_by("id").values_list("id", flat=True)
    return [await _card_event(actor, card.id, status, record, cash_out)] + [
        await _card_event(actor, int(child), status, record) for child in children
    ]


async def replacement_events(actor: Actor, successor: Card) -> list[Event]:
    """补卡: the old card replaced (with the transfer that moved its balance), the new one issued."""
    old = await Card.get(replaced_by_id=successor.id)
    moved = await Operation.get_or_none(card_id=old.id, kind=OperationKind.CARD_REPLACE)
    return [
        await _card_event(actor, old.id, CardStatus.CANCELLED, operation=moved),
        await _card_event(actor, successor.id, CardStatus(successor.status)),
    ]


async def registration_events(actor: Actor, member: Member) -> list[Event]:
    """A new member, on the stream of the store they registered at (their home store)."""
    state = await member_state(member.id, member.home_store_id)
    return [_event(EventKind.MEMBER_REGISTERED, state, at=member.created_at, operator=actor.username)]
