"""Buying a tier: its price paid from the member's stored value or outside Tessera, for its
duration. Runs once per idempotency key like every money operation (`server.ledger.operations`).

One short transaction: lock the card's balances, insert the TIER_PURCHASE operation, post the
payment (principal first, then bonus, to the store's takings; nothing for an external payment,
which is recorded with its amount), then move the member (`server.tier.changes`, after the
accounts: the lock order of every payment) and record until when the bought tier holds. The tier
stays a floor until then; at the first review after, the member falls back to what they earned.
Buying the tier the member holds extends it from its current end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.card.errors import card_not_active, no_stored_value
from server.card.models import CardStatus
from server.card.services import get_card, money_card
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, invalid, not_found
from server.ledger import accounts
from server.ledger.models import Account, Operation, OperationKind, TransferCode
from server.ledger.operations import Execute, Outcome, check_key, fingerprint, run_once
from server.ledger.posting import Leg, lock_balances, post
from server.member.errors import member_not_active
from server.member.models import MemberStatus
from server.member.services import get_member_in_scope
from server.tier.changes import Move, change_tier
from server.tier.models import Tier, TierChangeCause, TierStatus
from server.wallet.stores import acting_store


class TierPayment(str, Enum):
    STORED_VALUE = "STORED_VALUE"
    EXTERNAL = "EXTERNAL"


@dataclass
class PurchaseRequest:
    member_id: int
    tier_id: int
    idempotency_key: str
    payment: TierPayment = TierPayment.STORED_VALUE
    card_no: str | None = None
    store_id: int | None = None


async def buy_tier(actor: Actor | None, request: PurchaseRequest) -> Outcome:
    actor = require(actor, Permission.MANAGE_MEMBERS)
    key = check_key(request.idempotency_key)
    print_ = fingerprint(
        {"op": "tier-purchase", "staff": actor.staff_id, **request.__dict__, "store_id": request.store_id or actor.store_id}
    )
    return await run_once(key, print_, lambda: _purchase(actor, request, key, print_))


async def _purchase(actor: Actor, request: PurchaseRequest, key: str, print_: str) -> Execute:
    """Checks the request and resolves the accounts outside the transaction; returns its body."""
    store = await acting_store(actor, request.store_id)
    try:
        member = await get_member_in_scope(actor, request.member_id)
    except DomainError as exc:
        raise DomainError(exc.code, exc.message, "memberId") from exc
    if member.status != MemberStatus.ACTIVE:
        raise member_not_active("memberId")
    tier = await Tier.get_or_none(id=request.tier_id)
    if tier is None:
        raise not_found("Tier", "tierId")
    if tier.price is None or tier.paid_days is None:
        raise invalid("tierId", "This tier is not for sale.")
    price, days = tier.price, tier.paid_days
    current = await Tier.get_or_none(id=member.tier_id) if member.tier_id is not None else None
    if current is not None and current.rank > tier.rank:
        raise invalid("tierId", "The member already holds a higher tier.")
    card_id = None
    sources: list[Account] = []
    takings: Account | None = None
    if request.payment is TierPayment.STORED_VALUE:
        if not request.card_no:
            raise invalid("cardNo", "Give the card that pays from its stored value.")
        card = await get_card(request.card_no)
        if card.member_id != member.id:
            raise invalid("cardNo", "The card belongs to another member.")
        if card.status != CardStatus.ACTIVE:
            raise card_not_active(CardStatus(card.status))
        if not card.card_type.stores_value:
            raise no_stored_value(pay_externally=True)
        card_id = card.id
        refs = [accounts.card_principal(money_card(card)), accounts.card_bonus(money_card(card)), accounts.store_takings(store.id)]
        acct = await accounts.resolve(refs)
        sources, takings = [acct[refs[0]], acct[refs[1]]], acct[refs[2]]

    async def execute() -> Operation:
        at = now()
        legs: list[Leg] = []
        if takings is not None:
            held = await lock_balances(sources)
            left = price
            for source in sources:
                take = min(left, held[source.id])
                if take:
                    legs.append(Leg(source, takings, take, TransferCode.TIER_PURCHASE))
                left -= take
            if left:
                raise DomainError(ErrorCode.INSUFFICIENT_BALANCE, "The card doesn't hold enough stored value.", "cardNo")
        status = await TierStatus.get_or_none(member_id=member.id)
        start = status.paid_until if status and status.paid_tier_id == tier.id and status.paid_until and status.paid_until > at else at
        until = start + timedelta(days=days)
        result = {"tier_id": tier.id, "tier": tier.name, "payment": request.payment.value, "until": until.isoformat()}
        operation = await Operation.create(
            kind=OperationKind.TIER_PURCHASE,
            idempotency_key=key,
            fingerprint=print_,
            member_id=member.id,
            card_id=card_id,
            store_id=store.id,
            staff_id=actor.staff_id,
            amount=price,
            result=result,
        )
        if legs:
            await post(operation, legs)
        await _hold(actor, member.id, current, tier, operation, at, until)
        await audit.record(actor, "tier.purchase", "Member", member.id, None, {"operation_id": operation.id, **result})
        return operation

    return execute


async def _hold(actor: Actor, member_id: int, current: Tier | None, tier: Tier, operation: Operation, at: datetime, until: datetime) -> None:
    """Moves the member into the bought tier (or extends it) and records until when it holds."""
    paid = {"paid_tier_id": tier.id, "paid_until": until}
    if current is not None and current.id == tier.id:
        async with in_transaction():
            await TierStatus.update_or_create(defaults=paid, member_id=member_id)
        return
    detail = f"Bought until {until:%Y-%m-%d %H:%M} UTC."
    change = await change_tier(Move(member_id, current, tier, TierChangeCause.PAID, at, detail, operation.id, paid), actor)
    if change is None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "The member's tier changed meanwhile; look again and retry.", "memberId")
