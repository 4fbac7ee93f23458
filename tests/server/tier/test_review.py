"""Period-end retention reviews, manual floors and their expiry."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.core.clock import now
from server.core.errors import DomainError
from server.member.models import Member
from server.tier.evaluation import review_due
from server.tier.manual import set_member_tier
from server.tier.models import Downgrade, Match, TierStatus, TierWindow
from server.tier.rules import ConditionsDraft, RulesDraft, set_tier_rules
from tests.server.tier.conftest import history, pay, tier_of
from tests.server.wallet.conftest import fund


async def _status(member_id: int) -> TierStatus:
    return await TierStatus.get(member_id=member_id)


async def test_a_failed_retention_downgrades_one_level_at_period_end_and_a_rerun_changes_nothing(org, ladder, wallet):
    member = wallet.member.id
    await Member.filter(id=member).update(tier_id=ladder.gold.id)
    assert await review_due() == 0
    period_end = (await _status(member)).review_at
    assert period_end is not None

    before_end = await review_due(period_end - timedelta(seconds=1))
    at_end = await review_due(period_end)
    rerun = await review_due(period_end)

    assert (before_end, at_end, rerun) == (0, 1, 0)
    assert await tier_of(member) == "银卡"
    assert await history(member) == [("金卡", "银卡", "DOWNGRADE")]
    assert (await _status(member)).review_at == period_end + timedelta(days=365)


async def test_a_member_who_kept_the_conditions_keeps_the_tier_for_another_period(org, ladder, wallet):
    member = wallet.member.id
    await Member.filter(id=member).update(tier_id=ladder.gold.id)
    await review_due()
    await fund(org, wallet, 10_000)
    await pay(org, 100)
    period_end = (await _status(member)).review_at
    assert period_end is not None

    assert await review_due(period_end) == 0
    assert await tier_of(member) == "金卡"
    assert (await _status(member)).review_at > period_end


async def test_a_qualified_downgrade_goes_to_the_highest_lower_tier_the_period_retains(org, ladder, wallet):
    hq = org.actors["hq.admin"]
    await set_tier_rules(
        hq,
        ladder.gold.id,
        RulesDraft(TierWindow.MONTH, upgrade=ConditionsDraft(Match.ALL, visits=3), retention=ConditionsDraft(visits=2), downgrade=Downgrade.QUALIFIED),
    )
    member = wallet.member.id
    await Member.filter(id=member).update(tier_id=ladder.gold.id)
    await review_due()
    period_end = (await _status(member)).review_at
    assert period_end is not None

    await review_due(period_end)

    assert await history(member) == [("金卡", "普通", "DOWNGRADE")]


async def test_a_manual_tier_is_a_floor_until_it_expires(org, ladder, wallet):
    hq = org.actors["hq.admin"]
    member = wallet.member.id
    until = now() + timedelta(days=70)

    await set_member_tier(hq, member, ladder.gold.id, "VIP 客户", until)
    first_end = (await _status(member)).review_at
    assert first_end is not None and first_end < until
    held = await review_due(first_end)
    kept_tier = await tier_of(member)
    after_expiry = await review_due(until)

    assert (held, kept_tier, after_expiry) == (0, "金卡", 1)
    assert await tier_of(member) == "普通"
    assert await history(member) == [("普通", "金卡", "MANUAL"), ("金卡", "普通", "EXPIRY")]
    status = await _status(member)
    assert (status.floor_tier_id, status.floor_until, status.floor_reason) == (None, None, "")


async def test_a_manual_tier_without_expiry_is_never_reviewed_away(org, ladder, wallet):
    member = wallet.member.id
    await set_member_tier(org.actors["hq.admin"], member, ladder.gold.id, "Founder")
    far = now() + timedelta(days=3000)

    assert await review_due(far) == 0
    assert await tier_of(member) == "金卡"


async def test_only_hq_sets_tiers_by_hand_and_refusals_change_nothing(org, ladder, wallet):
    member = wallet.member.id
    for name in ("east.manager", "sh001.clerk"):
        with pytest.raises(DomainError) as refused:
            await set_member_tier(org.actors[name], member, ladder.gold.id, "friend")
        assert refused.value.code.value == "PERMISSION_DENIED"
    with pytest.raises(DomainError) as blank:
        await set_member_tier(org.actors["hq.admin"], member, ladder.gold.id, "  ")
    with pytest.raises(DomainError) as past:
        await set_member_tier(org.actors["hq.admin"], member, ladder.gold.id, "x", now() - timedelta(days=1))

    assert (blank.value.field, past.value.field) == (["reason"], ["until"])
    assert await tier_of(member) == "普通"
    assert await history(member) == []
