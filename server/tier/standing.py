"""Where a member stands: what the next tier still needs, and what keeping the current one needs.

Both count the member's activity the way the engine will (`server.tier.activity` over the
tier's window), so what staff read is what the next evaluation decides.

    progress(member)    the next tier above with upgrade conditions, each with the current and
                        required value, counted in the upgrade window up to now
    retention(member)   the current tier's retention conditions, counted in the running period,
                        and when that period ends (the review); any floor keeping the tier
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from server.core.clock import now
from server.member.models import Member
from server.tier import conditions
from server.tier.activity import Activity, activity
from server.tier.conditions import Conditions
from server.tier.models import Match, Tier, TierStatus
from server.tier.windows import next_review, period_ending, upgrade_window


@dataclass(frozen=True)
class Measure:
    current: int
    required: int

    @property
    def remaining(self) -> int:
        return max(self.required - self.current, 0)

    @property
    def met(self) -> bool:
        return self.current >= self.required


@dataclass(frozen=True)
class Standing:
    tier: Tier
    match: Match
    since: datetime
    until: datetime
    spend: Measure | None
    visits: Measure | None
    points: Measure | None
    met: bool


@dataclass(frozen=True)
class Retention:
    tier: Tier
    standing: Standing | None
    held_until: datetime | None
    held_by: str


def _measure(rule: Conditions, done: Activity, tier: Tier, window: tuple[datetime, datetime]) -> Standing:
    def pair(required: int | None, current: int) -> Measure | None:
        return Measure(current, required) if required is not None else None

    return Standing(
        tier,
        Match(rule.match),
        window[0],
        window[1],
        pair(rule.spend, done.spend),
        pair(rule.visits, done.visits),
        pair(rule.points, done.points),
        rule.met_by(done),
    )


async def _counted(member_id: int, window: tuple[datetime, datetime]) -> Activity:
    return (await activity([member_id], *window)).get(member_id, Activity())


async def progress(member: Member, at: datetime | None = None) -> Standing | None:
    """None at the top, or when no tier above can be earned."""
    at = at or now()
    current = await Tier.get_or_none(id=member.tier_id) if member.tier_id is not None else None
    above = Tier.filter(rank__gt=current.rank) if current else Tier.all()
    for tier in await above.order_by("rank"):
        rule = conditions.upgrade(tier)
        if not rule.empty:
            window = upgrade_window(tier, at)
            return _measure(rule, await _counted(member.id, window), tier, window)
    return None


async def retention(member: Member, at: datetime | None = None) -> Retention | None:
    """None without a tier; `standing` None when the tier has no retention conditions."""
    at = at or now()
    tier = await Tier.get_or_none(id=member.tier_id) if member.tier_id is not None else None
    if tier is None:
        return None
    status = await TierStatus.get_or_none(member_id=member.id)
    held_until, held_by = _floor(status, tier, at)
    rule = conditions.retention(tier)
    if rule.empty:
        return Retention(tier, None, held_until, held_by)
    review = status.review_at if status and status.review_at else next_review(tier, at, at)
    since, _ = period_ending(tier, review)
    return Retention(tier, _measure(rule, await _counted(member.id, (since, at)), tier, (since, review)), held_until, held_by)


def _floor(status: TierStatus | None, tier: Tier, at: datetime) -> tuple[datetime | None, str]:
    """Until when a bought tier or HQ's floor keeps this tier ("" when nothing does)."""
    if status is None:
        return None, ""
    if status.paid_tier_id == tier.id and status.paid_until and status.paid_until > at:
        return status.paid_until, "PAID"
    if status.floor_tier_id == tier.id and (status.floor_until is None or status.floor_until > at):
        return status.floor_until, "MANUAL"
    return None, ""
