"""Points mutations: HQ's adjustments and redemptions at the till. Each takes an idempotencyKey:
a replay returns the first result and moves nothing."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.permissions import payload_mutation
from schema.member.types import Member
from schema.wallet.types import Transfer
from server.access.policy import Permission
from server.ledger.operations import Outcome
from server.member.models import Member as MemberRow
from server.points import services


@strawberry.input(description="A manual change to a member's points, with the reason for the audit trail.")
class AdjustPointsInput:
    member_id: relay.GlobalID = strawberry.field(description="The member.")
    points: int = strawberry.field(description="Points to add (positive) or take (negative, never below zero).")
    reason: str = strawberry.field(description="Why; required, at most 255 characters.")
    idempotency_key: str = strawberry.field(description="Unique per intended adjustment; a retry reuses it.")


@strawberry.input(description="Points spent on a gift or on one coupon, at the till. Give `gift` or `couponTemplateId`.")
class RedeemPointsInput:
    member_id: relay.GlobalID = strawberry.field(description="The member spending points (of any store).")
    points: int = strawberry.field(description="The points price.")
    idempotency_key: str = strawberry.field(description="Unique per intended redemption; a retry reuses it.")
    gift: str | None = strawberry.field(default=None, description="The gift handed over, by name (at most 50 characters).")
    coupon_template_id: relay.GlobalID | None = strawberry.field(
        default=None, description="The coupon template to issue one coupon of."
    )
    store_id: relay.GlobalID | None = strawberry.field(default=None, description="Where; a clerk's own store by default.")


@strawberry.type(description="Result of a points adjustment or redemption.")
class PointsPayload:
    transfer: Transfer | None = strawberry.field(default=None, description="The operation (the first one on a replay).")
    member: Member | None = strawberry.field(default=None, description="The member, with points after it.")
    coupon_code: str | None = strawberry.field(default=None, description="The coupon issued by a coupon redemption.")
    replayed: bool = strawberry.field(default=False, description="True when the key had already run.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


async def _payload(info: Info, outcome: Outcome) -> PointsPayload:
    operation = outcome.operation
    row = await MemberRow.get_or_none(id=operation.member_id).select_related("home_store")
    return PointsPayload(
        transfer=Transfer.from_model(operation),
        member=Member.from_model(row, info) if row else None,
        coupon_code=operation.result.get("coupon_code"),
        replayed=outcome.replayed,
    )


@strawberry.type
class PointsMutation:
    @payload_mutation(
        description="Adds points to a member as a new lot, or takes them soonest-expiring first.", requires=Permission.ADJUST
    )
    async def adjust_points(self, info: Info, input: AdjustPointsInput) -> PointsPayload:  # noqa: A002
        outcome = await services.adjust_points(
            info.context.actor,
            services.AdjustRequest(
                member_id=decode_id(input.member_id, "Member", "memberId"),
                points=input.points,
                reason=input.reason,
                idempotency_key=input.idempotency_key,
            ),
        )
        return await _payload(info, outcome)

    @payload_mutation(description="Spends a member's points on a gift or a coupon, soonest-expiring points first.")
    async def redeem_points(self, info: Info, input: RedeemPointsInput) -> PointsPayload:  # noqa: A002
        template = input.coupon_template_id
        outcome = await services.redeem_points(
            info.context.actor,
            services.RedeemRequest(
                member_id=decode_id(input.member_id, "Member", "memberId"),
                points=input.points,
                idempotency_key=input.idempotency_key,
                gift=input.gift,
                coupon_template_id=decode_id(template, "CouponTemplate", "couponTemplateId") if template else None,
                store_id=decode_id(input.store_id, "Store", "storeId") if input.store_id else None,
            ),
        )
        return await _payload(info, outcome)
