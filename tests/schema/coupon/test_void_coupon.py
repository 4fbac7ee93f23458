from __future__ import annotations

import pytest

from server.audit.models import AuditEntry
from server.coupon.models import Coupon, CouponStatus
from tests.schema.coupon.conftest import CONSUME, RECHARGE, VOID, give, make_template


async def test_hq_voids_an_issued_coupon_for_good_with_a_reason(api, org, wallet):
    coupon = await give(org, await make_template(org), wallet.member.id)
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "r1"})

    voided = await hq(VOID, code=coupon.code.lower(), reason="发错了")
    again = await hq(VOID, code=coupon.code)
    used = await clerk(
        CONSUME, input={"cardNo": "C0001", "amount": "60.00", "couponCode": coupon.code, "idempotencyKey": "c1"}
    )

    assert voided["data"]["voidCoupon"] == {"coupon": {"code": coupon.code, "status": "VOID"}, "errors": []}
    assert again["data"]["voidCoupon"]["errors"] == [
        {"field": ["code"], "code": "INVALID", "message": "Only issued coupons can be voided: this one is void."}
    ]
    assert used["data"]["consume"]["errors"] == [
        {"field": ["couponCode"], "code": "COUPON_NOT_USABLE", "message": "The coupon was voided."}
    ]
    entry = await AuditEntry.get(action="coupon.void")
    assert (entry.before, entry.after) == ({"status": "ISSUED"}, {"status": "VOID", "reason": "发错了"})


async def test_a_used_coupon_cannot_be_voided(api, org, wallet):
    coupon = await give(org, await make_template(org), wallet.member.id)
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "r1"})
    await clerk(
        CONSUME, input={"cardNo": "C0001", "amount": "60.00", "couponCode": coupon.code, "idempotencyKey": "c1"}
    )
    hq = await api.login("hq.admin")

    body = await hq(VOID, code=coupon.code)

    assert body["data"]["voidCoupon"]["errors"] == [
        {"field": ["code"], "code": "INVALID", "message": "Only issued coupons can be voided: this one is used."}
    ]
    assert (await Coupon.get(id=coupon.id)).status == CouponStatus.USED


async def test_voiding_an_unknown_code_is_not_found(api, org):
    hq = await api.login("hq.admin")

    body = await hq(VOID, code="NOSUCHCODE00")

    assert body["data"]["voidCoupon"]["errors"] == [
        {"field": ["code"], "code": "NOT_FOUND", "message": "Coupon not found."}
    ]


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_only_hq_voids_coupons(api, org, wallet, username):
    coupon = await give(org, await make_template(org), wallet.member.id)
    client = await api.login(username)

    body = await client(VOID, code=coupon.code, reason="x")

    assert body["data"]["voidCoupon"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage the loyalty program."}
    ]
    assert (await Coupon.get(id=coupon.id)).status == CouponStatus.ISSUED
    assert await AuditEntry.filter(action="coupon.void").count() == 0
