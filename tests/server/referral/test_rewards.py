"""Referral rewards: when a referred member's first consume commits, both sides receive HQ's
terms exactly once — not again for a later consume, a rerun of the job or a second worker — and
nothing for a quote or a consume refunded in full. Members without a referrer queue nothing."""

from __future__ import annotations

from server.card.models import CardType
from server.card.services import IssueRequest, issue_card
from server.coupon.models import Coupon
from server.jobs.models import Job
from server.jobs.queue import enqueue
from server.ledger.models import Operation, OperationKind
from server.member.services import MemberDraft, create_member
from server.points.models import PointsLot
from server.referral import rewards
from server.referral.models import ReferralReward
from server.referral.outbox import REWARD_TASK
from server.wallet.pricing import Payment
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, consume
from tests.server.wallet.conftest import key


async def _consume(org, amount: int = 10_000, **kwargs):
    request = ConsumeRequest(card_no="R0001", amount=amount, idempotency_key=key(), **kwargs)
    return await consume(org.actors["sh001.clerk"], request)


async def _awarded(member_id: int) -> list[int]:
    return [op.amount for op in await Operation.filter(member_id=member_id, kind=OperationKind.POINTS_ADJUST, staff_id=None)]


async def _coupons(member_id: int) -> int:
    return await Coupon.filter(member_id=member_id).count()


async def test_the_first_consume_rewards_both_sides_once_even_after_another_consume(org, referral, worker) -> None:
    # when the referred member buys twice before and after the worker runs
    _, first = await _consume(org)
    await worker.drain()
    await _consume(org)
    await worker.drain()
    # then each side got its points and coupon once
    assert await _awarded(referral.referrer.id) == [200]
    assert await _awarded(referral.referee.id) == [100]
    assert (await _coupons(referral.referrer.id), await _coupons(referral.referee.id)) == (1, 1)
    reward = await ReferralReward.get(referee_id=referral.referee.id)
    assert (reward.referrer_id, reward.operation_id) == (referral.referrer.id, first.operation.id)
    assert sum(lot.amount for lot in await PointsLot.filter(member_id=referral.referrer.id)) == 200
    # and the second consume queued no reward job: the member was rewarded by then
    assert await Job.filter(task=REWARD_TASK).count() == 1


async def test_the_job_run_twice_or_by_two_workers_rewards_once(org, referral, worker) -> None:
    # given two consumes committed before any worker ran, and a rerun of the first's job
    _, first = await _consume(org)
    await _consume(org)
    await enqueue(REWARD_TASK, "referral:rerun", {"operation_id": first.operation.id})
    # when
    await worker.drain()
    # then
    assert await Job.filter(task=REWARD_TASK, state="SUCCEEDED").count() == 3
    assert (await _awarded(referral.referrer.id), await _awarded(referral.referee.id)) == ([200], [100])
    assert (await _coupons(referral.referrer.id), await _coupons(referral.referee.id)) == (1, 1)


async def test_a_quote_or_a_consume_refunded_in_full_rewards_nobody(org, referral, worker) -> None:
    # given a quote, and a purchase refunded before the worker ran
    await _consume(org, dry_run=True)
    _, bought = await _consume(org)
    await refund(org.actors["sh001.clerk"], RefundRequest(operation_id=bought.operation.id, idempotency_key=key()))
    # when
    await worker.drain()
    # then
    assert await ReferralReward.all().count() == 0
    assert (await _awarded(referral.referrer.id), await _coupons(referral.referrer.id)) == ([], 0)
    # and the next purchase that stands is the one rewarded
    _, kept = await _consume(org)
    await worker.drain()
    assert (await ReferralReward.get(referee_id=referral.referee.id)).operation_id == kept.operation.id


async def test_members_without_a_referrer_queue_no_reward_job(org, referral, worker) -> None:
    # given the referrer (referred by nobody) with a card of their own
    clerk = org.actors["sh001.clerk"]
    card_type = await CardType.get(code="STD")
    await issue_card(clerk, IssueRequest(member_id=referral.referrer.id, card_type_id=card_type.id, card_no="R0002"))
    # when they pay (externally: nothing on the card)
    await consume(clerk, ConsumeRequest(card_no="R0002", amount=1_000, idempotency_key=key(), payment=Payment.EXTERNAL))
    # then
    assert await Job.filter(task=REWARD_TASK).count() == 0


async def test_success_hooks_hear_of_each_paid_referral_once(org, referral, worker) -> None:
    # given
    heard: list[rewards.ReferralSuccess] = []

    async def listen(success: rewards.ReferralSuccess) -> None:
        heard.append(success)

    rewards.on_success(listen)
    try:
        # when
        _, first = await _consume(org)
        await _consume(org)
        await worker.drain()
    finally:
        rewards._handlers.remove(listen)
    # then
    assert [(s.referee_id, s.referrer_id, s.operation_id) for s in heard] == [
        (referral.referee.id, referral.referrer.id, first.operation.id)
    ]


async def test_registration_without_a_code_links_nobody(org) -> None:
    member = await create_member(org.actors["sh001.clerk"], MemberDraft(name="散客", phone="13900005555"))
    assert member.referrer_id is None
