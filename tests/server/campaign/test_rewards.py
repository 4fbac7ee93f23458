"""Campaign rewards: points through the ledger and a coupon, once per delivery that was SENT —
never to the holdout, members without consent or capped ones — even when the send, the scan or a
second worker runs again; a template that runs out is a refusal kept on the reward, not a crash."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest

from server.campaign.fanout import bucket
from server.campaign.models import Campaign, CampaignReward
from server.campaign.rewards import grant_rewards
from server.campaign.services import SettingsDraft, set_campaign_settings
from server.campaign.triggers import TRIGGER_TASK
from server.channels.base import SendError
from server.coupon.models import Coupon, CouponKind, CouponTemplate
from server.coupon.services import TemplateDraft, create_template
from server.delivery.models import Delivery
from server.jobs.queue import enqueue
from server.ledger.models import Account, AccountCode, Operation
from server.ledger.verify import verify_ledger
from server.core.sql import sql
from tests.server.campaign.conftest import birthday_draft, launched

BORN_TODAY = date(1990, 1, 7)


@pytest.fixture
async def template(org: Any) -> CouponTemplate:
    return await create_template(org.actors["hq.admin"], TemplateDraft(name="生日券", kind=CouponKind.CASH_OFF, value=1_000, valid_days=30))


async def _points(member_id: int) -> int:
    account = await Account.get_or_none(member_id=member_id, code=AccountCode.MEMBER_POINTS)
    return int(account.balance or 0) if account else 0


async def _coupons(member_id: int) -> int:
    return await Coupon.filter(member_id=member_id).count()


async def test_sent_members_are_rewarded_once_and_the_holdout_and_unconsenting_get_nothing(
    org, register, log_channel, worker, template
) -> None:
    # given 30 members born today, one more without consent, and a 30 % holdout
    members = [await register(BORN_TODAY) for _ in range(30)]
    unwilling = await register(BORN_TODAY, consent=False)
    draft = birthday_draft(holdout=30)
    draft.points, draft.coupon_template_id = 200, template.id
    campaign = await launched(org, draft)
    held = {m.id for m in members if bucket(campaign.id, m.id) < 30}
    sent = {m.id for m in members} - held
    assert held and sent
    # when the worker runs, the scan runs again, and a second grant goes over the same deliveries
    await worker.drain()
    await enqueue(TRIGGER_TASK, "rerun", {})
    await worker.drain()
    assert await grant_rewards(campaign, worker.clock(), sql("1 = 1")) == 0
    # then each member sent to got the points and one coupon, once
    rewards = await CampaignReward.filter(campaign_id=campaign.id)
    assert sorted(r.member_id for r in rewards) == sorted(sent)
    assert all(r.points == 200 and r.coupon_code and r.refused == "" for r in rewards)
    assert {m: await _points(m) for m in sent} == {m: 200 for m in sent}
    assert {m: await _coupons(m) for m in sent} == {m: 1 for m in sent}
    # the holdout and the member without consent nothing
    for member_id in held | {unwilling.id}:
        assert (await _points(member_id), await _coupons(member_id)) == (0, 0)
    # the points are adjustments by nobody under the delivery's key, and the ledger balances
    operations = await Operation.filter(idempotency_key__startswith=f"reward:campaign:{campaign.id}:")
    assert len(operations) == len(sent) and all(o.staff_id is None for o in operations)
    assert await verify_ledger() == []


async def test_capped_members_get_no_reward(org, register, log_channel, worker, template) -> None:
    # given a cap of one campaign message a week, already used by another campaign
    await set_campaign_settings(org.actors["hq.admin"], SettingsDraft(cap_messages=1, cap_days=7, quiet_start_hour=0, quiet_end_hour=0))
    member = await register(BORN_TODAY)
    await launched(org, birthday_draft("生日礼"))
    draft = birthday_draft("生日积分")
    draft.points = 50
    rewarding = await launched(org, draft)
    # when
    await worker.drain()
    # then the rewarding campaign was capped and gave nothing
    assert [(d.status.value, d.reason) for d in await Delivery.filter(source=f"campaign:{rewarding.id}")] == [("SKIPPED", "CAP")]
    assert await CampaignReward.filter(campaign_id=rewarding.id).count() == 0
    assert await _points(member.id) == 0


async def test_coupons_running_out_are_refused_on_the_reward_and_the_points_still_given(
    org, register, log_channel, worker
) -> None:
    # given a template with two coupons left and three members to reward
    hq = org.actors["hq.admin"]
    scarce = await create_template(hq, TemplateDraft(name="限量券", kind=CouponKind.GIFT, value=0, valid_days=30, quantity=2))
    members = [await register(BORN_TODAY) for _ in range(3)]
    draft = birthday_draft()
    draft.points, draft.coupon_template_id = 10, scarce.id
    campaign = await launched(org, draft)
    # when
    await worker.drain()
    # then two got a coupon, the third a refusal saying why, and all three their points
    rewards = await CampaignReward.filter(campaign_id=campaign.id).order_by("member_id")
    assert [r.member_id for r in rewards] == [m.id for m in members]
    assert sum(1 for r in rewards if r.coupon_code) == 2
    (refused,) = [r for r in rewards if not r.coupon_code]
    assert "Not enough coupons remain" in refused.refused
    assert [r.points for r in rewards] == [10, 10, 10]
    assert (await CouponTemplate.get(id=scarce.id)).issued_count == 2
    assert await verify_ledger() == []


async def test_a_message_sent_by_a_retry_is_rewarded_by_the_next_scan(org, register, log_channel, worker, clock) -> None:
    # given a member whose message the channel first refuses for now
    member = await register(BORN_TODAY)
    log_channel.errors.append(SendError("busy", retryable=True))
    draft = birthday_draft()
    draft.points = 30
    campaign = await launched(org, draft)
    await worker.drain()
    assert await _points(member.id) == 0
    # when the retry sends it and the scan runs
    clock.advance(minutes=5)
    await worker.drain()
    assert [d.status.value for d in await Delivery.filter(source=f"campaign:{campaign.id}")] == ["SENT"]
    await enqueue(TRIGGER_TASK, "scan", {})
    await worker.drain()
    # then the member has the reward, once
    assert await _points(member.id) == 30
    assert await CampaignReward.filter(campaign_id=campaign.id).count() == 1
    assert await verify_ledger() == []


async def test_two_workers_racing_over_the_same_deliveries_reward_each_once(org, register, log_channel, worker, template) -> None:
    # given sent deliveries of a campaign whose rewards were set after they went out
    members = [await register(BORN_TODAY) for _ in range(5)]
    campaign = await launched(org, birthday_draft())
    await worker.drain()
    await Campaign.filter(id=campaign.id).update(points=40, coupon_template_id=template.id)
    campaign = await Campaign.get(id=campaign.id)
    # when two grants race over them
    results = await asyncio.gather(*(grant_rewards(campaign, worker.clock(), sql("1 = 1")) for _ in range(2)))
    # then between them they rewarded each member once
    assert sum(results) == 5
    assert {m.id: (await _points(m.id), await _coupons(m.id)) for m in members} == {m.id: (40, 1) for m in members}
    assert await verify_ledger() == []


async def test_a_message_the_channel_refused_for_good_earns_no_reward(org, register, log_channel, worker) -> None:
    # given a member whose message the channel refuses for good
    member = await register(BORN_TODAY)
    log_channel.errors.append(SendError("invalid number", retryable=False))
    draft = birthday_draft()
    draft.points = 30
    campaign = await launched(org, draft)
    # when the worker and a later scan run
    await worker.drain()
    await enqueue(TRIGGER_TASK, "scan", {})
    await worker.drain()
    # then the delivery failed and no reward was granted
    assert [(d.status.value, d.reason) for d in await Delivery.filter(source=f"campaign:{campaign.id}")] == [("FAILED", "invalid number")]
    assert await CampaignReward.filter(campaign_id=campaign.id).count() == 0
    assert await _points(member.id) == 0
