"""Recharge, consume and refund: the money-moving mutations. Each takes an idempotencyKey: a
replay returns the first result and moves nothing."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.permissions import payload_mutation
from schema.core.scalars import Money
from schema.member.types import MemberAfter
from schema.wallet.types import ConsumeBreakdown, PaymentKind, Transfer
from server.access.policy import Permission
from server.wallet import refunds, services

PaymentMethod = strawberry.enum(services.PaymentMethod, description="How a recharge was paid at the till.")


@strawberry.type(description="Result of a recharge or refund.")
class TransferPayload(MemberAfter):
    transfer: Transfer | None = strawberry.field(default=None, description="The operation (the first one on a replay).")
    replayed: bool = strawberry.field(default=False, description="True when the key had already run.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of a consume (or of a dry-run quote, which moves nothing).")
class ConsumePayload(MemberAfter):
    breakdown: ConsumeBreakdown | None = strawberry.field(default=None, description="Every line of the computation.")
    transfer: Transfer | None = strawberry.field(default=None, description="The payment; null for a dry run.")
    replayed: bool = strawberry.field(default=False, description="True when the key had already run.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.input(description="A recharge (充值).")
class RechargeInput:
    card_no: str = strawberry.field(description="The card to credit (not a subsidiary card).")
    amount: Money = strawberry.field(description="The amount paid.")
    idempotency_key: str = strawberry.field(description="Unique per intended recharge; a retry reuses it.")
    payment_method: PaymentMethod = strawberry.field(default=PaymentMethod.CASH, description="How it was paid.")
    store_id: relay.GlobalID | None = strawberry.field(default=None, description="Where; a clerk's own store by default.")


@strawberry.input(description="A purchase (消费).")
class ConsumeInput:
    card_no: str = strawberry.field(description="The member's card.")
    amount: Money = strawberry.field(description="The order amount before discounts.")
    idempotency_key: str | None = strawberry.field(default=None, description="Required unless dryRun.")
    store_id: relay.GlobalID | None = strawberry.field(default=None, description="Where; a clerk's own store by default.")
    order_ref: str = strawberry.field(default="", description="The POS order reference.")
    coupon_code: str | None = strawberry.field(default=None, description="A coupon to apply.")
    points_to_use: int = strawberry.field(default=0, description="Points to pay with.")
    payment: PaymentKind = strawberry.field(default=PaymentKind.STORED_VALUE, description="How the rest is paid.")
    pin: str | None = strawberry.field(default=None, description="The card's PIN, when its type requires one.")
    dry_run: bool = strawberry.field(default=False, description="Quote only: compute everything, move nothing.")


@strawberry.input(description="A refund of (part of) a consume, or of a whole recharge.")
class RefundInput:
    transfer_id: relay.GlobalID = strawberry.field(description="The consume or recharge to refund.")
    idempotency_key: str = strawberry.field(description="Unique per intended refund.")
    amount: Money | None = strawberry.field(
        default=None, description="How much; the rest when omitted. A recharge is refunded whole."
    )
    reason: str = strawberry.field(default="", description="Why.")


def _store(store_id: relay.GlobalID | None) -> int | None:
    return decode_id(store_id, "Store", "storeId") if store_id else None


@strawberry.type
class WalletMutation:
    @payload_mutation(description="Adds stored value (and any recharge bonus) to a card.", requires=Permission.RECHARGE)
    async def recharge(self, info: Info, input: RechargeInput) -> TransferPayload:  # noqa: A002
        outcome = await services.recharge(
            info.context.actor,
            services.RechargeRequest(
                card_no=input.card_no,
                amount=input.amount,
                idempotency_key=input.idempotency_key,
                payment_method=input.payment_method,
                store_id=_store(input.store_id),
            ),
        )
        operation = outcome.operation
        return TransferPayload(
            transfer=Transfer.from_model(operation), member_id=operation.member_id, replayed=outcome.replayed
        )

    @payload_mutation(description="Prices an order and pays it (or only quotes it with dryRun).")
    async def consume(self, info: Info, input: ConsumeInput) -> ConsumePayload:  # noqa: A002
        breakdown, outcome = await services.consume(
            info.context.actor,
            services.ConsumeRequest(
                card_no=input.card_no,
                amount=input.amount,
                idempotency_key=input.idempotency_key,
                store_id=_store(input.store_id),
                order_ref=input.order_ref,
                coupon_code=input.coupon_code,
                points_to_use=input.points_to_use,
                payment=input.payment,
                pin=input.pin,
                dry_run=input.dry_run,
            ),
        )
        if outcome is None:
            return ConsumePayload(breakdown=ConsumeBreakdown.from_breakdown(breakdown))
        operation = outcome.operation
        return ConsumePayload(
            breakdown=ConsumeBreakdown.from_breakdown(breakdown),
            transfer=Transfer.from_model(operation),
            member_id=operation.member_id,
            replayed=outcome.replayed,
        )

    @payload_mutation(
        description="Refunds (part of) a consume, restoring each bucket in proportion; or a whole recharge, its principal "
        "paid back and its bonus taken back, while the card still holds both.",
        requires=Permission.REFUND,
    )
    async def refund(self, info: Info, input: RefundInput) -> TransferPayload:  # noqa: A002
        outcome = await refunds.refund(
            info.context.actor,
            refunds.RefundRequest(
                operation_id=decode_id(input.transfer_id, "Transfer", "transferId"),
                idempotency_key=input.idempotency_key,
                amount=input.amount,
                reason=input.reason,
            ),
        )
        operation = outcome.operation
        return TransferPayload(
            transfer=Transfer.from_model(operation), member_id=operation.member_id, replayed=outcome.replayed
        )
