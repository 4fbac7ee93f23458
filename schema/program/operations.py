"""The programme: everyone signed in reads it (a clerk quotes promotions at the till); HQ changes it."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.ids import decode_id
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.core.scalars import Money
from schema.program.types import (
    EarnRule,
    EarnRulePayload,
    ProgramSettings,
    ProgramSettingsPayload,
    RechargeRule,
    RechargeRulePayload,
)
from server.access.policy import Permission
from server.core.errors import invalid
from server.program import services


def _hundredths(value: Decimal, field: str) -> int:
    """A decimal with at most two places as an integer of hundredths (1.5 → 150)."""
    try:
        scaled = value * 100
        if not scaled.is_finite() or scaled != scaled.to_integral_value():
            raise InvalidOperation
    except InvalidOperation as exc:
        raise invalid(field, "A number with at most two decimals, e.g. 1.5.") from exc
    return int(scaled)


def _store(store_id: relay.GlobalID | None) -> int | None:
    return decode_id(store_id, "Store", "storeId") if store_id is not None else None


@strawberry.input(description="Settings to change; omitted ones stay as they are.")
class ProgramSettingsInput:
    max_amount: Money | None = strawberry.field(
        default=None, description="Largest amount a single recharge or consume accepts."
    )
    points_per_yuan_offset: int | None = strawberry.field(
        default=None, description="Points worth 1.00 when paying with points."
    )
    points_expiry_months: int | None = strawberry.field(
        default=None, description="Months until earned points expire; 0 = never."
    )


@strawberry.input(description="A new recharge promotion.")
class RechargeRuleInput:
    name: str = strawberry.field(description="Name shown on receipts, e.g. 充1000送100.")
    min_amount: Money = strawberry.field(description="The least recharge the rule applies to.")
    bonus_amount: Money = strawberry.field(description="Bonus credited; at most minAmount.")
    store_id: relay.GlobalID | None = strawberry.field(
        default=None, description="Only at this store; every store when omitted."
    )
    starts_at: datetime | None = strawberry.field(
        default=None, description="From when, with its UTC offset; open when omitted."
    )
    ends_at: datetime | None = strawberry.field(
        default=None, description="Until when (exclusive), with its UTC offset; open when omitted."
    )

    def to_draft(self) -> services.RechargeRuleDraft:
        return services.RechargeRuleDraft(
            name=self.name,
            min_amount=self.min_amount,
            bonus_amount=self.bonus_amount,
            store_id=_store(self.store_id),
            starts_at=self.starts_at,
            ends_at=self.ends_at,
        )


@strawberry.input(description="The earn rule of one store, or of the brand (storeId null); replaces the existing one.")
class EarnRuleInput:
    store_id: relay.GlobalID | None = strawberry.field(
        default=None, description="The store; the brand default when null."
    )
    points_per_yuan: int = strawberry.field(description="Points per 1.00 paid, 0-1000.")
    promotion_multiplier: Decimal = strawberry.field(
        default=Decimal(1), description="Multiplier within the promotion window, 1-10 with at most two decimals."
    )
    promotion_starts_at: datetime | None = strawberry.field(
        default=None, description="Promotion start, with its UTC offset; open when omitted."
    )
    promotion_ends_at: datetime | None = strawberry.field(
        default=None, description="Promotion end (exclusive), with its UTC offset; open when omitted."
    )


@strawberry.type
class ProgramQuery:
    @strawberry.field(description="The brand-wide money and points settings.", permission_classes=[IsAuthenticated])
    async def program_settings(self) -> ProgramSettings:
        return ProgramSettings.from_model(await services.settings())

    @strawberry.field(
        description="Recharge promotions by threshold; only active ones unless includeInactive.",
        permission_classes=[IsAuthenticated],
    )
    async def recharge_rules(self, include_inactive: bool = False) -> list[RechargeRule]:
        return [RechargeRule.from_model(r) for r in await services.recharge_rules(include_inactive=include_inactive)]

    @strawberry.field(
        description="Earn rules: the brand default first, then per store.", permission_classes=[IsAuthenticated]
    )
    async def earn_rules(self) -> list[EarnRule]:
        return [EarnRule.from_model(r) for r in await services.earn_rules()]


@strawberry.type
class ProgramMutation:
    @payload_mutation(description="Changes the brand-wide settings.", requires=Permission.MANAGE_PROGRAM)
    async def update_program_settings(
        self,
        info: Info,
        input: ProgramSettingsInput,  # noqa: A002
    ) -> ProgramSettingsPayload:
        row = await services.update_settings(
            info.context.actor,
            max_amount=input.max_amount,
            points_per_yuan_offset=input.points_per_yuan_offset,
            points_expiry_months=input.points_expiry_months,
        )
        return ProgramSettingsPayload(settings=ProgramSettings.from_model(row))

    @payload_mutation(description="Creates a recharge promotion.", requires=Permission.MANAGE_PROGRAM)
    async def create_recharge_rule(self, info: Info, input: RechargeRuleInput) -> RechargeRulePayload:  # noqa: A002
        rule = await services.create_recharge_rule(info.context.actor, input.to_draft())
        return RechargeRulePayload(recharge_rule=RechargeRule.from_model(rule))

    @payload_mutation(
        description="Stops a recharge promotion; recharges it already paid keep naming it.",
        requires=Permission.MANAGE_PROGRAM,
    )
    async def deactivate_recharge_rule(self, info: Info, id: relay.GlobalID) -> RechargeRulePayload:  # noqa: A002
        rule = await services.deactivate_recharge_rule(info.context.actor, decode_id(id, "RechargeRule"))
        return RechargeRulePayload(recharge_rule=RechargeRule.from_model(rule))

    @payload_mutation(
        description="Sets the earn rule of a store or the brand default.", requires=Permission.MANAGE_PROGRAM
    )
    async def set_earn_rule(self, info: Info, input: EarnRuleInput) -> EarnRulePayload:  # noqa: A002
        rule = await services.set_earn_rule(
            info.context.actor,
            _store(input.store_id),
            input.points_per_yuan,
            _hundredths(input.promotion_multiplier, "promotionMultiplier"),
            input.promotion_starts_at,
            input.promotion_ends_at,
        )
        return EarnRulePayload(earn_rule=EarnRule.from_model(rule))
