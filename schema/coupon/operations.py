"""Coupons: everyone signed in reads the templates; HQ creates templates, issues and voids coupons.
Using a coupon is part of `consume` (its couponCode)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.ids import decode_id
from schema.core.pagination import fetch_page, to_edges
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.core.scalars import Money
from schema.coupon.types import (
    Coupon,
    CouponKind,
    CouponPayload,
    CouponTemplate,
    CouponTemplateConnection,
    CouponTemplatePayload,
    IssueCouponsPayload,
)
from server.access.policy import Permission
from server.core.errors import invalid
from server.coupon import models, services


@strawberry.input(
    description="A new coupon template. Give amountOff for CASH_OFF, percentOff for PERCENT_OFF, "
    "neither for GIFT; and either validFrom and validTo, or validDays."
)
class CouponTemplateInput:
    name: str = strawberry.field(description="Display name.")
    kind: CouponKind = strawberry.field(description="What the coupon gives.")
    amount_off: Money | None = strawberry.field(default=None, description="CASH_OFF: the amount taken off.")
    percent_off: int | None = strawberry.field(default=None, description="PERCENT_OFF: the share taken off, 1-99.")
    threshold: Money = strawberry.field(default=Money(0), description="Least order the coupon applies to; 0 = any.")
    valid_from: datetime | None = strawberry.field(
        default=None, description="Fixed validity start, with its UTC offset."
    )
    valid_to: datetime | None = strawberry.field(
        default=None, description="Fixed validity end (exclusive), with its UTC offset."
    )
    valid_days: int | None = strawberry.field(default=None, description="Or: valid this many days from issue, 1-3660.")
    store_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list, description="Stores where it can be used; every store when empty."
    )
    quantity: int | None = strawberry.field(
        default=None, description="Most coupons ever issued; unlimited when omitted."
    )
    per_member_limit: int = strawberry.field(
        default=1, description="Most coupons of this template one member may hold, 1-100."
    )
    stackable: bool = strawberry.field(
        default=False,
        description="Combines with the tier discount; otherwise it replaces it (see CouponTemplate.stackable).",
    )

    def to_draft(self) -> services.TemplateDraft:
        kind = models.CouponKind(self.kind)
        if self.amount_off is not None and kind != models.CouponKind.CASH_OFF:
            raise invalid("amountOff", "Only a CASH_OFF coupon takes an amount off.")
        if self.percent_off is not None and kind != models.CouponKind.PERCENT_OFF:
            raise invalid("percentOff", "Only a PERCENT_OFF coupon takes a percentage off.")
        if kind == models.CouponKind.CASH_OFF and self.amount_off is None:
            raise invalid("amountOff", "A CASH_OFF coupon needs amountOff.")
        if kind == models.CouponKind.PERCENT_OFF and self.percent_off is None:
            raise invalid("percentOff", "A PERCENT_OFF coupon needs percentOff.")
        return services.TemplateDraft(
            name=self.name,
            kind=kind,
            value=self.amount_off if self.amount_off is not None else self.percent_off or 0,
            threshold=self.threshold,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            valid_days=self.valid_days,
            store_ids=[decode_id(s, "Store", "storeIds") for s in self.store_ids],
            quantity=self.quantity,
            per_member_limit=self.per_member_limit,
            stackable=self.stackable,
        )


@strawberry.type
class CouponQuery:
    @strawberry.field(
        description="Coupon templates, newest first; only active ones unless includeInactive.",
        permission_classes=[IsAuthenticated],
    )
    async def coupon_templates(
        self, first: int | None = None, after: str | None = None, include_inactive: bool = False
    ) -> CouponTemplateConnection:
        page = await fetch_page(services.templates_query(include_inactive=include_inactive), first, after)
        edges, page_info = to_edges(page, CouponTemplate.from_model)
        return CouponTemplateConnection(edges=edges, page_info=page_info)


@strawberry.type
class CouponMutation:
    @payload_mutation(description="Creates a coupon template.", requires=Permission.MANAGE_PROGRAM)
    async def create_coupon_template(
        self,
        info: Info,
        input: CouponTemplateInput,  # noqa: A002
    ) -> CouponTemplatePayload:
        template = await services.create_template(info.context.actor, input.to_draft())
        return CouponTemplatePayload(coupon_template=CouponTemplate.from_model(template))

    @payload_mutation(
        description="Issues one coupon of a template to each listed member (a member listed twice gets two), all or "
        "none: the template's quantity and each member's limit are enforced.",
        requires=Permission.MANAGE_PROGRAM,
    )
    async def issue_coupons(
        self, info: Info, template_id: relay.GlobalID, member_ids: list[relay.GlobalID]
    ) -> IssueCouponsPayload:
        members = [decode_id(m, "Member", "memberIds") for m in member_ids]
        template = decode_id(template_id, "CouponTemplate", "templateId")
        issued = await services.issue(info.context.actor, template, members)
        return IssueCouponsPayload(coupons=[Coupon.from_model(c) for c in issued])

    @payload_mutation(description="Withdraws an issued coupon for good.", requires=Permission.MANAGE_PROGRAM)
    async def void_coupon(self, info: Info, code: str, reason: str | None = None) -> CouponPayload:
        return CouponPayload(coupon=Coupon.from_model(await services.void(info.context.actor, code, reason)))
