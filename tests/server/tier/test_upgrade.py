"""Upgrades right after the qualifying consume commits (through the job it queues), with the
gift package once."""

from __future__ import annotations

import asyncio

import pytest

from server.core.errors import DomainError
from server.coupon.models import Coupon, CouponKind
from server.coupon.services import TemplateDraft, create_template
from server.jobs.models import Job
from server.ledger.models import Operation, OperationKind
from server.tier.evaluation import upgrade_after
from server.tier.models import TierChange
from server.tier.rules import ConditionsDraft, RulesDraft, set_tier_rules
from server.wallet.refunds import RefundRequest, refund
from tests.server.points.conftest import account_balance
from tests.server.tier.conftest import history, pay, tier_of
from tests.server.wallet.conftest import fund, key


async def test_one_fen_short_stays_and_the_consume_that_reaches_the_threshold_upgrades(org, ladder, wallet, worker):
    await fund(org, wallet, 2_000_000)
    member = wallet.member.id

    await pay(org, 999_999)
    await worker.drain()
    stayed = await tier_of(member)
    operation = await pay(org, 1)
    queued = await Job.get(key=f"tier:upgrade:{operation}")
    await worker.drain()

    assert stayed == "普通"
    assert queued.payload == {"member_id": member, "operation_id": operation}
    assert await tier_of(member) == "银卡"
    assert await history(member) == [("普通", "银卡", "UPGRADE")]
    change = await TierChange.get(member_id=member)
    assert change.operation_id == operation
    assert change.detail.startswith("Spent 10000.00 in 2 visits")


async def test_a_refund_counts_against_spend(org, ladder, wallet, worker):
    await fund(org, wallet, 2_000_000)
    first = await pay(org, 600_000)
    await refund(org.actors["sh001.clerk"], RefundRequest(operation_id=first, idempotency_key=key(), amount=100_000))
    await pay(org, 400_000)
    await worker.drain()

    assert await tier_of(wallet.member.id) == "普通"


async def test_the_gift_package_is_granted_once_even_when_the_evaluation_runs_twice(org, ladder, wallet, worker):
    hq = org.actors["hq.admin"]
    template = await create_template(hq, TemplateDraft(name="升级礼券", kind=CouponKind.CASH_OFF, value=1000, valid_days=30))
    await set_tier_rules(
        hq,
        ladder.silver.id,
        RulesDraft(upgrade=ConditionsDraft(spend=1_000_000), gift_coupon_template_ids=[template.id], gift_points=500),
    )
    await fund(org, wallet, 2_000_000)
    member = wallet.member.id
    before = await account_balance(member)
    operation = await pay(org, 1_000_000)
    earned = await account_balance(member) - before

    await worker.drain()
    again = await upgrade_after(member, operation)

    assert again is None
    assert await history(member) == [("普通", "银卡", "UPGRADE")]
    assert await Coupon.filter(member_id=member, template_id=template.id).count() == 1
    assert await account_balance(member) == before + earned + 500
    change = await TierChange.get(member_id=member)
    assert change.gift["points"] == 500
    assert len(change.gift["coupon_codes"]) == 1


async def test_a_member_can_jump_straight_to_the_highest_tier_met(org, ladder, wallet, worker):
    await fund(org, wallet, 3_000_000)
    for amount in (400_000, 400_000, 400_000):
        await pay(org, amount)
    await worker.drain()

    assert await tier_of(wallet.member.id) == "金卡"
    assert await history(wallet.member.id) == [("普通", "金卡", "UPGRADE")]


async def test_a_refused_consume_queues_no_upgrade_check(org, ladder, wallet):
    await fund(org, wallet, 100)
    with pytest.raises(DomainError) as refused:
        await pay(org, 1_000_000)

    assert refused.value.code.value == "INSUFFICIENT_BALANCE"

    assert await Job.filter(task="tier.upgrade").count() == 0


async def test_two_evaluations_racing_for_one_member_upgrade_and_gift_once(org, ladder, wallet):
    await set_tier_rules(org.actors["hq.admin"], ladder.silver.id, RulesDraft(upgrade=ConditionsDraft(spend=1_000_000), gift_points=500))
    await fund(org, wallet, 2_000_000)
    operation = await pay(org, 1_000_000)

    results = await asyncio.gather(upgrade_after(wallet.member.id, operation), upgrade_after(wallet.member.id, operation))

    assert sorted(r is None for r in results) == [False, True]
    assert await history(wallet.member.id) == [("普通", "银卡", "UPGRADE")]
    assert await TierChange.filter(member_id=wallet.member.id).count() == 1
    gifts = await TierChange.filter(member_id=wallet.member.id).values_list("gift", flat=True)
    assert [g["points"] for g in gifts] == [500]
    assert await Operation.filter(kind=OperationKind.POINTS_ADJUST, member_id=wallet.member.id).count() == 1
