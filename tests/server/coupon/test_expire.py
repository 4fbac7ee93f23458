"""`expire_due`: the scheduled sweep that marks issued coupons past their end EXPIRED."""

from __future__ import annotations

from datetime import timedelta

from server.core.clock import now
from server.coupon.models import Coupon, CouponKind, CouponStatus
from server.coupon.services import TemplateDraft, create_template, expire_due, issue, redeem, void


async def test_the_sweep_expires_only_issued_coupons_past_their_end_and_is_safe_to_rerun(org, wallet):
    hq = org.actors["hq.admin"]
    template = await create_template(
        hq, TemplateDraft(name="券", kind=CouponKind.GIFT, value=0, valid_days=10, per_member_limit=4)
    )
    due, current, used, voided = await issue(hq, template.id, [wallet.member.id] * 4)
    await redeem(used.id, operation_id=1)
    await void(hq, voided.code)
    sweep_at = now() + timedelta(days=10)
    await Coupon.filter(id=current.id).update(valid_to=sweep_at + timedelta(seconds=1))

    first = await expire_due(sweep_at)
    second = await expire_due(sweep_at)

    statuses = {c.id: c.status for c in await Coupon.all()}
    assert (first, second) == (1, 0)
    assert [statuses[c.id] for c in (due, current, used, voided)] == [
        CouponStatus.EXPIRED,
        CouponStatus.ISSUED,
        CouponStatus.USED,
        CouponStatus.VOID,
    ]
