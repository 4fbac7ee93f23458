"""Refunds: by reference to a consume, partial or whole, never more than was paid; or of a
recharge, whole (`_recharge_refund`).

Each refund restores every bucket in the consume's proportions, computed cumulatively (the total
refunded so far fixes how much of each bucket has gone back), so any series of partial refunds
ends exactly at the original split. Earned points are taken back (as far as the member still has
them: points never go negative; the rest is recorded as unrecovered); points spent are returned;
a whole refund gives the coupon back. History is never edited: a refund is its own operation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import F
from tortoise.functions import Sum

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.card.errors import card_not_active
from server.card.models import Card, CardStatus
from server.card.services import money_card
from server.coupon import services as coupons
from server.core.errors import invalid, not_found
from server.events import snapshots
from server.events.publishing import publishes
from server.ledger import accounts
from server.ledger.models import Account, AccountCode, Operation, OperationKind, TransferCode
from server.ledger.operations import Execute, Outcome, check_key, fingerprint, run_once
from server.ledger.posting import Leg, lock_balances, post
from server.member.models import Member
from server.points import lots
from server.program import services as program
from server.wallet.stores import acting_store


@dataclass
class RefundRequest:
    operation_id: int
    idempotency_key: str
    amount: int | None = None
    reason: str = ""


_REFUNDABLE = (OperationKind.CONSUME, OperationKind.RECHARGE)
_REFUNDS = (OperationKind.REFUND, OperationKind.RECHARGE_REFUND)

_REFUNDED = ("amount", "principal", "bonus", "external", "points_reversed", "points_unrecovered", "points_restored")


async def refunded(operation_ids: Sequence[int]) -> list[int]:
    """How much has been refunded of each operation (purchases' refunds, recharges' refunds), in one
    query."""
    rows = await Operation.filter(reverses_id__in=list(operation_ids), kind__in=_REFUNDS).group_by("reverses_id").annotate(
        total=Sum("amount")
    ).values_list("reverses_id", "total")
    totals = {int(reversed_id): int(total or 0) for reversed_id, total in rows}
    return [totals.get(i, 0) for i in operation_ids]


@dataclass(frozen=True)
class Holding:
    """What a card that would take a recharge's refund holds now (0, 0 when it is cancelled)."""

    principal: int = 0
    bonus: int = 0


async def holdings(card_ids: Sequence[int]) -> list[Holding]:
    """For each card, what the card a refund would go back to holds: the card itself, or the card
    that replaced it (`_refund_card`). Batched: one read of cards per replacement generation, one
    of accounts."""
    current = {card_id: card_id for card_id in card_ids}
    status: dict[int, CardStatus] = {}
    pending = set(current.values())
    while pending:
        moved = {}
        for card_id, replaced_by_id, card_status in await Card.filter(id__in=list(pending)).values_list(
            "id", "replaced_by_id", "status"
        ):
            status[card_id] = CardStatus(card_status)
            if replaced_by_id is not None:
                moved[card_id] = replaced_by_id
        current = {start: moved.get(now_at, now_at) for start, now_at in current.items()}
        pending = set(moved.values()) - set(status)
    live = {card_id for card_id in current.values() if status.get(card_id) not in (None, CardStatus.CANCELLED)}
    held: dict[int, dict[AccountCode, int]] = {card_id: {} for card_id in live}
    codes = (AccountCode.CARD_PRINCIPAL, AccountCode.CARD_BONUS)
    rows = await Account.filter(card_id__in=list(live), code__in=codes).values_list("card_id", "code", "balance")
    for card_id, code, balance in rows:
        held[int(card_id)][AccountCode(code)] = int(balance or 0)
    return [
        Holding(held[c].get(codes[0], 0), held[c].get(codes[1], 0)) if c in held else Holding()
        for c in (current[card_id] for card_id in card_ids)
    ]


def refundable(operation: Operation, refunded_so_far: int, holding: Holding | None = None) -> int | None:
    """What is left to refund: a purchase's payable less its refunds; a recharge's principal until
    it is refunded, while `holding` (its card's, `holdings`) still covers its principal and bonus
    (a recharge is refunded whole: spent money is never paid out); None for operations that are
    not refunded."""
    if operation.kind == OperationKind.CONSUME:
        return operation.amount - refunded_so_far
    if operation.kind == OperationKind.RECHARGE:
        bonus = int(operation.result.get("bonus", 0))
        covered = holding is not None and holding.principal >= operation.amount and holding.bonus >= bonus
        return operation.amount if covered and not refunded_so_far else 0
    return None


