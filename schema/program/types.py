"""The loyalty programme HQ configures, as GraphQL types: settings, recharge rules, earn rules."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.nodes import ModelNode
from schema.core.scalars import Money
from schema.org.types import Store
from server.program import models


async def _store(info: Info, store_id: int | None) -> Store | None:
    row = await info.context.loaders.store.load(store_id) if store_id is not None else None
    return Store.from_model(row) if row else None


@strawberry.type(description="Brand-wide money and points settings.")
class ProgramSettings:
    max_amount: Money = strawberry.field(description="Largest amount a single recharge or consume accepts.")
    points_per_yuan_offset: int = strawberry.field(description="Points worth 1.00 when a member pays with points.")
    points_expiry_months: int = strawberry.field(description="Months until earned points expire; 0 = never.")
    updated_at: datetime = strawberry.field(description="When the settings last changed.")

    @classmethod
    def from_model(cls, row: models.ProgramSettings) -> ProgramSettings:
        return cls(
            max_amount=Money(row.max_amount),
            points_per_yuan_offset=row.points_per_yuan_offset,
            points_expiry_months=row.points_expiry_months,
            updated_at=row.updated_at,
        )


@strawberry.type(
    description="A recharge promotion (充值赠送): pay at least minAmount, get bonusAmount as bonus. "
    "Of the active rules a recharge reaches, the one with the highest minAmount applies."
)
class RechargeRule(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Name shown on receipts, e.g. 充1000送100.")
    min_amount: Money = strawberry.field(description="The least recharge the rule applies to.")
    bonus_amount: Money = strawberry.field(description="Bonus credited to the bonus bucket.")
    starts_at: datetime | None = strawberry.field(description="From when it applies; always when null.")
    ends_at: datetime | None = strawberry.field(description="Until when (exclusive); open-ended when null.")
    is_active: bool = strawberry.field(description="Inactive rules pay no bonus.")
    created_at: datetime = strawberry.field(description="When HQ created it.")
    store_id: strawberry.Private[int | None]

    @strawberry.field(description="The only store it applies at; null = every store.")
    async def store(self, info: Info) -> Store | None:
        return await _store(info, self.store_id)

    @classmethod
    def from_model(cls, row: models.RechargeRule, info: Any = None) -> RechargeRule:
        return cls(
            id=row.id,
            name=row.name,
            min_amount=Money(row.min_amount),
            bonus_amount=Money(row.bonus_amount),
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            is_active=row.is_active,
            created_at=row.created_at,
            store_id=row.store_id,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.RechargeRule.all()


@strawberry.type(
    description="How many points a yuan paid earns (before the tier multiplier): a store's own rule, "
    "or the brand default (null store) for stores without one."
)
class EarnRule(ModelNode):
    id: relay.NodeID[int]
    points_per_yuan: int = strawberry.field(description="Points per 1.00 paid.")
    promotion_multiplier: Decimal = strawberry.field(
        description="Multiplier within the promotion window, e.g. 2 or 1.5."
    )
    promotion_starts_at: datetime | None = strawberry.field(description="Promotion start; null = open.")
    promotion_ends_at: datetime | None = strawberry.field(description="Promotion end (exclusive); null = open.")
    updated_at: datetime = strawberry.field(description="When the rule last changed.")
    store_id: strawberry.Private[int | None]

    @strawberry.field(description="The store the rule is for; null for the brand default.")
    async def store(self, info: Info) -> Store | None:
        return await _store(info, self.store_id)

    @classmethod
    def from_model(cls, row: models.EarnRule, info: Any = None) -> EarnRule:
        return cls(
            id=row.id,
            points_per_yuan=row.points_per_yuan,
            promotion_multiplier=Decimal(row.promotion_multiplier_pct) / 100,
            promotion_starts_at=row.promotion_starts_at,
            promotion_ends_at=row.promotion_ends_at,
            updated_at=row.updated_at,
            store_id=row.store_id,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.EarnRule.all()


@strawberry.type(description="Result of updateProgramSettings.")
class ProgramSettingsPayload:
    settings: ProgramSettings | None = strawberry.field(default=None, description="The settings after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of a recharge rule mutation.")
class RechargeRulePayload:
    recharge_rule: RechargeRule | None = strawberry.field(default=None, description="The rule after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of setEarnRule.")
class EarnRulePayload:
    earn_rule: EarnRule | None = strawberry.field(default=None, description="The rule after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")
