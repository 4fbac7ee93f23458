"""The guard that makes a coupon spendable once, whatever runs at the same time."""

from __future__ import annotations

import pytest

from server.core.errors import DomainError, ErrorCode, ErrorReason
from server.coupon.models import Coupon, CouponKind, CouponStatus
from server.coupon.services import TemplateDraft, create_template, issue, redeem, restore


@pytest.fixture
async def coupon(org, wallet) -> Coupon:
    hq = org.actors["hq.admin"]
    template = await create_template(
        hq, TemplateDraft(name="满10减5", kind=CouponKind.CASH_OFF, value=500, valid_days=30)
    )
    (issued,) = await issue(hq, template.id, [wallet.member.id])
    return issued


async def test_the_second_redeem_of_a_coupon_loses(coupon):
    await redeem(coupon.id, operation_id=41)

    with pytest.raises(DomainError) as caught:
        await redeem(coupon.id, operation_id=42)

    assert (caught.value.code, caught.value.reason, caught.value.message, caught.value.field) == (
        ErrorCode.COUPON_NOT_USABLE,
        ErrorReason.COUPON_USED,
        "The coupon was used by another payment a moment ago.",
        ["couponCode"],
    )
    used = await Coupon.get(id=coupon.id)
    assert (used.status, used.used_operation_id) == (CouponStatus.USED, 41)


async def test_restoring_gives_back_only_the_coupon_that_operation_used(coupon, org, wallet):
    await redeem(coupon.id, operation_id=41)

    await restore(operation_id=40)
    untouched = await Coupon.get(id=coupon.id)
    await restore(operation_id=41)
    restored = await Coupon.get(id=coupon.id)

    assert (untouched.status, untouched.used_operation_id) == (CouponStatus.USED, 41)
    assert (restored.status, restored.used_operation_id, restored.used_at) == (CouponStatus.ISSUED, None, None)