async def _refunded_so_far(original: Operation) -> dict[str, int]:
    totals = dict.fromkeys(_REFUNDED, 0)
    totals["count"] = 0
    for earlier in await Operation.filter(reverses_id=original.id, kind=OperationKind.REFUND):
        totals["count"] += 1
        for name in _REFUNDED:
            totals[name] += int(earlier.result.get(name, 0))
    return totals


def _share(part: int, refunded: int, payable: int) -> int:
    """Cumulative share of a bucket once `refunded` of `payable` has gone back (floor)."""
    return part if refunded == payable else part * refunded // payable


def _split(paid: dict[str, Any], before: dict[str, int], amount: int) -> dict[str, int]:
    payable = int(paid["payable"])
    after = before["amount"] + amount
    principal = _share(int(paid["paid_principal"]), after, payable) - before["principal"]
    external = _share(int(paid["paid_external"]), after, payable) - before["external"]
    earned = _share(int(paid["points_earned"]), after, payable) - before["points_reversed"] - before["points_unrecovered"]
    restored = _share(int(paid["points_used"]), after, payable) - before["points_restored"]
    return {
        "amount": amount,
        "whole": int(after == payable),
        "principal": principal,
        "bonus": amount - principal - external,
        "external": external,
        "points_to_reverse": earned,
        "points_restored": restored,
    }


async def _refund_card(card_id: int) -> Card:
    """The card a refund goes back to: the original, or the card that replaced it."""
    card = await Card.get(id=card_id)
    while card.replaced_by_id is not None:
        card = await Card.get(id=card.replaced_by_id)
    if card.status == CardStatus.CANCELLED:
        raise card_not_active(CardStatus.CANCELLED)
    return card


@publishes(snapshots.outcome_events)
async def refund(actor: Actor | None, request: RefundRequest) -> Outcome:
    """Refunds a consume or a whole recharge (see the module); a refusal of a signed-in actor is
    audited."""
    signed_in = require(actor)

    async def original() -> int:
        return request.operation_id

    attempt = {"amount": request.amount, "reason": request.reason}
    async with audit.refusals_recorded(signed_in, "wallet.refund", "Operation", original, attempt):
        actor = require(signed_in, Permission.REFUND)
        key = check_key(request.idempotency_key)
        print_ = fingerprint({"op": "refund", "staff": actor.staff_id, **request.__dict__})
        return await run_once(key, print_, lambda: _prepare(actor, request, key, print_))


async def _prepare(actor: Actor, request: RefundRequest, key: str, print_: str) -> Execute:
    if request.amount is not None and request.amount <= 0:
        raise invalid("amount", "The amount must be more than 0.00.")
    if len(request.reason) > 255:
        raise invalid("reason", "A reason is at most 255 characters.")
    original = await Operation.get_or_none(id=request.operation_id, kind__in=_REFUNDABLE)
    if original is None:
        raise not_found("Consume or recharge transfer", "transferId")
    store = await acting_store(actor, original.store_id)
    if original.kind == OperationKind.RECHARGE:
        return await _recharge_refund(actor, original, store.id, request, key, print_)
    return await _execution(actor, original, store.id, request, key, print_)


async def _recharge_refund(
    actor: Actor, original: Operation, store_id: int, request: RefundRequest, key: str, print_: str
) -> Execute:
    """A recharge paid back whole, once: its principal in cash and its bonus taken back, the legs
    a cancelled card's cash-out posts (CASH_OUT_PRINCIPAL, FORFEIT_BONUS). The card (or the card
    that replaced it) must still hold both: the guarded update refuses with INSUFFICIENT_BALANCE
    otherwise, so money already spent can't be paid out."""
    principal_paid, bonus_given = original.amount, int(original.result.get("bonus", 0))
    if request.amount is not None and request.amount != principal_paid:
        raise invalid("amount", f"A recharge is refunded whole: {principal_paid / 100:.2f}.")
    card = await _refund_card(int(original.card_id or 0))
    refs = [
        accounts.card_principal(money_card(card)),
        accounts.card_bonus(money_card(card)),
        accounts.store_takings(store_id),
        accounts.BONUS_FUNDING,
    ]
    acct = await accounts.resolve(refs)
    principal, bonus, takings, funding = (acct[ref] for ref in refs)
    result = {
        "amount": principal_paid,
        "principal": principal_paid,
        "bonus": bonus_given,
        "payment_method": original.result.get("payment_method"),
        "reason": request.reason,
    }

    async def execute() -> Operation:
        await Operation.filter(id=original.id).select_for_update().first()
        if await Operation.exists(reverses_id=original.id, kind=OperationKind.RECHARGE_REFUND):
            raise invalid("transferId", "This recharge has already been refunded.")
        operation = await Operation.create(
            kind=OperationKind.RECHARGE_REFUND,
            idempotency_key=key,
            fingerprint=print_,
            member_id=original.member_id,
            card_id=card.id,
            store_id=store_id,
            staff_id=actor.staff_id,
            reverses_id=original.id,
            amount=principal_paid,
            result=result,
        )
        legs = [
            Leg(principal, takings, principal_paid, TransferCode.CASH_OUT_PRINCIPAL),
            Leg(bonus, funding, bonus_given, TransferCode.FORFEIT_BONUS),
        ]
        await post(operation, [leg for leg in legs if leg.amount > 0])
        await audit.record(actor, "wallet.refund", "Operation", original.id, None, {"operation_id": operation.id, **result})
        return operation

    return execute


