"""Reading (and HQ editing) the programme: settings, recharge bonuses, earn rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.errors import invalid
from server.core.text import clean_text
from server.program.models import EarnRule, ProgramSettings, RechargeRule


async def settings() -> ProgramSettings:
    """The single settings row, created with defaults the first time it is read."""
    row = await ProgramSettings.filter(id=1).first()
    if row is None:
        row, _ = await ProgramSettings.get_or_create(id=1)
    return row


async def update_settings(
    actor: Actor | None,
    *,
    max_amount: int | None = None,
    points_per_yuan_offset: int | None = None,
    points_expiry_months: int | None = None,
) -> ProgramSettings:
    require(actor, Permission.MANAGE_PROGRAM)
    if max_amount is not None and not 1 <= max_amount <= 10**13:
        raise invalid("maxAmount", "The cap must be positive.")
    if points_per_yuan_offset is not None and not 1 <= points_per_yuan_offset <= 100_000:
        raise invalid("pointsPerYuanOffset", "Between 1 and 100000 points per 1.00.")
    if points_expiry_months is not None and not 0 <= points_expiry_months <= 120:
        raise invalid("pointsExpiryMonths", "Between 0 (never) and 120 months.")
    row = await settings()
    before = {k: getattr(row, k) for k in ("max_amount", "points_per_yuan_offset", "points_expiry_months")}
    async with in_transaction():
        for name, value in (
            ("max_amount", max_amount),
            ("points_per_yuan_offset", points_per_yuan_offset),
            ("points_expiry_months", points_expiry_months),
        ):
            if value is not None:
                setattr(row, name, value)
        await row.save()
        after = {k: getattr(row, k) for k in before}
        await audit.record(actor, "program.settings", "ProgramSettings", row.id, *audit.changed_only(before, after))
    return row


@dataclass
class RechargeRuleDraft:
    name: str
    min_amount: int
    bonus_amount: int
    store_id: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None


async def create_recharge_rule(actor: Actor | None, draft: RechargeRuleDraft) -> RechargeRule:
    require(actor, Permission.MANAGE_PROGRAM)
    name = clean_text(draft.name, "name", max_length=50, required=True)
    if draft.min_amount <= 0:
        raise invalid("minAmount", "The minimum recharge must be positive.")
    if not 0 < draft.bonus_amount <= draft.min_amount:
        raise invalid("bonusAmount", "The bonus must be positive and at most the minimum recharge.")
    if draft.starts_at and draft.ends_at and draft.ends_at <= draft.starts_at:
        raise invalid("endsAt", "The rule must end after it starts.")
    async with in_transaction():
        rule = await RechargeRule.create(**{**draft.__dict__, "name": name})
        await audit.record(actor, "recharge_rule.create", "RechargeRule", rule.id, None, {**draft.__dict__, "name": name})
    return rule


async def recharge_bonus(store_id: int, amount: int, at: datetime) -> tuple[int, str | None]:
    """(bonus, rule name): the applicable rule with the highest threshold the amount reaches."""
    rule = (
        await RechargeRule.filter(is_active=True, min_amount__lte=amount)
        .filter(Q(store_id=None) | Q(store_id=store_id))
        .filter(Q(starts_at=None) | Q(starts_at__lte=at))
        .filter(Q(ends_at=None) | Q(ends_at__gt=at))
        .order_by("-min_amount", "-bonus_amount")
        .first()
    )
    return (rule.bonus_amount, rule.name) if rule else (0, None)


@dataclass(frozen=True)
class EarnTerms:
    points_per_yuan: int
    promotion_pct: int


async def earn_terms(store_id: int, at: datetime) -> EarnTerms:
    """The store's rule, else the brand default, else 1 point per yuan."""
    rules = {r.store_id: r for r in await EarnRule.filter(Q(store_id=store_id) | Q(store_id=None))}
    rule = rules.get(store_id) or rules.get(None)
    if rule is None:
        return EarnTerms(points_per_yuan=1, promotion_pct=100)
    in_promotion = (rule.promotion_starts_at is None or rule.promotion_starts_at <= at) and (
        rule.promotion_ends_at is None or at < rule.promotion_ends_at
    )
    return EarnTerms(rule.points_per_yuan, rule.promotion_multiplier_pct if in_promotion else 100)


async def set_earn_rule(
    actor: Actor | None,
    store_id: int | None,
    points_per_yuan: int,
    promotion_multiplier_pct: int = 100,
    promotion_starts_at: datetime | None = None,
    promotion_ends_at: datetime | None = None,
) -> EarnRule:
    require(actor, Permission.MANAGE_PROGRAM)
    if not 0 <= points_per_yuan <= 1000:
        raise invalid("pointsPerYuan", "Between 0 and 1000 points per yuan.")
    if not 100 <= promotion_multiplier_pct <= 1000:
        raise invalid("promotionMultiplier", "Between 1 and 10.")
    values = {
        "points_per_yuan": points_per_yuan,
        "promotion_multiplier_pct": promotion_multiplier_pct,
        "promotion_starts_at": promotion_starts_at,
        "promotion_ends_at": promotion_ends_at,
    }
    async with in_transaction():
        rule = await EarnRule.filter(store_id=store_id).first()
        if rule is None:
            rule = await EarnRule.create(store_id=store_id, **values)
        else:
            rule.update_from_dict(values)
            await rule.save()
        await audit.record(actor, "earn_rule.set", "EarnRule", rule.id, None, {"store_id": store_id, **values})
    return rule
