from __future__ import annotations

from datetime import timedelta

import pytest

from server.audit.models import AuditEntry
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from server.coupon.models import Coupon, CouponKind, CouponTemplate
from server.coupon.services import TemplateDraft, create_template
from server.ledger.models import Operation, Transfer
from server.member.models import MemberStatus
from server.member.services import MemberDraft, create_member, set_member_status
from server.points import lots
from server.points.services import RedeemRequest, redeem_points
from tests.server.points.conftest import account_balance, give, held, key


async def _template(org, **changes) -> CouponTemplate:
    draft = TemplateDraft(name="满100减10", kind=CouponKind.CASH_OFF, value=1_000, threshold=10_000, valid_days=30)
    for name, value in changes.items():
        setattr(draft, name, value)
    return await create_template(org.actors["hq.admin"], draft)


async def _nothing_redeemed(member_id: int, points: int) -> None:
    assert await lots.balance(member_id) == points
    assert await account_balance(member_id) == points
    assert await Operation.filter(kind="POINTS_REDEEM").count() == 0
    assert await AuditEntry.filter(action="points.redeem").count() == 0
    assert await Coupon.filter(member_id=member_id).count() == 0


async def test_a_clerk_redeems_points_for_a_gift_taking_the_soonest_expiring_first(org, wallet):
    # given 200 points expiring in 12 months, then 100 expiring in 6
    await give(org, wallet.member.id, 200, expiry_months=12)
    await give(org, wallet.member.id, 100, expiry_months=6)
    # when
    outcome = await redeem_points(
        org.actors["sh001.clerk"], RedeemRequest(wallet.member.id, 120, key(), gift=" 保温杯 ")
    )
    # then
    operation = outcome.operation
    assert (operation.kind, operation.amount, operation.store_id, operation.staff_id) == (
        "POINTS_REDEEM",
        120,
        org.stores["SH001"].id,
        org.staff["sh001.clerk"].id,
    )
    assert operation.result == {"points": 120, "gift": "保温杯"}
    transfers = await Transfer.filter(operation_id=operation.id).select_related("debit", "credit")
    assert [(t.code, t.amount, t.debit.key, t.credit.key) for t in transfers] == [
        ("POINTS_REDEEM", 120, f"MEMBER_POINTS:member:{wallet.member.id}", "POINTS_ISSUED:hq")
    ]
    assert await held(wallet.member.id) == [(200, 180), (100, 0)]
    assert await account_balance(wallet.member.id) == 180
    entry = await AuditEntry.get(action="points.redeem")
    assert (entry.actor_name, entry.target_id, entry.after) == (
        "sh001.clerk",
        str(wallet.member.id),
        {"operation_id": operation.id, "points": 120, "gift": "保温杯"},
    )


async def test_redeeming_for_a_coupon_issues_one_coupon_of_the_template(org, wallet):
    # given 500 points and a cash-off template HQ made
    await give(org, wallet.member.id, 500)
    template = await _template(org)
    # when
    outcome = await redeem_points(
        org.actors["sh001.clerk"], RedeemRequest(wallet.member.id, 200, key(), coupon_template_id=template.id)
    )
    # then
    coupon = await Coupon.get(member_id=wallet.member.id)
    assert (coupon.template_id, coupon.status) == (template.id, "ISSUED")
    assert outcome.operation.result == {
        "points": 200,
        "coupon_template_id": template.id,
        "coupon_template": "满100减10",
        "coupon_code": coupon.code,
    }
    assert (await CouponTemplate.get(id=template.id)).issued_count == 1
    assert await lots.balance(wallet.member.id) == 300


async def test_a_clerk_redeems_for_a_member_of_another_store_at_their_own_store(org, wallet):
    # given a member whose home store is CD001
    member = await create_member(
        org.actors["hq.admin"], MemberDraft(name="西部会员", phone="13700009999", home_store_id=org.stores["CD001"].id)
    )
    await give(org, member.id, 100)
    # when
    outcome = await redeem_points(org.actors["sh001.clerk"], RedeemRequest(member.id, 100, key(), gift="帆布袋"))
    # then
    assert outcome.operation.store_id == org.stores["SH001"].id
    assert await lots.balance(member.id) == 0


async def test_a_clerk_may_not_redeem_at_another_store(org, wallet):
    await give(org, wallet.member.id, 100)

    with pytest.raises(DomainError) as caught:
        await redeem_points(
            org.actors["sh001.clerk"],
            RedeemRequest(wallet.member.id, 50, key(), gift="帆布袋", store_id=org.stores["CD001"].id),
        )

    assert (caught.value.code, caught.value.field) == (ErrorCode.PERMISSION_DENIED, ["storeId"])
    await _nothing_redeemed(wallet.member.id, 100)


async def test_redeeming_more_points_than_held_is_insufficient_and_issues_no_coupon(org, wallet):
    await give(org, wallet.member.id, 100)
    template = await _template(org)

    with pytest.raises(DomainError) as caught:
        await redeem_points(
            org.actors["sh001.clerk"], RedeemRequest(wallet.member.id, 101, key(), coupon_template_id=template.id)
        )

    assert (caught.value.code, caught.value.field) == (ErrorCode.INSUFFICIENT_POINTS, ["points"])
    assert (await CouponTemplate.get(id=template.id)).issued_count == 0
    await _nothing_redeemed(wallet.member.id, 100)


