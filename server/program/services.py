"""Reading (and HQ editing) the programme: settings, recharge bonuses, earn rules.

Reads are open to every signed-in caller (a clerk quotes the promotions at the till); changes need
MANAGE_PROGRAM, which only HQ holds. A rule is never edited in place once it may have paid out a
bonus: recharge rules are created and deactivated, so the rule a recharge names stays true.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import invalid, not_found
from server.core.joined import select
from server.core.sql import sql
from server.core.text import clean_text
from server.org.models import Store
from server.program.models import EarnRule, ProgramSettings, RechargeRule
from server.program.windows import check_window, iso

_SETTINGS = ("max_amount", "points_per_yuan_offset", "points_expiry_months")


async def settings() -> ProgramSettings:
    """The single settings row, created with defaults the first time it is read."""
    rows = await select(ProgramSettings, sql("x.id = 1"))
    row = rows[0] if rows else None
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
    """Changes only the settings given, in one UPDATE of those columns, so concurrent edits of
    different settings don't undo each other."""
    require(actor, Permission.MANAGE_PROGRAM)
    if max_amount is not None and not 1 <= max_amount <= 10**13:
        raise invalid("maxAmount", "The cap must be between 0.01 and 100000000000.00.")
    if points_per_yuan_offset is not None and not 1 <= points_per_yuan_offset <= 100_000:
        raise invalid("pointsPerYuanOffset", "Between 1 and 100000 points per 1.00.")
    if points_expiry_months is not None and not 0 <= points_expiry_months <= 120:
        raise invalid("pointsExpiryMonths", "Between 0 (never) and 120 months.")
    given = {
        name: value
        for name, value in zip(_SETTINGS, (max_amount, points_per_yuan_offset, points_expiry_months), strict=True)
        if value is not None
    }
    row = await settings()
    before = {name: getattr(row, name) for name in _SETTINGS}
    async with in_transaction():
        if given:
            await ProgramSettings.filter(id=row.id).update(**given, updated_at=now())
        row = await ProgramSettings.get(id=row.id)
        after = {name: getattr(row, name) for name in _SETTINGS}
        await audit.record(actor, "program.settings", "ProgramSettings", row.id, *audit.changed_only(before, after))
    return row


async def _check_store(store_id: int | None, field: str = "storeId") -> None:
    if store_id is not None and not await Store.exists(id=store_id):
        raise not_found("Store", field)


@dataclass
class RechargeRuleDraft:
    name: str
    min_amount: int
    bonus_amount: int
    store_id: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None


def _rule_snapshot(rule: RechargeRule) -> dict[str, object]:
    return {
        "name": rule.name,
        "min_amount": rule.min_amount,
        "bonus_amount": rule.bonus_amount,
        "store_id": rule.store_id,
        "starts_at": iso(rule.starts_at),
        "ends_at": iso(rule.ends_at),
        "is_active": rule.is_active,
    }


async def create_recharge_rule(actor: Actor | None, draft: RechargeRuleDraft) -> RechargeRule:
    require(actor, Permission.MANAGE_PROGRAM)
    name = clean_text(draft.name, "name", max_length=50, required=True)
    if draft.min_amount <= 0:
        raise invalid("minAmount", "The minimum recharge must be positive.")
    if not 0 < draft.bonus_amount <= draft.min_amount:
        raise invalid("bonusAmount", "The bonus must be positive and at most the minimum recharge.")
    check_window(draft.starts_at, draft.ends_at, starts_field="startsAt", ends_field="endsAt")
    await _check_store(draft.store_id)
    async with in_transaction():
        rule = await RechargeRule.create(**{**draft.__dict__, "name": name})
        await audit.record(actor, "recharge_rule.create", "RechargeRule", rule.id, None, _rule_snapshot(rule))
    return rule


