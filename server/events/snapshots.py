"""Events built from committed rows: what a service did, with balances as they stand now.

Each `*_events` function turns a service's result into the events it caused, reading the card,
member, store, the card's balances and the member's spendable points after the commit. Under
concurrent operations on one card an event may carry a later balance than its own operation left:
subscribers always see the current state, never an older one than the event's.

A replayed operation, a dry run and an operation that failed cause no event.
"""

from __future__ import annotations

from typing import Any

from server.access.policy import Actor
from server.card.models import Card, CardAction, CardEvent, CardStatus
from server.events.messages import CardRef, Event, EventKind, MemberRef, StoreRef, TransferRef
from server.ledger.models import Account, AccountCode, Operation, OperationKind
from server.ledger.operations import Outcome
from server.member.models import Member
from server.org.models import Store
from server.points import lots

OPERATION_KINDS: dict[OperationKind, EventKind] = {
    OperationKind.RECHARGE: EventKind.RECHARGE,
    OperationKind.CONSUME: EventKind.CONSUME,
    OperationKind.REFUND: EventKind.REFUND,
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


def _member_ref(member: Member) -> MemberRef:
    return MemberRef(
        id=member.id,
        member_no=member.member_no,
        name=member.name,
        phone_encrypted=member.phone_encrypted,
        home_store_id=member.home_store_id,
        home_region_id=member.home_store.region_id,
    )


def _store_ref(store: Store) -> StoreRef:
    return StoreRef(id=store.id, code=store.code, name=store.name)


async def _store(store_id: int | None, member: Member) -> StoreRef | None:
    if store_id is None:
        return None
    if store_id == member.home_store_id:
        return _store_ref(member.home_store)
    store = await Store.get_or_none(id=store_id)
    return _store_ref(store) if store else None


async def _card_with_member(card_id: int) -> Card:
    return await Card.get(id=card_id).select_related("card_type", "member__home_store")


def _money_card_id(card: Card) -> int:
    return card.parent_id if card.parent_id is not None else card.id


async def _balances(card: Card) -> tuple[int | None, int | None]:
    """The principal and bonus the card spends (its parent's for a subsidiary card), or no
    balances for a card type that carries no stored value."""
    if not card.card_type.stores_value:
        return None, None
    rows = {
        a.code: int(a.balance or 0)
        for a in await Account.filter(
            card_id=_money_card_id(card), code__in=[AccountCode.CARD_PRINCIPAL, AccountCode.CARD_BONUS]
        )
    }
    return rows.get(AccountCode.CARD_PRINCIPAL, 0), rows.get(AccountCode.CARD_BONUS, 0)


async def _card_state(card: Card) -> dict[str, Any]:
    """The card part of an event: the card, what it can spend, the cards whose topics it concerns."""
    principal, bonus = await _balances(card)
    return {
        "card": CardRef(id=card.id, card_no=card.card_no, status=CardStatus(card.status).value),
        "principal": principal,
        "bonus": bonus,
        "other_cards": (card.parent_id,) if card.parent_id is not None else (),
    }


async def operation_event(operation: Operation, operator: str | None) -> Event:
    """A money or points operation: its member, card, store, and the balances now."""
    if operation.card_id is not None:
        card = await _card_with_member(operation.card_id)
        member, card_part = card.member, await _card_state(card)
    else:
        member = await Member.get(id=operation.member_id).select_related("home_store")
        card_part = {}
    return Event(
        kind=OPERATION_KINDS[OperationKind(operation.kind)],
        member=_member_ref(member),
        at=operation.created_at,
        points=await lots.balance(member.id),
        transfer=TransferRef(id=operation.id, kind=OperationKind(operation.kind).value, amount=operation.amount),
        store=await _store(operation.store_id, member),
        operator=operator,
        **card_part,
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


async def _latest_record(card: Card) -> CardEvent:
    """The CardEvent that set the card's current status: the operation just committed (two
    operations on one card can't interleave: transitions are guarded by the status they start from)."""
    record = await CardEvent.filter(card_id=card.id, to_status=card.status).order_by("-id").first()
    if record is None:
        raise LookupError(f"card {card.id} has no record of its status {card.status}")
    return record


async def _card_event(actor: Actor, card: Card, record: CardEvent, operation: Operation | None = None) -> Event:
    return Event(
        kind=CARD_ACTIONS[CardAction(record.action)],
        member=_member_ref(card.member),
        at=record.created_at,
        points=await lots.balance(card.member_id),
        transfer=TransferRef(id=operation.id, kind=OperationKind(operation.kind).value, amount=operation.amount)
        if operation
        else None,
        store=await _store(record.store_id, card.member),
        operator=actor.username,
        reason=record.reason,
        **await _card_state(card),
    )


async def card_events(actor: Actor, card: Card) -> list[Event]:
    """Issue, lost/found, freeze/unfreeze, cancel. A cancel also reports its cash-out transfer,
    and each subsidiary card it cancelled with it (as cancelled by the same operation)."""
    card = await _card_with_member(card.id)
    record = await _latest_record(card)
    if CardStatus(card.status) is not CardStatus.CANCELLED:
        return [await _card_event(actor, card, record)]
    cash_out = await Operation.get_or_none(card_id=card.id, kind=OperationKind.CARD_CASH_OUT)
    events = [await _card_event(actor, card, record, cash_out)]
    children = await Card.filter(parent_id=card.id, status=CardStatus.CANCELLED).order_by("id").select_related(
        "card_type", "member__home_store"
    )
    events += [await _card_event(actor, child, record) for child in children]
    return events


async def replacement_events(actor: Actor, successor: Card) -> list[Event]:
    """补卡: the old card replaced (with the transfer that moved its balance), the new one issued."""
    old = await Card.get(replaced_by_id=successor.id).select_related("card_type", "member__home_store")
    new = await _card_with_member(successor.id)
    moved = await Operation.get_or_none(card_id=old.id, kind=OperationKind.CARD_REPLACE)
    return [
        await _card_event(actor, old, await _latest_record(old), moved),
        await _card_event(actor, new, await _latest_record(new)),
    ]


async def registration_events(actor: Actor, member: Member) -> list[Event]:
    """A new member, on the stream of the store they registered at (their home store)."""
    member = await Member.get(id=member.id).select_related("home_store")
    return [
        Event(
            kind=EventKind.MEMBER_REGISTERED,
            member=_member_ref(member),
            at=member.created_at,
            store=_store_ref(member.home_store),
            operator=actor.username,
        )
    ]
