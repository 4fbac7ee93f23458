"""Managing tiers (HQ). Upgrade/downgrade rules come with the growth engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.errors import DomainError, ErrorCode, invalid, not_found
from server.core.text import clean_text
from server.member.models import Member
from server.tier.models import Tier


@dataclass
class TierDraft:
    name: str
    rank: int
    discount_percent: int = 100
    points_multiplier_pct: int = 100
    perks: list[str] = field(default_factory=list)


def _snapshot(tier: Tier) -> dict[str, object]:
    return {
        "name": tier.name,
        "rank": tier.rank,
        "discount_percent": tier.discount_percent,
        "points_multiplier_pct": tier.points_multiplier_pct,
        "perks": list(tier.perks),
    }


def _clean(draft: TierDraft) -> TierDraft:
    name = clean_text(draft.name, "name", max_length=50, required=True)
    if not 0 <= draft.rank <= 1000:
        raise invalid("rank", "Rank is 0-1000.")
    if not 1 <= draft.discount_percent <= 100:
        raise invalid("discountPercent", "Discount is the share of list price paid, 1-100.")
    if not 0 <= draft.points_multiplier_pct <= 1000:
        raise invalid("pointsMultiplier", "Points multiplier is 0-10.")
    if len(draft.perks) > 20:
        raise invalid("perks", "At most 20 perks.")
    perks = [clean_text(p, "perks", max_length=100, required=True) for p in draft.perks]
    return TierDraft(name, draft.rank, draft.discount_percent, draft.points_multiplier_pct, perks)


async def create_tier(actor: Actor | None, draft: TierDraft) -> Tier:
    require(actor, Permission.MANAGE_TIERS)
    draft = _clean(draft)
    try:
        async with in_transaction():
            tier = await Tier.create(**draft.__dict__)
            await audit.record(actor, "tier.create", "Tier", tier.id, None, _snapshot(tier))
    except IntegrityError as exc:
        raise DomainError(ErrorCode.DUPLICATE, "Another tier has this name or rank.", "rank") from exc
    return tier


async def update_tier(actor: Actor | None, tier_id: int, draft: TierDraft) -> Tier:
    require(actor, Permission.MANAGE_TIERS)
    draft = _clean(draft)
    try:
        async with in_transaction():
            tier = await Tier.get_or_none(id=tier_id)
            if tier is None:
                raise not_found("Tier", "id")
            before = _snapshot(tier)
            tier.update_from_dict(draft.__dict__)
            await tier.save()
            await audit.record(actor, "tier.update", "Tier", tier.id, *audit.changed_only(before, _snapshot(tier)))
    except IntegrityError as exc:
        raise DomainError(ErrorCode.DUPLICATE, "Another tier has this name or rank.", "rank") from exc
    return tier


async def delete_tier(actor: Actor | None, tier_id: int) -> None:
    """Refused while members hold the tier: move them first, history must stay explainable."""
    require(actor, Permission.MANAGE_TIERS)
    async with in_transaction():
        tier = await Tier.get_or_none(id=tier_id)
        if tier is None:
            raise not_found("Tier", "id")
        if await Member.exists(tier_id=tier_id):
            raise invalid("id", "Members still hold this tier.")
        before = _snapshot(tier)
        await tier.delete()
        await audit.record(actor, "tier.delete", "Tier", tier_id, before, None)


async def entry_tier() -> Tier | None:
    """The lowest tier, which new members start in."""
    return await Tier.all().order_by("rank").first()
