"""Money and points as GraphQL types: balances, member assets, transfers (one per operation, with
its ledger legs) and the consume breakdown a receipt is printed from."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from tortoise.expressions import Subquery

from schema.context import Info
from schema.core.nodes import ModelNode
from schema.core.pagination import fetch_page, to_edges
from schema.core.scalars import Money
from schema.coupon.types import Coupon, CouponConnection, CouponStatus
from schema.org.types import Store
from server.core.clock import now
from server.coupon.services import member_coupons
from server.ledger import models
from server.member.services import members_query
from server.wallet import refunds
from server.wallet.pricing import Breakdown, Payment

if TYPE_CHECKING:
    from schema.card.types import Card

TransferKind = strawberry.enum(models.OperationKind, name="TransferKind", description="What kind of operation moved value.")
TransferCode = strawberry.enum(models.TransferCode, name="TransferCode", description="Why one ledger leg moved value.")
Unit = strawberry.enum(models.Unit, description="FEN for money, POINTS for points.")
PaymentKind = strawberry.enum(Payment, name="PaymentKind", description="Pay from stored value or record an external payment.")


@strawberry.type(description="Stored value: principal (本金) and bonus (赠送金).")
class Balance:
    principal: Money = strawberry.field(description="Money the member paid in.")
    bonus: Money = strawberry.field(description="Bonus from recharge promotions.")

    @strawberry.field(description="Principal plus bonus.")
    def total(self) -> Money:
        return Money(self.principal + self.bonus)

    @classmethod
    def from_accounts(cls, balances: dict[str, int]) -> Balance:
        return cls(principal=Money(balances.get("CARD_PRINCIPAL", 0)), bonus=Money(balances.get("CARD_BONUS", 0)))


@strawberry.type(description="One ledger leg: `amount` moved from the debit account to the credit account.")
class TransferLeg:
    code: TransferCode = strawberry.field(description="Why this leg moved value.")
    unit: Unit = strawberry.field(description="FEN or POINTS.")
    amount: int = strawberry.field(description="In the unit's smallest step (fen or points).")
    debit_account: str = strawberry.field(description="Key of the account debited, e.g. CARD_PRINCIPAL:card:7.")
    credit_account: str = strawberry.field(description="Key of the account credited.")


@strawberry.type(description="Every line of a consume's computation, enough to print a receipt.")
class ConsumeBreakdown:
    list_price: Money = strawberry.field(description="The order amount before anything.")
    tier_discount: Money = strawberry.field(description="Taken off by the member's tier.")
    coupon_code: str | None = strawberry.field(description="The coupon used, if any.")
    coupon_discount: Money = strawberry.field(description="Taken off by the coupon.")
    points_used: int = strawberry.field(description="Points spent as payment.")
    points_value: Money = strawberry.field(description="What the points paid.")
    payable: Money = strawberry.field(description="What remained to pay after discounts and points.")
    payment: PaymentKind = strawberry.field(description="STORED_VALUE or EXTERNAL.")
    paid_principal: Money = strawberry.field(description="Paid from principal.")
    paid_bonus: Money = strawberry.field(description="Paid from bonus.")
    paid_external: Money = strawberry.field(description="Paid outside Tessera (cash, WeChat Pay, …).")
    points_earned: int = strawberry.field(description="Points earned by this purchase.")

    @classmethod
    def from_breakdown(cls, b: Breakdown) -> ConsumeBreakdown:
        return cls(
            list_price=Money(b.list_price),
            tier_discount=Money(b.tier_discount),
            coupon_code=b.coupon_code,
            coupon_discount=Money(b.coupon_discount),
            points_used=b.points_used,
            points_value=Money(b.points_value),
            payable=Money(b.payable),
            payment=b.payment,
            paid_principal=Money(b.paid_principal),
            paid_bonus=Money(b.paid_bonus),
            paid_external=Money(b.paid_external),
            points_earned=b.points_earned,
        )


def _points_change(row: models.Operation) -> int | None:
    """A points operation's signed change to the member's points (its amount is a count of points)."""
    kind = models.OperationKind(row.kind)
    if kind == models.OperationKind.POINTS_ADJUST:
        return int(row.result["points"])
    if kind in (models.OperationKind.POINTS_REDEEM, models.OperationKind.POINTS_EXPIRE):
        return -row.amount
    return None


@strawberry.type(description="A money or points operation (recharge, consume, refund, …) with its ledger legs.")
class Transfer(ModelNode):
    id: relay.NodeID[int]
    kind: TransferKind = strawberry.field(description="RECHARGE, CONSUME, REFUND, …")
    amount: Money = strawberry.field(
        description="The headline amount of money: recharged, paid, refunded or moved. 0.00 for points operations "
        "(POINTS_ADJUST, POINTS_REDEEM, POINTS_EXPIRE), which move no money: see points."
    )
    points: int | None = strawberry.field(
        description="For points operations (POINTS_ADJUST, POINTS_REDEEM, POINTS_EXPIRE): the points the member "
        "gained (positive) or lost (negative). Null for money operations; a consume's or refund's points are in "
        "breakdown and details."
    )
    order_ref: str = strawberry.field(description="The caller's order reference.")
    idempotency_key: str = strawberry.field(description="The key the operation ran under.")
    created_at: datetime = strawberry.field(description="When it happened.")
    row: strawberry.Private[models.Operation]

    @strawberry.field(description="Recharge details: principal, bonus, rule and payment method; refund details.")
    def details(self) -> strawberry.scalars.JSON:
        return self.row.result

    @strawberry.field(description="The consume computation (consumes only).")
    def breakdown(self) -> ConsumeBreakdown | None:
        if self.row.kind != models.OperationKind.CONSUME:
            return None
        result = dict(self.row.result)
        return ConsumeBreakdown.from_breakdown(Breakdown(**{**result, "payment": Payment(result["payment"])}))

    @strawberry.field(description="The card used.")
    async def card(self, info: Info) -> Annotated[Card, strawberry.lazy("schema.card.types")] | None:
        from schema.card.types import Card

        row = await info.context.loaders.card.load(self.row.card_id) if self.row.card_id else None
        return Card.from_model(row) if row else None

    @strawberry.field(description="Where it happened.")
    async def store(self, info: Info) -> Store | None:
        row = await info.context.loaders.store.load(self.row.store_id) if self.row.store_id else None
        return Store.from_model(row) if row else None

    @strawberry.field(description="Username of the staff member who did it.")
    async def operator(self, info: Info) -> str | None:
        row = await info.context.loaders.staff.load(self.row.staff_id) if self.row.staff_id else None
        return row.username if row else None

    @strawberry.field(description="For a refund: the consume it reverses.")
    def reverses_id(self) -> relay.GlobalID | None:
        return relay.GlobalID("Transfer", str(self.row.reverses_id)) if self.row.reverses_id else None

    @strawberry.field(
        description="What is left to refund: a purchase's payable less its refunds; a recharge's amount until it "
        "is refunded, while its card (or the card that replaced it) still holds its principal and bonus — a recharge "
        "is refunded whole — else 0.00. Null for other kinds."
    )
    async def refundable(self, info: Info) -> Money | None:
        loaders = info.context.loaders
        is_recharge = self.row.kind == models.OperationKind.RECHARGE and self.row.card_id is not None
        holding = await loaders.refund_holdings.load(self.row.card_id) if is_recharge else None
        left = refunds.refundable(self.row, await loaders.refunded.load(self.row.id), holding)
        return Money(left) if left is not None else None

    @strawberry.field(description="The ledger legs, each moving value between two accounts.")
    async def legs(self, info: Info) -> list[TransferLeg]:
        rows = await info.context.loaders.legs_by_operation.load(self.row.id)
        return [
            TransferLeg(
                code=r.code, unit=r.debit.unit, amount=r.amount, debit_account=r.debit.key, credit_account=r.credit.key
            )
            for r in rows
        ]

    @classmethod
    def from_model(cls, row: models.Operation, info: Any = None) -> Transfer:
        points = _points_change(row)
        return cls(
            id=row.id,
            kind=row.kind,
            amount=Money(0 if points is not None else row.amount),
            points=points,
            order_ref=row.order_ref,
            idempotency_key=row.idempotency_key,
            created_at=row.created_at,
            row=row,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        visible = members_query(info.context.actor).values("id")
        return models.Operation.filter(member_id__in=Subquery(visible))


@strawberry.type(description="A page of transfers, newest first.")
class TransferConnection(relay.Connection[Transfer]):
    pass


@strawberry.type(description="What a member holds: stored value over their cards, points, coupons.")
class MemberAssets:
    member_id: strawberry.Private[int]

    @strawberry.field(description="Stored value summed over the member's cards.")
    async def balance(self, info: Info) -> Balance:
        cards = await info.context.loaders.cards_by_member.load(self.member_id)
        per_card = await info.context.loaders.balances_by_card.load_many([c.id for c in cards])
        totals: dict[str, int] = {}
        for balances in per_card:
            for code, amount in balances.items():
                totals[code] = totals.get(code, 0) + amount
        return Balance.from_accounts(totals)

    @strawberry.field(description="Points that can be spent now (not expired).")
    async def points(self, info: Info) -> int:
        return await info.context.loaders.points_by_member.load(self.member_id)

    @strawberry.field(description="The member's coupons, newest first; of one status (as of now) when given.")
    async def coupons(
        self, first: int | None = None, after: str | None = None, status: CouponStatus | None = None
    ) -> CouponConnection:
        page = await fetch_page(member_coupons(self.member_id, status, now()), first, after)
        edges, page_info = to_edges(page, Coupon.from_model)
        return CouponConnection(edges=edges, page_info=page_info)
