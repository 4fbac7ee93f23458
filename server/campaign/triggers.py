"""Which members a campaign reaches now, and the scheduled run that reaches them.

Each occasion is a condition on `member m` and an `occurrence` that names what is celebrated —
the year for a birthday, the visit count a lapse began at — so a member is reached once per
occurrence however often the scan runs:

    ONE_SHOT          once                       the audience at the scheduled time
    WELCOME           welcome                    registered since the launch
    BIRTHDAY          <year>                     birthday today (Feb 29: on Feb 28 in other years)
    ANNIVERSARY       <year>                     anniversary today
    INACTIVITY        lapse:<visits>             no purchase for `trigger_days` days
    POINTS_EXPIRING   expiring:<first lot>       points expiring within `trigger_days` days
    REFERRAL_SUCCESS  referee:<member>           a member they referred earned the rewards
    TIER_UPGRADE      upgrade:<tier change>      the member earned a higher tier (cause UPGRADE;
                                                 a bought or manual tier is not an upgrade here)
    TIER_ABOUT_TO_DOWNGRADE  review:<period end, UTC>  their retention review within
                                                 `trigger_days` would move them down
                                                 (`server.tier.forecast`)

The audience is the campaign's segment (compiled by `server.segment`) or, without one, the
owner's active members. `campaign.trigger` runs every SCAN, right after a paid referral, and
right after an upgrade (for that member: the TierChange's insert queues it on the upgrade's own
transaction). The scan also grants the rewards of messages a retry sent since (`rewards`).
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from collections.abc import Iterable

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.signals import post_save

from server.access.policy import OrgScope
from server.campaign.fanout import Candidates, fan_out
from server.campaign.models import Campaign, CampaignKind, CampaignSettings, CampaignStatus, Trigger
from server.campaign.rewards import grant_recent_rewards
from server.core.clock import BUSINESS_TZ
from server.jobs.queue import enqueue
from server.jobs.registry import JobContext, Task
from server.member.models import MemberStatus
from server.referral.rewards import ReferralSuccess, on_success
from server.segment.compiler import compile_rule, scope_rules
from server.segment.models import Segment
from server.segment.services import segment_members
from server.core.sql import Sql, current_dialect, sql
from server.tier.evaluation import ladder
from server.tier.forecast import falling
from server.tier.models import TierChange, TierChangeCause

TRIGGER_TASK = "campaign.trigger"
SCAN = timedelta(minutes=15)


async def audience(campaign: Campaign, at: datetime) -> Sql:
    """The condition on `member m` for the members the campaign may reach."""
    if campaign.segment_id is not None:
        return segment_members(await Segment.get(id=campaign.segment_id), at).where
    owner = scope_rules(OrgScope(region_id=campaign.region_id, store_id=campaign.store_id))
    return compile_rule(owner[0], at=at).where if owner else sql("m.status = ?", MemberStatus.ACTIVE.value)


def _month_day(column: str) -> str:
    if current_dialect() == "postgres":
        return f"CAST(to_char({column}, 'MMDD') AS INTEGER)"
    return f"CAST(strftime('%m%d', {column}) AS INTEGER)"


def _celebrated_today(column: str, at: datetime) -> Sql:
    today = at.astimezone(BUSINESS_TZ).date()
    days = [today.month * 100 + today.day]
    if (today.month, today.day) == (2, 28) and not calendar.isleap(today.year):
        days.append(229)
    return sql(f"{column} IS NOT NULL AND {_month_day(column)} IN ({', '.join('?' for _ in days)})", *days)


def _review_stamp() -> Sql:
    """The end of the member's retention period, in UTC, as text: names the period."""
    if current_dialect() == "postgres":
        return sql("'review:' || to_char(ts.review_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS')")
    return sql("'review:' || strftime('%Y%m%d%H%M%S', ts.review_at)")


