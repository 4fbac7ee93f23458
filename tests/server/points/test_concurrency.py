"""Points under concurrency: many requests at once against one member end exactly where the
arithmetic of the successful ones says, never below zero, each key and each lot taking effect
once. On PostgreSQL they really run side by side (a pool of POOL connections); SQLite serializes
them, which must give the same totals."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable
from dataclasses import replace
from datetime import timedelta
from typing import TypeVar

import pytest

from server.config import Settings
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from server.coupon.models import Coupon, CouponKind
from server.coupon.services import TemplateDraft, create_template
from server.ledger.models import Operation
from server.member.services import MemberDraft, create_member
from server.points import lots
from server.points.expiry import expire_points
from server.points.models import PointsLot
from server.points.services import AdjustRequest, RedeemRequest, adjust_points, redeem_points
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, consume
from tests.conftest import ON_POSTGRES
from tests.server.points.conftest import account_balance, backdate, give, key
from tests.server.wallet.conftest import fund

POOL = 40
T = TypeVar("T")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """On PostgreSQL, a pool big enough that the calls really overlap (asyncpg's default is 5)."""
    if not ON_POSTGRES:
        return settings
    return replace(settings, database_url=f"{settings.database_url}?minsize=1&maxsize={POOL}")


async def _all(calls: list[Awaitable[T]]) -> tuple[list[T], Counter[ErrorCode]]:
    """Runs the calls at once: (successes, count of each domain error code)."""
    results = await asyncio.gather(*calls, return_exceptions=True)
    unexpected = [r for r in results if isinstance(r, BaseException) and not isinstance(r, DomainError)]
    if unexpected:
        raise unexpected[0]
    return [r for r in results if not isinstance(r, BaseException)], Counter(
        r.code for r in results if isinstance(r, DomainError)
    )


async def test_concurrent_redemptions_succeed_only_as_far_as_the_points_go(org, wallet):
    # given 1000 points in three lots
    for points in (300, 300, 400):
        await give(org, wallet.member.id, points)
    clerk = org.actors["sh001.clerk"]
    # when 30 redemptions of 100 points arrive at once
    done, failed = await _all(
        [redeem_points(clerk, RedeemRequest(wallet.member.id, 100, key(), gift="帆布袋")) for _ in range(30)]
    )
    # then
    assert (len(done), failed) == (10, Counter({ErrorCode.INSUFFICIENT_POINTS: 20}))
    assert (await account_balance(wallet.member.id), await lots.balance(wallet.member.id)) == (0, 0)
    assert await Operation.filter(kind="POINTS_REDEEM").count() == 10


async def test_one_key_sent_many_times_at_once_adjusts_once(org, wallet):
    hq = org.actors["hq.admin"]
    request = AdjustRequest(wallet.member.id, 250, "活动补发", "one-key")

    done, failed = await _all([adjust_points(hq, request) for _ in range(20)])

    assert (len(done), failed) == (20, Counter())
    assert len({outcome.operation.id for outcome in done}) == 1
    assert sorted(outcome.replayed for outcome in done) == [False] + [True] * 19
    assert await account_balance(wallet.member.id) == 250


async def test_one_coupon_redemption_sent_many_times_at_once_issues_one_coupon(org, wallet):
    await give(org, wallet.member.id, 1000)
    template = await create_template(
        org.actors["hq.admin"], TemplateDraft(name="赠饮券", kind=CouponKind.GIFT, value=0, valid_days=30, per_member_limit=5)
    )
    request = RedeemRequest(wallet.member.id, 150, "one-key", coupon_template_id=template.id)

    done, failed = await _all([redeem_points(org.actors["sh001.clerk"], request) for _ in range(15)])

    assert (len(done), failed) == (15, Counter())
    assert len({outcome.operation.id for outcome in done}) == 1
    assert await Coupon.filter(member_id=wallet.member.id).count() == 1
    assert await lots.balance(wallet.member.id) == 850


async def test_expiry_runners_racing_redemptions_expire_each_lot_once(org, wallet):
    # given five members, each with an expired lot of 100 and a live lot of 100
    hq = org.actors["hq.admin"]
    members = [
        await create_member(hq, MemberDraft(name=f"会员{i}", phone=f"1390000{i:04d}", home_store_id=org.stores["SH001"].id))
        for i in range(5)
    ]
    for member in members:
        await backdate(await give(org, member.id, 100), now() - timedelta(days=1))
        await give(org, member.id, 100)
    clerk = org.actors["sh001.clerk"]
    # when three runners and a redemption of 100 per member start at once
    runs = [expire_points() for _ in range(3)]
    redemptions = [redeem_points(clerk, RedeemRequest(m.id, 100, key(), gift="帆布袋")) for m in members]
    done, failed = await _all([*runs, *redemptions])
    # then each expired lot went once, and each member spent their live lot
    reports = done[:3]
    assert (sum(r.lots for r in reports), sum(r.points for r in reports), failed) == (5, 500, Counter())
    assert await Operation.filter(kind="POINTS_EXPIRE").count() == 5
    assert [await account_balance(m.id) for m in members] == [0] * 5


async def test_a_refund_racing_expiry_takes_back_or_expires_each_point_once(org, wallet):
    # given 100 live points, and a purchase of 100.00 that earned a lot of 100 points that has
    # since expired (a refund takes earned points back from that lot first)
    await give(org, wallet.member.id, 100)
    await fund(org, wallet, 10_000)
    clerk = org.actors["sh001.clerk"]
    _, paid = await consume(clerk, ConsumeRequest(card_no="C0001", amount=10_000, idempotency_key=key()))
    assert paid is not None
    earned = await backdate(paid, now() - timedelta(days=1))
    # when the whole purchase is refunded while expiry runs
    done, failed = await _all([expire_points(), refund(clerk, RefundRequest(paid.operation.id, key()))])
    # then the earned lot went once, by expiry or by the refund, and the refund took back 100
    report, refunded = done
    assert failed == Counter()
    assert refunded.operation.result["points_reversed"] == 100
    assert report.points in (0, 100)
    assert (await PointsLot.get(id=earned.id)).remaining == 0
    assert await account_balance(wallet.member.id) == 100 - report.points
