"""HQ sets a member's tier by hand, with a reason and an optional expiry.

The tier set is a floor: until it expires, no retention review takes the member below it (an
upgrade can still lift them above). When it expires the review lets the member fall back to the
tier they have earned.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, not_found
from server.core.text import clean_text
from server.member.services import get_member_in_scope
from server.program.windows import check_window, iso
from server.tier.changes import Move, change_tier
from server.tier.models import Tier, TierChange, TierChangeCause, TierStatus


async def set_member_tier(
    actor: Actor | None, member_id: int, tier_id: int, reason: str, until: datetime | None = None
) -> TierChange | None:
    """Moves the member to the tier (None when they already hold it: only the floor is renewed)."""
    actor = require(actor, Permission.MANAGE_TIERS)
    reason = clean_text(reason, "reason", max_length=255, required=True)
    at = now()
    check_window(at, until, starts_field="until", ends_field="until")
    try:
        member = await get_member_in_scope(actor, member_id)
    except DomainError as exc:
        raise DomainError(exc.code, exc.message, "memberId") from exc
    tier = await Tier.get_or_none(id=tier_id)
    if tier is None:
        raise not_found("Tier", "tierId")
    floor = {"floor_tier_id": tier.id, "floor_until": until, "floor_reason": reason}
    if member.tier_id == tier.id:
        async with in_transaction():
            await TierStatus.update_or_create(defaults=floor, member_id=member.id)
            await audit.record(actor, "tier.floor", "Member", member.id, None, {"tier": tier.name, "until": iso(until), "reason": reason})
        return None
    current = await Tier.get_or_none(id=member.tier_id) if member.tier_id is not None else None
    change = await change_tier(Move(member.id, current, tier, TierChangeCause.MANUAL, at, reason, status=floor), actor)
    if change is None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "The member's tier changed meanwhile; look again and retry.", "memberId")
    return change
