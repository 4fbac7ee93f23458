"""Coupons as GraphQL types: the templates HQ defines and the coupons members hold."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from tortoise.expressions import Subquery

from schema.context import Info
from schema.core.errors import UserError
from schema.core.nodes import ModelNode
from schema.core.scalars import Money
from schema.org.types import Store
from server.core.clock import now
from server.coupon import models
from server.coupon.services import effective_status
from server.member.services import members_query

CouponKind = strawberry.enum(
    models.CouponKind, description="CASH_OFF (an amount off), PERCENT_OFF or GIFT (a gift at the till)."
)
CouponStatus = strawberry.enum(
    models.CouponStatus,
    description="ISSUED (usable in its dates), USED, EXPIRED (past its end date) or VOID (withdrawn).",
)


@strawberry.type(description="A coupon template (券模板) HQ defines; coupons are issued from it.")
class CouponTemplate(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Display name.")
    kind: CouponKind = strawberry.field(description="What the coupon gives.")
    amount_off: Money | None = strawberry.field(
        description="CASH_OFF: the amount taken off (never more than the order)."
    )
    percent_off: int | None = strawberry.field(description="PERCENT_OFF: the share taken off, 1-99.")
    threshold: Money = strawberry.field(
        description="Least order the coupon applies to: after the tier discount for a stackable coupon, "
        "else at list price."
    )
    valid_from: datetime | None = strawberry.field(description="Fixed validity start; null when validDays is used.")
    valid_to: datetime | None = strawberry.field(
        description="Fixed validity end (exclusive); null when validDays is used."
    )
    valid_days: int | None = strawberry.field(description="Each coupon is valid this many days from its issue.")
    quantity: int | None = strawberry.field(description="Most coupons that may ever be issued; null = unlimited.")
    issued_count: int = strawberry.field(description="Coupons issued so far.")
    per_member_limit: int = strawberry.field(description="Most coupons of this template one member may ever hold.")
    stackable: bool = strawberry.field(
        description="Whether the coupon combines with the member's tier discount: a stackable coupon applies after it; "
        "one that is not replaces it (the order is priced at list price, then the coupon applies). An order takes "
        "one coupon, and paying with points combines with either."
    )
    is_active: bool = strawberry.field(description="Inactive templates issue no more coupons.")
    created_at: datetime = strawberry.field(description="When HQ created it.")
    store_ids: strawberry.Private[list[int]]

    @strawberry.field(description="The stores where its coupons can be used; empty = every store.")
    async def stores(self, info: Info) -> list[Store]:
        rows = await info.context.loaders.store.load_many(self.store_ids)
        return [Store.from_model(r) for r in rows if r is not None]

    @classmethod
    def from_model(cls, row: models.CouponTemplate, info: Any = None) -> CouponTemplate:
        kind = models.CouponKind(row.kind)
        return cls(
            id=row.id,
            name=row.name,
            kind=kind,
            amount_off=Money(row.value) if kind == models.CouponKind.CASH_OFF else None,
            percent_off=row.value if kind == models.CouponKind.PERCENT_OFF else None,
            threshold=Money(row.threshold),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            valid_days=row.valid_days,
            quantity=row.quantity,
            issued_count=row.issued_count,
            per_member_limit=row.per_member_limit,
            stackable=row.stackable,
            is_active=row.is_active,
            created_at=row.created_at,
            store_ids=list(row.store_ids),
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.CouponTemplate.all()


@strawberry.type(description="A coupon a member holds; its code is what the cashier enters in consume.")
class Coupon(ModelNode):
    id: relay.NodeID[int]
    code: str = strawberry.field(description="The code to enter at the till.")
    status: CouponStatus = strawberry.field(description="ISSUED, USED, EXPIRED or VOID, as of now.")
    valid_from: datetime = strawberry.field(description="Usable from.")
    valid_to: datetime = strawberry.field(description="Usable until (exclusive).")
    issued_at: datetime = strawberry.field(description="When it was issued.")
    used_at: datetime | None = strawberry.field(description="When a consume used it.")
    row: strawberry.Private[models.Coupon]

    @strawberry.field(description="The template it was issued from.")
    async def template(self) -> CouponTemplate:
        fetched = self.row.template
        if isinstance(fetched, models.CouponTemplate):
            return CouponTemplate.from_model(fetched)
        return CouponTemplate.from_model(await models.CouponTemplate.get(id=self.row.template_id))

    @strawberry.field(description="The consume that used it, while used.")
    def used_transfer_id(self) -> relay.GlobalID | None:
        operation = self.row.used_operation_id
        return relay.GlobalID("Transfer", str(operation)) if operation else None

    @classmethod
    def from_model(cls, row: models.Coupon, info: Any = None) -> Coupon:
        return cls(
            id=row.id,
            code=row.code,
            status=effective_status(row, now()),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            issued_at=row.issued_at,
            used_at=row.used_at,
            row=row,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        visible = Subquery(members_query(info.context.actor).values("id"))
        return models.Coupon.filter(member_id__in=visible).select_related("template")


@strawberry.type(description="A page of coupons, newest first.")
class CouponConnection(relay.Connection[Coupon]):
    pass


@strawberry.type(description="A page of coupon templates, newest first.")
class CouponTemplateConnection(relay.Connection[CouponTemplate]):
    pass


@strawberry.type(description="Result of createCouponTemplate.")
class CouponTemplatePayload:
    coupon_template: CouponTemplate | None = strawberry.field(default=None, description="The template created.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of issueCoupons: every coupon issued, or none.")
class IssueCouponsPayload:
    coupons: list[Coupon] = strawberry.field(
        default_factory=list, description="The coupons issued, in memberIds order."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of voidCoupon.")
class CouponPayload:
    coupon: Coupon | None = strawberry.field(default=None, description="The coupon after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")
