from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Operation, Transfer
from server.points import lots
from server.points.expiry import ExpiryReport, expire_points
from server.points.models import PointsLot
from server.points.services import AdjustRequest, adjust_points
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, consume
from tests.server.points.conftest import account_balance, backdate, give, held, key
from tests.server.wallet.conftest import fund


async def _lots_due(org, member_id: int) -> list[PointsLot]:
    """Four lots: 100 that expired yesterday; 80 that were all taken and then expired two days
    ago; 60 of which 30 were taken before they expired two days ago; 40 live for another year."""
    yesterday, two_days_ago = now() - timedelta(days=1), now() - timedelta(days=2)
    whole = await backdate(await give(org, member_id, 100), yesterday)
    spent = await give(org, member_id, 80)
    partly = await give(org, member_id, 60)
    await adjust_points(org.actors["hq.admin"], AdjustRequest(member_id, -110, "录入错误", key()))
    spent_lot = await backdate(spent, two_days_ago)
    partly_lot = await backdate(partly, two_days_ago)
    live = await PointsLot.get(operation_id=(await give(org, member_id, 40, expiry_months=12)).operation.id)
    return [whole, spent_lot, partly_lot, live]


async def test_expiry_empties_each_lot_past_its_date_as_its_own_operation(org, wallet):
    # given
    whole, _, partly, _ = await _lots_due(org, wallet.member.id)
    assert await held(wallet.member.id) == [(100, 100), (80, 0), (60, 30), (40, 40)]
    # when
    report = await expire_points()
    # then
    assert report == ExpiryReport(lots=2, points=130)
    assert await held(wallet.member.id) == [(100, 0), (80, 0), (60, 0), (40, 40)]
    operations = await Operation.filter(kind="POINTS_EXPIRE").order_by("id")
    assert [(o.idempotency_key, o.amount, o.member_id, o.staff_id) for o in operations] == [
        (f"points-expire:lot:{whole.id}", 100, wallet.member.id, None),
        (f"points-expire:lot:{partly.id}", 30, wallet.member.id, None),
    ]
    assert operations[0].result == {"lot_id": whole.id, "points": 100, "expires_at": whole.expires_at.isoformat()}
    transfers = await Transfer.filter(operation_id__in=[o.id for o in operations]).select_related("debit", "credit")
    assert sorted((t.code, t.amount, t.debit.key, t.credit.key) for t in transfers) == [
        ("POINTS_EXPIRE", 30, f"MEMBER_POINTS:member:{wallet.member.id}", "POINTS_ISSUED:hq"),
        ("POINTS_EXPIRE", 100, f"MEMBER_POINTS:member:{wallet.member.id}", "POINTS_ISSUED:hq"),
    ]
    assert (await account_balance(wallet.member.id), await lots.balance(wallet.member.id)) == (40, 40)


async def test_running_expiry_twice_expires_nothing_the_second_time(org, wallet):
    await _lots_due(org, wallet.member.id)
    await expire_points()

    again = await expire_points()

    assert again == ExpiryReport(lots=0, points=0)
    assert await Operation.filter(kind="POINTS_EXPIRE").count() == 2
    assert await account_balance(wallet.member.id) == 40


async def test_two_runners_at_once_expire_each_lot_once(org, wallet):
    await _lots_due(org, wallet.member.id)

    first, second = await asyncio.gather(expire_points(), expire_points())

    assert (first.lots + second.lots, first.points + second.points) == (2, 130)
    assert await Operation.filter(kind="POINTS_EXPIRE").count() == 2
    assert await held(wallet.member.id) == [(100, 0), (80, 0), (60, 0), (40, 40)]
    assert await account_balance(wallet.member.id) == 40


async def test_expiry_as_of_an_earlier_time_leaves_lots_due_after_it(org, wallet):
    # given lots that expired yesterday and two days ago
    whole, _, partly, _ = await _lots_due(org, wallet.member.id)
    # when expiring as of 36 hours ago
    report = await expire_points(now() - timedelta(hours=36))
    # then only the lot that expired two days ago went
    assert report == ExpiryReport(lots=1, points=30)
    assert [(lot.id, lot.remaining) for lot in await PointsLot.filter(id__in=[whole.id, partly.id]).order_by("id")] == [
        (whole.id, 100),
        (partly.id, 0),
    ]


async def test_points_that_never_expire_stay(org, wallet):
    await give(org, wallet.member.id, 70, expiry_months=0)

    report = await expire_points()

    assert report == ExpiryReport(lots=0, points=0)
    assert await held(wallet.member.id) == [(70, 70)]


async def test_expiring_ahead_of_time_is_refused_and_changes_nothing(org, wallet):
    await _lots_due(org, wallet.member.id)

    with pytest.raises(DomainError) as caught:
        await expire_points(now() + timedelta(minutes=5))

    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["at"])
    assert await Operation.filter(kind="POINTS_EXPIRE").count() == 0
    assert await account_balance(wallet.member.id) == 170


async def test_points_a_refund_took_back_from_an_expired_lot_are_not_expired_again(org, wallet):
    # given 100 live points, and a purchase of 100.00 that earned a lot of 100 points that has
    # since expired, of which a refund of 30.00 took 30 back (from that lot) before the sweep
    await give(org, wallet.member.id, 100)
    await fund(org, wallet, 10_000)
    clerk = org.actors["sh001.clerk"]
    _, paid = await consume(clerk, ConsumeRequest(card_no="C0001", amount=10_000, idempotency_key=key()))
    assert paid is not None
    earned = await backdate(paid, now() - timedelta(days=1))
    await refund(clerk, RefundRequest(paid.operation.id, key(), amount=3_000))
    assert (await PointsLot.get(id=earned.id)).remaining == 70
    # when
    report = await expire_points()
    # then
    assert report == ExpiryReport(lots=1, points=70)
    assert await held(wallet.member.id) == [(100, 100), (100, 0)]
    assert await account_balance(wallet.member.id) == 100