async def test_a_member_at_the_coupon_limit_can_not_buy_another(org, wallet):
    # given the member already holds the one coupon the template allows each member
    await give(org, wallet.member.id, 500)
    template = await _template(org)
    clerk = org.actors["sh001.clerk"]
    await redeem_points(clerk, RedeemRequest(wallet.member.id, 200, key(), coupon_template_id=template.id))
    # when
    with pytest.raises(DomainError) as caught:
        await redeem_points(clerk, RedeemRequest(wallet.member.id, 200, key(), coupon_template_id=template.id))
    # then
    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["couponTemplateId"])
    assert await Coupon.filter(member_id=wallet.member.id).count() == 1
    assert await lots.balance(wallet.member.id) == 300
    assert await Operation.all().count() == 2


async def test_a_sold_out_template_can_not_be_redeemed(org, wallet):
    await give(org, wallet.member.id, 500)
    template = await _template(org, quantity=1)
    await CouponTemplate.filter(id=template.id).update(issued_count=1)

    with pytest.raises(DomainError) as caught:
        await redeem_points(
            org.actors["sh001.clerk"], RedeemRequest(wallet.member.id, 200, key(), coupon_template_id=template.id)
        )

    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["couponTemplateId"])
    assert (await CouponTemplate.get(id=template.id)).issued_count == 1
    await _nothing_redeemed(wallet.member.id, 500)


@pytest.mark.parametrize(
    ("changes", "code", "message"),
    [
        ({"is_active": False}, ErrorCode.NOT_FOUND, "Coupon template not found."),
        ({"valid_from": "past", "valid_to": "yesterday"}, ErrorCode.INVALID, "This coupon template's coupons have expired."),
    ],
    ids=["inactive", "ended"],
)
async def test_a_template_that_can_not_issue_is_refused(org, wallet, changes, code, message):
    await give(org, wallet.member.id, 500)
    template = await _template(org)
    dates = {"past": now() - timedelta(days=30), "yesterday": now() - timedelta(days=1)}
    await CouponTemplate.filter(id=template.id).update(**{k: dates.get(v, v) for k, v in changes.items()})

    with pytest.raises(DomainError) as caught:
        await redeem_points(
            org.actors["sh001.clerk"], RedeemRequest(wallet.member.id, 200, key(), coupon_template_id=template.id)
        )

    assert (caught.value.code, caught.value.field, caught.value.message) == (code, ["couponTemplateId"], message)
    await _nothing_redeemed(wallet.member.id, 500)


@pytest.mark.parametrize(
    ("gift", "template", "points", "field", "message"),
    [
        (None, False, 10, "gift", "Redeem either a gift or a coupon template."),
        ("  ", False, 10, "gift", "Redeem either a gift or a coupon template."),
        ("帆布袋", True, 10, "gift", "Redeem either a gift or a coupon template."),
        ("x" * 51, False, 10, "gift", "gift must be at most 50 characters."),
        ("帆布袋", False, 0, "points", "Points must be between 1 and 10000000."),
        ("帆布袋", False, -5, "points", "Points must be between 1 and 10000000."),
    ],
    ids=["nothing", "blank-gift", "both", "long-gift", "zero-points", "negative-points"],
)
async def test_bad_redemptions_are_invalid_and_change_nothing(org, wallet, gift, template, points, field, message):
    await give(org, wallet.member.id, 100)
    template_id = (await _template(org)).id if template else None

    with pytest.raises(DomainError) as caught:
        await redeem_points(
            org.actors["sh001.clerk"],
            RedeemRequest(wallet.member.id, points, key(), gift=gift, coupon_template_id=template_id),
        )

    assert (caught.value.code, caught.value.field, caught.value.message) == (ErrorCode.INVALID, [field], message)
    await _nothing_redeemed(wallet.member.id, 100)


async def test_a_deactivated_member_can_not_redeem(org, wallet):
    await give(org, wallet.member.id, 100)
    await set_member_status(org.actors["hq.admin"], wallet.member.id, MemberStatus.DEACTIVATED)

    with pytest.raises(DomainError) as caught:
        await redeem_points(org.actors["sh001.clerk"], RedeemRequest(wallet.member.id, 50, key(), gift="帆布袋"))

    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["memberId"])
    await _nothing_redeemed(wallet.member.id, 100)


async def test_redeeming_for_an_unknown_member_is_not_found(org, wallet):
    with pytest.raises(DomainError) as caught:
        await redeem_points(org.actors["sh001.clerk"], RedeemRequest(wallet.member.id + 100, 50, key(), gift="帆布袋"))

    assert (caught.value.code, caught.value.field) == (ErrorCode.NOT_FOUND, ["memberId"])
    assert await Operation.all().count() == 0


async def test_a_replayed_redemption_returns_the_first_and_moves_nothing(org, wallet):
    await give(org, wallet.member.id, 500)
    template = await _template(org)
    clerk = org.actors["sh001.clerk"]
    request = RedeemRequest(wallet.member.id, 200, "same", coupon_template_id=template.id)

    first = await redeem_points(clerk, request)
    second = await redeem_points(clerk, request)

    assert (first.replayed, second.replayed) == (False, True)
    assert second.operation.id == first.operation.id
    assert await Coupon.filter(member_id=wallet.member.id).count() == 1
    assert await lots.balance(wallet.member.id) == 300


async def test_the_same_redemption_key_for_another_gift_is_a_conflict(org, wallet):
    await give(org, wallet.member.id, 500)
    clerk = org.actors["sh001.clerk"]
    await redeem_points(clerk, RedeemRequest(wallet.member.id, 200, "same", gift="帆布袋"))

    with pytest.raises(DomainError) as caught:
        await redeem_points(clerk, RedeemRequest(wallet.member.id, 200, "same", gift="保温杯"))

    assert (caught.value.code, caught.value.field) == (ErrorCode.IDEMPOTENCY_CONFLICT, ["idempotencyKey"])
    assert await lots.balance(wallet.member.id) == 300
    assert await Operation.all().count() == 2
