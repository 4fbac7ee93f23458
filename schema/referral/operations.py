"""Referral terms: everyone signed in reads them (a clerk tells the customer); HQ sets them."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.ids import decode_id
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.referral.types import ReferralSettings, ReferralSettingsPayload
from server.access.policy import Permission
from server.referral.settings import ReferralTerms, referral_terms, set_referral_terms


def _template(template_id: relay.GlobalID | None, field: str) -> int | None:
    return decode_id(template_id, "CouponTemplate", field) if template_id is not None else None


@strawberry.input(description="The whole of the referral terms; replaces the current ones.")
class ReferralSettingsInput:
    referrer_points: int = strawberry.field(default=0, description="Points for the member who referred, 0-10000000.")
    referrer_coupon_template_id: relay.GlobalID | None = strawberry.field(
        default=None, description="An active coupon template for the referrer; none when omitted."
    )
    referee_points: int = strawberry.field(default=0, description="Points for the new member, 0-10000000.")
    referee_coupon_template_id: relay.GlobalID | None = strawberry.field(
        default=None, description="An active coupon template for the new member; none when omitted."
    )

    def to_terms(self) -> ReferralTerms:
        return ReferralTerms(
            referrer_points=self.referrer_points,
            referrer_coupon_template_id=_template(self.referrer_coupon_template_id, "referrerCouponTemplateId"),
            referee_points=self.referee_points,
            referee_coupon_template_id=_template(self.referee_coupon_template_id, "refereeCouponTemplateId"),
        )


@strawberry.type
class ReferralQuery:
    @strawberry.field(description="The referral rewards in force.", permission_classes=[IsAuthenticated])
    async def referral_settings(self) -> ReferralSettings:
        return ReferralSettings.of(await referral_terms())


@strawberry.type
class ReferralMutation:
    @payload_mutation(description="Sets what referrals pay, from now on.", requires=Permission.MANAGE_PROGRAM)
    async def set_referral_settings(self, info: Info, input: ReferralSettingsInput) -> ReferralSettingsPayload:  # noqa: A002
        terms = await set_referral_terms(info.context.actor, input.to_terms())
        return ReferralSettingsPayload(settings=ReferralSettings.of(terms))
