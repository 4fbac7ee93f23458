"""HQ's referral terms as GraphQL types."""

from __future__ import annotations

import strawberry

from schema.core.errors import UserError
from schema.coupon.types import CouponTemplate
from server.coupon import models
from server.referral.settings import ReferralTerms


async def _template(template_id: int | None) -> CouponTemplate | None:
    row = await models.CouponTemplate.get_or_none(id=template_id) if template_id is not None else None
    return CouponTemplate.from_model(row) if row else None


@strawberry.type(description="What each side receives when a referred member's first purchase commits (推荐有礼).")
class ReferralSettings:
    referrer_points: int = strawberry.field(description="Points for the member who referred; 0 = none.")
    referee_points: int = strawberry.field(description="Points for the new member; 0 = none.")
    terms: strawberry.Private[ReferralTerms]

    @strawberry.field(description="A coupon for the member who referred; null = none.")
    async def referrer_coupon_template(self) -> CouponTemplate | None:
        return await _template(self.terms.referrer_coupon_template_id)

    @strawberry.field(description="A coupon for the new member; null = none.")
    async def referee_coupon_template(self) -> CouponTemplate | None:
        return await _template(self.terms.referee_coupon_template_id)

    @classmethod
    def of(cls, terms: ReferralTerms) -> ReferralSettings:
        return cls(referrer_points=terms.referrer_points, referee_points=terms.referee_points, terms=terms)


@strawberry.type(description="Result of setReferralSettings.")
class ReferralSettingsPayload:
    settings: ReferralSettings | None = strawberry.field(default=None, description="The terms after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")
