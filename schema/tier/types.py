"""Tiers as GraphQL types: tiers and their rules, tier changes, and a member's standing."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry
from strawberry import relay
from tortoise.expressions import Subquery

from schema.context import Info
from schema.core.nodes import ModelNode
from schema.core.scalars import Money
from server.member.services import members_query
from server.tier import conditions, models, standing

TierWindow = strawberry.enum(
    models.TierWindow, description="ROLLING: the last windowDays days; MONTH, QUARTER, YEAR: the calendar period (Asia/Shanghai)."
)
TierMatch = strawberry.enum(models.Match, name="TierMatch", description="Whether ANY or ALL of the set conditions must hold.")
TierDowngrade = strawberry.enum(
    models.Downgrade,
    name="TierDowngrade",
    description="After a failed retention: ONE_LEVEL down, or to the highest lower tier the period QUALIFIED for.",
)
TierChangeCause = strawberry.enum(models.TierChangeCause, description="Why a member's tier changed.")


@strawberry.type(description="Conditions on activity in the tier's window; unset ones are not part of the rule.")
class TierConditions:
    match: TierMatch = strawberry.field(description="ANY or ALL of the set conditions.")
    spend: Money | None = strawberry.field(description="Spent (net of refunds).")
    visits: int | None = strawberry.field(description="Number of consumes.")
    points: int | None = strawberry.field(description="Points earned by consumes (net of refunds).")

    @classmethod
    def of(cls, rule: conditions.Conditions) -> TierConditions:
        return cls(
            match=rule.match, spend=Money(rule.spend) if rule.spend is not None else None, visits=rule.visits, points=rule.points
        )


@strawberry.type(description="How a tier is earned and kept, what an upgrade to it gives and what it costs.")
class TierRules:
    window: TierWindow = strawberry.field(description="Where activity is counted.")
    window_days: int = strawberry.field(description="Length of a ROLLING window.")
    upgrade: TierConditions = strawberry.field(description="Met after a consume: the member is upgraded.")
    retention: TierConditions = strawberry.field(description="Checked at the end of each period; none set: kept.")
    downgrade: TierDowngrade = strawberry.field(description="Where a failed retention leads.")
    gift_coupon_template_ids: list[relay.GlobalID] = strawberry.field(description="Coupons granted with an upgrade.")
    gift_points: int = strawberry.field(description="Points granted with an upgrade.")
    price: Money | None = strawberry.field(description="Price of buying the tier; null when not for sale.")
    paid_days: int | None = strawberry.field(description="How long a bought tier lasts.")


@strawberry.type(description="A member tier (会员等级) and its benefits.")
class Tier(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Display name, e.g. 金卡.")
    rank: int = strawberry.field(description="Order of tiers; higher is better.")
    discount_percent: int = strawberry.field(description="Share of list price a member pays, 1-100 (95 = 9.5折).")
    points_multiplier: Decimal = strawberry.field(description="Multiplier on earned points, e.g. 1.5.")
    perks: list[str] = strawberry.field(description="Listed perks shown to members.")
    row: strawberry.Private[models.Tier]

    @strawberry.field(description="Upgrade, retention, gift and price rules.")
    def rules(self) -> TierRules:
        t = self.row
        return TierRules(
            window=t.window,
            window_days=t.window_days,
            upgrade=TierConditions.of(conditions.upgrade(t)),
            retention=TierConditions.of(conditions.retention(t)),
            downgrade=t.downgrade,
            gift_coupon_template_ids=[relay.GlobalID("CouponTemplate", str(i)) for i in t.gift_coupon_template_ids],
            gift_points=t.gift_points,
            price=Money(t.price) if t.price is not None else None,
            paid_days=t.paid_days,
        )

    @classmethod
    def from_model(cls, row: models.Tier, info: Any = None) -> Tier:
        return cls(
            id=row.id,
            name=row.name,
            rank=row.rank,
            discount_percent=row.discount_percent,
            points_multiplier=Decimal(row.points_multiplier_pct) / 100,
            perks=list(row.perks),
            row=row,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.Tier.all()


@strawberry.type(description="A money condition: what the member has and what the rule asks.")
class MoneyMeasure:
    current: Money = strawberry.field(description="Counted so far in the window.")
    required: Money = strawberry.field(description="What the condition asks.")
    remaining: Money = strawberry.field(description="Still needed; 0.00 when met.")
    met: bool = strawberry.field(description="Whether this condition holds.")


@strawberry.type(description="A count condition (visits, points): what the member has and what the rule asks.")
class CountMeasure:
    current: int = strawberry.field(description="Counted so far in the window.")
    required: int = strawberry.field(description="What the condition asks.")
    remaining: int = strawberry.field(description="Still needed; 0 when met.")
    met: bool = strawberry.field(description="Whether this condition holds.")


@strawberry.type(description="A member measured against one tier's conditions, condition by condition.")
class TierStanding:
    tier: Tier = strawberry.field(description="The tier measured against.")
    match: TierMatch = strawberry.field(description="ANY or ALL of the conditions must hold.")
    since: datetime = strawberry.field(description="Start of the window counted.")
    until: datetime = strawberry.field(description="End of the window: now for progress, the review for retention.")
    spend: MoneyMeasure | None = strawberry.field(description="The spend condition, if set.")
    visits: CountMeasure | None = strawberry.field(description="The visits condition, if set.")
    points: CountMeasure | None = strawberry.field(description="The points condition, if set.")
    met: bool = strawberry.field(description="Whether the conditions hold as counted now.")

    @classmethod
    def of(cls, found: standing.Standing) -> TierStanding:
        spend = found.spend
        return cls(
            tier=Tier.from_model(found.tier),
            match=found.match,
            since=found.since,
            until=found.until,
            spend=MoneyMeasure(
                current=Money(spend.current), required=Money(spend.required), remaining=Money(spend.remaining), met=spend.met
            )
            if spend
            else None,
            visits=_count(found.visits),
            points=_count(found.points),
            met=found.met,
        )


def _count(measure: standing.Measure | None) -> CountMeasure | None:
    if measure is None:
        return None
    return CountMeasure(current=measure.current, required=measure.required, remaining=measure.remaining, met=measure.met)


@strawberry.type(description="What keeping the current tier needs, and what keeps it regardless.")
class TierRetention:
    tier: Tier = strawberry.field(description="The member's current tier.")
    conditions: TierStanding | None = strawberry.field(
        description="The retention conditions counted in the running period (until = the review); null: none."
    )
    held_until: datetime | None = strawberry.field(description="Until when a bought tier or HQ's floor keeps the tier.")
    held_by: str = strawberry.field(description="PAID or MANUAL when something keeps the tier; empty otherwise.")


@strawberry.type(description="A change of a member's tier, with its cause.")
class TierChange(ModelNode):
    id: relay.NodeID[int]
    from_tier: str = strawberry.field(description="The tier before (its name then); empty for none.")
    to_tier: str = strawberry.field(description="The tier after (its name then); empty for none.")
    cause: TierChangeCause = strawberry.field(description="UPGRADE, DOWNGRADE, MANUAL, PAID or EXPIRY.")
    detail: str = strawberry.field(description="Why, in words: the activity counted, HQ's reason, …")
    gift: strawberry.scalars.JSON = strawberry.field(description="The upgrade gift granted: points, coupon codes.")
    created_at: datetime = strawberry.field(description="When it happened.")
    row: strawberry.Private[models.TierChange]

    @strawberry.field(description="Username of the staff member who changed it by hand; null for the programme.")
    async def actor(self, info: Info) -> str | None:
        row = await info.context.loaders.staff.load(self.row.staff_id) if self.row.staff_id else None
        return row.username if row else None

    @classmethod
    def from_model(cls, row: models.TierChange, info: Any = None) -> TierChange:
        return cls(
            id=row.id,
            from_tier=row.from_name,
            to_tier=row.to_name,
            cause=row.cause,
            detail=row.detail,
            gift=row.gift,
            created_at=row.created_at,
            row=row,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.TierChange.filter(member_id__in=Subquery(members_query(info.context.actor).values("id")))


@strawberry.type(description="A page of tier changes, newest first.")
class TierChangeConnection(relay.Connection[TierChange]):
    pass
