from __future__ import annotations

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta

from server.access.services import update_staff
from server.access.sessions import actor_for
from server.audit.models import AuditEntry
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Operation, Transfer
from server.member.services import MemberDraft, create_member
from server.points import lots
from server.points.models import PointsLot
from server.points.services import MAX_POINTS, AdjustRequest, adjust_points
from server.program.services import update_settings
from tests.server.points.conftest import account_balance, backdate, give, held, key


async def _nothing_changed(member_id: int, points: int, operations: int) -> None:
    assert await lots.balance(member_id) == points
    assert await account_balance(member_id) == points
    assert await Operation.all().count() == operations
    assert await AuditEntry.filter(action="points.adjust").count() == operations


async def test_a_positive_adjustment_adds_a_lot_that_expires_after_the_programme_months(org, wallet):
    # given points expire after 12 months
    hq = org.actors["hq.admin"]
    await update_settings(hq, points_expiry_months=12)
    before = now()
    # when
    outcome = await adjust_points(hq, AdjustRequest(wallet.member.id, 500, "  生日补偿 ", "adj-1"))
    # then
    lot = await PointsLot.get(member_id=wallet.member.id)
    assert (lot.amount, lot.remaining, lot.operation_id) == (500, 500, outcome.operation.id)
    assert before + relativedelta(months=12) <= lot.expires_at <= now() + relativedelta(months=12)
    operation = outcome.operation
    assert (operation.kind, operation.amount, operation.member_id, operation.staff_id) == (
        "POINTS_ADJUST",
        500,
        wallet.member.id,
        org.staff["hq.admin"].id,
    )
    assert operation.result == {"points": 500, "reason": "生日补偿"}
    transfers = await Transfer.filter(operation_id=operation.id).select_related("debit", "credit")
    assert [(t.code, t.amount, t.debit.key, t.credit.key) for t in transfers] == [
        ("POINTS_ADJUST", 500, "POINTS_ISSUED:hq", f"MEMBER_POINTS:member:{wallet.member.id}")
    ]
    assert (await lots.balance(wallet.member.id), await account_balance(wallet.member.id)) == (500, 500)


async def test_points_added_while_expiry_is_off_never_expire(org, wallet):
    await give(org, wallet.member.id, 80, expiry_months=0)

    lot = await PointsLot.get(member_id=wallet.member.id)
    assert lot.expires_at == lots.NEVER


async def test_a_negative_adjustment_takes_the_soonest_expiring_points_first(org, wallet):
    # given 100 points expiring in 12 months, then 100 expiring in 6
    await give(org, wallet.member.id, 100, expiry_months=12)
    await give(org, wallet.member.id, 100, expiry_months=6)
    # when
    outcome = await adjust_points(org.actors["hq.admin"], AdjustRequest(wallet.member.id, -150, "录入错误", key()))
    # then
    assert await held(wallet.member.id) == [(100, 50), (100, 0)]
    assert outcome.operation.amount == 150
    assert outcome.operation.result == {"points": -150, "reason": "录入错误"}
    transfers = await Transfer.filter(operation_id=outcome.operation.id).select_related("debit", "credit")
    assert [(t.code, t.amount, t.debit.key, t.credit.key) for t in transfers] == [
        ("POINTS_ADJUST", 150, f"MEMBER_POINTS:member:{wallet.member.id}", "POINTS_ISSUED:hq")
    ]
    assert await account_balance(wallet.member.id) == 50


async def test_taking_more_points_than_the_member_holds_is_insufficient_and_changes_nothing(org, wallet):
    await give(org, wallet.member.id, 100)

    with pytest.raises(DomainError) as caught:
        await adjust_points(org.actors["hq.admin"], AdjustRequest(wallet.member.id, -101, "录入错误", key()))

    assert (caught.value.code, caught.value.field) == (ErrorCode.INSUFFICIENT_POINTS, ["points"])
    assert await held(wallet.member.id) == [(100, 100)]
    await _nothing_changed(wallet.member.id, 100, operations=1)


async def test_expired_points_not_yet_swept_can_not_be_taken(org, wallet):
    # given 100 points that expired yesterday (not yet swept) and 50 live ones
    await backdate(await give(org, wallet.member.id, 100), now() - timedelta(days=1))
    await give(org, wallet.member.id, 50)
    # when
    with pytest.raises(DomainError) as caught:
        await adjust_points(org.actors["hq.admin"], AdjustRequest(wallet.member.id, -80, "录入错误", key()))
    # then
    assert (caught.value.code, caught.value.field) == (ErrorCode.INSUFFICIENT_POINTS, ["points"])
    assert await held(wallet.member.id) == [(100, 100), (50, 50)]
    assert await account_balance(wallet.member.id) == 150


