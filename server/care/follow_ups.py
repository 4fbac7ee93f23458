"""Follow-up visits (回访): recording a contact with a member and listing the follow-ups due.

A member's follow-up recorded last is their latest (`is_latest`); its `next_follow_up_on` is the
one due. Recording another follow-up settles the earlier plan, whatever dates either carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, member_scope, require
from server.audit import services as audit
from server.care.models import ContactChannel, FollowUp, FollowUpOutcome
from server.care.scope import member_in_scope
from server.core.clock import BUSINESS_TZ, now
from server.core.errors import invalid
from server.core.text import clean_multiline
from server.member.models import Member, MemberStatus

CLOCK_SKEW = timedelta(minutes=5)
MAX_NOTES = 2000


@dataclass
class FollowUpDraft:
    member_id: int
    channel: ContactChannel
    outcome: FollowUpOutcome
    visited_at: datetime | None = None
    notes: str | None = None
    next_follow_up_on: date | None = None


def _snapshot(row: FollowUp) -> dict[str, Any]:
    return {
        "follow_up_id": row.id,
        "visited_at": row.visited_at.isoformat(),
        "channel": ContactChannel(row.channel).value,
        "outcome": FollowUpOutcome(row.outcome).value,
        "next_follow_up_on": row.next_follow_up_on.isoformat() if row.next_follow_up_on else None,
    }


async def record_follow_up(actor: Actor | None, draft: FollowUpDraft) -> FollowUp:
    """Records a contact with a member the actor may manage; it becomes the member's latest."""
    actor = require(actor, Permission.MANAGE_MEMBERS)
    member = await member_in_scope(actor, draft.member_id)
    at = now()
    visited_at = draft.visited_at or at
    if visited_at > at + CLOCK_SKEW:
        raise invalid("visitedAt", "A follow-up can't be recorded before it happens.")
    visited_on = visited_at.astimezone(BUSINESS_TZ).date()
    if draft.next_follow_up_on is not None and draft.next_follow_up_on <= visited_on:
        raise invalid("nextFollowUpOn", "The next follow-up must come after this one.")
    notes = clean_multiline(draft.notes, "notes", max_length=MAX_NOTES)
    async with in_transaction():
        await Member.filter(id=member.id).select_for_update().first()
        await FollowUp.filter(member_id=member.id, is_latest=True).update(is_latest=False)
        row = await FollowUp.create(
            member_id=member.id,
            staff_id=actor.staff_id,
            visited_at=visited_at,
            channel=draft.channel,
            outcome=draft.outcome,
            notes=notes,
            next_follow_up_on=draft.next_follow_up_on,
        )
        await audit.record(actor, "care.follow_up", "Member", member.id, None, _snapshot(row))
    return row


async def follow_ups_of(actor: Actor | None, member_id: int) -> QuerySet[FollowUp]:
    """A member's follow-ups, for staff who may manage the member; ordering and paging are the caller's."""
    member = await member_in_scope(require(actor), member_id)
    return FollowUp.filter(member_id=member.id)


def follow_ups_query(actor: Actor | None) -> QuerySet[FollowUp]:
    """Follow-ups of the members the actor may list."""
    return FollowUp.filter(**member_scope(require(actor), "member"))


def follow_ups_due(
    actor: Actor | None, by: date, *, store_ids: list[int] | None = None, region_ids: list[int] | None = None
) -> QuerySet[FollowUp]:
    """Active members' latest follow-ups whose next date is on or before `by`, in the actor's scope."""
    query = follow_ups_query(actor).filter(
        is_latest=True, next_follow_up_on__lte=by, member__status=MemberStatus.ACTIVE
    )
    if store_ids:
        query = query.filter(member__home_store_id__in=store_ids)
    if region_ids:
        query = query.filter(member__home_store__region_id__in=region_ids)
    return query
