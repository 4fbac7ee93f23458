"""Recharge, consume and refund: the operations that move members' stored value and points.

Each runs once per idempotency key (`server.ledger.operations.run_once`): reads and checks first,
then one short transaction: insert the operation, post its transfers (guarded balance updates,
account-id order), then the side rows (points lots, coupon, member stats, audit). A domain error
anywhere rolls all of it back. On PostgreSQL a plain consume (no daily limit, points spent or
coupon) is first tried as one statement without a transaction, valid only while the balances it
read are unchanged (`server.ledger.operations.Body`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC
from enum import Enum
from functools import partial
from typing import Any

from tortoise.expressions import F
from tortoise.functions import Sum

from server.access.passwords import verify_password
from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.card.errors import card_not_active, no_stored_value, subsidiary_recharge
from server.card.models import Card, CardStatus
from server.card.services import card_from_row, card_id_of, card_join, money_card
from server.coupon import services as coupons
from server.core.clock import BUSINESS_TZ, now
from server.core.errors import DomainError, ErrorCode, invalid
from server.core.sql import defer, sql
from server.events import snapshots
from server.events.publishing import publishes
from server.ledger import accounts, operations
from server.ledger.accounts import AccountRef
from server.ledger.models import Account, Operation, OperationKind, Transfer, TransferCode
from server.ledger.operations import Body, Execute, Outcome, check_key, fingerprint, run_once
from server.ledger.posting import Leg, lock_balances, post
from server.member.errors import member_not_active
from server.member.models import Member
from server.org.models import Store
from server.points import lots
from server.program import services as program
from server.wallet.pricing import Breakdown, CouponTerms, Payment, PriceInputs, price
from server.wallet.stores import store_id_for
from server.wallet.stores import till as acting_till

PIN_ATTEMPTS = 5


class PaymentMethod(str, Enum):
    """How a recharge was paid at the till."""

    CASH = "CASH"
    BANK_CARD = "BANK_CARD"
    WECHAT_PAY = "WECHAT_PAY"
    ALIPAY = "ALIPAY"
    OTHER = "OTHER"


@dataclass(frozen=True)
class Balances:
    principal: int
    bonus: int

    @property
    def total(self) -> int:
        return self.principal + self.bonus


async def card_balances(card: Card) -> Balances:
    owner = money_card(card)
    rows = {a.code: a.balance or 0 for a in await Account.filter(card_id=owner)}
    return Balances(rows.get("CARD_PRINCIPAL", 0), rows.get("CARD_BONUS", 0))


def _check_amount(amount: int, cap: int, field: str = "amount") -> None:
    if amount <= 0:
        raise invalid(field, "The amount must be more than 0.00.")
    if amount > cap:
        raise invalid(field, f"The amount is over the {cap / 100:.2f} limit.")


def _spendable(card: Card) -> None:
    if card.status != CardStatus.ACTIVE:
        raise card_not_active(CardStatus(card.status))


@dataclass
class RechargeRequest:
    card_no: str
    amount: int
    idempotency_key: str
    payment_method: PaymentMethod = PaymentMethod.CASH
    store_id: int | None = None


@publishes(snapshots.outcome_events)
async def recharge(actor: Actor | None, request: RechargeRequest) -> Outcome:
    """Adds principal (and the best recharge rule's bonus) to a card; usable at once. A refusal of
    a signed-in actor is audited."""
    signed_in = require(actor)
    store_id = request.store_id or signed_in.store_id
    attempt = {"card_no": request.card_no, "amount": request.amount, "store_id": store_id, "payment_method": request.payment_method.value}
    async with audit.refusals_recorded(signed_in, "wallet.recharge", "Card", partial(card_id_of, request.card_no), attempt):
        actor = require(signed_in, Permission.RECHARGE)
        key = check_key(request.idempotency_key)
        print_ = fingerprint({"op": "recharge", "staff": actor.staff_id, **request.__dict__, "store_id": store_id})
        return await run_once(key, print_, lambda: _recharge_execution(actor, request, key, print_))


async def _recharge_execution(actor: Actor, request: RechargeRequest, key: str, print_: str) -> Execute:
    """Checks the request and resolves the accounts; returns the transaction's body."""
    at = now()
    till, row = await acting_till(actor, request.store_id, at, card_join(request.card_no))
    _check_amount(request.amount, till.settings.max_amount)
    store = till.store
    card = card_from_row(row)
    _spendable(card)
    if not card.card_type.stores_value:
        raise no_stored_value()
    if card.parent_id is not None:
        raise subsidiary_recharge()
    bonus, rule = await program.recharge_bonus(store.id, request.amount, at)
    refs = [
        accounts.card_principal(card.id),
        accounts.card_bonus(card.id),
        accounts.store_takings(store.id),
        accounts.BONUS_FUNDING,
    ]
    acct = await accounts.resolve(refs)
    principal, bonus_account, takings, funding = (acct[r] for r in refs)
    result = {"principal": request.amount, "bonus": bonus, "rule": rule, "payment_method": request.payment_method.value}

    async def execute() -> Operation:
        operation = await Operation.create(
            kind=OperationKind.RECHARGE,
            idempotency_key=key,
            fingerprint=print_,
            member_id=card.member_id,
            card_id=card.id,
            store_id=store.id,
            staff_id=actor.staff_id,
            amount=request.amount,
            result=result,
        )
        legs = [Leg(takings, principal, request.amount, TransferCode.RECHARGE_PRINCIPAL)]
        if bonus:
            legs.append(Leg(funding, bonus_account, bonus, TransferCode.RECHARGE_BONUS))
        await post(operation, legs)
        await audit.record(actor, "wallet.recharge", "Card", card.id, None, {"operation_id": operation.id, **result})
        return operation

    return execute


@dataclass
class ConsumeRequest:
    card_no: str
    amount: int
    idempotency_key: str | None = None
    store_id: int | None = None
    order_ref: str = ""
    coupon_code: str | None = None
    points_to_use: int = 0
    payment: Payment = Payment.STORED_VALUE
    pin: str | None = None
    dry_run: bool = False


@dataclass
class ConsumePlan:
    card: Card
    member: Member
    store: Store
    inputs: PriceInputs
    breakdown: Breakdown
    coupon_id: int | None
    refs: list[AccountRef]
    accounts: dict[AccountRef, Account]
    points_expiry_months: int
    operation_id: int | None


def _consume_refs(card: Card, member_id: int, store_id: int) -> list[AccountRef]:
    """principal, bonus, points, takings, points issued: the accounts a consume may touch."""
    owner = money_card(card)
    return [
        accounts.card_principal(owner),
        accounts.card_bonus(owner),
        accounts.member_points(member_id),
        accounts.store_takings(store_id),
        accounts.POINTS_ISSUED,
    ]


async def _plan(actor: Actor, request: ConsumeRequest) -> ConsumePlan:
    """Everything the price depends on, read before the transaction (a quote stops here).

    Balances read here are for the quote and an early refusal; the payment itself splits by the
    balances it finds under lock (`_split_now`), or, written at once, only if they are still these."""
    counterparties = [accounts.store_takings(store_id_for(actor, request.store_id)).key, accounts.POINTS_ISSUED.key]
    card_read = accounts.with_owned_accounts(card_join(request.card_no, with_member=True), counterparties)
    till, row = await acting_till(actor, request.store_id, now(), card_read if request.dry_run else operations.with_next_id(card_read))
    settings, store, terms = till.settings, till.store, till.terms
    _check_amount(request.amount, settings.max_amount)
    if len(request.order_ref) > 64:
        raise invalid("orderRef", "Order references are at most 64 characters.")
    card = card_from_row(row, with_member=True)
    _spendable(card)
    card_type = card.card_type
    if request.payment == Payment.STORED_VALUE and not card_type.stores_value:
        raise no_stored_value("payment", pay_externally=True)
    if card.parent_id is not None:
        parent = await Card.get(id=card.parent_id)
        if parent.status != CardStatus.ACTIVE:
            raise card_not_active(CardStatus(parent.status), parent=True)
    member = card.member
    if member.status != "ACTIVE":
        raise member_not_active("cardNo")
    tier = member.tier
    coupon = await coupons.usable(request.coupon_code, member.id, store.id, till.at) if request.coupon_code else None
    refs = _consume_refs(card, member.id, store.id)
    owned = accounts.owned_accounts(row)
    found = accounts.matching(refs, owned) if owned is not None else await accounts.find(refs)
    principal, bonus = (int(found[ref].balance or 0) if ref in found else 0 for ref in refs[:2])
    points_balance = await lots.balance(member.id) if request.points_to_use else 0
    inputs = PriceInputs(
        list_price=request.amount,
        discount_percent=tier.discount_percent if tier and card_type.gives_discount else 100,
        coupon=CouponTerms(
            coupon.code, coupon.template.kind, coupon.template.value, coupon.template.threshold, coupon.template.stackable
        )
        if coupon
        else None,
        points_to_use=request.points_to_use,
        points_per_yuan_offset=settings.points_per_yuan_offset,
        points_balance=points_balance,
        payment=request.payment,
        principal=principal,
        bonus=bonus,
        deduction_order=card_type.deduction_order,
        earns_points=card_type.earns_points,
        points_per_yuan=terms.points_per_yuan,
        multiplier_pct=tier.points_multiplier_pct if tier else 100,
        promotion_pct=terms.promotion_pct,
    )
    return ConsumePlan(
        card,
        member,
        store,
        inputs,
        price(inputs),
        coupon.id if coupon else None,
        refs,
        found,
        settings.points_expiry_months,
        row.get(operations.NEXT_ID),
    )


async def _check_pin(card: Card, pin: str | None) -> None:
    """Wrong PINs are counted outside the payment's transaction so the count survives its rollback."""
    if not card.card_type.requires_pin:
        return
    if card.pin_failures >= PIN_ATTEMPTS:
        raise DomainError(ErrorCode.ACCOUNT_LOCKED, "Too many wrong PINs: spending on this card is locked until staff reset the PIN.", "pin")
    if not pin or not await verify_password(card.pin_hash, pin):
        await Card.filter(id=card.id).update(pin_failures=F("pin_failures") + 1)
        raise DomainError(ErrorCode.INVALID, "The PIN is wrong.", "pin")
    if card.pin_failures:
        await Card.filter(id=card.id).update(pin_failures=0)


async def _check_daily_limit(card: Card, paid: int, principal: Account, bonus: Account) -> None:
    limit = card.card_type.daily_limit
    if limit is None or paid == 0:
        return
    await Card.filter(id=card.id).select_for_update().first()
    local = now().astimezone(BUSINESS_TZ)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
    spent = await Transfer.filter(
        debit_id__in=[principal.id, bonus.id],
        code__in=[TransferCode.CONSUME_PRINCIPAL, TransferCode.CONSUME_BONUS],
        created_at__gte=day_start,
    ).annotate(total=Sum("amount")).first().values_list("total", flat=True)
    if (spent or 0) + paid > limit:
        raise DomainError(ErrorCode.LIMIT_EXCEEDED, f"This payment would go over the card's daily limit of {limit / 100:.2f}.", "amount")


@publishes(snapshots.consume_events)
async def consume(actor: Actor | None, request: ConsumeRequest) -> tuple[Breakdown, Outcome | None]:
    """Prices an order and, unless `dry_run`, pays it: (breakdown, outcome or None for a quote). A
    refused payment (not a quote) is audited."""
    actor = require(actor)
    if request.dry_run:
        return (await _plan(actor, request)).breakdown, None
    store_id = request.store_id or actor.store_id
    attempt = {"card_no": request.card_no, "amount": request.amount, "store_id": store_id, "order_ref": request.order_ref}
    async with audit.refusals_recorded(actor, "wallet.consume", "Card", partial(card_id_of, request.card_no), attempt):
        key = check_key(request.idempotency_key or "")
        print_ = fingerprint(
            {
                "op": "consume",
                "staff": actor.staff_id,
                **{k: v for k, v in request.__dict__.items() if k not in ("pin", "dry_run")},
                "store_id": store_id,
            }
        )

        async def prepare() -> Body:
            plan = await _plan(actor, request)
            await _check_pin(plan.card, request.pin)
            return await _consume_execution(actor, plan, key, print_, request.order_ref)

        outcome = await run_once(key, print_, prepare)
    result = dict(outcome.operation.result)
    return Breakdown(**{**result, "payment": Payment(result["payment"])}), outcome


async def _split_now(plan: ConsumePlan, principal: Account, bonus: Account, points: Account) -> Breakdown:
    """The breakdown with the payment split by the balances as they are now, under lock: the plan
    read them before the transaction, and a concurrent payment may have spent from either bucket
    since (a stale split would fail on a bucket while the other could still pay)."""
    planned = plan.breakdown
    if planned.paid_principal + planned.paid_bonus == 0:
        return planned
    touched = [principal, bonus, *([points] if planned.points_used or planned.points_earned else [])]
    held = await lock_balances(touched)
    return price(replace(plan.inputs, principal=held[principal.id], bonus=held[bonus.id]))


def _payable_at_once(plan: ConsumePlan) -> bool:
    """Whether the payment can be written as one statement from the balances the plan read: its
    other reads under lock (the day's spending, the points lots it spends, the coupon it redeems)
    need the transaction."""
    planned = plan.breakdown
    no_daily_limit = plan.card.card_type.daily_limit is None or planned.paid_principal + planned.paid_bonus == 0
    return plan.operation_id is not None and no_daily_limit and not planned.points_used and plan.coupon_id is None


async def _consume_execution(actor: Actor, plan: ConsumePlan, key: str, print_: str, order_ref: str) -> Body:
    """Creates the accounts the plan did not find (outside the transaction) and returns the
    payment's bodies: in a transaction, and at once when it can be (`_payable_at_once`)."""
    acct = await accounts.resolve(plan.refs, plan.accounts)
    principal, bonus, points, takings, issued = (acct[r] for r in plan.refs)

    def fields(b: Breakdown) -> dict[str, Any]:
        return {
            "kind": OperationKind.CONSUME,
            "idempotency_key": key,
            "fingerprint": print_,
            "member_id": plan.member.id,
            "card_id": plan.card.id,
            "store_id": plan.store.id,
            "staff_id": actor.staff_id,
            "order_ref": order_ref,
            "amount": b.payable,
            "result": b.as_dict(),
        }

    async def pay(b: Breakdown, operation: Operation, as_read: dict[int, int] | None = None) -> Operation:
        legs = [
            leg
            for leg in (
                Leg(principal, takings, b.paid_principal, TransferCode.CONSUME_PRINCIPAL),
                Leg(bonus, takings, b.paid_bonus, TransferCode.CONSUME_BONUS),
                Leg(points, issued, b.points_used, TransferCode.POINTS_SPEND),
                Leg(issued, points, b.points_earned, TransferCode.POINTS_EARN),
            )
            if leg.amount > 0
        ]
        await post(operation, legs, as_read)
        if b.points_used:
            await lots.spend(plan.member.id, b.points_used)
        if b.points_earned:
            await lots.earn(plan.member.id, operation.id, b.points_earned, plan.points_expiry_months)
        if plan.coupon_id is not None:
            await coupons.redeem(plan.coupon_id, operation.id)
        await _count_visit(plan.member, b.payable)
        await audit.record(actor, "wallet.consume", "Card", plan.card.id, None, {"operation_id": operation.id, **b.as_dict()})
        return operation

    async def locked() -> Operation:
        await _check_daily_limit(plan.card, plan.breakdown.paid_principal + plan.breakdown.paid_bonus, principal, bonus)
        b = await _split_now(plan, principal, bonus, points)
        return await pay(b, await Operation.create(**fields(b)))

    async def at_once() -> Operation:
        assert plan.operation_id is not None
        as_read = {principal.id: plan.inputs.principal, bonus.id: plan.inputs.bonus}
        return await pay(plan.breakdown, await operations.written(plan.operation_id, **fields(plan.breakdown)), as_read)

    return Body(locked, at_once if _payable_at_once(plan) else None)


_COUNT_VISIT = """
UPDATE member SET total_spend = total_spend + ?, visit_count = visit_count + 1,
    first_purchase_at = COALESCE(first_purchase_at, ?), last_purchase_at = ?, updated_at = ?
WHERE id = ?
"""


async def _count_visit(member: Member, spent: int) -> None:
    """One hand-written UPDATE, deferred (see `server.core.sql.defer`): every consume runs it."""
    at = now()
    await defer(sql(_COUNT_VISIT, spent, at, at, at, member.id))
