"""A tier's upgrade or retention conditions, and whether an activity meets them."""

from __future__ import annotations

from dataclasses import dataclass

from server.tier.activity import Activity
from server.tier.models import Match, Tier


@dataclass(frozen=True)
class Conditions:
    match: Match
    spend: int | None = None
    visits: int | None = None
    points: int | None = None

    @property
    def empty(self) -> bool:
        return self.spend is None and self.visits is None and self.points is None

    def checks(self, done: Activity) -> list[bool]:
        """One verdict per condition that is set (spend, visits, points order)."""
        pairs = ((self.spend, done.spend), (self.visits, done.visits), (self.points, done.points))
        return [current >= required for required, current in pairs if required is not None]

    def met_by(self, done: Activity) -> bool:
        """Empty conditions are never met: they describe no way to earn the tier."""
        checks = self.checks(done)
        return bool(checks) and (all(checks) if Match(self.match) is Match.ALL else any(checks))


def upgrade(tier: Tier) -> Conditions:
    return Conditions(Match(tier.upgrade_match), tier.upgrade_spend, tier.upgrade_visits, tier.upgrade_points)


def retention(tier: Tier) -> Conditions:
    return Conditions(Match(tier.retain_match), tier.retain_spend, tier.retain_visits, tier.retain_points)


def retained(tier: Tier, done: Activity) -> bool:
    """A tier without retention conditions is kept whatever the activity."""
    conditions = retention(tier)
    return conditions.empty or conditions.met_by(done)
