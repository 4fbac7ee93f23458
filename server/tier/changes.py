"""Changing a member's tier: the one transaction every cause goes through.

`change_tier` moves the member with a guarded update (`WHERE tier_id = <the tier it was decided
from>`), so of two evaluations racing for one member only the first moves it and the other
changes nothing: a change, and the gift package an upgrade carries, happen once. In the same
transaction it resets the member's `TierStatus` (since when, next retention review, floors),
records the `TierChange` and grants the gift: the gift's points first — they lock the member's
points account, and every payment locks accounts before the member row — then the coupons, each
in a savepoint so a template that ran out or is withdrawn is skipped (and noted) instead of
blocking the upgrade.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from server.access.policy import Actor
from server.audit import services as audit
from server.coupon import services as coupons
from server.core.errors import DomainError, invalid
from server.ledger.operations import system_key
from server.member.models import Member
from server.points import services as points
from server.tier.conditions import retention
from server.tier.models import Tier, TierChange, TierChangeCause, TierStatus
from server.tier.windows import next_review


@dataclass
class Move:
    """One decided change: from the tier the decision read to the new one."""

    member_id: int
    from_tier: Tier | None
    to_tier: Tier | None
    cause: TierChangeCause
    at: datetime
    detail: str = ""
    operation_id: int | None = None
    status: dict[str, Any] = field(default_factory=dict)


class _Stale(Exception):
    """The member's tier moved since the decision: roll back, change nothing."""


def review_after(tier: Tier | None, at: datetime) -> datetime | None:
    """When a tier entered at `at` is first reviewed: never without retention conditions."""
    return None if tier is None or retention(tier).empty else next_review(tier, at, at)


async def change_tier(move: Move, actor: Actor | None = None) -> TierChange | None:
    """Applies the move (with the gift package for an upgrade); None if the member's tier is no
    longer the one the move starts from."""
    to = move.to_tier
    gift = move.cause is TierChangeCause.UPGRADE and to is not None
    award = await points.prepare_award(move.member_id, to.gift_points, f"升级礼包 {to.name}") if gift and to and to.gift_points else None
    try:
        async with in_transaction():
            received: dict[str, Any] = {}
            if award is not None:
                operation = await points.post_award(award, system_key("tier-gift", uuid.uuid4().hex))
                received.update(points=award.points, points_operation_id=operation.id)
            from_id = move.from_tier.id if move.from_tier else None
            moved = await Member.filter(id=move.member_id, tier_id=from_id).update(tier_id=to.id if to else None, updated_at=move.at)
            if moved != 1:
                raise _Stale
            if gift and to:
                received.update(await _grant_coupons(to, move.member_id, move.at))
            await TierStatus.update_or_create(
                defaults={"since": move.at, "review_at": review_after(to, move.at), **move.status}, member_id=move.member_id
            )
            change = await TierChange.create(
                member_id=move.member_id,
                from_tier_id=from_id,
                to_tier_id=to.id if to else None,
                from_name=move.from_tier.name if move.from_tier else "",
                to_name=to.name if to else "",
                cause=move.cause,
                detail=move.detail[:255],
                staff_id=actor.staff_id if actor else None,
                operation_id=move.operation_id,
                gift=received,
            )
            await audit.record(
                actor,
                f"tier.{move.cause.value.lower()}",
                "Member",
                move.member_id,
                {"tier": change.from_name or None},
                {"tier": change.to_name or None, "detail": change.detail, "tier_change_id": change.id},
            )
    except _Stale:
        return None
    return change


async def _grant_coupons(tier: Tier, member_id: int, at: datetime) -> dict[str, list[Any]]:
    codes: list[str] = []
    skipped: list[int] = []
    for template_id in tier.gift_coupon_template_ids:
        try:
            async with in_transaction():
                template = await coupons.issuable_template(template_id)
                if template.valid_to is not None and template.valid_to <= at:
                    raise invalid("giftCouponTemplateIds", "This coupon template's coupons have expired.")
                (coupon,) = await coupons.grant(template, [member_id])
            codes.append(coupon.code)
        except DomainError:
            skipped.append(template_id)
    return {"coupon_codes": codes, **({"coupon_templates_skipped": skipped} if skipped else {})}