async def _execution(
    actor: Actor, original: Operation, store_id: int, request: RefundRequest, key: str, print_: str
) -> Execute:
    """Resolves card and accounts outside the transaction; the body locks the consume so
    concurrent refunds of it run one after the other, then splits and posts. Earned points are
    taken back as far as the member holds them once their account is locked: a payment spending
    them concurrently must not make the refund fail."""
    member_id = int(original.member_id or 0)
    paid_in_stored_value = int(original.result["paid_principal"]) + int(original.result["paid_bonus"]) > 0
    card = await _refund_card(int(original.card_id or 0)) if paid_in_stored_value else None
    refs = [accounts.member_points(member_id), accounts.store_takings(store_id), accounts.POINTS_ISSUED]
    if card is not None:
        refs += [accounts.card_principal(money_card(card)), accounts.card_bonus(money_card(card))]
    acct = [a for a in (await accounts.resolve(refs)).values()]
    expiry_months = (await program.settings()).points_expiry_months

    async def execute() -> Operation:
        await Operation.filter(id=original.id).select_for_update().first()
        before = await _refunded_so_far(original)
        left = int(original.result["payable"]) - before["amount"]
        amount = left if request.amount is None else request.amount
        if amount > left or (amount == 0 and (left > 0 or before["count"] > 0)):
            raise invalid("amount", f"At most {left / 100:.2f} is left to refund.")
        split = _split(original.result, before, amount)
        reversible = 0
        if split["points_to_reverse"]:
            await lock_balances(acct)
            reversible = min(split["points_to_reverse"], await lots.balance(member_id))
        result = {
            "amount": amount,
            "principal": split["principal"],
            "bonus": split["bonus"],
            "external": split["external"],
            "points_reversed": reversible,
            "points_unrecovered": split["points_to_reverse"] - reversible,
            "points_restored": split["points_restored"],
            "coupon_restored": bool(split["whole"]) and original.result.get("coupon_code") is not None,
            "reason": request.reason,
        }
        operation = await Operation.create(
            kind=OperationKind.REFUND,
            idempotency_key=key,
            fingerprint=print_,
            member_id=member_id,
            card_id=card.id if card else original.card_id,
            store_id=store_id,
            staff_id=actor.staff_id,
            order_ref=original.order_ref,
            reverses_id=original.id,
            amount=amount,
            result=result,
        )
        points, takings, issued = acct[0], acct[1], acct[2]
        legs = [
            Leg(points, issued, reversible, TransferCode.POINTS_EARN_REVERSAL),
            Leg(issued, points, split["points_restored"], TransferCode.POINTS_SPEND_REVERSAL),
        ]
        if card is not None:
            legs.append(Leg(takings, acct[3], split["principal"], TransferCode.REFUND_PRINCIPAL))
            legs.append(Leg(takings, acct[4], split["bonus"], TransferCode.REFUND_BONUS))
        await post(operation, [leg for leg in legs if leg.amount > 0])
        if reversible:
            await lots.take_back(member_id, original.id, reversible)
        if split["points_restored"]:
            await lots.earn(member_id, operation.id, split["points_restored"], expiry_months)
        if result["coupon_restored"]:
            await coupons.restore(original.id)
        await Member.filter(id=member_id, total_spend__gte=amount).update(total_spend=F("total_spend") - amount)
        await audit.record(actor, "wallet.refund", "Operation", original.id, None, {"operation_id": operation.id, **result})
        return operation

    return execute
