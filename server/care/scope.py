"""Care records belong to a member: who may see or write them is who may manage that member."""

from __future__ import annotations

from server.access.policy import Actor
from server.core.errors import DomainError
from server.member.models import Member
from server.member.services import get_member_in_scope


async def member_in_scope(actor: Actor, member_id: int, field: str = "memberId") -> Member:
    """The member if the actor may manage it; errors name the input `field`."""
    try:
        return await get_member_in_scope(actor, member_id)
    except DomainError as exc:
        raise DomainError(exc.code, exc.message, field) from exc