async def _occasion(campaign: Campaign, at: datetime) -> tuple[Sql, Sql, Sql]:
    """(occurrence expression, extra joins, condition) for the campaign's occasion."""
    year = str(at.astimezone(BUSINESS_TZ).year)
    if campaign.kind == CampaignKind.ONE_SHOT:
        return sql("?", "once"), sql(""), sql("1 = 1")
    trigger = Trigger(campaign.trigger)
    if trigger is Trigger.WELCOME:
        return sql("?", "welcome"), sql(""), sql("m.created_at >= ?", campaign.launched_at)
    if trigger is Trigger.BIRTHDAY:
        return sql("?", year), sql(""), _celebrated_today("m.birthday", at)
    if trigger is Trigger.ANNIVERSARY:
        return sql("?", year), sql(""), _celebrated_today("m.anniversary", at)
    if trigger is Trigger.INACTIVITY:
        since = at - timedelta(days=campaign.trigger_days)
        return sql("'lapse:' || m.visit_count"), sql(""), sql("m.last_purchase_at < ?", since)
    if trigger is Trigger.POINTS_EXPIRING:
        lots = sql(
            "FROM points_lot l WHERE l.member_id = m.id AND l.remaining > 0 AND l.expires_at >= ? AND l.expires_at < ?",
            at,
            at + timedelta(days=campaign.trigger_days),
        )
        return sql("'expiring:' || (SELECT MIN(l.id) ") + lots + sql(")"), sql(""), sql("EXISTS (SELECT 1 ") + lots + sql(")")
    if trigger is Trigger.TIER_UPGRADE:
        return (
            sql("'upgrade:' || tc.id"),
            sql(" JOIN tier_change tc ON tc.member_id = m.id"),
            sql("tc.cause = ? AND tc.created_at >= ?", TierChangeCause.UPGRADE.value, campaign.launched_at),
        )
    if trigger is Trigger.TIER_ABOUT_TO_DOWNGRADE:
        until = at + timedelta(days=campaign.trigger_days)
        return _review_stamp(), sql(" JOIN tier_status ts ON ts.member_id = m.id"), falling(await ladder(), at, until)
    return (
        sql("'referee:' || rr.referee_id"),
        sql(" JOIN referral_reward rr ON rr.referrer_id = m.id"),
        sql("rr.created_at >= ?", campaign.launched_at),
    )


async def candidates(campaign: Campaign, at: datetime, member_id: int | None = None) -> Candidates:
    """The members the campaign reaches now (only `member_id`, when given)."""
    occurrence, joins, condition = await _occasion(campaign, at)
    only = sql(" AND m.id = ?", member_id) if member_id is not None else sql("")
    return Candidates(
        sql("SELECT m.id AS id, m.marketing_consent AS consent, ")
        + occurrence
        + sql(" AS occurrence FROM member m")
        + joins
        + sql(" WHERE ")
        + await audience(campaign, at)
        + sql(" AND ")
        + condition
        + only
    )


async def settings() -> CampaignSettings:
    row = await CampaignSettings.get_or_none(id=1)
    return row if row is not None else CampaignSettings(id=1)


async def run_campaign(campaign: Campaign, at: datetime, member_id: int | None = None) -> None:
    """Reaches the members the campaign applies to now (only `member_id`, when given); a
    one-shot campaign is then DONE."""
    await fan_out(campaign, await settings(), await candidates(campaign, at, member_id), at)
    if campaign.kind == CampaignKind.ONE_SHOT:
        await Campaign.filter(id=campaign.id, status=CampaignStatus.ACTIVE).update(status=CampaignStatus.DONE, updated_at=at)


async def _trigger(context: JobContext) -> None:
    at = context.started_at
    due = Campaign.filter(status=CampaignStatus.ACTIVE)
    if "trigger" in context.payload:
        due = due.filter(kind=CampaignKind.TRIGGERED, trigger=context.payload["trigger"])
    member_id = context.payload.get("member_id")
    for campaign in await due.order_by("id"):
        if campaign.kind == CampaignKind.TRIGGERED or (campaign.scheduled_at or at) <= at:
            await run_campaign(campaign, at, int(member_id) if member_id is not None else None)
    if "trigger" not in context.payload:
        await grant_recent_rewards(at)


@on_success
async def _referral_succeeded(success: ReferralSuccess) -> None:
    """Referral-success campaigns reach the referrer right away, not at the next scan."""
    await enqueue(TRIGGER_TASK, f"campaign:referral-success:{success.referee_id}", {"trigger": Trigger.REFERRAL_SUCCESS.value})


@post_save(TierChange)
async def _tier_changed(
    sender: type[TierChange], instance: TierChange, created: bool, using_db: BaseDBAsyncClient | None, update_fields: Iterable[str] | None
) -> None:
    """Tier-upgrade campaigns reach the member right after the upgrade commits (the job is queued
    on the upgrade's transaction), not at the next scan."""
    if created and TierChangeCause(instance.cause) is TierChangeCause.UPGRADE:
        payload = {"trigger": Trigger.TIER_UPGRADE.value, "member_id": instance.member_id}
        await enqueue(TRIGGER_TASK, f"campaign:tier-upgrade:{instance.id}", payload, using_db=using_db)


TRIGGER = Task(TRIGGER_TASK, _trigger, max_attempts=5, backoff=60.0, timeout=3600.0)
