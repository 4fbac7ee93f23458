"""Deciding members' tiers from their activity.

    upgrade_after(member, operation)  after a consume committed (the `tier.upgrade` job): the
                                      highest tier above the member's whose upgrade conditions
                                      the activity now meets, if any
    review_due(at)                    the scheduled review (`tier.review`): members whose
                                      retention period ended are kept or downgraded (one level,
                                      or to the highest lower tier the period retains), and a
                                      bought tier or HQ's floor that expired falls back to the
                                      tier the member has earned; an active floor is never gone
                                      below. A member reviewed at `at` is not due again at `at`,
                                      so a second run changes nothing.

Activity comes from `server.tier.activity` (grouped SQL), once per distinct window.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.expressions import Q, Subquery

from server.core.clock import now
from server.member.models import Member, MemberStatus
from server.tier import conditions
from server.tier.activity import Activity, activity
from server.tier.changes import Move, change_tier
from server.tier.models import Downgrade, Tier, TierChange, TierChangeCause, TierStatus
from server.tier.windows import next_review, period_ending, upgrade_window

BATCH = 200


class _Counts:
    """One member's activity per window, each window counted once."""

    def __init__(self, member_id: int) -> None:
        self.member_id = member_id
        self.seen: dict[tuple[datetime, datetime], Activity] = {}

    async def __call__(self, window: tuple[datetime, datetime]) -> Activity:
        if window not in self.seen:
            self.seen[window] = (await activity([self.member_id], *window)).get(self.member_id, Activity())
        return self.seen[window]


async def ladder() -> list[Tier]:
    return list(await Tier.all().order_by("rank"))


def _describe(done: Activity, since: datetime) -> str:
    return (
        f"Spent {done.spend / 100:.2f} in {done.visits} visits and earned {done.points} points "
        f"since {since:%Y-%m-%d %H:%M} UTC."
    )


async def _earned_above(tiers: list[Tier], floor: Tier | None, counts: _Counts, at: datetime) -> tuple[Tier, str] | None:
    """The highest tier above `floor` whose upgrade conditions are met at `at`, with why."""
    for tier in reversed(tiers):
        if floor is not None and tier.rank <= floor.rank:
            return None
        rule = conditions.upgrade(tier)
        window = upgrade_window(tier, at)
        if not rule.empty and rule.met_by(done := await counts(window)):
            return tier, _describe(done, window[0])
    return None


async def upgrade_after(member_id: int, operation_id: int | None = None, at: datetime | None = None) -> TierChange | None:
    at = at or now()
    member = await Member.get_or_none(id=member_id)
    if member is None or member.status != MemberStatus.ACTIVE:
        return None
    tiers = await ladder()
    current = next((t for t in tiers if t.id == member.tier_id), None)
    earned = await _earned_above(tiers, current, _Counts(member_id), at)
    if earned is None:
        return None
    target, why = earned
    return await change_tier(Move(member_id, current, target, TierChangeCause.UPGRADE, at, why, operation_id))


async def review_due(at: datetime | None = None) -> int:
    """Reviews every member due at `at`; how many changed tier."""
    at = at or now()
    tiers = await ladder()
    await _start_reviews(tiers, at)
    changed, after = 0, 0
    due = Q(review_at__lte=at) | Q(floor_until__lte=at) | Q(paid_until__lte=at)
    while batch := await TierStatus.filter(due, id__gt=after).order_by("id").limit(BATCH):
        tier_of = dict(await Member.filter(id__in=[s.member_id for s in batch]).values_list("id", "tier_id"))
        for status in batch:
            changed += await _review(status, tier_of.get(status.member_id), tiers, at)
        after = batch[-1].id
    return changed


async def _start_reviews(tiers: list[Tier], at: datetime) -> None:
    """Holders of a tier with retention conditions and no review scheduled (the rules are new, or
    the tier was given outside the engine) start their first period now."""
    for tier in tiers:
        if conditions.retention(tier).empty:
            continue
        holders = Member.filter(tier_id=tier.id)
        first = next_review(tier, at, at)
        missing = await holders.exclude(id__in=Subquery(TierStatus.all().values("member_id"))).values_list("id", flat=True)
        await TierStatus.bulk_create(
            [TierStatus(member_id=m, since=at, review_at=first) for m in missing], ignore_conflicts=True, batch_size=1000
        )
        await TierStatus.filter(review_at=None, member_id__in=Subquery(holders.values("id"))).update(review_at=first)


def _below(tiers: list[Tier], current: Tier) -> list[Tier]:
    return [t for t in tiers if t.rank < current.rank]


async def _fallen(current: Tier, tiers: list[Tier], status: TierStatus, counts: _Counts) -> Tier:
    """Where a member who failed the retention of `current` at the period's end goes."""
    lower = _below(tiers, current)
    if not lower:
        return current
    if Downgrade(current.downgrade) is Downgrade.ONE_LEVEL:
        return lower[-1]
    assert status.review_at is not None
    for tier in reversed(lower):
        if conditions.retained(tier, await counts(period_ending(tier, status.review_at))):
            return tier
    return lower[0]


async def _review(status: TierStatus, tier_id: int | None, tiers: list[Tier], at: datetime) -> int:
    by_id = {t.id: t for t in tiers}
    current = by_id.get(tier_id) if tier_id is not None else None
    counts = _Counts(status.member_id)
    expired: dict[str, object] = {}
    floors: list[Tier] = []
    if status.floor_until is not None and status.floor_until <= at:
        expired.update(floor_tier_id=None, floor_until=None, floor_reason="")
    elif status.floor_tier_id in by_id:
        floors.append(by_id[status.floor_tier_id])
    if status.paid_until is not None and status.paid_until <= at:
        expired.update(paid_tier_id=None, paid_until=None)
    elif status.paid_tier_id in by_id:
        floors.append(by_id[status.paid_tier_id])
    due = status.review_at is not None and status.review_at <= at
    falls: list[tuple[Tier, TierChangeCause, str]] = []
    if current is not None and due and status.review_at is not None:
        window = period_ending(current, status.review_at)
        done = await counts(window)
        if not conditions.retained(current, done):
            falls.append((await _fallen(current, tiers, status, counts), TierChangeCause.DOWNGRADE, _describe(done, window[0])))
    if current is not None and expired:
        earned = await _earned_above(tiers, None, counts, at)
        fallback = earned[0] if earned else tiers[0]
        if fallback.rank < current.rank:
            falls.append((fallback, TierChangeCause.EXPIRY, "The bought or manual tier expired."))
    target, cause, why = min(falls, key=lambda fall: fall[0].rank) if falls else (current, None, "")
    floor = max(floors, key=lambda t: t.rank, default=None)
    if target is not None and floor is not None and floor.rank > target.rank:
        target = floor
    if cause is not None and target is not None and target is not current:
        move = Move(status.member_id, current, target, cause, at, why, status=expired)
        return 1 if await change_tier(move) is not None else 0
    changes = dict(expired)
    if due:
        keeps_review = current is not None and not conditions.retention(current).empty
        changes["review_at"] = next_review(current, at, status.review_at) if current is not None and keeps_review else None
    await TierStatus.filter(
        id=status.id, review_at=status.review_at, floor_until=status.floor_until, paid_until=status.paid_until
    ).update(**changes)
    return 0
