"""HQ's referral terms: what each side receives when a referred member first consumes.

Anyone signed in may read them (a clerk tells the customer); only MANAGE_PROGRAM (HQ) changes
them, all four at once, audited. Changes apply to rewards paid from then on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import invalid
from server.coupon import services as coupons
from server.points.services import MAX_POINTS
from server.referral.models import ReferralSettings


@dataclass(frozen=True)
class ReferralTerms:
    referrer_points: int = 0
    referrer_coupon_template_id: int | None = None
    referee_points: int = 0
    referee_coupon_template_id: int | None = None


def _terms(row: ReferralSettings) -> ReferralTerms:
    return ReferralTerms(
        row.referrer_points, row.referrer_coupon_template_id, row.referee_points, row.referee_coupon_template_id
    )


async def referral_terms() -> ReferralTerms:
    row = await ReferralSettings.get_or_none(id=1)
    return _terms(row) if row else ReferralTerms()


async def set_referral_terms(actor: Actor | None, terms: ReferralTerms) -> ReferralTerms:
    require(actor, Permission.MANAGE_PROGRAM)
    for field, points in (("referrerPoints", terms.referrer_points), ("refereePoints", terms.referee_points)):
        if not 0 <= points <= MAX_POINTS:
            raise invalid(field, f"Points must be between 0 (none) and {MAX_POINTS}.")
    for field, template_id in (
        ("referrerCouponTemplateId", terms.referrer_coupon_template_id),
        ("refereeCouponTemplateId", terms.referee_coupon_template_id),
    ):
        if template_id is not None:
            await coupons.issuable_template(template_id, field)
    before = await referral_terms()
    async with in_transaction():
        await ReferralSettings.update_or_create(defaults={**asdict(terms), "updated_at": now()}, id=1)
        await audit.record(actor, "referral.settings", "ReferralSettings", 1, asdict(before), asdict(terms))
    return terms