async def deactivate_recharge_rule(actor: Actor | None, rule_id: int) -> RechargeRule:
    """Stops a rule paying bonuses from now on; recharges it already paid keep naming it."""
    require(actor, Permission.MANAGE_PROGRAM)
    rule = await RechargeRule.get_or_none(id=rule_id)
    if rule is None:
        raise not_found("Recharge rule", "id")
    async with in_transaction():
        if await RechargeRule.filter(id=rule.id, is_active=True).update(is_active=False) != 1:
            raise invalid("id", "The recharge rule is already inactive.")
        rule.is_active = False
        await audit.record(
            actor, "recharge_rule.deactivate", "RechargeRule", rule.id, {"is_active": True}, {"is_active": False}
        )
    return rule


async def recharge_rules(*, include_inactive: bool = False) -> list[RechargeRule]:
    """Rules by threshold (then newest first), as a cashier reads the promotion board."""
    query = RechargeRule.all() if include_inactive else RechargeRule.filter(is_active=True)
    return list(await query.order_by("min_amount", "-id"))


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


def terms_of(rules: Iterable[EarnRule | None], store_id: int, at: datetime) -> EarnTerms:
    """The store's rule, else the brand default, else 1 point per yuan (`rules` holds either or
    both, read by the caller)."""
    by_store = {r.store_id: r for r in rules if r is not None}
    rule = by_store.get(store_id) or by_store.get(None)
    if rule is None:
        return EarnTerms(points_per_yuan=1, promotion_pct=100)
    in_promotion = (rule.promotion_starts_at is None or rule.promotion_starts_at <= at) and (
        rule.promotion_ends_at is None or at < rule.promotion_ends_at
    )
    return EarnTerms(rule.points_per_yuan, rule.promotion_multiplier_pct if in_promotion else 100)


async def earn_rules() -> list[EarnRule]:
    """The brand default first, then the store-specific rules."""
    rules = await EarnRule.all().order_by("id")
    return sorted(rules, key=lambda r: (r.store_id is not None, r.store_id or 0))


async def set_earn_rule(
    actor: Actor | None,
    store_id: int | None,
    points_per_yuan: int,
    promotion_multiplier_pct: int = 100,
    promotion_starts_at: datetime | None = None,
    promotion_ends_at: datetime | None = None,
) -> EarnRule:
    """Creates or replaces the earn rule of one store (or the brand default when `store_id` is
    None). The promotion multiplier applies within its window; with no window, always."""
    require(actor, Permission.MANAGE_PROGRAM)
    if not 0 <= points_per_yuan <= 1000:
        raise invalid("pointsPerYuan", "Between 0 and 1000 points per yuan.")
    if not 100 <= promotion_multiplier_pct <= 1000:
        raise invalid("promotionMultiplier", "Between 1 and 10.")
    check_window(promotion_starts_at, promotion_ends_at, starts_field="promotionStartsAt", ends_field="promotionEndsAt")
    await _check_store(store_id)
    values = {
        "points_per_yuan": points_per_yuan,
        "promotion_multiplier_pct": promotion_multiplier_pct,
        "promotion_starts_at": promotion_starts_at,
        "promotion_ends_at": promotion_ends_at,
    }
    snapshot = {**values, "promotion_starts_at": iso(promotion_starts_at), "promotion_ends_at": iso(promotion_ends_at)}
    try:
        return await _save_earn_rule(actor, store_id, values, snapshot)
    except IntegrityError:
        # A concurrent call created the rule first (the unique index allows one per store and one
        # brand default): this one replaces it instead.
        return await _save_earn_rule(actor, store_id, values, snapshot)


async def _save_earn_rule(
    actor: Actor | None, store_id: int | None, values: dict[str, Any], snapshot: dict[str, Any]
) -> EarnRule:
    async with in_transaction():
        rule = await EarnRule.filter(store_id=store_id).first()
        before = None
        if rule is None:
            rule = await EarnRule.create(store_id=store_id, **values)
        else:
            before = {
                "points_per_yuan": rule.points_per_yuan,
                "promotion_multiplier_pct": rule.promotion_multiplier_pct,
                "promotion_starts_at": iso(rule.promotion_starts_at),
                "promotion_ends_at": iso(rule.promotion_ends_at),
            }
            rule.update_from_dict(values)
            await rule.save()
        await audit.record(actor, "earn_rule.set", "EarnRule", rule.id, before, {"store_id": store_id, **snapshot})
    return rule
