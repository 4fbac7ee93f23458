"""HQ's rules for a tier: how it is earned and kept, what an upgrade gives, what it costs."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.errors import invalid, not_found
from server.coupon.models import CouponTemplate
from server.tier.models import Downgrade, Match, Tier, TierWindow

MAX_DAYS = 3660
MAX_GIFT_POINTS = 10_000_000


@dataclass
class ConditionsDraft:
    match: Match = Match.ANY
    spend: int | None = None
    visits: int | None = None
    points: int | None = None


@dataclass
class RulesDraft:
    window: TierWindow = TierWindow.ROLLING
    window_days: int = 365
    upgrade: ConditionsDraft = field(default_factory=ConditionsDraft)
    retention: ConditionsDraft = field(default_factory=ConditionsDraft)
    downgrade: Downgrade = Downgrade.ONE_LEVEL
    gift_coupon_template_ids: list[int] = field(default_factory=list)
    gift_points: int = 0
    price: int | None = None
    paid_days: int | None = None


RULE_FIELDS = (
    "window",
    "window_days",
    "upgrade_match",
    "upgrade_spend",
    "upgrade_visits",
    "upgrade_points",
    "retain_match",
    "retain_spend",
    "retain_visits",
    "retain_points",
    "downgrade",
    "gift_coupon_template_ids",
    "gift_points",
    "price",
    "paid_days",
)


def rules_snapshot(tier: Tier) -> dict[str, object]:
    values = {name: getattr(tier, name) for name in RULE_FIELDS}
    return {name: value.value if isinstance(value, Enum) else value for name, value in values.items()}


def _columns(prefix: str, draft: ConditionsDraft, field_name: str) -> dict[str, object]:
    for name in ("spend", "visits", "points"):
        value = getattr(draft, name)
        if value is not None and value <= 0:
            raise invalid(f"{field_name}.{name}", f"A {name} condition must be more than 0; leave it out to drop it.")
    return {f"{prefix}_match": draft.match, f"{prefix}_spend": draft.spend, f"{prefix}_visits": draft.visits, f"{prefix}_points": draft.points}


async def _checked(draft: RulesDraft) -> dict[str, object]:
    if not 1 <= draft.window_days <= MAX_DAYS:
        raise invalid("windowDays", f"A rolling window is between 1 and {MAX_DAYS} days.")
    if not 0 <= draft.gift_points <= MAX_GIFT_POINTS:
        raise invalid("giftPoints", f"Gift points are between 0 and {MAX_GIFT_POINTS}.")
    templates = sorted(set(draft.gift_coupon_template_ids))
    if len(templates) > 10:
        raise invalid("giftCouponTemplateIds", "A gift package holds at most 10 coupon templates.")
    if await CouponTemplate.filter(id__in=templates, is_active=True).count() != len(templates):
        raise not_found("Coupon template", "giftCouponTemplateIds")
    if (draft.price is None) != (draft.paid_days is None):
        raise invalid("paidDays", "A tier for sale needs both a price and a duration.")
    if draft.price is not None and draft.price <= 0:
        raise invalid("price", "The price must be more than 0.00.")
    if draft.paid_days is not None and not 1 <= draft.paid_days <= MAX_DAYS:
        raise invalid("paidDays", f"A bought tier lasts between 1 and {MAX_DAYS} days.")
    return {
        "window": draft.window,
        "window_days": draft.window_days,
        **_columns("upgrade", draft.upgrade, "upgrade"),
        **_columns("retain", draft.retention, "retention"),
        "downgrade": draft.downgrade,
        "gift_coupon_template_ids": templates,
        "gift_points": draft.gift_points,
        "price": draft.price,
        "paid_days": draft.paid_days,
    }


async def set_tier_rules(actor: Actor | None, tier_id: int, draft: RulesDraft) -> Tier:
    """Replaces the tier's rules; members are measured by them from the next evaluation on."""
    require(actor, Permission.MANAGE_TIERS)
    values = await _checked(draft)
    async with in_transaction():
        tier = await Tier.get_or_none(id=tier_id).select_for_update()
        if tier is None:
            raise not_found("Tier", "id")
        before = rules_snapshot(tier)
        tier.update_from_dict(values)
        await tier.save()
        await audit.record(actor, "tier.rules", "Tier", tier.id, *audit.changed_only(before, rules_snapshot(tier)))
    return tier