async def test_a_replayed_key_returns_the_first_adjustment_and_moves_nothing(org, wallet):
    hq = org.actors["hq.admin"]
    request = AdjustRequest(wallet.member.id, 300, "活动补发", "same")

    first = await adjust_points(hq, request)
    second = await adjust_points(hq, request)

    assert (first.replayed, second.replayed) == (False, True)
    assert second.operation.id == first.operation.id
    assert await held(wallet.member.id) == [(300, 300)]
    await _nothing_changed(wallet.member.id, 300, operations=1)


async def test_the_same_key_with_different_points_is_a_conflict(org, wallet):
    hq = org.actors["hq.admin"]
    await adjust_points(hq, AdjustRequest(wallet.member.id, 300, "活动补发", "same"))

    with pytest.raises(DomainError) as caught:
        await adjust_points(hq, AdjustRequest(wallet.member.id, 30, "活动补发", "same"))

    assert (caught.value.code, caught.value.field) == (ErrorCode.IDEMPOTENCY_CONFLICT, ["idempotencyKey"])
    await _nothing_changed(wallet.member.id, 300, operations=1)


@pytest.mark.parametrize(
    ("points", "reason", "field", "message"),
    [
        (0, "x", "points", "An adjustment must change the points by at least 1."),
        (MAX_POINTS + 1, "x", "points", f"Points must be between 1 and {MAX_POINTS}."),
        (-MAX_POINTS - 1, "x", "points", f"Points must be between 1 and {MAX_POINTS}."),
        (10, "   ", "reason", "reason is required."),
        (10, "x" * 256, "reason", "reason must be at most 255 characters."),
    ],
    ids=["zero", "too-many", "too-many-negative", "no-reason", "long-reason"],
)
async def test_bad_adjustments_are_invalid_and_change_nothing(org, wallet, points, reason, field, message):
    with pytest.raises(DomainError) as caught:
        await adjust_points(org.actors["hq.admin"], AdjustRequest(wallet.member.id, points, reason, key()))

    assert (caught.value.code, caught.value.field, caught.value.message) == (ErrorCode.INVALID, [field], message)
    await _nothing_changed(wallet.member.id, 0, operations=0)


async def test_store_clerks_may_not_adjust_points(org, wallet):
    with pytest.raises(DomainError) as caught:
        await adjust_points(org.actors["sh001.clerk"], AdjustRequest(wallet.member.id, 100, "goodwill", key()))

    assert caught.value.code is ErrorCode.PERMISSION_DENIED
    await _nothing_changed(wallet.member.id, 0, operations=0)


async def test_a_granted_region_manager_adjusts_only_members_of_their_region(org, wallet):
    # given east.manager was granted ADJUST, and a member whose home store is in WEST
    hq = org.actors["hq.admin"]
    manager = actor_for(await update_staff(hq, org.staff["east.manager"].id, grants=["ADJUST"]))
    outsider = await create_member(hq, MemberDraft(name="西部会员", phone="13700009999", home_store_id=org.stores["CD001"].id))
    # when
    await adjust_points(manager, AdjustRequest(wallet.member.id, 10, "goodwill", key()))
    with pytest.raises(DomainError) as caught:
        await adjust_points(manager, AdjustRequest(outsider.id, 10, "goodwill", key()))
    # then
    assert (caught.value.code, caught.value.field) == (ErrorCode.PERMISSION_DENIED, ["memberId"])
    assert (await lots.balance(wallet.member.id), await lots.balance(outsider.id)) == (10, 0)


async def test_adjusting_an_unknown_member_is_not_found(org, wallet):
    with pytest.raises(DomainError) as caught:
        await adjust_points(org.actors["hq.admin"], AdjustRequest(wallet.member.id + 100, 10, "goodwill", key()))

    assert (caught.value.code, caught.value.field) == (ErrorCode.NOT_FOUND, ["memberId"])
    assert await Operation.all().count() == 0


async def test_an_adjustment_is_audited_with_the_balance_before_and_after(org, wallet):
    await give(org, wallet.member.id, 40)

    outcome = await adjust_points(org.actors["hq.admin"], AdjustRequest(wallet.member.id, -15, "录入错误", key()))

    entry = await AuditEntry.filter(action="points.adjust").order_by("-id").first()
    assert entry is not None
    assert (entry.actor_name, entry.target_type, entry.target_id) == ("hq.admin", "Member", str(wallet.member.id))
    assert entry.before == {"points": 40}
    assert entry.after == {"points": 25, "operation_id": outcome.operation.id, "reason": "录入错误"}
