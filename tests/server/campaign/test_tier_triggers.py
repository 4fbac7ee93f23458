"""Tier campaigns: TIER_UPGRADE reaches a member right after their upgrade, once per change;
TIER_ABOUT_TO_DOWNGRADE reaches exactly the members the retention review within `trigger_days`
would move down — the same members the review then downgrades — once per period.

These run the worker's clock at the real time: the ledger stamps operations with it, and the
retention periods count them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from server.campaign.models import CampaignKind, Trigger
from server.campaign.services import CampaignDraft, SettingsDraft, Variant, set_campaign_settings
from server.campaign.triggers import TRIGGER_TASK
from server.core.clock import now
from server.delivery.models import Delivery
from server.jobs.models import Job
from server.jobs.queue import enqueue
from server.member.models import Member
from server.tier.evaluation import review_due
from server.tier.manual import set_member_tier
from server.tier.models import TierChange, TierStatus
from server.tier.windows import next_review
from tests.server.campaign.conftest import launched
from tests.server.tier.conftest import Ladder, history, ladder, pay  # noqa: F401 - shared fixture
from tests.server.wallet.conftest import Wallet, fund, ledger_stays_sound, wallet  # noqa: F401 - shared fixtures


@pytest.fixture(autouse=True)
async def real_time(org: Any, clock: Any) -> None:
    """The worker at the real time, and no quiet hours (the real time may fall in them)."""
    clock.at = now() + timedelta(minutes=10)
    await set_campaign_settings(org.actors["hq.admin"], SettingsDraft(quiet_start_hour=0, quiet_end_hour=0))


def _draft(trigger: Trigger, days: int = 0) -> CampaignDraft:
    return CampaignDraft(
        name=trigger.value, kind=CampaignKind.TRIGGERED, trigger=trigger, trigger_days=days, variants=[Variant("A", 100, "{name}：{tier}")]
    )


async def _reached(campaign_id: int) -> list[tuple[int, str]]:
    rows = await Delivery.filter(source=f"campaign:{campaign_id}").order_by("id")
    return [(d.member_id, d.status.value) for d in rows]


async def _in_tier(member: Member, tier_id: int, review_at: datetime | None = None, **status: Any) -> int:
    await Member.filter(id=member.id).update(tier_id=tier_id)
    if review_at is not None:
        await TierStatus.create(member_id=member.id, since=review_at - timedelta(days=365), review_at=review_at, **status)
    return member.id


async def test_an_upgraded_member_is_reached_right_after_the_upgrade_and_once(org, ladder, wallet, register, log_channel, worker) -> None:
    # given a tier-upgrade campaign, the wallet member (consenting) and another member
    await Member.filter(id=wallet.member.id).update(marketing_consent=True)
    bystander = await register()
    campaign = await launched(org, _draft(Trigger.TIER_UPGRADE))
    await fund(org, wallet, 2_000_000)
    # when the member's consume earns 银卡 and the worker runs (twice, with a scan between)
    await pay(org, 1_000_000)
    await worker.drain()
    await enqueue(TRIGGER_TASK, "scan", {})
    await worker.drain()
    # then the upgrade queued the campaign for the member, who got one message naming the new tier
    change = await TierChange.get(member_id=wallet.member.id)
    assert await Job.exists(key=f"campaign:tier-upgrade:{change.id}")
    assert await _reached(campaign.id) == [(wallet.member.id, "SENT")]
    assert [m.body for m in log_channel.sent if m.purpose == "CAMPAIGN"] == [f"{wallet.member.name}：银卡"]
    delivery = await Delivery.get(source=f"campaign:{campaign.id}")
    assert delivery.key == f"campaign:{campaign.id}:upgrade:{change.id}:{wallet.member.id}"
    assert bystander.id not in {m.member_id for m in log_channel.sent}


async def test_about_to_downgrade_reaches_exactly_those_the_rolling_review_would_move_down(
    org, ladder, wallet, register, log_channel, worker, clock
) -> None:
    # given 银卡 holders (kept with 5,000.00 spent in their 365-day period) reviewed in 5 days
    at = clock.at
    soon, later = at + timedelta(days=5), at + timedelta(days=20)
    idle = [await _in_tier(await register(), ladder.silver.id, soon) for _ in range(2)]
    spender = await _in_tier(wallet.member, ladder.silver.id, soon)
    await Member.filter(id=spender).update(marketing_consent=True)
    await fund(org, wallet, 700_000)
    await pay(org, 600_000)  # 5,700.00 after the 95 % price
    floored = await _in_tier(await register(), ladder.silver.id, soon, floor_tier_id=ladder.silver.id)
    not_yet = await _in_tier(await register(), ladder.silver.id, later)
    entry = await _in_tier(await register(), ladder.basic.id)
    campaign = await launched(org, _draft(Trigger.TIER_ABOUT_TO_DOWNGRADE, days=10))
    # when the scan runs, and again
    await worker.drain()
    await enqueue(TRIGGER_TASK, "rerun", {})
    await worker.drain()
    # then only the idle holders were reached, once each
    assert sorted(await _reached(campaign.id)) == sorted((m, "SENT") for m in idle)
    assert {spender, floored, not_yet, entry}.isdisjoint({m.member_id for m in log_channel.sent if m.purpose == "CAMPAIGN"})
    # and they are exactly the members the review at the end of the horizon downgrades
    await review_due(at + timedelta(days=10))
    downgraded = [m for m in (*idle, spender, floored, not_yet, entry) if ("银卡", "普通", "DOWNGRADE") in await history(m)]
    assert downgraded == idle


async def test_about_to_downgrade_counts_the_calendar_period_and_reaches_once_per_period(
    org, ladder, wallet, register, log_channel, worker, clock
) -> None:
    # given 金卡 holders (kept with one visit in the calendar month), reviewed at the month's end
    at = clock.at
    month_end = next_review(ladder.gold, at)
    idle = await _in_tier(await register(), ladder.gold.id, month_end)
    visitor = await _in_tier(wallet.member, ladder.gold.id, month_end)
    await Member.filter(id=visitor).update(marketing_consent=True)
    await fund(org, wallet, 10_000)
    await pay(org, 100)
    campaign = await launched(org, _draft(Trigger.TIER_ABOUT_TO_DOWNGRADE, days=(month_end - at).days + 1))
    # when
    await worker.drain()
    # then the member without a visit this month is warned, the visitor not
    assert await _reached(campaign.id) == [(idle, "SENT")]
    # and when the review keeps them a period longer (a floor, say) the next period warns again, once
    next_end = next_review(ladder.gold, month_end)
    await TierStatus.filter(member_id=idle).update(review_at=next_end)
    clock.at = next_end - timedelta(days=2)
    await enqueue(TRIGGER_TASK, "next-period", {})
    await enqueue(TRIGGER_TASK, "next-period-again", {})
    await worker.drain()
    keys = sorted(d.key for d in await Delivery.filter(source=f"campaign:{campaign.id}"))
    assert len(keys) == 2 and keys[0] != keys[1]
    assert all(k.endswith(f":{idle}") for k in keys)


async def test_a_manual_tier_change_is_not_an_upgrade_campaigns_react_to(org, ladder, wallet, log_channel, worker) -> None:
    # given a tier-upgrade campaign and a consenting member HQ moves up by hand
    await Member.filter(id=wallet.member.id).update(marketing_consent=True)
    campaign = await launched(org, _draft(Trigger.TIER_UPGRADE))
    await set_member_tier(org.actors["hq.admin"], wallet.member.id, ladder.gold.id, "VIP 客户")
    # when the worker and the scan run
    await enqueue(TRIGGER_TASK, "scan", {})
    await worker.drain()
    # then nobody was reached
    assert await _reached(campaign.id) == []
